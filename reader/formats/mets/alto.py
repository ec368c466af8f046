"""ALTO page text in every dialect (1.x, CCS, loc.gov v2–v4), rebuilt block by block, streamed.

Words come from ``String/@CONTENT``; ``SP`` is a space; a word hyphenated across a line end is
joined, from ``SUBS_CONTENT`` (the whole word, on ``HypPart1``) when the file gives it, else by
dropping the ``HYP`` and gluing the two halves. Each ``TextBlock`` becomes one piece of text,
kept by its ID so that a METS or DIDL can point at it (blocks inside a ``ComposedBlock``,
``PrintSpace`` or ``Page`` are reachable through that ID too).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field

from lxml import etree

from reader.formats.common import xmlsafe, xmltree
from reader.formats.common.prose import is_cjk
from reader.formats.common.xmlhead import RootTag
from reader.model import CorruptArchive, Reason

# The namespaces ALTO has been written in: none (1.x, CCS docWorks), CCS's own, and loc.gov's.
NAMESPACES = frozenset(
    {
        "",
        "http://schema.ccs-gmbh.com/ALTO",
        "http://www.loc.gov/standards/alto/ns-v2#",
        "http://www.loc.gov/standards/alto/ns-v3#",
        "http://www.loc.gov/standards/alto/ns-v4#",
    }
)
_SOFT_HYPHEN = "\u00ad"
_FIRST_CJK = "\u3000"
# How libxml2 reports bytes that are not the UTF-8 the file declares (the wording changed).
_BAD_BYTES = ("not proper UTF-8", "Invalid bytes in character encoding")
_REFUSED = frozenset({"xml_entities_refused", "xml_external_dtd_refused"})
# Elements whose IDs a METS may point at: blocks that hold text, and those that hold none.
_WATCHED = (
    "{*}Page",
    "{*}PrintSpace",
    "{*}ComposedBlock",
    "{*}TextBlock",
    "{*}Illustration",
    "{*}GraphicalElement",
)
_DECLARED_ENCODING = re.compile(r"""^(\s*<\?xml[^>]*?encoding\s*=\s*["'])([^"']*)""")


def is_alto(root: RootTag | None) -> bool:
    """Whether a root element is ALTO's (any known dialect, or a future loc.gov version)."""
    if root is None or root.name.lower() != "alto":
        return False
    return root.namespace in NAMESPACES or "alto" in root.namespace.lower()


@dataclass
class AltoPage:
    """The text of one ALTO file: its blocks in reading order, addressable by ID.

    ``error`` says why the text stops early (a truncated or broken file); it is None when the
    whole file was read.
    """

    name: str
    page_id: str = ""
    printed_number: str = ""
    physical_number: str = ""
    blocks: dict[str, str] = field(default_factory=dict)
    groups: dict[str, list[str]] = field(default_factory=dict)
    lines: dict[str, str] = field(default_factory=dict)
    line_blocks: dict[str, str] = field(default_factory=dict)
    error: Reason | None = None

    def texts(self, begin: str, end: str = "") -> list[str] | None:
        """The block texts an area points at (``BEGIN`` to ``END``), or None if it is not here.

        An ID may name a TextBlock, a ComposedBlock, the PrintSpace or Page (all their blocks),
        or a TextLine that was asked for when parsing.
        """
        first = self._span(begin)
        if first is None:
            return None
        if not end or end == begin:
            return self._pieces(begin, first)
        last = self._span(end)
        if last is None or not first or not last:
            return self._pieces(begin, first)
        order = list(self.blocks)
        start, stop = order.index(first[0]), order.index(last[-1])
        return [self.blocks[b] for b in order[start : stop + 1] if self.blocks[b]]

    def all_texts(self) -> list[str]:
        """Every non-empty block text on the page, in order."""
        return [text for text in self.blocks.values() if text]

    def _span(self, ref: str) -> list[str] | None:
        if ref in self.blocks:
            return [ref]
        if ref in self.groups:
            return self.groups[ref]
        if ref in self.line_blocks:
            return [self.line_blocks[ref]]
        return None

    def _pieces(self, ref: str, span: list[str]) -> list[str]:
        if ref in self.lines:
            return [self.lines[ref]] if self.lines[ref] else []
        return [self.blocks[b] for b in span if self.blocks[b]]


def parse_page(
    data: bytes, name: str, line_ids: Collection[str] = (), *, raw: bool = False
) -> AltoPage:
    """Read an ALTO file's text.

    Args:
        data: the file's bytes.
        name: its name in the archive, for messages.
        line_ids: TextLine IDs that something points at; their text is kept on its own.
        raw: keep the text as printed: one line per line, OCR words and hyphens untouched.

    Returns:
        The page. A file that breaks off part-way keeps the blocks read before the break and
        says why in ``error``.

    Raises:
        CorruptArchive: the file is refused for safety, or no block at all could be read.
    """
    page = AltoPage(name)
    hyphens = _HyphenState()
    counter = 0
    events = xmlsafe.iterparse(data, name, ("start", "end"), _WATCHED)
    try:
        for event, element in events:
            local = xmltree.local_name(element)
            if event == "start":
                if local == "Page":
                    page.page_id = element.get("ID", "")
                    page.printed_number = element.get("PRINTED_IMG_NR", "")
                    page.physical_number = element.get("PHYSICAL_IMG_NR", "")
                if local != "TextBlock" and element.get("ID"):
                    # Known even when no text is inside (an illustration, an empty frame).
                    page.groups.setdefault(element.get("ID", ""), [])
                continue
            if local != "TextBlock":
                continue
            counter += 1
            block_id = element.get("ID") or f"#{counter}"
            page.blocks[block_id] = _block_text(element, block_id, page, line_ids, hyphens, raw)
            for ancestor in element.iterancestors():
                ancestor_id = ancestor.get("ID")
                if ancestor_id:
                    page.groups.setdefault(ancestor_id, []).append(block_id)
            element.clear()
    except CorruptArchive as exc:
        if not page.blocks or exc.reason.code in _REFUSED:
            raise
        page.error = exc.reason
    return page


def read_page(
    data: bytes, name: str, line_ids: Collection[str] = ()
) -> tuple[AltoPage, Reason | None]:
    """Read an ALTO file for its text, forgiving what can be forgiven.

    A file that declares UTF-8 but is not (older Windows tools) is read again as Windows-1252.

    Returns:
        The page and a note for the problems list: None when the whole file was read as it
        says.

    Raises:
        CorruptArchive: the file is refused for safety, or none of its text could be read.
    """
    try:
        page = parse_page(data, name, line_ids)
        error = page.error
    except CorruptArchive as exc:
        if not _mislabelled(exc.reason, data):
            raise
        error = exc.reason
    if _mislabelled(error, data):
        page = parse_page(_as_utf8(data), name, line_ids)
        if page.error is None:
            return page, Reason.of("read_as_windows_1252")
        cut = page.error.value("detail")
        return page, Reason.of("read_as_windows_1252_cut_short", detail=cut)
    if error is not None:
        return page, Reason.of("xml_cut_short", detail=error.value("detail"))
    return page, None


def _mislabelled(error: Reason | None, data: bytes) -> bool:
    """Whether an error is bad UTF-8 in a file that says (or, by saying nothing, means) UTF-8."""
    detail = error.value("detail") if error is not None else ""
    if not any(marker in detail for marker in _BAD_BYTES):
        return False
    declared = _DECLARED_ENCODING.match(data[:200].decode("latin-1"))
    return declared is None or declared.group(2).lower().replace("_", "-") in ("utf-8", "utf8")


def _as_utf8(data: bytes) -> bytes:
    """The bytes of a mislabelled Windows-1252 file, recoded as the UTF-8 it claims to be."""
    text = data.decode("cp1252", errors="replace")
    return _DECLARED_ENCODING.sub(r"\g<1>UTF-8", text, count=1).encode("utf-8")


class _HyphenState:
    """Whether the last ``HypPart1`` carried the whole word, so its ``HypPart2`` is dropped.

    It starts true: a page that opens with the second half of a word continued from the page
    before had the whole word given there.
    """

    def __init__(self) -> None:
        self.whole_word_given = True
        # Whether the String just read was a first half replaced by the whole word: its HYP
        # then marks nothing to join.
        self.last_was_whole = False


def _block_text(
    block: etree._Element,
    block_id: str,
    page: AltoPage,
    line_ids: Collection[str],
    hyphens: _HyphenState,
    raw: bool,
) -> str:
    """A block's text; in one pass over its lines and words, as this runs for every word."""
    tag = block.tag
    namespace = tag[: tag.find("}") + 1]
    line_tag, string_tag, space_tag, hyphen_tag = (
        namespace + local for local in ("TextLine", "String", "SP", "HYP")
    )
    lines: list[str] = []
    words: list[str] = []
    line_id: str | None = None
    spaced = False
    for element in block.iter(line_tag, string_tag, space_tag, hyphen_tag):
        tag = element.tag
        if tag == string_tag:
            content = element.get("CONTENT") or ""
            if not raw:
                kind = element.get("SUBS_TYPE")
                hyphens.last_was_whole = False
                if kind is not None:
                    substitute = _substitute(element, kind, content, hyphens)
                    if substitute is None:
                        continue
                    content = substitute
            if content:
                if words:
                    before = words[-1][-1]
                    if before == _SOFT_HYPHEN:
                        pass
                    elif before < _FIRST_CJK and content[0] < _FIRST_CJK:
                        words.append(" ")  # the common case, decided without a call
                    else:
                        words.append(_word_gap(before, content[0], spaced))
                words.append(content)
            spaced = False
        elif tag == space_tag:
            spaced = True
        elif tag == hyphen_tag:
            if raw:
                words.append(element.get("CONTENT") or "-")
            elif words and words[-1] != _SOFT_HYPHEN and not hyphens.last_was_whole:
                words.append(_SOFT_HYPHEN)
        else:  # a TextLine starts: the words so far were the previous line's
            _end_line(words, line_id, block_id, page, line_ids, lines)
            words, line_id, spaced = [], element.get("ID"), False
    _end_line(words, line_id, block_id, page, line_ids, lines)
    if raw:
        return "\n".join(lines)
    return _join_lines(lines)


def _end_line(
    words: list[str],
    line_id: str | None,
    block_id: str,
    page: AltoPage,
    line_ids: Collection[str],
    lines: list[str],
) -> None:
    text = "".join(words)
    if line_id and line_id in line_ids:
        page.lines[line_id] = text.rstrip(_SOFT_HYPHEN)
        page.line_blocks[line_id] = block_id
    if text:
        lines.append(text)


def _substitute(
    string: etree._Element, kind: str, content: str, hyphens: _HyphenState
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
            elif previous.endswith("-") and previous[-2:-1].isalpha() and line[0].islower():
                # A hyphen the OCR left in the word itself (no HYP element): heal it too.
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
