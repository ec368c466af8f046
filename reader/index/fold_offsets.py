"""Folded text mapped back to the original: where each folded character came from.

:func:`fold_with_offsets` folds as :func:`reader.index.fold.fold` does and keeps, for each
folded character, its span in the original text, so highlights land on the exact characters.
"""

from __future__ import annotations

import bisect
import re
import unicodedata

from reader.index.fold import TABLE, is_cjk

_SPACE_RUN = re.compile(" +")


class Folded:
    """Folded text, and where each of its characters came from in the original.

    Offsets are Python ``str`` indexes (code points), so a character beyond the BMP counts one.
    The map is kept as pieces: a run copied one to one, or folded characters that all stand
    for one original span (a whitespace run made one space, a ligature made two letters).
    """

    def __init__(self, text: str, pieces: list[tuple[int, int, int]]) -> None:
        self.text = text
        # (first folded index, original start, original end or -1 for a one-to-one run)
        self._pieces = pieces
        self._firsts = [piece[0] for piece in pieces]

    def _source(self, index: int) -> tuple[int, int]:
        first, start, end = self._pieces[bisect.bisect_right(self._firsts, index) - 1]
        if end < 0:
            return start + index - first, start + index - first + 1
        return start, end

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the folded characters ``start:end`` (``end > start``)."""
        return self._source(start)[0], self._source(end - 1)[1]


def fold_with_offsets(text: str) -> Folded:
    """Like :func:`fold`, also mapping each folded character back to the original text."""
    translated = text.translate(TABLE)
    if unicodedata.is_normalized("NFC", text):
        if not _has_irregular(text):
            # One folded character per original one: only whitespace changes the map.
            return _squeeze_plain(translated)
        # A few characters fold to several or none (… is ..., a soft hyphen vanishes): map
        # the runs between them one to one, and only them on their own.
        return _squeeze(*_around_irregular(text))
    chars: list[str] = []
    pieces: list[tuple[int, int, int]] = []
    for start, end in _clusters(text):
        folded = unicodedata.normalize("NFC", text[start:end]).translate(TABLE)
        if not folded:
            continue
        single = len(folded) == 1 and end - start == 1
        previous = pieces[-1] if pieces else None
        if not (
            single and previous and previous[2] < 0 and _continues(previous, len(chars), start)
        ):
            pieces.append((len(chars), start, -1 if single else end))
        chars.extend(folded)
    return _squeeze("".join(chars), pieces)


def _has_irregular(text: str) -> bool:
    """Whether ``text`` holds a character that folds to zero or several (a regex scan: a set's
    ``isdisjoint`` hashes every character, a third of a millisecond for a long article)."""
    global _irregular
    irregular = TABLE.irregular
    if not irregular:
        return False
    size, pattern = _irregular
    if size != len(irregular):  # the set only grows: its size tells whether it changed
        pattern = re.compile("[" + "".join(re.escape(ch) for ch in sorted(irregular)) + "]")
        _irregular = (len(irregular), pattern)
    return pattern.search(text) is not None


_irregular: tuple[int, re.Pattern[str]] = (0, re.compile("(?!)"))


def _around_irregular(text: str) -> tuple[str, list[tuple[int, int, int]]]:
    """Fold NFC ``text`` whose irregular characters (``TABLE.irregular``) are few, with its pieces."""
    irregular = TABLE.irregular
    chars: list[str] = []
    pieces: list[tuple[int, int, int]] = []
    size = 0
    last = 0
    for at in (i for i, ch in enumerate(text) if ch in irregular):
        if at > last:
            chars.append(text[last:at].translate(TABLE))
            pieces.append((size, last, -1))
            size += at - last
        folded = text[at].translate(TABLE)
        if folded:
            chars.append(folded)
            pieces.append((size, at, at + 1))
            size += len(folded)
        last = at + 1
    if last < len(text):
        chars.append(text[last:].translate(TABLE))
        pieces.append((size, last, -1))
    return "".join(chars), pieces or [(0, 0, -1)]


def _continues(piece: tuple[int, int, int], index: int, start: int) -> bool:
    """Whether a one-to-one piece extends to folded ``index`` at original ``start``."""
    return piece[1] + index - piece[0] == start


def _clusters(text: str) -> list[tuple[int, int]]:
    """Spans of a base character and the combining marks that follow it."""
    spans: list[tuple[int, int]] = []
    for i, ch in enumerate(text):
        if spans and unicodedata.combining(ch) and spans[-1][1] == i:
            spans[-1] = (spans[-1][0], i + 1)
        else:
            spans.append((i, i + 1))
    return spans


def _squeeze(text: str, pieces: list[tuple[int, int, int]]) -> Folded:
    """Collapse space runs and bridge CJK letters in ``text`` (mapped by ``pieces``)."""
    before = Folded(text, pieces)
    out: list[str] = []
    mapped: list[tuple[int, int, int]] = []
    size = 0
    last = 0
    for match in _SPACE_RUN.finditer(text):
        a, b = match.span()
        if a > last:
            size = _copy(before, last, a, out, mapped, size)
        prev = text[a - 1] if a > 0 else ""
        after = text[b] if b < len(text) else ""
        if not (prev and after and is_cjk(prev) and is_cjk(after)):
            out.append(" ")
            mapped.append((size, *before.span(a, b)))
            size += 1
        last = b
    if last < len(text):
        _copy(before, last, len(text), out, mapped, size)
    return Folded("".join(out), mapped or [(0, 0, -1)])


def _squeeze_plain(text: str) -> Folded:
    """:func:`_squeeze` for text whose characters map one to one to the original's.

    The common case (most articles need no normalization), worth its own loop: OCR text has
    a line break every few dozen characters, and each costs the general loop two lookups.
    """
    out: list[str] = []
    mapped: list[tuple[int, int, int]] = []
    size = 0
    last = 0
    for match in _SPACE_RUN.finditer(text):
        a, b = match.span()
        if a > last:
            out.append(text[last:a])
            mapped.append((size, last, -1))
            size += a - last
        if not (a > 0 and b < len(text) and is_cjk(text[a - 1]) and is_cjk(text[b])):
            out.append(" ")
            mapped.append((size, a, b))
            size += 1
        last = b
    if last < len(text):
        out.append(text[last:])
        mapped.append((size, last, -1))
    return Folded("".join(out), mapped or [(0, 0, -1)])


def _copy(
    source: Folded,
    start: int,
    end: int,
    out: list[str],
    mapped: list[tuple[int, int, int]],
    size: int,
) -> int:
    """Append ``source.text[start:end]`` to ``out`` and its pieces to ``mapped``."""
    out.append(source.text[start:end])
    firsts = source._firsts
    first_piece = bisect.bisect_right(firsts, start) - 1
    for n in range(first_piece, len(firsts)):
        piece_first, orig_start, orig_end = source._pieces[n]
        if piece_first >= end:
            break
        at = max(piece_first, start)
        if orig_end < 0:
            mapped.append((size + at - start, orig_start + at - piece_first, -1))
        else:
            mapped.append((size + at - start, orig_start, orig_end))
    return size + end - start
