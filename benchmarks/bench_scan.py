"""Benchmark the search that answers while the index is built (issue 14 point 5).

    python -m benchmarks.bench_scan ARCHIVE [--check] [--repeat 3] [--work DIR]

On an archive opened as the window opens it (the catalogue in memory), with no index yet:

* the first search with the window's time budget (``SearchPanel``'s 0.5 s): how long it
  took and how much of the archive it covered;
* the first search with no budget: folding every article and matching (what the window
  reaches after a few runs), with the folded text kept and the process's memory before and
  after;
* every query of the benchmark's mixed set (``tests/generator/queries.py``) with the folded
  text kept: p50 and p95 of the median of ``--repeat`` runs each.

With ``--check`` it then builds the index of half the issues (the index "as it was"), times
the same queries searching that half in the index and scanning the other half, completes the
index, and checks that for every query the scan alone, the half-and-half search and the
index give the same total and the same hits.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from reader import index
from reader.library import Library
from tests.generator.queries import queries

WINDOW_BUDGET = 0.5


def rss_mb() -> float:
    """The current resident set size in MB (Linux)."""
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def timed_queries(library: Library, texts: list[str], repeat: int) -> dict[str, float]:
    """Per query, the median seconds of ``repeat`` searches (first 20 hits, as the CLI)."""
    result = {}
    for text in texts:
        runs = []
        for _ in range(repeat):
            started = time.perf_counter()
            library.search_now(text, limit=20)
            runs.append(time.perf_counter() - started)
        result[text] = statistics.median(runs)
    return result


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def report(name: str, times: dict[str, float]) -> None:
    values = list(times.values())
    print(
        f"{name}: p50 {percentile(values, 0.5) * 1000:.0f} ms, "
        f"p95 {percentile(values, 0.95) * 1000:.0f} ms, "
        f"max {max(values) * 1000:.0f} ms over {len(values)} queries"
    )
    for text, seconds in times.items():
        print(f"    {seconds * 1000:7.1f} ms  {text}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("archive", type=Path)
    parser.add_argument("--seed", type=int, default=1, help="the generator's seed (for names)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--check", action="store_true", help="build the index and compare")
    parser.add_argument("--work", type=Path, help="folder for the catalogue cache and index")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-scan-"))
    texts = [query.text for query in queries(args.seed)]

    Library.open(args.archive, cache_root=work / "cache").close()  # the catalogue cached
    started = time.perf_counter()
    library = Library.open(args.archive, cache_root=work / "cache")
    articles = library.archive.article_count
    chars = sum(len(a.text) for issue in library.issues_with_text() for a in issue.articles)
    print(f"{articles:,} articles, {chars:,} characters of text")
    print(f"open (catalogue cached): {time.perf_counter() - started:.2f} s, {rss_mb():.0f} MB")
    library.use_index_dir(work / "no-index")

    started = time.perf_counter()
    first = library.search_now(texts[0], limit=20, budget=WINDOW_BUDGET)
    print(
        f"first search, {WINDOW_BUDGET} s budget: {time.perf_counter() - started:.2f} s, "
        f"covers {first.coverage.share:.0%} ({first.coverage.scanned:,} articles scanned)"
    )
    before = rss_mb()
    started = time.perf_counter()
    library.search_now(texts[0], limit=20)
    print(
        f"first search, no budget (folds the rest): {time.perf_counter() - started:.2f} s; "
        f"memory {before:.0f} → {rss_mb():.0f} MB, "
        f"{library._scanner.cached_chars:,} folded characters kept"
    )
    report("scan, folded text kept", timed_queries(library, texts, args.repeat))
    if args.check:
        check(library, texts, work, args.repeat)
    library.close()
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def check(library: Library, texts: list[str], work: Path, repeat: int) -> None:
    """Half indexed, half scanned; then the whole index: the same totals and hits."""
    folder = work / "index"
    issues = library.issues_with_text()
    fingerprints = library.fingerprints()
    scanned = {text: library.search_now(text, limit=100_000).result for text in texts}
    started = time.perf_counter()
    index.update_index(folder, issues[: len(issues) // 2], fingerprints)
    print(f"index of half the issues built in {time.perf_counter() - started:.1f} s")
    library.use_index_dir(folder)
    half = library.search_now(texts[0], limit=20)
    print(
        f"half indexed: {half.coverage.indexed:,} of {half.coverage.articles:,} articles "
        "from the index, the rest scanned"
    )
    report("half index + scan of the rest", timed_queries(library, texts, repeat))
    mixed = {text: library.search_now(text, limit=100_000).result for text in texts}
    started = time.perf_counter()
    library.update_index(folder)
    print(f"index completed in {time.perf_counter() - started:.1f} s")
    differ = 0
    for text in texts:
        indexed = library.search(text, limit=100_000)
        ids = {hit.article_id for hit in indexed.hits}
        for name, found in (("scan", scanned[text]), ("half", mixed[text])):
            if found.total != indexed.total or {hit.article_id for hit in found.hits} != ids:
                differ += 1
                print(f"    DIFFERS ({name}): {text}: {found.total} against {indexed.total}")
    total = sum(result.total for result in scanned.values())
    print(f"truth check: {len(texts)} queries, {total:,} hits, {differ} differences")


if __name__ == "__main__":
    raise SystemExit(main())
