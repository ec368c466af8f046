"""Opening an archive in the real window: time to the first tree rows, to the whole tree, memory.

Each open runs in a fresh process: the real ``MainWindow`` offscreen, with its own settings,
cache and index folders (XDG dirs in a temporary folder, shared by the opens of one run). First
the first-ever open (empty caches: every file read, the tree growing batch by batch), then
reopens with the catalogue cache warm. For each: seconds from asking to open to the first rows
in the tree and to the archive open (the whole tree, the session's library set), the window's
resident memory (VmRSS) then and its peak (VmHWM), and how late a 10 ms timer came while it
was read (the event loop's stalls, p95 and max). The index build that opening starts is
stopped by closing the window at once; it is not measured here.

    python -m benchmarks.window_open ARCHIVE [--reopens 3]
    python -m benchmarks.window_open ARCHIVE --first-rows 3   # first opens, up to the first rows
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

_ROOT = Path(__file__).resolve().parent.parent

_CHILD = """
import json, os, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from benchmarks.window_open import child
print(json.dumps(child(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3] == "rows")))
"""


def _status(field: str) -> float:
    """A field of /proc/self/status in MB (VmRSS, VmHWM)."""
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith(f"{field}:"):
                return int(line.split()[1]) / 1024
    return 0.0


def child(archive: Path, work: Path, rows_only: bool = False) -> dict[str, Any]:
    """In the fresh process: open ``archive`` in the window and measure (see the module).

    With ``rows_only``, up to the first rows in the tree only.
    """
    import time

    from PySide6.QtWidgets import QApplication

    from reader.ui.app.window import MainWindow
    from reader.ui.core import settings
    from tests.ui.stalls import StallMeter

    settings.configure(work / "settings.ini")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = MainWindow(index_root=work / "index")
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    before = _status("VmRSS")
    meter = StallMeter()
    meter.start()
    started = time.perf_counter()
    window.open_path(str(archive))
    first_rows = None
    while window.library is None:
        app.processEvents()
        if first_rows is None and window.tree_model.rowCount() > 0:
            first_rows = time.perf_counter() - started
            if rows_only:
                rss = _status("VmRSS")
                window.close()
                return {"first_rows_s": first_rows, "rss_mb": rss}
        time.sleep(0.002)
    opened = time.perf_counter() - started
    meter.stop()
    for _ in range(20):  # the window's own follow-up (position, status) runs
        app.processEvents()
    library = window.library
    issues = len(library.issues)
    rows = _tree_issue_rows(window.tree_model)
    rss = _status("VmRSS")
    peak = _status("VmHWM")
    window.close()
    return {
        "first_rows_s": first_rows if first_rows is not None else opened,
        "open_s": opened,
        "rss_mb": rss,
        "peak_mb": peak,
        "rss_before_mb": before,
        "issues": issues,
        "tree_issues": rows,
        "articles": library.archive.article_count,
        "stall_p95_ms": meter.percentile(0.95),
        "stall_max_ms": meter.worst,
    }


def _tree_issue_rows(model: Any) -> int:
    """How many issue rows the tree has (its leaves)."""
    from PySide6.QtCore import QModelIndex

    count = 0
    stack = [QModelIndex()]
    while stack:
        parent = stack.pop()
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            if model.issue_id(index) is not None:
                count += 1
            else:
                stack.append(index)
    return count


def open_once(archive: Path, work: Path, rows_only: bool = False) -> dict[str, Any]:
    """One open in a fresh process, with the XDG dirs below ``work``."""
    env = dict(os.environ)
    env.update(
        XDG_CACHE_HOME=str(work / "cache"),
        XDG_CONFIG_HOME=str(work / "config"),
        XDG_DATA_HOME=str(work / "data"),
        PYTHONPATH=str(_ROOT),
        QT_QPA_PLATFORM="offscreen",
    )
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(archive), str(work), "rows" if rows_only else "all"],
        check=True,
        capture_output=True,
        text=True,
        cwd=work,
        env=env,
    )
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _line(name: str, r: dict[str, Any]) -> str:
    return (
        f"{name}: first rows {r['first_rows_s']:.2f} s, open {r['open_s']:.2f} s, "
        f"{r['rss_mb']:.0f} MB resident (peak {r['peak_mb']:.0f} MB, "
        f"{r['rss_before_mb']:.0f} MB before opening), "
        f"stalls p95 {r['stall_p95_ms']:.0f} ms, max {r['stall_max_ms']:.0f} ms"
    )


def first_rows(archive: Path, runs: int, work: Path | None) -> int:
    """Time ``runs`` first opens (each with empty caches) up to the tree's first rows."""
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(dir=work) as scratch:
            result = open_once(archive, Path(scratch), rows_only=True)
        times.append(result["first_rows_s"])
        print(f"first rows {result['first_rows_s']:.2f} s ({result['rss_mb']:.0f} MB)", flush=True)
    print(f"first rows, median of {runs}: {statistics.median(times):.2f} s")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("archive", type=Path)
    parser.add_argument("--reopens", type=int, default=3)
    parser.add_argument("--work", type=Path, help="the folder for the XDG dirs (else temporary)")
    parser.add_argument(
        "--first-rows", type=int, default=0, help="only time this many first opens' first rows"
    )
    args = parser.parse_args(argv)
    if args.first_rows:
        return first_rows(args.archive.resolve(), args.first_rows, args.work)
    with tempfile.TemporaryDirectory(dir=args.work) as scratch:
        work = Path(scratch)
        first = open_once(args.archive.resolve(), work)
        print(
            f"{first['issues']:,} issues ({first['tree_issues']:,} in the tree), "
            f"{first['articles']:,} articles",
            flush=True,
        )
        print(_line("first open", first), flush=True)
        reopens = []
        for _ in range(args.reopens):
            reopens.append(open_once(args.archive.resolve(), work))
            print(_line("  reopen", reopens[-1]), flush=True)
    if reopens:
        median = {key: statistics.median(r[key] for r in reopens) for key in reopens[0]}
        print(_line(f"reopen, median of {len(reopens)}", median))
    return 0


if __name__ == "__main__":
    sys.exit(main())
