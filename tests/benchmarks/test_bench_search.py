"""The search benchmark runs end to end on a tiny archive (its figures are not checked, its
answers are: the index and the plain scan must agree)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.benchmarks.running import run_benchmark


def test_bench_search_runs_and_the_index_agrees_with_the_scan(tmp_path: Path) -> None:
    out = tmp_path / "figures.json"
    argv = ["--size", "tiny", "--work", str(tmp_path / "work"), "--repeat", "1"]
    printed = run_benchmark("bench_search", *argv, "--json", str(out))
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["articles"] == 80
    # The catalogue keeps no text: the benchmark must read it, not count empty strings.
    assert report["characters"] > 100_000
    for text, ours, _fts5, scan in report["counts"]:
        assert ours == scan, text
    assert sum(ours for _text, ours, _fts5, _scan in report["counts"]) > 0
    assert "hit counts equal to the scan's for 27 of 27 queries" in printed
