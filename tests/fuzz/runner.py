"""Runs fuzz cases in memory-limited child processes, each case under a time limit.

A child that runs a case past :data:`CASE_SECONDS` is killed and the case reported as a hang;
one that dies (a crash in C, the memory limit reached outside Python) is reported with the case
it was running; the remaining cases go to a fresh child.
"""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from tests.fuzz.corpus import REPO

CASE_SECONDS = 10.0
MEMORY_BYTES = 1024**3
# Starting a child (Python, lxml, numpy, whoosh) is not part of any case's time.
START_SECONDS = 30.0


@dataclass(frozen=True)
class Outcome:
    """How one case ended: ``ok`` (a result or problem entries) or a finding, with its detail."""

    seed: int
    number: int
    ok: bool
    detail: str
    description: str = ""

    def reproduce(self) -> str:
        """The command that runs this case alone."""
        return f"{sys.executable} -m tests.fuzz --seed {self.seed} --case {self.number}"

    def __str__(self) -> str:
        state = "ok" if self.ok else "FAILED"
        return f"case {self.number} ({self.description}): {state}: {self.detail}"


def run(
    seed: int, numbers: list[int], jobs: int = 2, case_seconds: float = CASE_SECONDS
) -> list[Outcome]:
    """Run cases ``numbers`` of ``seed`` in ``jobs`` children; an outcome for every case."""
    groups = [numbers[i::jobs] for i in range(jobs) if numbers[i::jobs]]
    with tempfile.TemporaryDirectory(prefix="issue-reader-fuzz-") as folder:
        children = [_Child(seed, group, Path(folder) / f"job{i}") for i, group in enumerate(groups)]
        outcomes: list[Outcome] = []
        while children:
            ready = _wait(children, case_seconds)
            for child in list(children):
                outcomes.extend(child.step(child in ready, case_seconds))
                if child.finished:
                    children.remove(child)
    return sorted(outcomes, key=lambda o: o.number)


def _wait(children: list[_Child], case_seconds: float) -> list[_Child]:
    """The children with output to read, waiting at most until the first one's deadline."""
    now = time.monotonic()
    deadline = min(child.deadline(case_seconds) for child in children)
    streams = {child.stdout_fd: child for child in children}
    readable, _, _ = select.select(list(streams), [], [], max(0.0, deadline - now))
    return [streams[fd] for fd in readable]


class _Child:
    """One worker process and the cases it has left."""

    def __init__(self, seed: int, numbers: list[int], folder: Path) -> None:
        self.seed = seed
        self.left = list(numbers)
        self.folder = folder
        self.finished = False
        self._start()

    def _start(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        env = dict(os.environ, XDG_CACHE_HOME=str(self.folder / "cache"), PYTHONHASHSEED="0")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.fuzz.worker"],
            cwd=REPO,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        assert self.process.stdin is not None and self.process.stdout is not None
        job = {
            "seed": self.seed,
            "numbers": self.left,
            "folder": str(self.folder),
            "memory": MEMORY_BYTES,
        }
        self.process.stdin.write(json.dumps(job).encode() + b"\n")
        self.process.stdin.close()
        self.stdout_fd = self.process.stdout.fileno()
        self.current: int | None = None
        self.description = ""
        self.started = time.monotonic()
        self._buffer = b""

    def deadline(self, case_seconds: float) -> float:
        limit = case_seconds if self.current is not None else START_SECONDS
        return self.started + limit

    def step(self, readable: bool, case_seconds: float) -> list[Outcome]:
        """Read what the child said; kill it when its case is over time; restart it if need be."""
        outcomes: list[Outcome] = []
        if readable:
            chunk = os.read(self.stdout_fd, 65536)
            if not chunk:
                return self._ended(outcomes)
            self._buffer += chunk
            while b"\n" in self._buffer:
                line, self._buffer = self._buffer.split(b"\n", 1)
                outcomes.extend(self._message(json.loads(line)))
        if not self.finished and time.monotonic() > self.deadline(case_seconds):
            self.process.kill()
            self.process.wait()
            if self.current is None:
                raise RuntimeError("a fuzz worker did not start in time")
            outcomes.append(self._lost(f"hang: still running after {case_seconds:.0f} s"))
            self._restart()
        return outcomes

    def _message(self, message: dict[str, object]) -> list[Outcome]:
        if "start" in message:
            self.current = int(str(message["start"]))
            self.description = str(message["description"])
            self.started = time.monotonic()
            return []
        number = int(str(message["end"]))
        self.current = None
        self.started = time.monotonic()
        self.left.remove(number)
        detail, description = str(message["detail"]), str(message.get("description", ""))
        return [Outcome(self.seed, number, bool(message["ok"]), detail, description)]

    def _ended(self, outcomes: list[Outcome]) -> list[Outcome]:
        code = self.process.wait()
        if self.process.stdout is not None:
            self.process.stdout.close()
        if self.current is not None:  # died in the middle of a case
            outcomes.append(self._lost(f"the worker died (exit code {code})"))
            self._restart()
        elif self.left:
            raise RuntimeError(f"a fuzz worker exited ({code}) with cases left")
        else:
            self.finished = True
        return outcomes

    def _lost(self, why: str) -> Outcome:
        assert self.current is not None
        number, self.current = self.current, None
        self.left.remove(number)
        return Outcome(self.seed, number, False, why, self.description)

    def _restart(self) -> None:
        if self.process.stdout is not None:
            self.process.stdout.close()
        if self.left:
            self._start()
        else:
            self.finished = True
