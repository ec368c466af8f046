"""An issue's articles kept compact: counted without decoding, decoded when read, a tuple to compare."""

from __future__ import annotations

import pickle

from reader.model import Article, Issue
from reader.model.articles import Articles

ENTRIES = tuple(
    Article(id=f"a{n}", issue_id="i", title=f"标题{n}", source="x.txt" if n else "y.txt")
    for n in range(3)
)


def _kept(calls: list[int]) -> Articles:
    def decode(key: int) -> tuple[Article, ...]:
        calls.append(key)
        return ENTRIES

    return Articles(decode, 7, len(ENTRIES), ("y.txt",))


def test_counting_and_the_files_need_no_decoding() -> None:
    calls: list[int] = []
    articles = _kept(calls)
    issue = Issue(id="i", publication="报", date=None, source="x.txt", articles=articles)
    assert len(articles) == 3 and bool(articles)
    assert issue.files == {"x.txt", "y.txt"}
    assert calls == []
    assert not Articles(lambda key: (), 0, 0)


def test_reading_decodes_by_key_and_gives_the_entries() -> None:
    calls: list[int] = []
    articles = _kept(calls)
    assert articles[0] == ENTRIES[0] and articles[-1] == ENTRIES[-1]
    assert articles[1:] == ENTRIES[1:]
    assert list(articles) == list(ENTRIES) and list(reversed(articles)) == list(ENTRIES[::-1])
    assert ENTRIES[2] in articles
    assert articles.index(ENTRIES[1]) == 1
    assert set(calls) == {7}


def test_it_compares_hashes_and_pickles_as_the_tuple_it_stands_for() -> None:
    articles = _kept([])
    assert articles == ENTRIES
    assert ENTRIES == articles  # noqa: SIM300 (the tuple first: the reflected comparison)
    assert articles != ENTRIES[:2] and articles != list(ENTRIES)
    assert hash(articles) == hash(ENTRIES)
    issue = Issue(id="i", publication="报", date=None, articles=articles)
    plain = Issue(id="i", publication="报", date=None, articles=ENTRIES)
    assert issue == plain and hash(issue) == hash(plain)
    copy = pickle.loads(pickle.dumps(issue))
    assert copy == issue and type(copy.articles) is tuple
    other = Articles(lambda key: ENTRIES[:1] + ENTRIES[1:], 9, 3)
    assert other == articles  # another record, the same entries
    assert repr(articles) == repr(ENTRIES)
