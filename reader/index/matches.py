"""Which parts of an article a query matched, and where: the title, the byline, the text….

The spans are found over the stored texts by the index's own folding and word rules
(:func:`reader.index.snippets.find_matches`), so a field is named only where a span shows it.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.index.layout import TEXT_FIELDS, StoredArticle
from reader.index.query import Node, parse, positive_terms
from reader.index.snippets import Span, find_matches
from reader.index.units import chain

# The parts of a hit that can hold a match, in the order a person reads them. ``text`` is the
# article's text (``Article.text``: its paragraphs joined by a blank line).
MATCH_FIELDS = ("title", "kicker", "subtitle", "byline", "column", "publication", "text")
# The index field a query term names, for each part of an article that shows it.
_SEARCHED_IN = {
    "title": "title",
    "kicker": "title",
    "subtitle": "title",
    "byline": "authors",
    "authors": "authors",
    "column": "column",
    "publication": "publication",
    "text": "body",
    "body": "body",
}
# What a plain term (no field: prefix) searches.
_PLAIN = frozenset(TEXT_FIELDS)

FieldSpans = tuple[tuple[str, tuple[Span, ...]], ...]


def needles(node: Node) -> dict[str, list[str]]:
    """Folded terms to find, per index field: ``title``, ``body``, ``authors``, ``column``….

    ``page:`` and ``number:`` hold exact values and ``date:`` is no text: none is marked.
    A plain term is looked for in every field it searches (title, body, authors, column).
    """
    found: dict[str, list[str]] = {name: [] for name in (*TEXT_FIELDS, "publication")}
    for term in positive_terms(node):
        fields = _PLAIN if term.field is None else {term.field}
        folded = chain(term.text)
        if folded is None:
            continue
        for name in fields & found.keys():
            found[name].append(folded.folded)
    return found


def byline(authors: Sequence[str]) -> str:
    """The authors on one line: by spaces (张晓明 郭强), by commas when a name has a space."""
    return _separator(authors).join(authors)


def byline_spans(authors: Sequence[str], wanted: Sequence[str]) -> list[Span]:
    """The matches in :func:`byline` of ``authors``, found name by name as the index has them."""
    spans: list[Span] = []
    at = 0
    for name in authors:
        spans += [(at + start, at + end) for start, end in find_matches(name, wanted)]
        at += len(name) + len(_separator(authors))
    return spans


def _separator(authors: Sequence[str]) -> str:
    return ", " if any(" " in name for name in authors) else " "


def field_spans(stored: StoredArticle, wanted: dict[str, list[str]]) -> FieldSpans:
    """Each part of ``stored`` with a match, and the matches' spans (Python ``str`` offsets).

    ``title`` is the headline as a hit shows it; ``kicker`` and ``subtitle`` are named apart
    only when they are not that headline. Parts without a match are left out.
    """
    kicker, _title, subtitle = stored.title_parts
    texts = {
        "title": stored.title,
        "kicker": kicker if kicker != stored.title else "",
        "subtitle": subtitle if subtitle != stored.title else "",
        "column": stored.column,
        "publication": stored.publication,
        "text": stored.body,
    }
    found: list[tuple[str, tuple[Span, ...]]] = []
    for name in MATCH_FIELDS:
        if name == "byline":
            spans = byline_spans(stored.authors, wanted["authors"])
        else:
            spans = find_matches(texts[name], wanted[_SEARCHED_IN[name]])
        # A derived title is the text's first words: the match is the text's, named there.
        if spans and not (name == "title" and stored.title_derived):
            found.append((name, tuple(spans)))
    return tuple(found)


def highlights(query: str, texts: dict[str, str]) -> dict[str, list[Span]]:
    """Where ``query`` matches in an article's texts, marked as hits mark their snippets.

    ``texts`` maps ``kicker``, ``title`` and ``subtitle`` (searched as the title), ``body``
    (or ``text``), ``column`` and ``byline`` to their text; the spans are Python ``str``
    offsets into each.

    Raises:
        QueryError: The query is malformed.
    """
    return _found(query, texts, merge=True)


def occurrences(query: str, texts: dict[str, str]) -> dict[str, list[Span]]:
    """Like :func:`highlights`, but each occurrence apart: 长子长子 is two, not one span.

    Raises:
        QueryError: The query is malformed.
    """
    return _found(query, texts, merge=False)


def _found(query: str, texts: dict[str, str], *, merge: bool) -> dict[str, list[Span]]:
    wanted = needles(parse(query))
    return {
        name: find_matches(text, wanted[_SEARCHED_IN[name]], merge=merge)
        for name, text in texts.items()
    }
