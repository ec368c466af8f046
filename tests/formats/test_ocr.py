"""The OCR importers (hOCR, PAGE-XML, ABBYY) on small hand-made files: text, order, issues, problems."""

from __future__ import annotations

import bz2
import datetime as dt
from pathlib import Path

from reader.formats import load_archive, open_source, read_original
from reader.formats.registry import pick_importer
from reader.model import Archive, Article, Issue
from tests.formats.ocr_files import (
    HOCR_VERTICAL,
    abbyy_document,
    abbyy_page,
    hocr,
    page_xml,
    region,
    text_line,
    word_line,
)


def load(folder: Path) -> Archive:
    return load_archive(open_source(folder))


def articles(archive: Archive) -> list[Article]:
    return [a for issue in archive.issues for a in issue.articles]


def original(folder: Path, archive: Archive, article: Article) -> str:
    issue = next(i for i in archive.issues if article in i.articles)
    return read_original(open_source(folder), issue, article)


def only_issue(archive: Archive) -> Issue:
    assert len(archive.issues) == 1, archive.issues
    return archive.issues[0]


# --- detection ----------------------------------------------------------------------------


def test_each_format_is_detected_by_its_root_or_classes():
    assert pick_importer("p.hocr", hocr("A").encode()).NAME == "hocr"  # type: ignore[union-attr]
    page = page_xml(region("r1", text_line("x"))).encode()
    assert pick_importer("p.xml", page).NAME == "page-xml"  # type: ignore[union-attr]
    bare = abbyy_page(("x",)).encode()
    assert pick_importer("p.xml", bare).NAME == "abbyy"  # type: ignore[union-attr]
    document = abbyy_document(abbyy_page(("x",))).encode()
    assert pick_importer("p.xml", document).NAME == "abbyy"  # type: ignore[union-attr]
    # A plain web page, an XML "page" of something else: not ours.
    assert pick_importer("x.html", b"<html><body><p>hi</p></body></html>") is None
    assert pick_importer("x.xml", b'<page title="wiki"><text>hi</text></page>') is None


# --- hOCR -----------------------------------------------------------------------------------


def test_hocr_pages_split_at_headers_with_hyphens_healed(tmp_path):
    (tmp_path / "gazette_1900-01-06.hocr").write_text(hocr("Winter", "Trade"), encoding="utf-8")
    archive = load(tmp_path)
    issue = only_issue(archive)
    assert issue.date == dt.date(1900, 1, 6)
    assert issue.publication == "gazette"
    assert [(a.title, a.page) for a in issue.articles] == [("Winter", "1"), ("Trade", "2")]
    assert issue.articles[0].paragraphs == ("The harbour was frozen solid.",)
    assert original(tmp_path, archive, issue.articles[1]) == (
        "Trade\n\nThe harbour was fro-\nzen solid."
    )


def test_hocr_dc_title_names_the_publication_unless_it_is_a_file_name(tmp_path):
    meta = "<meta name='ocr-system' content='tesseract 5.3.0' />"
    for folder, title in [
        ("named", "Berliner B&amp;ouml;rsen-Zeitung"),
        ("image", "scan_0001.tif"),
    ]:
        (tmp_path / folder).mkdir()
        dc = f"{meta}\n  <meta content='{title}' name=\"DC.title\">"
        (tmp_path / folder / "1.hocr").write_text(hocr("Winter").replace(meta, dc), "utf-8")
    (tmp_path / "plain").mkdir()
    (tmp_path / "plain" / "1.hocr").write_text(hocr("Winter"), encoding="utf-8")
    archive = load(tmp_path)
    assert sorted((i.source, i.publication) for i in archive.issues) == [
        ("image", "image"),  # a tool's input image is no title: the folder's name
        ("named", "Berliner B&ouml;rsen-Zeitung"),
        ("plain", "plain"),
    ]


def test_vertical_japanese_hocr_reads_columns_right_to_left(tmp_path):
    (tmp_path / "page.hocr").write_text(HOCR_VERTICAL, encoding="utf-8")
    article = articles(load(tmp_path))[0]
    # Columns right to left, each top to bottom, and no spaces between the characters.
    assert article.paragraphs == ("明日は休日である。",)


def test_a_broken_hocr_file_is_a_problem_and_the_rest_loads(tmp_path):
    (tmp_path / "1.hocr").write_text(hocr("Winter"), encoding="utf-8")
    (tmp_path / "2.hocr").write_text(
        "<html><body><div class='ocr_page'></div></body></html>", encoding="utf-8"
    )
    archive = load(tmp_path)
    assert [a.title for a in articles(archive)] == ["Winter"]
    assert [p.source for p in archive.problems] == ["2.hocr"]


# --- PAGE-XML -------------------------------------------------------------------------------


def test_pages_in_a_generic_folder_are_named_after_the_folder_above(tmp_path):
    """A bag's data/ or an alto/ folder says what the files are, not which paper."""
    folders = ("berliner/data", "berliner_1900/page", "alto")
    # OCR-D's and ground-truth sets' folders name a step or a format (the Reichsanzeiger's GT-PAGE)
    folders += ("reichsanzeiger/GT-PAGE", "kant/OCR-D-GT-PAGE", "vossische/ocr-d-img/gt_alto")
    for folder in folders:
        (tmp_path / folder).mkdir(parents=True)
        page = page_xml(region("r1", text_line(f"In {folder}.")))
        (tmp_path / folder / "0001.xml").write_text(page, encoding="utf-8")
    archive = load(tmp_path)
    assert sorted((i.source, i.publication) for i in archive.issues) == [
        ("alto", tmp_path.name),  # nothing but generic names: the archive's
        ("berliner/data", "berliner"),
        ("berliner_1900/page", "berliner_1900"),
        ("kant/OCR-D-GT-PAGE", "kant"),
        ("reichsanzeiger/GT-PAGE", "reichsanzeiger"),
        ("vossische/ocr-d-img/gt_alto", "vossische"),
    ]


def test_page_regions_follow_the_reading_order_and_headings_start_articles(tmp_path):
    regions = (
        region("r3", text_line("The second story ends."))
        + region("r2", text_line("Trade"), kind="heading")
        + region("r1", text_line("Before any heading the text is ") + text_line("untitled."))
    )
    order = "".join(
        f"<RegionRefIndexed index='{i}' regionRef='r{n}'/>" for i, n in enumerate((1, 2, 3))
    )
    (tmp_path / "0001.xml").write_text(page_xml(regions, order), encoding="utf-8")
    found = articles(load(tmp_path))
    assert [a.paragraphs for a in found] == [
        ("Before any heading the text is untitled.",),
        ("The second story ends.",),
    ]
    assert found[0].title_derived and found[1].title == "Trade"


def test_page_word_level_only_and_fraktur_hyphens(tmp_path):
    lines = word_line("Die", "General⸗") + word_line("Synode", "tagte", "ge⸗") + word_line("ſtern.")
    (tmp_path / "p.xml").write_text(page_xml(region("r1", lines)), encoding="utf-8")
    archive = load(tmp_path)
    article = articles(archive)[0]
    assert article.paragraphs == ("Die General⸗Synode tagte geſtern.",)
    assert original(tmp_path, archive, article) == "Die General⸗\nSynode tagte ge⸗\nſtern."


def test_page_drop_capital_joins_its_word_and_catchwords_stay_out(tmp_path):
    regions = (
        region("r1", text_line("A"), kind="drop-capital")
        + region("r2", text_line("ufklärung ist der Ausgang."))
        + region("r3", text_line("(na-"), kind="catch-word")
    )
    (tmp_path / "p.xml").write_text(page_xml(regions), encoding="utf-8")
    assert articles(load(tmp_path))[0].paragraphs == ("Aufklärung ist der Ausgang.",)


def test_vertical_japanese_page_reads_columns_right_to_left(tmp_path):
    # The file lists the columns left to right; the region says its lines go top to bottom.
    lines = (
        text_line("である。", "10,10 60,10 60,300 10,300")
        + text_line("休日", "110,10 160,10 160,300 110,300")
        + text_line("明日は", "210,10 260,10 260,300 210,300")
    )
    attributes = "readingDirection='top-to-bottom' textLineOrder='right-to-left'"
    (tmp_path / "p.xml").write_text(
        page_xml(region("r1", lines, attributes=attributes)), encoding="utf-8"
    )
    assert articles(load(tmp_path))[0].paragraphs == ("明日は休日である。",)


def test_page_files_a_mets_lists_beside_alto_are_left_to_the_mets(tmp_path):
    (tmp_path / "PAGE").mkdir()
    (tmp_path / "PAGE" / "p1.xml").write_text(
        page_xml(region("r1", text_line("Once only."))), encoding="utf-8"
    )
    mets = """<mets:mets xmlns:mets="http://www.loc.gov/METS/" xmlns:xlink="http://www.w3.org/1999/xlink">
      <mets:fileSec>
      <mets:fileGrp USE="OCR-D-GT-PAGE"><mets:file ID="P" MIMETYPE="application/vnd.prima.page+xml">
        <mets:FLocat LOCTYPE="OTHER" xlink:href="PAGE/p1.xml"/></mets:file></mets:fileGrp>
      {alto}
      </mets:fileSec></mets:mets>"""
    alto = """<mets:fileGrp USE="OCR-D-GT-ALTO"><mets:file ID="A" MIMETYPE="application/alto+xml">
        <mets:FLocat LOCTYPE="OTHER" xlink:href="ALTO/p1.xml"/></mets:file></mets:fileGrp>"""
    (tmp_path / "mets.xml").write_text(mets.format(alto=alto), encoding="utf-8")
    assert not any(i.format == "page-xml" for i in load(tmp_path).issues)
    # A METS with PAGE files and no ALTO: the PAGE files are the text, read here.
    (tmp_path / "mets.xml").write_text(mets.format(alto=""), encoding="utf-8")
    issues = [i for i in load(tmp_path).issues if i.format == "page-xml"]
    assert [a.paragraphs for i in issues for a in i.articles] == [("Once only.",)]


# --- ABBYY ----------------------------------------------------------------------------------


def test_abbyy_bare_pages_of_one_issue_by_the_date_in_their_names(tmp_path):
    first = (abbyy_page(("The harbour was fro¬", "zen solid.")),)
    (tmp_path / "FAL_1762_12_07_page_1.xml").write_text(first[0], encoding="utf-8")
    (tmp_path / "FAL_1762_12_07_page_2.xml").write_text(
        abbyy_page(("Ships wait.",), heading="NEWS"), encoding="utf-8"
    )
    (tmp_path / "FAL_1762_12_08_page_1.xml").write_text(
        abbyy_page(("Next day.",)), encoding="utf-8"
    )
    archive = load(tmp_path)
    assert [(i.publication, i.date) for i in archive.issues] == [
        ("FAL", dt.date(1762, 12, 7)),
        ("FAL", dt.date(1762, 12, 8)),
    ]
    first_issue = archive.issues[0]
    assert [(a.title, a.page, a.paragraphs) for a in first_issue.articles] == [
        ("The harbour was frozen solid", "1", ("The harbour was frozen solid.",)),
        ("NEWS", "2", ("Ships wait.",)),
    ]
    assert first_issue.articles[0].title_derived
    article = first_issue.articles[0]
    assert original(tmp_path, archive, article) == "The harbour was fro¬\nzen solid."


def test_abbyy_document_with_namespace_holds_many_pages(tmp_path):
    document = abbyy_document(abbyy_page(("One.",)), abbyy_page(("Two.",)))
    (tmp_path / "issue.xml").write_text(document, encoding="utf-8")
    found = articles(load(tmp_path))
    assert [(a.page, a.paragraphs) for a in found] == [("1", ("One.",)), ("2", ("Two.",))]


def test_abbyy_bzip2_pages_are_read_and_a_plain_copy_wins(tmp_path):
    page = abbyy_page(("Compressed.",)).encode()
    (tmp_path / "p_1.xml.bz2").write_bytes(bz2.compress(page))
    (tmp_path / "p_2.xml.bz2").write_bytes(bz2.compress(abbyy_page(("Second.",)).encode()))
    (tmp_path / "p_2.xml").write_bytes(abbyy_page(("Second.",)).encode())
    archive = load(tmp_path)
    assert [a.paragraphs for a in articles(archive)] == [("Compressed.",), ("Second.",)]
    assert [(d.source, d.original) for d in archive.duplicates] == [("p_2.xml.bz2", "p_2.xml")]
    assert original(tmp_path, archive, articles(archive)[0]) == "Compressed."


def test_a_truncated_abbyy_page_and_a_bzip2_of_nonsense_are_problems(tmp_path):
    (tmp_path / "good.xml").write_text(abbyy_page(("Kept.",)), encoding="utf-8")
    (tmp_path / "cut.xml").write_text(abbyy_page(("Lost.",))[:300], encoding="utf-8")
    (tmp_path / "other.xml.bz2").write_bytes(bz2.compress(b"<html>not abbyy</html>"))
    archive = load(tmp_path)
    assert [a.paragraphs for a in articles(archive)] == [("Kept.",)]
    assert sorted(p.source for p in archive.problems) == ["cut.xml", "other.xml.bz2"]
