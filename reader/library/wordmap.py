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

import functools
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
# How many following words pin down a word looked for away from where the text goes on.
_ANCHOR = 2
# A word missing at either end of the text gets the stretch up to the end when that stretch
# is at most this many times as long as the missing words.
_EDGE_SLACK = 2

Span = tuple[int, int]


def align(text: str, words: Sequence[str]) -> list[Span | None]:
    """The span of ``text`` each word became (Python ``str`` offsets), None for a word not in it.

    Args:
        text: The text built from the words (an article's title, body, or both joined).
        words: The words as printed, in the order the text was built from them. They may
            start anywhere in the text (the words of an article's second page), and a run of
            them may stand earlier in the text than the run before (blocks reordered).

    Returns:
        One entry per word: ``(start, end)`` in ``text``, or None when the word cannot be
        placed (its text is not in ``text`` and no neighbour pins it down).
    """
    compact, where = _compact(text)
    needles = [_fold_cached(word) for word in words]
    spans: list[tuple[int, int] | None] = []
    cursor = 0
    missed = 0
    placed = False
    for index, needle in enumerate(needles):
        if not needle:
            spans.append(None)
            continue
        if placed:
            found = compact.find(needle, cursor, cursor + len(needle) + _LOOKAHEAD)
            if found < 0:
                # Not where the last word left off: elsewhere, when it and the next words say so.
                found = _anchored(compact, needles, index, cursor)
        else:
            # The first words may start anywhere (a second page's): with the words after them
            # first, else a short one is found inside the title's (V and Op in VERKOOPING).
            found = _anchored(compact, needles, index, cursor)
            if found < 0:
                found = compact.find(needle, cursor, cursor + len(needle) + _LOOKAHEAD)
        if found < 0 and missed >= _RESYNC_AFTER:
            found = compact.find(needle, cursor)
        if found < 0:
            spans.append(None)
            missed += 1
            continue
        missed, placed = 0, True
        spans.append((found, found + len(needle)))
        cursor = found + len(needle)
    _fill_gaps(spans, len(compact), needles)
    return [None if s is None else (where[s[0]], where[s[1] - 1] + 1) for s in spans]


def _anchored(compact: str, needles: list[str], index: int, cursor: int) -> int:
    """Where a word stands followed by the next words, after ``cursor`` first, else anywhere.

    A word and its next two (or, near the end, one) are specific enough to be found far
    from where the text was expected to go on.
    """
    following = [n for n in needles[index + 1 : index + 1 + _ANCHOR] if n]
    if not following:
        return -1
    anchor = needles[index] + "".join(following)
    found = compact.find(anchor, cursor)
    return found if found >= 0 else compact.find(anchor, 0, cursor)


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
    """A word or text as compared: case, accents and compatibility forms folded, spaces and
    hyphens out (OCR drops accents: ``Aufklarung`` is printed ``Aufklärung``)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_SAME)).casefold()
    return "".join(c for c in decomposed if c not in _IGNORED and not unicodedata.combining(c))


# Words and characters repeat: each is folded once (a page has some 7,000 words).
_fold_cached = functools.lru_cache(maxsize=65536)(_fold)


def _compact(text: str) -> tuple[str, list[int]]:
    """``text`` folded as :func:`_fold` does, with the offset in ``text`` of each character kept.

    Each distinct character is folded once and the text translated in one pass; the offsets
    are counted apart (most characters fold to one, spaces and hyphens to none).
    """
    table = {ord(char): _fold_cached(char) for char in set(text)}
    compact = text.translate(table)
    widths = {chr(code): len(folded) for code, folded in table.items()}
    if all(width <= 1 for width in widths.values()):
        return compact, [i for i, char in enumerate(text) if widths[char]]
    where = [i for i, char in enumerate(text) for _ in range(widths[char])]
    return compact, where


def _fill_gaps(spans: list[tuple[int, int] | None], length: int, needles: list[str]) -> None:
    """Give words that were not found the stretch between the found words around them.

    Gaps closed on both sides are filled, shared out evenly: an OCR substitution (``Ca3ar``
    printed, ``Caesar`` in the text) still maps to its place. A gap at an end of the text
    (the first or last words) is filled when the rest of the text there is about as long as
    the missing words; elsewhere (an article's words on its second page) it stays empty.
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
        if before is None and after is None:
            continue
        count = index - first
        start = before[1] if before is not None else 0
        stop = after[0] if after is not None else length
        at_edge = before is None or after is None
        if at_edge and stop - start > _EDGE_SLACK * sum(map(len, needles[first:index])) + 2:
            continue
        if stop - start < count:
            continue
        step = (stop - start) / count
        for n in range(count):
            left = start + round(n * step)
            right = max(left + 1, start + round((n + 1) * step))
            spans[first + n] = (left, right)
