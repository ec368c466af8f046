"""The schema of the collections file: its migrations, and how its columns hold paths, times and lists."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

# Each step brings a file from version N (its index + 1 is N + 1); never change a step once
# released: add one. Version 1 kept collections and items; version 2 added tags and searches;
# version 3 the shelf (the archives of the reader's library, :mod:`reader.library.shelf`).
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE archives (id TEXT PRIMARY KEY, path TEXT NOT NULL UNIQUE, name TEXT NOT NULL);
    CREATE TABLE collections (
        id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, created TEXT NOT NULL);
    CREATE TABLE items (
        id INTEGER PRIMARY KEY,
        collection INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
        archive TEXT NOT NULL REFERENCES archives(id),
        article TEXT NOT NULL, issue TEXT NOT NULL, title TEXT NOT NULL, date TEXT NOT NULL,
        publication TEXT NOT NULL, note TEXT NOT NULL DEFAULT '', added TEXT NOT NULL,
        UNIQUE (collection, archive, article));
    """,
    """
    ALTER TABLE items ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';
    CREATE TABLE searches (
        id INTEGER PRIMARY KEY, archive TEXT NOT NULL REFERENCES archives(id),
        name TEXT NOT NULL, query TEXT NOT NULL, filters TEXT NOT NULL DEFAULT '{}',
        created TEXT NOT NULL, opened TEXT NOT NULL,
        total INTEGER NOT NULL DEFAULT 0, hits TEXT NOT NULL DEFAULT '[]');
    """,
    """
    CREATE TABLE shelf (
        archive TEXT PRIMARY KEY REFERENCES archives(id), name TEXT NOT NULL,
        position INTEGER NOT NULL, added TEXT NOT NULL, searched INTEGER NOT NULL DEFAULT 1);
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


def now() -> str:
    """The time now, as stored (UTC, ISO 8601 to the second)."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def json_list(text: object) -> list[object]:
    """A JSON list kept in a column (an empty one when the column holds anything else)."""
    try:
        value = json.loads(str(text))
    except ValueError:
        return []
    return value if isinstance(value, list) else []


def json_dict(text: object) -> dict[str, object]:
    """A JSON object kept in a column (an empty one when the column holds anything else)."""
    try:
        value = json.loads(str(text))
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def archive_path(path: str | os.PathLike[str]) -> str:
    """The spelling of an archive's location that keys it (as the caches key it)."""
    return str(Path(path).expanduser().resolve())


def clean_tags(tags: object) -> tuple[str, ...]:
    """Tags as kept: trimmed, no empty ones, each once, in the order given."""
    if isinstance(tags, str):
        tags = tags.split(",")
    seen: dict[str, None] = {}
    for tag in tags if isinstance(tags, list | tuple) else ():
        if isinstance(tag, str) and tag.strip():
            seen.setdefault(tag.strip(), None)
    return tuple(seen)
