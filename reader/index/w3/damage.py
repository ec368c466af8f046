"""Which of Whoosh's exceptions say that an index file is damaged (and not that code is wrong)."""

from __future__ import annotations

from whoosh import index as whoosh_index
from whoosh.filedb.filetables import FileFormatError

from reader.index.w3.direct import Unreadable
from reader.index.w3.packed_layout import PackedDamage

# Whoosh's own complaints about its files (a bad header, a missing or empty index), a packed
# posting list that does not decode, and a file read directly that does not hold what its
# layout says (a stored document's column, read so for whoosh's searches too).
FORMAT_ERRORS: tuple[type[BaseException], ...] = (
    FileFormatError,
    whoosh_index.IndexError,
    PackedDamage,
    Unreadable,
)

# Whoosh's code that turns bytes read from a file into values (arrays, numbers, strings):
# garbage there fails as a ValueError or OverflowError, not as a data error of its own.
_DECODERS = ("whoosh.filedb.structfile", "whoosh.columns")
# A posting list that does not start with its magic bytes, which whoosh reports with a bare
# ``Exception`` (as it does for misuse, so only this function's counts).
_HEADER_CHECK = ("whoosh.codec.whoosh3", "_read_header")


def raised_reading(exc: BaseException) -> bool:
    """Whether ``exc`` is whoosh failing to decode bytes it read from an index file.

    True for a ``ValueError`` or ``OverflowError`` raised by whoosh's decoding of file
    contents, and for its bare ``Exception`` about a posting list's header; anything else
    raised in whoosh (a ``TypeError``, an ``AttributeError``, misuse) is not damage.
    """
    trace = exc.__traceback__
    if trace is None:
        return False
    while trace.tb_next is not None:
        trace = trace.tb_next
    module = trace.tb_frame.f_globals.get("__name__", "")
    if isinstance(exc, ValueError | OverflowError):
        return module in _DECODERS
    return type(exc) is Exception and (module, trace.tb_frame.f_code.co_name) == _HEADER_CHECK
