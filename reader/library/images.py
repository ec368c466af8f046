"""Page images: their size in pixels (read from the header) and, for ``page --png``, the picture.

STOP-GAP (issue 12, library/CLI branch): just enough for :mod:`reader.library.pages` and the
``page`` command; the images work replaces this module with the full one (tiles, JP2, a
memory bound, decoding in a worker) and keeps :func:`image_size`'s name and meaning.

A PDF page has no pixels of its own: it is measured, and rendered, at :data:`PDF_DPI`.
"""

from __future__ import annotations

import io
import threading
from typing import IO

from PIL import Image, UnidentifiedImageError

from reader.formats import Source
from reader.model import CorruptArchive, Page

# The resolution a PDF page is shown at when nothing asks for another (points are 1/72 inch).
PDF_DPI = 150.0
# pdfium is not thread-safe: one page at a time, whichever thread asks.
_PDFIUM = threading.Lock()
# A page scan is large, but not this large: Pillow's guard against decompression bombs.
Image.MAX_IMAGE_PIXELS = 400_000_000


def is_pdf(name: str) -> bool:
    """Whether an image file is a PDF (its pages are rendered, not decoded)."""
    return name.lower().endswith(".pdf")


def image_size(source: Source, page: Page) -> tuple[int, int] | None:
    """The size in pixels of the page's image, read from its header; None when it has none.

    A PDF page's size is its size in points at :data:`PDF_DPI`. None also when the file is
    missing or unreadable (the page view then says which file it expected).
    """
    if not page.image:
        return None
    try:
        if is_pdf(page.image):
            return _pdf_size(source, page)
        with _open(source, page.image) as stream, Image.open(stream) as image:
            if page.image_index:
                image.seek(page.image_index)
            width, height = image.size
            return int(width), int(height)
    except (OSError, CorruptArchive, UnidentifiedImageError, EOFError, ValueError):
        return None


def render(source: Source, page: Page, scale: float = 1.0) -> Image.Image | None:
    """The page's image as RGB, ``scale`` times its size (None when there is no image).

    A PDF page is rendered at ``scale`` × :data:`PDF_DPI`.
    """
    if not page.image:
        return None
    try:
        if is_pdf(page.image):
            return _pdf_render(source, page, scale)
        with _open(source, page.image) as stream, Image.open(stream) as image:
            if page.image_index:
                image.seek(page.image_index)
            picture: Image.Image = image.convert("RGB")
    except (OSError, CorruptArchive, UnidentifiedImageError, EOFError, ValueError):
        return None
    if scale != 1.0:
        size = (max(1, round(picture.width * scale)), max(1, round(picture.height * scale)))
        picture = picture.resize(size, Image.Resampling.LANCZOS)
    return picture


def _open(source: Source, name: str) -> IO[bytes]:
    """The image file as a stream: from disk when the source is a folder (a scan is large)."""
    path_of = getattr(source, "path_of", None)
    if path_of is not None:
        return open(path_of(name), "rb")
    return io.BytesIO(source.read_bytes(name))


def _pdf_page_bytes(source: Source, page: Page) -> bytes:
    return source.read_bytes(page.image)


def _pdf_size(source: Source, page: Page) -> tuple[int, int] | None:
    import pypdfium2

    data = _pdf_page_bytes(source, page)
    with _PDFIUM:
        try:
            document = pypdfium2.PdfDocument(data)
            try:
                if not 0 <= page.image_index < len(document):
                    return None
                width, height = document[page.image_index].get_size()
            finally:
                document.close()
        except pypdfium2.PdfiumError:
            return None
    factor = PDF_DPI / 72.0
    return round(width * factor), round(height * factor)


def _pdf_render(source: Source, page: Page, scale: float) -> Image.Image | None:
    import pypdfium2

    data = _pdf_page_bytes(source, page)
    with _PDFIUM:
        try:
            document = pypdfium2.PdfDocument(data)
            try:
                if not 0 <= page.image_index < len(document):
                    return None
                bitmap = document[page.image_index].render(scale=scale * PDF_DPI / 72.0)
                picture: Image.Image = bitmap.to_pil().convert("RGB")
            finally:
                document.close()
        except pypdfium2.PdfiumError:
            return None
    return picture
