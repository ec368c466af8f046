"""The promise: a plain term finds exactly the articles whose folded text contains it.

The ground truth here is a regular-expression search over the folded text of every article
(title with kicker and subtitle, body, each author, column); the index must return the same
set — no article missed, none extra — for names, places, parts of compounds, single
characters, mixed Latin/CJK, terms broken by OCR line breaks, Traditional forms, and for
hundreds of substrings drawn at random from the archives themselves.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.index import search, update_index
from reader.index.fold import CJK_CLASS, fold
from reader.library import Library
from reader.model import Article
from tests.conftest import shared_path
from tests.index.conftest import open_archive

_WORD = rf"[^\W_{CJK_CLASS}]"


def _parts(article: Article) -> Iterator[str]:
    yield from (article.kicker, article.title, article.subtitle, article.text, article.column)
    yield from article.authors


class Truth:
    """Which articles contain a term, by a regular expression over the folded text."""

    def __init__(self, library: Library) -> None:
        self.folded = {
            article.id: [fold(part) for part in _parts(article) if part]
            for issue in library.issues
            for article in issue.articles
        }

    def articles(self, term: str) -> set[str]:
        needle = fold(term).strip(" ")
        pattern = re.escape(needle)
        if re.match(_WORD, needle[0]):
            pattern = rf"(?<!{_WORD})" + pattern
        if re.match(_WORD, needle[-1]):
            pattern += rf"(?!{_WORD})"
        found = re.compile(pattern)
        return {aid for aid, parts in self.folded.items() if any(found.search(p) for p in parts)}


class Archive:
    """An archive with its index and ground truth."""

    def __init__(self, root: Path, index_dir: Path) -> None:
        self.library, fingerprints = open_archive(root)
        update_index(index_dir, self.library.issues, fingerprints)
        self.index_dir = index_dir
        self.truth = Truth(self.library)

    def found(self, query: str) -> set[str]:
        result = search(self.index_dir, query, limit=100_000)
        ids = {hit.article_id for hit in result.hits}
        assert len(ids) == result.total
        return ids

    def check(self, term: str, quoted: bool = False) -> set[str]:
        expected = self.truth.articles(term)
        actual = self.found(f'"{term}"' if quoted else term)
        assert actual == expected, (
            f"{term!r}: missed {sorted(expected - actual)[:5]}, extra {sorted(actual - expected)[:5]}"
        )
        return actual


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> Archive:
    from tests.conftest import SAMPLE_ISSUES

    return Archive(SAMPLE_ISSUES, tmp_path_factory.mktemp("seed-index"))


@pytest.fixture(scope="module")
def generated(generated_archive: Path, tmp_path_factory: pytest.TempPathFactory) -> Archive:
    return Archive(generated_archive, tmp_path_factory.mktemp("generated-index"))


@pytest.fixture(scope="module")
def rmrb(tmp_path_factory: pytest.TempPathFactory) -> Archive:
    return Archive(shared_path("samples/rmrb-1946-05-15"), tmp_path_factory.mktemp("rmrb-index"))


SEED_TERMS = {
    "names": ["郭强", "王贵方", "牛浩刚", "张庆宏", "延润柱", "刘盼"],
    "places": ["长治", "丹朱镇", "鲍店镇", "精卫湖", "田家沟村", "长子"],
    "parts of compounds": ["供热", "热工", "工程", "物业管理", "理能", "康养小镇", "海关"],
    "single characters": ["李", "县", "郭", "热", "湖", "。"],
    "mixed Latin and CJK": ["2022年", "19个", "9月", "9月11日", "34个", "2022"],
    "broken by an OCR line break": ["涉农", "服务中心", "要高度重视"],
    "Traditional forms": ["長治", "縣委書記", "會議", "長子工廠", "熱力"],
    "absent": ["不存在的词", "xyz", "供热工程项目协调会议"],
}


@pytest.mark.parametrize("kind", sorted(SEED_TERMS))
def test_seed_terms(seed: Archive, kind: str) -> None:
    for term in SEED_TERMS[kind]:
        seed.check(term)


def test_seed_terms_find_something(seed: Archive) -> None:
    for kind, terms in SEED_TERMS.items():
        for term in terms:
            assert bool(seed.found(term)) == (kind != "absent"), term


def test_heating_article(seed: Archive) -> None:
    result = search(seed.index_dir, "供热")
    assert result.total == 1
    hit = result.hits[0]
    assert hit.title == "我县召开供热工程项目协调会"
    start, end = hit.snippet.spans[0]
    assert hit.snippet.text[start:end] == "供热"
    assert hit.title_spans and hit.title[slice(*hit.title_spans[0])] == "供热"


GENERATED_TERMS = [
    "5G基站",
    "5G",
    "基站",
    "PM2.5",
    "pm2",
    "2.5",
    "COVID-19",
    "covid",
    "GDP",
    "APP",
    "本报讯",
    "县委书记",
    "长效机制",
    "河东县报",
    "縣",
    "會議",
    "１２",
    "wifi",
    "“支部+合作社+农户”",
    "+",
]


def test_generated_terms(generated: Archive) -> None:
    for term in GENERATED_TERMS:
        generated.check(term)


def test_generated_ocr_noise_is_found(generated: Archive) -> None:
    # The generator breaks lines inside words and writes some issues in Traditional forms.
    assert generated.check("县委")
    assert generated.check("長效機制")


def _random_terms(truth: Truth, count: int, seed: int) -> list[str]:
    """Substrings of the folded text, 1 to 6 characters, that the query language takes as one term."""
    rnd = random.Random(seed)
    texts = [part for parts in truth.folded.values() for part in parts]
    terms: list[str] = []
    while len(terms) < count:
        text = rnd.choice(texts)
        if not text:
            continue
        length = rnd.randint(1, 6)
        start = rnd.randrange(max(1, len(text) - length + 1))
        term = text[start : start + length]
        if re.search(r'[\s"“”()（）:：]', term) or term.startswith("-") or not term:
            continue
        terms.append(term)
    return terms


def test_random_substrings_of_the_seed(seed: Archive) -> None:
    for term in _random_terms(seed.truth, 150, seed=11):
        seed.check(term)


def test_random_substrings_of_a_generated_archive(generated: Archive) -> None:
    for term in _random_terms(generated.truth, 250, seed=12):
        generated.check(term)


def test_random_substrings_of_the_rmrb_sample(rmrb: Archive) -> None:
    for term in _random_terms(rmrb.truth, 250, seed=13):
        rmrb.check(term)


def test_random_phrases_with_spaces(generated: Archive) -> None:
    rnd = random.Random(14)
    texts = [p for parts in generated.truth.folded.values() for p in parts if " " in p]
    checked = 0
    while checked < 60:
        text = rnd.choice(texts)
        at = rnd.choice([m.start() for m in re.finditer(" ", text)])
        term = text[max(0, at - rnd.randint(1, 4)) : at + rnd.randint(2, 5)]
        if '"' in term or not term.strip():
            continue
        generated.check(term.strip(), quoted=True)
        checked += 1


def test_random_boolean_queries(generated: Archive) -> None:
    """AND, OR and NOT give the set algebra of their terms' hits."""
    terms = [t for t in _random_terms(generated.truth, 120, seed=15) if t.upper() not in _KEYWORDS]
    rnd = random.Random(16)
    for _ in range(40):
        a, b, c = rnd.sample(terms, 3)
        hits = {t: generated.truth.articles(t) for t in (a, b, c)}
        assert generated.found(f"{a} {b}") == hits[a] & hits[b]
        assert generated.found(f"{a} OR {b}") == hits[a] | hits[b]
        assert generated.found(f"{a} -{b}") == hits[a] - hits[b]
        assert generated.found(f"({a} OR {b}) NOT {c}") == (hits[a] | hits[b]) - hits[c]
        assert generated.found(f"-{a} -{b}") == set(generated.truth.folded) - hits[a] - hits[b]


_KEYWORDS = {"OR", "AND", "NOT"}
