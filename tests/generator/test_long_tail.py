"""The generator's long tail: as many distinct characters and pairs as real news, no stock phrase everywhere.

The search index's terms are characters and character pairs (bigrams), so an archive whose
text repeats itself has a small term dictionary with long posting lists and flatters the
index benchmarks. The bounds here are measured on real text: the Hubei Daily sample in
../shared has 9,441 distinct bigrams in its 29,807 Han characters. The generator before the
long tail was added had 5,450 per 30,000, 1,518 distinct characters in half a year, and put
相关部门负责人作表态发言 into 27 % of all articles; it fails every test below.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reader.index.fold import fold
from reader.library import Library
from reader.model import Issue
from tests.conftest import shared_path
from tests.generator import (
    details,
    everyday,
    fields,
    formulas,
    sentences,
    templates,
    topics,
    vocabulary,
)
from tests.generator.generate import Writer

HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")
SLOT = re.compile(r"\{(\w+)\}")
REAL_PAIRS = 9441  # distinct bigrams in the Hubei Daily sample's 29,807 Han characters
WINDOW = 30_000


def _runs(issues: list[Issue]) -> Iterator[str]:
    """Runs of Han characters of every article, in order, as the index sees them (folded)."""
    for issue in issues:
        for article in issue.articles:
            yield from HAN_RUN.findall(fold(article.text))


def _pairs_per_window(runs: Iterator[str]) -> list[int]:
    """Distinct bigrams in each window of WINDOW Han characters (bigrams do not cross runs)."""
    windows: list[int] = []
    seen: set[str] = set()
    size = 0
    for run in runs:
        while run:
            part, run = run[: WINDOW - size], run[WINDOW - size :]
            seen.update(map(str.__add__, part, part[1:]))
            size += len(part)
            if size == WINDOW:
                windows.append(len(seen))
                seen, size = set(), 0
    return windows


def _templates() -> Iterator[str]:
    """Every template and word list entry of the generator."""
    for module in (templates, sentences, details, everyday, formulas, vocabulary):
        for value in vars(module).values():
            if isinstance(value, tuple) and all(isinstance(item, str) for item in value):
                yield from value
    for topic in topics.TOPICS:
        for field in (topic.themes, topic.nouns, topic.actions, topic.goals, topic.facts):
            yield from field
        yield from (*topic.quotes, *topic.people, *topic.activities)
    for more in fields.MORE.values():
        yield from (*more.nouns, *more.actions, *more.facts, *more.quotes, *more.goals)


def test_a_window_has_about_as_many_distinct_pairs_as_real_news(year: Library) -> None:
    windows = _pairs_per_window(_runs(year.issues))
    assert len(windows) > 50
    mean = sum(windows) / len(windows)
    assert 0.8 * REAL_PAIRS < mean < 1.2 * REAL_PAIRS, mean
    assert min(windows) > 0.75 * REAL_PAIRS, min(windows)


def test_the_real_figure_is_the_shared_samples() -> None:
    path = shared_path("samples/founder-epaper-stdaily-hubeidaily/content.txt")
    text = re.sub(r"<[^>]+>", "", path.read_text(encoding="utf-8"))
    runs = HAN_RUN.findall(text)
    assert 29_000 < sum(map(len, runs)) <= WINDOW
    assert len({pair for run in runs for pair in map(str.__add__, run, run[1:])}) == REAL_PAIRS


def test_half_a_year_uses_thousands_of_characters_and_keeps_finding_new_ones(
    year: Library,
) -> None:
    quarter = set("".join(_runs(year.issues[:25])))
    half = set("".join(_runs(year.issues)))
    assert len(half) > 2_800, len(half)
    assert len(half) > 1.1 * len(quarter)  # rare characters keep turning up
    pairs = {pair for run in _runs(year.issues) for pair in map(str.__add__, run, run[1:])}
    assert len(pairs) > 55_000, len(pairs)


def test_no_stock_phrase_is_in_more_than_a_few_articles(year: Library) -> None:
    # A fixed run of ten or more Han characters of a template reads the same wherever it is.
    fixed = {
        piece
        for template in _templates()
        for piece in re.split(r"\{\w+\}|[^\u4e00-\u9fff]+", template)
        if len(piece) >= 10
    }
    assert len(fixed) > 100
    texts = ["".join(HAN_RUN.findall(a.text)) for issue in year.issues for a in issue.articles]
    shares = {piece: sum(piece in text for text in texts) / len(texts) for piece in fixed}
    worst = max(shares, key=shares.__getitem__)
    assert shares[worst] < 0.15, (worst, shares[worst])


def test_every_slot_of_every_template_has_a_filler() -> None:
    # A misspelt slot would only fail when its template is drawn, maybe years into an archive.
    fill = Writer(1).prose.fill
    named = {slot for template in _templates() for slot in SLOT.findall(template)}
    assert named - fill.keys() == set()
    assert len(named) > 150
