"""Search › Export Hits…: every hit of the search, or the selected ones, in the format chosen."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import rispy
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QFileDialog

from reader.ui import i18n
from tests.ui.test_search import search


def export_through_dialog(qtbot, window, path, filter_index: int = 0) -> QFileDialog:
    """Trigger Export Hits…, pick a file type and a name in Qt's dialog, accept."""
    panel = window.search_panel
    with qtbot.waitSignal(panel.exporter.finished, timeout=5000):
        window.action_set.export_hits.trigger()
        dialog = panel.exporter.dialog
        assert isinstance(dialog, QFileDialog) and dialog.isVisible()
        dialog.selectNameFilter(dialog.nameFilters()[filter_index])
        dialog.selectFile(str(path))
        dialog.accept()
    return dialog


def test_every_hit_goes_to_a_csv_file(qtbot, window, archive, tmp_path):
    window.open_path(str(archive))
    search(qtbot, window, "供热")
    out = tmp_path / "out" / "hits.csv"
    out.parent.mkdir()
    export_through_dialog(qtbot, window, out)
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"), newline="")))
    assert {row["title"] for row in rows} == {
        "冬季供热保障会议召开",
        "𠮷祥村的新路",
        "供热工程项目协调会召开",
    }
    assert all("供热" in row["passage"] for row in rows)  # the snippet of each hit
    assert window.statusBar().currentMessage() == f"Exported 3 articles to {out}"


def test_the_selected_hits_only_and_the_suffix_of_the_format(qtbot, window, archive, tmp_path):
    window.open_path(str(archive))
    search(qtbot, window, "供热")
    view = window.search_panel.view
    model = window.search_panel.model
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in (0, 2):
        view.selectionModel().select(model.index(row, 0), flags)
    chosen = {model.hit(0).article_id, model.hit(2).article_id}
    export_through_dialog(qtbot, window, tmp_path / "picked", filter_index=1)  # RIS
    records = rispy.loads((tmp_path / "picked.ris").read_text(encoding="utf-8"))
    # One hit selected is no choice: every hit goes (the name's .csv becomes .bib for BibTeX).
    view.selectionModel().clearSelection()
    view.selectionModel().select(model.index(1, 0), flags)
    export_through_dialog(qtbot, window, tmp_path / "all.csv", filter_index=3)
    assert not (tmp_path / "all.csv").exists()
    assert (tmp_path / "all.bib").read_text(encoding="utf-8").count("@article{") == 3
    assert {r["accession_number"] for r in records} == chosen
    assert all(r["secondary_title"] == "测试周报" for r in records)


def test_markdown_files_in_a_zip(qtbot, window, archive, tmp_path):
    window.open_path(str(archive))
    search(qtbot, window, "供热")
    export_through_dialog(qtbot, window, tmp_path / "texts.zip", filter_index=5)
    with zipfile.ZipFile(tmp_path / "texts.zip") as texts:
        names = texts.namelist()
        first = texts.read(sorted(names)[0]).decode("utf-8")
    assert len(names) == 3 and all(name.endswith(".md") for name in names)
    front = dict(line.split(": ", 1) for line in first.split("\n---\n")[0].splitlines()[1:])
    assert json.loads(front["publication"]) == "测试周报"


def test_never_into_the_archive(qtbot, window, archive):
    window.open_path(str(archive))
    search(qtbot, window, "供热")
    before = sorted(p.name for p in archive.iterdir())
    window.action_set.export_hits.trigger()
    dialog = window.search_panel.exporter.dialog
    dialog.selectFile(str(archive / "hits.csv"))
    dialog.accept()
    qtbot.waitUntil(lambda: "archive" in window.statusBar().currentMessage())
    assert window.statusBar().currentMessage().startswith("Could not export to ")
    assert sorted(p.name for p in archive.iterdir()) == before


def test_the_menu_and_dialog_in_chinese(qtbot, qapp, window, archive):
    try:
        i18n.install(qapp, "zh_CN")
        qtbot.waitUntil(lambda: window.action_set.export_hits.text() == "导出结果(&E)…")
        window.open_path(str(archive))
        search(qtbot, window, "供热")
        window.action_set.export_hits.trigger()
        dialog = window.search_panel.exporter.dialog
        assert dialog.windowTitle() == "导出结果"
        assert dialog.nameFilters()[0] == "CSV 表格 (*.csv)"
        dialog.reject()
    finally:
        i18n.install(qapp, "en")
        qtbot.waitUntil(lambda: window.menus.file.title() == "&File")


def test_nothing_to_export_before_a_search(qtbot, window, archive):
    window.open_path(str(archive))
    window.action_set.export_hits.trigger()
    assert window.search_panel.exporter.dialog is None
    assert window.search_panel.view.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu


def test_a_file_that_cannot_be_written_is_said_once(qtbot, window, archive, tmp_path):
    window.open_path(str(archive))
    search(qtbot, window, "供热")
    (tmp_path / "file").write_text("kept", encoding="utf-8")
    window.action_set.export_hits.trigger()
    dialog = window.search_panel.exporter.dialog
    dialog.selectFile(str(tmp_path / "file" / "hits.csv"))
    chosen = Path(dialog.selectedFiles()[0])  # as the dialog names it (symbolic links resolved)
    dialog.accept()
    qtbot.waitUntil(lambda: "Could not" in window.statusBar().currentMessage())
    message = window.statusBar().currentMessage()
    assert message.startswith(f"Could not export to {chosen}: ") and message.count(str(chosen)) == 1
    assert (tmp_path / "file").read_text(encoding="utf-8") == "kept"


def test_a_folder_that_is_not_there_is_refused_not_made(qtbot, window, archive, tmp_path):
    # Qt's own dialog takes a typed path whose folder is missing (as a folder unmounted
    # meanwhile is): the export says so and makes no folder.
    window.open_path(str(archive))
    search(qtbot, window, "供热")
    window.action_set.export_hits.trigger()
    dialog = window.search_panel.exporter.dialog
    out = tmp_path / "gone" / "hits.csv"
    dialog.selectFile(str(out))
    chosen = Path(dialog.selectedFiles()[0])  # as the dialog names it (symbolic links resolved)
    dialog.accept()
    qtbot.waitUntil(lambda: "gone" in window.statusBar().currentMessage())
    assert window.statusBar().currentMessage() == (
        f"Could not export to {chosen}: the folder {chosen.parent} does not exist"
    )
    assert not out.parent.exists()
