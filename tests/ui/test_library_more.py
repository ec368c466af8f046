"""The library's searches exported and saved: each hit read from its own archive, the scope kept."""

from __future__ import annotations

import csv
import datetime as dt
import io

import rispy
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from reader.library.collections import Store
from tests.ui.conftest import write_archive
from tests.ui.test_collections import cells
from tests.ui.test_collections import open_dock as open_collections
from tests.ui.test_export_hits import export_through_dialog
from tests.ui.test_library import library_search, open_dock, search, single_total, snapshot
from tests.ui.test_library import own_data as own_data  # each test its own collections file
from tests.ui.test_library import three as three


def test_export_hits_of_a_library_search_reads_each_from_its_archive(
    qtbot, make_window, three, tmp_path
):
    window = make_window()
    dock = open_dock(qtbot, window)
    panel = library_search(qtbot, window, dock, three, "供热")
    before = [snapshot(root) for root in three]
    out = tmp_path / "out" / "hits.csv"
    out.parent.mkdir()
    export_through_dialog(qtbot, window, out)
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"), newline="")))
    assert len(rows) == 9 == sum(single_total(r, tmp_path / "index", "供热") for r in three)
    # Each row is its own archive's article: its title, its date, its file.
    by_archive = {row["archive"]: set() for row in rows}
    for row in rows:
        by_archive[row["archive"]].add((row["title"], row["date"][:4]))
        assert row["file"].startswith(str(tmp_path / row["archive"]))
    assert by_archive == {
        "甲报": {
            ("冬季供热保障会议召开", "2021"),
            ("𠮷祥村的新路", "2022"),
            ("供热工程项目协调会召开", "2022"),
        },
        "乙报": {
            ("冬季供热保障会议召开（乙）", "2031"),
            ("𠮷祥村的新路（乙）", "2032"),
            ("供热工程项目协调会召开（乙）", "2032"),
        },
        "丙报": {
            ("冬季供热保障会议召开（丙）", "2041"),
            ("𠮷祥村的新路（丙）", "2042"),
            ("供热工程项目协调会召开（丙）", "2042"),
        },
    }
    assert window.statusBar().currentMessage() == f"Exported 9 articles to {out}"
    # The archive facet's choice is the export's too; RIS, from the second archive only.
    second = dock.keeper.entries()[1].archive_id
    panel.facets.buttons[f"archive:{second}"].click()
    qtbot.waitUntil(lambda: panel.request.archive == second and panel.model.rowCount() == 3)
    export_through_dialog(qtbot, window, tmp_path / "out" / "second", filter_index=1)
    records = rispy.loads((tmp_path / "out" / "second.ris").read_text(encoding="utf-8"))
    assert sorted(r["title"] for r in records) == sorted(t for t, _y in by_archive["乙报"])
    assert [snapshot(root) for root in three] == before  # nothing written into an archive


def test_a_saved_library_search_keeps_its_scope_and_counts_new_hits_over_it(
    qtbot, make_window, three, monkeypatch
):
    window = make_window()
    dock = open_dock(qtbot, window)
    panel = library_search(qtbot, window, dock, three, "供热")
    assert panel.count_label.text() == "Hits: 9"
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kw: ("供热各报", True))
    with qtbot.waitSignal(window.statusBar().messageChanged, timeout=10_000):
        window.action_set.save_search.trigger()
    assert window.statusBar().currentMessage() == "Saved the search 供热各报 (of the library)."
    collections = open_collections(qtbot, window)
    table = collections.searches_view.table
    assert cells(table, 0) == ["供热各报"] and cells(table, 2) == ["Library"]
    (saved,) = collections.searches_view.searches
    assert saved.library and len(saved.hits) == 9
    assert {hit.split("/")[0] for hit in saved.hits} == {
        e.archive_id for e in dock.keeper.entries()
    }
    # The archive open gains an issue with one more hit: counted as new over the library.
    new = (dt.date(2023, 1, 2), 200, [("", "供热新规", ["供热价格调整。"], "记者")])
    write_archive(three[0], [new])
    window.reload()
    qtbot.waitUntil(lambda: cells(table, 3) == ["1"], timeout=20_000)
    # Opened from "This archive", it searches the library again; nothing is new any more.
    panel.scope.set_library(False)
    table.setFocus()
    table.setCurrentCell(0, 0)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert panel.scope.library
    qtbot.waitUntil(lambda: panel.count_label.text() == "Hits: 10", timeout=10_000)
    qtbot.waitUntil(lambda: cells(table, 3) == [""])
    assert Store().rows("SELECT total FROM searches") == [(10,)]
    # An archive's own saved search opened in library scope runs in its archive only.
    panel.search("供热新规")
    window.action_set.save_search.trigger()
    qtbot.waitUntil(lambda: table.rowCount() == 2)
    assert cells(table, 2)[1] == "Library"
    panel.scope.set_library(False)
    panel.search("供热")
    qtbot.waitUntil(lambda: panel.count_label.text() == "Hits: 4")
    window.action_set.save_search.trigger()
    qtbot.waitUntil(lambda: table.rowCount() == 3)
    assert cells(table, 2)[2] == three[0].name
    panel.scope.set_library(True)
    table.setCurrentCell(2, 0)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert not panel.scope.library
    qtbot.waitUntil(lambda: panel.count_label.text() == "Hits: 4")


def test_the_dock_takes_a_modest_width_and_stays_resizable(qtbot, make_window, three):
    window = make_window()
    window.resize(1600, 900)
    window.open_path(str(three[0]))
    dock = open_dock(qtbot, window)
    dock.add(str(three[1]))
    # Its buttons wrap in two rows: the dock is no wider than the default asks.
    assert dock.minimumSizeHint().width() <= 300
    qtbot.waitUntil(lambda: 200 <= dock.width() <= 320)
    # The issue tree beside it keeps the room it had (as in the screenshots).
    assert window.browser.tree.width() >= 150
    window.resizeDocks([dock], [520], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: dock.width() >= 500)


def test_the_scope_box_shows_its_whole_text_and_no_archive_facet_is_empty(
    qtbot, make_window, three
):
    window = make_window()
    window.resize(1600, 1000)
    dock = open_dock(qtbot, window)
    panel = library_search(qtbot, window, dock, three, "供热")
    box = panel.scope.box
    assert box.currentText() == "Library (3 archives)"
    # Not elided ("Library (3 ar…"): the box is as wide as its text asks.
    qtbot.waitUntil(lambda: box.width() >= box.sizeHint().width())
    # A long count beside it wraps rather than squeeze it, in a narrower window too.
    panel.count_label.setText("Hits: 123,456 of 1,234,567 in every archive of the library")
    window.resize(900, 700)
    qtbot.waitUntil(lambda: window.width() == 900)
    # The layout settles after the resize (later on a loaded machine): wait for it, not 50 ms.
    qtbot.waitUntil(lambda: box.width() >= box.sizeHint().width())
    # An archive without hits gets no facet button: here two of the three have hits.
    search(qtbot, window, "乙 OR 丙")
    qtbot.waitUntil(lambda: panel.request.query == "乙 OR 丙" and panel.model.rowCount() > 0)
    archives = {k for k in panel.facets.buttons if k.startswith("archive:")}
    _first, second, third = (f"archive:{e.archive_id}" for e in dock.keeper.entries())
    assert archives == {second, third}
