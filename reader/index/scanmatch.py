"""Counting a folded term in the scan's folded text by the index's rules (see ``scan``).

A term starting (ending) with a letter or digit must start (end) at a word boundary, and every
start counts, overlapping ones too, as the index counts a term's positions.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.index.analysis import is_word_char
from reader.index.fold import CJK_CLASS

if TYPE_CHECKING:
    from reader.index.scan import ScanIssue

_WORD = f"[^\\W_{CJK_CLASS}]"


@dataclass
class Needle:
    """A folded term in one field, and how to count it in a text."""

    text: str
    pattern: re.Pattern[str] | None  # None: a plain substring count does
    overlapping: bool

    @classmethod
    def of(cls, text: str) -> Needle:
        """How to count ``text`` (a folded, non-empty term)."""
        start, end = is_word_char(text[0]), is_word_char(text[-1])
        # The index counts every start of a term, overlapping ones too (哈哈 in 哈哈哈 twice).
        overlapping = any(text[:k] == text[-k:] for k in range(1, len(text)))
        if not (start or end):
            return cls(text, None, overlapping)
        body = (
            (f"(?<!{_WORD})" if start else "") + re.escape(text) + (f"(?!{_WORD})" if end else "")
        )
        return cls(text, re.compile(f"(?=({body}))" if overlapping else body), overlapping)

    def count(self, haystack: str, start: int, end: int) -> int:
        """Occurrences in ``haystack[start:end]`` (its character before ``start`` and at
        ``end``, if any, is a separator: no letter)."""
        if self.pattern is not None:
            return sum(1 for _ in self.pattern.finditer(haystack, start, end))
        if not self.overlapping:
            return haystack.count(self.text, start, end)
        found, at = 0, haystack.find(self.text, start, end)
        while at >= 0:
            found += 1
            at = haystack.find(self.text, at + 1, end)
        return found


def counts_in(needle: Needle, column: int, issues: Sequence[ScanIssue]) -> dict[int, int]:
    """Occurrences of ``needle`` per document that has it, by index in the issues' articles.

    Each issue's field is searched whole; only the articles where a match starts are counted.
    """
    counts: dict[int, int] = {}
    base = 0
    text = needle.text
    for issue in issues:
        joined = issue.texts[column]
        at = joined.find(text)
        if at >= 0:
            bounds = issue.starts[column]
            while at >= 0:
                i = bisect.bisect_right(bounds, at) - 1
                end = bounds[i + 1] - 1
                if count := needle.count(joined, bounds[i], end):
                    counts[base + i] = count
                at = joined.find(text, end)
        base += len(issue.docs)
    return counts
