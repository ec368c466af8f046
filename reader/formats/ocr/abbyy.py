"""ABBYY FineReader XML: a ``document`` of pages, or one bare ``page`` per file, any namespace.

Pages are streamed (an ABBYY file of a whole issue can be large): each ``page`` is read when
it ends and dropped. Paragraphs are the ``par`` elements of ``Text`` and ``Table`` blocks; a
line's text is its ``charParams`` characters (or its ``formatting`` text when the export has
no character level). ABBYY marks no headings: a short paragraph set in type clearly larger
than the page's body (``formatting/@fs``) is taken as one.
"""

from __future__ import annotations

from lxml import etree

from reader.formats.common import xmlsafe
from reader.formats.common.loaded import Loaded
from reader.formats.common.source import Source
from reader.formats.common.xmlhead import root_tag
from reader.formats.common.xmltree import drop_read
from reader.formats.ocr import compressed, issues, layout, ticket
from reader.formats.ocr.text import (
    Box,
    OcrBlock,
    OcrLine,
    OcrPage,
    OcrWord,
    dimension,
    in_column_order,
    in_reading_order,
    is_tall,
)
from reader.model import ArchiveSettings, Article, CorruptArchive, Issue, Page, PageLayout, Reason

NAME = "abbyy"
EXTENSIONS = (".xml", ".xml.bz2")  # a page, or a page compressed as BCUL ships them
_TEXT_BLOCKS = frozenset({"Text", "Table"})
# A heading's type is this much larger than the page's usual size, and it is short.
_HEADING_SIZE = 1.5
_HEADING_LINES = 3


def score(name: str, head: bytes) -> int:
    """50 for an ABBYY ``document`` or a bare ``page`` of ABBYY blocks; 10 for a ``.xml.bz2``.

    A compressed page cannot be told from its first bytes (see ``compressed``): it is bid for
    low, and a file that turns out not to be ABBYY is a problem when read.
    """
    if compressed.is_bzip2(name, head):
        return 10
    if not name.lower().endswith(".xml"):
        return 0
    root = root_tag(head)
    if root is None:
        return 0
    if root.name == "document" and ("abbyy" in root.namespace.lower() or b"<page" in head):
        return 50 if b"blockType" in head or "abbyy" in root.namespace.lower() else 0
    if root.name == "page" and root.attribute("width") and root.attribute("height"):
        return 50 if b"blockType" in head or root.attribute("resolution") else 0
    # BCUL's issue ticket beside its ABBYY pages: read for the issue's date and title.
    return 50 if ticket.is_ticket(root) else 0


def load(source: Source, names: list[str], settings: ArchiveSettings) -> Loaded:
    """One issue per folder and date; one article per page, or per heading paragraph.

    A BCUL ticket in a folder gives its issue a date (when the names give none), a masthead
    and a language (see :mod:`reader.formats.ocr.ticket`).
    """
    loaded = Loaded()
    pages, facts = ticket.read_tickets(source, names, loaded)
    found = issues.load_pages(source, pages, settings, NAME, read_pages, facts)
    loaded.issues += found.issues
    loaded.problems += found.problems
    loaded.duplicates += found.duplicates
    return loaded


def read_layout(source: Source, issue: Issue, page: Page) -> PageLayout:
    """One page's words (``charParams`` boxes grouped into words), paragraphs and articles."""
    return layout.read_layout(source, issue, page, read_pages)


def read_original(source: Source, article: Article) -> str:
    """The article's lines as printed, one per line."""
    return issues.read_original(source, article, read_pages)


def read_pages(data: bytes, name: str, words: bool = False) -> list[OcrPage]:
    """Every page of the file, streamed: each page is read as it ends, then freed."""
    root = root_tag(data[:4096])
    if root is None or root.name not in ("document", "page"):
        raise CorruptArchive(name, Reason.of("unknown_format"))
    pages = []
    for _, element in xmlsafe.iterparse(data, name, tag=("{*}page", "page")):
        pages.append(read_page(element, words))
        drop_read(element)
    if not pages:
        raise CorruptArchive(name, Reason.of("unknown_format"))
    return pages


def read_page(page: etree._Element, words: bool = False) -> OcrPage:
    """One ``page``: its text blocks' paragraphs in file order (ABBYY writes reading order).

    Coordinates are each ``line``'s and ``charParams``'s ``l t r b`` in the pixels of
    ``page/@width``×``@height`` (at ``@resolution`` dpi); the characters' are kept, grouped
    into words, only with ``words``. A page set in vertical columns has its paragraphs put in
    reading order by their boxes.
    """
    paragraphs: list[tuple[list[OcrLine], float]] = []
    for block in page.iter("{*}block"):
        if block.get("blockType", "Text") not in _TEXT_BLOCKS:
            continue
        for par in block.iter("{*}par"):
            lines = [_line(line, words) for line in par.iter("{*}line")]
            sizes = [_size(f) for f in par.iter("{*}formatting")]
            paragraphs.append((lines, min((s for s in sizes if s), default=0.0)))
    # The body's size: the median over characters, so a few large heading lines never set it.
    weighted = [(size, sum(len(line.text) for line in lines)) for lines, size in paragraphs]
    usual = _median([(size, count) for size, count in weighted if size and count])
    blocks = []
    for number, (lines, size) in enumerate(paragraphs, start=1):
        heading = bool(usual) and size >= _HEADING_SIZE * usual and len(lines) <= _HEADING_LINES
        blocks.append(OcrBlock(in_reading_order(lines), heading=heading, id=f"par-{number}"))
    return OcrPage(
        "",
        in_column_order(blocks),
        width=dimension(page.get("width", "")),
        height=dimension(page.get("height", "")),
    )


def _median(sizes: list[tuple[float, int]]) -> float:
    """The median of sizes each counted so many times (0 for none)."""
    total = sum(count for _, count in sizes)
    seen = 0
    for size, count in sorted(sizes):
        seen += count
        if seen * 2 >= total:
            return size
    return 0.0


def _line(line: etree._Element, with_boxes: bool) -> OcrLine:
    chars = list(line.iter("{*}charParams"))
    if chars:
        text = "".join(c.text or "" for c in chars)
    else:
        text = "".join("".join(map(str, f.itertext())) for f in line.iter("{*}formatting"))
    text = " ".join(text.split())
    box = _box(line)
    found = OcrLine(text, box, is_tall(box, text))
    if with_boxes and chars:
        found.words = _words(chars)
    return found


def _words(chars: list[etree._Element]) -> list[OcrWord]:
    """Characters grouped into words: a space ends one, ``wordStart`` begins the next.

    Empty when a character has no box: the line's text is then laid along the line's box.
    """
    words: list[OcrWord] = []
    text = ""
    box: Box | None = None
    for char in chars:
        value = char.text or ""
        if value.strip() and char.get("wordStart") == "true" and text:
            words.append(OcrWord(text, box or (0.0, 0.0, 0.0, 0.0)))
            text, box = "", None
        if not value.strip():
            if text:
                words.append(OcrWord(text, box or (0.0, 0.0, 0.0, 0.0)))
            text, box = "", None
            continue
        own = _box(char)
        if own is None:
            return []
        text += value.strip()
        box = own if box is None else _around(box, own)
    if text:
        words.append(OcrWord(text, box or (0.0, 0.0, 0.0, 0.0)))
    return words


def _around(a: Box, b: Box) -> Box:
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def _size(formatting: etree._Element) -> float:
    try:
        return float(formatting.get("fs", "0").rstrip("."))
    except ValueError:
        return 0.0


def _box(element: etree._Element) -> Box | None:
    try:
        return tuple(float(element.get(k, "")) for k in ("l", "t", "r", "b"))  # type: ignore[return-value]
    except ValueError:
        return None
