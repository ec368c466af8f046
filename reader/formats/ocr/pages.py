"""The pages of an OCR issue, made at load time: which file and page hold the words, and the scan.

The scan is the one the file names (hOCR's ``image``, PAGE's ``imageFilename``), taken
relative to the file, then to the folder above it (OCR-D workspaces name images from the
workspace root, the pages sitting in ``OCR-D-GT-PAGE/``); a named image that is in neither
place is still recorded, so the page view can say which file it expected. A file that names
no image (ABBYY) gets an image beside it with the same stem, or, as BCUL publishes ABBYY
pages, the issue's PDF beside it whose name begins the page's (``FAL_1762_12_07.pdf`` for
``FAL_1762_12_07_0001_page_3.xml``: its third page).
"""

from __future__ import annotations

import posixpath
import re

from reader.formats.common.source import FileSource, Source
from reader.formats.ocr import compressed
from reader.formats.ocr.text import OcrPage
from reader.model import CorruptArchive, Page

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".tif", ".tiff", ".jp2", ".j2k", ".gif", ".bmp", ".webp")
# "…_page_3" (BCUL/impresso), "…_p3": the page's number in its issue, for a PDF of the issue.
_PAGE_SUFFIX = re.compile(r"(?:[_-]page|[_-]p)[_-]?(\d{1,4})$", re.IGNORECASE)


class Scans:
    """Finds the scan of each OCR page among the archive's files (listed once per load)."""

    def __init__(self, source: Source) -> None:
        self._source = source
        self._folders: dict[str, list[str]] | None = None
        self._names: frozenset[str] = frozenset()

    def page(self, number: int, name: str, ref: int, ocr: OcrPage) -> Page:
        """The issue's page ``number``: page ``ref`` (1-based) of file ``name``.

        Args:
            number: The page's position in the issue.
            name: The OCR file it was read from.
            ref: Which page of that file it is.
            ocr: The page as read (its number, image name and size).
        """
        image, index = self.image(name, ocr.image, number)
        return Page(
            number=number,
            label=ocr.number,
            source=name,
            ref=str(ref),
            image=image,
            image_index=index,
            width=ocr.width,
            height=ocr.height,
            unit="pixel",
            has_text=ocr.has_text,
        )

    def image(self, name: str, named: str, number: int) -> tuple[str, int]:
        """The scan of a page: its archive name ("" when none is known) and frame or PDF page."""
        folder = posixpath.dirname(name)
        if named.strip():
            candidates = _candidates(folder, named.strip())
            found = next((c for c in candidates if self._present(c)), "")
            return (found or (candidates[0] if candidates else "")), 0
        stem = _stem(name)
        for suffix in IMAGE_SUFFIXES:
            for candidate in (f"{stem}{suffix}", f"{stem}{suffix.upper()}"):
                beside = posixpath.join(folder, candidate)
                if self._present(beside):
                    return beside, 0
        for sibling in self._pdfs_in(folder):
            base = posixpath.basename(sibling)
            if stem.startswith(base[:-4]) and base[:-4]:
                printed = _PAGE_SUFFIX.search(stem)
                return sibling, (int(printed.group(1)) if printed else number) - 1
        return "", 0

    def _present(self, name: str) -> bool:
        if name in self._listing():
            return True
        if not isinstance(self._source, FileSource):
            return False
        # A file opened on its own lists only itself; its images are still beside it.
        try:
            self._source.info(name)
        except (OSError, CorruptArchive):
            return False
        return True

    def _listing(self) -> frozenset[str]:
        self._pdfs()
        return self._names

    def _pdfs_in(self, folder: str) -> list[str]:
        return self._pdfs().get(folder, [])

    def _pdfs(self) -> dict[str, list[str]]:
        """The PDFs of each folder (the listing is taken once, on first use)."""
        if self._folders is None:
            self._folders = {}
            self._names = frozenset(self._source.names())
            for found in sorted(self._names):
                if found.lower().endswith(".pdf"):
                    self._folders.setdefault(posixpath.dirname(found), []).append(found)
        return self._folders


def _candidates(folder: str, named: str) -> list[str]:
    """Where a named image may be: beside the file, from the folder above, by its base name."""
    path = named.replace("\\", "/")
    if path.startswith("file://"):
        path = path[len("file://") :]
    found: list[str] = []
    if not path.startswith("/") and ":" not in path.split("/", 1)[0]:
        above = posixpath.dirname(folder)
        for base in (folder, above) if folder else (folder,):
            joined = posixpath.normpath(posixpath.join(base, path))
            if joined not in found and joined != ".." and not joined.startswith("../"):
                found.append(joined)
    # An absolute path (Tesseract writes the one it was given) or a URL: the file beside.
    beside = posixpath.join(folder, posixpath.basename(path)) if posixpath.basename(path) else ""
    if beside and beside not in found:
        found.append(beside)
    return found


def _stem(name: str) -> str:
    base = posixpath.basename(compressed.plain_name(name))
    return base.rsplit(".", 1)[0] if "." in base else base
