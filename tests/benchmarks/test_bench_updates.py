"""The growth benchmark runs end to end with a few updates (its answers are checked, not its
times): the index grown issue by issue finds what the one built in one go finds, and what a
scan finds, with segments merged on the way."""

from __future__ import annotations

import json
from pathlib import Path

from reader.index.merging import FACTOR
from tests.benchmarks.running import run_benchmark

ARTICLES = 16  # the generator's county issue


def test_bench_updates_runs_and_both_indexes_agree(tmp_path: Path) -> None:
    out = tmp_path / "figures.json"
    updates = FACTOR + 2
    argv = ["--updates", str(updates), "--every", "6", "--repeat", "1", "--rounds", "1"]
    argv += ["--scan", "--work", str(tmp_path / "work"), "--json", str(out)]
    run_benchmark("bench_updates", *argv)
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["articles"] == updates * ARTICLES
    steps = report["steps"]
    assert [s["n"] for s in steps] == list(range(1, updates + 1))
    assert [c["n"] for c in report["checkpoints"]] == [6, 12]
    # The tenth update merges the nine single-issue segments before it into its own.
    assert steps[FACTOR - 1]["merged"] == FACTOR - 1
    assert report["update_s"]["merges"] == 1
    assert report["rewritten_articles"] == (FACTOR - 1) * ARTICLES
    queries = report["queries"]
    assert queries["grown"]["segments"] == 3
    assert queries["one_go"]["segments"] == 1
    assert queries["grown"]["totals"] == queries["one_go"]["totals"] == report["scan_totals"]
    assert sum(report["scan_totals"]) > 0
