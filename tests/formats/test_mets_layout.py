"""Page layouts of METS/ALTO, NDNP and DIDL issues: words and blocks with their boxes, by article.

A word found in an article's text (through :func:`reader.library.wordmap.align`) must map to
the box its ALTO ``String`` gives, scaled to the scan's pixels in every ALTO unit.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pypdfium2
import pytest
from lxml import etree

from reader.formats import load_archive, open_source
from reader.formats.common.source import Source
from reader.formats.registry import PAGE_SOURCES, page_source
from reader.library.wordmap import align, words_in
from reader.model import CorruptArchive, Issue, Page, PageLayout, Word
from tests.conftest import shared_path
from tests.formats.alto_pages import HYP, alto, article, mets, write
from tests.formats.test_mets_pages import NORDSTERN

HARBOUR = [("W1", "Harbour", 100, 200, 300, 50, ""), ("W2", "works", 420, 200, 250, 50, "")]


def _open(folder: Path) -> tuple[Source, Issue]:
    source = open_source(folder)
    (issue,) = load_archive(source).issues
    return source, issue


def _layout(folder: Path, number: int = 1) -> tuple[Issue, PageLayout]:
    source, issue = _open(folder)
    reader = page_source(issue.format)
    assert reader is not None
    page = issue.page(number)
    assert page is not None
    return issue, reader.read_layout(source, issue, page)


def _found(text: str, needle: str, layout: PageLayout, article_id: str) -> list[Word]:
    """The printed words that the first match of ``needle`` in ``text`` came from."""
    words = layout.article_words(article_id)
    spans = align(text, [w.text for w in words])
    start = text.index(needle)
    return [words[i] for i in words_in(spans, start, start + len(needle))]


def _png(width: int, height: int) -> bytes:
    """A valid grey PNG of this size (the scan; its header gives the size the view uses)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\0" + b"\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + (chunk(b"IEND", b""))
    )


def _png_size(path: Path) -> tuple[int, int]:
    width, height = struct.unpack(">II", path.read_bytes()[16:24])
    return width, height


def test_the_mets_importers_are_page_sources():
    assert {"mets-alto", "ndnp", "delpher-didl"} <= set(PAGE_SOURCES)


@pytest.mark.parametrize(
    ("unit", "size", "word", "scan"),
    [
        # A 10 × 15 inch page, scanned at 300 dpi (3000 × 4500 pixels) in each unit.
        ("pixel", (3000, 4500), (300, 600, 300, 150), (3000, 4500)),
        ("mm10", (2540, 3810), (254, 508, 254, 127), (3000, 4500)),
        ("inch1200", (12000, 18000), (1200, 2400, 1200, 600), (3000, 4500)),
        # The scan is smaller than the page the OCR measured: the page size is the authority.
        ("pixel", (6000, 9000), (600, 1200, 600, 300), (3000, 4500)),
        ("inch1200", (12000, 18000), (1200, 2400, 1200, 600), (1500, 2250)),
    ],
)
def test_a_word_box_in_each_unit_lands_on_the_scan(tmp_path, unit, size, word, scan):
    x, y, w, h = word
    folder = write(
        tmp_path,
        {
            "mets.xml": mets([("alto/1.xml", [("service", "img/1.png", "image/png")])]),
            "alto/1.xml": alto([[("W1", "Harbour", x, y, w, h, "")]], unit=unit, size=size),
            "img/1.png": _png(*scan),
        },
    )
    _, layout = _layout(folder)
    page = layout.page
    assert (page.unit, page.image, page.width, page.height) == (unit, "img/1.png", *size)
    (found,) = layout.words
    assert found.box == (x, y, x + w, y + h)
    sx, sy = page.scale_to(*_png_size(folder / page.image))
    left, top, right, bottom = found.box
    expected = (300, 600, 600, 750) if scan == (3000, 4500) else (150, 300, 300, 375)
    assert (left * sx, top * sy, right * sx, bottom * sy) == pytest.approx(expected)


def test_a_unit_without_a_page_size_is_converted_at_300_dpi(tmp_path):
    page = Page(1, unit="mm10")
    assert page.scale_to(1000, 1000) == pytest.approx((300 / 254, 300 / 254))


@pytest.mark.parametrize("whole_word", [True, False])
def test_a_dehyphenated_word_maps_to_both_halves(tmp_path, whole_word):
    subs = ' SUBS_CONTENT="Aufklärung"' if whole_word else ""
    lines = [
        [
            ("W1", "Was", 10, 10, 80, 40, ""),
            ("W2", "ist", 100, 10, 60, 40, ""),
            ("W3", "Aufklä", 170, 10, 150, 40, f'SUBS_TYPE="HypPart1"{subs}'),
            (HYP, "", 0, 0, 0, 0, ""),
        ],
        [
            ("W4", "rung", 10, 60, 90, 40, f'SUBS_TYPE="HypPart2"{subs}'),
            ("W5", "heute", 110, 60, 120, 40, ""),
        ],
    ]
    folder = write(
        tmp_path,
        {
            "mets.xml": mets([("alto/1.xml", [])], article("ART1", (1, "TB1", ""))),
            "alto/1.xml": alto(lines),
        },
    )
    issue, layout = _layout(folder)
    (piece,) = issue.articles
    assert "Aufklärung" in piece.text
    assert [w.text for w in layout.words] == ["Was", "ist", "Aufklä", "rung", "heute"]
    halves = _found(piece.text, "Aufklärung", layout, piece.id)
    assert [(w.text, w.box) for w in halves] == [
        ("Aufklä", (170, 10, 320, 50)),
        ("rung", (10, 60, 100, 100)),
    ]
    assert {w.article for w in layout.words} == {piece.id}
    assert layout.regions[0].id == "TB1" and layout.regions[0].article == piece.id


def test_each_article_gets_the_words_its_areas_point_at_in_their_order(tmp_path):
    lines = [
        [("A1", "First", 10, 10, 50, 20, ""), ("A2", "line", 70, 10, 50, 20, "")],
        [("B1", "Second", 10, 40, 50, 20, ""), ("B2", "line", 70, 40, 50, 20, "")],
    ]
    picture = (
        '<ComposedBlock ID="CB1" HPOS="0" VPOS="500" WIDTH="500" HEIGHT="500">'
        '<Illustration ID="IL1" HPOS="0" VPOS="500" WIDTH="500" HEIGHT="400"/>'
        '<TextBlock ID="TB2" HPOS="0" VPOS="900" WIDTH="500" HEIGHT="100"><TextLine ID="TB2_L1">'
        '<String ID="C1" CONTENT="Caption" HPOS="10" VPOS="910" WIDTH="80" HEIGHT="20"/>'
        "</TextLine></TextBlock></ComposedBlock>"
    )
    articles = (
        article("SECOND", (1, "TB1_L2", ""))
        + article("FIRST", (1, "TB1_L1", ""))
        + article("PICTURE", (1, "CB1", ""))
    )
    folder = write(
        tmp_path,
        {
            "mets.xml": mets([("alto/1.xml", []), ("alto/2.xml", [])], articles),
            "alto/1.xml": alto(lines, extra=picture),
            "alto/2.xml": alto([HARBOUR]),
        },
    )
    issue, layout = _layout(folder)
    ids = {a.ref: a.id for a in issue.articles}
    assert dict(layout.articles) == {
        ids["SECOND"]: (2, 3),
        ids["FIRST"]: (0, 1),
        ids["PICTURE"]: (4,),
    }
    assert [(r.id, r.kind, r.article) for r in layout.regions] == [
        ("TB1", "text", ""),
        ("CB1", "composed", ids["PICTURE"]),
        ("IL1", "illustration", ids["PICTURE"]),
        ("TB2", "text", ids["PICTURE"]),
    ]
    _, second = _layout(folder, 2)
    assert second.articles == () and len(second.words) == 2


def test_nordstern_inch1200_times_0_06_is_the_pdf_page_in_points():
    folder = shared_path(NORDSTERN)
    issue, layout = _layout(folder)
    page = layout.page
    pdf = pypdfium2.PdfDocument(folder / page.image)
    try:
        pdf_page = pdf[page.image_index]
        width, height = pdf_page.get_size()
        assert (page.width * 0.06, page.height * 0.06) == pytest.approx((width, height), abs=0.01)
        # A word found in the article's text maps to its ALTO String's box; the PDF's own text
        # layer has that word at the same place, in points.
        (piece,) = [a for a in issue.articles if a.pages == (1,)]
        (word,) = _found(piece.text, "Jahrgang", layout, piece.id)
        alto_root = etree.fromstring((folder / page.source).read_bytes())
        string = next(s for s in alto_root.iter("{*}String") if s.get("CONTENT") == "Jahrgang.")
        x, y = float(string.get("HPOS", "")), float(string.get("VPOS", ""))
        w, h = float(string.get("WIDTH", "")), float(string.get("HEIGHT", ""))
        assert word.box == (x, y, x + w, y + h)
        left, top, right, bottom = (v * 0.06 for v in word.box)
        text = pdf_page.get_textpage().get_text_bounded(left, height - bottom, right, height - top)
        assert "Jahrgang" in text
    finally:
        pdf.close()


def test_nordstern_page_has_every_string_as_a_word():
    folder = shared_path(NORDSTERN)
    issue, layout = _layout(folder, 2)
    assert len(layout.words) == 3793
    ((piece_id, indexes),) = layout.articles
    assert piece_id == issue.articles[1].id and len(indexes) == 3793


def test_bl_articles_get_their_structlink_word_ranges():
    folder = shared_path("samples/bl-hmd-lsga-1832")
    issue, layout = _layout(folder)
    titled = next(a for a in issue.articles if a.title == "ROYAL AMPHITHEATRE.")
    words = layout.article_words(titled.id)
    assert [w.text for w in words[:2]] == ["ROYAL", "AMPHITHEATRE."]
    spans = align("\n\n".join((titled.title, titled.text)), [w.text for w in words])
    assert sum(s is not None for s in spans) >= 0.99 * len(words)
    assert {a for a, _ in layout.articles} <= {a.id for a in issue.articles}


def test_delpher_articles_get_their_zoned_blocks_across_pages():
    folder = shared_path("samples/kb-delpher-didl-1813")
    issue, first = _layout(folder, 1)
    _, second = _layout(folder, 2)
    sale = issue.articles[1]
    assert sale.pages == (1, 2)
    on_first, on_second = first.article_words(sale.id), second.article_words(sale.id)
    assert on_first and on_second
    text = "\n\n".join((sale.title, sale.text))
    spans = align(text, [w.text for w in on_first + on_second])
    assert sum(s is not None for s in spans) >= 0.98 * len(spans)


def test_a_page_whose_alto_is_gone_is_a_corrupt_archive(tmp_path):
    folder = write(
        tmp_path, {"mets.xml": mets([("alto/1.xml", [])]), "alto/1.xml": alto([HARBOUR])}
    )
    source, issue = _open(folder)
    (folder / "alto" / "1.xml").unlink()
    with pytest.raises(CorruptArchive):
        PAGE_SOURCES[issue.format].read_layout(source, issue, issue.pages[0])
