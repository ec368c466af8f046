"""Indexing runs in a spawned process: the window stays responsive, and it can be cancelled."""

from __future__ import annotations

import pytest

from reader.ui.app.window import MainWindow
from reader.ui.core.tasks import SyncExecutor
from tests.generator.generate import generate
from tests.ui.stalls import StallMeter

# p95 of how late a 10 ms timer fires while indexing runs: the issue's bound.
MAX_P95_STALL_MS = 50


@pytest.fixture
def process_window(qtbot, tmp_path):
    window = MainWindow(index_root=tmp_path / "index", executor=SyncExecutor())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()


def test_indexing_in_the_background_keeps_the_window_responsive(qtbot, process_window, tmp_path):
    archive = tmp_path / "generated"
    # Enough to index for a second or more (the ticks measured), packed postings and all.
    generate(archive, issues=40)
    window = process_window
    panel = window.search_panel
    progress = []
    panel.indexer.progressed.connect(lambda done, total: progress.append((done, total)))
    window.open_path(str(archive))
    meter = StallMeter()
    meter.start()
    # The tree is there at once; the index is not.
    assert len(window.library.issues) == 40
    assert not panel.index_ready
    assert panel.indexer.running
    # A search asked for now runs by itself once the index is there.
    panel.search("供热")
    assert panel.message.isVisible()
    qtbot.waitUntil(lambda: panel.index_ready, timeout=180_000)
    meter.stop()
    assert progress and progress[-1][0] == progress[-1][1] == window.library.archive.article_count
    assert len(meter.late_ms) > 50
    assert meter.percentile(0.95) < MAX_P95_STALL_MS, sorted(meter.late_ms)[-10:]
    assert not panel.message.isVisible()
    assert panel.model.rowCount() > 0


def test_indexing_can_be_cancelled(qtbot, process_window, tmp_path):
    archive = tmp_path / "generated"
    generate(archive, issues=40)
    window = process_window
    panel = window.search_panel
    window.open_path(str(archive))
    # At once, before the child has read the archive and reported a count.
    assert panel.index_status.isVisible()
    assert panel.index_status.label.text() == "Preparing the search index…"
    assert window.action_set.cancel_indexing.isEnabled()
    assert not window.action_set.update_index.isEnabled()
    stopped = []
    panel.indexer.stopped.connect(stopped.append)
    panel.index_status.cancel_button.click()
    qtbot.waitUntil(lambda: not panel.indexer.running, timeout=10_000)
    assert stopped == ["cancelled"]
    assert not panel.index_status.isVisible()
    assert not panel.index_ready
    assert window.statusBar().currentMessage() == "Indexing cancelled."
    # Without an index a search says so in the panel, not in a dialog.
    panel.search("供热")
    assert panel.message.isVisible()
    assert "Update Search Index" in panel.message.text()
    # ... and Search › Update Search Index starts it again; the search then runs.
    assert window.action_set.update_index.isEnabled()
    window.action_set.update_index.trigger()
    assert panel.indexer.running
    qtbot.waitUntil(lambda: panel.index_ready, timeout=180_000)
    assert panel.model.rowCount() > 0
    assert window.statusBar().currentMessage() == "The search index is ready."


def test_search_uses_the_previous_index_while_an_update_runs(qtbot, make_window, tmp_path):
    archive = tmp_path / "generated"
    generate(archive, issues=3)
    first = make_window()
    first.open_path(str(archive))
    assert first.search_panel.index_ready
    first.close()
    generate(archive, issues=4)  # one more issue: the index is out of date
    window = MainWindow(index_root=tmp_path / "index", executor=SyncExecutor())
    qtbot.addWidget(window)
    window.show()
    window.open_path(str(archive))
    panel = window.search_panel
    assert panel.indexer.running
    assert panel.index_ready
    panel.search("会议")
    assert panel.model.rowCount() > 0
    qtbot.waitUntil(lambda: not panel.indexer.running, timeout=120_000)
    window.close()


def test_opening_another_archive_while_indexing_indexes_that_one(qtbot, process_window, tmp_path):
    big, small = tmp_path / "big", tmp_path / "small"
    generate(big, issues=40)
    generate(small, issues=2)
    window = process_window
    panel = window.search_panel
    stopped = []
    panel.indexer.stopped.connect(stopped.append)
    window.open_path(str(big))
    qtbot.waitUntil(lambda: panel.index_status.isVisible(), timeout=60_000)
    window.open_path(str(small))
    qtbot.waitUntil(lambda: panel.index_ready, timeout=120_000)
    assert len(window.library.issues) == 2
    panel.search("会议")
    assert panel.model.rowCount() > 0
    assert all(
        panel.model.hit(r).issue_id in {i.id for i in window.library.issues}
        for r in range(panel.model.rowCount())
    )
    # The big archive's job was given up quietly: no "cancelled" for it.
    qtbot.wait(500)
    assert stopped == []


def test_an_index_already_current_leaves_the_opening_summary(qtbot, make_window, archive):
    first = make_window()
    first.open_path(str(archive))
    first.close()
    window = make_window()
    window.open_path(str(archive))
    assert window.search_panel.index_ready
    assert window.status_label.text().startswith("Opened ")
    window.action_set.update_index.trigger()
    assert window.statusBar().currentMessage() == "The search index is up to date."


def test_another_archive_shows_none_of_the_previous_hits(qtbot, make_window, archive, tmp_path):
    window = make_window()
    window.open_path(str(archive))
    panel = window.search_panel
    panel.search("供热")
    assert panel.model.rowCount() == 3
    other = tmp_path / "other"
    generate(other, issues=2)
    window.open_path(str(other))
    # Hits of the first archive would open its ids in this one (or fail to).
    assert panel.model.rowCount() == 0
    assert panel.count_label.text() == ""
    assert not panel.facets.isVisible() and not panel.chart.isVisible()
    panel.search("供热")
    ids = {a.id for i in window.library.issues for a in i.articles}
    assert all(panel.model.hit(r).article_id in ids for r in range(panel.model.rowCount()))
