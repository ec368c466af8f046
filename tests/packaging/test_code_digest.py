"""The catalogue cache's code digest: from the .py files, or written at build time when frozen."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import reader
from reader.library import catalogue
from reader.library.catalogue import CODE_DIGEST_FILE, CODE_FOLDERS, digest_of_code, source_digest

REPO = Path(__file__).resolve().parents[2]


def _package(root: Path, files: dict[str, str]) -> Path:
    for relative, text in files.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text)
    return root


def test_this_program_hashes_its_own_source() -> None:
    package = Path(reader.__file__).parent
    assert catalogue.code_digest() == source_digest(package, CODE_FOLDERS)
    assert catalogue.code_digest() == digest_of_code(package)


def test_a_source_tree_is_hashed_and_a_written_digest_ignored(tmp_path: Path) -> None:
    files = {"formats/a.py": "A = 1\n", "model/b.py": "B = 2\n"}
    package = _package(tmp_path / "reader", files)
    (package / CODE_DIGEST_FILE).parent.mkdir()
    (package / CODE_DIGEST_FILE).write_text("stale\n")
    assert digest_of_code(package) == source_digest(package, CODE_FOLDERS)
    (package / "formats" / "a.py").write_text("A = 3\n")
    assert digest_of_code(package) == source_digest(package, CODE_FOLDERS) != "stale"


def test_a_frozen_package_uses_the_digest_its_build_wrote(tmp_path: Path) -> None:
    source = _package(tmp_path / "source", {"formats/a.py": "A = 1\n", "model/b.py": "B = 2\n"})
    # Frozen: the folders hold compiled modules and data, never .py files.
    frozen = _package(tmp_path / "frozen", {"formats/data.json": "{}", "model/x.pyc": ""})
    (frozen / CODE_DIGEST_FILE).parent.mkdir(exist_ok=True)
    (frozen / CODE_DIGEST_FILE).write_text(source_digest(source, CODE_FOLDERS) + "\n")
    assert digest_of_code(frozen) == digest_of_code(source)
    # A new build of other code writes another digest: the cached catalogues miss.
    (frozen / CODE_DIGEST_FILE).write_text("0123456789abcdef\n")
    assert digest_of_code(frozen) == "0123456789abcdef"


def test_a_frozen_package_without_a_digest_falls_back_to_the_executable(tmp_path: Path) -> None:
    frozen = _package(tmp_path / "frozen", {"formats/x.pyc": "", "model/y.pyc": ""})
    info = Path(sys.executable).stat()
    assert digest_of_code(frozen) == f"executable:{info.st_size}:{info.st_mtime_ns}"
    (frozen / CODE_DIGEST_FILE).parent.mkdir()
    (frozen / CODE_DIGEST_FILE).write_text("\n")  # empty: no digest either
    assert digest_of_code(frozen).startswith("executable:")
    # Never the digest of no files, which would be the same for every version.
    assert digest_of_code(frozen) != source_digest(frozen, CODE_FOLDERS)


def test_the_digest_is_remembered_until_a_file_changes(tmp_path: Path) -> None:
    package = _package(tmp_path / "reader", {"formats/a.py": "A = 1\n", "model/b.py": "B = 2\n"})
    memo = tmp_path / "cache" / "code-digest.json"
    first = digest_of_code(package, memo)
    assert first == source_digest(package, CODE_FOLDERS)
    kept = json.loads(memo.read_text(encoding="utf-8"))
    memo.write_text(json.dumps({**kept, "digest": "remembered"}), encoding="utf-8")
    assert digest_of_code(package, memo) == "remembered"  # read back, the files not hashed
    (package / "model" / "b.py").write_text("B = 3\n")  # edited: its time changes
    assert digest_of_code(package, memo) == source_digest(package, CODE_FOLDERS) != first
    (package / "formats" / "c.py").write_text("C = 1\n")  # added
    assert digest_of_code(package, memo) == source_digest(package, CODE_FOLDERS)
    memo.write_text("not json", encoding="utf-8")
    assert digest_of_code(package, memo) == source_digest(package, CODE_FOLDERS)
