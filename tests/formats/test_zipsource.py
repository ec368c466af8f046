"""Archives inside a .zip: read in memory, path traversal and zip bombs refused as problems."""

from __future__ import annotations

import gc
import os
import warnings
import zipfile
from pathlib import Path

import pytest

from reader.formats import load_archive, open_source
from reader.formats.common.zipsource import ZipSource
from reader.library import Library
from reader.model import CorruptArchive

DATA = Path(__file__).resolve().parents[1] / "data"
ISSUE = "# 长河周报\n\n2024年3月15日\n\n## 河边公园开放\n\n公园15日起每天开放。\n"


def make_zip(path: Path, members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def tree(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


def test_a_zip_of_mixed_formats_opens_without_unpacking(tmp_path):
    members = {
        "weekly/2024-03-15.txt": ISSUE.encode(),
        "wire/bridge.xml": (DATA / "newsml" / "items" / "courier-bridge.xml").read_bytes(),
        "epaper/node_1.htm": (
            DATA / "founder" / "html" / "2024-03" / "12" / "node_1.htm"
        ).read_bytes(),
        "scans/page1.jpg": b"\xff\xd8\xff\xe0",
        "weekly/": b"",
    }
    packed = make_zip(tmp_path / "archive.zip", members)
    before = tree(tmp_path)
    library = Library.open(packed)
    assert tree(tmp_path) == before  # nothing unpacked, nothing written
    assert library.root == packed
    assert sorted(i.format for i in library.issues) == ["founder-epaper", "newsml-g2", "text-issue"]
    assert library.problems == ()
    article = library.issues[0].articles[0]
    assert library.original_text(article.id)


@pytest.mark.parametrize(
    "evil",
    [
        "../outside.txt",
        "weekly/../../outside.txt",
        "/etc/outside.txt",
        "C:/outside.txt",
        "C:\\outside.txt",
    ],
)
def test_paths_leaving_the_archive_are_problems(tmp_path, evil):
    packed = make_zip(
        tmp_path / "archive.zip",
        {"weekly/2024-03-15.txt": ISSUE.encode(), evil: ISSUE.encode()},
    )
    before = tree(tmp_path)
    archive = load_archive(open_source(packed))
    assert [a.title for i in archive.issues for a in i.articles] == ["河边公园开放"]
    [problem] = archive.problems
    assert problem.source == evil.replace("\\", "/")
    assert "outside the archive" in problem.reason
    assert tree(tmp_path) == before


def test_a_member_over_the_size_limit_is_refused(tmp_path):
    big = ISSUE.encode() + "正文。\n".encode() * 2000
    packed = make_zip(tmp_path / "a.zip", {"big.txt": big, "small.txt": ISSUE.encode()})
    with ZipSource(packed, max_member_bytes=10_000) as source:
        archive = load_archive(source)
        assert source.info("big.txt").size == len(big)  # listed, described, never read
    assert [p.source for p in archive.problems] == ["big.txt"]
    assert "too large" in archive.problems[0].reason
    assert len(archive.issues) == 1


def test_a_zip_bomb_member_is_refused_by_its_ratio(tmp_path):
    packed = make_zip(
        tmp_path / "bomb.zip",
        {"bomb.txt": b"## a\n" + b"\x00" * 5_000_000, "ok.txt": ISSUE.encode()},
    )
    assert packed.stat().st_size < 50_000
    archive = load_archive(open_source(packed))
    [problem] = archive.problems
    assert problem.source == "bomb.txt"
    assert "zip bomb" in problem.reason


def test_the_total_expanded_size_is_capped(tmp_path):
    members = {f"{n:02d}.txt": ISSUE.encode() + b" " * 1000 for n in range(10)}
    packed = make_zip(tmp_path / "many.zip", members)
    with ZipSource(packed, max_total_bytes=5_000) as source:
        archive = load_archive(source)
    refused = [p.source for p in archive.problems]
    assert refused == [f"{n:02d}.txt" for n in range(4, 10)]
    assert all("expands to more than" in p.reason for p in archive.problems)
    assert len(archive.issues) == 4


def test_a_damaged_member_is_a_problem(tmp_path):
    packed = make_zip(tmp_path / "a.zip", {"a.txt": ISSUE.encode() * 20, "b.txt": ISSUE.encode()})
    data = bytearray(packed.read_bytes())
    start = data.index(b"a.txt") + len(b"a.txt") + 10  # inside a.txt's compressed bytes
    data[start : start + 20] = bytes(20)
    packed.write_bytes(bytes(data))
    archive = load_archive(open_source(packed))
    assert [p.source for p in archive.problems] == ["a.txt"]
    assert len(archive.issues) == 1


def test_an_encrypted_member_is_a_problem(tmp_path):
    packed = make_zip(
        tmp_path / "secret.zip", {"plain.txt": ISSUE.encode(), "locked.txt": ISSUE.encode()}
    )
    # Set the "encrypted" flag of locked.txt in its local and central headers, as an encrypting
    # tool would; zipfile then asks for a password.
    data = bytearray(packed.read_bytes())
    for signature, flag_offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = -1
        while (at := data.find(signature, at + 1)) >= 0:
            header_end = data.find(b"locked.txt", at)
            if 0 <= header_end - at <= 46:
                data[at + flag_offset] |= 0x1
    packed.write_bytes(bytes(data))
    archive = load_archive(open_source(packed))
    assert [p.source for p in archive.problems] == ["locked.txt"]
    assert "encrypted" in archive.problems[0].reason
    assert len(archive.issues) == 1


@pytest.mark.parametrize(
    "content", [b"", b"PK\x03\x04 not really", b"just text named .zip", "truncated"]
)
def test_a_file_that_is_not_a_readable_zip_cannot_be_opened(tmp_path, content):
    path = tmp_path / "broken.zip"
    if content == "truncated":
        whole = make_zip(tmp_path / "whole.zip", {"a.txt": ISSUE.encode()}).read_bytes()
        content = whole[: len(whole) // 2]
    path.write_bytes(content)
    with pytest.raises(CorruptArchive, match="not a readable zip archive"):
        open_source(path)


def test_gbk_member_names_are_decoded(tmp_path):
    gbk = "周报/第12期.txt".encode("gbk")
    placeholder = b"x" * (len(gbk) - 4) + b".txt"
    packed = make_zip(tmp_path / "gbk.zip", {placeholder.decode(): ISSUE.encode()})
    # What Windows tools write: GBK bytes and no UTF-8 flag (zipfile reads them as CP437).
    packed.write_bytes(packed.read_bytes().replace(placeholder, gbk))
    with zipfile.ZipFile(packed) as raw:
        assert raw.namelist() != ["周报/第12期.txt"]
    with ZipSource(packed) as source:
        assert source.names() == ["周报/第12期.txt"]
        assert source.read_bytes("周报/第12期.txt") == ISSUE.encode()


def test_utf8_member_names_are_kept(tmp_path):
    packed = make_zip(tmp_path / "utf8.zip", {"周报/第13期.txt": ISSUE.encode()})
    with ZipSource(packed) as source:
        assert source.names() == ["周报/第13期.txt"]


def test_names_info_and_settings(tmp_path):
    members = {
        "archive.toml": 'publication = "长河周报"\n'.encode(),
        "2024-03-15.txt": ISSUE.encode(),
        "__MACOSX/._2024-03-15.txt": b"\x00\x05\x16\x07",
        "2024-03-15.txt.bak": b"older",
    }
    packed = make_zip(tmp_path / "a.zip", members)
    with ZipSource(packed) as source:
        assert source.names() == ["2024-03-15.txt", "2024-03-15.txt.bak", "archive.toml"]
        info = source.info("2024-03-15.txt")
        assert info.size == len(ISSUE.encode())
        assert info.mtime_ns > 0
        assert source.read_bytes("2024-03-15.txt", 6) == ISSUE.encode()[:6]
        with pytest.raises(FileNotFoundError):
            source.info("missing.txt")
        with pytest.raises(CorruptArchive):
            source.read_bytes("missing.txt")
        archive = load_archive(source)
    assert archive.settings.publication == "长河周报"
    assert [i.publication for i in archive.issues] == ["长河周报"]


def test_an_unclosed_source_does_not_leak_a_warning(tmp_path):
    # filterwarnings = error turns an unclosed-file ResourceWarning into a failure.
    packed = make_zip(tmp_path / "a.zip", {"a.txt": ISSUE.encode()})
    library = Library.open(packed)
    assert library.issues
    del library
    gc.collect()


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_a_zip_reached_through_a_link_opens(tmp_path):
    packed = make_zip(tmp_path / "a.zip", {"a.txt": ISSUE.encode()})
    link = tmp_path / "link.zip"
    link.symlink_to(packed)
    assert load_archive(open_source(link)).issues


def test_a_repeated_member_name_reads_the_first(tmp_path):
    packed = tmp_path / "twice.zip"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # zipfile warns about the duplicate
        with zipfile.ZipFile(packed, "w") as archive:
            archive.writestr("a.txt", ISSUE)
            archive.writestr("a.txt", ISSUE.replace("河边公园开放", "后来的版本"))
    with ZipSource(packed) as source:
        assert source.names() == ["a.txt"]
        archive_read = load_archive(source)
    assert [a.title for i in archive_read.issues for a in i.articles] == ["河边公园开放"]
