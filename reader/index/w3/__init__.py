"""The one adapter to Whoosh's internals: the W3 codec's files, its writer, its private names.

Every other module of ``reader.index`` uses Whoosh's public API only (``whoosh.index``,
``whoosh.fields``, ``whoosh.analysis``, ``whoosh.formats``, ``whoosh.columns``, and the
public methods of readers, searchers and matchers). What is here depends on the exact file
format and private attributes of one Whoosh-Reloaded release, :data:`WRITTEN_FOR`; importing
this package with another release installed fails at once, with a message saying what to do,
instead of writing indexes that other code would read wrongly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader import versions
from reader.lazy import names_from

# The release whose W3 codec this package was written against and tested with.
WRITTEN_FOR = "2.7.5"
DISTRIBUTION = "Whoosh-Reloaded"


class UnsupportedWhoosh(RuntimeError):
    """The installed Whoosh-Reloaded is not the release this package was written against."""


def version_problem(installed: str | None, expected: str = WRITTEN_FOR) -> str | None:
    """Why Whoosh-Reloaded ``installed`` (None: not installed) can't be used, or None if it can.

    Args:
        installed: The installed release, as package metadata gives it.
        expected: The release this package was written against.

    Returns:
        A message naming both releases and what to do, or None when they are the same.
    """
    if installed == expected:
        return None
    found = "is not installed" if installed is None else f"{installed} is installed"
    return (
        f"reader.index writes and reads the index files of {DISTRIBUTION} {expected}, "
        f"but {DISTRIBUTION} {found}. Install that release "
        f"(pip install '{DISTRIBUTION.lower()}=={expected}'). To move to {installed or 'another'}, "
        f"first check reader/index/w3 against its whoosh/codec/whoosh3.py and whoosh/writing.py, "
        f"then change WRITTEN_FOR there."
    )


def installed_version() -> str | None:
    """The installed Whoosh-Reloaded release, or None when it is not installed."""
    # Read from its .dist-info: importlib.metadata would cost a search more than its query.
    return versions.version(DISTRIBUTION)


_problem = version_problem(installed_version())
if _problem is not None:
    raise UnsupportedWhoosh(_problem)

# Only now: another release's internals may not even import. The names that reach whoosh's
# code (and numpy) are imported on first use: a search that reads the files directly
# (:mod:`reader.index.w3.direct`) needs none of them, and neither does the writer's caller.
from reader.index.w3.files import checked_file, is_index_file, toc_generation  # noqa: E402

if TYPE_CHECKING:
    from reader.index.w3.damage import FORMAT_ERRORS, raised_reading
    from reader.index.w3.heads import blocks_among, doc_weights
    from reader.index.w3.packed import Packed, posting_items, postings, term_info
    from reader.index.w3.writer import Pool, PoolWriter

__getattr__ = names_from(
    __name__,
    {
        "FORMAT_ERRORS": "reader.index.w3.damage",
        "raised_reading": "reader.index.w3.damage",
        "blocks_among": "reader.index.w3.heads",
        "doc_weights": "reader.index.w3.heads",
        "Packed": "reader.index.w3.packed",
        "posting_items": "reader.index.w3.packed",
        "postings": "reader.index.w3.packed",
        "term_info": "reader.index.w3.packed",
        "Pool": "reader.index.w3.writer",
        "PoolWriter": "reader.index.w3.writer",
    },
)

__all__ = [
    "DISTRIBUTION",
    "FORMAT_ERRORS",
    "WRITTEN_FOR",
    "Packed",
    "Pool",
    "PoolWriter",
    "UnsupportedWhoosh",
    "blocks_among",
    "checked_file",
    "doc_weights",
    "installed_version",
    "is_index_file",
    "posting_items",
    "postings",
    "raised_reading",
    "term_info",
    "toc_generation",
    "version_problem",
]
