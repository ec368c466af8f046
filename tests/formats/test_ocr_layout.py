"""OCR pages and word boxes (hOCR, PAGE-XML, ABBYY) on small hand-made files: a word found in
an article's text maps back to the box its file gives it."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.formats import load_archive, open_source
from reader.formats.common.columns import vertical_order
from reader.formats.registry import PAGE_SOURCES, page_source
from reader.library.wordmap import align, words_in
from reader.model import Archive, Article, Box, CorruptArchive, Issue, PageLayout
from tests.formats.ocr_files import abbyy_document, abbyy_page, hocr, page_xml, region


def load(folder: Path) -> Archive:
    return load_archive(open_source(folder))


def layouts(folder: Path) -> tuple[Issue, list[PageLayout]]:
    """The only issue in ``folder`` and the layout of each of its pages."""
    archive = load(folder)
    (issue,) = archive.issues
    reader = page_source(issue.format)
    assert reader is not None
    source = open_source(folder)
    return issue, [reader.read_layout(source, issue, page) for page in issue.pages]


def article_text(article: Article) -> str:
    """The article's text as built: its heading (the title), then its paragraphs."""
    head = [] if article.title_derived else [article.title]
    return "\n\n".join([*head, *article.paragraphs])


def boxes_of(layout: PageLayout, article: Article, needle: str) -> list[Box]:
    """The boxes of the words that ``needle`` (found in the article's text) was made from."""
    words = layout.article_words(article.id)
    text = article_text(article)
    spans = align(text, [w.text for w in words])
    start = text.index(needle)
    return [words[i].box for i in words_in(spans, start, start + len(needle))]


def test_the_three_formats_are_page_sources():
    assert set(PAGE_SOURCES) >= {"hocr", "page-xml", "abbyy"}


# --- hOCR -----------------------------------------------------------------------------------


def test_hocr_pages_words_and_the_halves_of_a_hyphenated_word(tmp_path):
    (tmp_path / "scans").mkdir()
    (tmp_path / "scans" / "news.hocr").write_text(hocr("Winter", "Trade"), encoding="utf-8")
    (tmp_path / "scans" / "p1.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    issue, (first, second) = layouts(tmp_path)
    pages = [(p.number, p.source, p.ref, p.image, p.width, p.height) for p in issue.pages]
    assert pages == [
        (1, "scans/news.hocr", "1", "scans/p1.png", 1000.0, 1400.0),
        # p2.png is not there: the name the file gives is still the one expected.
        (2, "scans/news.hocr", "2", "scans/p2.png", 1000.0, 1400.0),
    ]
    winter, trade = issue.articles
    assert (winter.pages, trade.pages) == ((1,), (2,))
    assert boxes_of(second, trade, "harbour") == [(210, 200, 400, 250)]
    assert boxes_of(second, trade, "Trade") == [(100, 100, 300, 150)]
    # "fro-" + "zen" became "frozen": the match covers both halves, on two lines.
    assert boxes_of(first, winter, "frozen") == [(610, 200, 900, 250), (100, 260, 300, 310)]
    assert {r.article for r in first.regions} == {winter.id}
    assert [w.article for w in second.words] == [trade.id] * 7


def test_a_layout_of_a_file_that_is_gone_is_refused(tmp_path):
    (tmp_path / "a.hocr").write_text(hocr("Winter"), encoding="utf-8")
    archive = load(tmp_path)
    (issue,) = archive.issues
    (tmp_path / "a.hocr").unlink()
    with pytest.raises(CorruptArchive):
        PAGE_SOURCES["hocr"].read_layout(open_source(tmp_path), issue, issue.pages[0])


# --- PAGE-XML -------------------------------------------------------------------------------


def _word(text: str, left: int, top: int, right: int, bottom: int) -> str:
    points = f"{left},{top} {right},{top} {right},{bottom} {left},{bottom}"
    equiv = f"<TextEquiv><Unicode>{text}</Unicode></TextEquiv>"
    return f"<Word id='w{left}_{top}'><Coords points='{points}'/>{equiv}</Word>"


def _line(text: str, box: str, words: str = "") -> str:
    equiv = f"<TextEquiv><Unicode>{text}</Unicode></TextEquiv>" if text else ""
    return f"<TextLine id='l{box[:3]}'><Coords points='{box}'/>{words}{equiv}</TextLine>"


def test_page_word_polygons_and_an_image_named_from_the_workspace_root(tmp_path):
    # OCR-D: the page in OCR-D-GT-PAGE/, its image named from the folder above.
    lines = (
        _line(
            "Was ist Aufklä-",
            "100,100 500,100 500,140 100,140",
            _word("Was", 100, 100, 160, 140)
            + _word("ist", 170, 100, 210, 140)
            # A polygon, not a rectangle: its bounding box is the word's box.
            + "<Word id='wx'><Coords points='220,104 380,100 390,138 225,140'/>"
            "<TextEquiv><Unicode>Aufklä-</Unicode></TextEquiv></Word>",
        )
        + _line("rung?", "100,150 300,150 300,190 100,190", _word("rung?", 100, 150, 190, 190))
    )
    text = page_xml(region("r1", lines)).replace(
        'imageFilename="p.png"', 'imageFilename="OCR-D-IMG/0017.tif"'
    )
    (tmp_path / "OCR-D-GT-PAGE").mkdir()
    (tmp_path / "OCR-D-IMG").mkdir()
    (tmp_path / "OCR-D-GT-PAGE" / "0017.xml").write_text(text, encoding="utf-8")
    (tmp_path / "OCR-D-IMG" / "0017.tif").write_bytes(b"II*\x00")
    issue, (layout,) = layouts(tmp_path)
    (page,) = issue.pages
    assert (page.image, page.width, page.height, page.unit) == (
        "OCR-D-IMG/0017.tif",
        1000,
        1400,
        "pixel",
    )
    (article,) = issue.articles
    assert article.paragraphs == ("Was ist Aufklärung?",)
    assert boxes_of(layout, article, "ist") == [(170, 100, 210, 140)]
    assert boxes_of(layout, article, "Aufklärung") == [(220, 100, 390, 140), (100, 150, 190, 190)]
    assert [(r.id, r.article) for r in layout.regions] == [("r1", article.id)]


def test_page_at_line_level_only_lays_the_words_along_the_line(tmp_path):
    lines = _line("Die Einfuhr betrug fünf", "0,0 230,0 230,20 0,20") + _line(
        "Millionen.", "0,30 100,30 100,50 0,50"
    )
    (tmp_path / "p.xml").write_text(page_xml(region("r1", lines)), encoding="utf-8")
    issue, (layout,) = layouts(tmp_path)
    (article,) = issue.articles
    # The line's 230 pixels shared by printed width (thousandths of an em): "Die " 1444 + 250,
    # "Einfuhr" 3111 (a wide E, a narrow i, f and r), of the line's 9637.
    ((left, top, right, bottom),) = boxes_of(layout, article, "Einfuhr")
    assert left == pytest.approx(230 * 1694 / 9637) and right == pytest.approx(230 * 4805 / 9637)
    assert (top, bottom) == (0, 20)
    assert boxes_of(layout, article, "Millionen") == [(0, 30, 100, 50)]
    assert [w.text for w in layout.article_words(article.id)] == [
        "Die", "Einfuhr", "betrug", "fünf", "Millionen."
    ]  # fmt: skip


# --- ABBYY ----------------------------------------------------------------------------------


@pytest.mark.parametrize("wrap", [lambda page: page, abbyy_document], ids=["bare", "document"])
def test_abbyy_characters_grouped_into_words_with_and_without_the_root(tmp_path, wrap):
    page = abbyy_page(("The harbour was fro-", "zen solid."), ("Next.",))
    (tmp_path / "gazette_1900-01-06_page_1.xml").write_text(wrap(page), encoding="utf-8")
    (tmp_path / "gazette_1900-01-06_page_1.jpg").write_bytes(b"\xff\xd8\xff")
    issue, (layout,) = layouts(tmp_path)
    (page_one,) = issue.pages
    assert (page_one.image, page_one.width, page_one.height) == (
        "gazette_1900-01-06_page_1.jpg", 1000, 1400
    )  # fmt: skip
    (article,) = issue.articles
    # Characters 10 pixels apart, 9 wide; lines 50 pixels apart, 40 high.
    assert boxes_of(layout, article, "harbour") == [(40, 100, 109, 140)]
    assert boxes_of(layout, article, "frozen") == [(160, 100, 199, 140), (0, 150, 29, 190)]
    assert len(layout.regions) == 2  # one per paragraph


def test_an_abbyy_page_beside_its_issue_pdf_is_that_pdfs_page(tmp_path):
    for number in (1, 2):
        (tmp_path / f"FAL_1762_12_07_0001_page_{number}.xml").write_text(
            abbyy_page((f"Page {number} text.",)), encoding="utf-8"
        )
    (tmp_path / "FAL_1762_12_07.pdf").write_bytes(b"%PDF-1.4\n")
    archive = load(tmp_path)
    (issue,) = archive.issues
    assert [(p.image, p.image_index) for p in issue.pages] == [
        ("FAL_1762_12_07.pdf", 0),
        ("FAL_1762_12_07.pdf", 1),
    ]


def test_a_bcul_ticket_gives_the_date_title_and_language(tmp_path):
    (tmp_path / "46165").mkdir()
    (tmp_path / "46165" / "page_1.xml").write_text(abbyy_page(("Texte.",)), encoding="utf-8")
    (tmp_path / "46165" / "x_mit.xml").write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<ticket type="Abbyy"><meta>'
        "<date><![CDATA[17621207]]></date><publication><![CDATA[24 Heures]]></publication>"
        "<title><![CDATA[Annonces et avis divers]]></title><language><![CDATA[fr]]></language>"
        "</meta></ticket>",
        encoding="utf-8",
    )
    (tmp_path / "broken_mit.xml").write_text('<ticket type="Abbyy"><meta>', encoding="utf-8")
    archive = load(tmp_path)
    (issue,) = archive.issues
    assert (issue.date.isoformat() if issue.date else None) == "1762-12-07"
    assert (issue.masthead, issue.articles[0].language) == ("Annonces et avis divers", "fr")
    # A ticket is no page and no problem; one that cannot be read is.
    assert [p.source for p in archive.problems] == ["broken_mit.xml"]


# --- vertical text --------------------------------------------------------------------------


def _vertical_block(block_id: str, left: int, top: int, columns: list[str]) -> str:
    """An hOCR paragraph of vertical columns (right to left), each character a word."""
    lines = []
    for n, column in enumerate(columns):
        right = left + 100 * len(columns) - 100 * n
        chars = "".join(
            f"<span class='ocrx_word' title='bbox {right - 50} {top + 50 * i} {right} {top + 50 * i + 50}'>{c}</span>"
            for i, c in enumerate(column)
        )
        bbox = f"{right - 50} {top} {right} {top + 50 * len(column)}"
        lines.append(f"<span class='ocr_line' title='bbox {bbox}; textangle 90'>{chars}</span>")
    return f"<p class='ocr_par' id='{block_id}'>{''.join(lines)}</p>"


def test_a_vertical_page_reads_tiers_down_and_blocks_right_to_left(tmp_path):
    # Two tiers of two blocks each, written in the file in a scrambled order.
    upper_right = _vertical_block("a", 600, 0, ["明日は", "休日で"])
    upper_left = _vertical_block("b", 100, 0, ["ある。", "天気は"])
    lower_right = _vertical_block("c", 600, 400, ["晴れの", "予報で"])
    lower_left = _vertical_block("d", 100, 400, ["ある。", "以上。"])
    body = lower_left + upper_left + lower_right + upper_right
    (tmp_path / "p.hocr").write_text(
        "<html><body><div class='ocr_page' title='bbox 0 0 900 600'>"
        f"<div class='ocr_carea'>{body}</div></div></body></html>",
        encoding="utf-8",
    )
    issue, (layout,) = layouts(tmp_path)
    (article,) = issue.articles
    assert "".join(article.paragraphs) == "明日は休日である。天気は晴れの予報である。以上。"
    assert [r.id for r in layout.regions] == ["a", "b", "c", "d"]
    assert boxes_of(layout, article, "天気")[0] == (150, 0, 200, 50)


def test_a_vertical_page_xml_without_reading_order_reads_right_to_left(tmp_path):
    def column(text: str, right: int) -> str:
        return _line(text, f"{right - 40},0 {right},0 {right},300 {right - 40},300")

    def text_region(region_id: str, left: int, right: int, lines: str) -> str:
        points = f"{left},0 {right},0 {right},300 {left},300"
        return f"<TextRegion id='{region_id}'><Coords points='{points}'/>{lines}</TextRegion>"

    regions = text_region("left", 60, 100, column("以上。", 100)) + text_region(
        "right", 300, 400, column("明日は", 400) + column("休日。", 340)
    )
    (tmp_path / "p.xml").write_text(page_xml(regions), encoding="utf-8")
    issue, (layout,) = layouts(tmp_path)
    (article,) = issue.articles
    assert "".join(article.paragraphs) == "明日は休日。以上。"
    # Line level: each character laid along its column, top to bottom.
    assert boxes_of(layout, article, "日")[0] == (360, 100, 400, 200)


def test_column_order_puts_a_running_head_first_and_columns_right_to_left():
    boxes = [
        (0, 100, 40, 400),  # leftmost column of the upper tier
        (0, 0, 600, 40),  # a running head across the page, set horizontally
        (500, 500, 540, 800),  # lower tier, right
        (500, 100, 540, 400),  # upper tier, right
        (250, 100, 290, 400),  # upper tier, middle
        (0, 500, 40, 800),  # lower tier, left
    ]
    vertical = [True, False, True, True, True, True]
    assert vertical_order(boxes, vertical) == [1, 3, 4, 0, 2, 5]
    # Only a gap this wide parts two groups: then nothing parts, and the columns are read
    # right to left, each from the top (the tiers no longer apart).
    assert vertical_order(boxes[2:], vertical[2:], gap=300) == [1, 0, 2, 3]
