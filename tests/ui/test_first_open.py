"""The first-ever open of an archive: the tree fills batch by batch while the rest is read."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex

from reader.formats import loading
from reader.library import Library, reloading
from reader.ui.app.window import MainWindow
from reader.ui.browse.issue_tree import IssueTreeModel
from tests.generator.generate import generate
from tests.ui.conftest import write_archive


@pytest.fixture
def small_batches(monkeypatch):
    """Batches of a few files, so a small archive is read in many of them, each shown."""
    monkeypatch.setattr(loading, "FIRST_BATCH", 3)
    monkeypatch.setattr(loading, "BATCH", 7)
    monkeypatch.setattr(reloading, "PARTIAL_EVERY", 0.0)
    monkeypatch.setattr(reloading, "PARTIAL_COST", 0.0)


@pytest.fixture
def daily(tmp_path):
    """Forty issues over two months of a generated daily (four articles each)."""
    folder = tmp_path / "daily"
    generate(folder, issues=40, articles=4)
    return folder


def tree_rows(model: IssueTreeModel, parent: QModelIndex | None = None) -> list[Any]:
    """The tree as nested (label, articles, children) rows, issue rows with their ids."""
    parent = parent or QModelIndex()
    rows = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        count = model.data(model.index(row, 1, parent))
        rows.append((model.data(index), count, model.issue_id(index), tree_rows(model, index)))
    return rows


def reading(qtbot, tmp_path: Path, archive: Path) -> MainWindow:
    """A window (reading in a thread, as the app does) that has begun its first read of
    ``archive``: the first batch has reached the tree, the rest is still being read."""
    window = MainWindow(
        index_root=tmp_path / "index",
        executor=ThreadPoolExecutor(max_workers=1),
        index_in_process=False,
    )
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.opener.grown, timeout=60000):
        window.open_path(str(archive))
    return window


def issue_count(model: IssueTreeModel) -> int:
    def walk(parent: QModelIndex) -> int:
        total = 0
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            total += 1 if model.issue_id(index) else walk(index)
        return total

    return walk(QModelIndex())


def test_the_tree_shows_rows_before_the_read_ends_and_grows(window, daily, small_batches):
    seen: list[tuple[int, bool, int]] = []

    def grown(_library: Any, first: bool) -> None:
        # Called as the tree takes each batch: the archive is not open yet.
        seen.append((issue_count(window.tree_model), first, window.library is None))

    window.opener.grown.connect(grown)
    inserted: list[int] = []
    window.tree_model.rowsInserted.connect(lambda *_: inserted.append(1))
    window.open_path(str(daily))
    assert window.library is not None and len(window.library.issues) == 40
    # Heard after the window took each batch, before the archive was open.
    assert [first for _count, first, _open in seen] == [True] + [False] * (len(seen) - 1)
    assert all(not_open for _count, _first, not_open in seen)
    counts = [count for count, _first, _open in seen]
    assert counts == [3, 9, 16, 23, 30, 37, 40]  # three files read first, then six, then seven
    assert inserted  # rows were inserted, not the model reset each time
    assert issue_count(window.tree_model) == 40


def test_the_tree_ends_as_a_normal_open_shows_it(make_window, daily, small_batches):
    first = make_window()
    first.open_path(str(daily))
    grown_tree = tree_rows(first.tree_model)
    again = make_window()  # the catalogue cache is warm: no batches, one tree at once
    batches: list[bool] = []
    again.opener.grown.connect(lambda _library, first: batches.append(first))
    again.open_path(str(daily))
    assert batches == []
    assert tree_rows(again.tree_model) == grown_tree
    assert issue_count(again.tree_model) == 40


def test_the_tree_keeps_the_issue_chosen_while_the_rest_is_read(qtbot, tmp_path, small_batches):
    daily = tmp_path / "daily"
    generate(daily, issues=60, articles=4)
    window = reading(qtbot, tmp_path, daily)
    first_issue = window.browser.library.issues[2]  # not where a first open goes
    window.browser.go_to(first_issue.id, first_issue.articles[1].id)
    assert window.article_list.model().rowCount() == len(first_issue.articles)
    shown = window.pane.article
    assert shown is not None and shown.paragraphs  # its text, while the rest is read
    qtbot.waitUntil(lambda: window.library is not None, timeout=60000)
    qtbot.waitUntil(lambda: not window.browser.previewing, timeout=5000)
    # The place chosen while reading stays; the tree is whole and shows it.
    assert window.pane.article is not None and window.pane.article.id == shown.id
    current = window.tree.currentIndex()
    assert window.tree_model.issue_id(current) == first_issue.id
    assert window.article_list.model().rowCount() == len(first_issue.articles)
    assert issue_count(window.tree_model) == 60
    window.close()


def test_a_search_while_the_archive_is_read_says_it_waits(window, daily, small_batches):
    messages: list[str] = []
    window.opener.grown.connect(lambda *_: window._searched("供热"))
    window.statusBar().messageChanged.connect(messages.append)
    window.open_path(str(daily))
    assert any("still being read" in message for message in messages)


def test_opening_another_archive_while_one_is_read_drops_the_first(qtbot, tmp_path, small_batches):
    daily = tmp_path / "daily"
    generate(daily, issues=80, articles=4)
    weekly = write_archive(tmp_path / "weekly")
    window = reading(qtbot, tmp_path, daily)
    window.open_path(str(weekly))
    qtbot.waitUntil(lambda: window.library is not None, timeout=60000)
    qtbot.wait(200)  # anything the first read still sent has arrived, and was dropped
    assert window.opened_path == str(weekly)
    assert not window.browser.previewing
    assert issue_count(window.tree_model) == 3
    window.close()


def test_growing_in_any_order_makes_the_tree_a_whole_list_makes(tmp_path, qtbot):
    folder = tmp_path / "daily"
    generate(folder, issues=70, articles=2)  # across three months
    with Library.open(folder, cache_root=tmp_path / "cache") as library:
        issues = list(library.issues)
    whole = IssueTreeModel(issues)
    grown = IssueTreeModel(issues[30:40])
    # A view's selection is a persistent index: it must follow its row as rows come before it.
    persistent = QPersistentModelIndex(grown.issue_index(issues[35].id))
    order = sorted(range(70), key=lambda at: (at * 37) % 70)  # a scattered order
    so_far = set(range(30, 40))
    for start in range(0, 70, 9):
        so_far.update(order[start : start + 9])
        grown.grow([issues[at] for at in sorted(so_far)])
    assert grown.issue_id(persistent) == issues[35].id
    assert tree_rows(grown) == tree_rows(whole)


def closed_while_reading(qtbot, tmp_path: Path, issues: int) -> Path:
    """Close the window at the first batch of a daily of ``issues`` issues it reads, and wait
    until the read has ended; the daily's catalogue cache file (where it would be)."""
    from reader.library import catalogue, paths

    daily = tmp_path / "daily"
    generate(daily, issues=issues, articles=2)
    executor = ThreadPoolExecutor(max_workers=1)
    window = MainWindow(index_root=tmp_path / "index", executor=executor, index_in_process=False)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.opener.grown, timeout=60000):
        window.open_path(str(daily))
    window.close()
    executor.shutdown(wait=True)  # the worker heard the cancel at its next file (or look)
    return catalogue.cache_file(paths.catalogue_root(), daily)


def test_closing_the_window_while_an_archive_is_read_stops_the_read(qtbot, tmp_path, small_batches):
    cached = closed_while_reading(qtbot, tmp_path, 200)
    assert not cached.exists()  # it stopped before the end: nothing cached
    assert not list(cached.parent.glob(f"{cached.name}*"))  # nor its text left behind


@pytest.fixture
def read_apart_from_100(monkeypatch):
    """A 130-issue daily counts as large: the window reads it in a process of its own."""
    from reader.library import read_apart

    monkeypatch.setattr(read_apart, "APART_FROM_FILES", 100)


def test_a_large_archive_is_read_by_a_process_of_its_own(qtbot, tmp_path, read_apart_from_100):
    import multiprocessing

    daily = tmp_path / "daily"
    generate(daily, issues=130, articles=2)
    readers: list[int] = []
    window = MainWindow(
        index_root=tmp_path / "index",
        executor=ThreadPoolExecutor(max_workers=1),
        index_in_process=False,
    )
    qtbot.addWidget(window)
    window.opener.grown.connect(lambda *_: readers.append(len(multiprocessing.active_children())))
    window.show()
    with qtbot.waitSignal(window.opener.opened, timeout=60000):
        window.open_path(str(daily))
    assert readers and readers[0] >= 1  # the first batch came while its reader still read
    qtbot.waitUntil(lambda: window.library is not None)
    assert window.library is not None and len(window.library.issues) == 130
    assert issue_count(window.tree_model) == 130
    window.close()


def test_closing_the_window_while_a_process_reads_the_archive_ends_it(
    qtbot, tmp_path, read_apart_from_100
):
    import multiprocessing

    cached = closed_while_reading(qtbot, tmp_path, 400)
    assert not [p for p in multiprocessing.active_children() if p.name == "reader-first-read"]
    assert not list(cached.parent.glob(f"{cached.name}*.tmp"))
