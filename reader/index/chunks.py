"""A long field analysed a chunk at a time: the whole text's terms at its exact positions.

An article is one index document, so a huge one (a 200 MB text issue that is one article)
cannot be split into batches; analysing its text whole held it joined, folded and all its
positions at once. Here the text is cut into chunks of about ``CHUNK_CHARS`` characters and
each chunk is folded and analysed on its own (:mod:`reader.index.vectors`), its positions
handed to the pool before the next chunk is read (the pool joins a term's positions of one
document again).

The result is exactly :func:`reader.index.analysis.term_positions` of the joined text:

* a cut is made only between two characters that fold on their own (the one before it folds
  to one character that is not a space, and the one after it is not a combining mark), so
  folding the chunks apart gives the folded text of the whole, except that a space at the
  start of a chunk between two CJK letters is bridged (dropped) here, as the whole would be;
* the last unit of a chunk may go on in the next one: a word is carried over whole, and a CJK
  run's last character is carried over, so the bigram straddling the cut is indexed at its
  position and a phrase reads across the cut.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator, Sequence

import numpy as np

from reader.index.analysis import LongText, is_word_char
from reader.index.fold import fold, is_cjk
from reader.index.vectors import Codes, Positions, Vocab, bigram_code, units

# Characters of text analysed at a time: its positions take about 8 bytes a CJK character.
CHUNK_CHARS = 1_000_000
# A body longer than this (in characters) is given to the index as a LongText.
LONG_TEXT = 1_000_000
# How far back from a chunk's end a cut is looked for; with none (a run of whitespace or of
# combining marks that long) the chunk grows until there is one.
_CUT_SEARCH = 4096
# Paragraphs are joined with this in an article's text (``Article.text``).
PARAGRAPH_BREAK = "\n\n"


def long_text(paragraphs: Sequence[str]) -> LongText | None:
    """The paragraphs as one :class:`LongText` (joined by blank lines), or None if not long."""
    size = sum(map(len, paragraphs)) + len(PARAGRAPH_BREAK) * max(0, len(paragraphs) - 1)
    if size <= LONG_TEXT:
        return None
    pieces: list[str] = []
    for number, paragraph in enumerate(paragraphs):
        if number:
            pieces.append(PARAGRAPH_BREAK)
        pieces.append(paragraph)
    return LongText(tuple(pieces), CHUNK_CHARS)


def chunk_positions(text: LongText) -> Iterator[dict[str, list[int]]]:
    """The terms of ``text`` with their positions, a chunk at a time (as term → positions).

    Each map holds positions later than those of every map before it; together they are
    ``term_positions([text.joined()])``. Indexing takes the arrays of :func:`chunk_units`.
    """
    vocab = Vocab()
    for codes, places in chunk_units(text, vocab):
        found: dict[str, list[int]] = {}
        for code, at in zip(codes.tolist(), places.tolist(), strict=True):
            found.setdefault(vocab.term(code), []).append(at)
        yield found


def chunk_units(text: LongText, vocab: Vocab) -> Iterator[tuple[Codes, Positions]]:
    """The term codes and positions of ``text`` (see :mod:`reader.index.vectors`), a chunk at
    a time; each chunk's positions are later than those of every chunk before it."""
    pos = 0
    carry = ""
    chunks = raw_chunks(text.pieces, text.chunk)
    current = next(chunks, None)
    while current is not None:
        following = next(chunks, None)
        folded = fold(current)
        del current
        if carry and folded[:1] == " " and is_cjk(carry[-1]) and is_cjk(folded[1:2]):
            folded = folded[1:]  # the space between two CJK letters across the cut: bridged
        folded = carry + folded
        if following is None:
            codes, places, pos = units(folded, pos, vocab)
        else:
            codes, places, pos, carry = _all_but_last(folded, pos, vocab)
        del folded
        yield codes, places
        current = following


def _all_but_last(folded: str, pos: int, vocab: Vocab) -> tuple[Codes, Positions, int, str]:
    """The units of a chunk but the one that may go on in the next, the position after them
    and that unit. ``folded`` never ends with a space (see :func:`_cuttable`)."""
    last = folded[-1]
    if is_cjk(last):
        end = len(folded) - 1
        codes, places, pos = units(folded, pos, vocab, end)
        if end and is_cjk(folded[end - 1]):
            # The bigram straddling the cut, at its place (after every other position here).
            codes = np.append(codes, bigram_code(folded[end - 1 :]))
            places = np.append(places, pos - 1)
        return codes, places, pos, last
    if is_word_char(last):
        start = len(folded) - 1
        while start and is_word_char(folded[start - 1]):
            start -= 1
        codes, places, pos = units(folded, pos, vocab, start)
        return codes, places, pos, folded[start:]
    codes, places, pos = units(folded, pos, vocab)
    return codes, places, pos, ""


def raw_chunks(pieces: Iterable[str], size: int) -> Iterator[str]:
    """The concatenated ``pieces`` cut into chunks of about ``size`` characters, each cut where
    folding the chunks apart folds the text as a whole (see :func:`_cuttable`)."""
    rest = ""
    for block in _blocks(pieces, size):
        text = rest + block if rest else block
        cut = _cut(text)
        if cut:
            yield text[:cut]
            rest = text[cut:]
        else:
            rest = text
    if rest:
        yield rest


def _blocks(pieces: Iterable[str], size: int) -> Iterator[str]:
    """The pieces' text in blocks of ``size`` characters (the last one shorter)."""
    buffer: list[str] = []
    count = 0
    for piece in pieces:
        at = 0
        while at < len(piece):
            room = size - count
            part = piece if not at and len(piece) <= room else piece[at : at + room]
            buffer.append(part)
            count += len(part)
            at += len(part)
            if count >= size:
                yield "".join(buffer)
                buffer, count = [], 0
    if buffer:
        yield "".join(buffer)


def _cut(text: str) -> int:
    """The last place near the end of ``text`` where it may be cut, or 0 when there is none."""
    for at in range(len(text) - 1, max(0, len(text) - _CUT_SEARCH), -1):
        if _cuttable(text[at - 1], text[at]):
            return at
    return 0


def _cuttable(before: str, after: str) -> bool:
    """Whether text may be cut between ``before`` and ``after`` and its halves folded apart.

    Folding is per character but for three things, all kept within a half here: a combining
    mark is normalized with the character before it (so ``after`` is not one), whitespace runs
    are collapsed and a space between CJK letters is dropped (so ``before`` folds to one
    character other than a space; a space starting the second half is bridged by the caller).
    """
    if unicodedata.combining(after) or unicodedata.combining(before):
        return False
    folded = fold(before)
    return len(folded) == 1 and folded != " "
