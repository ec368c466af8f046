"""How build time, index size, memory and query latency grow with the archive, against FTS5.

    python -m benchmarks.growth                                  # small … national-5y
    python -m benchmarks.growth --sizes small county-1y --repeat 5
    python -m benchmarks.growth --report /tmp/growth-bench/growth.json   # table and plot only
    python -m benchmarks.growth --sizes … national-50y --builds-from n50y.json   # its builds kept

For each size, in one run (archives generated once into --work and reused):

* opening the archive in a fresh process, first with an empty catalogue cache (every file read)
  and then again, warm (the median of three): its time and resident memory;
* the first-open index build and SQLite FTS5's (trigram) from the same articles, each in a fresh
  process (:mod:`benchmarks.bench_search`'s builds): time, size on disk, peak memory;
* query latency p50/p95 over the benchmark's mixed query set, on one open searcher with its
  cache of recent terms emptied before each timed run.

The figures go to a JSON file after each size (so a long run can be read while it goes on),
then a markdown table, the fitted growth exponents and a log-log plot (PNG, with matplotlib
from the ``bench`` extra) are written by :mod:`benchmarks.growth_report`.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.bench_search import (
    _fts5_build,
    _whoosh_build,
    folder_size,
    in_fresh_process,
    percentile,
    timed,
)
from benchmarks.growth_open import open_archive
from benchmarks.growth_report import write_report
from reader.index import open_searcher
from tests.generator.generate import generate_size
from tests.generator.queries import queries

SIZES = ("small", "county-1y", "county-10y", "national-5y")
HERE = Path(__file__).resolve().parent


def prepare(work: Path, size: str, seed: int) -> tuple[Path, float | None]:
    """The archive of ``size`` (generated now unless an earlier run did); generation seconds."""
    folder = work / f"{size}-seed{seed}"
    archive = folder / "archive"
    if (folder / "generated").exists():
        return archive, None
    shutil.rmtree(folder, ignore_errors=True)
    print(f"generating {size} into {archive} …", flush=True)
    started = time.perf_counter()
    generate_size(archive, size, seed)
    seconds = time.perf_counter() - started
    (folder / "generated").write_text(f"{seconds:.1f}\n", encoding="ascii")
    return archive, seconds


def characters(archive: Path) -> tuple[int, int]:
    """Characters and UTF-8 bytes of the archive's issue files, read one at a time."""
    chars = size = 0
    for path in archive.glob("*.txt"):
        data = path.read_bytes()
        size += len(data)
        chars += len(data.decode("utf-8"))
    return chars, size


def opening(archive: Path, cache: Path, repeat: int) -> dict[str, Any]:
    """A first open with an empty catalogue cache, then warm reopens (each in a new process)."""
    shutil.rmtree(cache, ignore_errors=True)
    os.environ["XDG_CACHE_HOME"] = str(cache)  # the spawned processes inherit it
    cold = in_fresh_process(open_archive, str(archive))
    warm = [in_fresh_process(open_archive, str(archive)) for _ in range(repeat)]
    return {
        "issues": cold["issues"],
        "articles": cold["articles"],
        "cold_s": cold["seconds"],
        "cold_rss_mb": cold["rss_mb"],
        "warm_s": statistics.median(w["seconds"] for w in warm),
        "warm_rss_mb": statistics.median(w["rss_mb"] for w in warm),
        "bare_rss_mb": cold["rss_before_mb"],
    }


def query_latency(index_dir: Path, seed: int, repeat: int) -> dict[str, float]:
    samples: list[float] = []
    searcher = open_searcher(index_dir)
    try:
        for query in queries(seed):
            got, _ = timed(lambda q=query: searcher.search(q.text), repeat, setup=searcher.forget)
            samples += got
    finally:
        searcher.close()
    return {
        "p50": 1000 * statistics.median(samples),
        "p95": 1000 * percentile(samples, 0.95),
        "samples": len(samples),
    }


def build(
    args: argparse.Namespace, archive: Path, index_dir: Path, db_path: Path
) -> dict[str, Any]:
    """Both builds of ``archive``, each in a fresh process: their times, sizes and peaks."""
    shutil.rmtree(index_dir, ignore_errors=True)
    db_path.unlink(missing_ok=True)
    print("  building the index …", flush=True)
    ours = in_fresh_process(_whoosh_build, str(archive), str(index_dir), args.workers)
    print(f"    {ours['seconds']:.1f} s; building FTS5 …", flush=True)
    fts = in_fresh_process(_fts5_build, str(archive), str(db_path))
    print(f"    {fts['seconds']:.1f} s", flush=True)
    return {
        "build_s": {"ours": ours["seconds"], "fts5": fts["seconds"]},
        "index_mb": {"ours": folder_size(index_dir) / 1e6, "fts5": db_path.stat().st_size / 1e6},
        "peak_mb": {
            "ours": ours["peak_mb"],
            "ours_workers": ours["worker_peak_mb"],
            "fts5": fts["peak_mb"],
            "archive_loaded": ours["archive_mb"],
        },
    }


def reused(
    args: argparse.Namespace, size: str, index_dir: Path, db_path: Path
) -> dict[str, Any] | None:
    """The build figures of a ``bench_search --json`` run of ``size`` given with
    ``--builds-from``, whose builds are still in the work folder (None: build them now).

    A national-50y build takes most of an hour, FTS5's as long again: a quiet bench_search run
    of that size need not be repeated here.
    """
    for path in args.builds_from:
        bench = json.loads(path.read_text(encoding="utf-8"))
        if bench["size"] == size and index_dir.is_dir() and db_path.is_file():
            print(f"  the builds of {path} (load {bench['load_average'][0]:.1f})", flush=True)
            return {key: bench[key] for key in ("build_s", "index_mb", "peak_mb")}
    return None


def measure(args: argparse.Namespace, size: str) -> dict[str, Any]:
    archive, generated = prepare(args.work, size, args.seed)
    folder = archive.parent
    chars, raw = characters(archive)
    print(f"{size}: {chars:,} characters ({raw / 1e6:.0f} MB); opening …", flush=True)
    load_before = os.getloadavg()
    opened = opening(archive, folder / "cache", args.repeat)
    index_dir, db_path = folder / "index", folder / "fts5.db"
    builds = reused(args, size, index_dir, db_path) or build(args, archive, index_dir, db_path)
    print("  queries …", flush=True)
    latency = query_latency(index_dir, args.seed, args.repeat)
    return {
        "size": size,
        "characters": chars,
        "text_mb": raw / 1e6,
        "generate_s": generated,
        **opened,
        **builds,
        "query_ms": latency,
        "load_average": {"before": load_before, "after": os.getloadavg()},
        "cpus": os.cpu_count(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", nargs="+", default=list(SIZES))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each query")
    parser.add_argument("--workers", type=int, help="index build processes (default: auto)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/growth-bench"))
    parser.add_argument("--json", type=Path, help="the figures (default: WORK/growth.json)")
    parser.add_argument("--plot", type=Path, default=HERE / "growth.png")
    parser.add_argument("--report", type=Path, metavar="JSON", help="only redraw from JSON")
    parser.add_argument(
        "--builds-from",
        type=Path,
        nargs="+",
        default=[],
        metavar="JSON",
        help="take a size's build figures from these bench_search --json runs (same --work)",
    )
    args = parser.parse_args(argv)
    if args.report:
        results = json.loads(args.report.read_text(encoding="utf-8"))
    else:
        target = args.json or args.work / "growth.json"
        args.work.mkdir(parents=True, exist_ok=True)
        results = []
        for size in args.sizes:
            results.append(measure(args, size))
            target.write_text(json.dumps(results, indent=1), encoding="utf-8")
        print(f"figures in {target}")
    print(write_report(results, args.plot))
    return 0


if __name__ == "__main__":
    sys.exit(main())
