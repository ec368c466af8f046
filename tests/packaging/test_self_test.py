"""``issue-reader --self-test``, the bundle test's probe of the window, run from the venv."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from reader.library import Library

REPO = Path(__file__).resolve().parents[2]


def self_test(home: Path, *args: str) -> tuple[int, dict[str, Any]]:
    """Run ``python -m reader --self-test ARGS`` with its own user folders; exit status, report."""
    env = {
        **os.environ,
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    done = subprocess.run(
        [sys.executable, "-m", "reader", "--self-test", *args],
        cwd=home,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    return done.returncode, json.loads(done.stdout.strip().splitlines()[-1])


def test_the_self_test_reports_what_the_window_saw(tmp_path: Path) -> None:
    status, seen = self_test(tmp_path, str(REPO / "sample_issues"), "供热", "長子", "无此词")
    assert status == 0 and seen["ok"] and not seen["frozen"]
    assert seen["index_process"] and seen["opened"] and seen["indexed"]
    with Library.open(REPO / "sample_issues", use_cache=False) as library:
        library.use_index_dir(tmp_path / "index")
        library.update_index()
        expected = {word: library.search(word).total for word in ("供热", "長子", "无此词")}
    assert seen["totals"] == expected and expected["長子"] > 0 and expected["无此词"] == 0
    assert seen["language"] == "zh_CN" and seen["view_menu"] == "视图(&V)"
    assert seen["shown_after"] > 0 and seen["window_icon"]
    # The user's settings were never touched: the check keeps its own in a temporary folder.
    assert not (tmp_path / "config" / "issue-reader").exists()


def test_the_self_test_fails_on_an_archive_it_cannot_open(tmp_path: Path) -> None:
    status, seen = self_test(tmp_path, str(tmp_path / "missing"))
    assert status == 1 and not seen["ok"]
    assert not seen["opened"] and seen["totals"] == {}
