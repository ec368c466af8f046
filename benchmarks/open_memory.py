"""Opening an archive: resident memory after Library.open and its time, first open and reopen.

Each open runs in a fresh process (as the window and the command line do), against a catalogue
cache of its own: first the open that reads every file and writes the cache, then reopens with
the cache warm. Run with ``PYTHONPATH`` set to another checkout to measure that code instead,
or give ``--compare`` another checkout: the reopens of both then alternate, each code with a
warm cache of its own, so a shared machine's load falls on both alike. The CPU time of the
open (``time.process_time``) is quoted too: on a loaded machine it is the steadier figure.

    python -m benchmarks.open_memory ARCHIVE [--reopens 3] [--compare OTHER_CHECKOUT]
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

_CHILD = """
import json, sys, time
def rss():
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0
from reader.library import Library
before = rss()
started, cpu = time.perf_counter(), time.process_time()
library = Library.open(sys.argv[1], cache_root=sys.argv[2])
issues = library.issues
articles = sum(len(i.articles) for i in issues)
seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
print(json.dumps({"code": __import__("reader").__file__, "seconds": seconds, "cpu": cpu, "rss_mb": rss(), "rss_before_mb": before,
                  "issues": len(issues), "articles": articles}))
"""


def open_once(archive: Path, cache: Path, code: Path | None = None) -> dict[str, Any]:
    """One open in a fresh process (of the checkout at ``code`` if given): seconds, resident MB."""
    env = dict(os.environ)
    if code is not None:
        env["PYTHONPATH"] = str(code)
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(archive), str(cache)],
        check=True,
        capture_output=True,
        text=True,
        cwd=cache,  # not the checkout: ``-c`` puts the working folder first on sys.path
        env=env,
    )
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("archive", type=Path)
    parser.add_argument("--reopens", type=int, default=3)
    parser.add_argument("--compare", type=Path, help="another checkout, its reopens alternated")
    args = parser.parse_args(argv)
    if args.compare is not None:
        return compare(args.archive, args.compare, args.reopens)
    with tempfile.TemporaryDirectory() as cache:
        first = open_once(args.archive, Path(cache))
        reopens = [open_once(args.archive, Path(cache)) for _ in range(args.reopens)]
        cached = sum(f.stat().st_size for f in Path(cache).rglob("*") if f.is_file())
    print(f"code: {first['code']}")
    print(f"{first['issues']:,.0f} issues, {first['articles']:,.0f} articles")
    print(f"first open: {first['seconds']:.2f} s, {first['rss_mb']:.0f} MB resident")
    print(
        f"reopen (warm cache, median of {len(reopens)}): "
        f"{statistics.median(r['seconds'] for r in reopens):.2f} s "
        f"(CPU {statistics.median(r['cpu'] for r in reopens):.2f} s), "
        f"{statistics.median(r['rss_mb'] for r in reopens):.0f} MB resident "
        f"(after imports {statistics.median(r['rss_before_mb'] for r in reopens):.0f} MB)"
    )
    print(f"cache on disk: {cached / 1e6:.0f} MB")
    return 0


def compare(archive: Path, other: Path, reopens: int) -> int:
    """Reopens of this code and of the checkout ``other`` alternated, each with its own cache."""
    with tempfile.TemporaryDirectory() as mine, tempfile.TemporaryDirectory() as theirs:
        codes = {"other": (other.resolve(), Path(theirs)), "this": (None, Path(mine))}
        runs: dict[str, list[dict[str, Any]]] = {name: [] for name in codes}
        for code, cache in codes.values():
            open_once(archive, cache, code)  # warms the cache
        for _ in range(reopens):
            for name, (code, cache) in codes.items():
                runs[name].append(open_once(archive, cache, code))
    for name, results in runs.items():
        print(
            f"{name} ({results[0]['code']}): {results[0]['articles']:,.0f} articles, reopen "
            f"median of {len(results)}: {statistics.median(r['seconds'] for r in results):.2f} s "
            f"(min {min(r['seconds'] for r in results):.2f}; "
            f"CPU {statistics.median(r['cpu'] for r in results):.2f} s), "
            f"{statistics.median(r['rss_mb'] for r in results):.0f} MB resident "
            f"(after imports {statistics.median(r['rss_before_mb'] for r in results):.0f} MB)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
