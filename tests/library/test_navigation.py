"""History (back and forward), the issue nearest a date, issue days and typed dates."""

from __future__ import annotations

import datetime as dt

import pytest

from reader.library.navigation import History, Place, issue_days, nearest_issue, typed_date
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


def places(*names: str) -> list[Place]:
    return [Place(name) for name in names]


def test_history_forgets_only_the_places_of_a_removed_issue():
    history = History()
    for place in places("a", "gone", "b", "gone", "c"):
        history.visit(place)
    history.back()
    history.back()  # on the second "gone"
    history.retain(lambda place: place.issue_id != "gone")
    # The nearest earlier place kept is current; the later ones are still ahead.
    assert history.current == Place("b")
    assert history.back() == Place("a")
    assert history.forward() == Place("b") and history.forward() == Place("c")


def test_history_puts_the_place_shown_instead_of_a_removed_one_where_it_was():
    history = History()
    for place in places("a", "gone", "c"):
        history.visit(place)
    history.back()
    history.retain(lambda place: place.issue_id != "gone", instead=Place("b"))
    assert history.current == Place("b")
    assert history.forward() == Place("c")  # not dropped, as a visit would drop it
    assert history.back() == Place("b") and history.back() == Place("a")
    # The place shown instead may be the next one already: it is not there twice.
    history = History()
    for place in places("a", "gone", "c"):
        history.visit(place)
    history.back()
    history.retain(lambda place: place.issue_id != "gone", instead=Place("c"))
    assert history.current == Place("c") and not history.can_go_forward()
    assert history.back() == Place("a") and not history.can_go_back()
    # Nothing kept before it: the place shown instead comes first.
    history = History()
    for place in places("gone", "c"):
        history.visit(place)
    history.back()
    history.retain(lambda place: place.issue_id != "gone", instead=Place("b"))
    assert history.current == Place("b") and not history.can_go_back()
    assert history.forward() == Place("c")


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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1946-05-16", dt.date(1946, 5, 16)),
        ("1946年5月16日", dt.date(1946, 5, 16)),
        ("１９４６年５月１６日", dt.date(1946, 5, 16)),
        ("16 May 1946", dt.date(1946, 5, 16)),
        ("May 16, 1946", dt.date(1946, 5, 16)),
        ("16.5.1946", dt.date(1946, 5, 16)),
        ("一九四六年五月十六日", dt.date(1946, 5, 16)),
        ("二〇二二年九月三十日", dt.date(2022, 9, 30)),
        ("1946-05", dt.date(1946, 5, 1)),
        ("1946年5月", dt.date(1946, 5, 1)),
        ("1813", dt.date(1813, 1, 1)),
        ("", None),
        ("hello", None),
        ("1946-13-01", None),
        ("31.2.1946", None),
    ],
)
def test_typed_dates(text, expected):
    assert typed_date(text) == expected


def test_issue_days_counts_the_issues_of_the_publication_asked_for():
    issues = [
        Issue(id="a", publication="A", date=dt.date(1946, 5, 16)),
        Issue(id="b", publication="A", date=dt.date(1946, 5, 16)),
        Issue(id="c", publication="B", date=dt.date(1946, 5, 17)),
        Issue(id="d", publication="A", date=None),
    ]
    assert issue_days(issues, "A") == {dt.date(1946, 5, 16): 2}
    assert issue_days(issues, "nobody") == {dt.date(1946, 5, 16): 2, dt.date(1946, 5, 17): 1}
