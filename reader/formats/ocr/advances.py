"""How wide characters are printed, to place words along a line the OCR boxed only as a whole.

Widths are a roman book face's advances (Times-like, in thousandths of an em): a narrow i, l,
t or full stop and a wide m, w or capital. Spread by character count, the hits of a line-level
hOCR page fell beside the word ("e Rabb" for "Rabbit"); by these widths they land on it. CJK
characters are a full em; a letter with an accent is as wide as the letter.
"""

from __future__ import annotations

import unicodedata

from reader.formats.common import prose

_WIDTHS = {
    **dict.fromkeys("ijl.,'`|", 278),
    **dict.fromkeys("ft!()[]:;-/I", 333),
    **dict.fromkeys('rsJ"', 389),
    **dict.fromkeys("acez?", 444),
    **dict.fromkeys("bdghknopquvxy0123456789$#*+<=>_~^", 500),
    **dict.fromkeys("FPS", 556),
    **dict.fromkeys("ELTZ", 611),
    **dict.fromkeys("BCR", 667),
    **dict.fromkeys("wADGHKNOQUVXY&", 722),
    **dict.fromkeys("m", 778),
    **dict.fromkeys("M%@", 889),
    **dict.fromkeys("W\u2014", 944),
    " ": 250,
    "\u2013": 500,
    "\u2018": 278,
    "\u2019": 278,
    "\u201c": 444,
    "\u201d": 444,
}
_USUAL = 500  # a letter of a script not listed: as wide as an n


def advance(ch: str) -> int:
    """The width of ``ch`` printed, in thousandths of an em."""
    found = _WIDTHS.get(ch)
    if found is not None:
        return found
    if prose.is_cjk(ch) or unicodedata.east_asian_width(ch) in ("W", "F"):
        return 1000
    base = unicodedata.normalize("NFD", ch)[:1]  # é as wide as e
    if base != ch and base in _WIDTHS:
        return _WIDTHS[base]
    if unicodedata.category(ch).startswith("M"):
        return 0  # a combining mark sits on its letter
    return _USUAL


def width(text: str) -> int:
    """The width of ``text`` printed, in thousandths of an em."""
    return sum(advance(ch) for ch in text)
