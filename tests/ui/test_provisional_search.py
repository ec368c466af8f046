"""A search while the index is built answers at once, marked provisional, and is refreshed from
the index when the build ends, with the same totals."""

from __future__ import annotations

import shutil

import pytest

from reader.ui.app.window import MainWindow
from reader.ui.core.tasks import SyncExecutor
from reader.ui.search.panel import SearchPanel
from tests.generator.generate import generate


@pytest.fixture
def process_window(qtbot, tmp_path):
    """A window that indexes in a spawned process (and searches on its own thread, at once)."""
    window = MainWindow(index_root=tmp_path / "index", executor=SyncExecutor())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()


def _shown_total(panel: SearchPanel) -> int:
    assert panel.runner.outcome is not None
    return panel.runner.outcome.result.total


def test_a_first_search_on_a_fresh_archive_answers_before_the_index(
    qtbot, process_window, tmp_path
):
    archive = tmp_path / "generated"
    generate(archive, issues=40)
    window = process_window
    panel = window.search_panel
    window.open_path(str(archive))
    assert panel.indexer.running and not panel.index_ready
    panel.runner.scan_budget = None  # the whole archive scanned at once (it is small)
    panel.search("供热")
    # At once: hits, their count, and the mark that they are provisional.
    assert panel.model.rowCount() > 0
    assert panel.runner.outcome is not None and panel.runner.outcome.provisional
    assert panel.message.isVisible()
    assert panel.message.text() == (
        "Provisional: the archive is being indexed, so its 640 articles were scanned; "
        "the hits are refreshed when the index is ready."
    )
    scanned = _shown_total(panel)
    # The build ends: the search runs again on the index, no longer provisional.
    qtbot.waitUntil(lambda: panel.index_ready, timeout=180_000)
    qtbot.waitUntil(
        lambda: panel.runner.outcome is not None and not panel.runner.outcome.provisional
    )
    assert not panel.message.isVisible()
    assert _shown_total(panel) == scanned > 0
    assert panel.count_label.text() == f"{scanned:,} hits, the first 200 shown" or (
        panel.count_label.text() == f"Hits: {scanned:,}"
    )


def test_during_an_update_the_new_issues_are_scanned(qtbot, make_window, tmp_path):
    archive = tmp_path / "generated"
    generate(archive, issues=3)
    first = make_window()
    first.open_path(str(archive))
    assert first.search_panel.index_ready
    first.close()
    # Two more issues (the three indexed left as they are): the index is out of date.
    for path in generate(tmp_path / "more", issues=5)[3:]:
        shutil.copy(path, archive / path.name)
    window = MainWindow(index_root=tmp_path / "index", executor=SyncExecutor())
    qtbot.addWidget(window)
    window.show()
    window.open_path(str(archive))
    panel = window.search_panel
    assert panel.indexer.running
    panel.search("会议")
    outcome = panel.runner.outcome
    assert outcome is not None and outcome.coverage is not None
    assert (outcome.coverage.indexed, outcome.coverage.articles) == (3 * 16, 5 * 16)
    assert "48 of 80 articles from the index, the rest scanned" in panel.message.text()
    qtbot.waitUntil(lambda: not panel.indexer.running, timeout=120_000)
    qtbot.waitUntil(
        lambda: panel.runner.outcome is not None and not panel.runner.outcome.provisional
    )
    assert _shown_total(panel) == outcome.result.total
    assert not panel.message.isVisible()
    window.close()


def test_a_scan_cut_by_its_budget_goes_on_until_it_covers_the_archive(
    qtbot, process_window, tmp_path
):
    archive = tmp_path / "generated"
    generate(archive, issues=40)
    window = process_window
    panel = window.search_panel
    shares: list[float] = []

    def shown() -> None:
        outcome = panel.runner.outcome
        if outcome is not None and outcome.coverage is not None and outcome.provisional:
            shares.append(outcome.coverage.share)

    panel.results_shown.connect(shown)
    window.open_path(str(archive))
    panel.runner.scan_budget = 0.0  # one issue a run
    panel.search("会议")
    assert shares == [1 / 40]
    assert panel.message.text().startswith("Provisional: covers 2 % of the archive so far")
    # The next runs follow by themselves, each going on where the last stopped.
    qtbot.waitUntil(lambda: len(shares) >= 3, timeout=60_000)
    assert shares[:3] == [1 / 40, 2 / 40, 3 / 40]
    qtbot.waitUntil(lambda: panel.index_ready, timeout=180_000)
    qtbot.waitUntil(
        lambda: panel.runner.outcome is not None and not panel.runner.outcome.provisional
    )
    assert not panel.message.isVisible()
