"""Our first build against Recoll's (Xapian, C++), both from an archive's text files, side by side.

    nice -n 10 python -m benchmarks.bench_recoll /tmp/growth-bench/county-1y-seed1/archive \
        --work /tmp/build/recoll --repeat 3 --json recoll.json

Each round runs, one after the other (the order alternating from round to round):

* ours: ``issue-reader index ARCHIVE --index-dir DIR`` with an empty catalogue cache
  (``XDG_CACHE_HOME`` in the work folder), so it reads the text files as Recoll does, then
  builds (in this process and a spawned worker, for large archives);
* Recoll: ``recollindex -c CONF -z`` with a configuration written into the work folder: the
  archive as the only top folder, only its ``*.txt`` files, CJK text cut into bigrams
  (Recoll's ``cjkngramlen = 2``; we index each character and the bigram it starts), no
  stemming (our index has none), and the benchmark's own priority (Recoll would lower its
  own to nice 19 and idle I/O); everything else as Recoll ships it.

Each run goes under ``/usr/bin/time -v`` (when present) for its CPU time and the largest
process's peak; the peak of the whole process tree (our spawned worker included, summed
while both run) is sampled from ``/proc`` every 20 ms. The archive is only read. Without
``recollindex`` on the PATH (Debian: ``apt-get install recollcmd``) the script says so and
exits 0 without measuring.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

GNU_TIME = "/usr/bin/time"
SAMPLE_S = 0.02

RECOLL_CONF = """\
# Written by benchmarks/bench_recoll.py: the archive's text files only, CJK bigrams.
topdirs = {archive}
dbdir = {dbdir}
onlyNames = *.txt
cjkngramlen = 2
indexStemmingLanguages =
indexallfilenames = 0
loglevel = 1
logfilename = {work}/recoll.log
# Recoll lowers its own priority to nice 19 and the idle I/O class by default: on a busy
# machine it then waits most of the time (5 % of a CPU measured here). It runs at the
# benchmark's own priority instead, as our build does.
idxniceprio = {nice}
monioniceclass = 2
"""


def recollindex() -> str | None:
    """The path of ``recollindex``, or None when Recoll is not installed."""
    return shutil.which("recollindex")


def _children() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
    return children


def tree_sample(root: int, seen: dict[int, dict[str, Any]]) -> float:
    """The resident memory of ``root`` and all its descendants, summed (MB); each process's
    CPU time so far, and when it was first and last seen, go into ``seen``."""
    children = _children()
    total = 0
    todo = [root]
    now = time.perf_counter()
    while todo:
        pid = todo.pop()
        todo += children.get(pid, [])
        try:
            with open(f"/proc/{pid}/statm", encoding="ascii") as handle:
                total += int(handle.read().split()[1])
            with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as handle:
                head, _, tail = handle.read().rpartition(")")
        except OSError:
            continue
        fields = tail.split()
        ticks = int(fields[11]) + int(fields[12])  # utime, stime
        entry = seen.setdefault(pid, {"name": head.partition("(")[2], "first": now})
        # The largest seen: a process on its way out may read as 0.
        entry["cpu_s"] = max(entry.get("cpu_s", 0.0), ticks / _TICKS)
        entry["last"] = now
    return total * os.sysconf("SC_PAGE_SIZE") / 1e6


_TICKS = os.sysconf("SC_CLK_TCK")


def measure(command: list[str], env: dict[str, str], log: Path) -> dict[str, Any]:
    """Run ``command``; its wall time, CPU time, largest process and process tree peaks, and
    the CPU time of each process that ran long enough to be seen (a worker's included)."""
    timed = [GNU_TIME, "-v", *command] if os.access(GNU_TIME, os.X_OK) else command
    started = time.perf_counter()
    seen: dict[int, dict[str, Any]] = {}
    with open(log, "wb") as out:
        process = subprocess.Popen(timed, env=env, stdout=out, stderr=subprocess.STDOUT)
        peak = 0.0
        while process.poll() is None:
            peak = max(peak, tree_sample(process.pid, seen))
            time.sleep(SAMPLE_S)
    wall = time.perf_counter() - started
    text = log.read_text(encoding="utf-8", errors="replace")
    if process.returncode != 0:
        raise RuntimeError(
            f"{command[0]} failed ({process.returncode}); see {log}:\n{text[-2000:]}"
        )
    result: dict[str, Any] = {"wall_s": wall, "tree_peak_mb": peak}
    result["processes"] = [
        {
            "name": entry["name"],
            "cpu_s": entry["cpu_s"],
            "from_s": entry["first"] - started,
            "to_s": entry["last"] - started,
        }
        for entry in seen.values()
        if entry["cpu_s"] >= 0.5 and entry["name"] != "time"
    ]
    found = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    if found:
        result["largest_process_peak_mb"] = int(found.group(1)) / 1024
    user = re.search(r"User time \(seconds\): ([\d.]+)", text)
    system = re.search(r"System time \(seconds\): ([\d.]+)", text)
    if user and system:
        result["cpu_s"] = float(user.group(1)) + float(system.group(1))
    return result


def folder_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def run_ours(archive: Path, work: Path) -> dict[str, Any]:
    index_dir, cache = work / "ours-index", work / "ours-cache"
    for folder in (index_dir, cache):
        shutil.rmtree(folder, ignore_errors=True)
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    command = [sys.executable, "-m", "reader", "index", str(archive), "--index-dir"]
    result: dict[str, Any] = measure([*command, str(index_dir), "--json"], env, work / "ours.log")
    log = (work / "ours.log").read_text(encoding="utf-8", errors="replace")
    stats = json.loads(log[log.index("{") : log.rindex("}") + 1])
    result["articles"] = stats["articles"]
    result["index_mb"] = folder_mb(index_dir)
    return result


def run_recoll(archive: Path, work: Path) -> dict[str, Any]:
    conf, dbdir = work / "recoll-conf", work / "recoll-db"
    shutil.rmtree(dbdir, ignore_errors=True)
    conf.mkdir(parents=True, exist_ok=True)
    (conf / "recoll.conf").write_text(
        RECOLL_CONF.format(archive=archive, dbdir=dbdir, work=work, nice=os.nice(0)),
        encoding="utf-8",
    )
    env = {**os.environ, "RECOLL_CONFDIR": str(conf)}
    command = [recollindex() or "recollindex", "-c", str(conf), "-z"]
    result: dict[str, Any] = measure(command, env, work / "recoll.out")
    result["documents"] = recoll_documents(conf)
    result["index_mb"] = folder_mb(dbdir)
    return result


def recoll_documents(conf: Path) -> int:
    """How many documents Recoll's index holds: ``recollq`` lists every text/plain one."""
    recollq = shutil.which("recollq")
    if recollq is None:
        return -1
    out = subprocess.run(
        [recollq, "-c", str(conf), "-b", "mime:text/plain"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    return sum(line.startswith("file://") for line in out.splitlines())


def recoll_version() -> str:
    """Recoll's release as Debian names it (recollindex has no --version)."""
    out = subprocess.run(
        ["dpkg-query", "-W", "-f", "${Version}", "recollcmd"],
        capture_output=True,
        text=True,
        check=False,
    )
    return f"Recoll {out.stdout.strip()}" if out.returncode == 0 else "Recoll (release unknown)"


def run(args: argparse.Namespace) -> dict[str, Any]:
    archive = args.archive.resolve()
    work: Path = args.work
    work.mkdir(parents=True, exist_ok=True)
    files = sorted(archive.rglob("*.txt"))
    rounds: list[dict[str, Any]] = []
    for n in range(args.repeat):
        order = ("ours", "recoll") if n % 2 == 0 else ("recoll", "ours")
        got: dict[str, Any] = {}
        for name in order:
            print(f"round {n + 1}: {name} …", flush=True)
            got[name] = run_ours(archive, work) if name == "ours" else run_recoll(archive, work)
            print(
                f"  {got[name]['wall_s']:.1f} s, tree peak {got[name]['tree_peak_mb']:.0f} MB",
                flush=True,
            )
        got["load_average"] = os.getloadavg()
        rounds.append(got)

    def median(name: str, key: str) -> float:
        return statistics.median(r[name][key] for r in rounds if key in r[name])

    keys = ("wall_s", "cpu_s", "tree_peak_mb", "largest_process_peak_mb", "index_mb")
    return {
        "archive": str(archive),
        "files": len(files),
        "text_mb": sum(p.stat().st_size for p in files) / 1e6,
        "cpus": os.cpu_count(),
        "recoll": recoll_version(),
        "rounds": rounds,
        "median": {
            name: {key: median(name, key) for key in keys if any(key in r[name] for r in rounds)}
            for name in ("ours", "recoll")
        },
    }


def print_report(report: dict[str, Any]) -> None:
    ours, recoll = report["median"]["ours"], report["median"]["recoll"]
    loads = [r["load_average"][0] for r in report["rounds"]]
    print()
    print(
        f"{report['archive']}: {report['files']} text files, {report['text_mb']:.0f} MB; "
        f"{len(report['rounds'])} rounds, load average {min(loads):.1f}–{max(loads):.1f} "
        f"on {report['cpus']} CPUs; {report['recoll']}"
    )
    print(f"{'median':28} {'ours':>9} {'Recoll':>9} {'ratio':>7}")
    labels = {
        "wall_s": "build, wall (s)",
        "cpu_s": "CPU, user+system (s)",
        "tree_peak_mb": "peak memory, all (MB)",
        "largest_process_peak_mb": "peak, largest process (MB)",
        "index_mb": "index size (MB)",
    }
    for key, label in labels.items():
        if key in ours and key in recoll:
            print(f"{label:28} {ours[key]:9.1f} {recoll[key]:9.1f} {ours[key] / recoll[key]:6.2f}×")
    for n, round_ in enumerate(report["rounds"], start=1):
        for name in ("ours", "recoll"):
            shares = ", ".join(
                f"{p['name']} {p['cpu_s']:.1f} s CPU from {p['from_s']:.0f} to {p['to_s']:.0f} s"
                for p in round_[name].get("processes", [])
            )
            print(f"round {n}, {name}: {round_[name]['wall_s']:.1f} s wall; {shares}")
    first = report["rounds"][0]
    print(
        f"articles in our index: {first['ours']['articles']}; "
        f"documents in Recoll's: {first['recoll']['documents']}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("archive", type=Path, help="an archive folder of text issues (only read)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/issue-reader-recoll"))
    parser.add_argument("--repeat", type=int, default=3, help="rounds (medians are reported)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    if recollindex() is None:
        print("recollindex is not installed (Debian: apt-get install recollcmd): nothing measured")
        return 0
    report = run(args)
    print_report(report)
    if args.json:
        args.json.write_text(json.dumps(report, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
