"""Says once per process that the per-user cache cannot be written, naming the folder in the way.

The catalogue, the text read and the fingerprints of an archive are each written to the cache
folder; when a file stands where a folder should be (or the folder is read-only), every one of
them fails for the same reason, at every open. One warning says so, naming the folder the
cache would be in and why (not the temporary files tried); the rest are only logged at debug
level. The program goes on without the cache: the archive is read again next time.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from reader.library.destination import failed

log = logging.getLogger(__name__)

# (folder in the way or the cache folder, failure code) already warned of in this process.
_said: set[tuple[str, str]] = set()
_lock = threading.Lock()


def cannot_cache(file: Path, exc: OSError) -> None:
    """``file`` of the cache could not be written with ``exc``: warn once for its folder."""
    folder = file.parent
    failure = failed(str(folder), exc)
    key = (failure.values.get("folder", str(folder)), failure.code)
    with _lock:
        first = key not in _said
        _said.add(key)
    if not first:
        log.debug("cannot write %s: %s", file, failure.reason)
        return
    log.warning(
        "cannot write the cache in %s: %s (the archive is read again each time)",
        folder,
        failure.reason,
    )
