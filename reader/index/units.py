"""Index terms without whoosh: folded text cut into units at positions, query terms as chains.

What :mod:`reader.index.analysis` says of the terms holds here; that module wraps these
functions in the whoosh classes pickled into every index schema, and a search that reads the
index directly (:mod:`reader.index.quick`) needs only these, not whoosh.
"""

from __future__ import annotations

import functools
import re
import struct
import sys
from array import array
from collections import defaultdict
from collections.abc import Iterable, MutableSequence, Sequence
from dataclasses import dataclass

from reader.index.fold import CJK_CLASS, FOLD_VERSION, fold, is_cjk

ANALYZER_VERSION = 1 + 100 * FOLD_VERSION
# Positions between two parts of a multi-part field (kicker, title, subtitle): more than any
# term can span, so no term matches across parts.
PART_GAP = 100

# A field longer than this (in characters) keeps its positions in 4-byte arrays, not lists of
# ints (about 36 bytes a position): a 17-million-character article then takes 140 MB, not
# 1.2 GB. Shorter ones keep lists, which are a little faster to fill.
LONG_FIELD = 200_000
_ARRAY_CODE = "I" if array("I").itemsize == 4 else "L"
_LITTLE_ENDIAN = sys.byteorder == "little"

# A term's positions in one field, in increasing order.
Positions = MutableSequence[int]


@functools.cache
def _units() -> re.Pattern[str]:
    """The units of folded text: a CJK run, a word, a space, any other character. Compiled
    when first needed (2–3 ms: see ``fold._cjk_table``), which a CJK query term never is."""
    return re.compile(rf"([{CJK_CLASS}]+)|([^\W_{CJK_CLASS}]+)|( )|(.)", re.S)


def is_word_char(ch: str) -> bool:
    """Whether a folded character belongs to a Latin/number word (not CJK, not punctuation).

    A match of ``[^\\W_{CJK_CLASS}]`` (``re``'s ``\\w`` is ``str.isalnum`` and the underscore),
    without compiling the class (see ``fold._cjk_table``).
    """
    first = ch[:1]  # as a match at the start: "" is none
    return first.isalnum() and not is_cjk(first)


def term_positions(parts: Sequence[str]) -> dict[str, Positions]:
    """Every index term of a field's text, with its positions in increasing order.

    A long field's positions are arrays (see ``LONG_FIELD``), a short one's lists.
    """
    positions: defaultdict[str, Positions]
    if sum(map(len, parts)) > LONG_FIELD:
        positions = defaultdict(_position_array)
    else:
        positions = defaultdict(list)
    pos = 0
    for part in parts:
        pos = add_units(positions, fold(part), pos) + PART_GAP
    return positions


def add_units(positions: dict[str, Positions], folded: str, pos: int, end: int = -1) -> int:
    """Add the terms of ``folded[:end]`` (all of it by default) from position ``pos`` on.

    Returns the position after the last unit.
    """
    units = _units().finditer(folded) if end < 0 else _units().finditer(folded, 0, end)
    for match in units:
        run, word, space, mark = match.groups()
        if run:
            for at, char in enumerate(run, pos):
                positions[char].append(at)
            for at, bigram in enumerate(map(str.__add__, run, run[1:]), pos):
                positions[bigram].append(at)
            pos += len(run)
        else:
            positions[word or space or mark].append(pos)
            pos += 1
    return pos


def position_arrays() -> defaultdict[str, Positions]:
    """An empty map of terms to positions kept in 4-byte arrays (see ``LONG_FIELD``)."""
    return defaultdict(_position_array)


@dataclass(frozen=True)
class LongText:
    """A long field's text given as pieces, analysed as their concatenation, never joined.

    ``reader.index.chunks`` analyses it a chunk of about ``chunk`` characters at a time,
    giving the terms and positions the joined text would have.
    """

    pieces: tuple[str, ...]
    chunk: int

    def joined(self) -> str:
        """The whole text in one string (for whoosh's own tools; indexing never needs it)."""
        return "".join(self.pieces)


@dataclass(frozen=True)
class Chain:
    """A query term as index terms at fixed offsets: ``人民银行`` is 人民@0, 银行@2."""

    folded: str
    links: tuple[tuple[int, str], ...]


def chain(term: str) -> Chain | None:
    """The index terms a query term must match at fixed offsets, or None when it has none."""
    folded = fold(term).strip(" ")
    links: list[tuple[int, str]] = []
    pos = 0
    if folded and all(map(is_cjk, folded)):
        groups: Iterable[tuple[str | None, ...]] = [(folded, None, None, None)]  # one run
    else:
        groups = (match.groups() for match in _units().finditer(folded))
    for run, word, space, mark in groups:
        if run:
            if len(run) == 1:
                links.append((pos, run))
            else:
                # Bigrams that cover the run, overlapping only at the end of an odd one:
                # 全县经济社会发展 is 全县@0 经济@2 社会@4 发展@6. Each bigram pins two adjacent
                # characters and the offsets pin the bigrams, so this is as exact as all seven
                # bigrams, with half the posting lists to read.
                starts = [*range(0, len(run) - 1, 2), len(run) - 2]
                links.extend((pos + i, run[i : i + 2]) for i in dict.fromkeys(starts))
            pos += len(run)
        else:
            links.append((pos, word or space or mark or ""))  # one of them matched
            pos += 1
    if not links:
        return None
    return Chain(folded, tuple(links))


_STRUCTS = [struct.Struct(f"<{count}I") for count in range(64)]
# Most postings hold one position: their values are shared (a dict lookup beats packing).
_SINGLE: dict[int, bytes] = {}


def _position_array() -> Positions:
    return array(_ARRAY_CODE)


def pack_positions(positions: Sequence[int]) -> bytes:
    """Positions as a posting value (little-endian uint32s)."""
    count = len(positions)
    if count == 1:
        position = positions[0]
        value = _SINGLE.get(position)
        if value is None:
            value = _STRUCTS[1].pack(position)
            if position < 1 << 16:
                _SINGLE[position] = value
        return value
    if count < len(_STRUCTS):
        return _STRUCTS[count].pack(*positions)
    if isinstance(positions, array) and positions.itemsize == 4:
        if _LITTLE_ENDIAN:
            return positions.tobytes()
        swapped = array(positions.typecode, positions)
        swapped.byteswap()
        return swapped.tobytes()
    return struct.pack(f"<{count}I", *positions)


# What a FoldedText field takes: a string, parts (kicker, title, subtitle) or a long text.
FieldValue = str | Sequence[str] | LongText


def _parts(value: FieldValue) -> Sequence[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, LongText):
        return [value.joined()]
    return list(value)
