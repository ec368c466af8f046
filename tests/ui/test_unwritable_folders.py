"""The window with a per-user folder it cannot write: it starts and runs, and says so once.

The index folder (the cache) and the settings folder (the config) under a regular file, so no
folder can be made there (any user, root too), in English and in Chinese.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.ui import i18n
from reader.ui.app.window import MainWindow
from reader.ui.core.tasks import SyncExecutor


@pytest.fixture
def blocking(tmp_path) -> Path:
    """A file where a per-user folder should be."""
    file = tmp_path / "file"
    file.write_text("kept", encoding="utf-8")
    return file


def window_indexing_in(qtbot, index_root: Path) -> MainWindow:
    window = MainWindow(index_root=index_root, executor=SyncExecutor(), index_in_process=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.mark.parametrize(
    ("language", "said"),
    [
        (
            "en",
            "Indexing failed: cannot write the search index in {index}: "
            "the folder {file} is a file, not a folder",
        ),
        ("zh_CN", "建立索引失败：无法在 {index} 中写入搜索索引：{file} 是一个文件，不是文件夹"),
    ],
)
def test_an_index_that_cannot_be_built_is_said_once(qtbot, qapp, archive, blocking, language, said):
    window = window_indexing_in(qtbot, blocking / "index")
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    i18n.install(qapp, language)
    try:
        window.open_path(str(archive))
        qtbot.waitUntil(lambda: any(m for m in messages))
        window.search_panel.search("供热")
        qtbot.wait(100)
    finally:
        i18n.install(qapp, "en")
    index = window.library.index_dir(blocking / "index")
    assert [m for m in messages if m] == [said.format(index=index, file=blocking)]
    assert window.isVisible() and blocking.read_text(encoding="utf-8") == "kept"
