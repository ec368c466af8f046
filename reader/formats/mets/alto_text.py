"""The text of one ALTO TextBlock: words and spaces, hyphenated words joined, lines run on.

Words come from ``String/@CONTENT``; ``SP`` is a space; a word hyphenated across a line end is
joined, from ``SUBS_CONTENT`` (the whole word, on ``HypPart1``) when the file gives it, else by
dropping the ``HYP`` and gluing the two halves.
"""

from __future__ import annotations

from collections.abc import Collection

from lxml import etree

from reader.formats.common.prose import ends_word, is_cjk

_SOFT_HYPHEN = "\u00ad"
_FIRST_CJK = "\u3000"
# A line-end hyphen the OCR (or a ground truth) stored as a String of its own rather than as a
# HYP: break marks always join the halves, printed hyphens as in _join_lines.
_BREAK_MARKS = frozenset({"\u00ac", _SOFT_HYPHEN})
_HYPHENS = ("-", "\u2e17", "\u2e40", "\u2010")
_LINE_END_MARKS = _BREAK_MARKS | frozenset(_HYPHENS)
# Punctuation that sticks to the word before it, and brackets that stick to the word after: a
# String of nothing else with no SP between it and that word is set without a space (ground
# truth such as OCR-D's tokenises every mark as its own String and writes no SP at all; where a
# file does write an SP there, as BnF's French pages do before ":", the space is kept).
_CLOSING = frozenset(".,;:?!)]}\u2026")
_OPENING = frozenset("([{")


class HyphenState:
    """Whether the last ``HypPart1`` carried the whole word, so its ``HypPart2`` is dropped.

    It starts true: a page that opens with the second half of a word continued from the page
    before had the whole word given there.
    """

    def __init__(self) -> None:
        self.whole_word_given = True
        # Whether the String just read was a first half replaced by the whole word: its HYP
        # then marks nothing to join.
        self.last_was_whole = False


class BlockText:
    """The text of one TextBlock, fed its lines and words in document order.

    :func:`reader.formats.mets.alto.parse_page` feeds it from the parse events; anything holding a block's element
    whole can feed it ``block.iter()`` the same way and get the same text.
    """

    def __init__(
        self,
        tag: str,
        block_id: str,
        line_ids: Collection[str],
        hyphens: HyphenState,
        lines: dict[str, str],
        line_blocks: dict[str, str],
        word_blocks: dict[str, str],
    ) -> None:
        self.tag = tag
        self.block_id = block_id
        self.line_ids = line_ids
        self.hyphens = hyphens
        # Where the text of the lines in line_ids goes, and the block of each.
        self.wanted_lines = lines
        self.line_blocks = line_blocks
        # The block of each String in line_ids (BL's METS areas point at word ranges).
        self.word_blocks = word_blocks
        namespace = tag[: tag.find("}") + 1]
        self.line_tag, self.string_tag, self.space_tag, self.hyphen_tag = (
            namespace + local for local in ("TextLine", "String", "SP", "HYP")
        )
        self.word_tags = frozenset((self.string_tag, self.space_tag, self.hyphen_tag))
        self.lines: list[str] = []
        self.words: list[str] = []
        self.line_id: str | None = None
        self.spaced = False
        # Where in words a String that is only a hyphen mark sits (None: none on this line).
        self.mark_at: int | None = None

    def line(self, element: etree._Element) -> None:
        """A TextLine starts: the words so far were the previous line's."""
        if element.tag == self.line_tag:
            self._end_line()
            self.words, self.line_id, self.spaced = [], element.get("ID"), False
            self.mark_at = None

    def word(self, element: etree._Element, raw: bool) -> bool:
        """Take a String, SP or HYP; False for any other element (left to the caller)."""
        tag = element.tag
        words = self.words
        hyphens = self.hyphens
        if tag == self.string_tag:
            if self.line_ids:
                word_id = element.get("ID")
                if word_id is not None and word_id in self.line_ids:
                    self.word_blocks[word_id] = self.block_id
            content = element.get("CONTENT") or ""
            if not raw:
                kind = element.get("SUBS_TYPE")
                hyphens.last_was_whole = False
                if kind is not None:
                    substitute = _substitute(element, kind, content, hyphens)
                    if substitute is None:
                        return True
                    content = substitute
            if content:
                if words:
                    before = words[-1][-1]
                    if before == _SOFT_HYPHEN or (
                        not raw and not self.spaced and _sticks(words[-1], content)
                    ):
                        pass
                    elif before < _FIRST_CJK and content[0] < _FIRST_CJK:
                        words.append(" ")  # the common case, decided without a call
                    else:
                        words.append(_word_gap(before, content[0], self.spaced))
                if not raw and content in _LINE_END_MARKS:
                    self.mark_at = len(words)
                words.append(content)
            self.spaced = False
        elif tag == self.space_tag:
            self.spaced = True
        elif tag == self.hyphen_tag:
            if raw:
                words.append(element.get("CONTENT") or "-")
            elif words and words[-1] != _SOFT_HYPHEN and not hyphens.last_was_whole:
                words.append(_SOFT_HYPHEN)
        else:
            return False
        return True

    def finish(self, raw: bool) -> str:
        """The block's text, once its last word has been fed."""
        self._end_line()
        if raw:
            return "\n".join(self.lines)
        return _join_lines(self.lines)

    def _end_line(self) -> None:
        words = self.words
        if self.mark_at is not None and self.mark_at == len(words) - 1 and len(words) > 2:
            # The line ends in a hyphen String: it belongs to the word before, as a HYP would.
            mark = words.pop()
            if words[-1] == " ":
                words.pop()
            words.append(_SOFT_HYPHEN if mark in _BREAK_MARKS else mark)
        self.mark_at = None
        text = "".join(words)
        self.words = []
        line_id = self.line_id
        if line_id and line_id in self.line_ids:
            self.wanted_lines[line_id] = text.rstrip(_SOFT_HYPHEN)
            self.line_blocks[line_id] = self.block_id
        if text:
            self.lines.append(text)


def _substitute(
    string: etree._Element, kind: str, content: str, hyphens: HyphenState
) -> str | None:
    """The word to show for a hyphenated String: the whole word for a first half, None to drop
    a second half whose whole word was already given."""
    whole = string.get("SUBS_CONTENT") or ""
    if kind == "HypPart1":
        hyphens.whole_word_given = bool(whole)
        if whole:
            hyphens.last_was_whole = True
            return whole
        return content
    if kind == "HypPart2":
        given = hyphens.whole_word_given
        hyphens.whole_word_given = True
        if whole and given:
            return None
    return content


def _sticks(before: str, word: str) -> bool:
    """Whether ``word`` is set against ``before`` without a space: closing punctuation, or
    anything after an opening bracket."""
    return all(ch in _CLOSING for ch in word) or all(ch in _OPENING for ch in before)


def _word_gap(before: str, after: str, spaced: bool) -> str:
    """The space between two words: none between CJK characters, else one where there was a gap."""
    if before == _SOFT_HYPHEN:
        return ""
    before_cjk, after_cjk = is_cjk(before), is_cjk(after)
    if before_cjk and after_cjk:
        return ""
    if spaced:
        return " "
    return "" if before_cjk or after_cjk else " "


def _join_lines(lines: list[str]) -> str:
    """A block's lines as one paragraph: hyphenated words healed, CJK lines run on without spaces."""
    out: list[str] = []
    previous = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if previous:
            if previous.endswith(_SOFT_HYPHEN):
                out[-1] = previous[:-1]
            elif previous.endswith(_HYPHENS) and ends_word(previous[-2:-1]) and line[0].islower():
                # A hyphen the OCR left in the word itself (no HYP element): heal it too. (Before
                # a capital it may be a compound's or a misread: kept, and so is the space.)
                out[-1] = previous[:-1]
            elif not (is_cjk(previous[-1]) or is_cjk(line[0])):
                out.append(" ")
        out.append(line)
        previous = line
    text = "".join(out).replace(_SOFT_HYPHEN + _SOFT_HYPHEN, _SOFT_HYPHEN)
    if text.endswith(_SOFT_HYPHEN):
        # The word goes on in another block (the next column): a plain hyphen lets the
        # paragraph joiner heal it there.
        text = text[:-1] + "-"
    return text.replace(_SOFT_HYPHEN, "")
