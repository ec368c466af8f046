"""Choices the command line offers (concordance orders, export formats, citation styles): apart,
so ``issue-reader --help`` names them without importing what carries them out."""

from __future__ import annotations

from typing import Literal

Order = Literal["left", "right", "date"]
ORDERS: tuple[Order, ...] = ("left", "right", "date")
DEFAULT_WIDTH = 40

# Export: formats written to one file, and those written as one file per article.
FILE_FORMATS = ("csv", "ris", "csl-json", "bibtex")
FOLDER_FORMATS = ("text", "markdown")
FORMATS = (*FILE_FORMATS, *FOLDER_FORMATS)

# Citation styles: GB/T 7714-2015 and Chicago (17th ed.).
GBT = "gbt7714"
CHICAGO = "chicago"
STYLES = (GBT, CHICAGO)
