"""A first read's article text written batch by batch beside the cache, so it is never all in memory.

When an archive is read for the first time, the importers hand over their issues in batches
(see :func:`reader.formats.load_archive`). Each batch's text goes at once to a file beside the
catalogue cache, in the text file's own form (:mod:`reader.library.texts`), and the issues are
kept without it: the first open of a national daily held a billion characters in memory
before. While the rest is read, the text written so far is read back from this file (the
window browses the issues read). At the end, when the catalogue's order is the order the text
was written in (the files are read by name, and a daily's names sort by date), the file is the
cache's text file as it is; otherwise it is written again in the catalogue's order, an issue at
a time.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
from array import array
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from reader.library import cache_notes, texts
from reader.model import Issue

log = logging.getLogger(__name__)


class Spill:
    """The text file being written by a first read: its records, in the order read."""

    def __init__(self, path: Path) -> None:
        """Start the file at ``path`` (OSError: it cannot be written)."""
        self.path = path
        self.token = os.urandom(16).hex()
        self._handle = path.open("wb")
        # The header (and, as every record comes, one more offset) as the text file has them.
        self.offsets, _none = texts.write(self._handle, self.token, ())
        self._handle.flush()
        self._ordinals: dict[str, int] = {}
        self._digests: dict[str, str] = {}
        self.failed = False

    @staticmethod
    def path_beside(cached: Path) -> Path:
        """A new spill file's name, beside the cache file ``cached``."""
        return cached.with_name(f"{cached.name}.{os.urandom(16).hex()}.reading.tmp")

    @classmethod
    def start(cls, beside: Path, path: Path | None = None) -> Spill | None:
        """A spill file beside the cache file ``beside`` (at ``path`` when given, see
        :meth:`path_beside`), or None when it cannot be written."""
        path = path or cls.path_beside(beside)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            return cls(path)
        except OSError as exc:
            cache_notes.cannot_cache(path, exc)  # once, naming the folder, not this file
            return None

    def take(self, issues: Sequence[Issue]) -> tuple[Issue, ...]:
        """Write the text of ``issues``; the issues without it.

        When the file cannot be written (the disk is full), these issues and all later ones
        keep their text, as when nothing is spilled.
        """
        if self.failed:
            return tuple(issues)
        buffer = io.BytesIO()
        offsets, digests = texts.write(buffer, self.token, issues)
        start = self.offsets[-1] - offsets[0]
        try:
            self._handle.write(buffer.getbuffer()[offsets[0] :])
            self._handle.flush()
        except OSError as exc:
            cache_notes.cannot_cache(self.path, exc)
            self.failed = True
            return tuple(issues)
        # The offsets first: a reader in another thread (the window) finds an article's
        # ordinal only once its record's end is there.
        self.offsets.extend(start + offset for offset in offsets[1:])
        for issue, digest in zip(issues, digests, strict=True):
            self._digests[issue.id] = digest
            for article in issue.articles:
                self._ordinals[article.id] = len(self._ordinals)
        return tuple(
            replace(issue, articles=tuple(a.without_text() for a in issue.articles))
            for issue in issues
        )

    def store(self) -> texts.TextStore:
        """The text written so far, to read back (a handle of its own)."""
        handle = self.path.open("rb")
        return texts.TextStore(handle, self.offsets, self._ordinals.get)

    def finish(self, target: Path, issues: Sequence[Issue]) -> tuple[str, array[int], list[str]]:
        """Make ``target`` the text file of ``issues`` (the catalogue, in order): its token,
        offsets and each issue's digest, as :func:`reader.library.texts.write` gives them.

        Moved into place when the text was written in this order, else written again.
        """
        self._handle.close()
        order = [a.id for issue in issues for a in issue.articles]
        if order == list(self._ordinals) and all(
            not a.holds_text for i in issues for a in i.articles
        ):
            self.path.replace(target)
            return self.token, self.offsets, [self._digests[issue.id] for issue in issues]
        store = self.store()
        try:
            whole = texts.IssuesWithText(issues, lambda issue: _whole(store, issue))
            with target.open("wb") as handle:
                offsets, digests = texts.write(handle, self.token, whole)
        finally:
            store.close()
        return self.token, offsets, digests

    def discard(self) -> None:
        """Close and remove the file (what was not moved into place)."""
        self._handle.close()
        with contextlib.suppress(OSError):
            self.path.unlink(missing_ok=True)


def _whole(store: texts.TextStore, issue: Issue) -> Issue:
    """``issue`` with its text: from the spill, or its own (an issue not read in a batch)."""
    return store.whole_issue(issue)
