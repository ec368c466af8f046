"""A concordance line's context: characters either side of a match, whitespace flattened.

Counted in characters, never words or tokens, so a Chinese window is exact. A run of
whitespace shows as one space; a run with a line or paragraph break in it between two wide
(CJK) characters shows as nothing, as in Chinese such a break stands for no space at all
(a space typed between two, 本报讯 会议, stays).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

# Line and paragraph breaks (str.splitlines' list of them).
_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")


def contexts(
    text: str, start: int, end: int, width: int, whole_words: bool = False
) -> tuple[str, str, str]:
    """``width`` characters of ``text`` left of ``[start, end)``, the match, and ``width`` right.

    Counted in the text as :func:`flattened` shows it, so each part is a substring of
    ``flattened(text)`` (and of ``text`` itself where no whitespace is near). With
    ``whole_words`` a context cut inside a Latin word leaves that word out (a context that
    is one word only is kept).
    """
    # One character more on each side: it says whether the cut fell inside a word.
    left = "".join(reversed(list(_walk(text, start, -1, width + 1))))
    right = "".join(_walk(text, end, 1, width + 1))
    left, beyond_left = (left[1:], left[0]) if len(left) > width else (left, "")
    right, beyond_right = (right[:-1], right[-1]) if len(right) > width else (right, "")
    if whole_words:
        if _cut_word(left[:1], beyond_left):
            left = _drop_first_word(left)
        if _cut_word(right[-1:], beyond_right):
            right = _drop_last_word(right)
    return left, flattened(text[start:end]), right


def flattened(text: str) -> str:
    """``text`` with each run of whitespace one space, or none for a break between wide ones."""
    out: list[str] = []
    at = 0
    while at < len(text):
        if not text[at].isspace():
            out.append(text[at])
            at += 1
            continue
        run_end = at
        while run_end < len(text) and text[run_end].isspace():
            run_end += 1
        before = text[at - 1] if at else ""
        after = text[run_end] if run_end < len(text) else ""
        out.append(_shown(text[at:run_end], before, after))
        at = run_end
    return "".join(out)


def _walk(text: str, at: int, step: int, width: int) -> Iterator[str]:
    """Up to ``width`` characters from ``at`` towards one end (-1 left, 1 right), flattened."""
    taken = 0
    i = at - 1 if step < 0 else at
    while 0 <= i < len(text) and taken < width:
        if not text[i].isspace():
            yield text[i]
            taken += 1
            i += step
            continue
        j = i
        while 0 <= j < len(text) and text[j].isspace():
            j += step
        # The run lies between text[i - step] (next to the match) and text[j] (farther).
        near = text[i - step] if 0 <= i - step < len(text) else ""
        far = text[j] if 0 <= j < len(text) else ""
        if shown := _shown(text[min(i, j + 1) : max(i + 1, j)], near, far):
            yield shown
            taken += 1
        i = j


def _shown(run: str, before: str, after: str) -> str:
    """How a run of whitespace between ``before`` and ``after`` shows: " ", or "" for a break."""
    if _wide(before) and _wide(after) and any(c in _BREAKS for c in run):
        return ""
    return " "


def _wide(char: str) -> bool:
    return bool(char) and unicodedata.east_asian_width(char) in "WF"


def _cut_word(edge: str, beyond: str) -> bool:
    return bool(edge and beyond) and _word_char(edge) and _word_char(beyond)


def _word_char(char: str) -> bool:
    return char.isalnum() and not _wide(char)


def _drop_first_word(left: str) -> str:
    space = left.find(" ")
    return left[space + 1 :] if 0 <= space < len(left) - 1 else left


def _drop_last_word(right: str) -> str:
    space = right.rfind(" ")
    return right[:space] if space > 0 else right
