"""One ALTO page's words and blocks with their boxes, streamed, and which article each is in.

Read when a page is shown, never at load: every ``String`` becomes a word (its ``CONTENT`` as
printed, each half of a hyphenated word on its own) with its HPOS/VPOS/WIDTH/HEIGHT box in
the file's unit, and every TextBlock, Illustration and ComposedBlock a region. The words of
each element with an ID are remembered as a range of word indexes, so that a METS or DIDL
area (``BEGIN``/``END``) picks the same words that :meth:`AltoPage.texts` picks the text of.
Like the text parse, the file is streamed and each line dropped once read.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from lxml import etree

from reader.formats.common import xmlsafe
from reader.model import Box, Page, PageLayout, Region, Word

# Elements that hold words, with an ID a pointer may name, and those of them that are regions.
_GROUPS = frozenset({"Page", "PrintSpace", "ComposedBlock", "TextBlock", "Illustration"})
_KINDS = {"TextBlock": "text", "Illustration": "illustration", "ComposedBlock": "composed"}
# A line's Strings are read from the line when it ends: an event per word would cost double.
_STREAMED = tuple(f"{{*}}{local}" for local in (*_GROUPS, "TextLine"))
_NO_BOX: Box = (0.0, 0.0, 0.0, 0.0)

# A run of word indexes, [start, stop).
Run = tuple[int, int]


@dataclass
class AltoLayout:
    """The words and regions of one ALTO file, and the word run of every element with an ID.

    ``runs`` holds blocks, groups and lines; ``owners`` the block of each line and word (a
    pointer that begins or ends at a line or a word stands for its block, as in the text).
    """

    texts: list[str] = field(default_factory=list)
    boxes: list[Box] = field(default_factory=list)
    word_regions: list[str] = field(default_factory=list)
    regions: list[tuple[str, Box, str, str]] = field(default_factory=list)
    runs: dict[str, Run] = field(default_factory=dict)
    lines: set[str] = field(default_factory=set)
    owners: dict[str, str] = field(default_factory=dict)

    def words_of(self, begin: str = "", end: str = "") -> Run | None:
        """The words an area points at (``BEGIN`` to ``END``); None when it is not on this page.

        No ``begin``: the whole page. A line alone: its words; any other ID alone: its
        block's or group's words; a range: every block from ``begin``'s to ``end``'s.
        """
        if not begin:
            return 0, len(self.texts)
        first = self._block_run(begin)
        if first is None:
            return None
        if not end or end == begin:
            return self.runs[begin] if begin in self.lines else first
        last = self._block_run(end)
        if last is None or first[0] == first[1] or last[0] == last[1]:
            return self.runs[begin] if begin in self.lines else first
        return first[0], max(first[1], last[1])

    def _block_run(self, ref: str) -> Run | None:
        if ref in self.runs and ref not in self.lines:
            return self.runs[ref]
        block = self.owners.get(ref)
        return None if block is None else self.runs.get(block, (0, 0))


def read_alto_layout(data: bytes, name: str) -> AltoLayout:
    """Stream an ALTO file into its words, regions and word runs.

    Raises:
        CorruptArchive: the file is refused for safety or is not well-formed XML.
    """
    layout = AltoLayout()
    open_groups: list[tuple[str, int]] = []
    block = ""
    counter = 0
    for event, element in xmlsafe.iterparse(data, name, ("start", "end"), _STREAMED):
        tag = element.tag
        local = tag[tag.rfind("}") + 1 :]
        if local == "TextLine":
            if event == "end":
                _read_line(layout, element, block)
                _release(element)
            continue
        if event == "start":
            element_id = element.get("ID") or ""
            if local == "TextBlock":
                counter += 1
                element_id = element_id or f"#{counter}"
                block = element_id
            if element_id:
                open_groups.append((element_id, len(layout.texts)))
            kind = _KINDS.get(local)
            if kind is not None and element_id:
                parent = open_groups[-2][0] if len(open_groups) > 1 else ""
                layout.regions.append((element_id, _box(element) or _NO_BOX, kind, parent))
            continue
        element_id = element.get("ID") or (block if local == "TextBlock" else "")
        if open_groups and open_groups[-1][0] == element_id:
            layout.runs[element_id] = (open_groups.pop()[1], len(layout.texts))
        if local in _KINDS:
            _release(element)
    return layout


def _read_line(layout: AltoLayout, line: etree._Element, block: str) -> None:
    """Take a line's words once it has ended (its Strings are read in one pass over it)."""
    texts, boxes, regions, owners = layout.texts, layout.boxes, layout.word_regions, layout.owners
    start = len(texts)
    line_box: Box | None = None
    tag = line.tag
    for word in line.iterchildren(tag[: tag.rfind("}") + 1] + "String"):
        box = _box(word)
        if box is None:
            # A word without a box is drawn as its line.
            box = line_box = line_box or _box(line) or _NO_BOX
        word_id = word.get("ID")
        if word_id:
            owners[word_id] = block
        texts.append(word.get("CONTENT") or "")
        boxes.append(box)
        regions.append(block)
    line_id = line.get("ID")
    if line_id:
        layout.runs[line_id] = (start, len(texts))
        layout.lines.add(line_id)
        owners[line_id] = block


def build_layout(
    page: Page, alto: AltoLayout, claims: Iterable[tuple[str, Sequence[Run], Sequence[str]]]
) -> PageLayout:
    """The page's layout with each article's words, in the order its text was built from them.

    Args:
        page: the page read.
        alto: its words, regions and word runs.
        claims: for each article on the page, its id, the word runs its areas point at (in
            the areas' order) and the IDs those areas name (for regions without words).
    """
    count = len(alto.texts)
    owner = [""] * count
    named: dict[str, str] = {}
    articles: list[tuple[str, tuple[int, ...]]] = []
    for article_id, runs, ids in claims:
        indexes = tuple(i for start, stop in runs for i in range(start, stop))
        if not indexes and not ids:
            continue
        for i in indexes:
            if not owner[i]:
                owner[i] = article_id
        for element_id in ids:
            named.setdefault(element_id, article_id)
        if indexes:
            articles.append((article_id, indexes))
    words = tuple(map(Word, alto.texts, alto.boxes, alto.word_regions, owner))
    return PageLayout(page, words, _regions(alto, owner, named), tuple(articles))


def _regions(alto: AltoLayout, owner: list[str], named: dict[str, str]) -> tuple[Region, ...]:
    """Each region with its article: named by an area, else that of all its words, else its
    enclosing region's (an illustration inside an article's ComposedBlock)."""
    found: dict[str, str] = {}
    regions = []
    for region_id, box, kind, parent in alto.regions:
        article = named.get(region_id, "")
        start, stop = alto.runs.get(region_id, (0, 0))
        if not article and stop > start and owner[start] == owner[stop - 1]:
            article = owner[start]
        article = article or found.get(parent, "")
        found[region_id] = article
        regions.append(Region(region_id, box, article, kind))
    return tuple(regions)


def _box(element: etree._Element) -> Box | None:
    """An element's HPOS/VPOS/WIDTH/HEIGHT as (left, top, right, bottom); None without one."""
    get = element.get
    try:
        # float() directly: this runs for every word, and most files are well-formed.
        x, y = float(get("HPOS")), float(get("VPOS"))  # type: ignore[arg-type]
        right, bottom = x + float(get("WIDTH")), y + float(get("HEIGHT"))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    total = right + bottom
    # NaN or an infinity in any of them makes this NaN: no usable box.
    return (x, y, right, bottom) if total - total == 0 else None


def _release(element: etree._Element) -> None:
    """Empty an element whose events are all handled, and unlink the siblings read before it."""
    element.clear()
    parent = element.getparent()
    if parent is not None:
        del parent[: parent.index(element)]
