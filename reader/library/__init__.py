"""The application layer: an opened archive (:class:`Library`) and what the window and CLI do with it.

The UI and the command line reach archives only through this package: it joins
``reader.formats`` (reading issues) and ``reader.index`` (searching them), and re-exports the
index's result types so no front end imports the index itself.

Modules: ``library`` (the opened archive; ``archive_index`` its search index), ``indexes``
(its issues' fingerprints and the searcher in use), ``paths`` (per-user folders),
``catalogue`` (the catalogue cache; ``texts`` the articles' text beside it, read on demand),
``reloading`` (reading an archive again when its files change), ``searching`` (one search as
the window runs it; ``provisional`` while the index is built), ``many`` (several archives
searched as one; ``shelf`` the user's library of archives), ``navigation`` (back and forward),
``jobs`` (the entry point of a spawned worker process), ``resources`` (the files that travel
with the program), ``pages`` (a page in image pixels with a query's hit boxes: the page view
and ``issue-reader page``; ``unmarked`` an article's matches on none of its pages),
``wordmap`` (an article's text aligned with its printed words),
``images`` (page images), ``citations`` (GB/T 7714 and Chicago), ``export`` (with
``spreadsheet`` CSV, ``bibliography`` RIS, CSL-JSON and BibTeX, with ``corpus`` text and
Markdown files; ``export_entries`` what is written: hits or any articles, streamed;
``collection_export`` a collection's items),
``collections`` (kept articles, notes, tags and saved searches, per user; ``collections_file``
the SQLite file they and the shelf are kept in).

The names below are loaded on first use (PEP 562), so that importing a light module of this
package (``paths``, ``aliases``) does not import the index (numpy, whoosh) and the importers:
the command line's ``--help`` and ``--version`` answer at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.lazy import names_from

if TYPE_CHECKING:
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

# Each name, and the module it comes from.
_HOMES = {
    "SORTS": "reader.index",
    "Facets": "reader.index",
    "Hit": "reader.index",
    "IndexStats": "reader.index",
    "QueryError": "reader.index",
    "SearchResult": "reader.index",
    "Snippet": "reader.index",
    "Sort": "reader.index",
    "snippet_html": "reader.index",
    "Library": "reader.library.library",
    "build_index": "reader.library.library",
}


# The index keeps its folding table in the per-user cache (set where the library imports it).
__getattr__ = names_from(__name__, _HOMES, first="reader.library.indexes")


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
