"""The search index: the only package that imports whoosh, and no whoosh type leaves it.

Build or update with :func:`update_index`, search with :func:`search` or an
:class:`IndexSearcher`; see ``reader.index.query`` for the query language.
"""

from reader.index.build import IndexStats, update_index
from reader.index.parallel import Progress
from reader.index.query import QueryError
from reader.index.search import (
    SORTS,
    Facets,
    Hit,
    IndexSearcher,
    SearchFilters,
    SearchResult,
    Sort,
    highlights,
    open_searcher,
    search,
)
from reader.index.snippets import Snippet, find_folded, snippet_html
from reader.index.store import (
    archive_fingerprint,
    default_index_dir,
    default_index_root,
    index_dir_in,
    is_current,
    is_usable,
    user_cache_root,
)

__all__ = [
    "SORTS",
    "Facets",
    "Hit",
    "IndexSearcher",
    "IndexStats",
    "Progress",
    "QueryError",
    "SearchFilters",
    "SearchResult",
    "Snippet",
    "Sort",
    "archive_fingerprint",
    "default_index_dir",
    "default_index_root",
    "find_folded",
    "highlights",
    "index_dir_in",
    "is_current",
    "is_usable",
    "open_searcher",
    "search",
    "snippet_html",
    "update_index",
    "user_cache_root",
]
