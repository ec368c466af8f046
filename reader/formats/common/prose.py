"""Recovering reading text from OCR: joining broken lines and paragraphs, spotting bylines."""

from __future__ import annotations

import functools
import re
import unicodedata

# What a finished sentence (or a deliberate break) ends with. A paragraph that ends otherwise was
# cut by a column or page break and continues in the next one.
SENTENCE_ENDS = frozenset("。！？!?…”’」』）)》】.:：;；")
_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_NAME = rf"[{_HAN}]{{1,4}}(?:[·•][{_HAN}]{{1,6}})?"
_NAMES_LINE = re.compile(rf"^{_NAME}(?:[ \u3000\t]+{_NAME}){{0,3}}$")
# Roles printed before the names in a byline; they are not names themselves.
_ROLE_PREFIX = re.compile(
    r"^(?:本报记者|本报通讯员|特约记者|记者|通讯员|见习记者|文/图|文／图|图/文|图／文|文|图|摄影|摄|责编|责任编辑)"
    r"[\s:：/／]*"
)
# Short stock words that look like a name but close an article instead.
_NOT_NAMES = frozenset(
    {"完", "待续", "未完", "未完待续", "全文完", "续完", "图片", "资料图", "本报讯"}
)
# 本报讯, 新华社北京电, and the bracketed form of older papers: 【新华社延安十日电】, 【本市消息】.
_DATELINE = re.compile(
    r"^(?:本报讯|本报[\u4e00-\u9fff]{0,6}电|新华社[\u4e00-\u9fff]{0,8}电"
    r"|【[^】\n]{1,24}(?:电|讯|消息)】)"
)

# The date after a dateline and the punctuation after both (" 12月20日，", "9月11日电 ").
_DATELINE_DATE = re.compile(r"[\s\u3000]*(?:\d{1,2}月\d{1,2}日电?)?[\s\u3000，,：:]*")


def is_cjk(ch: str) -> bool:
    """Whether a character is a Han ideograph, Japanese kana or CJK punctuation (no spaces between).

    Hangul is not: Korean puts spaces between words.
    """
    code = ord(ch)
    # Most OCR text is Latin: one comparison settles it (ALTO calls this for every word and line).
    if code < 0x3000:
        return False
    return (
        code <= 0x30FF
        or 0x31F0 <= code <= 0x31FF
        or 0x3400 <= code <= 0x9FFF
        or 0xF900 <= code <= 0xFAFF
        or 0xFF00 <= code <= 0xFFEF
        or 0x20000 <= code <= 0x3134F
    )


def ends_word(ch: str) -> bool:
    """Whether ``ch`` ends a word: a letter, or a mark on one (the ͤ of Fraktur's aͤ)."""
    return ch.isalpha() or (ch != "" and unicodedata.category(ch).startswith("M"))


def join_lines(first: str, second: str) -> str:
    """Join two pieces of one sentence: no space between CJK, a hyphen healed, else one space."""
    first, second = first.rstrip(), second.lstrip()
    if not first or not second:
        return first + second
    if first.endswith("-") and first[-2:-1].isalpha() and second[:1].islower():
        return first[:-1] + second
    if is_cjk(first[-1]) or is_cjk(second[0]):
        return first + second
    return f"{first} {second}"


class LineJoiner:
    """Joins many pieces as :func:`join_lines` would one after another, without copying.

    ``join_lines(join_lines(a, b), c)…`` copies the text so far at every step, which is
    quadratic in a paragraph of many lines; this keeps the pieces and joins them once.
    """

    def __init__(self, first: str = "") -> None:
        # Never empty strings; only a separator (" ") may be white space alone, never last.
        self._parts: list[str] = []
        if first:
            self._parts.append(first)

    def add(self, second: str) -> None:
        """Join ``second`` on, as ``join_lines(text so far, second)``."""
        parts = self._parts
        while parts and not parts[-1].rstrip():
            parts.pop()
        if parts:
            parts[-1] = parts[-1].rstrip()
        second = second.lstrip()
        if not second:
            return
        if not parts:
            parts.append(second)
            return
        last = parts[-1]
        tail = last[-2:] if len(last) >= 2 or len(parts) == 1 else parts[-2][-1:] + last
        if tail.endswith("-") and tail[-2:-1].isalpha() and second[:1].islower():
            parts[-1] = last[:-1]
            if not parts[-1]:
                parts.pop()
        elif not (is_cjk(tail[-1]) or is_cjk(second[0])):
            parts.append(" ")
        parts.append(second)

    def text(self) -> str:
        """Everything joined so far."""
        return self._parts[0] if len(self._parts) == 1 else "".join(self._parts)


# Up to this many pieces are joined one after another (the copies cost less than the joiner).
_FEW_PIECES = 16


def join_all(pieces: list[str]) -> str:
    """``join_lines(join_lines(pieces[0], pieces[1]), pieces[2])…`` in linear time."""
    if len(pieces) <= _FEW_PIECES:
        return functools.reduce(join_lines, pieces)
    joiner = LineJoiner(pieces[0])
    for piece in pieces[1:]:
        joiner.add(piece)
    return joiner.text()


def ends_sentence(paragraph: str) -> bool:
    """Whether a paragraph ends the way finished text does."""
    stripped = paragraph.rstrip()
    return not stripped or stripped[-1] in SENTENCE_ENDS


def reflow(paragraphs: list[str]) -> list[str]:
    """Join paragraphs that a column or page break cut mid-sentence; the rest stay as they are."""
    # Each paragraph's pieces, stripped and never empty: the last one's end is the paragraph's.
    joined: list[list[str]] = []
    for paragraph in paragraphs:
        text = paragraph.strip()
        if not text:
            continue
        if joined and not ends_sentence(joined[-1][-1]) and not is_dateline(text):
            joined[-1].append(text)
        else:
            joined.append([text])
    return [pieces[0] if len(pieces) == 1 else join_all(pieces) for pieces in joined]


def is_dateline(paragraph: str) -> bool:
    """Whether a paragraph opens an article (本报讯, 新华社…电): it never continues another."""
    return bool(_DATELINE.match(paragraph.lstrip()))


def without_dateline(paragraph: str) -> str:
    """A paragraph without the dateline it opens with, and its date (本报讯 12月20日，…).

    What a title made from the first words leaves out: every local story opens so.
    """
    text = paragraph.lstrip()
    match = _DATELINE.match(text)
    if match is None:
        return paragraph
    rest = text[match.end() :]
    date = _DATELINE_DATE.match(rest)
    rest = rest[date.end() :] if date else rest
    return rest or paragraph


def byline_names(line: str) -> tuple[str, ...] | None:
    """The names when a line is only a byline of 1–4 personal names, else None.

    ``张晓明 郭强`` → ("张晓明", "郭强"); ``记者 刘盼`` → ("刘盼",). A line of prose is None.
    """
    text = _ROLE_PREFIX.sub("", line.strip()).strip()
    if not text or len(text) > 40 or not _NAMES_LINE.match(text):
        return None
    names = tuple(text.split())
    if any(name in _NOT_NAMES for name in names):
        return None
    # One word alone must still look like a name (two or three characters), not a stray syllable.
    if len(names) == 1 and not 2 <= len(names[0]) <= 3:
        return None
    return names
