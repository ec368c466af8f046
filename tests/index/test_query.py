"""The query language: what each form parses to, and a clear message for each malformed one."""

from __future__ import annotations

import datetime as dt
import pickle

import pytest

from reader.index.layout import FIELD_PREFIXES
from reader.index.query import (
    AllOf,
    AnyOf,
    DateSpan,
    Not,
    Term,
    parse,
    positive_terms,
)
from reader.index.query_errors import DATE_HELP, WHY, QueryError, worded
from reader.model import ReaderError

D = dt.date


@pytest.mark.parametrize(
    ("query", "tree"),
    [
        ("供热", Term("供热")),
        ("供热 工程", AllOf((Term("供热"), Term("工程")))),
        ("供热 AND 工程", AllOf((Term("供热"), Term("工程")))),
        ('"供热 工程"', Term("供热 工程", phrase=True)),
        ("“清化收”", Term("清化收", phrase=True)),
        ("供热 OR 供暖", AnyOf((Term("供热"), Term("供暖")))),
        ("a b OR c", AnyOf((AllOf((Term("a"), Term("b"))), Term("c")))),
        ("-广告", Not(Term("广告"))),
        ("NOT 广告 供热", AllOf((Not(Term("广告")), Term("供热")))),
        ("(供热 OR 供暖) 工程", AllOf((AnyOf((Term("供热"), Term("供暖"))), Term("工程")))),
        ("（供热 OR 供暖）", AnyOf((Term("供热"), Term("供暖")))),
        ("-(a OR b)", Not(AnyOf((Term("a"), Term("b"))))),
        ("title:供热", Term("供热", "title")),
        ("TITLE：供热", Term("供热", "title")),
        ('title:"供热 工程"', Term("供热 工程", "title", phrase=True)),
        ("author:郭强", Term("郭强", "authors")),
        ("column:要闻", Term("要闻", "column")),
        ("page:2", Term("2", "page")),
        ("publication:今日长子", Term("今日长子", "publication")),
        ("number:1810", Term("1810", "number")),
        ("page:A3", Term("A3", "page")),
        ("page:iv", Term("iv", "page")),
        ("page:10", Term("10", "page")),
        ("page:三", Term("三", "page")),
        ("page:12-13", Term("12-13", "page")),
        ("number:12a", Term("12a", "number")),
        ("date:2022", DateSpan(D(2022, 1, 1), D(2022, 12, 31))),
        ("date:2022-09", DateSpan(D(2022, 9, 1), D(2022, 9, 30))),
        ("date:2024-02", DateSpan(D(2024, 2, 1), D(2024, 2, 29))),
        ("date:2022-09-19", DateSpan(D(2022, 9, 19), D(2022, 9, 19))),
        ("date:2022-01..2022-06", DateSpan(D(2022, 1, 1), D(2022, 6, 30))),
        ("date:2022..", DateSpan(D(2022, 1, 1), D(9999, 12, 31))),
        ("date:..2021-03", DateSpan(D(1, 1, 1), D(2021, 3, 31))),
        ("县(区)", Term("县(区)")),
        ("(县(区))", Term("县(区)")),
        ("COVID-19", Term("COVID-19")),
        ("covid -19", AllOf((Term("covid"), Not(Term("19"))))),
        ("PM2.5", Term("PM2.5")),
        ("http://example.org", Term("http://example.org")),
        ("or", Term("or")),
        ("-", Term("-")),
    ],
)
def test_parse(query: str, tree: object) -> None:
    assert parse(query) == tree


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "the query is empty"),
        ("   ", "the query is empty"),
        ('"供热', 'the quote " is not closed'),
        ("“供热", "the quote “ is not closed"),
        ('""', "the quotes hold nothing to search for"),
        ("(供热", "the parenthesis '(' is not closed"),
        ("供热)", "there is no '(' to close"),
        ("供热 )", "there is no '(' to close"),
        ("()", "empty parentheses"),
        ("OR 供热", "OR needs a term on both sides"),
        ("供热 OR", "OR needs a term on both sides"),
        ("供热 OR OR 供暖", "OR needs a term on both sides"),
        ("AND 供热", "AND needs a term on both sides"),
        ("NOT", "NOT needs a term after it"),
        ("供热 NOT", "NOT needs a term after it"),
        ("title:", "title: needs something after it"),
        ("title: 供热", "title: needs something after it"),
        # The example is one the field takes: page:供热 would be refused in turn.
        ("page:", "page: needs something after it, like page:2"),
        ("number: 供热", "number: needs something after it, like number:1810"),
        ("date:", "date: needs something after it, like date:2022-09"),
        ("title:", "title: needs something after it, like title:供热"),
        ("title:(a b)", "not a group"),
        ("date:2022-13", "date:2022-13 is not a valid date"),
        ("date:2022-02-30", "is not a valid date"),
        ("date:22", "date:22 is not a date"),
        ("date:yesterday", "is not a date"),
        ("date:..", "has no dates"),
        ("date:2023..2022", "ends before it starts"),
        ("page:abc", "page:abc is not a page number"),
        ('page:"first"', "page:first is not a page number"),
        ("number:x", "number:x is not an issue number"),
        # A plain number that no page or issue has: refused as page:abc is, not "0 found".
        ("page:0", "page:0 is not a page number"),
        ("page:-1", "page:-1 is not a page number"),
        ("page:1.5", "page:1.5 is not a page number"),
        ("page:00", "page:00 is not a page number"),
        ("number:0", "number:0 is not an issue number"),
        ("number:-3", "number:-3 is not an issue number"),
        ("number:1.5", "number:1.5 is not an issue number"),
        ("供热 -number:first", "number:first is not an issue number"),
        ("autor:郭强", "there is no field autor: (the fields are title:, author:"),
        ("供热 foo:bar", 'put it in quotes: "foo:bar"'),
        ("供" * 1001, "the query is too long"),
        (" ".join(["供热"] * 65), "too many terms"),
        ("(" * 33 + "供热" + ")" * 33, "nests parentheses too deeply"),
        ("(" * 326 + "供热" + ")" * 326, "nests parentheses too deeply"),  # was RecursionError
        ("供热 \udce7", "bytes that are not text"),  # a cut UTF-8 character, from argv
    ],
)
def test_malformed_queries_say_why(query: str, message: str) -> None:
    with pytest.raises(QueryError, match=None) as caught:
        parse(query)
    assert message in str(caught.value)
    assert isinstance(caught.value, ReaderError)
    # Its code and values word it again: the window says it in its own language.
    values = {**caught.value.values, "help": DATE_HELP}
    assert worded(WHY[caught.value.code], values) == str(caught.value)
    assert pickle.loads(pickle.dumps(caught.value)).values == caught.value.values


@pytest.mark.parametrize("field", [*FIELD_PREFIXES, "date"])
def test_the_example_an_empty_field_suggests_is_accepted(field: str) -> None:
    with pytest.raises(QueryError) as caught:
        parse(f"{field}:")
    suggested = str(caught.value).rsplit("like ", 1)[1]
    assert suggested.startswith(f"{field}:")
    parse(suggested)  # the suggestion is not refused in turn (page:供热 was)


def test_groups_as_deep_as_allowed_parse() -> None:
    assert parse("(" * 32 + "供热" + ")" * 32) == parse("供热")


def test_positive_terms_leave_out_negated_ones() -> None:
    node = parse('供热 -广告 (title:工程 OR "乡村 振兴") NOT (a OR b) date:2022')
    assert positive_terms(node) == [
        Term("供热"),
        Term("工程", "title"),
        Term("乡村 振兴", phrase=True),
    ]
