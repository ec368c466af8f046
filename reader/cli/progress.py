"""A one-line progress bar on stderr for the command line (drawn only on a terminal)."""

from __future__ import annotations

import sys
import time
from typing import TextIO

BAR_WIDTH = 30
# Redraw at most this often: a progress callback may come for every article.
INTERVAL = 0.1


class ProgressBar:
    """``progress(done, total)`` callable that draws ``label ▕████░░░░▏ done/total``.

    A total of 0 means "waiting" (another process holds the index). Nothing is drawn unless
    the stream is a terminal; :meth:`finish` ends the line.
    """

    def __init__(self, label: str, stream: TextIO | None = None) -> None:
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = self.stream.isatty()
        self._last = 0.0
        self._drawn = False

    def __call__(self, done: int, total: int) -> None:
        """Report progress; redraws when enough time has passed or the work is done."""
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last < INTERVAL and done < total:
            return
        self._last = now
        self.stream.write("\r" + self.line(done, total) + "\x1b[K")
        self.stream.flush()
        self._drawn = True

    def line(self, done: int, total: int) -> str:
        """The text of the bar for ``done`` of ``total``."""
        if total <= 0:
            return f"{self.label}: waiting for another process to finish indexing…"
        filled = round(BAR_WIDTH * min(done, total) / total)
        bar = "█" * filled + "░" * (BAR_WIDTH - filled)
        return f"{self.label} ▕{bar}▏ {done:,}/{total:,}"

    def finish(self) -> None:
        """End the bar's line (if one was drawn)."""
        if self._drawn:
            self.stream.write("\n")
            self.stream.flush()
            self._drawn = False
