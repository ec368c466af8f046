"""A search that finds its index damaged (a file's checksum, not its size) still answers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from reader.cli import main
from tests.generator.generate import generate

QUERY = "县委书记"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture(autouse=True)
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


@pytest.fixture
def built(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> tuple[Path, Path, int]:
    """An archive, its index and the total of QUERY, the index then damaged in place."""
    archive, index_dir = tmp_path / "archive", tmp_path / "index"
    generate(archive, issues=12, articles=8, seed=5)
    assert run(capsys, "index", str(archive), "--index-dir", str(index_dir))[0] == 0
    code, out, _ = run(
        capsys, "search", str(archive), QUERY, "--index-dir", str(index_dir), "--json"
    )
    total = json.loads(out)["total"]
    assert code == 0 and total > 0
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
    argv = ("search", str(archive), QUERY, "--index-dir", str(index_dir), "--no-wait")
    code, out, err = run(capsys, *argv, "--json")
    assert code == 0, err
    found: dict[str, Any] = json.loads(out)
    assert found["total"] == total
    assert found["provisional"] and found["coverage"]["scanned"] == found["coverage"]["articles"]
    assert found["index_damage"].endswith("does not match its checksum")
    code, out, _ = run(capsys, *argv)  # the index is now marked: scanned again, and said so
    assert code == 0
    assert "Provisional: the index is damaged (" in out and "to rebuild it" in out
    # The next update rebuilds it, and says why.
    code, out, err = run(capsys, "index", str(archive), "--index-dir", str(index_dir), "--json")
    assert code == 0 and json.loads(out)["rebuilt"]
    assert "was found damaged" in caplog.text  # a warning, on stderr from the command line
    code, out, _ = run(capsys, *argv, "--json")
    assert json.loads(out)["total"] == total and "index_damage" not in json.loads(out)


def test_a_search_that_waits_rebuilds_the_index_and_answers(
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    built: tuple[Path, Path, int],
) -> None:
    archive, index_dir, total = built
    argv = ("search", str(archive), QUERY, "--index-dir", str(index_dir), "--json")
    code, out, err = run(capsys, *argv)
    assert code == 0, err
    assert json.loads(out)["total"] == total
    assert "was found damaged" in caplog.text
    assert not (index_dir / "damaged").exists()
