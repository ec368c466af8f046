"""The pages of a METS issue: one per ALTO file, in the physical structMap's order, with its scan.

Each page div of the physical structMap points at its files: the ALTO, and images in one or
more groups (NDNP's ``master`` TIFF and ``service`` JPEG 2000, Europeana's and BnL's image
groups, OCR-D's ``OCR-D-IMG``, the British Library's JPEG 2000), and often a PDF of the page.
The scan shown is the best-ranked image the archive holds, else the PDF, else the best-ranked
image named (so the page view can say which file it expected). The page's size and unit are
the ALTO ``Page``'s.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field

from reader.formats.common.source import Source
from reader.formats.mets.alto import AltoPage
from reader.formats.mets.alto_size import read_size
from reader.formats.mets.archive_names import ArchiveNames
from reader.formats.mets.articles import Pages
from reader.formats.mets.document import Area, Div, MetsDocument, MetsFile
from reader.model import CorruptArchive, Page

IMAGE_EXTENSIONS = (".jp2", ".j2k", ".jpf", ".jpx", ".tif", ".tiff", ".jpg", ".jpeg", ".png")
# Image groups (fileGrp or file USE, lower case) by preference: the copy made for viewing
# first, then the master the OCR was made from; any other group (a black-and-white or
# binarised derivative) after those. Thumbnails are never a page's scan.
_USE_RANK = {
    "service": 0,
    "viewing": 0,
    "access": 0,
    "display": 0,
    "master": 1,
    "preservation": 1,
    "preservationmaster": 1,
    "images": 1,
    "image": 1,
    "ocr-d-img": 1,
}
_OTHER_RANK = 2

# The size and unit of an ALTO page, by archive name.
Size = tuple[float, float, str]


@dataclass
class IssuePages:
    """An issue's pages, and the page number of each ALTO file ID (for ``Article.pages``)."""

    pages: tuple[Page, ...] = ()
    by_file: dict[str, int] = field(default_factory=dict)

    def of_areas(self, areas: list[Area]) -> tuple[int, ...]:
        """The numbers of the pages some areas point into, in the areas' order, each once."""
        numbers = (self.by_file.get(a.file_id) for a in areas)
        return tuple(dict.fromkeys(n for n in numbers if n is not None))


def issue_pages(
    source: Source, document: MetsDocument, names: ArchiveNames, pages: Pages
) -> IssuePages:
    """One :class:`Page` per ALTO file of the issue, in physical order, with scan and size.

    Args:
        source: the archive (an ALTO page the text parse skipped is read up to its ``Page``).
        document: the METS, read.
        names: every file name in the archive, to find the scans by.
        pages: the issue's ALTO files by file ID, their printed numbers, and those parsed.
    """
    result = IssuePages()
    listed: list[Page] = []
    for alto_id, images in _page_files(document, pages):
        number = len(listed) + 1
        name = pages.names[alto_id]
        width, height, unit = page_size(source, names, pages.parsed.get(name), name)
        image = choose_image(images, names, document.name)
        label = pages.numbers.get(alto_id, "")
        listed.append(Page(number, label, name, "", image, 0, width, height, unit))
        result.by_file[alto_id] = number
    result.pages = tuple(listed)
    return result


def choose_image(images: list[MetsFile], names: ArchiveNames, relative_to: str) -> str:
    """The scan to show: the best image present, else a PDF present, else the best one named.

    Returns "" when the METS names no image for the page at all.
    """
    ranked = sorted((rank, i) for i, f in enumerate(images) if (rank := _rank(f)) is not None)
    return first_present([images[i].href for _, i in ranked], names, relative_to)


def first_present(hrefs: list[str], names: ArchiveNames, relative_to: str) -> str:
    """The first file present of some, by preference, else the first named ("" for none)."""
    candidates = [name for name in (names.resolve(h, relative_to) for h in hrefs) if name]
    return next((n for n in candidates if n in names), "") or next(iter(candidates), "")


def _rank(listed: MetsFile) -> tuple[int, int] | None:
    """Where a file stands among a page's scans (images before PDFs); None: not a scan."""
    use = listed.use.lower()
    mimetype = listed.mimetype.lower()
    extension = posixpath.splitext(listed.href.lower().split("?")[0])[1]
    if "thumb" in use:
        return None
    if mimetype.startswith("image/") or extension in IMAGE_EXTENSIONS:
        return 0, _USE_RANK.get(use, _OTHER_RANK)
    if mimetype == "application/pdf" or extension == ".pdf":
        return 1, 0
    return None


def _page_files(document: MetsDocument, pages: Pages) -> list[tuple[str, list[MetsFile]]]:
    """Each ALTO file ID in page order, with the files its page div names beside it."""
    found: list[tuple[str, list[MetsFile]]] = []
    seen: set[str] = set()
    for div in _page_divs(document):
        files = [document.files[a.file_id] for a in div.areas if a.file_id in document.files]
        for area in div.areas:
            if area.file_id in pages.names and area.file_id not in seen:
                seen.add(area.file_id)
                found.append((area.file_id, files))
    if not found:
        # No physical structMap (or one that names no ALTO): the fileSec's order.
        found = [(file_id, []) for file_id in pages.names]
    return found


def _page_divs(document: MetsDocument) -> list[Div]:
    """The physical divs that are pages (a BL page area is part of a page, not one)."""
    if document.physical is None:
        return []
    return [d for d in document.physical.walk() if d.areas and d.kind != "pagearea"]


def page_size(source: Source, names: ArchiveNames, parsed: AltoPage | None, name: str) -> Size:
    """An ALTO page's size: from its text parse, else read up to its ``Page`` (0 if missing)."""
    if parsed is not None:
        return parsed.width, parsed.height, parsed.unit
    if name in names:
        try:
            return read_size(source.read_bytes(name), name)
        except (OSError, CorruptArchive):
            pass  # unreadable: the page has no known size, and its text is a problem already
    return 0.0, 0.0, "pixel"
