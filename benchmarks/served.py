"""Searches asked of ``issue-reader serve``, against the same searches in fresh processes alone.

    python -m benchmarks.served ARCHIVE [--index-dir DIR] [--rounds N] [--code DIR] [--python EXE]

ARCHIVE must have a current index. Each round runs the benchmark's mixed queries, each once,
as ``issue-reader search ARCHIVE QUERY --json`` in a fresh process: first with no server
(the process opens the index itself), then with a server started for the round (the first
asking of each query: the server has not seen it), then once more (asked again: the server
keeps recent terms' hits). Each figure is over the queries, of each query's median over the
rounds. The outputs with and without the server must be identical (the run stops if not).
The server's socket is in a temporary runtime folder: a server the user runs is not touched.
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.cli_start import _LAUNCH, median_seconds
from tests.generator.queries import queries


def _timed(argv: list[str], env: dict[str, str]) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, env=env, check=False)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{argv[-3:]} failed: {done.stderr.strip()[-500:]}")
    return wall, done.stdout


def _serving(reader: list[str], archive: list[str], env: dict[str, str]) -> subprocess.Popen[str]:
    server = subprocess.Popen(
        [*reader, "serve", *archive], stderr=subprocess.PIPE, text=True, env=env
    )
    assert server.stderr is not None
    said = server.stderr.readline()
    if not said.startswith("Serving"):
        server.kill()
        raise SystemExit(f"the server did not start: {said}{server.stderr.read()}")
    return server


def _stop(server: subprocess.Popen[str]) -> None:
    server.send_signal(signal.SIGTERM)
    if server.wait(timeout=60) != 0:
        raise SystemExit("the server did not stop cleanly")


def _row(name: str, seconds: list[float]) -> str:
    ordered = sorted(seconds)
    p90 = ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))]
    return (
        f"  {name:<34} {statistics.median(ordered) * 1000:8.0f} {p90 * 1000:8.0f} "
        f"{ordered[-1] * 1000:8.0f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("archive", type=Path)
    parser.add_argument("--index-dir", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1, help="the archive's generator seed")
    parser.add_argument("--code", default="", metavar="DIR")
    parser.add_argument("--python", default=sys.executable, metavar="EXE")
    args = parser.parse_args()
    reader = [args.python, "-c", _LAUNCH, args.code]
    archive = [str(args.archive), *(["--index-dir", str(args.index_dir)] if args.index_dir else [])]
    mixed = [q.text for q in queries(args.seed)]
    times: dict[str, dict[str, list[float]]] = {"alone": {}, "first": {}, "again": {}}
    with tempfile.TemporaryDirectory(prefix="served-") as runtime:
        os.chmod(runtime, 0o700)
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["XDG_RUNTIME_DIR"] = runtime
        env["ISSUE_READER_SERVER"] = "never"  # "alone" stays alone: none started or asked
        asking = {**env, "ISSUE_READER_SERVER": "auto"}  # the default: the server is asked
        floor = median_seconds([args.python, "-c", "pass"])
        for _ in range(args.rounds):
            alone = {}
            for query in mixed:
                wall, alone[query] = _timed([*reader, "search", *archive, query, "--json"], env)
                times["alone"].setdefault(query, []).append(wall)
            server = _serving(reader, archive, env)
            try:
                for kind in ("first", "again"):
                    for query in mixed:
                        argv = [*reader, "search", *archive, query, "--json"]
                        wall, out = _timed(argv, asking)
                        if out != alone[query]:
                            raise SystemExit(f"{query}: the server's answer differs")
                        times[kind].setdefault(query, []).append(wall)
            finally:
                _stop(server)
    print(
        f"{args.archive}: {len(mixed)} queries, {args.rounds} rounds, each query's median "
        f"(load {os.getloadavg()[0]:.1f}; python -c pass {floor * 1000:.0f} ms)"
    )
    print(f"  {'search QUERY --json, ms':<34} {'median':>8} {'p90':>8} {'max':>8}")
    for kind, name in (
        ("alone", "a fresh process alone"),
        ("first", "asking the server, first time"),
        ("again", "asking the server again"),
    ):
        print(_row(name, [statistics.median(t) for t in times[kind].values()]))
    print("  every answer identical with and without the server")


if __name__ == "__main__":
    main()
