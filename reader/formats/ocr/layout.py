"""One OCR page's words and regions for the page view, read again from its file on demand.

The page is read with its words' boxes and cut into articles exactly as loading cut it
(:func:`split_articles`), so each article's words come in the order its text was built from
them: its heading's words (the title), then its blocks', line by line. A line the file gives
no word boxes for (PAGE-XML or hOCR at line level) has its words laid out along the line's
box, each as wide as its share of the line's printed width (:mod:`advances`: a narrow i, a
wide m; CJK characters one by one, each a full em).
"""

from __future__ import annotations

from reader.formats.common import prose
from reader.formats.common.source import Source
from reader.formats.ocr import compressed
from reader.formats.ocr.advances import advance, width
from reader.formats.ocr.text import OcrLine, OcrPage, OcrWord, PageReader, split_articles
from reader.model import CorruptArchive, Issue, Page, PageLayout, Reason, Region, Word


def read_layout(source: Source, issue: Issue, page: Page, read: PageReader) -> PageLayout:
    """The layout of one of ``issue.pages``, from its file read again with word boxes.

    Raises:
        CorruptArchive: The file is gone, unreadable, or no longer has the page.
    """
    data = compressed.read_bytes(source, page.source)
    pages = read(data, page.source, words=True)
    index = int(page.ref) - 1 if page.ref.isdigit() else -1
    if not 0 <= index < len(pages):
        raise CorruptArchive(page.source, Reason.of("article_gone"))
    return page_layout(page, pages[index], article_ids(issue, page))


def article_ids(issue: Issue, page: Page) -> dict[int, str]:
    """The loader's ids of the articles on a page, by their number on it (``ref`` "page/n")."""
    found: dict[int, str] = {}
    for article in issue.articles:
        page_ref, _, number = article.ref.partition("/")
        if article.source == page.source and page_ref == page.ref and number.isdigit():
            found[int(number)] = article.id
    return found


def page_layout(page: Page, ocr: OcrPage, ids: dict[int, str]) -> PageLayout:
    """The words and regions of a page read with words, given its articles' ids by number."""
    words: list[Word] = []
    regions: list[Region] = []
    articles: list[tuple[str, tuple[int, ...]]] = []
    for number, part in enumerate(split_articles(ocr), start=1):
        article = ids.get(number, "")
        order: list[int] = []
        for block in part.blocks:
            # Furniture (a catchword) is printed but no part of any article's text.
            owner = "" if block.furniture else article
            region = block.id or f"block-{len(regions) + 1}"
            box = block.bounds()
            if box is not None:
                regions.append(Region(region, box, owner))
            for line in block.lines:
                for word in line_words(line):
                    if owner:
                        order.append(len(words))
                    words.append(Word(word.text, word.box, region, owner))
        if article:
            articles.append((article, tuple(order)))
    return PageLayout(page, tuple(words), tuple(regions), tuple(articles))


def line_words(line: OcrLine) -> list[OcrWord]:
    """A line's words with boxes: the file's, else its text laid out along its box by width."""
    if line.words or line.box is None:
        return line.words
    tokens: list[tuple[str, bool]] = []  # (text, a space follows)
    for token in line.text.split():
        if all(prose.is_cjk(ch) for ch in token):
            tokens += [(ch, False) for ch in token]
            tokens[-1] = (tokens[-1][0], True)
        else:
            tokens.append((token, True))
    if not tokens:
        return []
    gap = advance(" ")
    total = sum(width(text) + gap * int(space) for text, space in tokens) - gap * int(tokens[-1][1])
    total = max(total, 1)  # only combining marks: no width to share
    left, top, right, bottom = line.box
    start, length = (top, bottom - top) if line.vertical else (left, right - left)
    found: list[OcrWord] = []
    cursor = 0
    for text, space in tokens:
        a = start + length * cursor / total
        b = start + length * (cursor + width(text)) / total
        box = (left, a, right, b) if line.vertical else (a, top, b, bottom)
        found.append(OcrWord(text, box))
        cursor += width(text) + gap * int(space)
    return found
