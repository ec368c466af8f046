"""Telling an unreadable (damaged) index apart from a bug in this package."""

from __future__ import annotations

import gc
import pickle
import struct
import traceback
import warnings
import zlib

from whoosh import index as whoosh_index
from whoosh.filedb.filetables import FileFormatError

# Errors that only bad bytes cause: truncated or garbled pickles, records, compressed blocks,
# missing or unreadable files, and whoosh's own complaints about its files.
_DATA_ERRORS: tuple[type[BaseException], ...] = (
    EOFError,
    OSError,
    pickle.UnpicklingError,
    struct.error,
    zlib.error,
    UnicodeDecodeError,
    FileFormatError,
    whoosh_index.IndexError,
)


def is_damage(exc: BaseException) -> bool:
    """Whether ``exc`` says the index files are damaged (rather than that our code is wrong).

    Whoosh reports some damage with plain ``Exception``, ``KeyError`` or ``ValueError``;
    those count when they were raised inside whoosh itself.
    """
    if isinstance(exc, _DATA_ERRORS):
        return True
    trace = exc.__traceback__
    if trace is None:
        return False
    while trace.tb_next is not None:
        trace = trace.tb_next
    module = trace.tb_frame.f_globals.get("__name__", "")
    return isinstance(module, str) and (module == "whoosh" or module.startswith("whoosh."))


def release(exc: BaseException) -> None:
    """Close the files a failed whoosh read left open (they hang on the traceback's frames).

    Whoosh opens a segment's files one after the other and does not close those already open
    when a later one turns out to be damaged.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        traceback.clear_frames(exc.__traceback__)
        gc.collect()
