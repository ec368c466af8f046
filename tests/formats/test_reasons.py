"""Every problem an archive of bad files produces carries a catalogue code, not free text."""

from __future__ import annotations

import dataclasses
import gzip
import io
import pickle
import tarfile
import zipfile

import pytest

from reader.formats import load_archive, open_source, read_original
from reader.library import Library
from reader.model import CATALOGUE, CorruptArchive, Reason

ALTO = "http://www.loc.gov/standards/alto/ns-v4#"
NAR = "http://iptc.org/std/nar/2006-10-01/"

# File name -> (bytes, the code its problem must have). Each is the smallest file that goes wrong
# in its own way; between them they reach most importers.
BAD_FILES = {
    "empty.txt": (b"", "empty_file"),
    "blob.bin": (b"\x00\x01\x02\x03" * 64, "unknown_format_binary"),
    "notes.txt": (b"Just some notes, no headings.\n", "unknown_format"),
    "inner.zip": (b"PK\x03\x04" + b"\x00" * 40, "nested_zip"),
    "controls.md": (b"## title\n" + bytes(range(1, 9)) * 200, "binary_data"),
    "bad-bom.md": (b"\xef\xbb\xbf## \xff\xfe", "bad_encoding"),
    "cut.xml": (b"<nitf><body><body.head><hedline><hl1>Cut off", "not_well_formed_xml"),
    "entities.xml": (
        b'<?xml version="1.0"?><!DOCTYPE nitf [<!ENTITY a "ha">]><nitf><head/></nitf>',
        "xml_entities_refused",
    ),
    "dtd.xml": (
        b'<?xml version="1.0"?><!DOCTYPE nitf SYSTEM "http://example.invalid/nitf.dtd">'
        b"<nitf><head/></nitf>",
        "xml_external_dtd_refused",
    ),
    "hollow.xml": (b"<nitf><head/><body/></nitf>", "nitf_empty"),
    "1950-13-45_x.md": (
        "### 标题\n作者\n1950-13-45\n第1版()\n\n正文。\n".encode(),
        "bad_date_line",
    ),
    "content_1.htm": (
        b"<html><body><founder-content> </founder-content></body></html>",
        "founder_article_empty",
    ),
    "content_2.htm": (
        b"<html><body><p>Page not found</p></body></html>",
        "founder_nothing_to_read",
    ),
    "content_3.htm": (b"<html>\x00\x01\x02" * 50, "binary_web_page"),
    "photo.xml": (
        f'<newsItem xmlns="{NAR}" guid="urn:x:p" version="1"><itemMeta>'
        '<itemClass qcode="ninat:picture"/></itemMeta></newsItem>'.encode(),
        "newsml_no_text_item",
    ),
    "meta.xml": (b"<contentMeta><dateline>PARIS</dateline></contentMeta>", "newsml_empty_fragment"),
    "hops.xml": (
        f'<newsItem xmlns="{NAR}" guid="urn:x:h" version="1"><itemMeta>'
        '<itemClass qcode="ninat:text"/></itemMeta></newsItem>'.encode(),
        "newsml_metadata_only",
    ),
    "p1_articletext.xml": (b"<text><p>Lost.</p></text>", "didl_orphan_text"),
    "pages/0001.xml": (
        f'<alto xmlns="{ALTO}"><Layout><Page ID="P1"><PrintSpace>'
        '<TextBlock ID="B1"><TextLine><String CONTENT="Kept"/></TextLine></TextBlock>'
        '<TextBlock ID="B2"><TextLine><String CONTENT="Lo'.encode(),
        "xml_cut_short",
    ),
    "archive.toml": (b"publication = [unclosed", "bad_toml"),
}


@pytest.fixture
def bad_archive(tmp_path):
    for name, (data, _) in BAD_FILES.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return tmp_path


def test_each_bad_file_is_a_problem_with_its_code(bad_archive):
    library = Library.open(bad_archive)
    codes = {p.source: p.code for p in library.problems}
    assert codes == {name: code for name, (_, code) in BAD_FILES.items()}
    for problem in library.problems:
        assert problem.cause.code in CATALOGUE
        assert problem.reason == CATALOGUE[problem.code].format_map(problem.cause.values)
    # Values carry what cannot be translated: libxml2's message, the encoding's name.
    cut = next(p for p in library.problems if p.source == "cut.xml")
    assert cut.cause.value("detail") and cut.cause.value("detail") in cut.reason
    assert next(p for p in library.problems if p.source == "bad-bom.md").cause.values == {
        "encoding": "UTF-8"
    }


def test_problems_cross_to_another_process_intact(bad_archive):
    problems = Library.open(bad_archive).problems
    assert pickle.loads(pickle.dumps(problems)) == problems


def test_zip_members_refused_for_safety_have_codes(tmp_path):
    path = tmp_path / "issue.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("../escape.txt", "## x\n")
        archive.writestr("/etc/absolute.txt", "## x\n")
    problems = load_archive(open_source(path)).problems
    assert sorted((p.source, p.code) for p in problems) == [
        ("../escape.txt", "path_outside_archive"),
        ("/etc/absolute.txt", "absolute_path"),
    ]


def test_missing_paths_and_unknown_formats_raise_with_codes(tmp_path):
    with pytest.raises(CorruptArchive) as missing:
        open_source(tmp_path / "nowhere")
    assert missing.value.reason.code == "no_such_path"
    (tmp_path / "a.xml").write_bytes(
        b"<nitf><body><body.content><p>x</p></body.content></body></nitf>"
    )
    source = open_source(tmp_path)
    issue = load_archive(source).issues[0]
    stray = dataclasses.replace(issue, format="nonesuch")
    with pytest.raises(CorruptArchive) as unknown:
        read_original(source, stray, issue.articles[0])
    assert unknown.value.reason == Reason.of("unknown_importer", format="nonesuch")


def tar_bytes(compression: str = "") -> bytes:
    """A small real tar archive holding one text issue (gzip- or bz2-compressed when asked)."""
    data = "# 周报\n\n2022年9月26日\n\n## 第一篇\n\n正文。\n".encode()
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode=f"w:{compression}") as archive:
        member = tarfile.TarInfo("issue.txt")
        member.size = len(data)
        archive.addfile(member, io.BytesIO(data))
    return buffer.getvalue()


def test_tar_archives_are_explained_by_name_or_by_their_bytes(tmp_path):
    files = {
        "issues.tgz": tar_bytes("gz"),
        "issues.tar.gz": tar_bytes("gz"),
        "issues.tar.bz2": tar_bytes("bz2"),
        "issues.tar": tar_bytes(),
        "download": tar_bytes(),  # a plain tar with no name to go by: its header says so
        "download.bin": tar_bytes("gz"),  # a gzip: its first block says it holds a tar
        "photo.gz": gzip.compress(b"\x00\x01 not a tar" * 100),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    problems = {p.source: p.code for p in load_archive(open_source(tmp_path)).problems}
    assert problems == {
        "issues.tgz": "tar_archive",
        "issues.tar.gz": "tar_archive",
        "issues.tar.bz2": "tar_archive",
        "issues.tar": "tar_archive",
        "download": "tar_archive",
        "download.bin": "tar_archive",
        "photo.gz": "unknown_format_binary",
    }
    reason = Reason.of("tar_archive")
    assert reason.text == "a tar archive is not opened: unpack it, or zip it"


def test_a_tar_opened_on_its_own_is_one_problem(tmp_path):
    path = tmp_path / "issues.tgz"
    path.write_bytes(tar_bytes("gz"))
    library = Library.open(path, use_cache=False)
    assert library.issues == ()
    assert [(p.source, p.code) for p in library.problems] == [("issues.tgz", "tar_archive")]
