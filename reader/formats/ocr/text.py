"""One OCR page as its blocks and lines in reading order, and the reading text made from it.

Each importer turns its file into :class:`OcrPage` objects (one function per format walks a
page's blocks, lines and words in reading order); everything after that is shared: vertical
lines put right to left, line-end hyphens healed, lines joined, headings splitting articles.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.formats.common import prose

# (left, top, right, bottom) in the file's own units: kept for ordering vertical lines now,
# and for the page view later.
Box = tuple[float, float, float, float]

# Marks a line ends with when the word goes on in the next line and is one word: joined always.
_BREAK_MARKS = ("\u00ac", "\u00ad")
# Printed hyphens: the ASCII one, Fraktur's double hyphens, the real hyphen character.
_HYPHENS = ("-", "\u2e17", "\u2e40", "\u2010", "=")
# A line this much taller than wide is set vertically (CJK columns).
_TALL = 1.5


@dataclass
class OcrLine:
    """One printed line: its text as printed, its box, and whether it runs top to bottom."""

    text: str
    box: Box | None = None
    vertical: bool = False


@dataclass
class OcrBlock:
    """A paragraph or text region: its lines in reading order, and what the file says it is."""

    lines: list[OcrLine] = field(default_factory=list)
    heading: bool = False
    # A drop capital, printed before the next block's first line: joined to it without a space.
    initial: bool = False
    # Page furniture (catchword, signature mark): printed, but no part of the reading text.
    furniture: bool = False

    def text(self) -> str:
        """The block's lines as one paragraph (hyphens healed, CJK run on without spaces)."""
        return join_paragraph([line.text for line in self.lines])


@dataclass
class OcrPage:
    """One page: its printed or file number ("" when none) and its blocks in reading order."""

    number: str = ""
    blocks: list[OcrBlock] = field(default_factory=list)

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
            if before.endswith(_HYPHENS) and before[-2:-1].isalpha() and line[0].isalpha():
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
