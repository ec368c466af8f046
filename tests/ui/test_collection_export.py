"""Collections › Export Collection… in the window, and relinking a moved zip.

The collection's items come from two real archives in tmp_path (a copy of the seed and a
small weekly); the window has one of them open, the other is opened by the export.
"""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
import rispy
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from reader.library import Library
from reader.library.collections import Store
from reader.ui import i18n
from reader.ui.app.collections_dock import CollectionsDock
from tests.conftest import SAMPLE_ISSUES
from tests.library.kept import NAME, NOTES, TITLES, Kept, keep_from_two_archives
from tests.ui.test_collections import cells, open_dock


@pytest.fixture(autouse=True)
def own_data(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


@pytest.fixture
def kept(tmp_path) -> Kept:
    store = Store()
    try:
        return keep_from_two_archives(tmp_path / "archives", store)
    finally:
        store.close()


def choose_collection(dock: CollectionsDock, name: str) -> None:
    box = dock.items_view.collection
    box.setCurrentIndex(box.findData(name))
    box.activated.emit(box.currentIndex())


def export_through_dialog(qtbot, dock, start, path, filter_index: int = 0) -> None:
    """Start Export Collection… (``start``), pick a file type and a name in Qt's dialog, accept."""
    with qtbot.waitSignal(dock.exporter.finished, timeout=10_000):
        start()
        dialog = dock.exporter.dialog
        assert isinstance(dialog, QFileDialog) and dialog.isVisible()
        assert dialog.windowTitle() == "Export Collection"
        dialog.selectNameFilter(dialog.nameFilters()[filter_index])
        dialog.selectFile(str(path))
        dialog.accept()


def test_the_button_exports_the_collection_chosen_as_csv(qtbot, window, kept, tmp_path):
    window.open_path(str(kept.seed))
    dock = open_dock(qtbot, window)
    choose_collection(dock, NAME)
    view = dock.items_view
    assert cells(view.table, 0) == TITLES
    out = tmp_path / "out" / "供热.csv"
    out.parent.mkdir()
    export_through_dialog(
        qtbot, dock, lambda: qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton), out
    )
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"), newline="")))
    assert [row["title"] for row in rows] == TITLES
    assert [row["note"] for row in rows] == NOTES
    assert [row["archive"] for row in rows] == ["weekly", "seed", "weekly"]
    assert window.statusBar().currentMessage() == f"Exported 3 articles to {out}"


def test_the_context_menu_exports_as_ris_the_name_offered_is_the_collections(
    qtbot, window, kept, tmp_path
):
    dock = open_dock(qtbot, window)  # no archive open in the window: both are opened
    choose_collection(dock, NAME)
    view = dock.items_view
    menu = [a.text() for a in view.table.actions()]
    assert "E&xport Collection…" in menu and "&Open Item" in menu
    assert view.table.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    view.export_action.trigger()
    assert dock.exporter.dialog.selectedFiles()[0].endswith(f"{NAME}.csv")
    dock.exporter.dialog.reject()
    export_through_dialog(qtbot, dock, view.export_action.trigger, tmp_path / "kept", 1)
    records = rispy.loads((tmp_path / "kept.ris").read_text(encoding="utf-8"))
    assert [r["accession_number"] for r in records] == kept.ids
    assert records[1]["keywords"] == ["能源", "会议"]


def test_items_left_out_are_listed(qtbot, window, kept, tmp_path):
    shutil.move(kept.weekly, tmp_path / "elsewhere")
    dock = open_dock(qtbot, window)
    choose_collection(dock, NAME)
    out = tmp_path / "partial.bib"
    export_through_dialog(qtbot, dock, dock.export_collection, out, filter_index=3)
    assert out.read_text(encoding="utf-8").count("@article{") == 1
    assert window.statusBar().currentMessage() == f"Exported 1 article to {out}; left out: 2"
    box = dock.exporter.report
    assert isinstance(box, QMessageBox) and box.isVisible()
    listed = box.informativeText().splitlines()
    assert listed == [
        f"{title} — {kept.weekly.resolve()}: the archive is not where it was "
        "(relink it in Collections)"
        for title in (TITLES[0], TITLES[2])
    ]
    box.accept()


def test_nothing_to_export_in_an_empty_list(qtbot, window):
    dock = open_dock(qtbot, window)
    assert not dock.items_view.export_button.isEnabled()
    assert not dock.items_view.export_action.isEnabled()
    dock.export_collection()
    assert dock.exporter.dialog is None


def test_the_dialog_in_chinese(qtbot, qapp, window, kept):
    try:
        i18n.install(qapp, "zh_CN")
        dock = open_dock(qtbot, window)
        qtbot.waitUntil(lambda: dock.items_view.export_button.text() == "导出收藏夹(&X)…")
        choose_collection(dock, NAME)
        dock.export_collection()
        dialog = dock.exporter.dialog
        assert dialog.windowTitle() == "导出收藏夹"
        assert dialog.nameFilters()[0] == "CSV 表格 (*.csv)"
        dialog.reject()
    finally:
        i18n.install(qapp, "en")
        qtbot.waitUntil(lambda: window.menus.file.title() == "&File")


def test_a_moved_zip_is_relinked_with_a_file_dialog(qtbot, window, tmp_path, monkeypatch):
    source = shutil.copytree(SAMPLE_ISSUES, tmp_path / "s")
    zipped = Path(shutil.make_archive(str(tmp_path / "first" / "seed"), "zip", source))
    store = Store()
    with Library.open(zipped) as library:
        issue = library.issues[0]
        title = issue.articles[2].title
        store.save(NAME, zipped, issue, issue.articles[2], "压缩包")
    store.close()
    moved = tmp_path / "second" / "moved.zip"
    moved.parent.mkdir()
    shutil.move(zipped, moved)
    asked = []
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *args: asked.append(args) or (str(moved), "")
    )
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args: pytest.fail(args))
    dock = open_dock(qtbot, window)
    table = dock.items_view.table
    assert cells(table, 3) == ["seed.zip (missing)"]
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    (args,) = asked
    assert "seed.zip" in args[1] and args[2] == str(tmp_path / "first")
    assert args[3].split(";;")[0] == "Zipped archives (*.zip)"
    qtbot.waitUntil(lambda: window.opened_path == str(moved))
    qtbot.waitUntil(lambda: window.pane.article is not None and window.pane.article.title == title)
    assert cells(table, 3) == ["moved.zip"]


def test_a_moved_issue_file_is_relinked_with_a_file_dialog(qtbot, window, tmp_path, monkeypatch):
    single = shutil.copy(next(SAMPLE_ISSUES.glob("*.txt")), tmp_path / "issue.txt")
    store = Store()
    with Library.open(single) as library:
        issue = library.issues[0]
        title = issue.articles[1].title
        store.save(NAME, single, issue, issue.articles[1])
    store.close()
    moved = Path(shutil.move(single, tmp_path / "elsewhere.txt"))
    asked = []
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *args: asked.append(args) or (str(moved), "")
    )
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args: pytest.fail(args))
    dock = open_dock(qtbot, window)
    dock.items_view.table.setCurrentCell(0, 0)
    dock.items_view.relink_action.trigger()  # the context menu's Relink Archive…
    ((_parent, _title, start, types),) = asked
    assert start == str(tmp_path) and types.split(";;")[0] == "Issue files (*.txt)"
    check = Store()
    assert check.items(NAME)[0].archive_path == str(moved.resolve())
    check.close()
    dock.items_view.open_action.trigger()
    qtbot.waitUntil(lambda: window.pane.article is not None and window.pane.article.title == title)
