"""How text becomes index terms: folded units at positions; CJK as characters and bigrams.

The folded text (see :mod:`reader.index.fold`) is cut into *units*, one position each:

* a run of CJK letters gives one unit per character; each character is indexed on its own
  (so a single-character query is answered exactly) and as the bigram it starts (so longer
  queries are phrases of bigrams, which are far more selective);
* a Latin word or number (``pm2``, ``covid``, ``2022``) is one unit, indexed as itself;
* a punctuation mark or symbol is one unit, indexed as itself (``pm2.5`` is ``pm2`` ``.`` ``5``);
* a run of whitespace is one unit, indexed as a single space.

A query term is the same units at fixed offsets, so "the folded text contains the term" and
"the index has the term's units at those offsets" are the same statement: no false hits, no
misses. The only rule on top is that a term starting (ending) with a letter or digit must
start (end) at a word boundary: ``2022`` does not match inside ``12022``.

This module's classes are pickled into every index schema: keep them at this import path and
bump ``ANALYZER_VERSION`` whenever the terms they produce change.
"""

from __future__ import annotations

import re
import struct
import sys
from array import array
from collections import defaultdict
from collections.abc import Iterator, MutableSequence, Sequence
from dataclasses import dataclass

from whoosh import analysis, fields, formats

from reader.index.fold import CJK_CLASS, FOLD_VERSION, fold

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

_UNITS = re.compile(rf"([{CJK_CLASS}]+)|([^\W_{CJK_CLASS}]+)|( )|(.)", re.S)
_WORD_CHAR = re.compile(rf"[^\W_{CJK_CLASS}]")


def is_word_char(ch: str) -> bool:
    """Whether a folded character belongs to a Latin/number word (not CJK, not punctuation)."""
    return _WORD_CHAR.match(ch) is not None


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
    units = _UNITS.finditer(folded) if end < 0 else _UNITS.finditer(folded, 0, end)
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
    for match in _UNITS.finditer(folded):
        run, word, space, mark = match.groups()
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
            links.append((pos, word or space or mark))
            pos += 1
    if not links:
        return None
    return Chain(folded, tuple(links))


class PositionsFormat(formats.Positions):  # type: ignore[misc]  # whoosh is untyped
    """Positions stored as little-endian uint32 arrays: cheap to write and to read back."""

    def encode(self, poslist: Sequence[int]) -> bytes:
        """The posting value for a list of positions."""
        return pack_positions(poslist)

    def decode_positions(self, valuestring: bytes) -> list[int]:
        """The positions in a posting value."""
        return list(struct.unpack(f"<{len(valuestring) // 4}I", valuestring))

    def decode_frequency(self, valuestring: bytes) -> int:
        """How many times the term occurs."""
        return len(valuestring) // 4

    def decode_weight(self, valuestring: bytes) -> float:
        """Frequency times the field's boost (what BM25F scores)."""
        return float(len(valuestring) // 4 * self.field_boost)

    def combine(self, vs: Sequence[bytes]) -> bytes:
        """Merge the postings of one term (whoosh calls this for vectors only)."""
        merged: set[int] = set()
        for value in vs:
            merged.update(self.decode_positions(value))
        return pack_positions(sorted(merged))


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


class FoldingAnalyzer(analysis.Analyzer):  # type: ignore[misc]  # whoosh is untyped
    """The analysis of :func:`term_positions` as a whoosh analyzer (one token per term use).

    Indexing does not go through it (:class:`FoldedText` computes postings directly, which is
    several times faster); it is here so that the schema is complete for whoosh's own tools.
    """

    version = ANALYZER_VERSION

    def __call__(
        self, value: FieldValue, positions: bool = False, **kwargs: object
    ) -> Iterator[analysis.Token]:
        """Yield one token per (term, position), in position order."""
        parts = _parts(value)
        token = analysis.Token(positions=positions, **kwargs)
        flat = sorted((p, t) for t, ps in term_positions(parts).items() for p in ps)
        for pos, text in flat:
            token.text = text
            token.pos = pos
            token.boost = 1.0
            token.stopped = False
            yield token


class FoldedText(fields.FieldType):  # type: ignore[misc]  # whoosh is untyped
    """A text field indexed with :func:`term_positions`; takes a string, a tuple of parts or
    a :class:`LongText`."""

    def __init__(self, field_boost: float = 1.0) -> None:
        super().__init__(
            format=PositionsFormat(field_boost=field_boost),
            analyzer=FoldingAnalyzer(),
            scorable=True,
            stored=False,
        )

    def index(
        self, value: FieldValue, **kwargs: object
    ) -> Iterator[tuple[bytes, int, float, bytes]]:
        """Yield ``(term, frequency, weight, positions)`` for each term of the value."""
        boost = self.format.field_boost
        for text, positions in term_positions(_parts(value)).items():
            count = len(positions)
            yield text.encode("utf-8"), count, count * boost, pack_positions(positions)


# What a FoldedText field takes: a string, parts (kicker, title, subtitle) or a long text.
FieldValue = str | Sequence[str] | LongText


def _parts(value: FieldValue) -> Sequence[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, LongText):
        return [value.joined()]
    return list(value)
