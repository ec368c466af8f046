"""Aligned text tables for a terminal, counting wide (CJK) characters as two columns."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from reader.model import printable


def width(text: str) -> int:
    """Display width in terminal columns: East Asian wide and full-width characters take two."""
    total = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        total += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return total


def clip(text: str, columns: int) -> str:
    """Cut ``text`` to at most ``columns`` display columns, marking the cut with …."""
    if width(text) <= columns:
        return text
    out, used = [], 0
    for ch in text:
        w = width(ch)
        if used + w > columns - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def clip_left(text: str, columns: int) -> str:
    """Cut ``text`` from the left to at most ``columns`` display columns: paths keep their file name."""
    if width(text) <= columns:
        return text
    kept = clip(text[::-1], columns)[::-1]
    return kept if kept.startswith("…") else "…" + kept[1:]


def pad(text: str, columns: int) -> str:
    """``text`` followed by spaces up to ``columns`` display columns."""
    return text + " " * max(0, columns - width(text))


def render(headers: Sequence[str], rows: Sequence[Sequence[str]], max_width: int = 48) -> str:
    """A table with a header line; each column as wide as its widest cell (at most ``max_width``)."""
    cells = [[clip(printable(str(c)), max_width) for c in row] for row in rows]
    widths = [width(h) for h in headers]
    for row in cells:
        widths = [max(w, width(c)) for w, c in zip(widths, row, strict=True)]
    lines = ["  ".join(pad(h, w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines += [
        "  ".join(pad(c, w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells
    ]
    return "\n".join(lines)
