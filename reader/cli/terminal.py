"""What the terminal allows the command line: matches in bold (or else marked ``[…]``), its width.

Apart from ``output``: a search asked of a server (``served``) needs this and not the model.
"""

from __future__ import annotations

import os
import shutil
from typing import TextIO


def bold_allowed(stream: TextIO) -> bool:
    """Whether to mark matches in bold: on a terminal, unless NO_COLOR is set (no-color.org)."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return stream.isatty()


def columns(stream: TextIO) -> int | None:
    """How many columns wide the terminal ``stream`` shows is; None when it is no terminal."""
    return shutil.get_terminal_size().columns if stream.isatty() else None
