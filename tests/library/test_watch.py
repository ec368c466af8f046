"""The kernel's watch of an archive's folders: every kind of change is seen, reading is not one."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from reader.library import watch

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify is Linux's")


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    folder = tmp_path / "archive"
    (folder / "2022" / "09").mkdir(parents=True)
    (folder / "2022" / "09" / "a.txt").write_text("一", encoding="utf-8")
    (folder / "top.txt").write_text("二", encoding="utf-8")
    return folder


def _watched(*paths: Path) -> watch.FolderWatch:
    found = watch.watch(paths)
    assert found is not None
    assert not found.changed()  # nothing yet
    return found


def test_each_kind_of_change_is_seen_once(archive: Path) -> None:
    deep = archive / "2022" / "09" / "a.txt"
    changes = [
        lambda: deep.write_text("改", encoding="utf-8"),  # written, two levels down
        lambda: os.utime(deep, ns=(1, 1)),  # touched only
        lambda: (archive / "new.txt").write_text("新", encoding="utf-8"),
        lambda: deep.rename(deep.with_name("b.txt")),
        lambda: (archive / "top.txt").unlink(),
        lambda: (archive / "2022" / "10").mkdir(),
    ]
    with _watched(archive) as watching:
        for change in changes:
            change()
            assert watching.changed()
            assert not watching.changed()  # drained: the same change is not seen twice


def test_reading_and_listing_are_no_change(archive: Path) -> None:
    with _watched(archive) as watching:
        for file in archive.rglob("*.txt"):
            file.read_bytes()
        os.listdir(archive)
        assert not watching.changed()


def test_a_new_folder_is_watched_after_rewatch(archive: Path) -> None:
    with _watched(archive) as watching:
        (archive / "2023").mkdir()
        assert watching.changed()
        watching.rewatch()
        (archive / "2023" / "c.txt").write_text("三", encoding="utf-8")
        assert watching.changed()


def test_hidden_folders_are_left_out(archive: Path) -> None:
    (archive / ".git").mkdir()
    with _watched(archive) as watching:
        (archive / ".git" / "index").write_bytes(b"x")
        assert not watching.changed()


def test_a_path_not_there_yet_is_watched_through_its_parent(tmp_path: Path) -> None:
    index = tmp_path / "cache" / "indexes" / "one"
    (tmp_path / "cache").mkdir()
    with _watched(index) as watching:
        (tmp_path / "cache" / "indexes").mkdir()  # on the way there: a change
        assert watching.changed()
        watching.rewatch()
        index.mkdir()
        assert watching.changed()
        watching.rewatch()
        (index / "segment").write_bytes(b"x")
        assert watching.changed()


def test_a_file_is_watched_through_its_folder(tmp_path: Path) -> None:
    aliases = tmp_path / "aliases.json"
    aliases.write_text("{}", encoding="utf-8")
    with _watched(aliases) as watching:
        aliases.write_text('{"aliases": {}}', encoding="utf-8")
        assert watching.changed()


def test_a_closed_watch_says_changed(archive: Path) -> None:
    watching = _watched(archive)
    watching.close()
    assert watching.changed()  # nothing can be trusted: look at the files
    watching.rewatch()  # harmless
    assert watching.changed()
