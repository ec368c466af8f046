"""Measures how long the Qt event loop goes without running a timer: the stalls a user feels."""

from __future__ import annotations

import statistics

from PySide6.QtCore import QElapsedTimer, QObject, QTimer


class StallMeter(QObject):
    """Starts a fast repeating timer and records by how much each tick came late."""

    def __init__(self, interval_ms: int = 10) -> None:
        super().__init__()
        self._interval = interval_ms
        self._clock = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)
        self._last = 0
        self.late_ms: list[int] = []

    def start(self) -> None:
        self._clock.start()
        self._last = 0
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now = self._clock.elapsed()
        self.late_ms.append(max(0, now - self._last - self._interval))
        self._last = now

    def percentile(self, share: float) -> float:
        if len(self.late_ms) < 2:
            return 0.0
        return statistics.quantiles(self.late_ms, n=100, method="inclusive")[round(share * 100) - 1]

    @property
    def worst(self) -> int:
        return max(self.late_ms, default=0)
