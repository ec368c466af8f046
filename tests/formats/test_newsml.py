"""NewsML-G2 items, packages and messages: the fixtures in tests/data/newsml/items and tmp_path."""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile
from pathlib import Path

import pytest

from reader.formats import load_archive, open_source, pick_importer, read_original
from reader.formats.newsml import newsml
from reader.model import Archive, CorruptArchive

ITEMS = Path(__file__).resolve().parents[1] / "data" / "newsml" / "items"
NAR = "http://iptc.org/std/nar/2006-10-01/"


def item(
    guid: str, headline: str, text: str, created: str = "2024-03-12T09:00:00Z", **extra
) -> str:
    version = extra.get("version", "1")
    service = extra.get("service", "Riverside Courier")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="{NAR}" guid="{guid}" version="{version}" standard="NewsML-G2">
  <itemMeta><itemClass qcode="ninat:text"/>
    <service qcode="svc:x"><name>{service}</name></service></itemMeta>
  <contentMeta><contentCreated>{created}</contentCreated><headline>{headline}</headline>
  </contentMeta>
  <contentSet><inlineData contenttype="text/plain">{text}</inlineData></contentSet>
</newsItem>
"""


@pytest.fixture(scope="module")
def archive() -> Archive:
    return load_archive(open_source(ITEMS))


def test_items_are_grouped_by_publication_and_date(archive):
    labels = [(i.publication, i.date) for i in archive.issues]
    assert labels == [
        ("Riverside Courier", dt.date(2024, 3, 12)),
        ("Riverside Courier", dt.date(2024, 3, 13)),
    ]
    assert all(i.format == "newsml-g2" for i in archive.issues)


def test_inline_nitf_gives_headlines_byline_dateline_and_paragraphs(archive):
    bridge = next(a for a in archive.issues[0].articles if a.title.startswith("Old bridge"))
    assert bridge.title == "Old bridge reopens after two years"
    assert bridge.subtitle == "Cyclists get a lane of their own"
    assert bridge.authors == ("Ann Weaver", "Tom Reyes")
    assert bridge.date == dt.date(2024, 3, 11)  # the story's own date, from the dateline
    assert (bridge.page, bridge.column, bridge.language) == ("3", "Local", "en-GB")
    assert bridge.paragraphs == (
        "MILLFORD, March 11",
        "The stone bridge over the Mill River opened to traffic again on Monday, "
        "two years after floods closed it.",
        "The town spent 1.2 million on the repairs.",
        "What changes",
        "Cars are limited to one lane;",
        "the other is for bicycles.",
        "The bridge at dawn.",
        "Additional reporting by Lea Marsh.",
    )


def test_inline_xhtml_and_the_g2_byline(archive):
    market = archive.issues[0].articles[0]
    assert market.title == "Farmers' market moves indoors"
    assert market.subtitle == "The hall opens on Saturdays from April"
    assert market.authors == ("Priya Shah",)
    assert market.language == "en-US"
    # The h1 repeats the headline and the script is not text.
    assert market.paragraphs == (
        "The weekly market will use the old grain hall.",
        "Opening hours: 8 to 13.",
        "Parking is free.",
    )


def test_a_package_is_an_issue_in_its_own_order(archive):
    front = archive.issues[1]
    assert front.front_matter == ("Wednesday's front page", "Front page")
    assert [a.title for a in front.articles] == [
        "Frost expected tonight",
        "School roof repaired before the storm",
    ]
    stub, school = front.articles
    # The weather item is not in the archive: the package's title and summary stand in.
    assert stub.paragraphs == ("Temperatures fall below zero.",)
    assert stub.source == "courier-frontpage.xml"
    assert school.date == dt.date(2024, 3, 12)
    assert school.paragraphs == (
        "Workers finished the roof of the primary school on Tuesday.",
        "Classes resume on Thursday.",
    )


def test_a_picture_item_is_a_problem(archive):
    assert [(p.source, p.reason) for p in archive.problems] == [
        ("harbour-photo.xml", "a NewsML-G2 picture item: no text to read")
    ]


def test_original_markup_is_the_body_as_the_file_has_it(archive):
    source = open_source(ITEMS)
    issue = archive.issues[0]
    bridge, market = issue.articles[1], issue.articles[0]
    nitf_body = read_original(source, issue, bridge)
    assert nitf_body.startswith("<body.content")
    assert '<money unit="EUR">1.2 million</money>' in nitf_body
    assert read_original(source, issue, market).startswith("<body")
    stub = archive.issues[1].articles[0]
    assert "Frost expected tonight" in read_original(source, archive.issues[1], stub)


def test_scores():
    head = (ITEMS / "courier-bridge.xml").read_bytes()[:4096]
    assert pick_importer("x.xml", head) is newsml
    assert newsml.score("x.xml", b"<contentSet><inlineXML/></contentSet>") == 60
    assert newsml.score("x.txt", b"<contentSet><inlineXML/></contentSet>") == 0
    assert newsml.score("x.xml", b'<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"/>') == 0
    assert newsml.score("x.xml", b"not xml at all") == 0


def test_the_highest_version_of_a_guid_wins(tmp_path):
    (tmp_path / "v1.xml").write_text(item("urn:x:1", "First draft", "Old text.", version="1"))
    (tmp_path / "v3.xml").write_text(item("urn:x:1", "Final story", "New text.", version="3"))
    (tmp_path / "v2.xml").write_text(item("urn:x:1", "Second draft", "Text.", version="2"))
    archive = load_archive(open_source(tmp_path))
    assert [a.title for i in archive.issues for a in i.articles] == ["Final story"]
    assert archive.problems == ()  # older versions are not broken files


def test_ids_survive_reopening_and_renaming_other_files(tmp_path):
    (tmp_path / "a.xml").write_text(item("urn:x:a", "A", "Text a."))
    (tmp_path / "b.xml").write_text(item("urn:x:b", "B", "Text b."))
    before = {a.title: a.id for i in load_archive(open_source(tmp_path)).issues for a in i.articles}
    (tmp_path / "c.xml").write_text(item("urn:x:c", "C", "Text c."))
    after = {a.title: a.id for i in load_archive(open_source(tmp_path)).issues for a in i.articles}
    assert after["A"] == before["A"] and after["B"] == before["B"]
    assert len(set(after.values())) == 3


def test_items_without_publication_fall_back_to_the_folder_or_zip(tmp_path):
    folder = tmp_path / "wire.2024"
    folder.mkdir()
    text = item("urn:x:1", "Headline", "Body.").replace(
        '<service qcode="svc:x"><name>Riverside Courier</name></service>', ""
    )
    (folder / "a.xml").write_text(text)
    archive = load_archive(open_source(folder))
    assert [i.publication for i in archive.issues] == ["wire.2024"]
    with zipfile.ZipFile(tmp_path / "wire-2023.zip", "w") as packed:
        packed.writestr("a.xml", text)
    archive = load_archive(open_source(tmp_path / "wire-2023.zip"))
    assert [i.publication for i in archive.issues] == ["wire-2023"]


def test_a_provider_known_only_by_uri_gives_way_to_the_copyright_holder(tmp_path):
    """As IPTC's LISTING 2 has it; the infoSource (an agency drawn on) names no publication."""
    rights = (
        "<rightsInfo><copyrightHolder uri='http://example.com/#c'><name>Acme News LLC</name>"
        "</copyrightHolder></rightsInfo>\n  <itemMeta>"
    )
    service = '<service qcode="svc:x"><name>Riverside Courier</name></service>'
    text = item("urn:x:1", "Headline", "Body.").replace(service, '<provider uri="http://x/"/>')
    text = text.replace("<contentMeta>", "<contentMeta><infoSource><name>AP</name></infoSource>")
    (tmp_path / "a.xml").write_text(text.replace("<itemMeta>", rights))
    (tmp_path / "b.xml").write_text(text.replace('guid="urn:x:1"', 'guid="urn:x:2"'))
    archive = load_archive(open_source(tmp_path))
    by_file = {i.articles[0].source: i.publication for i in archive.issues}
    assert by_file == {"a.xml": "Acme News LLC", "b.xml": tmp_path.name}


def test_undated_items_make_an_undated_issue(tmp_path):
    shutil.copy(ITEMS / "courier-market.xml", tmp_path / "market.xml")
    text = (tmp_path / "market.xml").read_text()
    for tag in ("contentCreated", "versionCreated"):
        start, end = text.index(f"<{tag}>"), text.index(f"</{tag}>") + len(tag) + 3
        text = text[:start] + text[end:]
    (tmp_path / "market.xml").write_text(text)
    archive = load_archive(open_source(tmp_path))
    assert [(i.date, i.numbers_printed, i.number) for i in archive.issues] == [(None, (), "")]


def test_repeated_guids_inside_one_message_stay_apart(tmp_path):
    one = item("urn:x:same", "One", "First.").split("\n", 1)[1]
    two = item("urn:x:same", "Two", "Second.").split("\n", 1)[1]
    (tmp_path / "message.xml").write_text(
        f'<newsMessage xmlns="{NAR}"><header><sent>2024-03-12T00:00:00Z</sent></header>'
        f"<itemSet>{one}{two}</itemSet></newsMessage>"
    )
    archive = load_archive(open_source(tmp_path))
    articles = [a for i in archive.issues for a in i.articles]
    assert [a.title for a in articles] == ["One", "Two"]
    assert len({a.id for a in articles}) == 2


def test_metadata_only_files_are_problems(tmp_path):
    (tmp_path / "hops.xml").write_text(
        f'<newsItem xmlns="{NAR}" guid="urn:x:h"><itemMeta><itemClass qcode="ninat:text"/>'
        "</itemMeta></newsItem>"
    )
    (tmp_path / "meta.xml").write_text(
        "<contentMeta><dateline>PARIS, Monday</dateline></contentMeta>"
    )
    archive = load_archive(open_source(tmp_path))
    assert archive.issues == ()
    assert {p.source: p.reason for p in archive.problems} == {
        "hops.xml": "a NewsML-G2 newsItem with no headline or text (metadata only)",
        "meta.xml": "a NewsML-G2 <contentMeta> fragment with no headline or text",
    }


def test_original_of_an_item_gone_from_its_file_is_a_reader_error(tmp_path):
    (tmp_path / "message.xml").write_text(
        f'<newsMessage xmlns="{NAR}"><itemSet>'
        + item("urn:x:1", "One", "First.").split("\n", 1)[1]
        + item("urn:x:2", "Two", "Second.").split("\n", 1)[1]
        + "</itemSet></newsMessage>"
    )
    source = open_source(tmp_path)
    archive = load_archive(source)
    issue = archive.issues[0]
    assert read_original(source, issue, issue.articles[1]).startswith("<inlineData")
    (tmp_path / "message.xml").write_text(item("urn:x:1", "One", "First."))
    with pytest.raises(CorruptArchive, match="no longer in the file"):
        read_original(source, issue, issue.articles[1])


def test_the_g2_dateline_opens_a_text_that_lacks_it(tmp_path):
    text = item("urn:x:1", "Storm closes port", "Ships stayed in harbour.").replace(
        "</headline>", "</headline><dateline>DOVER, March 12</dateline>"
    )
    (tmp_path / "a.xml").write_text(text)
    [article] = load_archive(open_source(tmp_path)).issues[0].articles
    assert article.paragraphs == ("DOVER, March 12", "Ships stayed in harbour.")
