"""Peak memory and time of opening and indexing one huge input file, against reading it once.

Usage::

    python -m benchmarks.huge_inputs                       # full size, 3 runs each
    python -m benchmarks.huge_inputs --scale 0.1 --runs 1  # a quick look
    python -m benchmarks.huge_inputs --code /tmp/before    # another checkout's reader package

The inputs (``tests/generator/huge.py``) are written to a temp folder: a 150 MB ALTO page that
is one line of 470,000 words, a 200 MB Chinese text issue of four huge articles, a 200 MB
NewsML-G2 feed of 40,000 items, and a 200 MB text issue that is one single article. Each
measurement runs in a fresh process (``measure``), so its peak resident set is its own:

* ``read``: the file's bytes read once (the floor any reader pays);
* ``open``: ``Library.open`` without the catalogue cache;
* ``index``: ``Library.open`` and a first build of the index in a temp folder. The peak of
  that process and the largest peak of the index workers it spawned (``RUSAGE_CHILDREN``)
  are reported apart; the time is the index build's alone.

Medians of ``--runs`` runs are printed; ``--json`` writes every run.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve()
REPO = HERE.parent.parent
# name: (file name, writer, full-size argument)
CASES = {
    "alto-line": ("page.xml", "alto", 470_000),
    "text-issue": ("2015-01-05_huge.txt", "text", 200_000_000),
    "newsml-feed": ("feed.xml", "newsml", 40_000),
    "text-article": ("2015-01-05_article.txt", "article", 200_000_000),
}


def measure(stage: str, path: Path, index_dir: Path) -> dict[str, float]:
    """One stage in this process: its seconds and peak memory (MB, self and children)."""
    if stage == "read":
        started = time.perf_counter()
        size = len(path.read_bytes())
        seconds = time.perf_counter() - started
        detail = f"{size:,} bytes"
    else:
        from reader.library import Library

        started = time.perf_counter()
        library = Library.open(path, use_cache=False)
        seconds = time.perf_counter() - started
        detail = f"{len(library.issues)} issues, {library.archive.article_count} articles"
        if library.problems:
            detail += f", {len(library.problems)} problems"
        if stage == "index":
            started = time.perf_counter()
            stats = library.update_index(index_dir)
            seconds = time.perf_counter() - started
            detail += f", {stats.articles} indexed"
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"seconds": seconds, "peak_mb": own, "children_mb": children, "detail": detail}  # type: ignore[dict-item]


def run_stage(stage: str, path: Path, code: Path | None) -> dict[str, float]:
    """Run :func:`measure` in a fresh interpreter (with another checkout's code if given)."""
    with tempfile.TemporaryDirectory(prefix="huge-index-") as index_dir:
        env = dict(os.environ)
        env["PYTHONPATH"] = str(code or REPO)
        # Run as a script, so that the reader package comes from PYTHONPATH, not the cwd.
        command = [sys.executable, str(HERE), "measure", stage, str(path), index_dir]
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"{stage} of {path.name} failed:\n{done.stderr[-3000:]}")
        result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
        return result


def write_case(name: str, folder: Path, scale: float) -> Path:
    """Write one input file at ``scale`` of its full size."""
    sys.path.insert(0, str(REPO))
    from tests.generator.huge import write_alto_line, write_newsml_feed, write_text_issue

    file_name, kind, full = CASES[name]
    path = folder / file_name
    amount = max(1000, int(full * scale))
    if kind == "alto":
        write_alto_line(path, amount)
    elif kind == "newsml":
        write_newsml_feed(path, max(10, int(full * scale)))
    elif kind == "article":
        write_text_issue(path, amount, articles=1)
    else:
        write_text_issue(path, amount, articles=4)
    return path


def main(argv: list[str] | None = None) -> int:
    """Write the inputs, measure each stage ``--runs`` times, print the medians."""
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["measure"]:
        stage, path, index_dir = argv[1], Path(argv[2]), Path(argv[3])
        print(json.dumps(measure(stage, path, index_dir)))
        return 0
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="share of the full sizes")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cases", default=",".join(CASES), help="comma-separated case names")
    parser.add_argument("--stages", default="read,open,index")
    parser.add_argument("--code", type=Path, help="a checkout whose reader package to measure")
    parser.add_argument("--json", type=Path, help="write every run here")
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="huge-inputs-"))
    results: dict[str, dict[str, list[dict[str, float]]]] = {}
    try:
        for name in args.cases.split(","):
            started = time.perf_counter()
            path = write_case(name, folder, args.scale)
            size = path.stat().st_size
            print(f"{name}: {size / 1e6:,.1f} MB, written in {time.perf_counter() - started:.0f} s")
            for stage in args.stages.split(","):
                runs = [run_stage(stage, path, args.code) for _ in range(args.runs)]
                results.setdefault(name, {})[stage] = runs
                print(
                    f"  {stage:<6} {_median(runs, 'seconds'):8.1f} s"
                    f"  peak {_median(runs, 'peak_mb'):7,.0f} MB"
                    f"  workers {_median(runs, 'children_mb'):7,.0f} MB   {runs[-1]['detail']}"
                )
            path.unlink()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


def _median(runs: list[dict[str, float]], key: str) -> float:
    return statistics.median(run[key] for run in runs)


if __name__ == "__main__":
    sys.exit(main())
