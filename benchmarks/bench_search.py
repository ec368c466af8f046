"""Benchmark the search index against SQLite FTS5 (trigram) and a plain scan, on one archive.

    python -m benchmarks.bench_search --size county-10y
    python -m benchmarks.bench_search --size small --repeat 5 --json results.json

For the archive of the given size (generated once into --work and reused) it measures, each
beside the baselines built in the same run from the same article text:

* first-open index build time, the index size, and the build's peak memory (each build runs
  in a fresh process; the peak includes the loaded archive, reported on its own too);
* the time to add one new issue to the existing index;
* query latency (p50, p95) over a fixed mixed set: 2–4 character terms, names, phrases,
  single characters, Latin, boolean and date-filtered queries. The index answers with the
  total, facets and the first 20 hits with snippets; FTS5 with the count and the first 20
  rows by bm25 (queries under three characters fall back to LIKE, which FTS5's trigram
  tokenizer needs); the plain scan with the matching articles from text kept in memory.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import resource
import shutil
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reader.index import open_searcher, update_index
from reader.index.fold import fold
from reader.library import Library
from tests.generator import national
from tests.generator.generate import SIZES, Writer, generate_size, issue_dates
from tests.generator.queries import Query, queries, scan_query


def fingerprints(library: Library) -> dict[str, str]:
    """Issue fingerprints from file sizes and mtimes (what the library computes)."""
    result = {}
    for issue in library.issues:
        path = library.root / issue.source
        stat = path.stat() if path.is_file() else None
        result[issue.id] = f"{stat.st_size}:{stat.st_mtime_ns}" if stat else issue.id
    return result


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def rss_mb() -> float:
    """The current resident set size in MB (Linux)."""
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


# Builds, each run in a fresh process so that its peak memory is its own.


def _whoosh_build(archive: str, index_dir: str, workers: int | None, out: object) -> None:
    library = Library.open(archive)
    loaded = rss_mb()
    started = time.perf_counter()
    stats = update_index(
        index_dir, library.issues_with_text(), fingerprints(library), workers=workers
    )
    seconds = time.perf_counter() - started
    out.put(  # type: ignore[attr-defined]
        {
            "seconds": seconds,
            "articles": stats.articles,
            "archive_mb": loaded,
            "peak_mb": peak_mb(),
            "worker_peak_mb": peak_mb(resource.RUSAGE_CHILDREN),
        }
    )


def fts5_schema(db: sqlite3.Connection) -> None:
    db.execute(
        "CREATE VIRTUAL TABLE articles USING fts5(title, body, authors, col, tokenize='trigram')"
    )
    db.execute("CREATE TABLE meta(id INTEGER PRIMARY KEY, day TEXT, publication TEXT)")
    db.execute("CREATE INDEX meta_day ON meta(day)")


def fts5_rows(library: Library, start: int = 0) -> list[tuple[object, ...]]:
    rows = []
    n = start
    for issue in library.issues_with_text():
        for article in issue.articles:
            n += 1
            title = " ".join(p for p in (article.kicker, article.title, article.subtitle) if p)
            day = issue.date.isoformat() if issue.date else ""
            rows.append(
                (
                    n,
                    title,
                    article.text,
                    " ".join(article.authors),
                    article.column,
                    day,
                    issue.publication,
                )
            )
    return rows


def fts5_insert(db: sqlite3.Connection, rows: list[tuple[object, ...]]) -> None:
    with db:
        db.executemany(
            "INSERT INTO articles(rowid, title, body, authors, col) VALUES (?, ?, ?, ?, ?)",
            [row[:5] for row in rows],
        )
        db.executemany(
            "INSERT INTO meta(id, day, publication) VALUES (?, ?, ?)",
            [(row[0], row[5], row[6]) for row in rows],
        )


def _fts5_build(archive: str, db_path: str, out: object) -> None:
    library = Library.open(archive)
    rows = fts5_rows(library)
    loaded = rss_mb()
    started = time.perf_counter()
    db = sqlite3.connect(db_path)
    fts5_schema(db)
    fts5_insert(db, rows)
    db.close()
    seconds = time.perf_counter() - started
    out.put({"seconds": seconds, "archive_mb": loaded, "peak_mb": peak_mb()})  # type: ignore[attr-defined]


def in_fresh_process(target: Callable[..., None], *args: object) -> dict[str, float]:
    context = multiprocessing.get_context("spawn")
    out = context.Queue()
    process = context.Process(target=target, args=(*args, out))
    process.start()
    result = out.get()
    process.join()
    return result


# Queries against the baselines.


def fts5_query(db: sqlite3.Connection, query: Query) -> tuple[int, list[int]]:
    """(count, first 20 rowids) for a query, the FTS5 way."""
    clauses = []
    params: list[object] = []
    for term in query.terms:
        if len(term) >= 3:
            clauses.append("rowid IN (SELECT rowid FROM articles WHERE articles MATCH ?)")
            params.append('"' + term.replace('"', '""') + '"')
        else:
            clauses.append(
                "rowid IN (SELECT rowid FROM articles WHERE title LIKE ? OR body LIKE ? "
                "OR authors LIKE ? OR col LIKE ?)"
            )
            params.extend([f"%{term}%"] * 4)
    if query.mode == "or":
        where = " OR ".join(clauses)
    elif query.mode == "not":
        where = clauses[0] + "".join(f" AND NOT {c}" for c in clauses[1:])
    else:
        where = " AND ".join(clauses)
    if query.dates:
        where = f"({where}) AND rowid IN (SELECT id FROM meta WHERE day BETWEEN ? AND ?)"
        params.extend(query.dates)
    count = db.execute(f"SELECT count(*) FROM articles WHERE {where}", params).fetchone()[0]
    first = [
        row[0]
        for row in db.execute(
            f"SELECT rowid FROM articles WHERE {where} ORDER BY rank LIMIT 20", params
        )
    ]
    return count, first


def timed(
    action: Callable[[], object], repeat: int, setup: Callable[[], object] | None = None
) -> tuple[list[float], object]:
    action()  # warm-up
    samples = []
    result = None
    for _ in range(repeat):
        if setup is not None:
            setup()
        started = time.perf_counter()
        result = action()
        samples.append(time.perf_counter() - started)
    return samples, result


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def add_issue(archive: Path, seed: int, issues: int, size: str) -> Path:
    """Write the next issue the generator would have written (a new file in the archive)."""
    if size in national.SIZES:  # the next day of the daily
        date = list(national.issue_dates(issues + 1))[-1]
        text = national.DailyWriter(seed).issue(national.FIRST_NUMBER + issues + 1, date, 40)
    else:
        date = list(issue_dates(issues + 1))[-1]
        text = Writer(seed).issue(1000 + issues + 1, date, 16)
    path = archive / f"{date.isoformat()}_{issues + 1:05d}.txt"
    path.write_text(text, encoding="utf-8")
    return path


def run(args: argparse.Namespace) -> dict[str, object]:
    issues, _articles = {**SIZES, **national.SIZES}[args.size]
    work = args.work / f"{args.size}-seed{args.seed}"
    archive = work / "archive"
    if not (work / "generated").exists():
        shutil.rmtree(work, ignore_errors=True)
        print(f"generating {args.size} into {archive} …", flush=True)
        generate_size(archive, args.size, args.seed)
        (work / "generated").touch()
    for extra in sorted(archive.glob("*.txt"))[issues:]:
        extra.unlink()  # an issue added by an earlier run

    library = Library.open(archive)
    count = library.archive.article_count
    chars = raw = 0
    for issue in library.issues_with_text():  # the catalogue keeps no text: read it once
        for article in issue.articles:
            chars += len(article.text)
            raw += len(article.text.encode("utf-8"))
    print(f"{args.size}: {len(library.issues)} issues, {count} articles, {chars:,} characters")

    index_dir = work / "index"
    db_path = work / "fts5.db"
    if args.reuse:
        # Measure queries (and adding an issue) again on the builds of an earlier run.
        earlier = json.loads(args.reuse.read_text(encoding="utf-8"))
        ours = {"seconds": earlier["build_s"]["ours"], **_peaks(earlier, "ours")}
        fts = {"seconds": earlier["build_s"]["fts5"], **_peaks(earlier, "fts5")}
        index_mb_before = earlier["index_mb"]
    else:
        shutil.rmtree(index_dir, ignore_errors=True)
        db_path.unlink(missing_ok=True)
        print("building the index …", flush=True)
        ours = in_fresh_process(_whoosh_build, str(archive), str(index_dir), args.workers)
        print(f"  {ours['seconds']:.1f} s", flush=True)
        print("building FTS5 …", flush=True)
        fts = in_fresh_process(_fts5_build, str(archive), str(db_path))
        print(f"  {fts['seconds']:.1f} s", flush=True)
        index_mb_before = {
            "ours": folder_size(index_dir) / 1e6,
            "fts5": db_path.stat().st_size / 1e6,
        }

    # Add one issue (first taking out one that an earlier run may have left, untimed).
    update_index(index_dir, library.issues_with_text(), fingerprints(library))
    db = sqlite3.connect(db_path)
    with db:
        db.execute("DELETE FROM articles WHERE rowid > ?", (count,))
        db.execute("DELETE FROM meta WHERE id > ?", (count,))
    db.close()
    added = add_issue(archive, args.seed, issues, args.size)
    grown = Library.open(archive)
    started = time.perf_counter()
    update_index(index_dir, grown.issues_with_text(), fingerprints(grown))
    add_ours = time.perf_counter() - started
    rows = fts5_rows(Library.open(added), start=count)
    db = sqlite3.connect(db_path)
    started = time.perf_counter()
    fts5_insert(db, rows)
    add_fts = time.perf_counter() - started

    # Queries.
    texts = [
        (
            issue.date.isoformat() if issue.date else "",
            [fold(p) for p in (a.kicker, a.title, a.subtitle, a.text, a.column, *a.authors) if p],
        )
        for issue in grown.issues_with_text()
        for a in issue.articles
    ]
    results: dict[str, dict[str, list[float]]] = {"ours": {}, "fts5": {}, "scan": {}}
    counts = []
    # One searcher for the whole run, as the app keeps one open.
    searcher = open_searcher(index_dir)
    for query in queries(args.seed):
        # Each timed run starts without the terms the searcher keeps from recent queries.
        ours_samples, ours_result = timed(
            lambda q=query: searcher.search(q.text), args.repeat, setup=searcher.forget
        )
        fts_samples, fts_result = timed(lambda q=query: fts5_query(db, q), args.repeat)
        scan_samples, scan_result = timed(
            lambda q=query: scan_query(texts, q), max(1, args.repeat // 2)
        )
        for name, samples in (
            ("ours", ours_samples),
            ("fts5", fts_samples),
            ("scan", scan_samples),
        ):
            results[name].setdefault(query.kind, []).extend(samples)
        counts.append((query.text, ours_result.total, fts_result[0], scan_result))  # type: ignore[union-attr,index]
    db.close()
    searcher.close()
    all_samples = {name: [s for v in kinds.values() for s in v] for name, kinds in results.items()}
    report = {
        "size": args.size,
        "issues": len(grown.issues) - 1,
        "articles": count,
        "characters": chars,
        "text_mb": raw / 1e6,
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg(),
        "build_s": {"ours": ours["seconds"], "fts5": fts["seconds"]},
        "workers": args.workers,
        "add_issue_s": {"ours": add_ours, "fts5": add_fts},
        "index_mb": index_mb_before,
        "peak_mb": {
            "ours": ours["peak_mb"],
            "ours_workers": ours["worker_peak_mb"],
            "fts5": fts["peak_mb"],
            "archive_loaded": ours["archive_mb"],
        },
        "query_ms": {
            name: {
                "p50": 1000 * statistics.median(samples),
                "p95": 1000 * percentile(samples, 0.95),
                "by_kind_p50": {
                    kind: 1000 * statistics.median(v) for kind, v in results[name].items()
                },
            }
            for name, samples in all_samples.items()
        },
        "counts": counts,
    }
    added.unlink()
    return report


def _peaks(earlier: dict[str, Any], name: str) -> dict[str, float]:
    peaks = earlier["peak_mb"]
    if name == "fts5":
        return {"peak_mb": peaks["fts5"], "archive_mb": peaks["archive_loaded"]}
    return {
        "peak_mb": peaks["ours"],
        "worker_peak_mb": peaks["ours_workers"],
        "archive_mb": peaks["archive_loaded"],
    }


def print_report(report: dict[str, object]) -> None:
    build = report["build_s"]
    add = report["add_issue_s"]
    size = report["index_mb"]
    peak = report["peak_mb"]
    q = report["query_ms"]
    print()
    print(
        f"{report['size']}: {report['issues']} issues, {report['articles']} articles, "
        f"{report['characters']:,} characters ({report['text_mb']:.0f} MB of UTF-8 text), "
        f"{report['cpus']} CPUs, load average {report['load_average'][0]:.1f}"  # type: ignore[index]
    )
    rows = [
        ("first-open build (s)", build["ours"], build["fts5"], None),  # type: ignore[index]
        ("add one issue (s)", add["ours"], add["fts5"], None),  # type: ignore[index]
        ("index size (MB)", size["ours"], size["fts5"], None),  # type: ignore[index]
        ("peak memory (MB)", peak["ours"], peak["fts5"], None),  # type: ignore[index]
        ("query p50 (ms)", q["ours"]["p50"], q["fts5"]["p50"], q["scan"]["p50"]),  # type: ignore[index]
        ("query p95 (ms)", q["ours"]["p95"], q["fts5"]["p95"], q["scan"]["p95"]),  # type: ignore[index]
    ]
    print(f"{'':22} {'index':>10} {'FTS5':>10} {'ratio':>7} {'scan':>10} {'ratio':>7}")
    for label, ours, fts, scan in rows:
        line = f"{label:22} {ours:10.1f} {fts:10.1f} {ours / fts if fts else 0:6.1f}×"
        if scan is not None:
            line += f" {scan:10.1f} {ours / scan:6.2f}×"
        print(line)
    print(
        f"(peak memory: the archive loaded alone is {peak['archive_loaded']:.0f} MB; "  # type: ignore[index]
        f"index workers peaked at {peak['ours_workers']:.0f} MB each)"  # type: ignore[index]
    )
    print("query p50 by kind (ms):")
    for kind, ms in q["ours"]["by_kind_p50"].items():  # type: ignore[index]
        print(
            f"  {kind:14} index {ms:7.1f}  FTS5 {q['fts5']['by_kind_p50'][kind]:7.1f}"  # type: ignore[index]
            f"  scan {q['scan']['by_kind_p50'][kind]:7.1f}"  # type: ignore[index]
        )
    mismatched = [c for c in report["counts"] if c[1] != c[3]]  # type: ignore[attr-defined]
    print(
        f"hit counts equal to the scan's for {len(report['counts']) - len(mismatched)} of "  # type: ignore[arg-type]
        f"{len(report['counts'])} queries"
    )  # type: ignore[arg-type]
    for text, ours, fts, scan in mismatched:
        print(f"  {text!r}: index {ours}, FTS5 {fts}, scan {scan}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", choices=sorted([*SIZES, *national.SIZES]), default="small")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each query")
    parser.add_argument("--workers", type=int, help="index build processes (default: auto)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/issue-reader-bench"))
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument(
        "--reuse", type=Path, metavar="JSON", help="keep the builds of the run that wrote JSON"
    )
    args = parser.parse_args(argv)
    report = run(args)
    print_report(report)
    if args.json:
        args.json.write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
