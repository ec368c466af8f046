"""Every export carries the heading's parts beyond the title: the column (栏目), kicker and subtitle.

Articles: the seed issue (its seventh article runs under the column 抓党建促基层治理能力提升·长子行,
its second has a kicker) and an issue written here in the county text format whose one article
has all three, with commas and quotation marks a careless writer would break on.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path

import bibtexparser
import jsonschema
import pytest
import rispy

from reader.library import Library
from reader.library.export import export, write, write_stream
from reader.library.export_entries import Entry, entries
from tests.conftest import SAMPLE_ISSUES

SCHEMA = json.loads(
    (Path(__file__).parents[1] / "data" / "csl" / "csl-data.json").read_text(encoding="utf-8")
)
SEED_KICKER = "2022-09-19-f6b602d7-02"
SEED_COLUMN = "2022-09-19-f6b602d7-07"
COLUMN = "抓党建促基层治理能力提升·长子行"
KICKER = "县委书记郭强在调研时强调"
TITLE = "以“党建+”引领乡村振兴, 让群众得实惠"
SUBTITLE = '丹朱镇“一村一品”见成效，"合作社"带富百户'
# The columns every export had before the heading's parts, in their places.
FIRST_COLUMNS = [
    "id",
    "date",
    "publication",
    "issue",
    "page",
    "title",
    "title_derived",
    "authors",
    "language",
    "passage",
    "citation",
    "file",
    "archive",
]


@pytest.fixture(scope="module")
def seed() -> Library:
    return Library.open(SAMPLE_ISSUES)


@pytest.fixture
def headed(tmp_path: Path) -> Library:
    """An issue in the county text format: a column label, a kicker, the title, a subtitle."""
    root = tmp_path / "county"
    root.mkdir()
    (root / "issue.txt").write_text(
        f"# 今日长子\n\n2022年9月26日\n总1811期\n\n## {COLUMN}\n\n## {KICKER}\n\n# {TITLE}\n\n"
        f"### {SUBTITLE}\n\n本报讯 9月22日，县委书记郭强深入丹朱镇调研乡村振兴工作。\n\n记者 张晓明\n",
        encoding="utf-8",
    )
    library = Library.open(root)
    (article,) = library.issues[0].articles
    assert (article.column, article.kicker, article.title, article.subtitle) == (
        COLUMN,
        KICKER,
        TITLE,
        SUBTITLE,
    )
    return library


def _ids(library: Library) -> list[str]:
    return [a.id for issue in library.issues for a in issue.articles]


def _csv_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    text = path.read_text(encoding="utf-8-sig")
    header = next(csv.reader(io.StringIO(text, newline="")))
    return header, list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_appends_column_kicker_and_subtitle(
    seed: Library, headed: Library, tmp_path: Path
) -> None:
    export(seed, entries(seed, _ids(seed)), "csv", tmp_path / "seed.csv")
    header, rows = _csv_rows(tmp_path / "seed.csv")
    assert header == [*FIRST_COLUMNS, "column", "kicker", "subtitle"]
    by_id = {row["id"]: row for row in rows}
    assert by_id[SEED_COLUMN]["column"] == COLUMN
    assert by_id[SEED_KICKER]["kicker"] == "强在精卫湖康养小镇项目前期策划方案汇报会上强调"
    others = [row for row in rows if row["id"] not in (SEED_COLUMN, SEED_KICKER)]
    assert len(others) == 6
    assert all(row["column"] == row["kicker"] == row["subtitle"] == "" for row in others)

    export(headed, entries(headed, _ids(headed)), "csv", tmp_path / "headed.csv")
    _header, (row,) = _csv_rows(tmp_path / "headed.csv")
    assert (row["column"], row["kicker"], row["title"], row["subtitle"]) == (
        COLUMN,
        KICKER,
        TITLE,
        SUBTITLE,
    )


def test_a_collections_csv_keeps_its_own_columns_in_their_places(
    headed: Library, tmp_path: Path
) -> None:
    kept = (
        Entry(e.issue, e.article, e.passage, e.location, e.archive, "乡村振兴", "读过", ("党建",))
        for e in entries(headed, _ids(headed))
    )
    write(kept, "csv", tmp_path / "kept.csv", kept=True)
    header, (row,) = _csv_rows(tmp_path / "kept.csv")
    assert header == [*FIRST_COLUMNS, "collection", "note", "tags", "column", "kicker", "subtitle"]
    assert (row["collection"], row["note"], row["tags"]) == ("乡村振兴", "读过", "党建")
    assert (row["column"], row["kicker"], row["subtitle"]) == (COLUMN, KICKER, SUBTITLE)


def _stream(library: Library, fmt: str, ids: list[str] | None = None) -> str:
    stream = io.StringIO()
    write_stream(entries(library, _ids(library) if ids is None else ids), fmt, stream)
    return stream.getvalue()


_RIS_LINE = re.compile(r"^([A-Z][A-Z0-9])  - ?(.*)$")


def _ris_records(text: str) -> list[list[tuple[str, str]]]:
    """RIS read by the specification alone: ``XX  - value`` lines ending in CR LF, ``ER`` closing."""
    records: list[list[tuple[str, str]]] = [[]]
    for line in text.split("\r\n"):
        if not line:
            continue
        match = _RIS_LINE.match(line)
        assert match, line
        records[-1].append((match.group(1), match.group(2)))
        if match.group(1) == "ER":
            records.append([])
    assert records.pop() == []
    return records


def test_ris_gives_the_column_as_section_and_kicker_and_subtitle_as_notes(
    seed: Library, headed: Library
) -> None:
    by_id = {dict(r)["AN"]: r for r in _ris_records(_stream(seed, "ris"))}
    assert ("SE", COLUMN) in by_id[SEED_COLUMN]
    kicker = "Kicker: 强在精卫湖康养小镇项目前期策划方案汇报会上强调"
    assert ("N1", kicker) in by_id[SEED_KICKER]
    assert not [tag for tag, _value in by_id[SEED_KICKER] if tag == "SE"]

    text = _stream(headed, "ris")
    (record,) = _ris_records(text)
    assert record[0] == ("TY", "NEWS") and record[-1] == ("ER", "")
    assert ("TI", TITLE) in record and ("SE", COLUMN) in record
    notes = [value for tag, value in record if tag == "N1"]
    assert notes == ["总1811期", f"Kicker: {KICKER}", f"Subtitle: {SUBTITLE}"]
    # And as a reference manager's reader takes it: SE is the section.
    (parsed,) = rispy.loads(text)
    assert parsed["section"] == COLUMN
    assert parsed["notes"] == notes


def test_csl_json_gives_the_column_as_section_and_keeps_kicker_and_subtitle_in_custom(
    seed: Library, headed: Library
) -> None:
    items = json.loads(_stream(seed, "csl-json"))
    jsonschema.validate(items, SCHEMA)
    by_id = {item["id"]: item for item in items}
    assert by_id[SEED_COLUMN]["section"] == COLUMN
    assert by_id[SEED_KICKER]["custom"] == {
        "kicker": "强在精卫湖康养小镇项目前期策划方案汇报会上强调"
    }
    others = [item for item in items if item["id"] not in (SEED_COLUMN, SEED_KICKER)]
    assert len(others) == 6 and not [i for i in others if "section" in i or "custom" in i]

    (item,) = json.loads(_stream(headed, "csl-json"))
    jsonschema.validate([item], SCHEMA)
    assert (item["title"], item["section"]) == (TITLE, COLUMN)
    assert item["custom"] == {"kicker": KICKER, "subtitle": SUBTITLE}
    assert item["note"] == "总1811期"  # the reader's annotations stay theirs


def _bibtex_fields(text: str) -> dict[str, dict[str, str]]:
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks
    return {
        entry.key.split("-", 1)[1]: {name: f.value for name, f in entry.fields_dict.items()}
        for entry in library.entries
    }


def test_bibtex_gives_subtitle_titleaddon_and_issuetitle(seed: Library, headed: Library) -> None:
    by_id = _bibtex_fields(_stream(seed, "bibtex"))
    assert by_id[SEED_COLUMN]["issuetitle"] == COLUMN
    assert by_id[SEED_KICKER]["titleaddon"] == "强在精卫湖康养小镇项目前期策划方案汇报会上强调"
    heading = {"subtitle", "titleaddon", "issuetitle"}
    others = [f for key, f in by_id.items() if key not in (SEED_COLUMN, SEED_KICKER)]
    assert len(others) == 6 and not [f for f in others if heading & set(f)]

    (fields,) = _bibtex_fields(_stream(headed, "bibtex")).values()
    assert (fields["title"], fields["subtitle"]) == (TITLE, SUBTITLE)
    assert (fields["titleaddon"], fields["issuetitle"]) == (KICKER, COLUMN)
    assert fields["journal"] == "今日长子"


def _front_matter(text: str) -> dict[str, object]:
    head, _, _body = text.removeprefix("---\n").partition("\n---\n")
    pairs = (line.split(": ", 1) for line in head.splitlines())
    return {key: json.loads(value) for key, value in pairs}


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_front_matter_names_them_where_the_article_has_them(
    seed: Library, headed: Library, tmp_path: Path, fmt: str
) -> None:
    export(seed, entries(seed, _ids(seed)), fmt, tmp_path / "seed.zip")
    with zipfile.ZipFile(tmp_path / "seed.zip") as texts:
        metas = [_front_matter(texts.read(name).decode("utf-8")) for name in texts.namelist()]
    by_id = {meta["id"]: meta for meta in metas}
    assert by_id[SEED_COLUMN]["column"] == COLUMN
    assert by_id[SEED_KICKER]["kicker"] == "强在精卫湖康养小镇项目前期策划方案汇报会上强调"
    heading = {"column", "kicker", "subtitle"}
    others = [m for key, m in by_id.items() if key not in (SEED_COLUMN, SEED_KICKER)]
    assert len(others) == 6 and not [m for m in others if heading & set(m)]

    export(headed, entries(headed, _ids(headed)), fmt, tmp_path / "headed")
    (path,) = (tmp_path / "headed").iterdir()
    text = path.read_text(encoding="utf-8")
    meta = _front_matter(text)
    assert list(meta)[:4] == ["id", "title", "kicker", "subtitle"]
    assert (meta["title"], meta["kicker"], meta["subtitle"]) == (TITLE, KICKER, SUBTITLE)
    assert list(meta)[list(meta).index("page") + 1] == "column"
    assert meta["column"] == COLUMN
    body = text.split("\n---\n", 1)[1]
    assert KICKER in body and SUBTITLE in body  # the body keeps the heading as printed
