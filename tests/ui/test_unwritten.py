"""An export the window cannot write says why in the interface language, in every export it has.

Export Hits… (of the archive and of the library), Export Collection…, the concordance's Export
CSV… and the trends' Save: each to a path whose folder is a file (any user, root too), in the
Chinese interface, where the reason was the system's English. The read-only folder's test
skips as root, who writes anywhere; .ci/run runs it again with those capabilities dropped.
"""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from reader.library.destination import WHY, CannotWrite
from reader.model.reasons import placeholders
from reader.ui import i18n
from reader.ui.core import unwritten
from tests.library.kept import NAME, keep_from_two_archives
from tests.ui.test_collection_export import choose_collection
from tests.ui.test_collections import open_dock
from tests.ui.test_library import library_search
from tests.ui.test_library import open_dock as open_library
from tests.ui.test_library import three as three  # a fixture
from tests.ui.test_search import search
from tests.ui.test_trends import trends as trends  # a fixture

# A letter of the Latin alphabet outside the paths named: English words left in a message.
_LATIN = re.compile(r"[A-Za-z]")


def latin_besides(message: str, *paths: object) -> str:
    """The Latin letters of ``message`` once the ``paths`` it names (and CSV) are taken out."""
    for path in sorted((str(p) for p in paths), key=len, reverse=True):
        message = message.replace(path, "")
    return "".join(_LATIN.findall(message.replace("CSV", "")))


@pytest.fixture
def chinese(qapp):
    i18n.install(qapp, "zh_CN")
    yield
    i18n.install(qapp, "en")


@pytest.fixture
def blocked(tmp_path) -> Path:
    """A file where the export's folder should be."""
    file = tmp_path / "file"
    file.write_text("kept", encoding="utf-8")
    return file


def export_hits_to(qtbot, window, path: Path) -> str:
    """Export Hits… to ``path`` through Qt's dialog; the status bar's message, once it failed."""
    window.action_set.export_hits.trigger()
    dialog = window.search_panel.exporter.dialog
    dialog.selectFile(str(path))
    dialog.accept()
    qtbot.waitUntil(lambda: "无法导出" in window.statusBar().currentMessage())
    return window.statusBar().currentMessage()


def test_export_hits_under_a_file_says_why_in_chinese(qtbot, window, archive, blocked, chinese):
    window.open_path(str(archive))
    search(qtbot, window, "供热")
    out = blocked / "hits.csv"
    message = export_hits_to(qtbot, window, out)
    assert message == f"无法导出到 {out}：{blocked} 是一个文件，不是文件夹"
    assert blocked.read_text(encoding="utf-8") == "kept"


def test_export_hits_into_the_archive_says_why_in_chinese(qtbot, window, archive, chinese):
    window.open_path(str(archive))
    search(qtbot, window, "供热")
    message = export_hits_to(qtbot, window, archive / "hits.csv")
    assert message.endswith("：它在报刊库之内，而报刊库从不写入")
    assert not latin_besides(message, archive / "hits.csv")
    assert not (archive / "hits.csv").exists()


def test_a_library_search_exported_under_a_file_says_why_in_chinese(
    qtbot, qapp, make_window, three, blocked, tmp_path, monkeypatch
):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # its own shelf
    window = make_window()
    library_search(qtbot, window, open_library(qtbot, window), three, "供热")
    out = blocked / "hits.csv"
    i18n.install(qapp, "zh_CN")
    try:
        message = export_hits_to(qtbot, window, out)
    finally:
        i18n.install(qapp, "en")
    assert message == f"无法导出到 {out}：{blocked} 是一个文件，不是文件夹"


def test_export_collection_under_a_file_says_why_in_chinese(
    qtbot, window, tmp_path, blocked, chinese, monkeypatch
):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    from reader.library.collections import Store

    store = Store()
    try:
        kept = keep_from_two_archives(tmp_path / "archives", store)
    finally:
        store.close()
    window.open_path(str(kept.seed))
    dock = open_dock(qtbot, window)
    choose_collection(dock, NAME)
    dock.export_collection()
    dialog = dock.exporter.dialog
    out = blocked / "kept.csv"
    dialog.selectFile(str(out))
    dialog.accept()
    qtbot.waitUntil(lambda: "无法导出" in window.statusBar().currentMessage())
    assert window.statusBar().currentMessage() == (
        f"无法导出到 {out}：{blocked} 是一个文件，不是文件夹"
    )


def test_the_concordance_saved_under_a_file_says_why_in_chinese(
    qtbot, window, archive, blocked, chinese, monkeypatch
):
    window.open_path(str(archive))
    search(qtbot, window, "供热")
    window.action_set.concordance.trigger()
    view = window.concordance.view
    qtbot.waitUntil(lambda: view.model.rowCount() > 0)
    out = blocked / "供热.csv"
    # The file dialog is Qt's; the answer it would give is put in its place.
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(out), ""))
    view.export_button.click()
    assert view.summary.text() == f"无法保存 {out}：{blocked} 是一个文件，不是文件夹"


@pytest.mark.parametrize("kind", ["png", "svg", "csv"])
def test_the_trend_saved_under_a_file_says_why_in_chinese(
    trends, blocked, chinese, monkeypatch, kind
):
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warned.append(args[2]))
    out = blocked / f"trend.{kind}"
    assert not trends.save(out, kind)
    assert warned == [f"无法保存 {out}：{blocked} 是一个文件，不是文件夹"]


def test_a_read_only_folder_is_said_in_chinese(qtbot, window, archive, tmp_path, chinese):
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o555)
    if os.access(locked, os.W_OK, effective_ids=True):
        pytest.skip("root writes into any folder (run it under setpriv without DAC caps)")
    window.open_path(str(archive))
    search(qtbot, window, "供热")
    out = locked / "hits.csv"
    message = export_hits_to(qtbot, window, out)
    assert message == f"无法导出到 {out}：没有写入权限"
    assert list(locked.iterdir()) == []


def test_every_code_has_the_same_words_in_the_window():
    # A code the window lacks would show the system's English in every language.
    words = unwritten.templates()
    assert set(words) == set(WHY)
    for code, english in WHY.items():
        if code != "system":  # the window says whose words these are
            assert words[code] == english
        assert placeholders(words[code]) == placeholders(english), code


def test_a_code_unknown_to_the_window_keeps_its_english():
    assert unwritten.why(CannotWrite("x.csv", "Out of cheese", "newer")) == "Out of cheese"


def test_a_collections_file_sqlite_will_not_write_is_said_in_chinese(tmp_path, chinese):
    file = tmp_path / "collections.sqlite"
    sqlite3.connect(file).close()
    db = sqlite3.connect(f"file:{file}?mode=ro", uri=True)
    try:
        with pytest.raises(sqlite3.Error) as raised:
            db.execute("CREATE TABLE t (x)")
    finally:
        db.close()
    assert unwritten.not_opened(file, raised.value) == f"{file}：没有写入权限"
