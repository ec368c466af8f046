"""The library in the window: the dock lists the shelf, a search covers several archives, hits open across them."""

from __future__ import annotations

import datetime as dt
import hashlib
import re

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFileDialog

from reader.library import Library
from reader.ui.app.library_dock import LibraryDock
from reader.ui.app.window import MainWindow
from reader.ui.core.rows import HTML_ROLE
from reader.ui.core.tasks import SyncExecutor
from tests.ui.conftest import ISSUES, write_archive
from tests.ui.test_search import hit_titles, search


@pytest.fixture(autouse=True)
def own_data(tmp_path, monkeypatch):
    """Each test has its own collections file, which holds the shelf."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


def shifted(years: int, title_mark: str):
    """The test issues ``years`` later, each title marked: another paper's archive."""
    return [
        (
            date.replace(year=date.year + years),
            number + 100 * years,
            [(k, f"{title}{title_mark}", paragraphs, by) for k, title, paragraphs, by in articles],
        )
        for date, number, articles in ISSUES
    ]


@pytest.fixture
def three(tmp_path):
    """Three archives; "供热" is in every one (three hits each, in different years)."""
    return [
        write_archive(tmp_path / "甲报"),
        write_archive(tmp_path / "乙报", shifted(10, "（乙）")),
        write_archive(tmp_path / "丙报", shifted(20, "（丙）")),
    ]


def snapshot(root):
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def open_dock(qtbot, window) -> LibraryDock:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(
        window.focusWidget() or window,
        Qt.Key.Key_L,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dock = window.findChild(LibraryDock)
    assert dock is not None and dock.isVisible() and window.action_set.library.isChecked()
    return dock


def rows(dock) -> list[tuple[str, str, bool]]:
    """(name, index state, ticked) of each row of the list."""
    out = []
    for row in range(dock.list.topLevelItemCount()):
        item = dock.list.topLevelItem(row)
        out.append((item.text(0), item.text(1), item.checkState(0) == Qt.CheckState.Checked))
    return out


def test_the_dock_lists_the_shelf_and_survives_a_restart(qtbot, make_window, three):
    window = make_window()
    window.open_path(str(three[0]))  # opening an archive puts it on the shelf
    dock = open_dock(qtbot, window)
    assert rows(dock) == [("甲报", "Indexed", True)]
    assert dock.list.topLevelItem(0).font(0).bold()  # the archive open
    assert dock.list.topLevelItem(0).toolTip(0) == str(three[0].resolve())
    dock.add(str(three[1]))  # indexed in the background (here: at once)
    assert rows(dock) == [("甲报", "Indexed", True), ("乙报", "Indexed", True)]
    dock.keeper.rename(dock.list.current_key, "乙县报")
    dock.list.topLevelItem(0).setCheckState(0, Qt.CheckState.Unchecked)
    qtbot.waitUntil(lambda: not dock.keeper.entries()[0].searched)
    assert rows(dock)[0] == ("甲报", "Indexed", False)
    window.search_panel.scope.set_library(True)
    window.close()
    again = make_window()
    assert again.search_panel.scope.library  # the scope is remembered too
    dock = again.findChild(LibraryDock)
    assert dock.isVisible() and again.action_set.library.isChecked()  # as it was left
    assert rows(dock) == [("甲报", "Indexed", False), ("乙县报", "Indexed", True)]


def test_removing_an_archive_forgets_it_only(qtbot, make_window, three, tmp_path):
    window = make_window()
    dock = open_dock(qtbot, window)
    for root in three:
        dock.add(str(root))
    index_before = snapshot(tmp_path / "index")
    before = snapshot(three[1])
    dock.list_select(dock.keeper.entries()[1].archive_id)
    dock.view.remove_button.click()
    assert [name for name, _s, _t in rows(dock)] == ["甲报", "丙报"]
    assert snapshot(three[1]) == before and snapshot(tmp_path / "index") == index_before
    # Moved away, an archive is marked and opening it asks where it is now.
    moved = tmp_path / "elsewhere"
    three[2].rename(moved)
    dock.refresh()
    assert rows(dock)[1][1] == "Not there any more"
    assert dock.list.topLevelItem(1).font(0).italic()


def single_total(root, index_root, query: str) -> int:
    with Library.open(root) as library:
        library.update_index(library.index_dir(index_root))
        return library.search(query).total


def test_a_library_search_covers_three_archives(qtbot, make_window, three, tmp_path):
    window = make_window()
    dock = open_dock(qtbot, window)
    for root in three:
        dock.add(str(root))
    window.open_path(str(three[0]))
    panel = window.search_panel
    panel.scope.set_library(True)
    search(qtbot, window, "供热")
    qtbot.waitUntil(lambda: panel.count_label.text().startswith("Hits"))
    totals = [single_total(root, tmp_path / "index", "供热") for root in three]
    assert all(totals)
    assert panel.count_label.text() == f"Hits: {sum(totals)}"
    titles = hit_titles(window)
    assert any("（乙）" in t for t in titles) and any("（丙）" in t for t in titles)
    assert any(not re.search("（[乙丙]）", t) for t in titles)
    # The archive facet, named as in the library; a click keeps that archive's hits.
    buttons = {k: b.text() for k, b in panel.facets.buttons.items() if k.startswith("archive:")}
    assert sorted(buttons.values()) == sorted(
        f"{n} ({t})" for n, t in zip(["甲报", "乙报", "丙报"], totals, strict=True)
    )
    second = dock.keeper.entries()[1].archive_id
    panel.facets.buttons[f"archive:{second}"].click()
    assert panel.request.archive == second
    assert hit_titles(window) and all("（乙）" in t for t in hit_titles(window))
    # Each hit says which archive it is from.
    html = panel.model.data(panel.model.index(0, 0), HTML_ROLE)
    assert html.startswith('<div class="meta">乙报 · ')


def test_a_hit_of_another_archive_opens_it_and_its_article(qtbot, make_window, three):
    window = make_window()
    dock = open_dock(qtbot, window)
    for root in three:
        dock.add(str(root))
    window.open_path(str(three[0]))
    panel = window.search_panel
    panel.scope.set_library(True)
    search(qtbot, window, "供热工程")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 3)
    row = next(r for r in range(3) if "（丙）" in hit_titles(window)[r])
    hit = panel.model.hit(row)
    panel.view.setFocus()
    panel.view.setCurrentIndex(panel.model.index(row, 0))
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.opened_path == str(three[2].resolve()))
    qtbot.waitUntil(
        lambda: window.pane.article is not None and window.pane.article.id == hit.article_id
    )
    assert window.pane.article.headline == "供热工程项目协调会召开（丙）"
    # The library's hits stay shown in the archive just opened.
    assert panel.searching and panel.model.rowCount() == 3
    assert hit.archive == dock.keeper.entries()[2].archive_id
    assert window.library.issue(hit.issue_id).date == dt.date(2042, 9, 19)


def library_search(qtbot, window, dock, roots, query: str):
    for root in roots:
        dock.add(str(root))
    window.open_path(str(roots[0]))
    panel = window.search_panel
    panel.scope.set_library(True)
    search(qtbot, window, query)
    qtbot.waitUntil(lambda: panel.count_label.text().startswith("Hits"))
    return panel


def test_trends_and_concordance_of_a_library_search(qtbot, make_window, three):
    window = make_window()
    dock = open_dock(qtbot, window)
    library_search(qtbot, window, dock, three, "供热")
    window.action_set.trends.setChecked(True)
    trend = window.trends.view.trend
    qtbot.waitUntil(lambda: window.trends.view.trend is not None)
    trend = window.trends.view.trend
    (series,) = trend.series
    # Every archive's years: 2021–2022, 2031–2032 and 2041–2042 (a year a bar).
    counted = {key: series.count(key) for key in trend.keys if series.count(key)}
    assert counted == {"2021": 1, "2022": 2, "2031": 1, "2032": 2, "2041": 1, "2042": 2}
    # The concordance reads each hit's text from its own archive.
    window.action_set.concordance.setChecked(True)
    view = window.concordance.view
    qtbot.waitUntil(lambda: view.model.rowCount() > 0)
    lines = view.model.lines
    assert len(lines) == 3 * 7  # seven matches in each archive (as one archive alone has)
    assert {line.title for line in lines if line.date.year > 2040} == {
        "冬季供热保障会议召开（丙）",
        "𠮷祥村的新路（丙）",
        "供热工程项目协调会召开（丙）",
    }
    # Opening a line of another archive opens that archive, at that match.
    row = next(r for r, line in enumerate(view.model.lines) if line.date.year == 2032)
    line = view.model.lines[row]
    view.table.setCurrentIndex(view.model.index(row, 2))
    view.open_current()
    qtbot.waitUntil(lambda: window.opened_path == str(three[1].resolve()))
    qtbot.waitUntil(
        lambda: window.pane.article is not None and window.pane.article.id == line.article_id
    )
    assert view.model.rowCount() == 21  # the library's lines stay


def test_a_moved_archive_asks_where_it_is_now(qtbot, make_window, three, tmp_path, monkeypatch):
    window = make_window()
    dock = open_dock(qtbot, window)
    entry = dock.add(str(three[1]))
    moved = tmp_path / "搬走了"
    three[1].rename(moved)
    asked = []

    def where(_parent, title, *_args, **_kwargs):
        asked.append(title)
        return str(moved)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", where)
    dock.open_archive(entry.archive_id)
    assert asked and "乙报" in asked[0]
    assert window.opened_path == str(moved.resolve())
    assert [(e.archive_id, e.path, e.present) for e in dock.keeper.entries()] == [
        (entry.archive_id, str(moved.resolve()), True)
    ]


def test_a_library_search_names_the_archives_it_leaves_out(qtbot, make_window, three, tmp_path):
    window = make_window()
    dock = open_dock(qtbot, window)
    for root in three:
        dock.add(str(root))
    three[2].rename(tmp_path / "gone")
    panel = library_search(qtbot, window, dock, three[:2], "供热")
    totals = [single_total(root, tmp_path / "index", "供热") for root in three[:2]]
    assert panel.count_label.text() == f"Hits: {sum(totals)}"
    assert panel.message.isVisible()
    assert panel.message.text() == "Not covered (no index, or not where it was): 丙报"
    # Nothing ticked: the search says where to choose.
    for entry in dock.keeper.entries():
        dock.keeper.set_searched(entry.archive_id, False)
    panel.search("供热")
    assert panel.count_label.text() == "No hits"
    assert "View › Library" in panel.message.text()


def test_the_library_is_indexed_in_spawned_processes_one_after_another(qtbot, tmp_path, three):
    window = MainWindow(index_root=tmp_path / "index", executor=SyncExecutor())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    try:
        dock = open_dock(qtbot, window)
        panel, shelf = window.search_panel, dock.indexer
        # Whether two builds ever ran at once (looked at every 20 ms while they run).
        seen: list[tuple[bool, bool]] = []
        watch = QTimer(window)
        watch.timeout.connect(lambda: seen.append((panel.indexer.building, shelf.working)))
        watch.start(20)
        ended: list[str] = []
        panel.indexer.ready.connect(lambda: ended.append("open archive"))
        shelf.finished.connect(lambda key: ended.append(dock.keeper.entry(key).name))
        dock.add(str(three[1]))  # nothing open yet: the library's indexer builds it
        qtbot.waitUntil(lambda: shelf.working, timeout=60_000)
        assert rows(dock)[0][1].startswith("Indexing")
        # Opening an archive without an index: its build goes first, the library's waits.
        window.open_path(str(three[0]))
        qtbot.waitUntil(lambda: panel.indexer.building, timeout=60_000)
        assert not shelf.working
        assert [state for _n, state, _t in rows(dock)] == ["Waiting to be indexed", "Indexing…"]
        panel.scope.set_library(True)
        dock.add(str(three[2]))
        assert [state for _n, state, _t in rows(dock)][2] == "Waiting to be indexed"
        panel.search("供热")
        assert panel.message.text().startswith("Not covered yet (being indexed): ")
        # Each archive is searched as soon as it is ready; in the end all three are.
        qtbot.waitUntil(lambda: not shelf.busy and panel.index_ready, timeout=240_000)
        qtbot.waitUntil(lambda: panel.count_label.text() == "Hits: 9", timeout=30_000)
        watch.stop()
        assert not panel.message.isVisible()
        assert [state for _n, state, _t in rows(dock)] == ["Indexed"] * 3
        # The open archive's index came first, then the library's one after another (甲报,
        # the archive open, is passed by the library's indexer: it is the window's).
        assert [name for name in ended if name != "甲报"] == ["open archive", "乙报", "丙报"]
        # Each kind of build was watched while it ran (so the next line can fail), never both.
        assert any(open_ for open_, _shelf in seen) and any(shelf_ for _o, shelf_ in seen)
        assert not any(open_ and shelf_ for open_, shelf_ in seen)
    finally:
        window.close()


def test_a_hit_of_another_archive_never_borrows_the_open_ones_issue_numbers(
    qtbot, make_window, three, tmp_path
):
    # The same file names as 甲报 (so the same issue ids), other numbers printed.
    other = [(d, n + 800, a) for d, n, a in ISSUES]
    twin = write_archive(tmp_path / "丁报", other)
    window = make_window()
    dock = open_dock(qtbot, window)
    panel = library_search(qtbot, window, dock, [three[0], twin], "供热工程")
    rows_html = [panel.model.data(panel.model.index(r, 0), HTML_ROLE) for r in range(2)]
    mine = next(h for h in rows_html if "甲报 · " in h)
    theirs = next(h for h in rows_html if "丁报 · " in h)
    assert "总102期" in mine
    assert "总102期" not in theirs


def test_a_double_click_or_enter_opens_an_archive(qtbot, make_window, three):
    window = make_window()
    dock = open_dock(qtbot, window)
    for root in three[:2]:
        dock.add(str(root))
    rect = dock.list.visualItemRect(dock.list.topLevelItem(1))
    # A double click is a press and release, then a second press Qt reports as double.
    qtbot.mouseClick(dock.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(dock.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.opened_path == str(three[1].resolve()))
    assert dock.list.topLevelItem(1).font(0).bold()
    dock.list.setCurrentItem(dock.list.topLevelItem(0))
    qtbot.keyClick(dock.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.opened_path == str(three[0].resolve()))
    assert window.windowTitle().startswith("甲报")
