"""The analysis of :mod:`reader.index.analysis` done with numpy: term codes and positions as arrays.

:func:`reader.index.analysis.add_units` finds the units of folded text with a regular
expression and appends every position to a Python list, one call per posting; a CJK index has
about two postings per character. Here the folded text becomes an array of code points, and
two lookup tables (CJK letter? word character?) give every unit's position with a cumulative
sum. Each term use is a pair of numbers:

* a single-character term (a CJK letter, a space, a mark, a one-letter word) is its code point;
* a CJK bigram is ``BIGRAM + (first << 21) + second``;
* a longer word is ``WORD + n``, ``n`` its number in a :class:`Vocab`.

The tables are built from the very regular expressions the reference analysis uses, so the
two agree on every character; ``tests/index/test_vectors.py`` checks that the terms and
positions are the same.
"""

from __future__ import annotations

import functools
import re
import sys

import numpy as np
import numpy.typing as npt

from reader.index.analysis import PART_GAP
from reader.index.fold import CJK_CLASS, fold

Codes = npt.NDArray[np.int64]
Positions = npt.NDArray[np.int64]

BIGRAM = 1 << 42
WORD = 1 << 43
_CHAR_BITS = 21
_CHAR_MASK = (1 << _CHAR_BITS) - 1
_WORD_RUN = re.compile(rf"[^\W_{CJK_CLASS}]+")
_CJK_RUN = re.compile(f"[{CJK_CLASS}]+")
_EMPTY = np.zeros(0, np.int64)


class _Tables:
    """Whether each code point is a CJK letter, and whether it is a word character.

    Found by running the analysis' own patterns over the characters: the Basic Multilingual
    Plane at once (a few milliseconds), a character beyond it when a text first has it.
    """

    def __init__(self) -> None:
        size = sys.maxunicode + 1
        self.cjk = np.zeros(size, np.bool_)
        self.word = np.zeros(size, np.bool_)
        self._known = np.zeros(size, np.bool_)
        self._learn("".join(map(chr, range(_ASTRAL))))

    def _learn(self, chars: str) -> None:
        """Fill the tables for ``chars`` (any characters, each once)."""
        codes = np.frombuffer(chars.encode("utf-32-le", "surrogatepass"), "<u4")
        for table, pattern in ((self.cjk, _CJK_RUN), (self.word, _WORD_RUN)):
            for match in pattern.finditer(chars):
                table[codes[match.start() : match.end()]] = True
        self._known[codes] = True

    def of(self, chars: npt.NDArray[np.int64]) -> tuple[npt.NDArray[np.bool_], ...]:
        """Whether each of ``chars`` is a CJK letter, and whether it is a word character."""
        if chars.max() >= _ASTRAL:
            astral = np.unique(chars[chars >= _ASTRAL])
            new = astral[~self._known[astral]]
            if len(new):
                # Apart, so that neighbours never join into one match across a gap.
                self._learn("\0".join(map(chr, new.tolist())))
        return self.cjk[chars], self.word[chars]


# Code points from here on are beyond the Basic Multilingual Plane.
_ASTRAL = 0x10000


@functools.cache
def _tables() -> _Tables:
    return _Tables()


class Vocab(dict[str, int]):
    """Words of two or more characters numbered as first seen; ``words[n]`` is word n."""

    def __init__(self) -> None:
        super().__init__()
        self.words: list[str] = []

    def __missing__(self, word: str) -> int:
        code = ord(word) if len(word) == 1 else WORD + len(self.words)
        if len(word) != 1:
            self.words.append(word)
        self[word] = code
        return code

    def term(self, code: int) -> str:
        """The term a code stands for."""
        if code < BIGRAM:
            return chr(code)
        if code < WORD:
            return chr((code >> _CHAR_BITS) & _CHAR_MASK) + chr(code & _CHAR_MASK)
        return self.words[code - WORD]


def units(folded: str, pos: int, vocab: Vocab, end: int = -1) -> tuple[Codes, Positions, int]:
    """The term codes and positions of ``folded[:end]`` (all of it by default) from ``pos`` on.

    Returns codes, positions (each term's positions ascending, terms in no particular order)
    and the position after the last unit: what ``analysis.add_units`` adds, as arrays.
    """
    text = folded if end < 0 else folded[:end]
    if not text:
        return _EMPTY, _EMPTY, pos
    chars = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), "<u4").astype(np.int64)
    cjk, word = _tables().of(chars)
    # A unit starts at every character but one that goes on a word.
    starts = np.ones(len(chars), np.bool_)
    starts[1:] = ~(word[1:] & word[:-1])
    at = np.cumsum(starts) - 1 + pos
    single = ~word
    pairs = np.flatnonzero(cjk[:-1] & cjk[1:])
    codes = [chars[single], BIGRAM + (chars[pairs] << _CHAR_BITS) + chars[pairs + 1]]
    places = [at[single], at[pairs]]
    word_starts = word & starts
    if word_starts.any():
        words = _WORD_RUN.findall(text)
        codes.append(np.fromiter(map(vocab.__getitem__, words), np.int64, len(words)))
        places.append(at[word_starts])
    return np.concatenate(codes), np.concatenate(places), int(at[-1]) + 1


def field_units(parts: list[str] | tuple[str, ...], vocab: Vocab) -> tuple[Codes, Positions]:
    """The codes and positions of a field's parts (``analysis.term_positions`` as arrays)."""
    if len(parts) == 1:
        codes, places, _ = units(fold(parts[0]), 0, vocab)
        return codes, places
    pos = 0
    all_codes, all_places = [_EMPTY], [_EMPTY]
    for part in parts:
        codes, places, pos = units(fold(part), pos, vocab)
        pos += PART_GAP
        all_codes.append(codes)
        all_places.append(places)
    return np.concatenate(all_codes), np.concatenate(all_places)


def bigram_code(pair: str) -> int:
    """The code of a CJK bigram."""
    return BIGRAM + (ord(pair[0]) << _CHAR_BITS) + ord(pair[1])
