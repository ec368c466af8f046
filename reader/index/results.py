"""What a search gives: its filters, its hits, its facets and the result that holds them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from reader.index.matches import FieldSpans
from reader.index.snippets import Snippet, Span


@dataclass(frozen=True)
class SearchFilters:
    """Keep only hits from these years (``"2022"`` or ``"undated"``), months and publications.

    An empty tuple means no restriction. ``months`` (``"2022-09"``) and ``days``
    (``"2022-09-19"``) narrow the hits and their total but not the facets, so a chart still
    shows every month of the year around the one chosen.
    """

    years: tuple[str, ...] = ()
    publications: tuple[str, ...] = ()
    months: tuple[str, ...] = ()
    days: tuple[str, ...] = ()


@dataclass(frozen=True)
class Hit:
    """One matching article.

    ``title_spans`` marks the query's matches in ``title`` (the headline) the way
    ``snippet.spans`` does in the snippet (Python str offsets). ``matches`` names each part of
    the article the query matched, in reading order, with its spans: ``title``, ``kicker``
    and ``subtitle`` (when not the headline), ``byline`` (the authors as in ``byline``),
    ``column``, ``publication``, ``text`` (offsets into the article's whole text,
    ``Article.text``); a part without a match is left out. ``title_derived`` says the title
    is the article's first words: its spans are then the body's matches, and ``matches``
    names no ``title`` (the words are the text's).
    """

    article_id: str
    issue_id: str
    publication: str
    date: dt.date | None
    title: str
    page: str
    snippet: Snippet
    score: float
    title_spans: tuple[Span, ...] = ()
    title_derived: bool = False
    kicker: str = ""
    subtitle: str = ""
    byline: str = ""
    column: str = ""
    matches: FieldSpans = ()
    # Which archive the hit is from, when several are searched as one (reader.library.many).
    archive: str = ""

    @property
    def matched_fields(self) -> tuple[str, ...]:
        """The parts of the article the query matched (see :attr:`matches`), in reading order."""
        return tuple(name for name, _spans in self.matches)

    def spans(self, name: str) -> tuple[Span, ...]:
        """The matches in one part (``byline``, ``column``…); empty when it has none."""
        return dict(self.matches).get(name, ())


@dataclass(frozen=True)
class Facets:
    """Matching articles per year (``"undated"`` for undated issues) and per publication.

    ``month`` (``"2022-09"``) and ``day`` (``"2022-09-19"``) count the hits that remain after
    both filters, so a chart can show a chosen year month by month (or a trend day by day)
    without searching again. ``archive`` counts the matches per archive when several are
    searched as one (:mod:`reader.library.many`), and is empty otherwise.
    """

    year: dict[str, int] = field(default_factory=dict)
    publication: dict[str, int] = field(default_factory=dict)
    month: dict[str, int] = field(default_factory=dict)
    day: dict[str, int] = field(default_factory=dict)
    archive: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class SearchResult:
    """What a search found.

    ``total`` counts every match after the filters; ``hits`` holds the first ``limit`` of
    them in the requested order. Each facet counts the matches under the *other* filter, so
    a person can see what choosing another year or publication would give.
    """

    query: str
    total: int
    hits: tuple[Hit, ...]
    facets: Facets
