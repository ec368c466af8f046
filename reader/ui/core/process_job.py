"""A job in a spawned process (index building), its progress polled from a queue in the GUI.

Index building holds the GIL for seconds, so it runs in a process of its own rather than on
the light jobs' worker thread (:mod:`reader.ui.core.tasks`). Its progress arrives over a queue
that a QTimer polls; cancelling sets an Event the child checks.
"""

from __future__ import annotations

import logging
import multiprocessing
import queue as queue_module
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from reader.library.jobs import run_child
from reader.model import IndexUnavailable

log = logging.getLogger(__name__)


class ProcessJob(QObject):
    """One function run in a spawned process, as ``fn(*args, progress)``.

    ``fn`` and ``args`` must be picklable (a top-level function and plain data). Progress comes
    back over a queue polled by a QTimer; ``cancel()`` sets an Event that the child's
    ``progress`` turns into Cancelled, and the child is terminated if it does not stop soon.

    Signals:
        progressed(int, int): done and total, as the child reports them.
        finished(object): the function's result.
        failed(object): the child's ReaderError (the user's files), or IndexUnavailable
            wrapping its text (a bug's: the traceback is logged).
        cancelled(): the job stopped because it was cancelled.
    """

    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()

    # How long a cancelled child may take to stop before it is terminated.
    CANCEL_GRACE = 3.0

    def __init__(
        self,
        fn: Callable[..., Any],
        args: tuple[Any, ...],
        parent: QObject | None = None,
        poll_ms: int = 50,
    ) -> None:
        super().__init__(parent)
        self._fn = fn
        context = multiprocessing.get_context("spawn")
        self._queue = context.Queue()
        self._cancel = context.Event()
        # Not a daemon: the index build starts worker processes of its own to use both cores,
        # which a daemonic process may not. stop() (on closing the window) ends it instead.
        self._process = context.Process(
            target=run_child, args=(fn, args, self._queue, self._cancel), daemon=False
        )
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self._poll)
        self._outcome: tuple[Any, ...] | None = None
        self._cancel_requested_at: float | None = None
        self._running = False
        self._launcher: threading.Thread | None = None
        self._launch_error: BaseException | None = None

    @property
    def running(self) -> bool:
        """Whether the job has started and not yet reported its end."""
        return self._running

    def start(self) -> None:
        """Start the child process and begin polling.

        The process is started from a short-lived thread: spawning pickles the arguments and
        writes them down a pipe the child reads only once its interpreter is up, which would
        hold the GUI thread for half a second or more.
        """
        log.info("starting a worker process for %s", getattr(self._fn, "__qualname__", self._fn))
        self._running = True
        self._launcher = threading.Thread(target=self._launch, name="reader-spawn", daemon=True)
        self._launcher.start()
        self._timer.start()

    def _launch(self) -> None:
        try:
            self._process.start()
        except BaseException as exc:  # reported by _poll in the GUI thread
            self._launch_error = exc

    def cancel(self) -> None:
        """Ask the child to stop; ``cancelled`` follows once it has."""
        if self._running and self._cancel_requested_at is None:
            self._cancel.set()
            self._cancel_requested_at = time.monotonic()

    def stop(self, timeout: float = 2.0) -> None:
        """Cancel and wait for the child (closing the window); terminate it if it lingers."""
        if not self._running:
            return
        self._cancel.set()
        if self._launcher is not None:
            self._launcher.join(timeout)
        if self._process.pid is not None:
            self._process.join(timeout)
        if self._process.is_alive():
            self._process.terminate()
            self._process.join(1.0)
        self._finish(("cancelled",), emit=False)

    @Slot()
    def _poll(self) -> None:
        if self._launcher is not None and self._launcher.is_alive():
            return
        if self._launch_error is not None:
            error = self._launch_error
            self._finish(("error", "bug", f"cannot start the worker process: {error}", ""))
            return
        while self._outcome is None:
            try:
                message = self._queue.get_nowait()
            except queue_module.Empty:
                break
            if message[0] == "progress":
                self.progressed.emit(message[1], message[2])
                if not self._running:
                    return  # a slot of ``progressed`` stopped the job
            else:
                self._outcome = message
        if self._outcome is not None:
            # The outcome is in; the child exits right after putting it.
            if self._process.exitcode is not None or not self._process.is_alive():
                self._finish(self._outcome)
            return
        if self._process.exitcode is not None:
            self._finish(
                ("error", "bug", f"the worker process ended with code {self._process.exitcode}", "")
            )
        elif (
            self._cancel_requested_at is not None
            and time.monotonic() - self._cancel_requested_at > self.CANCEL_GRACE
        ):
            log.warning("the worker did not stop within %.0f s; terminating it", self.CANCEL_GRACE)
            self._process.terminate()
            self._process.join(1.0)
            self._finish(("cancelled",))

    def _finish(self, outcome: tuple[Any, ...], emit: bool = True) -> None:
        self._timer.stop()
        self._running = False
        if self._process.pid is not None:
            self._process.join(0.5)
        self._queue.close()
        if not emit:
            return
        kind = outcome[0]
        if kind == "done":
            self.finished.emit(outcome[1])
        elif kind == "cancelled" or self._cancel_requested_at is not None:
            self.cancelled.emit()
        else:
            _, origin, message, trace, error = outcome
            if origin == "bug":
                log.error("the worker process failed: %s\n%s", message, trace)
            self.failed.emit(error if error is not None else IndexUnavailable(message))
