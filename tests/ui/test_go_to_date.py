"""The Go to Date dialog: issue days marked, years and decades listed, dates typed in any form."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from reader.model import Issue
from reader.ui.browse.go_to_date import GoToDateDialog

# A weekly over two decades: Mondays of 1813 and of 1946, and one issue of 2022.
DAYS = [dt.date(1813, 1, 4) + dt.timedelta(weeks=n) for n in range(5)] + [
    dt.date(1946, 5, 13),
    dt.date(1946, 5, 16),
    dt.date(1946, 6, 3),
    dt.date(2022, 9, 19),
]
ISSUES = [Issue(id=f"i{n}", publication="Paper", date=day) for n, day in enumerate(DAYS)]


def type_in(field, text):
    """Type as an input method does (Chinese comes as a committed string, not as key presses)."""
    field.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(field, event)


@pytest.fixture
def dialog(qtbot):
    shown = GoToDateDialog(ISSUES, dt.date(1946, 5, 13))
    qtbot.addWidget(shown)
    shown.show()
    return shown


def test_the_calendar_marks_exactly_the_issue_days_of_every_month_shown(dialog):
    for year, month in ((1946, 5), (1813, 1), (2022, 9), (1946, 6)):
        dialog.calendar.setCurrentPage(year, month)
        first = dt.date(year, month, 1)
        for offset in range(31):
            day = first + dt.timedelta(days=offset)
            if day.month != month:
                break
            assert dialog.calendar.is_marked(day) == (day in DAYS), day


def test_typed_dates_in_the_usual_forms_select_the_day(qtbot, dialog):
    assert dialog.typed.hasFocus() or dialog.focusWidget() is dialog.typed
    for text in ("1946-05-16", "1946年5月16日", "16 May 1946", "一九四六年五月十六日", "16.5.1946"):
        dialog.typed.clear()
        type_in(dialog.typed, text)
        assert dialog.selected_date() == dt.date(1946, 5, 16), text
        assert "16 May 1946" in dialog.nearest_label.text()


def test_a_typed_date_that_is_no_date_says_so_and_enter_opens_the_nearest(qtbot, dialog):
    qtbot.keyClicks(dialog.typed, "sometime")
    assert dialog.nearest_label.text() == "Not a date I can read."
    dialog.typed.clear()
    type_in(dialog.typed, "1946年6月")  # the first of the month: 3 June is nearest
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.typed, "\r")
    assert dialog.nearest().date == dt.date(1946, 6, 3)


def test_enter_on_a_typed_date_that_is_no_date_keeps_the_dialog_open(qtbot, dialog):
    type_in(dialog.typed, "结尾")
    assert dialog.nearest_label.text() == "Not a date I can read."
    qtbot.keyClick(dialog.typed, "\r")
    assert dialog.isVisible() and dialog.result() == 0  # not the calendar's day opened
    assert dialog.nearest_label.text() == "Not a date I can read."
    assert not dialog.ok_button.isEnabled()
    dialog.typed.clear()
    type_in(dialog.typed, "1946-05-16")
    assert dialog.ok_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.typed, "\r")


def test_a_day_picked_after_an_unreadable_date_can_be_opened(qtbot, dialog):
    type_in(dialog.typed, "结尾")
    dialog.go_to_year(2022)
    assert dialog.ok_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted):
        dialog.ok_button.click()
    assert dialog.nearest().date == dt.date(2022, 9, 19)


def test_the_year_list_holds_decades_and_years_and_jumps_to_a_year(dialog):
    tree = dialog.years
    decades = [tree.topLevelItem(n).text(0) for n in range(tree.topLevelItemCount())]
    assert decades == ["1810s", "1940s", "2020s"]
    years = {
        tree.topLevelItem(n).child(c).text(0): tree.topLevelItem(n).child(c).text(1)
        for n in range(tree.topLevelItemCount())
        for c in range(tree.topLevelItem(n).childCount())
    }
    assert years == {"1813": "5", "1946": "3", "2022": "1"}
    dialog.go_to_year(1813)
    assert dialog.selected_date() == dt.date(1813, 1, 4)
    assert (dialog.calendar.yearShown(), dialog.calendar.monthShown()) == (1813, 1)
