"""Telling an unreadable (damaged) index apart from a bug in this package or in whoosh."""

from __future__ import annotations

import gc
import pickle
import struct
import traceback
import warnings
import zlib

from reader.index import w3

# Errors that only bad bytes cause: truncated or garbled pickles, records and compressed
# blocks, missing or unreadable files, and whoosh's own complaints about its files.
_DATA_ERRORS: tuple[type[BaseException], ...] = (
    EOFError,
    OSError,
    pickle.UnpicklingError,
    struct.error,
    zlib.error,
    UnicodeDecodeError,
    *w3.FORMAT_ERRORS,
)


def is_damage(exc: BaseException) -> bool:
    """Whether ``exc`` says the index files are damaged (rather than that code is wrong).

    Damage is a data error (see ``_DATA_ERRORS``) wherever it was raised, or whoosh failing to
    decode what it read (:func:`reader.index.w3.raised_reading`). Anything else, such as a
    ``TypeError`` or ``AttributeError`` inside whoosh (a bug, or another whoosh release), is
    not: rebuilding the index would not cure it, so it must fail loudly.
    """
    return isinstance(exc, _DATA_ERRORS) or w3.raised_reading(exc)


def release(exc: BaseException) -> None:
    """Close the files a failed whoosh read left open (they hang on the traceback's frames).

    Whoosh opens a segment's files one after the other and does not close those already open
    when a later one turns out to be damaged.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        traceback.clear_frames(exc.__traceback__)
        gc.collect()
