"""Exporting a collection whose items come from two archives: every format parses back with an
independent reader (csv, rispy, the CSL schema, bibtexparser, the front matter as JSON) and holds
the items' notes and tags; items whose archive or article is gone are skipped and named; the
collection survives a restart, and a zip archive moved and relinked exports again.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import zipfile
from pathlib import Path

import bibtexparser
import jsonschema
import pytest
import rispy

from reader.library import Library
from reader.library.collection_export import CollectionEntries, export_items, opened_archives
from reader.library.collections import Store, locate
from reader.library.export import write_stream
from reader.library.relinking import archive_kind
from reader.model import ReaderError
from tests.library.kept import NAME, NOTES, TAGS, TITLES, Kept, keep_from_two_archives

SCHEMA = json.loads(
    (Path(__file__).parents[1] / "data" / "csl" / "csl-data.json").read_text(encoding="utf-8")
)


@pytest.fixture(autouse=True)
def own_data(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


@pytest.fixture
def store():
    opened = Store()
    yield opened
    opened.close()


@pytest.fixture
def kept(tmp_path, store) -> Kept:
    return keep_from_two_archives(tmp_path / "archives", store)


def stream(store: Store, fmt: str) -> tuple[str, CollectionEntries]:
    out = io.StringIO()
    with CollectionEntries(store.items(NAME)) as source:
        write_stream(source, fmt, out, kept=True)
    return out.getvalue(), source


def test_csv_holds_each_item_with_its_archive_note_and_tags(store, kept, tmp_path):
    out = tmp_path / "out" / "collection.csv"
    out.parent.mkdir()
    done = export_items(store.items(NAME), "csv", out)
    assert (done.written, done.skipped) == (3, ())
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"), newline="")))
    assert [row["title"] for row in rows] == TITLES
    assert [row["id"] for row in rows] == kept.ids
    assert [row["archive"] for row in rows] == ["weekly", "seed", "weekly"]
    assert [row["publication"] for row in rows] == ["测试周报", "今日长子", "测试周报"]
    assert [row["note"] for row in rows] == NOTES  # the line break kept, quoted
    assert [row["tags"] for row in rows] == ["能源", "能源; 会议", ""]
    assert {row["collection"] for row in rows} == {NAME}
    # No search: the passage is the article's first words.
    assert rows[1]["passage"].startswith(
        "本报讯 9月11日，我县在县委三楼会议室召开供热工程项目协调会"
    )
    assert (
        rows[0]["passage"] == "本报讯 12月20日，全县供热保障会议召开。 会议要求供热单位做好准备。"
    )
    assert Path(rows[1]["file"]).parent == kept.seed
    assert rows[1]["citation"].startswith("张晓明, 郭强. 我县召开供热工程项目协调会[N]. 今日长子")


def test_each_archive_is_opened_once_in_the_collections_order(store, kept):
    _text, source = stream(store, "csv")
    assert source.archives_opened == [str(kept.weekly.resolve()), str(kept.seed.resolve())]
    assert source.skipped == []


def test_ris_parses_with_rispy_note_as_n1_and_tags_as_kw(store, kept):
    text, _source = stream(store, "ris")
    records = rispy.loads(text)
    assert [r["title"] for r in records] == TITLES
    assert [r["accession_number"] for r in records] == kept.ids
    seed = records[1]
    assert seed["notes"] == ["见第二段 另见协调会", "总1810期"]  # a RIS value is one line
    assert seed["keywords"] == ["能源", "会议"]
    assert seed["secondary_title"] == "今日长子"
    assert seed["name_of_database"] == "seed"
    assert records[0]["notes"] == ["县里的会", "总100期"]
    assert records[0]["keywords"] == ["能源"]
    assert "keywords" not in records[2] and records[2]["notes"] == ["总102期"]


def test_csl_json_is_valid_and_holds_note_and_keywords(store, kept):
    text, _source = stream(store, "csl-json")
    items = json.loads(text)
    jsonschema.validate(items, SCHEMA)
    assert [item["id"] for item in items] == kept.ids
    assert items[1]["note"] == f"{NOTES[1]}\n总1810期"
    assert items[1]["keyword"] == "能源, 会议"
    assert items[0]["keyword"] == "能源"
    assert "keyword" not in items[2] and items[2]["note"] == "总102期"
    assert [item["container-title"] for item in items] == ["测试周报", "今日长子", "测试周报"]


def test_bibtex_parses_with_bibtexparser_note_and_keywords(store, kept):
    text, _source = stream(store, "bibtex")
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks
    entries = library.entries
    assert [e.fields_dict["title"].value for e in entries] == TITLES
    assert entries[1].fields_dict["note"].value == "见第二段 另见协调会; 总1810期"
    assert entries[1].fields_dict["keywords"].value == "能源, 会议"
    assert entries[0].fields_dict["keywords"].value == "能源"
    assert "keywords" not in entries[2].fields_dict


@pytest.mark.parametrize(("fmt", "suffix"), [("markdown", ".md"), ("text", ".txt")])
def test_articles_as_files_carry_collection_note_and_tags(store, kept, tmp_path, fmt, suffix):
    zipped = tmp_path / "texts.zip"
    assert export_items(store.items(NAME), fmt, zipped).written == 3
    folder = tmp_path / "texts"
    assert export_items(store.items(NAME), fmt, folder).written == 3
    with zipfile.ZipFile(zipped) as archive:
        names = sorted(archive.namelist())
        texts = [archive.read(name).decode("utf-8") for name in names]
    assert names == sorted(p.name for p in folder.iterdir())
    assert all(name.endswith(suffix) for name in names)
    fronts = {}
    for text in texts:
        lines = text.split("\n---\n")[0].splitlines()[1:]
        front = {k: json.loads(v) for k, v in (line.split(": ", 1) for line in lines)}
        fronts[front["id"]] = front
    assert [fronts[i]["note"] for i in kept.ids] == NOTES
    assert [tuple(fronts[i]["tags"]) for i in kept.ids] == TAGS
    assert {front["collection"] for front in fronts.values()} == {NAME}


def test_items_whose_archive_or_article_is_gone_are_skipped_and_named(store, kept, tmp_path):
    # The weekly loses its December issue; a zip of it is kept from, then broken.
    (kept.weekly / "2021-12-27.txt").unlink()
    zipped = Path(shutil.make_archive(str(tmp_path / "packed"), "zip", kept.seed))
    with Library.open(zipped) as library:
        issue = library.issues[0]
        store.save(NAME, zipped, issue, issue.articles[2], "来自压缩包")
    zipped.write_bytes(b"PK\x03\x04 not a zip any more")
    moved = shutil.move(kept.seed, tmp_path / "moved-seed")
    out = tmp_path / "partial.ris"
    done = export_items(store.items(NAME), "ris", out)
    assert done.written == 1
    assert [r["title"] for r in rispy.loads(out.read_text(encoding="utf-8"))] == [TITLES[2]]
    why = {(s.title, s.reason) for s in done.skipped}
    assert (TITLES[0], "gone") in why
    assert (TITLES[1], "missing") in why
    (broken,) = [s for s in done.skipped if s.reason == "unreadable"]
    assert broken.file == str(zipped.resolve()) and "not a readable zip" in broken.detail
    assert len(done.skipped) == 3
    missing = next(s for s in done.skipped if s.reason == "missing")
    assert missing.file == str(kept.seed.resolve()) and "relink" in missing.text
    assert Path(moved).is_dir()


def test_never_written_into_an_archive_of_the_collection(store, kept):
    before = sorted(p.name for p in kept.weekly.iterdir())
    with pytest.raises(ReaderError):
        export_items(store.items(NAME), "csv", kept.weekly / "out.csv")
    with pytest.raises(ReaderError):
        export_items(store.items(NAME), "text", kept.weekly / "texts")
    assert sorted(p.name for p in kept.weekly.iterdir()) == before


def test_an_archive_already_open_is_used_not_opened_again(store, kept):
    with Library.open(kept.seed) as library:
        opened = opened_archives((str(kept.seed), library), ("", None))
        with CollectionEntries(store.items(NAME), opened) as source:
            assert [e.article.id for e in source] == kept.ids
        assert source.archives_opened == [str(kept.weekly.resolve())]


def test_a_zip_moved_and_relinked_survives_a_restart_and_exports(tmp_path):
    source = Path(shutil.copytree(Path(__file__).parents[2] / "sample_issues", tmp_path / "s"))
    zipped = Path(shutil.make_archive(str(tmp_path / "first" / "seed"), "zip", source))
    store = Store()
    with Library.open(zipped) as library:
        issue = library.issues[0]
        store.save(NAME, zipped, issue, issue.articles[3], "压缩包里的", ["zip"])
    store.close()
    moved = tmp_path / "second" / "renamed.zip"
    moved.parent.mkdir()
    shutil.move(zipped, moved)
    again = Store()  # a restart
    try:
        [item] = again.items(NAME)
        assert not item.archive_present
        assert archive_kind(item.archive_path) == "zip"  # the relink prompt asks for a zip
        done = export_items(again.items(NAME), "csv", tmp_path / "before.csv")
        assert (done.written, [s.reason for s in done.skipped]) == (0, ["missing"])
        again.relink(item.archive_id, moved)
        [item] = again.items(NAME)
        assert item.archive_present and item.archive_path == str(moved.resolve())
        with Library.open(moved) as library:
            assert locate(library.archive, item) == (issue.id, issue.articles[3].id)
        done = export_items(again.items(NAME), "csl-json", tmp_path / "after.json")
        assert (done.written, done.skipped) == (1, ())
        (exported,) = json.loads((tmp_path / "after.json").read_text(encoding="utf-8"))
        assert exported["id"] == issue.articles[3].id
        assert (exported["note"], exported["keyword"]) == ("压缩包里的\n总1810期", "zip")
        assert exported["archive"] == "renamed.zip"
    finally:
        again.close()


def test_the_kind_of_a_missing_archive_is_judged_by_its_name(tmp_path):
    assert archive_kind(tmp_path) == "folder"
    assert archive_kind(tmp_path / "gone" / "archive") == "folder"
    assert archive_kind(tmp_path / "gone" / "archive.v2") == "folder"
    assert archive_kind(tmp_path / "gone" / "报纸.ZIP") == "zip"
    assert archive_kind(tmp_path / "gone" / "2022-09-19.txt") == "file"
    issue = tmp_path / "issue.xml"
    issue.write_text("<alto/>", encoding="utf-8")
    assert archive_kind(issue) == "file"
    # A zip named otherwise is still a zip while it is there.
    packed = Path(shutil.make_archive(str(tmp_path / "p"), "zip", tmp_path, "issue.xml"))
    assert archive_kind(packed.rename(tmp_path / "packed.bin")) == "zip"
