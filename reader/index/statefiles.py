"""Where the index keeps what it derives from an index folder: the user cache's ``search-state``.

Saved per-document arrays (``statecache``), the direct reading's state (``quickstate``) and
the files found whole (``verified``) are each a file named by a hash of the folder's resolved
path and what it holds; the index folder itself is never written to.
"""

from __future__ import annotations

from pathlib import Path

from reader import digests
from reader.index import fold


def state_file(folder: Path, name: str) -> Path | None:
    """The file ``name`` kept for ``folder`` (``<hash of the folder>-<name>``), or None when
    there is no cache folder (see :func:`reader.index.fold.use_cache_root`)."""
    root = fold.cache_root()
    if root is None:
        return None
    key = digests.blake2b(str(folder.resolve()).encode(), digest_size=8).hexdigest()
    return root / "search-state" / f"{key}-{name}"
