"""Checksum manifests and BagIt tag files: recognised as companions, parsed, never problems."""

from __future__ import annotations

import hashlib
import shutil
import time
from pathlib import Path

import bagit

from reader.formats import FolderSource, load_archive
from reader.formats.common.manifests import parse, read_tags, recognise
from tests.conftest import shared_path

BL = "samples/bl-hmd-lsga-1832"
SHA = hashlib.sha256(b"x").hexdigest()
MD5 = hashlib.md5(b"x").hexdigest()


def test_bagit_files_are_known_by_their_names():
    assert recognise("bag/bagit.txt", b"BagIt-Version: 1.0\n").kind == "bagit"
    info = recognise("bag-info.txt", b"Source-Organization: BL\nPayload-Oxum: 10.2\n")
    assert info.kind == "bag-info"
    assert info.fields == (("Source-Organization", "BL"), ("Payload-Oxum", "10.2"))
    manifest = recognise("b/manifest-sha512.txt", b"")
    assert (manifest.kind, manifest.algorithm) == ("manifest", "sha512")
    assert recognise("tagmanifest-md5.txt", b"").kind == "tagmanifest"
    assert recognise("fetch.txt", b"https://x.org/a 12 data/a\n").kind == "fetch"


def test_plain_lists_are_known_by_their_lines_whatever_their_names():
    gnu = f"{SHA}  page 1.xml\n{SHA} *img/page.jp2\n".encode()
    listed = recognise("notes.txt", gnu)
    assert (listed.kind, listed.algorithm) == ("checksums", "sha256")
    assert [e.path for e in parse("notes.txt", gnu).entries] == ["page 1.xml", "img/page.jp2"]
    bsd = f"sha256 (a.xml) = {SHA}\nMD5 (b (1).xml) = {MD5}\nSHA256(c.xml)= {SHA}\n".encode()
    entries = parse("x_manifest.txt", bsd).entries
    assert [(e.path, e.algorithm) for e in entries] == [
        ("a.xml", "sha256"),
        ("b (1).xml", "md5"),
        ("c.xml", "sha256"),
    ]
    assert recognise("x_manifest.txt", bsd).kind == "checksums"


def test_the_name_picks_the_algorithm_a_hash_length_cannot():
    sha512 = hashlib.sha512(b"x").hexdigest()
    assert parse("SHA512SUMS", f"{sha512}  a\n".encode()).entries[0].algorithm == "sha512"
    assert parse("list.md5", f"{MD5}  a\n".encode()).entries[0].algorithm == "md5"
    lone = parse("scans/page.jp2.md5", f"{MD5}\n".encode()).entries
    assert [(e.path, e.algorithm) for e in lone] == [("page.jp2", "md5")]


def test_text_that_is_not_a_list_is_not_a_companion():
    assert recognise("issue.txt", b"# Heading\n\nSome text.\n") is None
    # One good line among prose is not a list either.
    assert recognise("issue.txt", f"{SHA}  a.xml\nand then prose\n".encode()) is None
    assert recognise("notes.txt", b"deadbeef  a.xml\n") is None  # too short for any hash
    counted = parse("SHA256SUMS", f"{SHA}  a\nnot a line\n".encode())
    assert (len(counted.entries), counted.bad_lines) == (1, 1)


def test_a_head_cut_mid_line_is_judged_on_its_whole_lines():
    head = f"{SHA}  a.xml\n{SHA}  b.x".encode()
    assert recognise("SHA256SUMS", head[: len(head) - 30]) is not None


def test_hostile_lines_are_parsed_in_linear_time():
    started = time.monotonic()
    recognise("x.txt", b"(" * 20000 + b"=" * 20000)
    recognise("x.txt", b"sha256 (" + b")" * 40000)
    assert time.monotonic() - started < 1.0


def test_a_tag_file_that_bagit_refuses_has_no_fields():
    assert read_tags(b"no colon here\n") == ()


def test_a_bag_loads_with_its_companions_and_no_problems(tmp_path, seed_file):
    bag = tmp_path / "bag"
    bag.mkdir()
    shutil.copy(seed_file, bag / seed_file.name)
    bagit.make_bag(str(bag), {"Source-Organization": "Test Library"}, checksums=["sha256", "md5"])
    archive = load_archive(FolderSource(bag))
    assert archive.problems == ()
    assert len(archive.issues) == 1
    kinds = sorted((c.kind, c.algorithm) for c in archive.companions)
    assert kinds == [
        ("bag-info", ""),
        ("bagit", ""),
        ("manifest", "md5"),
        ("manifest", "sha256"),
        ("tagmanifest", "md5"),
        ("tagmanifest", "sha256"),
    ]
    info = dict(archive.bag_info)
    assert info["Source-Organization"] == "Test Library"
    assert info["Payload-Oxum"] == f"{(bag / 'data' / seed_file.name).stat().st_size}.1"


def test_the_british_library_manifest_is_not_a_problem():
    folder = shared_path(BL)
    archive = load_archive(FolderSource(folder))
    assert [p.source for p in archive.problems if "manifest" in p.source] == []
    (manifest,) = archive.manifests
    assert manifest.source.endswith("0002088_18321123_manifest.txt")
    assert (manifest.kind, manifest.algorithm) == ("checksums", "sha256")


def test_a_checksum_file_beside_images_is_read_not_ignored(tmp_path: Path):
    (tmp_path / "page.jp2").write_bytes(b"x")
    (tmp_path / "page.jp2.md5").write_text(MD5)
    (tmp_path / "broken.md5").write_text("not a checksum")
    archive = load_archive(FolderSource(tmp_path))
    assert [c.source for c in archive.companions] == ["page.jp2.md5"]
    assert [(p.source, p.code) for p in archive.problems] == [("broken.md5", "unknown_format")]
