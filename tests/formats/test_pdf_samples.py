"""The public PDF samples in ../shared (skipped when absent): vertical Japanese, PDFs beside OCR."""

from __future__ import annotations

import datetime as dt

from reader.formats import load_archive, open_source, read_original
from tests.conftest import shared_path

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
