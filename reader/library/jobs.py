"""The entry point of a spawned worker process: runs one function, reports over a queue.

Kept free of Qt so the child starts fast and never creates a second QApplication (the
window's ``reader.ui.core.process_job`` starts it).
"""

from __future__ import annotations

import pickle
import time
import traceback
from collections.abc import Callable
from typing import Any

from reader.model import Cancelled, ReaderError

# Seconds between two progress messages: the GUI polls every 50 ms, more would only fill the queue.
PROGRESS_INTERVAL = 0.05


def run_child(fn: Callable[..., Any], args: tuple[Any, ...], queue: Any, cancel: Any) -> None:
    """Call ``fn(*args, progress)`` and put its outcome on ``queue``.

    Messages are tuples: ``("progress", done, total)``, then one of ``("done", result)``,
    ``("cancelled",)`` or ``("error", kind, message, traceback_text, error)`` where ``kind``
    is ``"reader"`` for a ReaderError (the user's files) and ``"bug"`` for anything else, and
    ``error`` the ReaderError itself (None for a bug, or one that does not pickle), so the
    window can say why in its language.
    """
    last = 0.0

    def progress(done: int, total: int) -> None:
        nonlocal last
        if cancel.is_set():
            raise Cancelled()
        now = time.monotonic()
        if now - last >= PROGRESS_INTERVAL or done >= total:
            last = now
            queue.put(("progress", done, total))

    try:
        result = fn(*args, progress)
    except Cancelled:
        queue.put(("cancelled",))
    except ReaderError as exc:
        queue.put(("error", "reader", _describe(exc), traceback.format_exc(), _portable(exc)))
    except BaseException as exc:  # reported to the GUI, which logs it and shows the bug dialog
        queue.put(("error", "bug", _describe(exc), traceback.format_exc(), None))
    else:
        try:
            pickle.dumps(result)
        except Exception as exc:  # an unpicklable result would vanish in the queue's feeder thread
            queue.put(("error", "bug", f"unpicklable result: {exc}", traceback.format_exc(), None))
        else:
            queue.put(("done", result))


def _portable(exc: ReaderError) -> ReaderError | None:
    """``exc`` when it crosses to the parent intact: one that does not pickle would be lost
    in the queue's feeder thread, with the whole message."""
    try:
        again = pickle.loads(pickle.dumps(exc))
    except Exception:
        return None
    return again if isinstance(again, ReaderError) else None


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}" if not isinstance(exc, ReaderError) else str(exc)
