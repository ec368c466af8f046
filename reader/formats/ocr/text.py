"""One OCR page as its blocks and lines in reading order, and the reading text made from it.

Each importer turns its file into :class:`OcrPage` objects (one function per format walks a
page's blocks, lines and words in reading order); everything after that is shared: vertical
lines put right to left, line-end hyphens healed, lines joined, headings splitting articles.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from reader.formats.common import prose
from reader.formats.common.columns import mostly_vertical, vertical_order

# (left, top, right, bottom) in the file's own units, y down: for ordering vertical lines and
# blocks, and for the page view.
Box = tuple[float, float, float, float]

# Marks a line ends with when the word goes on in the next line and is one word: joined always.
_BREAK_MARKS = ("\u00ac", "\u00ad")
# Printed hyphens: the ASCII one, Fraktur's double hyphens, the real hyphen character.
_HYPHENS = ("-", "\u2e17", "\u2e40", "\u2010", "=")
# A line this much taller than wide is set vertically (CJK columns).
_TALL = 1.5


@dataclass
class OcrWord:
    """One printed word and its box (read only for the page view, never at load)."""

    text: str
    box: Box


@dataclass
class OcrLine:
    """One printed line: its text as printed, its box, and whether it runs top to bottom.

    ``words`` are its words in the order the text was made from them, filled only when a
    reader is asked for words (the page view); loading leaves them empty.
    """

    text: str
    box: Box | None = None
    vertical: bool = False
    words: list[OcrWord] = field(default_factory=list)


@dataclass
class OcrBlock:
    """A paragraph or text region: its lines in reading order, and what the file says it is."""

    lines: list[OcrLine] = field(default_factory=list)
    heading: bool = False
    # A drop capital, printed before the next block's first line: joined to it without a space.
    initial: bool = False
    # Page furniture (catchword, signature mark): printed, but no part of the reading text.
    furniture: bool = False
    # The file's id for the block and its box, when it gives them (the page view's regions).
    id: str = ""
    box: Box | None = None

    def bounds(self) -> Box | None:
        """The block's box: the file's, else the union of its lines' boxes (None: none)."""
        if self.box is not None:
            return self.box
        return union([line.box for line in self.lines if line.box is not None])

    def text(self) -> str:
        """The block's lines as one paragraph (hyphens healed, CJK run on without spaces)."""
        return join_paragraph([line.text for line in self.lines])


@dataclass
class OcrPage:
    """One page: its printed or file number ("" when none) and its blocks in reading order.

    ``image`` is the scan's name as the file writes it ("" when it names none), ``width`` and
    ``height`` the page's size in the file's pixels (0 when unknown).
    """

    number: str = ""
    blocks: list[OcrBlock] = field(default_factory=list)
    image: str = ""
    width: float = 0.0
    height: float = 0.0

    @property
    def has_text(self) -> bool:
        """Whether any line on the page holds text."""
        return any(line.text.strip() for block in self.blocks for line in block.lines)


@dataclass
class PageArticle:
    """A run of blocks on one page: from a heading (its title) to the next, or the whole page."""

    title: str = ""
    blocks: list[OcrBlock] = field(default_factory=list)

    def paragraphs(self) -> list[str]:
        """The reading text: one paragraph per block, those a column break cut joined again."""
        texts: list[str] = []
        initial = ""
        for block in self.blocks:
            if block.heading or block.furniture:
                continue
            if block.initial:
                initial += block.text()
                continue
            texts.append(initial + block.text())
            initial = ""
        if initial:
            texts.append(initial)
        return prose.reflow(texts)

    def original(self) -> str:
        """The text as printed: one line per line, a blank line between blocks, heading first."""
        return "\n\n".join("\n".join(line.text for line in block.lines) for block in self.blocks)


class PageReader(Protocol):
    """Reads one file's pages (each format has one); raises CorruptArchive when it cannot.

    With ``words`` the lines keep their words' boxes (for the page view); loading reads text only.
    """

    def __call__(self, data: bytes, name: str, words: bool = False) -> list[OcrPage]:
        """The file's pages, in file order."""
        ...


def split_articles(page: OcrPage) -> list[PageArticle]:
    """The page's articles: one per heading block (the blocks before the first one, untitled).

    Headings in a row make one title; a page without headings is one article.
    """
    articles: list[PageArticle] = []
    for block in page.blocks:
        if not any(line.text.strip() for line in block.lines):
            continue
        if block.heading:
            if not articles or not all(b.heading for b in articles[-1].blocks):
                articles.append(PageArticle())
            article = articles[-1]
            article.title = f"{article.title} {block.text()}".strip()
        elif not articles:
            articles.append(PageArticle())
        articles[-1].blocks.append(block)
    return articles or [PageArticle()]


def join_words(words: list[str]) -> str:
    """A line's words: one space between them, none between CJK characters."""
    out: list[str] = []
    for word in words:
        word = word.strip()
        if not word:
            continue
        if out and not (prose.is_cjk(out[-1][-1]) and prose.is_cjk(word[0])):
            out.append(" ")
        out.append(word)
    return "".join(out)


def join_paragraph(lines: list[str]) -> str:
    """Lines as one paragraph: hyphenated words healed, CJK run on without spaces.

    A break mark (``¬``, a soft hyphen) always joins the halves; a printed hyphen (``-``,
    Fraktur's ``⸗``) after a letter is dropped before a lower-case letter and kept, without a
    space, before a capital (``General⸗`` + ``Synode``, ``Baden-`` + ``Baden``).
    """
    words: list[list[str]] = []  # each a run of lines glued into one word
    for raw in lines:
        line = " ".join(raw.split())
        if not line:
            continue
        if words:
            last = words[-1]
            before = last[-1]
            if before.endswith(_BREAK_MARKS):
                last[-1] = before[:-1]
                last.append(line)
                continue
            if before.endswith(_HYPHENS) and prose.ends_word(before[-2:-1]) and line[0].isalpha():
                if line[0].islower():
                    last[-1] = before[:-1]
                last.append(line)
                continue
        words.append([line])
    pieces = ["".join(run) for run in words]
    return prose.join_all(pieces) if pieces else ""


def is_tall(box: Box | None, text: str) -> bool:
    """Whether a line's box says it is set vertically (needs two characters to tell)."""
    if box is None or len(text.strip()) < 2:
        return False
    width, height = box[2] - box[0], box[3] - box[1]
    return height > _TALL * max(width, 1.0)


def in_reading_order(lines: list[OcrLine], right_to_left: bool = True) -> list[OcrLine]:
    """Lines as read: a block set vertically (most lines so) goes right to left by the boxes.

    Horizontal blocks keep the file's order, which every format writes in reading order.
    """
    boxed = [line for line in lines if line.box is not None]
    vertical = [line for line in lines if line.vertical]
    if not boxed or len(vertical) * 2 <= len(lines):
        return lines

    def right_edge(line: OcrLine) -> float:
        box = line.box
        if box is None:
            return 0.0
        return -box[2] if right_to_left else box[0]

    return sorted(lines, key=right_edge)


def in_column_order(blocks: list[OcrBlock]) -> list[OcrBlock]:
    """A page's blocks as read when the page is set in vertical columns; else as they are.

    Tiers top to bottom, then blocks right to left (:mod:`reader.formats.common.columns`):
    layout tools write a vertical page's blocks in any order. Used where the file gives no
    reading order of its own.
    """
    lines = [line for block in blocks for line in block.lines if line.text.strip()]
    if not mostly_vertical([line.vertical for line in lines]):
        return blocks
    boxed = [(block, block.bounds()) for block in blocks]
    placed = [(block, box) for block, box in boxed if box is not None]
    if len(placed) < 2:
        return blocks
    order = vertical_order(
        [box for _, box in placed],
        [mostly_vertical([line.vertical for line in block.lines]) for block, _ in placed],
    )
    # Blocks without a box (no coordinates in the file) keep their place at the end.
    return [placed[i][0] for i in order] + [block for block, box in boxed if box is None]


def union(boxes: list[Box]) -> Box | None:
    """The smallest box around all of ``boxes`` (None for none)."""
    if not boxes:
        return None
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def dimension(value: str) -> float:
    """A page's width or height as a file writes it: a positive number, else 0 (unknown)."""
    try:
        number = float(value)
    except ValueError:
        return 0.0
    return number if 0 < number < 1e7 else 0.0
