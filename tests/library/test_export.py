"""Exports parse back with independent readers and hold the right fields.

CSV with the csv module (UTF-8 with a byte-order mark), RIS with rispy, CSL-JSON against the
CSL 1.0 input schema (tests/data/csl, citeproc's own), BibTeX with bibtexparser, the text and
Markdown files by their front matter (JSON values). Articles: the seed (Chinese, no page), the
NewsML items (English, two authors, a page) and the Luxemburger Zeitung (German, a page).
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path

import bibtexparser
import jsonschema
import pytest
import rispy

from reader.library import Library
from reader.library.export import FORMATS, _umask, export, write_stream
from reader.library.export_entries import Entry, entries, first_words, search_entries
from reader.library.searching import SearchRequest
from reader.model import ReaderError
from tests.conftest import SAMPLE_ISSUES, shared_path

DATA = Path(__file__).parents[1] / "data"
NEWSML = DATA / "newsml" / "items"
SCHEMA = json.loads((DATA / "csl" / "csl-data.json").read_text(encoding="utf-8"))
SEED_FIRST = "2022-09-19-f6b602d7-01"
BRIDGE = "Old bridge reopens after two years"


@pytest.fixture(scope="module")
def seed() -> Library:
    return Library.open(SAMPLE_ISSUES)


@pytest.fixture(scope="module")
def newsml() -> Library:
    return Library.open(NEWSML)


def _bridge(newsml: Library) -> str:
    return next(a.id for i in newsml.issues for a in i.articles if a.title == BRIDGE)


def _text(library: Library, ids: list[str], fmt: str) -> str:
    stream = io.StringIO()
    assert write_stream(entries(library, ids), fmt, stream) == len(ids)
    return stream.getvalue()


def test_csv_file_opens_as_utf8_with_bom_and_holds_the_fields(
    seed: Library, tmp_path: Path
) -> None:
    ids = [a.id for a in seed.issues[0].articles]
    out = tmp_path / "hits.csv"
    assert export(seed, entries(seed, ids), "csv", out) == 8
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # spreadsheets read it as UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert [row["id"] for row in rows] == ids
    first = rows[0]
    assert first["title"] == "我县召开供热工程项目协调会"
    assert first["authors"] == "张晓明; 郭强"
    assert first["date"] == "2022-09-19"
    assert first["publication"] == "今日长子"
    assert first["issue"] == "1810"
    assert first["page"] == ""
    assert first["passage"].startswith("本报讯 9月11日，我县在县委三楼会议室召开供热工程项目协调会")
    assert first["citation"] == "张晓明, 郭强. 我县召开供热工程项目协调会[N]. 今日长子, 2022-09-19."
    assert Path(first["file"]) == SAMPLE_ISSUES / "000_a5ccaf801afbd13c.txt"


def test_ris_parses_with_rispy(seed: Library, newsml: Library) -> None:
    (record,) = rispy.loads(_text(seed, [SEED_FIRST], "ris"))
    assert record["type_of_reference"] == "NEWS"
    assert record["authors"] == ["张晓明", "郭强"]
    assert record["title"] == "我县召开供热工程项目协调会"
    assert record["secondary_title"] == "今日长子"
    assert (record["year"], record["date"]) == ("2022", "2022/09/19")
    assert record["number"] == "1810"
    assert record["language"] == "zh-Hans"
    assert record["notes"] == ["总1810期"]
    assert record["accession_number"] == SEED_FIRST
    assert record["urls"] == [(SAMPLE_ISSUES / "000_a5ccaf801afbd13c.txt").as_uri()]
    assert "start_page" not in record  # the text gives no page

    (english,) = rispy.loads(_text(newsml, [_bridge(newsml)], "ris"))
    assert english["authors"] == ["Weaver, Ann", "Reyes, Tom"]
    assert english["title"] == BRIDGE
    assert english["secondary_title"] == "Riverside Courier"
    assert english["date"] == "2024/03/12"
    assert english["start_page"] == "3"


def test_ris_lines_are_tag_two_spaces_dash_space_and_end_in_crlf(seed: Library) -> None:
    text = _text(seed, [SEED_FIRST, f"{SEED_FIRST[:-1]}2"], "ris")
    lines = text.split("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    records = [line for line in lines if line]
    assert all(line[2:6] == "  - " or line == "ER  -" for line in records)
    assert records[0] == "TY  - NEWS" and records.count("ER  -") == 2


def test_csl_json_is_valid_against_the_citeproc_schema(seed: Library, newsml: Library) -> None:
    ids = [a.id for a in seed.issues[0].articles]
    items = json.loads(_text(seed, ids, "csl-json"))
    jsonschema.validate(items, SCHEMA)
    first = items[0]
    assert first["type"] == "article-newspaper"
    assert first["title"] == "我县召开供热工程项目协调会"
    assert first["author"] == [{"literal": "张晓明"}, {"literal": "郭强"}]
    assert first["container-title"] == "今日长子"
    assert first["issued"] == {"date-parts": [[2022, 9, 19]]}
    assert first["issue"] == "1810"
    assert first["language"] == "zh-Hans"
    assert "page" not in first

    (english,) = json.loads(_text(newsml, [_bridge(newsml)], "csl-json"))
    jsonschema.validate([english], SCHEMA)
    assert english["author"] == [
        {"family": "Weaver", "given": "Ann"},
        {"family": "Reyes", "given": "Tom"},
    ]
    assert english["page"] == "3"
    assert english["issued"] == {"date-parts": [[2024, 3, 12]]}


def test_the_schema_refuses_what_is_not_csl() -> None:
    # The check can fail: a misspelt variable or a wrong type is refused.
    item = {"id": "a", "type": "article-newspaper", "title": "t"}
    jsonschema.validate([item], SCHEMA)
    for wrong in ({"containerTitle": "x"}, {"type": "newspaper"}, {"author": ["A B"]}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate([{**item, **wrong}], SCHEMA)


def test_an_empty_csl_json_export_is_an_empty_array(seed: Library) -> None:
    assert json.loads(_text(seed, [], "csl-json")) == []


def test_bibtex_parses_with_bibtexparser(seed: Library, newsml: Library) -> None:
    library = bibtexparser.parse_string(_text(seed, [SEED_FIRST], "bibtex"))
    assert not library.failed_blocks
    (entry,) = library.entries
    fields = {name: field.value for name, field in entry.fields_dict.items()}
    assert entry.entry_type == "article"
    assert entry.key == f"article2022-{SEED_FIRST}"
    assert fields["author"] == "{张晓明} and {郭强}"
    assert fields["title"] == "我县召开供热工程项目协调会"
    assert fields["journal"] == "今日长子"
    assert (fields["year"], fields["month"], fields["date"]) == ("2022", "sep", "2022-09-19")
    assert fields["number"] == "1810"

    english = bibtexparser.parse_string(_text(newsml, [_bridge(newsml)], "bibtex"))
    (entry,) = english.entries
    fields = {name: field.value for name, field in entry.fields_dict.items()}
    assert entry.key.startswith("weaver2024-")
    assert fields["author"] == "Weaver, Ann and Reyes, Tom"
    assert fields["pages"] == "3"
    assert fields["journal"] == "Riverside Courier"


def test_bibtex_escapes_latex_specials(newsml: Library) -> None:
    issue, article = newsml.article(_bridge(newsml))
    odd = Entry(
        issue,
        type(article)(id="x", issue_id=issue.id, title="Profits up 5% & {costs} $_#~^\\"),
        "",
        "/tmp/x",
        "a",
    )
    stream = io.StringIO()
    write_stream([odd], "bibtex", stream)
    library = bibtexparser.parse_string(stream.getvalue())
    assert not library.failed_blocks
    title = library.entries[0].fields_dict["title"].value
    assert title == (
        r"Profits up 5\% \& \{costs\} \$\_\#\textasciitilde{}\textasciicircum{}\textbackslash{}"
    )


def test_a_german_sample_in_every_format(tmp_path: Path) -> None:
    library = Library.open(shared_path("samples/bnl-luxzeit-1858"))
    article_id = "1858-12-07-2a7b4246-d863c7"
    (ris,) = rispy.loads(_text(library, [article_id], "ris"))
    assert (ris["title"], ris["start_page"], ris["date"]) == (
        "Kölnische Zeitung.",
        "1",
        "1858/12/07",
    )
    assert ris["secondary_title"] == "Luxemburger Zeitung – Journal de Luxembourg"
    assert ris["language"] == "de"
    (csl,) = json.loads(_text(library, [article_id], "csl-json"))
    jsonschema.validate([csl], SCHEMA)
    assert (csl["page"], csl["issue"], csl["language"]) == ("1", "288", "de")
    bib = bibtexparser.parse_string(_text(library, [article_id], "bibtex"))
    assert bib.entries[0].fields_dict["pages"].value == "1"
    out = tmp_path / "de.csv"
    export(library, entries(library, [article_id]), "csv", out)
    (row,) = csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"), newline=""))
    assert row["citation"].startswith("“Kölnische Zeitung.” Luxemburger Zeitung")


def _front_matter(text: str) -> dict[str, object]:
    head, _, _body = text.removeprefix("---\n").partition("\n---\n")
    pairs = (line.split(": ", 1) for line in head.splitlines())
    return {key: json.loads(value) for key, value in pairs}


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_text_files_in_a_folder_and_in_a_zip(seed: Library, tmp_path: Path, fmt: str) -> None:
    ids = [a.id for a in seed.issues[0].articles]
    assert export(seed, entries(seed, ids), fmt, tmp_path / "folder") == 8
    assert export(seed, entries(seed, ids), fmt, tmp_path / "all.zip") == 8
    suffix = ".md" if fmt == "markdown" else ".txt"
    names = sorted(p.name for p in (tmp_path / "folder").iterdir())
    assert names == sorted(f"2022-09-19_今日长子_{i}{suffix}" for i in ids)
    with zipfile.ZipFile(tmp_path / "all.zip") as archive:
        assert sorted(archive.namelist()) == names
        text = archive.read(names[0]).decode("utf-8")
    assert text == (tmp_path / "folder" / names[0]).read_text(encoding="utf-8")
    meta = _front_matter(text)
    assert meta["id"] == SEED_FIRST
    assert meta["title"] == "我县召开供热工程项目协调会"
    assert meta["authors"] == ["张晓明", "郭强"]
    assert (meta["date"], meta["publication"], meta["issue"]) == ("2022-09-19", "今日长子", "1810")
    body = text.split("\n---\n", 1)[1]
    title_line = (
        "# 我县召开供热工程项目协调会" if fmt == "markdown" else "我县召开供热工程项目协调会"
    )
    assert body.lstrip("\n").startswith(title_line + "\n")
    assert seed.article(SEED_FIRST)[1].paragraphs[-1].strip() in body
    # The same export again gives the same zip, byte for byte (stable names and times).
    again = tmp_path / "again.zip"
    export(seed, entries(seed, ids), fmt, again)
    assert again.read_bytes() == (tmp_path / "all.zip").read_bytes()


def test_file_names_are_safe(tmp_path: Path) -> None:
    root = tmp_path / "archive"
    root.mkdir()
    (root / "a.txt").write_text(
        "# Le/Journal: des *Débats*?\n\n1 août 1821\n\n## Paris\n\nTexte.\n", encoding="utf-8"
    )
    library = Library.open(root)
    article_id = library.issues[0].articles[0].id
    export(library, entries(library, [article_id]), "text", tmp_path / "out")
    (name,) = [p.name for p in (tmp_path / "out").iterdir()]
    assert not set(name) & set('/\\:*?"<>| ')
    assert name.endswith(f"_{article_id}.txt")


def test_nothing_is_written_into_the_archive(tmp_path: Path) -> None:
    root = tmp_path / "archive"
    shutil.copytree(SAMPLE_ISSUES, root)
    library = Library.open(root)
    before = sorted(p.name for p in root.rglob("*"))
    for fmt, out in (("csv", root / "x.csv"), ("text", root / "texts"), ("text", root)):
        with pytest.raises(ReaderError):
            export(library, entries(library, [SEED_FIRST]), fmt, out)
    assert sorted(p.name for p in root.rglob("*")) == before


@pytest.mark.parametrize("fmt", FORMATS)
def test_writers_write_each_entry_before_asking_for_the_next(
    seed: Library, tmp_path: Path, fmt: str
) -> None:
    ids = [a.id for a in seed.issues[0].articles]
    stream = io.StringIO()
    folder = tmp_path / "out"
    written: list[int] = []

    def watched() -> Iterator[Entry]:
        for n, item in enumerate(entries(seed, ids)):
            # Before the n-th entry is handed over, the ones before it are out already.
            if fmt in ("text", "markdown"):
                written.append(len(list(folder.iterdir())) if folder.exists() else 0)
            else:
                written.append(stream.getvalue().count(ids[n - 1]) if n else 0)
            yield item

    if fmt in ("text", "markdown"):
        export(seed, watched(), fmt, folder)
        assert written == list(range(8))
    else:
        write_stream(watched(), fmt, stream)
        assert all(count >= 1 for count in written[1:])


def test_first_words_cut_at_a_space_or_at_the_size() -> None:
    assert first_words("one  two\nthree") == "one two three"
    assert first_words("word " * 100, 22) == "word word word word…"
    assert first_words("中" * 300, 10) == "中" * 10 + "…"


def _many(root: Path) -> Library:
    """An archive of 3 issues of 90 articles each, every one mentioning the river."""
    root.mkdir()
    for day in (1, 2, 3):
        sections = [f"## Item {n}\n\nThe river at mile {n} on day {day}.\n" for n in range(90)]
        (root / f"1878-01-0{day}.txt").write_text(
            f"# The River Gazette\n\nJanuary {day}, 1878\n\n" + "\n".join(sections),
            encoding="utf-8",
        )
    library = Library.open(root)
    library.update_index(library.index_dir(root.parent / "indexes"))
    return library


@pytest.mark.parametrize("sort", ["relevance", "newest", "oldest"])
def test_all_hits_of_a_search_are_read_a_page_at_a_time(tmp_path: Path, sort: str) -> None:
    with _many(tmp_path / "archive") as library:
        request = SearchRequest("river", sort=sort)
        expected = [hit.article_id for hit in library.search("river", limit=500, sort=sort).hits]
        assert len(expected) == 270
        total, streamed = search_entries(library, request)
        assert total == 270
        assert [item.article.id for item in streamed] == expected
        limited, first = search_entries(library, request, limit=150)
        assert limited == 150
        assert [item.article.id for item in first] == expected[:150]
        narrowed, one_day = search_entries(library, SearchRequest("river", month="1878-01"))
        assert narrowed == 270 and len(list(one_day)) == 270


def test_hits_carry_their_snippet(tmp_path: Path) -> None:
    root = tmp_path / "archive"
    shutil.copytree(SAMPLE_ISSUES, root)
    with Library.open(root) as library:
        library.update_index(library.index_dir(tmp_path / "indexes"))
        total, items = search_entries(library, SearchRequest("供热"))
        found = list(items)
        assert total == len(found) == 1
        assert found[0].article.id == SEED_FIRST
        assert "供热" in found[0].passage


def test_csv_cells_never_become_formulas(tmp_path: Path) -> None:
    root = tmp_path / "archive"
    root.mkdir()
    (root / "a.txt").write_text(
        '# =HYPERLINK("http://x")\n\n1 août 1821\n\n## @SUM(A1)\n\n-2+3 francs.\n\n'
        "## - 1821 -\n\n-3\n",
        encoding="utf-8",
    )
    library = Library.open(root)
    ids = [a.id for a in library.issues[0].articles]
    out = tmp_path / "x.csv"
    export(library, entries(library, ids), "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"), newline="")))
    assert [row["title"] for row in rows] == ["'@SUM(A1)", "- 1821 -"]
    assert rows[0]["passage"] == "'-2+3 francs."
    assert rows[1]["passage"] == "-3"
    assert rows[0]["publication"] == '\'=HYPERLINK("http://x")'


@pytest.mark.parametrize(("fmt", "name"), [("ris", "hits.ris"), ("markdown", "hits.zip")])
def test_an_exported_file_has_the_mode_the_umask_gives(
    seed: Library, tmp_path: Path, fmt: str, name: str
) -> None:
    ids = [a.id for a in seed.issues[0].articles]
    out = tmp_path / name
    old = os.umask(0o027)
    try:
        export(seed, entries(seed, ids), fmt, out)
    finally:
        os.umask(old)
    # Not the temporary file's private 0600: what any file the user saves would get.
    assert out.stat().st_mode & 0o777 == 0o666 & ~_umask()


def test_a_title_from_the_first_words_is_supplied_in_brackets(tmp_path: Path) -> None:
    # The BL reproducer's second article has no title in the METS: its title is its first words.
    from tests.formats.test_bl_hmd import METS, PAGE_1, PAGE_2

    root = tmp_path / "archive"
    root.mkdir()
    for name, text in (
        ("issue_mets.xml", METS),
        ("issue_0001.xml", PAGE_1),
        ("issue_0002.xml", PAGE_2),
    ):
        (root / name).write_text(text, encoding="utf-8")
    library = Library.open(root)
    articles = library.issues[0].articles
    derived = next(a for a in articles if a.title_derived)
    own = next(a for a in articles if not a.title_derived and a.title)
    ids = [own.id, derived.id]
    supplied = f"[{derived.title}]"
    records = rispy.loads(_text(library, ids, "ris"))
    assert [r["title"] for r in records] == [own.title, supplied]
    csl = json.loads(_text(library, ids, "csl-json"))
    jsonschema.validate(csl, SCHEMA)
    assert [item["title"] for item in csl] == [own.title, supplied]
    bib = bibtexparser.parse_string(_text(library, ids, "bibtex"))
    assert [e.fields_dict["title"].value for e in bib.entries] == [own.title, supplied]
    rows = list(csv.DictReader(io.StringIO(_text(library, ids, "csv"), newline="")))
    assert [(r["title"], r["title_derived"]) for r in rows] == [
        (own.title, "false"),
        (derived.title, "true"),
    ]
    assert rows[1]["citation"].startswith(supplied + ". ")
    assert rows[0]["citation"].startswith(f"“{own.title}")
