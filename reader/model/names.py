"""Names as shown: file names that are not valid UTF-8, made printable."""

from __future__ import annotations

import re

_SURROGATES = re.compile("[\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` safe to print or show: each lone surrogate becomes U+FFFD.

    Names that are not valid UTF-8 keep their bad bytes as lone surrogates so that the file can
    still be opened by its name; no stream or widget can show them (a strict UTF-8 stdout
    raises, Qt drops them), so whatever shows a name shows it through here.
    """
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATES.sub("\ufffd", text)
    return text
