"""What an hOCR file's head says of the work its pages are of: its Dublin Core title.

hOCR puts document metadata in ``<meta>`` elements (hocr-tools' sample has ``DC.title``,
``DC.creator`` and ``DC.publisher``). ``DC.title`` names the work, so it is the publication;
``DC.publisher`` names a firm (Macmillan), which publishes many works, so it names none.
A title that is a file's name or path (what a tool fills in from its input image) says
nothing and is passed over.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Mapping

from reader.formats.common.source import Source
from reader.model import CorruptArchive

# A head is read for this: the metadata sits at the top, before the first page.
HEAD_BYTES = 16384
_META = re.compile(r"<meta\b[^>]{0,1000}>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""\b(name|content)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_FILE_ENDINGS = (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".jp2", ".gif", ".bmp", ".pdf")
_LONGEST = 200


def dc_title(head: bytes) -> str:
    """The ``DC.title`` of an hOCR file's head, or "" when it has none worth a name."""
    text = head.decode("utf-8", "replace")
    for tag in _META.findall(text):
        fields = {m[1].lower(): m[2] or m[3] for m in _ATTRIBUTE.finditer(tag)}
        if fields.get("name", "").strip().lower() != "dc.title":
            continue
        title = " ".join(html.unescape(fields.get("content", "")).split())
        if _names_something(title):
            return title
    return ""


def titles_by_folder(source: Source, names: list[str]) -> Mapping[str, str]:
    """Each folder's publication: the first ``DC.title`` among its files (in the given order)."""
    found: dict[str, str] = {}
    for name in names:
        folder = posixpath.dirname(name)
        if folder in found:
            continue
        try:
            title = dc_title(source.read_bytes(name, HEAD_BYTES))
        except CorruptArchive:
            continue  # the file's own reading says why, as a problem
        if title:
            found[folder] = title
    return found


def _names_something(title: str) -> bool:
    if not title or len(title) > _LONGEST:
        return False
    lowered = title.lower()
    return not ("/" in title or "\\" in title or lowered.endswith(_FILE_ENDINGS))
