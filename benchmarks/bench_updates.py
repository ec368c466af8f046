"""An archive that grows one issue at a time for years: update cost, segments and query speed.

    nice -n 10 python -m benchmarks.bench_updates --updates 5000 --json updates.json
    python -m benchmarks.bench_updates --updates 8 --every 4 --scan      # a quick check

Each step writes the county paper's next issue into the archive (the generator's own
stream, so after N steps the archive is byte for byte ``generate --issues N``), reads that
file with the importers and runs the index update (``reader.index.update_index``, what
``Library.update_index`` calls) with every issue so far, as the app does when a file
appears. The catalogue's reopen is left out: it reads every file again when one is added
(``reader.library.catalogue``), which over 5,000 steps would be most of the run. Each step's
update time is recorded, with the segments it merged and the segments left. Every
``--every`` steps it measures query latency (p50/p95) over the benchmark's mixed query set.
At the end the same archive is built in one go into another folder and both indexes answer
the same queries, alternately: their totals must be equal (and equal to a plain scan's with
``--scan``), and the latencies say whether years of updates slowed the queries down.
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

from reader.index import open_searcher, update_index
from reader.index.fold import fold
from reader.library import Library
from reader.model import Issue
from tests.generator.generate import PUBLICATION, Writer, issue_dates
from tests.generator.queries import queries, scan_query

ARTICLES = 16  # an issue of the generated county paper


def segment_count(index_dir: Path) -> int:
    """Segments in the committed index: one term file each (from ``meta.json``'s file list)."""
    meta = json.loads((index_dir / "meta.json").read_text(encoding="utf-8"))
    return sum(name.endswith(".trm") for name in meta["files"])


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def query_times(index_dir: Path, seed: int, repeat: int) -> tuple[list[float], list[int]]:
    """Every query's timed runs (s) on a fresh searcher, recent terms forgotten before each;
    and each query's total."""
    samples: list[float] = []
    totals: list[int] = []
    with open_searcher(index_dir) as searcher:
        for query in queries(seed):
            result = searcher.search(query.text)  # warm-up
            totals.append(result.total)
            for _ in range(repeat):
                searcher.forget()
                started = time.perf_counter()
                searcher.search(query.text)
                samples.append(time.perf_counter() - started)
    return samples, totals


def summary(samples: list[float]) -> dict[str, float]:
    return {
        "p50_ms": 1000 * statistics.median(samples),
        "p95_ms": 1000 * percentile(samples, 0.95),
    }


def scan_totals(library: Library, seed: int) -> list[int]:
    """The true totals, by a plain scan of the folded text (small archives only)."""
    texts = [
        (
            issue.date.isoformat() if issue.date else "",
            [fold(p) for p in (a.kicker, a.title, a.subtitle, a.text, a.column, *a.authors) if p],
        )
        for issue in library.issues_with_text()
        for a in issue.articles
    ]
    return [scan_query(texts, query) for query in queries(seed)]


def grow(args: argparse.Namespace, archive: Path, index_dir: Path) -> dict[str, Any]:
    """Add ``args.updates`` issues one at a time, updating the index after each."""
    (archive / "archive.toml").write_text(
        f'publication = "{PUBLICATION}"\nmastheads = ["{PUBLICATION}"]\nlanguage = "zh-Hans"\n',
        encoding="utf-8",
    )
    writer = Writer(args.seed)
    steps: list[dict[str, Any]] = []
    checkpoints: list[dict[str, Any]] = []
    issues: list[Issue] = []
    fingerprints: dict[str, str] = {}
    segments = 0
    started = time.perf_counter()
    for n, date in enumerate(issue_dates(args.updates), start=1):
        path = archive / f"{date.isoformat()}_{n:05d}.txt"
        path.write_text(writer.issue(1000 + n, date, ARTICLES), encoding="utf-8")
        t0 = time.perf_counter()
        # The importer reads the new file (the same issue, same id, as in the folder); the
        # catalogue's own reopen re-reads every file when one is added, so it is left out.
        with Library.open(path, use_cache=False) as one:
            issues += one.issues
        info = path.stat()
        fingerprints.update({i.id: f"{info.st_size}:{info.st_mtime_ns}" for i in one.issues})
        t1 = time.perf_counter()
        stats = update_index(index_dir, issues, fingerprints)
        t2 = time.perf_counter()
        segments = segment_count(index_dir)
        steps.append(
            {
                "n": n,
                "read_s": t1 - t0,
                "update_s": t2 - t1,
                "segments": segments,
                "merged": stats.merged,
                "written": stats.written,
                "articles": stats.articles,
            }
        )
        if n % args.every == 0 or n == args.updates:
            samples, _totals = query_times(index_dir, args.seed, args.repeat)
            point = {"n": n, "segments": segments, **summary(samples)}
            checkpoints.append(point)
            recent = steps[-args.every :]
            print(
                f"{n:5d} issues, {segments:3d} segments: queries p50 {point['p50_ms']:6.1f} ms "
                f"p95 {point['p95_ms']:6.1f} ms; last {len(recent)} updates median "
                f"{statistics.median(s['update_s'] for s in recent):.2f} s, max "
                f"{max(s['update_s'] for s in recent):.2f} s "
                f"({time.perf_counter() - started:.0f} s so far)",
                flush=True,
            )
    return {"steps": steps, "checkpoints": checkpoints}


def compare(args: argparse.Namespace, grown: Path, one_go: Path) -> dict[str, Any]:
    """Both indexes answer the same queries, alternately; the runs are pooled per index."""
    samples: dict[str, list[float]] = {"grown": [], "one_go": []}
    totals: dict[str, list[int]] = {}
    for _round in range(args.rounds):
        for name, folder in (("grown", grown), ("one_go", one_go)):
            got, counted = query_times(folder, args.seed, args.repeat)
            samples[name] += got
            totals[name] = counted
    return {
        name: {**summary(got), "totals": totals[name], "segments": segment_count(folder)}
        for (name, got), folder in zip(samples.items(), (grown, one_go), strict=True)
    }


def run(args: argparse.Namespace) -> dict[str, Any]:
    work: Path = args.work
    shutil.rmtree(work, ignore_errors=True)
    archive, cache = work / "archive", work / "cache"
    grown, one_go = work / "index-grown", work / "index-one-go"
    archive.mkdir(parents=True)
    print(f"growing {archive} by {args.updates} issues, one update each …", flush=True)
    growth = grow(args, archive, grown)
    steps = growth["steps"]
    print("building the same archive in one go …", flush=True)
    with Library.open(archive, cache_root=cache) as library:
        started = time.perf_counter()
        built = library.update_index(one_go)
        one_go_s = time.perf_counter() - started
        truth = scan_totals(library, args.seed) if args.scan else None
        characters = sum(len(a.text) for i in library.issues_with_text() for a in i.articles)
    print(f"  {one_go_s:.1f} s, {built.articles} articles", flush=True)
    answers = compare(args, grown, one_go)
    updates = [s["update_s"] for s in steps[1:]]  # the first step is a first build
    merging = [s["update_s"] for s in steps[1:] if s["merged"]]
    rewritten = sum(s["written"] for s in steps) - sum(s["articles"] for s in steps[-1:])
    plain = [s["update_s"] for s in steps[1:] if not s["merged"]]
    return {
        "updates": args.updates,
        "articles": built.articles,
        "characters": characters,
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg(),
        "update_s": {
            "total": sum(updates),
            "p50": statistics.median(updates) if updates else 0.0,
            "p95": percentile(updates, 0.95) if updates else 0.0,
            "max": max(updates, default=0.0),
            "merges": len(merging),
            "in_merges": sum(merging),
            # What merging adds to an update, spread over all of them.
            "merge_per_update": (
                (sum(merging) - len(merging) * statistics.median(plain)) / len(updates)
                if merging and plain
                else 0.0
            ),
        },
        # Articles written again by merges, all told (each article is written once anyway).
        "rewritten_articles": rewritten,
        "steps": steps,
        "one_go_build_s": one_go_s,
        "checkpoints": growth["checkpoints"],
        "queries": answers,
        "scan_totals": truth,
        "query_texts": [q.text for q in queries(args.seed)],
    }


def print_report(report: dict[str, Any]) -> None:
    u = report["update_s"]
    q = report["queries"]
    print()
    print(
        f"{report['updates']} single-issue updates: {report['articles']} articles, "
        f"{report['characters']:,} characters; load average "
        f"{report['load_average'][0]:.1f} on {report['cpus']} CPUs"
    )
    print(
        f"update: p50 {u['p50']:.2f} s, p95 {u['p95']:.2f} s, max {u['max']:.2f} s, "
        f"total {u['total']:.0f} s; {u['merges']} updates merged segments "
        f"({u['in_merges']:.0f} s, {u['merge_per_update']:.3f} s per update spread over all)"
    )
    print(
        f"articles written again by merges: {report['rewritten_articles']:,} "
        f"({report['rewritten_articles'] / report['articles']:.1f} per article)"
    )
    print(f"one-go build of the same archive: {report['one_go_build_s']:.1f} s")
    for name in ("grown", "one_go"):
        print(
            f"queries on the {name.replace('_', '-')} index ({q[name]['segments']} segments): "
            f"p50 {q[name]['p50_ms']:.1f} ms, p95 {q[name]['p95_ms']:.1f} ms"
        )
    same = q["grown"]["totals"] == q["one_go"]["totals"]
    print(f"totals equal on both indexes: {same}")
    if report["scan_totals"] is not None:
        print(f"totals equal to the scan's: {q['grown']['totals'] == report['scan_totals']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--updates", type=int, default=5000, help="issues added one at a time")
    parser.add_argument("--every", type=int, default=250, help="measure queries every N steps")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each query")
    parser.add_argument("--rounds", type=int, default=3, help="alternations at the end")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--scan", action="store_true", help="check totals against a scan")
    parser.add_argument("--work", type=Path, default=Path("/tmp/issue-reader-updates"))
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    if args.updates < 2:
        parser.error("--updates must be at least 2 (the first is a first build)")
    report = run(args)
    print_report(report)
    if args.json:
        args.json.write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
