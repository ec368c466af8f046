"""PDF pages in the page view: the issue's pages at load, and words whose boxes sit on the render."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from reader.formats import load_archive, open_source
from reader.formats.registry import page_source
from reader.library.wordmap import align, words_in
from reader.model import Issue, PageLayout
from tests.formats.pdf_files import HEIGHT, WIDTH, ink, write_pdf

LINES = ["The ferry left at", "noon with a long sen-", "tence."]


def _issue(folder: Path) -> Issue:
    (issue,) = load_archive(open_source(folder)).issues
    return issue


def _layout(folder: Path, issue: Issue, number: int) -> PageLayout:
    reader = page_source(issue.format)
    assert reader is not None
    page = issue.page(number)
    assert page is not None
    return reader.read_layout(open_source(folder), issue, page)


def _hit(text: str, layout: PageLayout, article: str, phrase: str) -> list[int]:
    """The indexes into ``layout.words`` of the words a match of ``phrase`` touches."""
    words = layout.article_words(article)
    spans = align(text, [w.text for w in words])
    start = text.index(phrase)
    found = words_in(spans, start, start + len(phrase))
    indexes = dict(layout.articles)[article]
    return [indexes[i] for i in found]


def test_the_issue_lists_its_pdf_pages_with_size_in_points_and_the_scan_without_text(tmp_path):
    write_pdf(tmp_path / "2022-09-19.pdf", [LINES, []])
    issue = _issue(tmp_path)
    first, scan = issue.pages
    assert (first.number, first.label, first.source, first.ref) == (1, "1", "2022-09-19.pdf", "0")
    assert (first.image, first.image_index, first.unit) == ("2022-09-19.pdf", 0, "pt")
    assert (first.width, first.height, first.has_text) == (WIDTH, HEIGHT, True)
    assert (scan.number, scan.ref, scan.image, scan.image_index) == (2, "1", "2022-09-19.pdf", 1)
    assert not scan.has_text and scan.width == WIDTH
    assert [a.pages for a in issue.articles] == [(1,), (2,)]
    # A scan has no words to draw, but it is a page to show.
    layout = _layout(tmp_path, issue, 2)
    assert layout.words == () and layout.articles == () and layout.page == scan


def test_a_word_found_in_the_text_has_the_pdfs_character_boxes_in_points_y_down(tmp_path):
    write_pdf(tmp_path / "2022-09-19.pdf", [LINES])
    issue = _issue(tmp_path)
    (article,) = issue.articles
    layout = _layout(tmp_path, issue, 1)
    (ferry,) = _hit(article.text, layout, article.id, "ferry")
    assert layout.words[ferry].text == "ferry" and layout.words[ferry].article == article.id
    # The same characters' boxes as pdfium gives them, turned to y down by hand.
    document = pdfium.PdfDocument(tmp_path / "2022-09-19.pdf")
    textpage = document[0].get_textpage()
    first = textpage.get_text_range().index("ferry")
    boxes = [textpage.get_charbox(first + n) for n in range(5)]
    expected = (
        min(b[0] for b in boxes),
        HEIGHT - max(b[3] for b in boxes),
        max(b[2] for b in boxes),
        HEIGHT - min(b[1] for b in boxes),
    )
    assert layout.words[ferry].box == pytest.approx(expected)
    left, top, _, bottom = expected
    assert 50 <= left < 90 and 45 < top < 60 < bottom < 65  # set 60 pt below the top
    document.close()


def test_a_hyphenated_word_maps_to_both_halves_on_their_lines(tmp_path):
    write_pdf(tmp_path / "2022-09-19.pdf", [LINES])
    issue = _issue(tmp_path)
    (article,) = issue.articles
    layout = _layout(tmp_path, issue, 1)
    halves = [layout.words[i] for i in _hit(article.text, layout, article.id, "sentence")]
    assert [w.text for w in halves] == ["sen-", "tence."]
    assert halves[1].box[1] > halves[0].box[3]  # the second half is on the line below
    (region,) = layout.regions
    assert all(w.region == region.id for w in layout.words)
    assert region.box[0] <= halves[0].box[0] and region.box[3] >= halves[1].box[3]


@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
def test_boxes_on_a_rotated_page_sit_on_the_text_as_rendered(tmp_path, rotation):
    path = tmp_path / "2022-09-19.pdf"
    write_pdf(path, [LINES])
    document = pdfium.PdfDocument(path)
    document[0].set_rotation(rotation)
    document.save(tmp_path / "turned.pdf")
    document.close()
    path.unlink()
    (tmp_path / "turned.pdf").rename(path)
    issue = _issue(tmp_path)
    page = issue.pages[0]
    turned = rotation in (90, 270)
    assert (page.width, page.height) == ((HEIGHT, WIDTH) if turned else (WIDTH, HEIGHT))
    layout = _layout(tmp_path, issue, 1)
    # pdfium takes a turned page's lines in the order they stand on screen; the text keeps
    # the order they were written in.
    assert issue.articles[0].text == "The ferry left at noon with a long sentence."
    assert [w.text for w in layout.words] == " ".join(LINES).split()
    # Render at 2 px a point: every word's box holds ink, and the words together cover it all.
    document = pdfium.PdfDocument(path)
    image = document[0].render(scale=2).to_numpy()
    document.close()
    assert image.shape[:2] == (round(page.height * 2), round(page.width * 2))
    for word in layout.words:
        left, top, right, bottom = (round(v * 2) for v in word.box)
        assert image[top:bottom, left:right].min() < 100, word.text
    boxes = [w.box for w in layout.words]
    union = (
        min(b[0] for b in boxes) * 2,
        min(b[1] for b in boxes) * 2,
        max(b[2] for b in boxes) * 2,
        max(b[3] for b in boxes) * 2,
    )
    assert ink(image) == pytest.approx(union, abs=3)


def test_a_page_gone_from_its_pdf_is_a_corrupt_archive(tmp_path):
    from reader.model import CorruptArchive, Page

    write_pdf(tmp_path / "2022-09-19.pdf", [LINES])
    issue = _issue(tmp_path)
    reader = page_source("pdf")
    assert reader is not None
    with pytest.raises(CorruptArchive):
        reader.read_layout(open_source(tmp_path), issue, Page(9, source="2022-09-19.pdf", ref="8"))
    (tmp_path / "2022-09-19.pdf").unlink()
    with pytest.raises(CorruptArchive):
        reader.read_layout(open_source(tmp_path), issue, issue.pages[0])
