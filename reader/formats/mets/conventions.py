"""What the folder layouts of NDNP and British Library deliveries say about an issue: title id, date.

A lone issue METS or ALTO page often carries no title or date of its own: the library put them
in the path. NDNP batches file an issue as ``<LCCN>/<reel or "print">/<YYYYMMDDEE>/`` (date and
two-digit edition order); the British Library files one as ``<NLP>/<YYYY>/<MMDD>/`` with names
``<NLP>_<YYYYMMDD>_<page>.xml`` (NLP: its seven-digit title id).
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from dataclasses import dataclass

# Plain patterns over one path segment each, anchored at "/": no nested repetition, so a long
# or hostile path costs linear time. LCCNs: an optional 1-3 letter prefix, then 8 or 10 digits.
_NDNP = re.compile(r"(?:^|/)([a-z]{0,3}\d{8}(?:\d\d)?)/([0-9a-z_-]{1,40})/(\d{8})(\d\d)(?=/|$)")
_BL_FOLDERS = re.compile(r"(?:^|/)(\d{7})/(\d{4})/(\d{4})(?=/|$)")
_BL_NAME = re.compile(r"^(\d{7})_(\d{8})(?:_|\.|$)")


@dataclass(frozen=True)
class PathFacts:
    """What a path says: the title id (an LCCN or a BL NLP number), the date, the edition."""

    title_id: str
    date: dt.date
    edition: str = ""


def path_facts(path: str) -> PathFacts | None:
    """The title id, date and edition an NDNP or British Library path gives, or None.

    Args:
        path: A file's or folder's path, as full as known (the archive's root joined to the
            name inside it: the conventions often sit above an archive opened at an issue).

    Returns:
        The facts of the deepest matching folders, or None when the path follows neither
        convention or names an impossible date.
    """
    path = path.replace("\\", "/")
    folder = path if not path.lower().endswith(".xml") else posixpath.dirname(path)
    for match in reversed(list(_NDNP.finditer(folder.lower()))):
        date = _date(match.group(3))
        if date is not None:
            return PathFacts(match.group(1), date, str(int(match.group(4))))
    for match in reversed(list(_BL_FOLDERS.finditer(folder))):
        date = _date(match.group(2) + match.group(3))
        if date is not None:
            return PathFacts(match.group(1), date)
    named = _BL_NAME.match(posixpath.basename(path))
    if named:
        date = _date(named.group(2))
        if date is not None:
            return PathFacts(named.group(1), date)
    return None


def full_path(root: str, name: str) -> str:
    """An archive member's path with the archive's own location in front (posix separators)."""
    root = root.replace("\\", "/").rstrip("/")
    return f"{root}/{name}" if root else name


def _date(digits: str) -> dt.date | None:
    try:
        return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None
