"""OCR pages and word boxes on the public samples in ../shared (skipped when absent): a word
found in an article's text maps to the box the sample file gives it."""

from __future__ import annotations

import bz2
from pathlib import Path

from lxml import etree

from reader.formats import load_archive, open_source
from reader.formats.registry import page_source
from reader.library.wordmap import align, words_in
from reader.model import Archive, Article, Box, Issue, PageLayout
from tests.conftest import shared_path

ABBYY = "samples/impresso-bcul-abbyy-fal-1762-12-07"
BCUL = "text_preparation/data/sample_data/BCUL/46165"
HOCR = "samples/hocr-tools-alice-tesseract"
PAGE = "samples/reichsanzeiger-gt-page-xml"


def load(root: Path) -> tuple[Archive, Issue]:
    archive = load_archive(open_source(root))
    (issue,) = archive.issues
    return archive, issue


def layout_of(root: Path, issue: Issue, number: int) -> PageLayout:
    reader = page_source(issue.format)
    assert reader is not None
    page = issue.page(number)
    assert page is not None
    return reader.read_layout(open_source(root), issue, page)


def boxes_of(layout: PageLayout, article: Article, needle: str, nth: int = 0) -> list[Box]:
    words = layout.article_words(article.id)
    text = "\n\n".join([*([] if article.title_derived else [article.title]), *article.paragraphs])
    spans = align(text, [w.text for w in words])
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return [words[i].box for i in words_in(spans, start, start + len(needle))]


def test_tesseract_hocr_of_alice_word_boxes_and_its_png():
    root = shared_path(HOCR)
    _, issue = load(root)
    tesseract = issue.page(2)
    assert tesseract is not None
    assert tesseract.source == "test/testdata/tess.hocr"
    assert (tesseract.image, tesseract.width, tesseract.height) == (
        "test/testdata/alice_1.png",
        2488,
        3507,
    )
    assert (root / tesseract.image).is_file()
    article = next(a for a in issue.articles if a.pages == (2,))
    layout = layout_of(root, issue, 2)
    # tess.hocr: <span class='ocrx_word' title='bbox 462 1011 699 1058; …'>daisy-chain</span>
    assert boxes_of(layout, article, "daisy-chain") == [(462, 1011, 699, 1058)]


def test_bcul_abbyy_pages_are_the_issue_pdfs_pages_and_boxes_are_the_characters():
    root = shared_path(ABBYY)
    archive, issue = load(root)
    assert [
        (p.image.rsplit("/", 1)[-1], p.image_index, p.width, p.height) for p in issue.pages
    ] == [
        ("FAL_1762_12_07.pdf", 0, 1854, 2383),
        ("FAL_1762_12_07.pdf", 1, 1854, 2383),
        ("FAL_1762_12_07.pdf", 2, 1798, 2385),
        ("FAL_1762_12_07.pdf", 3, 1798, 2392),
    ]
    # The ticket: its title is the issue's masthead, and it is no problem (nor is the LICENSE).
    assert issue.masthead == "Annonces et avis divers"
    assert archive.problems == ()
    layout = layout_of(root, issue, 2)
    (article,) = [a for a in issue.articles if a.pages == (2,)]
    expected = _abbyy_word_box(root / BCUL / "FAL_1762_12_07_0001_page_2.xml.bz2", "ANNONCES")
    assert boxes_of(layout, article, "ANNONCES") == [expected]


def _abbyy_word_box(path: Path, word: str) -> Box:
    """The box around the characters of the first line that spells ``word``, from the file."""
    root = etree.fromstring(bz2.decompress(path.read_bytes()))
    for line in root.iter("line"):
        chars = list(line.iter("charParams"))
        text = "".join(c.text or "" for c in chars)
        at = text.find(word)
        if at >= 0:
            boxes = [[float(c.get(k, "")) for k in "ltrb"] for c in chars[at : at + len(word)]]
            return (
                min(b[0] for b in boxes),
                min(b[1] for b in boxes),
                max(b[2] for b in boxes),
                max(b[3] for b in boxes),
            )
    raise AssertionError(word)


def test_transkribus_line_level_words_lie_inside_their_lines():
    root = shared_path(PAGE)
    _, issue = load(root)
    (page,) = issue.pages
    assert (page.image, page.width, page.height) == (
        "data/reichsanzeiger-1820-1939/GT-PAGE/1879_247_0279.jpg",
        10256,
        7232,
    )
    layout = layout_of(root, issue, 1)
    article = next(a for a in issue.articles if a.title == "Gewerbe und Handel.")
    (box,) = boxes_of(layout, article, "Generalverſammlung")
    line = _line_box(root / page.source, "Generalverſammlung")
    assert line[0] <= box[0] < box[2] <= line[2] and (box[1], box[3]) == (line[1], line[3])
    # The word sits along the line where its characters do: not at either end of a long line.
    assert box[2] - box[0] < (line[2] - line[0]) / 2


def _line_box(path: Path, word: str) -> Box:
    root = etree.parse(str(path)).getroot()
    for line in root.iter("{*}TextLine"):
        unicode = line.find("{*}TextEquiv/{*}Unicode")
        if unicode is not None and word in (unicode.text or ""):
            coords = line.find("{*}Coords")
            assert coords is not None
            points = [p.split(",") for p in coords.get("points", "").split()]
            xs, ys = [float(x) for x, _ in points], [float(y) for _, y in points]
            return (min(xs), min(ys), max(xs), max(ys))
    raise AssertionError(word)


def test_line_level_hocr_words_land_on_the_words_tesseract_boxed():
    """ocropy's sample.html boxes only lines; Tesseract's tess.hocr boxes the words of the same
    scan. Spread by character count, the words laid out along the lines were 19 px off at
    each edge on average, and a search for "rabbit" marked "e Rabb", "Rabb", "bit actu";
    spread by printed widths, they are 6 px off and each Rabbit is on its word."""
    root = shared_path(HOCR)
    _, issue = load(root)
    estimated, boxed = layout_of(root, issue, 1).words, layout_of(root, issue, 2).words
    assert issue.page(1).source.endswith("sample.html") and len(boxed) == 503
    errors = []
    for word in boxed:
        middle = (word.box[1] + word.box[3]) / 2
        same = [
            w
            for w in estimated
            if w.text == word.text and w.box[1] <= middle <= w.box[3]
            if abs(w.box[0] - word.box[0]) < 200
        ]
        if len(same) == 1:
            (found,) = same
            errors.append((abs(found.box[0] - word.box[0]) + abs(found.box[2] - word.box[2])) / 2)
            if "Rabbit" in word.text:
                overlap = min(found.box[2], word.box[2]) - max(found.box[0], word.box[0])
                assert overlap >= 0.8 * (word.box[2] - word.box[0]), (found, word)
    assert len(errors) > 400
    assert sum(errors) / len(errors) < 9
