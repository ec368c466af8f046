"""The names of the files Whoosh writes into an index folder, and which of them check themselves."""

from __future__ import annotations

import re


def toc_generation(name: str, index_name: str) -> int | None:
    """The generation of a table of contents named ``name`` (``_MAIN_3.toc`` → 3), else None."""
    found = re.fullmatch(rf"_{re.escape(index_name)}_(\d+)\.toc", name)
    return int(found.group(1)) if found else None


def is_index_file(name: str, index_name: str) -> bool:
    """Whether ``name`` is one of the index's files: a table of contents or a segment's file.

    Whoosh's lock file is not one.
    """
    stem = re.escape(index_name)
    return re.fullmatch(rf"_{stem}_\d+\.toc|{stem}_[0-9a-z]+\..+", name) is not None


def checked_file(name: str) -> bool:
    """Whether a file's damage must be found by its checksum.

    Posting lists and stored texts are zlib streams or zstd frames with checksums, which fail
    on the first read of a damaged block; the term dictionary and the columns are plain bytes, in which
    damage only makes lookups miss or values wrong.
    """
    return not (name.endswith(".pst") or name.endswith("._stored.col"))
