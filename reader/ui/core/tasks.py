"""Background work in threads: light jobs on one worker thread, their outcome back in the GUI.

Light jobs (opening an archive, a search) run on a one-thread executor, as Anki's collection
executor does. Index building holds the GIL for seconds, so it runs in a spawned process
instead (:mod:`reader.ui.core.process_job`). These two modules are the only places the window
starts threads and processes.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from reader.model import Cancelled, Progress

# Seconds between two progress reports from a worker thread to the GUI.
PROGRESS_INTERVAL = 0.05


class SyncExecutor(Executor):
    """Runs each job at once in the calling thread: tests use it (Picard's FakeThreadPool)."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        """Run ``fn`` now and return its finished future."""
        future: Future[Any] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:  # the future carries it to on_error
            future.set_exception(exc)
        return future


class _Relay(QObject):
    """Lives in the GUI thread and runs the calls that workers hand it there.

    A worker emits ``delivered`` from its own thread; the connection to this object's bound
    method is queued, so the call runs in the GUI thread (a lambda slot would run in the worker).

    Signals:
        delivered(object): a callable without arguments, to be run in the GUI thread.
    """

    delivered = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.delivered.connect(self._run)

    @Slot(object)
    def _run(self, call: Callable[[], None]) -> None:
        call()


class Tasks(QObject):
    """Runs jobs off the GUI thread and hands their outcome to callbacks in the GUI thread.

    Jobs on the same ``channel`` replace each other: a new search makes the running one's
    progress raise Cancelled and its result is dropped.
    """

    def __init__(
        self,
        on_error: Callable[[BaseException], None],
        executor: Executor | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._executor = executor or ThreadPoolExecutor(max_workers=1, thread_name_prefix="reader")
        self._relay = _Relay(self)
        self._on_error = on_error
        self._generations: dict[str, int] = {}

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Progress | None = None,
        channel: str = "",
    ) -> Future[Any]:
        """Run ``fn(*args)`` in the worker; ``on_done(result)`` or ``on_error(exc)`` follow.

        With ``on_progress`` the job is called as ``fn(*args, progress=callable)``; the callable
        reports to ``on_progress`` in the GUI thread and raises Cancelled once the job is stale.
        """
        generation = self._generations.get(channel, 0) + 1
        self._generations[channel] = generation
        failed = on_error or self._on_error

        def current() -> bool:
            return self._generations.get(channel) == generation

        def deliver(call: Callable[[], None]) -> None:
            def guarded() -> None:
                if current():
                    call()

            self._relay.delivered.emit(guarded)

        def job() -> None:
            # The outcome is handed over from inside the job, so it follows the job's progress
            # reports in order (a done-callback may run in the GUI thread, ahead of them).
            try:
                if not current():
                    raise Cancelled()
                if on_progress is None:
                    result = fn(*args)
                else:
                    result = fn(*args, progress=_ThrottledProgress(current, on_progress, deliver))
            except Cancelled:
                return
            except BaseException as exc:  # handed to on_error in the GUI thread
                # Bound now: the name ``exc`` is unset when the except block ends.
                deliver(partial(failed, exc))
                return
            deliver(partial(on_done, result))

        return self._executor.submit(job)

    def cancel(self, channel: str = "") -> None:
        """Drop the outcome of the job running on ``channel`` and ask it to stop."""
        self._generations[channel] = self._generations.get(channel, 0) + 1

    def shutdown(self) -> None:
        """Stop taking jobs; the running one finishes in the background."""
        for channel in list(self._generations):
            self.cancel(channel)
        self._executor.shutdown(wait=False, cancel_futures=True)


class _ThrottledProgress:
    """The ``progress(done, total)`` a worker thread calls; a few reports a second reach the GUI."""

    def __init__(
        self,
        current: Callable[[], bool],
        report: Progress,
        deliver: Callable[[Callable[[], None]], None],
    ) -> None:
        self._current = current
        self._report = report
        self._deliver = deliver
        self._last = 0.0
        self._lock = threading.Lock()

    def __call__(self, done: int, total: int) -> None:
        if not self._current():
            raise Cancelled()
        now = time.monotonic()
        with self._lock:
            if now - self._last < PROGRESS_INTERVAL and done < total:
                return
            self._last = now
        self._deliver(lambda: self._report(done, total))
