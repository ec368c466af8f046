"""``issue-reader verify`` and ``info``: exit status, stable JSON, the sample's manifest."""

from __future__ import annotations

import json
import shutil

import bagit

from reader.cli import main
from tests.conftest import shared_path

BL = "samples/bl-hmd-lsga-1832"


def test_the_british_library_sample_verifies_with_its_images_missing(capsys):
    folder = str(shared_path(BL))
    assert main(["verify", folder]) == 0
    out = capsys.readouterr().out
    assert out.count("MISSING") == 8
    assert out.rstrip().endswith("17 files listed in 1 manifest: 9 intact, 8 missing.")
    assert main(["verify", folder, "--strict"]) == 1
    capsys.readouterr()
    # The manifest on its own is checked against the files beside it.
    (manifest,) = shared_path(BL).rglob("*_manifest.txt")
    assert main(["verify", str(manifest), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["summary"]["intact"] == 9


def test_verify_json_is_exact(capsys, tmp_path, seed_file):
    shutil.copy(seed_file, tmp_path / "issue.txt")
    bagit.make_bag(str(tmp_path), checksums=["sha256"])
    (tmp_path / "data" / "issue.txt").write_bytes(b"changed")
    (tmp_path / "data" / "new.txt").write_bytes(b"unlisted")
    assert main(["verify", str(tmp_path), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"root", "manifests", "summary", "files", "notes"}
    assert data["manifests"] == ["manifest-sha256.txt", "tagmanifest-sha256.txt"]
    assert data["summary"] == {
        "files": 5,
        "intact": 3,
        "changed": 1,
        "missing": 0,
        "unlisted": 1,
        "unreadable": 0,
    }
    changed = next(f for f in data["files"] if f["status"] == "changed")
    assert changed["path"] == "data/issue.txt"
    assert changed["manifests"] == ["manifest-sha256.txt"]
    (checksum,) = changed["checksums"]
    assert checksum["algorithm"] == "sha256"
    assert checksum["actual"] != checksum["expected"]
    unlisted = next(f for f in data["files"] if f["status"] == "unlisted")
    assert unlisted == {
        "path": "data/new.txt",
        "status": "unlisted",
        "manifests": [],
        "checksums": [],
        "reason": None,
    }


def test_verify_says_what_changed_and_how_to_read_the_exit_status(capsys, tmp_path, seed_file):
    shutil.copy(seed_file, tmp_path / "issue.txt")
    bagit.make_bag(str(tmp_path), checksums=["md5"])
    (tmp_path / "data" / "issue.txt").write_bytes(b"changed")
    assert main(["verify", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "CHANGED  data/issue.txt  md5 expected" in out
    assert main(["verify", "--help"]) == 0
    assert "--strict" in capsys.readouterr().out


def test_a_folder_without_manifests_says_so(capsys, tmp_path, seed_file):
    shutil.copy(seed_file, tmp_path / "issue.txt")
    assert main(["verify", str(tmp_path)]) == 0
    assert "No checksum manifest or BagIt bag found" in capsys.readouterr().out
    assert main(["verify", str(tmp_path), "--strict"]) == 1


def test_info_shows_the_bag_info(capsys, tmp_path, seed_file):
    shutil.copy(seed_file, tmp_path / "issue.txt")
    bagit.make_bag(str(tmp_path), {"Source-Organization": "Test Library"}, checksums=["sha256"])
    # Skipped, not problems, and counted apart from the page images.
    for name in ("LICENSE.impresso-text-acquisition", "METADATA.yml", "imageurls.list", "p.png"):
        (tmp_path / "data" / name).write_text("x\n", encoding="utf-8")
    assert main(["info", str(tmp_path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["formats"] == ["text-issue"]
    assert (data["issues"], data["articles"], data["problems"]) == (1, 8, 0)
    assert data["other_files"] == 3
    assert data["first_date"] == data["last_date"] == "2022-09-19"
    assert {"name": "Source-Organization", "value": "Test Library"} in data["bag_info"]
    assert {"file": "manifest-sha256.txt", "kind": "manifest", "algorithm": "sha256"} in data[
        "manifests"
    ]
    assert main(["info", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "Source-Organization: Test Library" in out.replace("  ", " ").replace("  ", " ")
    assert "3 skipped (documentation, metadata sidecars)" in out


def test_info_leaves_out_other_files_when_there_are_none(capsys, tmp_path, seed_file):
    shutil.copy(seed_file, tmp_path / "issue.txt")
    assert main(["info", str(tmp_path)]) == 0
    assert "Other files" not in capsys.readouterr().out
    assert main(["info", str(tmp_path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["other_files"] == 0  # the key stays
