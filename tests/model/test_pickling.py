"""The catalogue's slotted dataclasses survive pickling whole, every field, and hold no __dict__."""

from __future__ import annotations

import dataclasses
import datetime as dt
import pickle

from reader.model import Article, Issue, Page
from reader.model.text import UNREAD_TEXT


def _issue() -> Issue:
    page = Page(number=2, label="二", source="p2.xml", image="p2.jp2", width=10.5, has_text=False)
    article = Article(
        id="a1",
        issue_id="i1",
        title="清淤",
        kicker="k",
        subtitle="s",
        column="c",
        authors=("甲", "乙"),
        page="2",
        date=dt.date(1946, 5, 16),
        paragraphs=UNREAD_TEXT,
        language="zh",
        source="issue.xml",
        ref="#a1",
        title_derived=True,
        pages=(2, 3),
    )
    return Issue(
        id="i1",
        publication="人民日报",
        date=dt.date(1946, 5, 16),
        number="7",
        numbers_printed=("总7期",),
        articles=(article, dataclasses.replace(article, id="a2", paragraphs=("x",))),
        pages=(page,),
        text_digest="d",
    )


def test_an_issue_pickles_back_equal_field_by_field() -> None:
    issue = _issue()
    back = pickle.loads(pickle.dumps(issue, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == issue
    pairs = [(issue, back), (issue.pages[0], back.pages[0])]
    pairs += zip(issue.articles, back.articles, strict=True)
    for before, after in pairs:
        for field in dataclasses.fields(before):
            assert getattr(after, field.name) == getattr(before, field.name), field.name
    assert back.articles[0].paragraphs is UNREAD_TEXT  # the shared stand-in, not a copy


def test_catalogue_objects_have_no_dict() -> None:
    issue = _issue()
    for thing in (issue, issue.articles[0], issue.pages[0]):
        assert not hasattr(thing, "__dict__")
