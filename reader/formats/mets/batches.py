"""NDNP batch files: which one a folder's batch is read from, and the issues it lists, in order.

A delivered batch often holds the batch file twice (``batch.xml`` and the validated copy
``batch_1.xml``, or ``BATCH.xml`` and ``BATCH_1.xml``); both list the same issues, the copy
pointing at the ``_1`` copies of the issue METS. The batch is read from ``batch.xml`` (any
case), whichever is present; another batch file in the same folder only adds issues the first
does not list, and is otherwise a duplicate.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from dataclasses import dataclass

from reader.formats.common import xmlsafe
from reader.formats.common.dates import parse_record_date
from reader.formats.common.source import Source
from reader.model import CorruptArchive, Duplicate, Problem

_DIGITS = re.compile(r"(\d+)")

# An issue of a title: LCCN (lower case), date, edition order ("1" for "01"). Copies of an
# issue share it, whatever their file names.
IssueKey = tuple[str, dt.date, str]


@dataclass(frozen=True)
class Listed:
    """An issue as a batch file lists it."""

    lccn: str
    date: str
    edition: str
    batch: str = ""

    @property
    def key(self) -> IssueKey | None:
        """The issue this entry names, or None when the entry lacks its LCCN or a date."""
        return issue_key(self.lccn, parse_record_date(self.date), self.edition)


@dataclass
class Listing:
    """What a folder's batch files list, merged: issue METS → entry, in the files' order."""

    issues: dict[str, Listed]
    problems: list[Problem]
    duplicates: list[Duplicate]


def issue_key(lccn: str, date: dt.date | None, edition: str) -> IssueKey | None:
    """The key that copies of one issue share, or None when the LCCN or the date is unknown."""
    lccn = lccn.strip().lower()
    if not lccn or date is None:
        return None
    edition = edition.strip()
    return lccn, date, str(int(edition)) if edition.isdigit() else edition


def read_listing(source: Source, batch_files: list[str]) -> Listing:
    """Read every batch file, the first of each folder's as the batch, the rest as its copies."""
    listing = Listing({}, [], [])
    by_folder: dict[str, list[str]] = {}
    for name in batch_files:
        by_folder.setdefault(posixpath.dirname(name), []).append(name)
    for members in by_folder.values():
        members.sort(key=_preference)
        first = ""
        keys: set[IssueKey] = set()
        for name in members:
            try:
                entries = read_batch(source.read_bytes(name), name)
            except CorruptArchive as exc:
                listing.problems.append(Problem(name, exc.reason))
                continue
            new = {p: e for p, e in entries.items() if e.key is None or e.key not in keys}
            if first and not new:
                listing.duplicates.append(Duplicate(name, first))
            first = first or name
            keys.update(e.key for e in entries.values() if e.key is not None)
            for path, entry in new.items():
                listing.issues.setdefault(path, entry)
    return listing


def read_batch(data: bytes, name: str) -> dict[str, Listed]:
    """The issues a batch file lists: archive name of the issue METS → LCCN, date, edition."""
    folder = posixpath.dirname(name)
    entries: dict[str, Listed] = {}
    for _, element in xmlsafe.iterparse(data, name, ("end",), "{*}issue"):
        path = (element.text or "").strip()
        if path:
            joined = posixpath.normpath(posixpath.join(folder, path))
            entries[joined] = Listed(
                element.get("lccn", ""),
                element.get("issueDate", ""),
                element.get("editionOrder", ""),
                name,
            )
        element.clear()
    return entries


def copy_order(name: str) -> tuple[bool, list[object]]:
    """Sort key that puts a file before its copies (``x.xml`` before ``x_1.xml``)."""
    stem = posixpath.splitext(posixpath.basename(name))[0]
    copy = bool(re.search(r"_\d{1,3}$", stem))
    return copy, [int(p) if p.isdigit() else p.lower() for p in _DIGITS.split(name)]


def _preference(name: str) -> tuple[bool, tuple[bool, list[object]]]:
    # The batch file proper (batch.xml, BATCH.xml) first; then its copies batch_1.xml, ….
    return posixpath.basename(name).lower() != "batch.xml", copy_order(name)
