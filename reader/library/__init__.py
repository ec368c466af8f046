"""The application layer: an opened archive (:class:`Library`) and what the window and CLI do with it.

The UI and the command line reach archives only through this package: it joins
``reader.formats`` (reading issues) and ``reader.index`` (searching them), and re-exports the
index's result types so no front end imports the index itself.

Modules: ``library`` (the opened archive), ``indexes`` (its issues' fingerprints and the
searcher in use), ``paths`` (per-user folders), ``catalogue`` (the catalogue cache),
``reloading`` (reading an archive again when its files change), ``searching`` (one search as
the window runs it), ``navigation`` (back and forward), ``jobs`` (the entry point of a
spawned worker process), ``resources`` (the files that travel with the program), ``pages``
(a page in image pixels with a query's hit boxes: the page view and ``issue-reader page``),
``wordmap`` (an article's text aligned with its printed words), ``images`` (page images),
``citations`` (GB/T 7714 and Chicago), ``export`` (with ``spreadsheet`` CSV, ``bibliography`` RIS,
CSL-JSON and BibTeX, with ``corpus`` text and Markdown files: hits or any articles, streamed).
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
    use_cache_root,
)
from reader.library import paths
from reader.library.library import Library, build_index

# The index keeps its folding table in the per-user cache, like everything else of ours.
use_cache_root(paths.user_cache_root)

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
