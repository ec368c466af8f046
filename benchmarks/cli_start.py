"""How fast the command line starts: --version, --help, one search, and many queries in one process.

    python -m benchmarks.cli_start ARCHIVE [--index-dir DIR] [--fts5 DB] [--code DIR] [--python EXE]

ARCHIVE must have a current index (``issue-reader index ARCHIVE`` first). Each figure is the
median of 5 runs in fresh processes, after one warm-up, as wall time and as the CPU time the
process used (user + system: on a shared, loaded machine the wall time mostly measures the
wait for a core). ``python -c pass`` is the floor of any Python program; ``search --json``
is one search end to end; ``--queries`` runs the benchmark's 27 mixed queries in one process,
and its time per query is (that run − a run of one query) / 26. With ``--fts5 DB``
(bench_search's FTS5 database of the same archive, built when absent), the same queries on
FTS5 in one process, per query, and one FTS5 query in a fresh process. ``--code DIR`` runs
the reader package found in DIR (an older checkout: the "before"); ``--python EXE`` runs the
reader (and the floor) with another interpreter, such as a venv with a non-editable install.
``--before OLD_CHECKOUT`` first prints the floor, ``--version``, ``--help`` and the search for
the older checkout and for this code, their runs interleaved (``--runs``, 7), the older one
with its own catalogue cache (``--before-cache DIR``, a new temporary folder by default).
"""

from __future__ import annotations

import argparse
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.bench_search import fts5_insert, fts5_query, fts5_rows, fts5_schema
from reader.library import Library
from tests.generator.queries import queries

# Runs reader.__main__ from the checkout named first (or the installed one when it is "").
_LAUNCH = """import sys
code = sys.argv.pop(1)
del sys.path[0]  # the working folder (python -c): not a checkout found by accident
if code:
    sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in type(f).__module__]
    sys.path.insert(0, code)
sys.argv[0] = "issue-reader"
from reader.__main__ import entry
entry()
"""
_FTS5_ONE = """import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
print(db.execute("SELECT count(*) FROM articles WHERE articles MATCH ?", (sys.argv[2],)).fetchone())
"""


def median_seconds(argv: list[str], runs: int = 5, stdin: str | None = None) -> float:
    """The median wall time of ``argv`` in a fresh process, after one warm-up run."""
    return median_times(argv, runs, stdin)[0]


def median_times(argv: list[str], runs: int = 5, stdin: str | None = None) -> tuple[float, float]:
    """The median wall time and CPU time (user + system) of ``argv`` in fresh processes."""
    walls, cpus = [], []
    for run in range(runs + 1):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(argv, input=stdin, capture_output=True, text=True, check=False)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if run:
            walls.append(wall)
            cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
        if done.returncode != 0:
            raise SystemExit(f"{argv[:6]} failed: {done.stderr.strip()[-500:]}")
    return statistics.median(walls), statistics.median(cpus)


def before_and_after(
    commands: dict[str, list[str]], variants: dict[str, tuple[list[str], dict[str, str]]], runs: int
) -> dict[tuple[str, str], tuple[float, float]]:
    """Median wall and CPU times of each command under each variant, their runs interleaved.

    A variant is a launcher (the interpreter and its arguments before the command's) and the
    environment it runs in; an empty command is ``-c pass`` with the variant's interpreter.
    Interleaving puts before and after under the same load on a shared machine.
    """
    samples: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for run in range(runs + 1):  # the first round warms up (and fills each variant's cache)
        for variant, (launch, env) in variants.items():
            for name, argv in commands.items():
                command = [*launch, *argv] if argv else [launch[0], "-c", "pass"]
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                start = time.perf_counter()
                done = subprocess.run(command, capture_output=True, env=env, check=False)
                wall = time.perf_counter() - start
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                if done.returncode != 0:
                    raise SystemExit(f"{variant}, {name} failed: {done.stderr[-500:]!r}")
                cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
                if run:
                    samples.setdefault((variant, name), []).append((wall, cpu))
    return {
        key: (statistics.median(w for w, _ in got), statistics.median(c for _, c in got))
        for key, got in samples.items()
    }


def _compare(args: argparse.Namespace, where: list[str]) -> None:
    """``--before DIR``: the older checkout's figures and these, interleaved, as a table."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    old_cache = args.before_cache or tempfile.mkdtemp(prefix="cli-start-before-")
    variants = {
        f"before ({args.before})": (
            [args.python, "-c", _LAUNCH, str(args.before)],
            {**env, "XDG_CACHE_HOME": str(old_cache)},
        ),
        "after": ([args.python, "-c", _LAUNCH, args.code], env),
    }
    commands = {
        "python -c pass": [],
        "--version": ["--version"],
        "--help": ["--help"],
        "search --json": ["search", str(args.archive), args.query, "--json", *where],
    }
    found = before_and_after(commands, variants, args.runs)
    print(f"before and after, {args.runs} interleaved runs (load {os.getloadavg()[0]:.1f})")
    print(f"  {'wall / CPU, ms':<24}" + "".join(f"{v[:30]:>32}" for v in variants))
    for name in commands:
        cells = [found[(v, name)] for v in variants]
        print(f"  {name:<24}" + "".join(f"{w * 1000:>22.1f} / {c * 1000:7.1f}" for w, c in cells))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("archive", type=Path)
    parser.add_argument("--index-dir", type=Path)
    parser.add_argument("--fts5", type=Path, metavar="DB")
    parser.add_argument("--code", default="", metavar="DIR")
    parser.add_argument("--query", default="县委书记")
    parser.add_argument("--seed", type=int, default=1, help="the archive's generator seed")
    parser.add_argument("--python", default=sys.executable, metavar="EXE")
    parser.add_argument("--before", type=Path, metavar="OLD_CHECKOUT")
    parser.add_argument("--before-cache", type=Path, metavar="DIR")
    parser.add_argument("--runs", type=int, default=7, help="interleaved runs for --before")
    args = parser.parse_args()
    # Every search in a process of its own, as measured: none starts a server for the next.
    os.environ["ISSUE_READER_SERVER"] = "never"
    reader = [args.python, "-c", _LAUNCH, args.code]
    where = ["--index-dir", str(args.index_dir)] if args.index_dir else []
    mixed = [q.text for q in queries(args.seed)]
    if args.before:
        _compare(args, where)
    timed = {
        "python -c pass": median_times([args.python, "-c", "pass"]),
        "--version": median_times([*reader, "--version"]),
        "--help": median_times([*reader, "--help"]),
        "search --json": median_times(
            [*reader, "search", str(args.archive), args.query, "--json", *where]
        ),
    }
    figures = {name: wall for name, (wall, _) in timed.items()}
    with tempfile.TemporaryDirectory() as work:
        one, many = Path(work) / "one.txt", Path(work) / "many.txt"
        one.write_text(args.query + "\n", encoding="utf-8")
        many.write_text("\n".join(mixed) + "\n", encoding="utf-8")
        search = [*reader, "search", str(args.archive), *where, "--queries"]
        try:
            alone = median_seconds([*search, str(one)])
            together = median_seconds([*search, str(many)])
        except SystemExit as failed:  # older code has no --queries
            print(failed)
        else:
            per_query = (together - alone) / (len(mixed) - 1)
            figures[f"--queries, per query ({len(mixed)})"] = per_query
    if args.fts5:
        if not args.fts5.exists():  # built as bench_search builds it
            print(f"building {args.fts5} …", flush=True)
            db = sqlite3.connect(args.fts5)
            fts5_schema(db)
            fts5_insert(db, fts5_rows(Library.open(args.archive)))
            db.commit()
        db = sqlite3.connect(args.fts5)
        per_query = []
        for query in queries(args.seed):
            start = time.perf_counter()
            fts5_query(db, query)
            per_query.append(time.perf_counter() - start)
        figures["FTS5, per query (in process)"] = statistics.mean(per_query)
        figures["FTS5, one query in a fresh process"] = median_seconds(
            [sys.executable, "-c", _FTS5_ONE, str(args.fts5), f'"{args.query}"']
        )
    label = f"code in {args.code}" if args.code else f"installed code, {args.python}"
    print(f"{args.archive} ({label}; load {os.getloadavg()[0]:.1f})")
    print(f"  {'':<40} {'wall':>8}    {'CPU':>8}")
    for name, seconds in figures.items():
        cpu = f"{timed[name][1] * 1000:8.1f} ms" if name in timed else ""
        print(f"  {name:<40} {seconds * 1000:8.1f} ms {cpu}")


if __name__ == "__main__":
    main()
