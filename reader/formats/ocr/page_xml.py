"""PAGE-XML (Transkribus, OCR-D, eScriptorium): text regions in reading order, Word or TextLine level.

Regions are read in the ``ReadingOrder`` the file gives (the rest after, in document order);
a region of ``type="heading"`` (or ``structure {type:heading;}`` in Transkribus's ``custom``)
starts an article. A line's text is its own ``TextEquiv``, else its words' joined.
"""

from __future__ import annotations

from lxml import etree

from reader.formats.common import xmlsafe
from reader.formats.common.loaded import Loaded
from reader.formats.common.source import Source
from reader.formats.common.xmlhead import root_tag
from reader.formats.common.xmltree import children
from reader.formats.ocr import issues, layout
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
    join_words,
)
from reader.model import ArchiveSettings, Article, CorruptArchive, Issue, Page, PageLayout, Reason

NAME = "page-xml"
EXTENSIONS = (".xml",)
_HEADINGS = frozenset({"heading"})
_INITIALS = frozenset({"drop-capital"})
_FURNITURE = frozenset({"catch-word", "signature-mark"})


def score(name: str, head: bytes) -> int:
    """50 for a ``PcGts`` document (the root element only PAGE-XML has)."""
    if not name.lower().endswith(EXTENSIONS):
        return 0
    root = root_tag(head)
    return 50 if root is not None and root.name == "PcGts" else 0


def load(source: Source, names: list[str], settings: ArchiveSettings) -> Loaded:
    """One issue per folder and date; one article per page, or per heading region."""
    return issues.load_pages(source, names, settings, NAME, read_pages)


def read_original(source: Source, article: Article) -> str:
    """The article's regions as printed, one line per line."""
    return issues.read_original(source, article, read_pages)


def read_layout(source: Source, issue: Issue, page: Page) -> PageLayout:
    """One page's words (``Word`` polygons, or its lines' words laid along the line), regions
    and articles, read again from its file."""
    return layout.read_layout(source, issue, page, read_pages)


def read_pages(data: bytes, name: str, words: bool = False) -> list[OcrPage]:
    """The page of a PAGE-XML file (``Page`` elements after the first are read too)."""
    root = xmlsafe.parse_bytes(data, name)
    pages = [read_page(page, words) for page in children(root, "Page")]
    if not pages:
        raise CorruptArchive(name, Reason.of("unknown_format"))
    return pages


def read_page(page: etree._Element, words: bool = False) -> OcrPage:
    """One ``Page``: its text regions in reading order, each a block of lines.

    Coordinates are the bounding boxes of the ``Coords points`` polygons (:func:`_box`), in
    the pixels of ``Page/@imageWidth``×``@imageHeight``; the words' are kept only with
    ``words``. Without a ``ReadingOrder``, a page set in vertical columns has its regions put
    in reading order by their boxes.
    """
    regions = {r.get("id", ""): r for r in page.iter("{*}TextRegion")}
    given = _reading_order(page)
    order = [regions[ref] for ref in given if ref in regions]
    listed = {id(r) for r in order}
    order += [r for r in regions.values() if id(r) not in listed]
    blocks = []
    for region in order:
        lines = [_line(line, region, words) for line in children(region, "TextLine")]
        if not any(line.text for line in lines):
            lines = [OcrLine(t) for t in _equiv(region).splitlines()]
        flipped = region.get("textLineOrder", "") == "left-to-right"
        lines = in_reading_order(lines, right_to_left=not flipped)
        kind = _region_type(region)
        blocks.append(
            OcrBlock(
                lines,
                heading=kind in _HEADINGS,
                initial=kind in _INITIALS,
                furniture=kind in _FURNITURE,
                id=region.get("id", ""),
                box=_box(region),
            )
        )
    return OcrPage(
        "",
        blocks if given else in_column_order(blocks),
        image=page.get("imageFilename", ""),
        width=dimension(page.get("imageWidth", "")),
        height=dimension(page.get("imageHeight", "")),
    )


def _reading_order(page: etree._Element) -> list[str]:
    """Region ids in the ``ReadingOrder``: indexed members by index, nested groups flattened."""
    found = next(page.iter("{*}ReadingOrder"), None)
    return _refs(found) if found is not None else []


def _refs(group: etree._Element) -> list[str]:
    members = [m for m in group if isinstance(m.tag, str)]
    members.sort(key=lambda m: int(m.get("index", "0")) if m.get("index", "0").isdigit() else 0)
    refs = []
    for member in members:
        if member.get("regionRef"):
            refs.append(member.get("regionRef", ""))
        refs += _refs(member)
    return refs


def _line(line: etree._Element, region: etree._Element, with_boxes: bool) -> OcrLine:
    text = _equiv(line)
    words = list(children(line, "Word"))
    direction = line.get("readingDirection") or region.get("readingDirection", "")
    if direction == "top-to-bottom":
        words.sort(key=lambda word: (_box(word) or (0.0, 0.0, 0.0, 0.0))[1])
    if not text and words:
        text = join_words([_equiv(word) for word in words])
    box = _box(line)
    # A line order across the page (rather than down it) means the lines are columns.
    across = region.get("textLineOrder", "") in ("right-to-left", "left-to-right")
    vertical = direction in ("top-to-bottom", "bottom-to-top") or across or is_tall(box, text)
    found = OcrLine(text, box, vertical)
    if with_boxes and words:
        boxed = [(_equiv(word), _box(word)) for word in words]
        # Words without text or polygons: the line's text is laid along its box instead.
        if all(t and b for t, b in boxed):
            found.words = [OcrWord(t, b) for t, b in boxed if b is not None]
    return found


def _equiv(element: etree._Element) -> str:
    """The text of an element's own ``TextEquiv`` (the lowest ``index`` when there are several)."""
    equivs = list(children(element, "TextEquiv"))
    equivs.sort(key=lambda e: int(e.get("index", "0")) if e.get("index", "0").isdigit() else 0)
    for equiv in equivs:
        unicode = next(children(equiv, "Unicode"), None)
        if unicode is not None and unicode.text:
            return unicode.text.strip()
    return ""


def _box(element: etree._Element) -> Box | None:
    coords = next(children(element, "Coords"), None)
    if coords is None:
        return None
    xs, ys = [], []
    for point in coords.get("points", "").split():
        x, _, y = point.partition(",")
        try:
            xs.append(float(x))
            ys.append(float(y))
        except ValueError:
            return None
    return (min(xs), min(ys), max(xs), max(ys)) if xs else None


def _region_type(region: etree._Element) -> str:
    kind = region.get("type", "")
    custom = region.get("custom", "")
    marker = custom.find("structure {")
    if not kind and marker >= 0:
        body = custom[marker + len("structure {") :].split("}", 1)[0]
        for item in body.split(";"):
            key, _, value = item.partition(":")
            if key.strip() == "type":
                kind = value.strip()
    return kind
