"""History (back and forward) and the issue nearest a date."""

from __future__ import annotations

import datetime as dt

from reader.library.navigation import History, Place, nearest_issue
from reader.model import Issue


def test_history_back_forward_and_branching():
    history = History()
    assert history.back() is None
    for n in range(3):
        history.visit(Place(f"i{n}"))
    history.visit(Place("i2"))  # the same place again is no new step
    assert history.back() == Place("i1")
    assert history.back() == Place("i0")
    assert history.back() is None
    assert history.forward() == Place("i1")
    history.visit(Place("x"))
    assert not history.can_go_forward()
    assert history.back() == Place("i1")


def test_history_limit():
    history = History(limit=3)
    for n in range(5):
        history.visit(Place(f"i{n}"))
    assert history.back() == Place("i3")
    assert history.back() == Place("i2")
    assert history.back() is None


def issue(day: int, month: int = 1, publication: str = "A") -> Issue:
    return Issue(
        id=f"{publication}{month}-{day}", publication=publication, date=dt.date(2022, month, day)
    )


def test_nearest_issue_prefers_the_closest_then_the_earlier():
    issues = [issue(3), issue(10), Issue(id="u", publication="A", date=None)]
    assert nearest_issue(issues, dt.date(2022, 1, 5)).id == "A1-3"
    assert nearest_issue(issues, dt.date(2022, 1, 8)).id == "A1-10"
    assert nearest_issue(issues, dt.date(2022, 1, 6)).id == "A1-3"  # a tie goes to the earlier
    assert nearest_issue(issues, dt.date(1990, 1, 1)).id == "A1-3"


def test_nearest_issue_keeps_to_the_publication():
    issues = [issue(3, publication="A"), issue(5, publication="B")]
    assert nearest_issue(issues, dt.date(2022, 1, 5), "A").id == "A1-3"
    assert nearest_issue(issues, dt.date(2022, 1, 5), "C").id == "B1-5"
    assert nearest_issue([], dt.date(2022, 1, 5)) is None
