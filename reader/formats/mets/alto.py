"""ALTO page text in every dialect (1.x, CCS, loc.gov v2–v4), rebuilt block by block, streamed.

Each ``TextBlock`` becomes one piece of text (:mod:`reader.formats.mets.alto_text`), kept by its
ID so that a METS or DIDL can point at it (blocks inside a ``ComposedBlock``, ``PrintSpace`` or
``Page`` are reachable through that ID too). The file is read as a stream of parse events and
each word is dropped once read, so memory does not grow with the length of a block or a line
(a whole page on one line of half a million words is read in a few tens of MB).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field

from lxml import etree

from reader.formats.common import xmlsafe, xmltree
from reader.formats.common.xmlhead import RootTag
from reader.formats.mets.alto_size import measurement_unit, number
from reader.formats.mets.alto_text import BlockText, HyphenState
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
# The unit of the page's sizes and positions (the Description gives it once, up front).
_UNIT_TAG = "{*}MeasurementUnit"
# What the streaming parse is told about: the above, and the lines and words inside blocks.
_WORD_ELEMENTS = ("String", "SP", "HYP")
_LINE_ELEMENTS = ("TextLine", *_WORD_ELEMENTS)
# Words read between two unlinkings of the words before them.
_RELEASE_EVERY = 2048
_WORD_TAGS = tuple(f"{{*}}{local}" for local in _WORD_ELEMENTS)
_STREAMED = (_UNIT_TAG, *_WATCHED, "{*}TextLine", *_WORD_TAGS)
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
    whole file was read. ``width``/``height`` are the ``Page`` size in ``unit`` (the
    ``MeasurementUnit``: ``pixel``, ``mm10``, ``inch1200``), 0 when the file does not say.
    """

    name: str
    page_id: str = ""
    printed_number: str = ""
    physical_number: str = ""
    width: float = 0.0
    height: float = 0.0
    unit: str = "pixel"
    blocks: dict[str, str] = field(default_factory=dict)
    groups: dict[str, list[str]] = field(default_factory=dict)
    lines: dict[str, str] = field(default_factory=dict)
    line_blocks: dict[str, str] = field(default_factory=dict)
    word_blocks: dict[str, str] = field(default_factory=dict)
    error: Reason | None = None

    def texts(self, begin: str, end: str = "") -> list[str] | None:
        """The block texts an area points at (``BEGIN`` to ``END``), or None if it is not here.

        An ID may name a TextBlock, a ComposedBlock, the PrintSpace or Page (all their blocks),
        or a TextLine or String that was asked for when parsing (a String stands for its whole
        block: BL's word ranges begin and end at block boundaries).
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
        block = self.line_blocks.get(ref) or self.word_blocks.get(ref)
        if block is None:
            return None
        # A line or word of a block that a damaged file cut off: known, but its text is lost.
        return [block] if block in self.blocks else []

    def _pieces(self, ref: str, span: list[str]) -> list[str]:
        if ref in self.lines:
            return [self.lines[ref]] if self.lines[ref] else []
        return [self.blocks[b] for b in span if self.blocks[b]]


def parse_page(
    data: bytes, name: str, line_ids: Collection[str] = (), *, raw: bool = False
) -> AltoPage:
    """Read an ALTO file's text, streamed: memory stays bounded however long a line or block is.

    Args:
        data: the file's bytes.
        name: its name in the archive, for messages.
        line_ids: TextLine IDs that something points at; their text is kept on its own.
            String IDs among them (BL's word ranges) are kept with the block they are in.
        raw: keep the text as printed: one line per line, OCR words and hyphens untouched.

    Returns:
        The page. A file that breaks off part-way keeps the blocks read before the break and
        says why in ``error``.

    Raises:
        CorruptArchive: the file is refused for safety, or no block at all could be read.
    """
    page = AltoPage(name)
    reader = _PageReader(page, line_ids, raw)
    try:
        reader.read(xmlsafe.iterparse(data, name, ("start", "end"), _STREAMED))
    except CorruptArchive as exc:
        if not page.blocks or exc.reason.code in _REFUSED:
            raise
        page.error = exc.reason
    return page


class _PageReader:
    """Turns the parse events of one page into its blocks, dropping words once they are read.

    Each word is read as its element ends; every few thousand words the ones already read are
    unlinked, and each line is emptied when it ends, so a block (or a line) of half a million
    words never stands whole in memory: what is kept is its text.
    """

    def __init__(self, page: AltoPage, line_ids: Collection[str], raw: bool) -> None:
        self.page = page
        self.line_ids = line_ids
        self.raw = raw
        self.hyphens = HyphenState()
        self.counter = 0

    def read(self, events: Iterator[tuple[str, etree._Element]]) -> None:
        """Read every event; the block's own elements are told apart by exact tag, for speed."""
        raw = self.raw
        block: BlockText | None = None
        read = 0
        for event, element in events:
            if block is not None:
                tag = element.tag
                if event == "end":
                    if block.word(element, raw):
                        read += 1
                        if read == _RELEASE_EVERY:
                            read = 0
                            _drop_before(element)
                        continue
                    if tag == block.line_tag:
                        element.clear()
                        _drop_before(element)
                        continue
                    if tag == block.tag:
                        self._finish(block, element)
                        block = None
                        continue
                elif tag in block.word_tags:
                    continue
                elif tag == block.line_tag:
                    block.line(element)
                    continue
            if event == "start":
                block = self._start(element) or block
            elif (local := xmltree.local_name(element)) in _WORD_ELEMENTS:
                # A word outside any block: no text, but never kept either.
                element.clear()
            elif local == "MeasurementUnit":
                self.page.unit = measurement_unit(element.text)

    def _start(self, element: etree._Element) -> BlockText | None:
        local = xmltree.local_name(element)
        if local == "TextBlock":
            self.counter += 1
            block_id = element.get("ID") or f"#{self.counter}"
            page = self.page
            return BlockText(
                element.tag,
                block_id,
                self.line_ids,
                self.hyphens,
                page.lines,
                page.line_blocks,
                page.word_blocks,
            )
        if local == "Page":
            self.page.page_id = element.get("ID", "")
            self.page.printed_number = element.get("PRINTED_IMG_NR", "")
            self.page.physical_number = element.get("PHYSICAL_IMG_NR", "")
            self.page.width = number(element.get("WIDTH"))
            self.page.height = number(element.get("HEIGHT"))
        if local not in _LINE_ELEMENTS and element.get("ID"):
            # Known even when no text is inside (an illustration, an empty frame).
            self.page.groups.setdefault(element.get("ID", ""), [])
        return None

    def _finish(self, block: BlockText, element: etree._Element) -> None:
        self.page.blocks[block.block_id] = block.finish(self.raw)
        for ancestor in element.iterancestors():
            ancestor_id = ancestor.get("ID")
            if ancestor_id:
                self.page.groups.setdefault(ancestor_id, []).append(block.block_id)
        element.clear()
        _drop_before(element)


def _drop_before(element: etree._Element) -> None:
    """Unlink the siblings before an element: their events have all been handled.

    The parser may already have added siblings after it (events come a buffer at a time), so
    only those before its own index go.
    """
    parent = element.getparent()
    if parent is not None:
        del parent[: parent.index(element)]


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
