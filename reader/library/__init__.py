"""The application layer: an opened archive (:class:`Library`) and what the window and CLI do with it.

The UI and the command line reach archives only through this package: it joins
``reader.formats`` (reading issues) and ``reader.index`` (searching them), and re-exports the
index's result types so no front end imports the index itself.

Modules: ``library`` (the opened archive), ``paths`` (per-user folders), ``catalogue`` (the
catalogue cache), ``reloading`` (reading an archive again when its files change),
``searching`` (one search as the window runs it), ``navigation`` (back and forward),
``jobs`` (the entry point of a spawned worker process).
"""

from reader.index import (
    SORTS,
    Facets,
    Hit,
    IndexStats,
    QueryError,
    SearchResult,
    Snippet,
    Sort,
    snippet_html,
)
from reader.library.library import Library, build_index

__all__ = [
    "SORTS",
    "Facets",
    "Hit",
    "IndexStats",
    "Library",
    "QueryError",
    "SearchResult",
    "Snippet",
    "Sort",
    "build_index",
    "snippet_html",
]
