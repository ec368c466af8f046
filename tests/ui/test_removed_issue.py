"""The issue being read is removed from the folder: the window says so, and keeps its history."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.ui.conftest import ISSUES, write_archive
from tests.ui.test_live import DELAY, NEW_ISSUE


@pytest.fixture
def archive(tmp_path):
    """Four issues: 2021-12-27, 2022-01-03, 2022-09-19 and 2022-09-26."""
    return write_archive(tmp_path / "archive", [*ISSUES, NEW_ISSUE])


@pytest.fixture
def watched(window, archive):
    window.reloader.watcher.set_delay_ms(DELAY)
    window.open_path(str(archive))
    return window


def dates(window) -> list[dt.date]:
    return [i.date for i in window.library.issues]


def test_removing_the_issue_being_read_says_so_until_the_reader_moves_on(qtbot, watched, archive):
    window = watched
    window.action_set.next_issue.trigger()
    assert window.pane.issue.date == dt.date(2022, 1, 3)
    window.status_line.timeout_ms = DELAY  # the messages that go by themselves go quickly
    (archive / "2022-01-03.txt").unlink()
    qtbot.waitUntil(lambda: len(dates(window)) == 3, timeout=10_000)
    assert window.pane.issue.date == dt.date(2022, 9, 19)
    said = (
        "The issue you were reading, 测试周报 · 3 January 2022 · 总101期, was removed from the "
        "archive: the one beside it is shown."
    )
    note = window.pane.note
    assert note.isVisible() and note.text == said
    # The status bar's messages come and go (the index is brought up to date meanwhile, and
    # says so there): the note stays above the text.
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "", timeout=10_000)
    qtbot.wait(3 * DELAY)
    assert note.isVisible() and note.text == said
    window.action_set.next_article.trigger()
    assert not note.isVisible() and note.text == ""


def test_history_keeps_every_place_but_the_removed_issue(qtbot, watched, archive):
    window = watched
    history = window.action_set
    window.action_set.next_issue.trigger()  # 2022-01-03
    window.action_set.next_issue.trigger()  # 2022-09-19
    window.action_set.next_issue.trigger()  # 2022-09-26
    history.back.trigger()
    history.back.trigger()
    assert window.pane.issue.date == dt.date(2022, 1, 3)
    (archive / "2022-01-03.txt").unlink()
    qtbot.waitUntil(lambda: len(dates(window)) == 3, timeout=10_000)
    assert window.pane.issue.date == dt.date(2022, 9, 19)
    # Back reaches the issue read before the removed one; Forward, the one read after.
    assert history.back.isEnabled() and history.forward.isEnabled()
    history.forward.trigger()
    assert window.pane.issue.date == dt.date(2022, 9, 26)
    history.back.trigger()
    history.back.trigger()
    assert window.pane.issue.date == dt.date(2021, 12, 27)
    assert not history.back.isEnabled()
