"""Verifying an archive against its checksum manifests: BagIt bags, plain lists, zips."""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import zipfile
from pathlib import Path

import bagit
import pytest

from reader.library import Library, verify
from reader.model import Cancelled
from tests.conftest import shared_path

BL = "samples/bl-hmd-lsga-1832"


def open_fresh(path: Path) -> Library:
    return Library.open(path, use_cache=False)


def statuses(report: verify.Report) -> dict[str, str]:
    return {check.path: check.status for check in report.files}


def make_bag(folder: Path, seed_file: Path) -> Path:
    folder.mkdir()
    shutil.copy(seed_file, folder / "issue.txt")
    (folder / "scans").mkdir()
    (folder / "scans" / "page1.jp2").write_bytes(os.urandom(3000))
    bagit.make_bag(str(folder), {"Source-Organization": "Test Library"}, checksums=["sha256"])
    return folder


def tree_state(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
    }


def test_the_british_library_sample_has_its_xml_intact_and_its_images_missing():
    with open_fresh(shared_path(BL)) as library:
        report = library.verify()
    found = statuses(report)
    assert sorted(Path(p).suffix for p, s in found.items() if s == "intact") == [".xml"] * 9
    assert sorted(Path(p).suffix for p, s in found.items() if s == "missing") == [".jp2"] * 8
    assert report.counts() == {
        "intact": 9,
        "changed": 0,
        "missing": 8,
        "unlisted": 0,
        "unreadable": 0,
    }
    assert not report.failed()
    assert report.failed(strict=True)


def test_a_bag_verifies_then_reports_a_changed_byte(tmp_path, seed_file):
    bag = make_bag(tmp_path / "bag", seed_file)
    with open_fresh(bag) as library:
        report = library.verify()
    assert set(statuses(report).values()) == {"intact"}
    # Payload and tag files are both checked (bag-info.txt is listed in the tag manifest).
    assert {"data/issue.txt", "data/scans/page1.jp2", "bag-info.txt"} <= set(statuses(report))
    assert bagit.Bag(str(bag)).is_valid()

    page = bag / "data" / "scans" / "page1.jp2"
    data = bytearray(page.read_bytes())
    data[1500] ^= 0x01
    page.write_bytes(bytes(data))
    with open_fresh(bag) as library:
        report = library.verify()
    (changed,) = report.with_status("changed")
    assert changed.path == "data/scans/page1.jp2"
    (digest,) = changed.digests
    assert digest.algorithm == "sha256"
    assert digest.actual == hashlib.sha256(bytes(data)).hexdigest() != digest.expected
    assert report.failed()
    assert not bagit.Bag(str(bag)).is_valid()  # bagit agrees


def test_unlisted_and_missing_files_of_a_bag(tmp_path, seed_file):
    bag = make_bag(tmp_path / "bag", seed_file)
    (bag / "data" / "extra.txt").write_text("added later")
    (bag / "notes.txt").write_text("outside the payload: no manifest has to list it")
    (bag / "data" / "scans" / "page1.jp2").unlink()
    with open_fresh(bag) as library:
        report = library.verify()
    assert statuses(report)["data/extra.txt"] == "unlisted"
    assert statuses(report)["data/scans/page1.jp2"] == "missing"
    assert "notes.txt" not in statuses(report)
    assert not report.failed()
    assert report.failed(strict=True)


def test_verifying_never_writes_into_the_bag(tmp_path, seed_file):
    bag = make_bag(tmp_path / "bag", seed_file)
    before = tree_state(bag)
    folders = [bag, *(p for p in bag.rglob("*") if p.is_dir())]
    for folder in folders:
        folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        with open_fresh(bag) as library:
            report = library.verify()
    finally:
        for folder in folders:
            folder.chmod(stat.S_IRWXU)
    assert set(statuses(report).values()) == {"intact"}
    assert tree_state(bag) == before


def write_list(folder: Path, name: str, algorithm: str, files: list[str], star: bool) -> None:
    lines = []
    for file in files:
        digest = hashlib.new(algorithm, (folder / file).read_bytes()).hexdigest()
        lines.append(f"{digest} {'*' if star else ' '}{file}\n")
    (folder / name).write_text("".join(lines))


@pytest.mark.parametrize(
    ("name", "algorithm", "star"),
    [("SHA256SUMS", "sha256", False), ("checksums.md5", "md5", True), ("list.txt", "sha1", False)],
)
def test_sha256sum_and_md5sum_lists(tmp_path, seed_file, name, algorithm, star):
    shutil.copy(seed_file, tmp_path / "issue.txt")
    (tmp_path / "img").mkdir()
    (tmp_path / "img" / "p1.png").write_bytes(b"\x89PNG page")
    write_list(tmp_path, name, algorithm, ["issue.txt", "img/p1.png"], star)
    (tmp_path / "img" / "p2.png").write_bytes(b"not listed")
    with open_fresh(tmp_path) as library:
        assert library.problems == ()
        report = library.verify()
    assert report.manifests == (name,)
    assert statuses(report) == {
        "issue.txt": "intact",
        "img/p1.png": "intact",
        "img/p2.png": "unlisted",
    }
    assert report.files[0].digests[0].algorithm == algorithm


def test_a_zip_with_a_manifest_verifies_its_members(tmp_path, seed_file):
    folder = tmp_path / "issue"
    folder.mkdir()
    shutil.copy(seed_file, folder / "issue.txt")
    (folder / "page.jp2").write_bytes(os.urandom(5000))
    write_list(folder, "SHA256SUMS", "sha256", ["issue.txt", "page.jp2"], False)
    good, bad = tmp_path / "good.zip", tmp_path / "bad.zip"
    for target, page in ((good, (folder / "page.jp2").read_bytes()), (bad, b"another page")):
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            for name in ("issue.txt", "SHA256SUMS"):
                archive.write(folder / name, f"issue/{name}")
            archive.writestr("issue/page.jp2", page)
    with open_fresh(good) as library:
        found = statuses(library.verify())
    assert found == {"issue/issue.txt": "intact", "issue/page.jp2": "intact"}
    with open_fresh(bad) as library:
        report = library.verify()
    assert statuses(report) == {"issue/issue.txt": "intact", "issue/page.jp2": "changed"}


def test_a_zipped_bag_is_read_without_unpacking(tmp_path, seed_file):
    bag = make_bag(tmp_path / "bag", seed_file)
    zipped = tmp_path / "bag.zip"
    with zipfile.ZipFile(zipped, "w") as archive:
        for path in sorted(bag.rglob("*")):
            if path.is_file():
                archive.write(path, f"bag/{path.relative_to(bag).as_posix()}")
        archive.writestr("bag/data/extra.txt", "unlisted")
    with open_fresh(zipped) as library:
        report = library.verify()
    found = statuses(report)
    assert found["data/issue.txt"] == found["data/scans/page1.jp2"] == "intact"
    assert found["data/extra.txt"] == "unlisted"
    assert found["bag-info.txt"] == "intact"


def test_a_list_that_points_outside_the_archive_is_a_note_never_a_read(tmp_path, seed_file):
    archive = tmp_path / "archive"
    archive.mkdir()
    shutil.copy(seed_file, archive / "issue.txt")
    (tmp_path / "secret").write_text("outside")
    digest = hashlib.sha256(b"outside").hexdigest()
    good = hashlib.sha256((archive / "issue.txt").read_bytes()).hexdigest()
    (archive / "SHA256SUMS").write_text(f"{digest}  ../secret\n{good}  issue.txt\nbroken line\n")
    with open_fresh(archive) as library:
        report = library.verify()
    assert statuses(report) == {"issue.txt": "intact"}
    assert sorted(n.code for n in report.notes) == ["manifest_bad_lines", "manifest_unsafe_path"]


def test_progress_comes_by_chunk_and_cancelling_stops_between_two(tmp_path, seed_file, monkeypatch):
    bag = make_bag(tmp_path / "bag", seed_file)
    monkeypatch.setattr(verify, "CHUNK", 1000)
    seen: list[tuple[int, int]] = []
    with open_fresh(bag) as library:
        library.verify(lambda done, total: seen.append((done, total)))
        assert len(seen) > 5
        assert [d for d, _ in seen] == sorted(d for d, _ in seen)
        assert seen[-1][0] == seen[-1][1]

        def stop(done: int, total: int) -> None:
            if done >= 2000:
                raise Cancelled()

        with pytest.raises(Cancelled):
            library.verify(stop)
        steps = verify.Verification(library.archive, library._source).steps()
        first = next(steps)
        assert first.files_done == 0
        assert 0 < first.bytes_done <= 1000 < first.bytes_total
        steps.close()


def test_no_manifest_is_nothing_to_check(tmp_path, seed_file):
    shutil.copy(seed_file, tmp_path / "issue.txt")
    with open_fresh(tmp_path) as library:
        report = library.verify()
    assert (report.manifests, report.files) == ((), ())
    assert not report.failed()
    assert report.failed(strict=True)


def test_a_real_ocrd_bag_verifies_and_its_tag_files_are_no_problems():
    with open_fresh(shared_path("samples/ocrd-kant_aufklaerung_1784")) as library:
        assert not [p for p in library.problems if "/" not in p.source]
        assert dict(library.archive.bag_info)["Ocrd-Identifier"] == "ocrd:kant_aufklaerung_1784"
        report = library.verify()
    assert report.manifests == ("manifest-sha512.txt", "tagmanifest-sha512.txt")
    counts = report.counts()
    assert counts["intact"] == len(report.files) > 3
    assert bagit.Bag(str(shared_path("samples/ocrd-kant_aufklaerung_1784"))).is_valid()
