"""hOCR (Tesseract, OCRopus, Kraken, gImageReader): pages of blocks, paragraphs, lines and words.

A page is an ``ocr_page`` (a file may hold several); paragraphs are ``ocr_par`` (else the
``ocr_carea`` around the lines); a line is ``ocr_line`` or Tesseract's ``ocr_header``,
``ocr_caption`` and ``ocr_textfloat``. Headings are what the file marks so: Tesseract's
``ocr_header`` lines, ``ocr_title``/``ocr_chapter``/``ocr_section`` elements, ``<h1>``–``<h6>``.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from reader.formats.common.loaded import Loaded
from reader.formats.common.source import Source
from reader.formats.common.textio import decode_text
from reader.formats.ocr import hocr_meta, issues, layout
from reader.formats.ocr.text import (
    Box,
    OcrBlock,
    OcrLine,
    OcrPage,
    OcrWord,
    in_column_order,
    in_reading_order,
    is_tall,
    join_words,
)
from reader.model import ArchiveSettings, Article, CorruptArchive, Issue, Page, PageLayout, Reason

NAME = "hocr"
EXTENSIONS = (".hocr", ".html", ".htm", ".xhtml", ".xml")
_MARKERS = (b"ocr_page", b"ocr_line", b"ocrx_word")
_LINES = frozenset({"ocr_line", "ocrx_line", "ocr_header", "ocr_caption", "ocr_textfloat"})
_HEADING_LINES = frozenset({"ocr_header"})
_HEADING_PARTS = frozenset({"ocr_title", "ocr_chapter", "ocr_section", "ocr_subsection"})
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_BLOCKS = ("ocr_par", "ocr_carea")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]{0,200}\?>")


def score(name: str, head: bytes) -> int:
    """55 for an HTML page with hOCR classes (``ocr_page``, ``ocr_line``, ``ocrx_word``)."""
    if not name.lower().endswith(EXTENSIONS):
        return 0
    lowered = head.lower()
    if b"<html" not in lowered and b"<body" not in lowered:
        return 0
    return 55 if any(marker in lowered for marker in _MARKERS) else 0


def load(source: Source, names: list[str], settings: ArchiveSettings) -> Loaded:
    """One issue per folder and date; one article per page, or per heading where marked.

    A folder's issues are the publication its files' ``DC.title`` names, where one does.
    """
    titles = hocr_meta.titles_by_folder(source, names)
    facts = {folder: issues.IssueFacts(publication=title) for folder, title in titles.items()}
    return issues.load_pages(source, names, settings, NAME, read_pages, facts)


def read_original(source: Source, article: Article) -> str:
    """The article's lines as printed, one per line."""
    return issues.read_original(source, article, read_pages)


def read_layout(source: Source, issue: Issue, page: Page) -> PageLayout:
    """One page's words (``ocrx_word`` boxes), paragraphs and articles, read again from its file."""
    return layout.read_layout(source, issue, page, read_pages)


def read_pages(data: bytes, name: str, words: bool = False) -> list[OcrPage]:
    """Every ``ocr_page`` of a file (the whole body when there is none).

    Parsed as HTML: hOCR is often not well-formed XML (OCRopus leaves ``<meta>`` open) and
    names the XHTML DTD, which the XML parser refuses; the HTML parser reads no DTD or entity.
    """
    text = _XML_DECLARATION.sub("", decode_text(data, name), count=1)
    if "\x00" in text:
        raise CorruptArchive(name, Reason.of("binary_web_page"))
    parser = lxml.html.HTMLParser(no_network=True, remove_comments=True)
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise CorruptArchive(name, Reason.of("bad_web_page", detail=exc)) from exc
    pages = [e for e in root.iter() if "ocr_page" in _classes(e)]
    if not pages:
        body = root.find("body")
        pages = [body if body is not None else root]
    read = [read_page(page, words) for page in pages]
    if not any(page.has_text for page in read) and not any(
        _classes(e) & _LINES for e in root.iter()
    ):
        raise CorruptArchive(name, Reason.of("bad_web_page", detail="no hOCR lines"))
    return read


def read_page(page: etree._Element, words: bool = False) -> OcrPage:
    """One page: its lines in document order, grouped by their paragraph, headings apart.

    Coordinates are each line's and word's ``title="bbox l t r b"`` in the pixels of the
    page's ``bbox``; the words' are kept only with ``words``. A page set in vertical columns
    has its paragraphs put in reading order too (hOCR writes them in the layout tool's order).
    """
    number = _property(page, "ppageno")
    blocks: list[OcrBlock] = []
    owner: etree._Element | None = None
    for element in page.iter():
        classes = _classes(element)
        if not classes & _LINES or _inside_line(element, page):
            continue
        heading = bool(classes & _HEADING_LINES) or _in_heading(element, page)
        container = _container(element, page)
        if not blocks or container is not owner or heading != blocks[-1].heading:
            own = container is not page
            block_id = container.get("id", "") if own else ""
            blocks.append(
                OcrBlock(heading=heading, id=block_id, box=_box(container) if own else None)
            )
            owner = container
        blocks[-1].lines.append(_line(element, words))
    for block in blocks:
        block.lines = in_reading_order(block.lines)
    size = _box(page)
    return OcrPage(
        str(int(number) + 1) if number.isdigit() else "",
        in_column_order(blocks),
        image=_property(page, "image").strip().strip('"'),
        width=size[2] if size and 0 < size[2] < 1e7 else 0.0,
        height=size[3] if size and 0 < size[3] < 1e7 else 0.0,
    )


def _line(element: etree._Element, with_boxes: bool) -> OcrLine:
    words = [w for w in element.iter() if "ocrx_word" in _classes(w)]
    box = _box(element)
    if not words:
        text = " ".join("".join(map(str, element.itertext())).split())
        return OcrLine(text, box, _vertical(element) or is_tall(box, text))
    if _vertical(element):
        words.sort(key=lambda w: (_box(w) or (0, 0, 0, 0))[1])
    texts = ["".join(map(str, w.itertext())) for w in words]
    line = OcrLine(join_words(texts), box)
    line.vertical = _vertical(element) or is_tall(box, line.text)
    if with_boxes:
        boxes = [_box(w) for w in words]
        # A word without a box: the line's words are laid out along its box instead.
        if all(b is not None for b in boxes):
            line.words = [
                OcrWord(t.strip(), b) for t, b in zip(texts, boxes, strict=True) if t.strip() and b
            ]
    return line


def _vertical(element: etree._Element) -> bool:
    angle = _property(element, "textangle")
    style = (element.get("style") or "").replace(" ", "").lower()
    return angle in ("90", "270") or "writing-mode:vertical" in style


def _container(line: etree._Element, page: etree._Element) -> etree._Element:
    for ancestor in line.iterancestors():
        if ancestor is page or _classes(ancestor) & set(_BLOCKS):
            return ancestor
    return page


def _in_heading(line: etree._Element, page: etree._Element) -> bool:
    for ancestor in line.iterancestors():
        if ancestor is page:
            return False
        if ancestor.tag in _HEADING_TAGS or _classes(ancestor) & _HEADING_PARTS:
            return True
    return False


def _inside_line(element: etree._Element, page: etree._Element) -> bool:
    for ancestor in element.iterancestors():
        if ancestor is page:
            return False
        if _classes(ancestor) & _LINES:
            return True
    return False


def _classes(element: etree._Element) -> set[str]:
    if not isinstance(element.tag, str):
        return set()
    return set((element.get("class") or "").split())


def _property(element: etree._Element, key: str) -> str:
    """One property of an hOCR ``title`` ("bbox 0 0 10 10; ppageno 0"), "" when absent."""
    for part in (element.get("title") or "").split(";"):
        words = part.split()
        if words and words[0] == key:
            return " ".join(words[1:])
    return ""


def _box(element: etree._Element) -> Box | None:
    values = _property(element, "bbox").split()
    try:
        left, top, right, bottom = (float(v) for v in values)
    except ValueError:
        return None
    return (left, top, right, bottom)
