"""A folder's files as ``os.walk`` and pathlib would list and sort them, read without either."""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

import pytest

from reader.formats import FolderSource, load_archive, open_source
from reader.formats.common.source import (
    DOCUMENTATION_STEMS,
    DOCUMENTATION_SUFFIXES,
    IGNORED_NAMES,
    IGNORED_SUFFIXES,
    ISSUE_SUFFIXES,
    is_ignored,
)
from reader.model import Reason


def walked(root: Path) -> list[str]:
    """The listing as os.walk and pathlib give it (the reference)."""
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for file in files:
            path = Path(folder) / file
            if path.is_symlink() and not path.exists():  # to nothing, or in a loop
                continue
            if path.is_symlink() and not path.resolve().is_relative_to(root.resolve()):
                continue
            found.append(path.relative_to(root).as_posix())
    return sorted(found)


def test_the_listing_is_os_walks_with_links_and_hidden_folders(tmp_path: Path) -> None:
    root, outside = tmp_path / "archive", tmp_path / "outside"
    for name in ("a.txt", "sub/b.txt", "sub/deeper/c.xml", ".hidden/d.txt", ".e.txt", "f"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("x", encoding="utf-8")
    (outside / "o.txt").parent.mkdir()
    (outside / "o.txt").write_text("x", encoding="utf-8")
    (root / "to-outside-folder").symlink_to(outside)  # a folder link: never walked
    (root / "to-outside-file.txt").symlink_to(outside / "o.txt")  # leaves the archive
    (root / "to-inside.txt").symlink_to(root / "a.txt")
    (root / "to-inside-folder").symlink_to(root / "sub")
    (root / "broken.txt").symlink_to(root / "missing.txt")
    (root / "loop.txt").symlink_to(root / "loop.txt")
    (root / ".hidden-link").symlink_to(outside)
    names = FolderSource(root).names()
    assert names == walked(root)
    assert "to-inside.txt" in names and ".e.txt" in names
    assert not any(n.startswith(("to-outside", ".hidden", "to-inside-folder")) for n in names)
    # What is left out, and why (a link to a folder inside, never walked, is not a problem).
    assert FolderSource(root).listing().problems == [
        ("broken.txt", Reason("link_to_nothing")),
        ("loop.txt", Reason("link_loop")),
        ("to-outside-file.txt", Reason("link_out_of_archive")),
        ("to-outside-folder/", Reason("link_out_of_archive")),
    ]


def test_a_folder_that_cannot_be_opened_is_a_problem_of_the_listing(tmp_path: Path) -> None:
    (tmp_path / "open").mkdir()
    (tmp_path / "open" / "a.txt").write_text("x", encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text("x", encoding="utf-8")
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK, effective_ids=True):
            pytest.skip("root opens folders whatever their mode (run it under setpriv)")
        listing = FolderSource(tmp_path).listing()
    finally:
        locked.chmod(0o755)
    assert listing.names == ["open/a.txt"]
    assert listing.problems == [("locked/", Reason("folder_permission_denied"))]


def reference_ignored(name: str) -> bool:
    """is_ignored as written with pathlib (the reference)."""
    base = name.rsplit("/", 1)[-1]
    if base.startswith(".") or base.lower() in IGNORED_NAMES:
        return True
    path = PurePosixPath(base.lower())
    if path.suffix in IGNORED_SUFFIXES:
        return True
    if path.stem in DOCUMENTATION_STEMS and path.suffix in DOCUMENTATION_SUFFIXES:
        return True
    # LICENSE.impresso-text-acquisition: documentation by its first name, unless it ends as a page.
    return path.name.split(".")[0] in DOCUMENTATION_STEMS and path.suffix not in ISSUE_SUFFIXES


@pytest.mark.parametrize(
    "name",
    [
        "2015-01-05_00001.txt",
        "README",
        "sub/ReadMe.MD",
        "readme.",
        "readme..md",
        "readme.md.",
        "LICENSE.txt.bak",
        "LICENSE.impresso-text-acquisition",
        "README.xml",
        "METADATA.yml",
        "data/imageurls.list",
        "page.JPG",
        "a.b.jp2",
        "photo.",
        "x/.DS_Store",
        "Thumbs.db",
        "notes.rst",
        "changes.rst",
        "archive.toml",
        "...",
        "a. b",
    ],
)
def test_ignored_files_are_pathlibs(name: str) -> None:
    assert is_ignored(name) == reference_ignored(name)


def test_problems_come_in_path_order_whoever_found_them(tmp_path: Path) -> None:
    """A broken file (found by its importer) and a link to nothing (found by the listing)."""
    (tmp_path / "a.xml").write_text("<alto><Layout", encoding="utf-8")
    (tmp_path / "m.txt").write_bytes(b"")
    os.symlink(tmp_path / "nowhere.txt", tmp_path / "z-link.txt")
    archive = load_archive(open_source(tmp_path))
    sources = [problem.source for problem in archive.problems]
    assert "z-link.txt" in sources and "a.xml" in sources
    assert sources == sorted(sources)
