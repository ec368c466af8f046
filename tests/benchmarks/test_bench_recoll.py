"""The Recoll benchmark: without recollindex it says so and measures nothing; with it, both
indexes are built from a tiny archive's text files (the answers are checked, not the times)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.benchmarks.running import run_benchmark
from tests.generator.generate import generate


def test_without_recoll_it_says_so(tmp_path: Path) -> None:
    work = tmp_path / "work"
    # An empty folder as the PATH: no recollindex on it.
    out = run_benchmark("bench_recoll", str(tmp_path), "--work", str(work), path=str(tmp_path))
    assert "recollindex is not installed" in out
    assert not work.exists()


@pytest.mark.skipif(shutil.which("recollindex") is None, reason="Recoll is not installed")
def test_bench_recoll_builds_both_from_the_text_files(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    generate(archive, issues=3, articles=16, seed=2)
    before = sorted(p.name for p in archive.iterdir())
    out = tmp_path / "figures.json"
    argv = [str(archive), "--work", str(tmp_path / "work"), "--repeat", "1"]
    run_benchmark("bench_recoll", *argv, "--json", str(out))
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["files"] == 3
    (round_,) = report["rounds"]
    assert round_["ours"]["articles"] == 48
    assert round_["recoll"]["documents"] == 3  # the .txt files only, not archive.toml
    for name in ("ours", "recoll"):
        assert round_[name]["index_mb"] > 0
        assert round_[name]["tree_peak_mb"] > 0
    assert sorted(p.name for p in archive.iterdir()) == before  # the archive is only read
