"""The public PDF samples in ../shared (skipped when absent): vertical Japanese, PDFs beside OCR."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pypdfium2 as pdfium
import pytest

from reader.formats import load_archive, open_source, read_original
from reader.formats.registry import page_source
from reader.library.wordmap import align, words_in
from tests.conftest import shared_path
from tests.formats.pdf_files import ink

GAZETTE = "samples/pdfminer-kampo-official-gazette-ja"
NORDSTERN = "samples/open-oni-mnhi-nordstern-1878-01-03"
IMPRESSO = "samples/impresso-bcul-abbyy-fal-1762-12-07"


def _printed(folder: str, name: str) -> list[str]:
    source = open_source(shared_path(folder))
    archive = load_archive(source)
    issue = next(i for i in archive.issues if i.source.endswith(name))
    return read_original(source, issue, issue.articles[0]).splitlines()


def test_the_vertical_poem_reads_column_by_column_right_to_left():
    lines = _printed(GAZETTE, "jo.pdf")
    # The preface's heading, then its first columns as printed from the right edge.
    assert lines[:3] == ["序", "わたくしといふ現象は", "假定された有機交流電燈の"]
    assert lines[-1] == "宮澤賢治"


def test_the_gazette_reads_its_upper_tier_right_to_left_before_the_lower_tier():
    lines = _printed(GAZETTE, "kampo.pdf")
    # The running head first, then the ordinance's number, its title and the cabinet's text.
    start = lines.index("政令第百四十九号")
    assert lines[start + 1] == "道路交通法施行令の一部を改正する政令"
    assert lines[start + 2].startswith("内閣は、")
    assert lines.index("政令第百四十九号") < 8
    # The last column of the upper tier comes before the first of the lower tier.
    upper_last = next(
        i for i, ln in enumerate(lines) if ln.startswith("第十三条第一項中第一号の五")
    )
    lower_first = next(i for i, ln in enumerate(lines) if ln.startswith("一の五"))
    assert upper_last + 1 == lower_first


def test_the_gazette_text_has_no_spaces_between_japanese_characters():
    source = open_source(shared_path(GAZETTE))
    archive = load_archive(source)
    (article,) = next(i for i in archive.issues if i.source.endswith("kampo.pdf")).articles
    body = "".join(article.paragraphs[1:])
    assert "政令第百四十九号道路交通法施行令" in body
    assert "並びに道路交通法" in body  # a line break inside a word: joined without a space


def test_the_gazettes_renamed_digits_are_unreadable_not_wrong():
    """Its date's digits are in a subset whose /Differences names them trademark, emdash, oe…"""
    (issue,) = [
        i
        for i in load_archive(open_source(shared_path(GAZETTE))).issues
        if i.source.endswith("kampo.pdf")
    ]
    head = issue.articles[0].paragraphs[0]
    assert head.startswith("平成 \ufffd\ufffd 年 \ufffd 月 \ufffd\ufffd 日")
    assert not any(ch in head for ch in "™—›œŸ˜\x01")
    assert issue.date is None
    (note,) = issue.problems
    assert note.code == "pdf_unmapped_glyphs"
    assert note.reason.startswith("page 1: 10 characters in the font DFHSMincho-W3G014 have")


def test_nordsterns_page_pdfs_are_pages_of_the_mets_issue_not_a_second_copy():
    archive = load_archive(open_source(shared_path(NORDSTERN)))
    (issue,) = archive.issues
    assert issue.format == "ndnp" and issue.date == dt.date(1878, 1, 3)
    pdfs = sorted(
        d.source.rsplit("/", 1)[-1] for d in archive.duplicates if d.source.endswith(".pdf")
    )
    assert pdfs == ["0011.pdf", "0012.pdf", "0013.pdf", "0014.pdf"]
    assert archive.all_problems == ()


def test_the_impresso_issue_pdf_is_read_once():
    archive = load_archive(open_source(shared_path(IMPRESSO)))
    issues = [i for i in archive.issues if i.date == dt.date(1762, 12, 7)]
    # Read from the PDF (4 pages), or, where an ABBYY importer reads the pages, beside them.
    assert len(issues) == 1
    pdf = "FAL_1762_12_07.pdf"
    if issues[0].format == "pdf":
        assert [a.page for a in issues[0].articles] == ["1", "2", "3", "4"]
        assert all(a.has_text for a in issues[0].articles)
    else:
        assert any(d.source.endswith(pdf) for d in archive.duplicates)


# --- the gazette against its printed page (phrases read off the rendered page, in order) -----


def _in_order(text: str, phrases: list[str]) -> list[int]:
    return [text.index(phrase) for phrase in phrases]


def _gazette(name: str):
    source = open_source(shared_path(GAZETTE))
    issue = next(i for i in load_archive(source).issues if i.source.endswith(name))
    return source, issue


def test_the_gazettes_text_reads_as_printed_upper_tier_then_lower_items_in_order():
    _, issue = _gazette("kampo.pdf")
    text = issue.articles[0].text
    # Upper tier from the right edge, then the lower tier from the right edge; each item's
    # number (一, 二: set apart at the column's head) comes before its text.
    found = _in_order(
        text,
        [
            "政令第百四十九号",
            "道路交通法施行令の一部を改正する政令",
            "内閣は、道路交通法の一部を改正する法律（平成十九年法律第九十号）",
            "第三号を第四号とし、同号の次に次の一号を加える。",
            "一の五医療機関が、傷病者の緊急搬送をしようとする都道府県",
            "第十七条の二を次のように改める。",
            "（委託することのできない事務）",
            "一法第五十一条第五項の規定による車両の移動の決定",
            "二法第五十一条第六項",
            "一児童及び幼児",
            "二七十歳以上の者",
        ],
    )
    assert found == sorted(found)


def test_the_poems_text_reads_as_printed_tier_by_tier():
    _, issue = _gazette("jo.pdf")
    text = issue.articles[0].text
    found = _in_order(
        text,
        [
            "わたくしといふ現象は假定された有機交流電燈の",
            "（ひかりはたもち、その電燈は失はれ）",
            "これらは二十二箇月の",
            "けれどもこれら新世代沖積世の",
            "宮澤賢治",
        ],
    )
    assert found == sorted(found)


def test_a_phrase_of_the_gazette_maps_to_boxes_down_its_column_at_the_top_right():
    source, issue = _gazette("kampo.pdf")
    (article,) = issue.articles
    page = issue.pages[0]
    assert (page.width, page.height, page.unit, page.image_index) == (595, 842, "pt", 0)
    reader = page_source(issue.format)
    assert reader is not None
    layout = reader.read_layout(source, issue, page)
    words = layout.article_words(article.id)
    wide = [w for w in words if unicodedata.east_asian_width(w.text[0]) in "WF"]
    assert len(wide) > 2000 and all(len(w.text) == 1 for w in wide)  # one box a character
    spans = align(article.text, [w.text for w in words])
    assert sum(s is not None for s in spans) > 0.98 * len(spans)
    start = article.text.index("道路交通法施行令の一部")
    hit = [words[i] for i in words_in(spans, start, start + len("道路交通法施行令の一部"))]
    assert "".join(w.text for w in hit) == "道路交通法施行令の一部"
    # Printed as the second column from the right, below the page's head: y grows down it.
    assert all(525 < w.box[0] < w.box[2] < 545 and 80 < w.box[1] < 250 for w in hit)
    assert [w.box[1] for w in hit] == sorted(w.box[1] for w in hit)


def test_the_poems_word_boxes_sit_on_its_glyphs_as_rendered():
    # jo.pdf's landscape MediaBox is its page tree's, not its page's: the words were placed
    # on a Letter page, 180 pt below their glyphs.
    source, issue = _gazette("jo.pdf")
    page = issue.pages[0]
    assert (page.width, page.height) == (792, 612)
    reader = page_source(issue.format)
    assert reader is not None
    layout = reader.read_layout(source, issue, page)
    document = pdfium.PdfDocument(shared_path(GAZETTE) / page.source)
    image = document[0].render(scale=2).to_numpy()
    document.close()
    for word in layout.words:
        left, top, right, bottom = (round(v * 2) for v in word.box)
        assert image[top:bottom, left:right].min() < 100, word.text
    union = tuple(
        f(b[i] for b in (w.box for w in layout.words)) * 2
        for i, f in enumerate((min, min, max, max))
    )
    assert ink(image) == pytest.approx(union, abs=3)
    # The first column's 現象 at the top right, under the heading 序.
    (article,) = issue.articles
    spans = align(article.text, [w.text for w in layout.article_words(article.id)])
    start = article.text.index("現象")
    hit = [layout.article_words(article.id)[i] for i in words_in(spans, start, start + 2)]
    assert [w.text for w in hit] == ["現", "象"]
    assert all(w.box[0] > 650 and w.box[3] < 150 for w in hit)
