"""Aligned text tables for a terminal, counting wide (CJK) characters as two columns.

:func:`render` clips long cells, for lists scanned by eye; :func:`render_reasons` never cuts
its last column (a reason, read in full), and wraps it to the terminal's width on one.
"""

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


# The fewest columns a wrapped reason keeps on a narrow terminal (the file is cut first).
_REASON_COLUMNS = 30


def render_reasons(
    headers: tuple[str, str], rows: Sequence[tuple[str, str]], terminal: int | None
) -> str:
    """A table of files and reasons, every reason in full.

    Not on a terminal (``terminal`` None: piped, redirected), each row is one line, nothing
    cut: what a script or ``grep`` reads. On one ``terminal`` columns wide, a reason wraps
    under its column; a file is cut from the left (keeping its name) only when the terminal
    leaves its reason fewer than 30 columns.
    """
    files = [printable(file) for file, _ in rows]
    reasons = [" ".join(printable(reason).split()) for _, reason in rows]
    first = max([width(headers[0]), *map(width, files)])
    if terminal is not None:
        first = max(min(first, terminal - 2 - _REASON_COLUMNS), width(headers[0]))
        files = [clip_left(file, first) for file in files]
    lines = [f"{pad(headers[0], first)}  {headers[1]}"]
    for file, reason in zip(files, reasons, strict=True):
        parts = [reason] if terminal is None else wrap(reason, max(terminal - first - 2, 1))
        lines.append(f"{pad(file, first)}  {parts[0]}".rstrip())
        lines += [f"{' ' * first}  {part}" for part in parts[1:]]
    return "\n".join(lines)


def wrap(text: str, columns: int) -> list[str]:
    """``text`` as lines of at most ``columns`` display columns, broken at spaces.

    A word wider than a line (a long path, Chinese, which has no spaces) is broken where
    the line ends.
    """
    lines: list[str] = []
    line = ""
    for word in text.split():
        joined = f"{line} {word}" if line else word
        if width(joined) <= columns:
            line = joined
            continue
        if line:
            lines.append(line)
        while width(word) > columns:
            head = _fitting(word, columns)
            lines.append(head)
            word = word[len(head) :]
        line = word
    return [*lines, line]


def _fitting(text: str, columns: int) -> str:
    """The longest start of ``text`` within ``columns`` display columns (one character at least)."""
    used = 0
    for end, ch in enumerate(text):
        used += width(ch)
        if used > columns:
            return text[: max(end, 1)]
    return text
