"""A hit as the index stores its article: the matched parts of each field and a snippet."""

from __future__ import annotations

from reader.index.layout import StoredArticle
from reader.index.matches import byline, field_spans
from reader.index.results import Hit
from reader.index.snippets import find_matches, make_snippet


def stored_hit(stored: StoredArticle, score: float, wanted: dict[str, list[str]]) -> Hit:
    """The hit of an article as the index stores it, for the query's ``needles``."""
    matched = field_spans(stored, wanted)
    spans = dict(matched)
    return Hit(
        article_id=stored.article_id,
        issue_id=stored.issue_id,
        publication=stored.publication,
        date=stored.date,
        title=stored.title,
        page=stored.page,
        snippet=make_snippet(stored.body, spans.get("text", ())),
        score=float(score),
        title_spans=(
            tuple(find_matches(stored.title, wanted["body"]))
            if stored.title_derived
            else spans.get("title", ())
        ),
        title_derived=stored.title_derived,
        kicker=stored.title_parts[0],
        subtitle=stored.title_parts[2],
        byline=byline(stored.authors),
        column=stored.column,
        matches=matched,
    )
