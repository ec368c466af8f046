"""PDF pages with a text layer: grouping into issues, page order, scans, damage, companions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reader.cli import main
from reader.formats import load_archive, open_source, read_original
from reader.formats.pdf.layout import Char, build_lines, paragraphs, reading_order
from reader.model import Archive
from tests.formats.pdf_files import write_pdf, write_renamed_glyphs_pdf
from tests.formats.test_contract import write_alto_pages


def load(folder: Path) -> Archive:
    return load_archive(open_source(folder))


def test_lines_are_joined_and_a_hyphen_at_a_line_end_healed(tmp_path):
    write_pdf(
        tmp_path / "2022-09-19.pdf", [["The ferry left at", "noon with a long sen-", "tence."]]
    )
    source = open_source(tmp_path)
    archive = load_archive(source)
    (issue,) = archive.issues
    (article,) = issue.articles
    assert article.paragraphs == ("The ferry left at noon with a long sentence.",)
    assert issue.date == dt.date(2022, 9, 19)
    assert (
        read_original(source, issue, article) == "The ferry left at\nnoon with a long sen-\ntence."
    )


def test_pages_of_one_issue_are_grouped_in_page_order(tmp_path):
    for number in (10, 2, 1):
        write_pdf(tmp_path / f"rmrb20220919_{number:02d}.pdf", [[f"Page {number} news."]])
    write_pdf(tmp_path / "rmrb20220920_01.pdf", [["Next day."]])
    archive = load(tmp_path)
    assert [i.date for i in archive.issues] == [dt.date(2022, 9, 19), dt.date(2022, 9, 20)]
    first = archive.issues[0]
    assert [a.page for a in first.articles] == ["1", "2", "10"]
    assert [a.text for a in first.articles] == ["Page 1 news.", "Page 2 news.", "Page 10 news."]
    assert all(a.title_derived for a in first.articles)


def test_one_pdf_per_issue_gives_one_article_per_page_and_dates_from_folders(tmp_path):
    folder = tmp_path / "1999" / "12-31"
    folder.mkdir(parents=True)
    write_pdf(tmp_path / "1999" / "1999-12-31.pdf", [["Front page."], ["Sport page."]])
    archive = load(tmp_path)
    (issue,) = archive.issues
    assert issue.date == dt.date(1999, 12, 31)
    assert [(a.page, a.text) for a in issue.articles] == [
        ("1", "Front page."),
        ("2", "Sport page."),
    ]


def test_a_page_without_a_text_layer_is_a_page_without_text_and_a_note(tmp_path):
    write_pdf(tmp_path / "2022-09-19.pdf", [["Front page."], []])
    archive = load(tmp_path)
    (issue,) = archive.issues
    scan = issue.articles[1]
    assert scan.page == "2" and not scan.has_text
    assert [(p.source, p.code) for p in archive.all_problems] == [
        ("2022-09-19.pdf", "pdf_page_without_text")
    ]
    assert archive.all_problems[0].reason.startswith("page 2 has no text layer")


def test_glyphs_of_a_font_without_unicode_are_shown_as_such_and_noted(tmp_path):
    """Japan's official gazette: the digits of its date come out as ™—, ›, ™œ."""
    write_renamed_glyphs_pdf(tmp_path / "gazette.pdf")
    (issue,) = load(tmp_path).issues
    (page,) = issue.articles
    # The renamed font's glyphs are not its names' characters, and say nothing of a date; the
    # other font, of the same base name, is intact.
    assert page.paragraphs == (
        "Gazette, Friday \ufffd\ufffd April \ufffd\ufffd\ufffd 2008 The council met on Friday.",
    )
    assert issue.date is None
    assert [(p.code, p.reason) for p in issue.problems] == [
        (
            "pdf_unmapped_glyphs",
            "page 1: 5 characters in the font Helvetica have no true Unicode in the PDF"
            " (shown as \ufffd): that text cannot be read or searched, and no date is taken"
            " from it",
        )
    ]


def test_damaged_and_encrypted_pdfs_are_problems(tmp_path):
    write_pdf(tmp_path / "good.pdf", [["Readable."]])
    data = (tmp_path / "good.pdf").read_bytes()
    secret = b"/Encrypt<</Filter/Standard/V 1/R 2/O<" + b"41" * 32 + b">/U<" + b"42" * 32
    (tmp_path / "locked.pdf").write_bytes(data.replace(b"/Root ", secret + b">/P -4>>/Root ", 1))
    (tmp_path / "cut.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\n1 0 obj\n<< /Type /Cat")
    archive = load(tmp_path)
    assert [a.text for i in archive.issues for a in i.articles] == ["Readable."]
    assert {(p.source, p.code) for p in archive.problems} == {
        ("locked.pdf", "pdf_encrypted"),
        ("cut.pdf", "pdf_unreadable"),
    }


def test_pdfs_beside_another_formats_issue_are_its_pages_not_a_second_issue(tmp_path):
    write_alto_pages(tmp_path)
    write_pdf(tmp_path / "1858-03-01" / "0001.pdf", [["Page 1 again."]])
    archive = load(tmp_path)
    assert {i.format for i in archive.issues} == {"mets-alto"}
    assert [(d.source, d.original) for d in archive.duplicates] == [
        ("1858-03-01/0001.pdf", "1858-03-01")
    ]
    assert archive.problems == ()


def test_a_pdf_in_its_own_folder_beside_another_format_is_read(tmp_path):
    write_alto_pages(tmp_path)
    (tmp_path / "pdf").mkdir()
    write_pdf(tmp_path / "pdf" / "2020-01-02.pdf", [["Own issue."]])
    archive = load(tmp_path)
    assert sorted(i.format for i in archive.issues) == ["mets-alto", "pdf"]


# --- vertical text: reading order from the boxes alone -----------------------------------------


def _column(text: str, right: float, top: float, size: float = 10.0) -> list[Char]:
    return [
        Char(0, ch, right - size, top - (n + 1) * size, right, top - n * size)
        for n, ch in enumerate(text)
    ]


def test_vertical_columns_read_right_to_left_and_tiers_top_down():
    # Two tiers; the layer writes the lower tier first and each tier's columns left to right.
    upper = [_column("一二三", 100, 300), _column("四五。", 100 - 14, 300)]
    lower = [_column("六七", 100, 200), _column("八九。", 100 - 14, 200)]
    chars = [c for col in (*reversed(lower), *reversed(upper)) for c in col]
    blocks = reading_order(build_lines(chars))
    assert [line.text for block in blocks for line in block] == [
        "一二三",
        "四五。",
        "六七",
        "八九。",
    ]
    assert paragraphs(blocks) == ["一二三四五。", "六七八九。"]


def test_an_item_number_set_apart_at_a_columns_top_is_read_before_its_text():
    # The gazette sets 一 at the head of a column, a gap, then the item's text; 一's glyph box
    # is narrower than the column, so its right edge lies left of its text's.
    def item(number: str, text: str, right: float) -> list[Char]:
        head = Char(0, number, right - 9, 300, right - 1, 302)
        return [head, *_column(text, right, 280)]

    lead = _column("次に掲げる。", 114, 302)
    chars = [*lead, *item("一", "法第五", 100), *item("二", "児童及", 86)]
    blocks = reading_order(build_lines(chars))
    assert [line.text for block in blocks for line in block] == [
        "次に掲げる。",
        "一",
        "法第五",
        "二",
        "児童及",
    ]


def test_a_horizontal_page_keeps_the_layers_order():
    chars = [Char(n, ch, 10 + 6 * n, 100, 15 + 6 * n, 108) for n, ch in enumerate("Late news")] + [
        Char(20 + n, ch, 10 + 6 * n, 88, 15 + 6 * n, 96) for n, ch in enumerate("follows.")
    ]
    blocks = reading_order(build_lines(chars))
    assert [line.text for block in blocks for line in block] == ["Late news", "follows."]


def test_the_command_line_says_a_scanned_page_has_no_text(tmp_path, capsys):
    write_pdf(tmp_path / "2022-09-19.pdf", [[], ["Back page."]])
    archive = load(tmp_path)
    scan = archive.issues[0].articles[0]
    assert main(["show", str(tmp_path), scan.id]) == 0
    out = capsys.readouterr().out
    assert "(No text: the file has none for this page" in out
    assert "only its headline survives" not in out
