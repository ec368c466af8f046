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

import struct
from collections.abc import Iterator, Sequence

from whoosh import analysis, fields, formats

from reader.index.units import (
    ANALYZER_VERSION,
    LONG_FIELD,
    PART_GAP,
    Chain,
    FieldValue,
    LongText,
    Positions,
    _parts,
    add_units,
    chain,
    is_word_char,
    pack_positions,
    position_arrays,
    term_positions,
)


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


__all__ = [
    "ANALYZER_VERSION",
    "LONG_FIELD",
    "PART_GAP",
    "Chain",
    "FieldValue",
    "FoldedText",
    "FoldingAnalyzer",
    "LongText",
    "Positions",
    "PositionsFormat",
    "add_units",
    "chain",
    "is_word_char",
    "pack_positions",
    "position_arrays",
    "term_positions",
]
