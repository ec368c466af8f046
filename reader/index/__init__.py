"""The search index: the only package that imports whoosh, and no whoosh type leaves it.

Build or update with :func:`update_index`, search with :func:`search` or an
:class:`IndexSearcher`; see ``reader.index.query`` for the query language. Every function
takes the index folder explicitly: where an archive's index lives is the library's choice.
Whoosh's internals are reached through ``reader.index.w3`` only.
"""

from typing import TYPE_CHECKING

from reader.index.fold import use_cache_root
from reader.index.matches import MATCH_FIELDS, byline, highlights, occurrences
from reader.index.query_errors import QueryError
from reader.index.results import Facets, Hit, SearchFilters, SearchResult
from reader.index.searcher import IndexSearcher, open_searcher, search
from reader.index.snippets import Snippet, find_folded, snippet_html
from reader.index.store import (
    archive_fingerprint,
    damage_reason,
    is_current,
    is_usable,
    remove_index,
)
from reader.lazy import names_from
from reader.model.vocabulary import SORTS, Sort

if TYPE_CHECKING:
    from reader.index.build import IndexStats, update_index
    from reader.index.partial import empty_result, merged, scanned_result
    from reader.index.scan import Scan, ScanDoc, ScanIssue, issue_key, scan_issue

# What a search on a built index needs is imported above, without whoosh or numpy (the
# searcher imports them when the direct reading cannot answer); the build (the writer,
# numpy's array code) and the scan of unindexed issues are imported on first use (PEP 562):
# a command-line search never needs them.
_HOMES = {
    "IndexStats": "reader.index.build",
    "update_index": "reader.index.build",
    "empty_result": "reader.index.partial",
    "merged": "reader.index.partial",
    "scanned_result": "reader.index.partial",
    "Scan": "reader.index.scan",
    "ScanDoc": "reader.index.scan",
    "ScanIssue": "reader.index.scan",
    "issue_key": "reader.index.scan",
    "scan_issue": "reader.index.scan",
}
__getattr__ = names_from(__name__, _HOMES)


def engine_versions() -> dict[str, str]:
    """The search engine's release, by distribution name (the one the w3 adapter accepts)."""
    from reader.index import w3

    return {w3.DISTRIBUTION: w3.installed_version() or "?"}


__all__ = [
    "MATCH_FIELDS",
    "SORTS",
    "Facets",
    "Hit",
    "IndexSearcher",
    "IndexStats",
    "QueryError",
    "Scan",
    "ScanDoc",
    "ScanIssue",
    "SearchFilters",
    "SearchResult",
    "Snippet",
    "Sort",
    "archive_fingerprint",
    "byline",
    "damage_reason",
    "empty_result",
    "engine_versions",
    "find_folded",
    "highlights",
    "is_current",
    "is_usable",
    "issue_key",
    "merged",
    "occurrences",
    "open_searcher",
    "remove_index",
    "scan_issue",
    "scanned_result",
    "search",
    "snippet_html",
    "update_index",
    "use_cache_root",
]
