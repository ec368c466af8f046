"""Time the benchmark's 27 mixed queries on an existing index, read-only (issue 14, point 4).

    python -m benchmarks.bench_queries /tmp/growth-bench/national-5y-seed1/index --repeat 5
    python -m benchmarks.bench_queries INDEX --profile "县" --cache /tmp/me/cache

Each timed run starts without the terms the searcher keeps from recent queries (``forget()``),
as in ``bench_search``; the index is only read (a searcher never writes), so this can run on
an index another process made. The per-user state cache (dates, publications, field lengths
derived once per build) goes to ``--cache`` (a throwaway folder by default) and is filled by an
untimed first query. ``--extra`` adds very common terms that are not in the mixed set (的, 中国,
一, 发展, 在) and reports them on their own.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import statistics
import tempfile
import time
from pathlib import Path

from reader.index import open_searcher, use_cache_root
from tests.generator.queries import queries

# Very common terms: not in the benchmark's set, but the ones issue 14 names.
EXTRA = ("的", "中国", "一", "发展", "在", "工作", '"的发展"')


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure(index: Path, repeat: int, extra: bool, sort: str) -> dict[str, object]:
    """Per query: the median time (wall and CPU, ms) and total; p50/p95 overall and per kind."""
    mixed = [(q.kind, q.text) for q in queries(1)]
    if extra:
        mixed += [("very common", text) for text in EXTRA]
    per_query: dict[str, dict[str, object]] = {}
    by_kind: dict[str, list[float]] = {}
    cpu_by_kind: dict[str, list[float]] = {}
    with open_searcher(index) as searcher:
        searcher.search("县")  # untimed: opens the searcher, derives and saves its state
        for kind, text in mixed:
            searcher.forget()
            searcher.search(text, sort=sort)  # warm-up (the OS cache), as bench_search does
            samples: list[float] = []
            cpu: list[float] = []
            result = None
            for _ in range(repeat):
                searcher.forget()
                started, started_cpu = time.perf_counter(), time.thread_time()
                result = searcher.search(text, sort=sort)
                samples.append(1000 * (time.perf_counter() - started))
                cpu.append(1000 * (time.thread_time() - started_cpu))
            assert result is not None
            per_query[text] = {
                "kind": kind,
                "ms": statistics.median(samples),
                "cpu_ms": statistics.median(cpu),
                "total": result.total,
            }
            by_kind.setdefault(kind, []).extend(samples)
            cpu_by_kind.setdefault(kind, []).extend(cpu)
    timed = [s for kind, v in by_kind.items() if kind != "very common" for s in v]
    cpu_timed = [s for kind, v in cpu_by_kind.items() if kind != "very common" for s in v]
    return {
        "p50": statistics.median(timed),
        "p95": percentile(timed, 0.95),
        # CPU time of the searching thread: less moved by other processes on a shared machine.
        "cpu_p50": statistics.median(cpu_timed),
        "cpu_p95": percentile(cpu_timed, 0.95),
        "by_kind_p50": {kind: statistics.median(v) for kind, v in by_kind.items()},
        "by_kind_p95": {kind: percentile(v, 0.95) for kind, v in by_kind.items()},
        "cpu_by_kind_p50": {kind: statistics.median(v) for kind, v in cpu_by_kind.items()},
        "queries": per_query,
    }


def profile(index: Path, text: str, repeat: int, sort: str) -> None:
    with open_searcher(index) as searcher:
        searcher.search(text, sort=sort)
        profiler = cProfile.Profile()
        for _ in range(repeat):
            searcher.forget()
            profiler.enable()
            searcher.search(text, sort=sort)
            profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("index", type=Path, help="an index folder (only read)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--sort", default="relevance", choices=("relevance", "newest", "oldest"))
    parser.add_argument("--extra", action="store_true", help="also time very common terms")
    parser.add_argument("--cache", type=Path, help="per-user cache folder (default: a temp one)")
    parser.add_argument("--profile", metavar="QUERY", help="profile one query instead")
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args(argv)
    cache = args.cache or Path(tempfile.mkdtemp(prefix="bench-queries-"))
    use_cache_root(lambda: cache)
    if args.profile:
        profile(args.index, args.profile, args.repeat, args.sort)
        return 0
    report = measure(args.index, args.repeat, args.extra, args.sort)
    for text, row in report["queries"].items():  # type: ignore[attr-defined]
        print(
            f"  {row['kind']:13} {text:24} {row['ms']:8.1f} ms (CPU {row['cpu_ms']:6.1f})"
            f"  {row['total']:>8}"
        )
    print(
        f"p50 {report['p50']:.1f} ms, p95 {report['p95']:.1f} ms (the 27 mixed queries); "
        f"CPU p50 {report['cpu_p50']:.1f} ms, p95 {report['cpu_p95']:.1f} ms"
    )
    for kind, ms in report["by_kind_p50"].items():  # type: ignore[attr-defined]
        print(
            f"  {kind:13} p50 {ms:7.1f}  p95 {report['by_kind_p95'][kind]:7.1f}"  # type: ignore[index]
            f"  CPU p50 {report['cpu_by_kind_p50'][kind]:7.1f}"  # type: ignore[index]
        )
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
