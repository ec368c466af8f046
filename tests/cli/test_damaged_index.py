"""A search that finds its index damaged (a file's checksum, not its size) still answers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.cli.test_no_wait import cache, run
from tests.generator.generate import generate

QUERY = "县委书记"
__all__ = ["cache"]  # the per-user cache inside the test's folder (autouse)


def searched(capsys: pytest.CaptureFixture[str], archive: Path, *options: str) -> dict[str, Any]:
    """``search ARCHIVE QUERY --json OPTIONS``'s answer (the command must succeed)."""
    code, out, err = run(capsys, "search", str(archive), QUERY, "--json", *options)
    assert code == 0, err
    found: dict[str, Any] = json.loads(out)
    return found


@pytest.fixture
def built(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> tuple[Path, Path, int]:
    """An archive, its index and the total of QUERY, the index then damaged in place."""
    archive, index_dir = tmp_path / "archive", tmp_path / "index"
    generate(archive, issues=12, articles=8, seed=5)
    assert run(capsys, "index", str(archive), "--index-dir", str(index_dir))[0] == 0
    total = searched(capsys, archive, "--index-dir", str(index_dir))["total"]
    assert total > 0
    # The same size, other bytes: only the checksum the searcher verifies can tell.
    terms = max((index_dir / "whoosh").glob("*.trm"), key=lambda p: p.stat().st_size)
    data = bytearray(terms.read_bytes())
    data[len(data) // 2 : len(data) // 2 + 4] = b"XXXX"
    terms.write_bytes(bytes(data))
    return archive, index_dir, total


def test_no_wait_scans_the_archive_and_says_the_index_is_damaged(
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    built: tuple[Path, Path, int],
) -> None:
    archive, index_dir, total = built
    options = ("--index-dir", str(index_dir), "--no-wait")
    found = searched(capsys, archive, *options)
    assert found["total"] == total
    assert found["provisional"] and found["coverage"]["scanned"] == found["coverage"]["articles"]
    assert found["index_damage"].endswith("does not match its checksum")
    code, out, _ = run(capsys, "search", str(archive), QUERY, *options)
    assert code == 0  # the index is marked damaged now: scanned again, and said so
    assert "Provisional: the index is damaged (" in out and "to rebuild it" in out
    # The next update rebuilds it, and says why.
    code, out, _ = run(capsys, "index", str(archive), "--index-dir", str(index_dir), "--json")
    assert code == 0 and json.loads(out)["rebuilt"]
    assert "was found damaged" in caplog.text  # a warning, on stderr from the command line
    found = searched(capsys, archive, *options)
    assert found["total"] == total and "index_damage" not in found


def test_a_search_that_waits_rebuilds_the_index_and_answers(
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    built: tuple[Path, Path, int],
) -> None:
    archive, index_dir, total = built
    assert searched(capsys, archive, "--index-dir", str(index_dir))["total"] == total
    assert "was found damaged" in caplog.text
    assert not (index_dir / "damaged").exists()
