"""A period of a chart in words: a day, a month, a year or a decade, in the interface language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from reader.library.trends import key_start
from reader.ui.core import formatting
from reader.ui.i18n import fill


def period_text(key: str) -> str:
    """``16 November 1813`` / ``November 1813`` / ``1813`` / ``1810s`` (``1810年代`` in Chinese)."""
    if len(key) == 5 and key.endswith("s"):
        return fill(QCoreApplication.translate("Periods", "%1s", "a decade: 1810s"), key[:4])
    start = key_start(key)
    if len(key) == 10:
        return formatting.date(start)
    if len(key) == 7:
        return formatting.year_month(start.year, start.month)
    return formatting.year(start.year)
