"""Running a benchmark script as its users do, ``python -m benchmarks.NAME …``: the tests
never import the benchmarks (an import-linter contract), they run them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def run_benchmark(name: str, *args: str, path: str | None = None) -> str:
    """Run ``benchmarks.<name>`` with ``args`` from the repository; return what it printed.

    ``path`` replaces the ``PATH`` it sees (to hide a program). A non-zero exit fails.
    """
    env = dict(os.environ)
    if path is not None:
        env["PATH"] = path
    done = subprocess.run(
        [sys.executable, "-m", f"benchmarks.{name}", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout
