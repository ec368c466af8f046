"""The window with a per-user folder it cannot write: it starts and runs, and says so once.

The index folder (the cache), the settings folder (the config) and the collections' (the
data) under a regular file, so no folder can be made there (any user, root too), in English and
in Chinese. The read-only folder's test skips as root, who writes anywhere; .ci/run runs it
again with those capabilities dropped.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from reader.library import paths
from reader.library.collections import Store
from reader.ui import i18n
from reader.ui.app.about import clear_and_rebuild
from reader.ui.app.window import MainWindow
from reader.ui.core import settings
from reader.ui.core.tasks import SyncExecutor
from tests.ui.test_collections import keep_open_article


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
    ("language", "said", "summary", "note"),
    [
        (
            "en",
            "Indexing failed: cannot write the search index in {index}: "
            "the folder {file} is a file, not a folder",
            "The search index cannot be written: this archive cannot be searched, but it can "
            "be read as ever.",
            "The search index cannot be written in {index}: the folder {file} is a file, not a "
            "folder. Searching needs an index, so this archive cannot be searched; everything "
            "else works.",
        ),
        (
            "zh_CN",
            "建立索引失败：无法在 {index} 中写入搜索索引：{file} 是一个文件，不是文件夹",
            "无法写入搜索索引：此报刊库无法搜索，但仍可照常阅读。",
            "无法在 {index} 中写入搜索索引：{file} 是一个文件，不是文件夹。搜索需要索引，"
            "因此无法搜索此报刊库；其他功能均可正常使用。",
        ),
    ],
)
def test_an_index_that_cannot_be_built_is_said_once(
    qtbot, qapp, archive, blocking, language, said, summary, note
):
    window = window_indexing_in(qtbot, blocking / "index")
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    i18n.install(qapp, language)
    try:
        window.open_path(str(archive))
        index = window.library.index_dir(blocking / "index")
        # Said over the window when the archive opens, naming the folder and why.
        box = shown_box(qtbot, window)
        assert box.text() == summary
        why = said.format(index=index, file=blocking).rsplit("：" if language == "zh_CN" else ": ")
        assert box.informativeText() == f"{index}{'：' if language == 'zh_CN' else ': '}{why[-1]}"
        box.accept()
        window.search_panel.search("供热")
        qtbot.wait(100)
        # The panel does not advise a build that cannot succeed.
        assert window.search_panel.summary.message.text() == note.format(index=index, file=blocking)
        window.action_set.update_index.trigger()  # tried again: said in the status bar only
        window.open_path(str(archive))  # opened again: no second box
        qtbot.wait(100)
    finally:
        i18n.install(qapp, "en")
    assert not any(b.isVisible() for b in window.findChildren(QMessageBox))
    shown = [m for m in messages if m]
    assert set(shown) == {said.format(index=index, file=blocking)}, shown
    assert window.isVisible() and blocking.read_text(encoding="utf-8") == "kept"


def shown_box(qtbot, window) -> QMessageBox:
    """The one message box open over ``window``."""
    qtbot.waitUntil(lambda: any(b.isVisible() for b in window.findChildren(QMessageBox)))
    (box,) = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    return box


def test_settings_that_cannot_be_kept_are_said_once_and_kept_for_the_session(
    qtbot, qapp, make_window, archive, blocking, tmp_path
):
    file = blocking / "config" / "settings.ini"
    settings.configure(file)  # the settings folder under a file: it cannot be made
    i18n.install(qapp, "zh_CN")
    try:
        window = make_window()  # it starts (it raised NotADirectoryError)
        box = shown_box(qtbot, window)
        assert box.text().startswith("无法保存您的设置：")
        assert box.informativeText() == f"{file}：{blocking} 是一个文件，不是文件夹"
        box.accept()
        window.open_path(str(archive))
        qtbot.waitUntil(lambda: window.library is not None)
        # Kept for the session, in memory: the archive open is the last one.
        assert settings.read("last_archive") == str(archive)
        window.close()
        qtbot.wait(50)
        assert not any(b.isVisible() for b in window.findChildren(QMessageBox))  # said once
    finally:
        i18n.install(qapp, "en")
    assert blocking.read_text(encoding="utf-8") == "kept"


def test_a_read_only_settings_folder_is_said_in_english(qtbot, make_window, tmp_path):
    folder = tmp_path / "config"
    folder.mkdir(mode=0o555)
    if os.access(folder, os.W_OK, effective_ids=True):
        pytest.skip("root writes into any folder (run it under setpriv without DAC caps)")
    settings.configure(folder / "settings.ini")
    window = make_window()
    box = shown_box(qtbot, window)
    assert box.text().startswith("Your settings cannot be saved: ")
    assert box.informativeText() == f"{folder / 'settings.ini'}: Permission denied"
    box.accept()
    settings.write(zoom=3)  # no second box for the same cause
    qtbot.wait(50)
    assert settings.read("zoom") == 3
    assert not any(b.isVisible() for b in window.findChildren(QMessageBox))


def test_writable_settings_say_nothing(qtbot, make_window):
    window = make_window()
    qtbot.wait(50)
    assert not any(b.isVisible() for b in window.findChildren(QMessageBox))
    assert settings.unwritable() is None


def test_a_data_folder_under_a_file_is_said_in_chinese(
    qtbot, qapp, window, archive, blocking, monkeypatch
):
    monkeypatch.setenv("XDG_DATA_HOME", str(blocking / "data"))
    file = paths.collections_file()
    why = f"{file}：{blocking} 是一个文件，不是文件夹"
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    i18n.install(qapp, "zh_CN")
    try:
        window.open_path(str(archive))  # an archive opened joins the library, kept there
        qtbot.waitUntil(lambda: f"书架无法使用：{why}" in messages)
        window.action_set.collections.trigger()
        qtbot.waitUntil(lambda: f"收藏夹无法打开：{why}" in messages)
    finally:
        i18n.install(qapp, "en")
    assert window.library is not None and window.isVisible()


def test_keeping_in_a_read_only_collections_file_is_said_not_a_bug(
    qtbot, window, archive, tmp_path, monkeypatch
):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    Store().close()  # the file made, then made read-only
    file = paths.collections_file()
    file.chmod(0o444)
    if os.access(file, os.W_OK, effective_ids=True):
        pytest.skip("root writes any file (run it under setpriv without DAC caps)")
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    window.open_path(str(archive))
    window.browser.go_to(window.library.issues[2].id)
    keep_open_article(qtbot, window, "见第二段")
    said = f"Your collections could not be changed: {file}: Permission denied"
    qtbot.waitUntil(lambda: said in messages)
    # It raised sqlite3.OperationalError, which the window showed as a bug.
    assert not [b for b in window.findChildren(QMessageBox) if b.isVisible()]


def test_an_index_that_cannot_be_cleared_is_said_in_chinese(qtbot, qapp, window, archive, tmp_path):
    window.open_path(str(archive))
    folder = paths.index_dir(archive, tmp_path / "index")
    qtbot.waitUntil(lambda: window.library.index_current(folder))
    (folder / "whoosh").chmod(0o555)  # its files cannot be deleted
    try:
        if os.access(folder / "whoosh", os.W_OK, effective_ids=True):
            pytest.skip("root deletes any file (run it under setpriv without DAC caps)")
        i18n.install(qapp, "zh_CN")
        try:
            said = clear_and_rebuild(window.session, window.search_panel.keeper)
        finally:
            i18n.install(qapp, "en")
    finally:
        (folder / "whoosh").chmod(0o755)
    assert said == f"无法清除搜索索引：{folder}：没有写入权限"  # not [Errno 13] …
