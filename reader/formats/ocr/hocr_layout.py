"""hOCR pages for the page view: each word's ``bbox``, the paragraphs as regions, the articles.

INTERIM (issue 12, library/CLI branch): a minimal :class:`reader.formats.registry.PageSource`
for hOCR, so the page view can be tested end to end before the OCR work lands; that work owns
hOCR and the lead keeps one of the two. It walks a page as :func:`hocr.read_page` does (the
same lines, blocks and headings, so the articles split the same way) and keeps the words.
Vertical blocks keep the file's line order here (the loader reorders them right to left).
"""

from __future__ import annotations

import posixpath

import lxml.html
from lxml import etree

from reader.formats.common.source import Source
from reader.formats.common.textio import decode_text
from reader.formats.ocr import compressed, hocr
from reader.model import (
    Box,
    CorruptArchive,
    Issue,
    Page,
    PageLayout,
    Reason,
    Region,
    Word,
)

NAME = hocr.NAME


def read_layout(source: Source, issue: Issue, page: Page) -> PageLayout:
    """One ``ocr_page``'s words and paragraphs, the image and size its ``title`` names.

    Raises:
        CorruptArchive: The file is gone, unreadable, or no longer holds the page.
    """
    element = _page_element(compressed.read_bytes(source, page.source), page)
    bbox = hocr._box(element)
    image = _image_name(hocr._property(element, "image"), page.source)
    if bbox is not None:
        page = Page(
            number=page.number,
            label=page.label,
            source=page.source,
            ref=page.ref,
            image=image or page.image,
            image_index=page.image_index,
            width=bbox[2],
            height=bbox[3],
            unit="pixel",
            has_text=page.has_text,
        )
    blocks = _blocks(element)
    ids = {a.ref: a.id for a in issue.articles if a.source == page.source}
    words: list[Word] = []
    regions: list[Region] = []
    articles: list[tuple[str, list[int]]] = []
    has_body = False
    for number, (heading, lines) in enumerate(blocks, start=1):
        if not any(text.strip() for line in lines for text, _ in line):
            continue
        # As split_articles: a heading after body text starts the next article.
        if not articles or (heading and has_body):
            ordinal = len(articles) + 1
            articles.append((ids.get(f"{page.ref}/{ordinal}", ""), []))
            has_body = False
        has_body = has_body or not heading
        article_id, indexes = articles[-1]
        region = f"block{number}"
        boxes = []
        for line in lines:
            for text, box in line:
                indexes.append(len(words))
                words.append(Word(text, box, region, article_id))
                boxes.append(box)
        regions.append(Region(region, _union(boxes), article_id))
    return PageLayout(
        page=page,
        words=tuple(words),
        regions=tuple(regions),
        articles=tuple((a, tuple(i)) for a, i in articles if a),
    )


# One line: its words with their boxes. One block: whether it is a heading, and its lines.
_Line = list[tuple[str, Box]]


def _page_element(data: bytes, page: Page) -> etree._Element:
    text = hocr._XML_DECLARATION.sub("", decode_text(data, page.source), count=1)
    parser = lxml.html.HTMLParser(no_network=True, remove_comments=True)
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise CorruptArchive(page.source, Reason.of("bad_web_page", detail=exc)) from exc
    pages = [e for e in root.iter() if "ocr_page" in hocr._classes(e)]
    if not pages:
        body = root.find("body")
        pages = [body if body is not None else root]
    try:
        return pages[int(page.ref or "1") - 1]
    except (ValueError, IndexError):
        raise CorruptArchive(page.source, Reason.of("article_gone")) from None


def _blocks(page: etree._Element) -> list[tuple[bool, list[_Line]]]:
    """The page's lines grouped as :func:`hocr.read_page` groups them."""
    blocks: list[tuple[bool, list[_Line]]] = []
    owner: etree._Element | None = None
    for element in page.iter():
        if not hocr._classes(element) & hocr._LINES or hocr._inside_line(element, page):
            continue
        heading = bool(hocr._classes(element) & hocr._HEADING_LINES) or hocr._in_heading(
            element, page
        )
        container = hocr._container(element, page)
        if not blocks or container is not owner or heading != blocks[-1][0]:
            blocks.append((heading, []))
            owner = container
        blocks[-1][1].append(_line(element))
    return blocks


def _line(element: etree._Element) -> _Line:
    line_box = hocr._box(element) or (0.0, 0.0, 0.0, 0.0)
    words = [w for w in element.iter() if "ocrx_word" in hocr._classes(w)]
    if words:
        if hocr._vertical(element):
            words.sort(key=lambda w: (hocr._box(w) or (0, 0, 0, 0))[1])
        out = [("".join(map(str, w.itertext())).strip(), hocr._box(w) or line_box) for w in words]
        return [(text, box) for text, box in out if text]
    # A line without words (OCRopus): its words share the line's box by their length.
    texts = "".join(map(str, element.itertext())).split()
    total = sum(len(t) + 1 for t in texts) - 1
    left, top, right, bottom = line_box
    width = (right - left) / max(total, 1)
    out, at = [], 0
    for text in texts:
        out.append((text, (left + at * width, top, left + (at + len(text)) * width, bottom)))
        at += len(text) + 1
    return out


def _image_name(value: str, source: str) -> str:
    """The ``image`` property as a name in the archive, beside the hOCR file ("" when none)."""
    name = value.strip().strip('"').replace("\\", "/")
    if not name or "://" in name or name.startswith("/"):
        return posixpath.basename(name) and posixpath.join(
            posixpath.dirname(source), posixpath.basename(name)
        )
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), name))


def _union(boxes: list[Box]) -> Box:
    if not boxes:
        return (0.0, 0.0, 0.0, 0.0)
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )
