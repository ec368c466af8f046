"""Searching articles the index does not hold yet: the index's query matched over folded text.

While an archive is being indexed, the articles not in the index are searched by a plain scan
of their folded text (:class:`ScanDoc`, made once per article). The scan must find what the
index would: for a term in a field, the index finds its units at consecutive positions
(:mod:`reader.index.analysis`), which is the same as

* the folded term occurring in the field's folded text, one part at a time (a kicker, a
  title, a subtitle, each author: the index never matches across parts), where
* a term starting (ending) with a letter or digit starts (ends) at a word boundary (the
  index's Latin words are whole units; CJK letters are units of their own);

and for ``page:`` and ``number:``, the folded, stripped value being the same. Dates, ``OR``,
``-word`` and grouping are evaluated as the index does (:mod:`reader.index.docsets`).

Ranking: BM25F with the index's formula, parameters and field boosts. The scan cannot know
the index's document frequencies, so a term's frequency in the archive is estimated from the
articles scanned (``df × population / scanned``), and a field's length is its folded length
(the index counts its terms, about proportional). Index hits and scanned hits are so on
comparable scales, not identical ones.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from reader.index.analysis import chain
from reader.index.docsets import K1, B
from reader.index.fold import fold
from reader.index.query import AnyOf, DateSpan, Node, Not, Term, parse, positive_terms
from reader.index.scanmatch import Needle, counts_in
from reader.index.schema import TEXT_FIELDS, TITLE_BOOST, StoredArticle, issue_key
from reader.model import UNDATED, Article, Issue

# The folded-text fields of a document, in the order ScanDoc.texts keeps them.
SCAN_FIELDS = ("title", "body", "authors", "column", "publication")
# Fields holding one exact value each.
EXACT_FIELDS = ("page", "number")
_BOOSTS = {"title": TITLE_BOOST}
# Between the parts of a field: folding makes every whitespace a space, so no term holds it,
# and it is no letter, so the word boundaries hold at either side.
PART_SEPARATOR = "\n"


@dataclass(frozen=True)
class ScanDoc:
    """One article as the scan knows it: what filters, facets and ranking need.

    ``exact`` follows :data:`EXACT_FIELDS`, ``lengths`` (each field's folded length)
    :data:`SCAN_FIELDS`; ``day`` is the issue date's ordinal (0 undated).
    """

    article_id: str
    issue_id: str
    publication: str
    day: int
    exact: tuple[str, ...]
    # The labels the index's facets count: ``2022``, ``2022-09``, ``2022-09-19`` (or undated).
    labels: tuple[str, str, str]
    lengths: tuple[int, ...]


@dataclass(frozen=True)
class ScanIssue:
    """An issue's articles as the scan reads them: per field, their folded texts in one string.

    ``texts`` follows :data:`SCAN_FIELDS`: the articles' texts of the field in print order,
    separated by :data:`PART_SEPARATOR` (as the parts of one are). ``starts`` says, per field,
    where each article's text starts, and one more entry one past the end: a term is looked
    for in the whole string at once, so an issue without it costs one search in C.
    """

    docs: tuple[ScanDoc, ...]
    texts: tuple[str, ...]
    starts: tuple[tuple[int, ...], ...]

    @property
    def size(self) -> int:
        """Characters held (what the library's cache counts)."""
        return sum(map(len, self.texts))


__all__ = ["Scan", "ScanDoc", "ScanIssue", "issue_key", "scan_issue", "stored_article"]


def scan_issue(issue: Issue) -> ScanIssue:
    """An issue as the scan reads it (its fields as :func:`reader.index.schema.documents`)."""
    day = issue.date.toordinal() if issue.date else 0
    number = fold(issue.number).strip()
    labels = _labels(issue.date)
    publication = fold(issue.publication)
    docs = []
    columns: list[list[str]] = [[] for _ in SCAN_FIELDS]
    for article in issue.articles:
        title = (article.kicker, "" if article.title_derived else article.title, article.subtitle)
        texts = (
            _parts(title),
            fold(article.text),
            _parts(article.authors),
            fold(article.column),
            publication,
        )
        for column, text in zip(columns, texts, strict=True):
            column.append(text)
        exact = (fold(article.page).strip(), number)
        lengths = tuple(map(len, texts))
        docs.append(ScanDoc(article.id, issue.id, issue.publication, day, exact, labels, lengths))
    starts = tuple(tuple(itertools.accumulate((len(t) + 1 for t in c), initial=0)) for c in columns)
    joined = tuple(PART_SEPARATOR.join(column) for column in columns)
    return ScanIssue(tuple(docs), joined, starts)


def _labels(date: dt.date | None) -> tuple[str, str, str]:
    """Year, month and day labels as the index makes them (``strftime``: year 813 is "813")."""
    if date is None:
        return UNDATED, UNDATED, UNDATED
    month = date.strftime("%Y-%m")
    return month[:-3], month, date.isoformat()


def _parts(parts: Sequence[str]) -> str:
    return PART_SEPARATOR.join(fold(part) for part in parts)


def stored_article(issue: Issue, article: Article) -> StoredArticle:
    """What the index would store of an article (to make a hit of it the index's way)."""
    return StoredArticle(
        article_id=article.id,
        issue_id=issue.id,
        publication=issue.publication,
        date=issue.date,
        title=article.headline,
        title_parts=(article.kicker, article.title, article.subtitle),
        title_derived=article.title_derived,
        page=article.page,
        authors=article.authors,
        column=article.column,
        body=article.text,
    )


@dataclass
class Scan:
    """One query's matches over scanned documents, added a chunk at a time.

    ``matched`` holds the matching documents in the order they were added, ``counts`` their
    occurrences per (field, folded term) for ranking; ``seen`` counts every document added.
    """

    node: Node
    matched: list[ScanDoc] = field(default_factory=list)
    seen: int = 0
    # Per chunk added: its first index in ``matched``, its matches' local indexes in order,
    # and the occurrences of each ranked (field, term) by local index.
    _chunks: list[tuple[int, list[int], dict[tuple[str, str], dict[int, int]]]] = field(
        default_factory=list
    )
    _df: dict[tuple[str, str], int] = field(default_factory=dict)
    _lengths: dict[str, int] = field(default_factory=dict)
    _needles: dict[str, Needle] = field(default_factory=dict)

    @classmethod
    def of(cls, query: str) -> Scan:
        """A scan for what a person typed.

        Raises:
            QueryError: The query is malformed.
        """
        return cls(parse(query))

    def add(self, issues: Sequence[ScanIssue]) -> None:
        """Match the query over ``issues`` (one chunk) and keep what ranking needs."""
        found: dict[tuple[str, str], dict[int, int]] = {}
        docs = [doc for issue in issues for doc in issue.docs]
        hits = self._eval(self.node, issues, docs, found)
        for key, counts in found.items():
            self._df[key] = self._df.get(key, 0) + len(counts)
        ranked = self._ranked_fields()
        if ranked:
            sums = [sum(column) for column in zip(*(doc.lengths for doc in docs), strict=True)]
            for name in ranked:
                self._lengths[name] = self._lengths.get(name, 0) + sums[SCAN_FIELDS.index(name)]
        ranked_keys = self._ranked_keys()
        order = sorted(hits)
        kept = {key: counts for key, counts in found.items() if key in ranked_keys}
        self._chunks.append((len(self.matched), order, kept))
        self.matched.extend(docs[i] for i in order)
        self.seen += len(docs)

    def scores(self, population: int) -> list[float]:
        """BM25F scores of :attr:`matched`, for an archive of ``population`` documents."""
        population = max(population, self.seen, 1)
        scale = population / max(self.seen, 1)
        idf = {key: math.log(population / (df * scale + 1)) + 1 for key, df in self._df.items()}
        averages = {name: total / max(self.seen, 1) or 1.0 for name, total in self._lengths.items()}
        scores = [0.0] * len(self.matched)
        for first, order, found in self._chunks:
            for (name, text), counts in found.items():
                column = SCAN_FIELDS.index(name)
                boost = _BOOSTS.get(name, 1.0)
                weight_of = idf[(name, text)] * (K1 + 1)
                norm = K1 * B / averages[name]
                for at, i in enumerate(order, first):
                    count = counts.get(i)
                    if count:
                        weight = count * boost
                        length = self.matched[at].lengths[column]
                        scores[at] += weight_of * weight / (weight + K1 * (1 - B) + norm * length)
        return scores

    def _ranked_keys(self) -> set[tuple[str, str]]:
        """The (field, folded term) pairs that score: the query's positive terms."""
        keys: set[tuple[str, str]] = set()
        for term in positive_terms(self.node):
            found = chain(term.text)
            if found is not None:
                keys.update((name, found.folded) for name in _fields(term) if name in SCAN_FIELDS)
        return keys

    def _ranked_fields(self) -> set[str]:
        return {name for name, _text in self._ranked_keys()}

    def _eval(
        self,
        node: Node,
        issues: Sequence[ScanIssue],
        docs: Sequence[ScanDoc],
        found: dict[tuple[str, str], dict[int, int]],
    ) -> set[int]:
        """The documents matching ``node``, by their index in ``docs`` (the issues' articles)."""
        if isinstance(node, Term):
            hits: set[int] = set()
            for name in _fields(node):
                hits |= self._term(name, node, issues, docs, found)
            return hits
        if isinstance(node, DateSpan):
            first, last = node.start.toordinal(), node.end.toordinal()
            return {i for i, doc in enumerate(docs) if first <= doc.day <= last}
        if isinstance(node, Not):
            return set(range(len(docs))) - self._eval(node.node, issues, docs, found)
        if isinstance(node, AnyOf):
            return set().union(*(self._eval(c, issues, docs, found) for c in node.nodes))
        positives = [
            self._eval(c, issues, docs, found) for c in node.nodes if not isinstance(c, Not)
        ]
        result = set.intersection(*positives) if positives else set(range(len(docs)))
        for child in node.nodes:
            if isinstance(child, Not):
                result -= self._eval(child.node, issues, docs, found)
        return result

    def _term(
        self,
        name: str,
        term: Term,
        issues: Sequence[ScanIssue],
        docs: Sequence[ScanDoc],
        found: dict[tuple[str, str], dict[int, int]],
    ) -> set[int]:
        if name in EXACT_FIELDS:
            value = fold(term.text).strip()
            column = EXACT_FIELDS.index(name)
            return {i for i, doc in enumerate(docs) if value and doc.exact[column] == value}
        folded = chain(term.text)
        if folded is None:
            return set()
        key = (name, folded.folded)
        counts = found.get(key)
        if counts is None:
            needle = self._needles.get(folded.folded)
            if needle is None:
                needle = self._needles[folded.folded] = Needle.of(folded.folded)
            counts = found[key] = counts_in(needle, SCAN_FIELDS.index(name), issues)
        return set(counts)


def _fields(term: Term) -> tuple[str, ...]:
    return TEXT_FIELDS if term.field is None else (term.field,)
