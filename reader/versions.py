"""An installed distribution's version, read from its ``.dist-info`` without ``importlib.metadata``.

``importlib.metadata`` imports the email parser, zipfile and csv: more than the rest of
``issue-reader --version``, and a sizeable part of a command-line search (the folding table's
cache is keyed by opencc's version). The lookup here finds what it finds first (the first
``NAME-*.dist-info`` on ``sys.path``, its ``Version:`` header) and falls back to
``importlib.metadata`` for anything else (an egg, a zip, metadata it cannot read).
"""

from __future__ import annotations

import os
import re
import sys


def version(distribution: str) -> str | None:
    """The installed version of ``distribution`` (as pip names it), or None when not installed."""
    found = _from_dist_info(distribution)
    if found is not None:
        return found
    import importlib.metadata

    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return None


def _from_dist_info(distribution: str) -> str | None:
    # The folder's name is the distribution's, runs of other characters as "_" (the wheel
    # spec), in whatever case the installer kept: Whoosh_Reloaded-2.7.5.dist-info.
    prefix = re.sub(r"[^a-z0-9.]+", "_", distribution.lower()) + "-"
    for entry in sys.path:
        try:
            names = sorted(os.listdir(entry or "."))
        except OSError:  # a zip, or a folder gone
            continue
        for name in names:
            if name.lower().startswith(prefix) and name.endswith(".dist-info"):
                return _header_version(os.path.join(entry or ".", name, "METADATA"))
    return None


def _header_version(metadata: str) -> str | None:
    try:
        with open(metadata, encoding="utf-8") as lines:
            for line in lines:
                if line.startswith("Version:"):
                    return line.partition(":")[2].strip()
                if not line.strip():  # the headers end; the description follows
                    break
    except OSError:
        pass
    return None
