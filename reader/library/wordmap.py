"""Which printed words an article's text came from: the text and the words aligned, offset by offset.

The importers build an article's text from its words and change it on the way: hyphenated
halves are joined (``Aufklä-`` + ``rung``), a whole word replaces its halves (ALTO's
``SUBS_CONTENT``), lines and columns run on, spaces come and go between CJK characters. Rather
than trace every such step in every importer, the text is aligned with the words afterwards:
both are compared without spaces and hyphens, each word is found at or just after where the
one before it ended, and a word the OCR text does not hold as such (a substitution) gets the
stretch between its neighbours. A match in the text then maps to every word it touches, both
halves of a hyphenated word included.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

# Characters that may stand between or inside words in one of the two but not the other.
_IGNORED = frozenset(" \t\n\r\u00a0\u3000\u00ad-\u2010\u2011\u00ac\u2e17\u2e40=")
# Letters that the importers (or the OCR's two fields) spell differently.
_SAME = str.maketrans({"ſ": "s", "ﬁ": "fi", "ﬂ": "fl", "ß": "ss", "’": "'", "‘": "'"})
# How far ahead (in compared characters) a word is looked for before it counts as missing.
_LOOKAHEAD = 48
# Words in a row not found before the next ones are looked for anywhere further on.
_RESYNC_AFTER = 3

Span = tuple[int, int]


def align(text: str, words: Sequence[str]) -> list[Span | None]:
    """The span of ``text`` each word became (Python ``str`` offsets), None for a word not in it.

    Args:
        text: The text built from the words (an article's title, body, or both joined).
        words: The words as printed, in the order the text was built from them.

    Returns:
        One entry per word: ``(start, end)`` in ``text``, or None when the word cannot be
        placed (its text is not in ``text`` and no neighbour pins it down).
    """
    compact, where = _compact(text)
    spans: list[tuple[int, int] | None] = []
    cursor = 0
    missed = 0
    for word in words:
        needle = _fold(word)
        if not needle:
            spans.append(None)
            continue
        found = compact.find(needle, cursor, cursor + len(needle) + _LOOKAHEAD)
        if found < 0 and missed >= _RESYNC_AFTER:
            found = compact.find(needle, cursor)
        if found < 0:
            spans.append(None)
            missed += 1
            continue
        missed = 0
        spans.append((found, found + len(needle)))
        cursor = found + len(needle)
    _fill_gaps(spans)
    return [None if s is None else (where[s[0]], where[s[1] - 1] + 1) for s in spans]


def words_in(spans: Sequence[Span | None], start: int, end: int) -> list[int]:
    """The indexes of the words whose spans overlap ``[start, end)``."""
    return [i for i, s in enumerate(spans) if s is not None and s[0] < end and start < s[1]]


def word_at(spans: Sequence[Span | None], offset: int) -> int | None:
    """The index of the word at a text offset, or of the nearest word after it (None: none)."""
    best: int | None = None
    for index, span in enumerate(spans):
        if span is None:
            continue
        if span[0] <= offset < span[1]:
            return index
        if span[0] >= offset and (best is None or span[0] < (spans[best] or (0, 0))[0]):
            best = index
    return best


def _fold(text: str) -> str:
    """A word or text as compared: case and compatibility forms folded, spaces and hyphens out."""
    folded = unicodedata.normalize("NFKC", text.translate(_SAME)).casefold()
    return "".join(c for c in folded if c not in _IGNORED)


def _compact(text: str) -> tuple[str, list[int]]:
    """``text`` folded as :func:`_fold` does, with the offset in ``text`` of each character kept."""
    out: list[str] = []
    where: list[int] = []
    for offset, char in enumerate(text):
        if char in _IGNORED:
            continue
        for folded in _fold(char):
            out.append(folded)
            where.append(offset)
    return "".join(out), where


def _fill_gaps(spans: list[tuple[int, int] | None]) -> None:
    """Give words that were not found the stretch between the found words around them.

    Only gaps closed on both sides are filled, shared out evenly: an OCR substitution
    (``Aufklarung`` printed, ``Aufklärung`` in the text) still maps to its place.
    """
    index = 0
    while index < len(spans):
        if spans[index] is not None:
            index += 1
            continue
        first = index
        while index < len(spans) and spans[index] is None:
            index += 1
        before = spans[first - 1] if first > 0 else None
        after = spans[index] if index < len(spans) else None
        if before is None or after is None:
            continue
        start, stop = before[1], after[0]
        count = index - first
        if stop - start < count:
            continue
        step = (stop - start) / count
        for n in range(count):
            left = start + round(n * step)
            right = max(left + 1, start + round((n + 1) * step))
            spans[first + n] = (left, right)
