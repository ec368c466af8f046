"""The index's fields, versions and stored article, without whoosh: what a search needs to know.

:mod:`reader.index.schema` builds whoosh's schema from these; a search that reads the index
files directly (:mod:`reader.index.quick`) needs these names and nothing of whoosh.
"""

from __future__ import annotations

import datetime as dt
import json
import zlib
from dataclasses import dataclass

from reader.index.units import ANALYZER_VERSION

# Bump when fields change: an index with another version is rebuilt.
SCHEMA_VERSION = 3
# How posting lists are written (1: whoosh's blocks of 128; 2: packed, see w3.packed). An
# older index stays readable, but is rebuilt to be searched at the packed lists' speed.
POSTINGS_VERSION = 2
# Title hits rank above body hits (BM25F weight of a title term).
TITLE_BOOST = 5.0
# The fields a plain term searches.
TEXT_FIELDS = ("title", "body", "authors", "column")
# Fields searched as folded text (the rest hold exact values: page, number, date).
CHAIN_FIELDS = frozenset({*TEXT_FIELDS, "publication"})
# Query-language prefixes and the fields they search.
FIELD_PREFIXES = {
    "title": "title",
    "author": "authors",
    "column": "column",
    "publication": "publication",
    "page": "page",
    "number": "number",
}
KEY_SEPARATOR = "\x1f"


def searched_fields(field: str | None) -> tuple[str, ...]:
    """The fields a query term searches: its prefix's, or every text field (no prefix)."""
    return TEXT_FIELDS if field is None else (field,)


def versions() -> dict[str, int]:
    """What an index must have been built with to be used as it is."""
    return {"schema": SCHEMA_VERSION, "analyzer": ANALYZER_VERSION, "postings": POSTINGS_VERSION}


def issue_key(issue_id: str, fingerprint: str) -> str:
    """The value of the ``issue_key`` column."""
    return f"{issue_id}{KEY_SEPARATOR}{fingerprint}"


@dataclass(frozen=True)
class StoredArticle:
    """What the index keeps of an article to show a hit and compute its snippet."""

    article_id: str
    issue_id: str
    publication: str
    date: dt.date | None
    title: str
    title_parts: tuple[str, str, str]
    title_derived: bool
    page: str
    authors: tuple[str, ...]
    column: str
    body: str


def decode_payload(payload: bytes) -> StoredArticle:
    """The article as stored by :func:`encode_payload`."""
    data = json.loads(zlib.decompress(payload).decode("utf-8"))
    kicker, title, subtitle = data["t"]
    return StoredArticle(
        article_id=data["a"],
        issue_id=data["i"],
        publication=data["p"],
        date=dt.date.fromisoformat(data["d"]) if data["d"] else None,
        title=data["h"],
        title_parts=(kicker, title, subtitle),
        # Indexes built before derived titles have no "x" (their schema version differs too).
        title_derived=bool(data.get("x", False)),
        page=data["g"],
        authors=tuple(data["u"]),
        column=data["c"],
        body=data["b"],
    )
