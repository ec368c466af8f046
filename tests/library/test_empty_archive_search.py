"""Searching an archive with no readable article: no hits, never "the index is damaged"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.library import SORTS, Library
from reader.library.searching import SearchRequest, run_search


def unreadable_archive(folder: Path) -> Path:
    folder.mkdir()
    (folder / "page.xml").write_text("<alto><broken", encoding="utf-8")
    (folder / "notes.bin").write_bytes(b"\x00\x01garbage")
    return folder


@pytest.mark.parametrize("sort", SORTS)
def test_the_library_finds_nothing_in_an_empty_index(tmp_path: Path, sort: str) -> None:
    with Library.open(unreadable_archive(tmp_path / "archive"), use_cache=False) as library:
        assert library.issues == () and library.problems
        folder = library.index_dir(tmp_path / "indexes")
        library.update_index(folder)
        result = library.search("海关 OR title:供热 -煤", sort=sort)  # type: ignore[arg-type]
        assert (result.total, result.hits) == (0, ())
        outcome = run_search(library, SearchRequest("海关", year="2022", month="2022-09"))
        assert outcome.result.total == 0 and sum(outcome.months.values()) == 0
        # Asking again finds the same index sound: it was never marked damaged.
        assert library.search("海关").total == 0


def test_the_command_line_says_zero_hits(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    archive = unreadable_archive(tmp_path / "archive")
    assert main(["search", str(archive), "海关"]) == 0
    captured = capsys.readouterr()
    assert "0 articles found" in captured.out and "damaged" not in captured.err
    assert main(["search", "--json", str(archive), "海关"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == 0
