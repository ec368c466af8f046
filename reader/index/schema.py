"""The index schema (one document per article) and how an article becomes a document."""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator

from whoosh import columns, fields

from reader.index.analysis import FoldedText
from reader.index.fold import fold
from reader.index.layout import (
    CHAIN_FIELDS,
    FIELD_PREFIXES,
    KEY_SEPARATOR,
    POSTINGS_VERSION,
    SCHEMA_VERSION,
    TEXT_FIELDS,
    TITLE_BOOST,
    StoredArticle,
    decode_payload,
    issue_key,
    versions,
)
from reader.model import Article, Issue


def make_schema() -> fields.Schema:
    """The whoosh schema of an article document."""
    return fields.Schema(
        article_id=fields.ID(stored=True, unique=True),
        issue_id=fields.ID(),
        # issue id + fingerprint: what tells a changed issue from an unchanged one.
        issue_key=fields.COLUMN(columns.VarBytesColumn()),
        title=FoldedText(field_boost=TITLE_BOOST),
        body=FoldedText(),
        authors=FoldedText(),
        column=FoldedText(),
        publication=FoldedText(),
        # Exact publication name, for the facet filter and the per-document facet column.
        publication_name=fields.ID(sortable=True),
        page=fields.ID(),
        number=fields.ID(),
        # The issue date as a day number (0 when undated): date: filters, sorting, facets.
        day=fields.COLUMN(columns.NumericColumn("i")),
        payload=fields.STORED(),
    )


def documents(issue: Issue, fingerprint: str) -> Iterator[dict[str, object]]:
    """The index documents of an issue's articles (keyword arguments for ``add_document``)."""
    # Imported here, as in encode_payload: a long text's chunks (and the numpy analysis under
    # them) serve a build, and a search imports this module for its fields and payloads.
    from reader.index.chunks import long_text

    key = issue_key(issue.id, fingerprint).encode("utf-8")
    day = issue.date.toordinal() if issue.date else 0
    for article in issue.articles:
        yield {
            "article_id": article.id,
            "issue_id": issue.id,
            "issue_key": key,
            # A derived title is the body's first words: searched as body text, not as a title.
            "title": (
                article.kicker,
                "" if article.title_derived else article.title,
                article.subtitle,
            ),
            # A long body is analysed a chunk at a time, never joined whole.
            "body": long_text(article.paragraphs) or article.text,
            "authors": article.authors,
            "column": article.column,
            "publication": issue.publication,
            "publication_name": issue.publication,
            "page": fold(article.page).strip() or None,
            "number": fold(issue.number).strip() or None,
            "day": day,
            "payload": encode_payload(issue, article),
        }


def encode_payload(issue: Issue, article: Article) -> bytes:
    """The stored value of an article: compressed JSON (text is most of the index otherwise).

    A long article's JSON is compressed as it is written, a piece of its text at a time, so
    that neither its text joined nor the JSON of it is ever held whole.
    """
    data: dict[str, object] = {
        "a": article.id,
        "i": issue.id,
        "p": issue.publication,
        "d": issue.date.isoformat() if issue.date else "",
        "h": article.headline,
        "t": [article.kicker, article.title, article.subtitle],
        "x": article.title_derived,
        "g": article.page,
        "u": list(article.authors),
        "c": article.column,
    }
    from reader.index.chunks import long_text  # see documents()

    body = long_text(article.paragraphs)
    if body is None:
        data["b"] = article.text
        return zlib.compress(json.dumps(data, ensure_ascii=False).encode("utf-8"), 1)
    # The same JSON as above: "b" last, with json's default separators.
    head = json.dumps(data, ensure_ascii=False)[:-1] + ', "b": "'
    compressor = zlib.compressobj(1)
    out = [compressor.compress(head.encode("utf-8"))]
    for piece in body.pieces:
        for at in range(0, len(piece), _ESCAPED_CHARS):
            escaped = json.dumps(piece[at : at + _ESCAPED_CHARS], ensure_ascii=False)[1:-1]
            out.append(compressor.compress(escaped.encode("utf-8")))
    out.append(compressor.compress(b'"}'))
    out.append(compressor.flush())
    return b"".join(out)


# Characters of a long text escaped and compressed at a time.
_ESCAPED_CHARS = 1 << 20


__all__ = [
    "CHAIN_FIELDS",
    "FIELD_PREFIXES",
    "KEY_SEPARATOR",
    "POSTINGS_VERSION",
    "SCHEMA_VERSION",
    "TEXT_FIELDS",
    "TITLE_BOOST",
    "StoredArticle",
    "decode_payload",
    "documents",
    "encode_payload",
    "issue_key",
    "make_schema",
    "versions",
]
