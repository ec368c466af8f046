"""Reading page images from an archive: their size from the header, and one scale level decoded.

Pillow decodes the scans (JPEG, PNG, TIFF, JPEG 2000…), pypdfium2 renders PDF pages. A level
``k`` is the image at 1/2**k of its size, ``ceil(size / 2**k)`` pixels. JPEG reaches levels 1–3
in the decoder itself (``draft``: the DCT scaled, a fraction of the work), JPEG 2000 through
its resolution levels (``reduce``); the rest is decoded whole and halved. A folder's file is
opened by its path, so Pillow and pdfium read only what they need; a zip member is read whole.
"""

from __future__ import annotations

import functools
import importlib
import io
import math
from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType
from typing import IO

from PIL import Image, UnidentifiedImageError

from reader.formats import FolderSource, Source
from reader.formats.common import pdfium as pdfium_lock
from reader.library import jp2region
from reader.library.rasters import Raster, from_buffer, from_image, normalized, to_image
from reader.model import CorruptArchive, Reason

# The resolution PDF pages are rendered at for "the full image": page points x PDF_DPI / 72.
PDF_DPI = 150
# JPEG decoders scale the DCT by 1/2, 1/4 and 1/8 at most.
_JPEG_DRAFT_LEVELS = 3
# OpenJPEG refuses a reduction beyond the file's resolution levels (5 is its default count - 1).
_JP2_MAX_REDUCE = 5
_JP2_SUFFIXES = (".jp2", ".j2k", ".j2c", ".jpx", ".jpf")
# A scan this large is a real page (a 600 dpi broadsheet is ~ 14,000 x 20,000); beyond it,
# Pillow's decompression-bomb guard would refuse it, which a reader of scans must not.
Image.MAX_IMAGE_PIXELS = 1_000_000_000


def is_pdf(name: str) -> bool:
    """Whether the page image is a PDF page (rendered, not decoded)."""
    return name.lower().endswith(".pdf")


def level_size(size: tuple[int, int], level: int) -> tuple[int, int]:
    """The size of scale level ``level`` of an image of ``size``."""
    factor = 1 << level
    return max(1, -(-size[0] // factor)), max(1, -(-size[1] // factor))


@functools.cache
def _pdfium() -> ModuleType:
    # Imported on first use: it costs about 0.1 s, which every start would otherwise pay.
    return importlib.import_module("pypdfium2")


@contextmanager
def _file(source: Source, name: str) -> Iterator[str | IO[bytes]]:
    """The file as Pillow or pdfium take it: a path in a folder, the bytes of a zip member."""
    if isinstance(source, FolderSource):
        yield str(source.path_of(name))
    else:
        yield io.BytesIO(source.read_bytes(name))


def _unreadable(name: str, exc: Exception) -> CorruptArchive:
    detail = str(exc) or type(exc).__name__
    return CorruptArchive(name, Reason.of("cannot_read_file", detail=detail))


@contextmanager
def opened(source: Source, name: str, index: int) -> Iterator[Image.Image]:
    """The image (frame ``index`` of a multi-page TIFF) opened lazily; unreadable: CorruptArchive."""
    with _file(source, name) as file:
        try:
            with Image.open(file) as image:
                if index:
                    image.seek(index)
                yield image
        except (OSError, UnidentifiedImageError, EOFError, ValueError, SyntaxError) as exc:
            raise _unreadable(name, exc) from exc


@contextmanager
def _pdf_page(source: Source, name: str, index: int) -> Iterator[object]:
    """Page ``index`` of a PDF, with pdfium's lock held throughout (pdfium is not thread-safe)."""
    pdfium = _pdfium()
    with _file(source, name) as file, pdfium_lock.LOCK:
        try:
            document = pdfium.PdfDocument(file)
        except pdfium.PdfiumError as exc:
            raise CorruptArchive(name, Reason.of("pdf_unreadable", detail=exc)) from exc
        try:
            if not 0 <= index < len(document):
                raise CorruptArchive(
                    name, Reason.of("pdf_unreadable", detail=f"no page {index + 1}")
                )
            page = document[index]
            try:
                yield page
            finally:
                page.close()
        finally:
            document.close()


def size(source: Source, name: str, index: int) -> tuple[int, int]:
    """The full image's size in pixels, from the header (a PDF page: points at PDF_DPI)."""
    if is_pdf(name):
        with _pdf_page(source, name, index) as page:
            width, height = page.get_size()  # type: ignore[attr-defined]
        return max(1, round(width * PDF_DPI / 72)), max(1, round(height * PDF_DPI / 72))
    with opened(source, name, index) as image:
        return image.size


def decode_level(source: Source, name: str, index: int, level: int) -> Image.Image:
    """Scale level ``level`` of a scan, whole, in a raster mode; unreadable: CorruptArchive."""
    # A JPEG 2000 file may have fewer resolution levels than asked for (OpenJPEG then refuses
    # the reduction): fewer are tried, down to none, and the rest is done by halving.
    reduction = min(level, _JP2_MAX_REDUCE)
    while True:
        with opened(source, name, index) as image:
            full = image.size
            try:
                if image.format == "JPEG" and level:
                    steps = min(level, _JPEG_DRAFT_LEVELS)
                    image.draft(image.mode, (full[0] >> steps, full[1] >> steps))
                elif image.format == "JPEG2000" and reduction:
                    image.reduce = reduction  # type: ignore[assignment, method-assign]
                image.load()
                decoded = normalized(image)
                break
            except (OSError, ValueError, SyntaxError, EOFError, MemoryError) as exc:
                if image.format == "JPEG2000" and reduction > 0 and isinstance(exc, OSError):
                    reduction -= 1
                    continue
                raise _unreadable(name, exc) from exc
    return _halve_to(decoded, level_size(full, level))


def decode_area(
    source: Source, name: str, index: int, level: int, box: tuple[int, int, int, int]
) -> Image.Image | None:
    """Only ``box`` (level pixels) of level ``level``, where the format allows it, else None.

    JPEG 2000 files in a folder can (:mod:`reader.library.jp2region`): a 1:1 view of a huge
    scan then decodes the view, not the page.
    """
    if index or not isinstance(source, FolderSource) or not name.lower().endswith(_JP2_SUFFIXES):
        return None
    try:
        area = jp2region.decode_area(source.path_of(name), level, box)
    except OSError as exc:
        raise _unreadable(name, exc) from exc
    return None if area is None else normalized(area)


def _halve_to(image: Image.Image, wanted: tuple[int, int]) -> Image.Image:
    """The image box-averaged down by the power of two that brings it to ``wanted``."""
    factor = round(image.size[0] / wanted[0])
    if factor > 1:
        # Called through the class: a JPEG 2000 image's own ``reduce`` is its reduction setting.
        image = Image.Image.reduce(image, factor)
    if image.size != wanted:  # a decoder that rounded otherwise: at most a pixel off
        image = image.resize(wanted, Image.Resampling.BOX)
    return image


def render_pdf(
    source: Source, name: str, index: int, scale: float, clip: tuple[float, float, float, float]
) -> Raster:
    """A PDF page rendered at ``scale`` x PDF_DPI, only the part ``clip`` (in full-image pixels).

    The result is exactly ``round(width of clip x scale)`` by ``round(height x scale)``, its
    first pixel the one at ``round(left x scale)`` of the whole page rendered at that scale.
    """
    left, top, right, bottom = clip
    wanted = max(1, round((right - left) * scale)), max(1, round((bottom - top) * scale))
    points_scale = scale * PDF_DPI / 72
    with _pdf_page(source, name, index) as page:
        width_pt, height_pt = page.get_size()  # type: ignore[attr-defined]
        # pdfium takes margins in points and rounds them up to pixels: ask for whole pixels.
        x0, y0 = round(left * scale), round(top * scale)
        x1, y1 = x0 + wanted[0], y0 + wanted[1]
        page_w, page_h = math.ceil(width_pt * points_scale), math.ceil(height_pt * points_scale)
        margins = (x0, max(0, page_h - y1), max(0, page_w - x1), y0)  # left, bottom, right, top
        crop = tuple(max(0.0, (px - 1e-6) / points_scale) for px in margins)
        bitmap = page.render(scale=points_scale, crop=crop, rev_byteorder=True)  # type: ignore[attr-defined]
        try:
            raster = from_buffer(
                bitmap.width, bitmap.height, bitmap.mode, bitmap.stride, bitmap.buffer
            )
        finally:
            bitmap.close()
    return _exact(raster, wanted)


def _exact(raster: Raster, wanted: tuple[int, int]) -> Raster:
    """The raster cut to ``wanted`` (pdfium rounds its bitmap up; one short is stretched)."""
    if (raster.width, raster.height) == wanted:
        return raster
    image = to_image(raster)
    if raster.width >= wanted[0] and raster.height >= wanted[1]:
        return from_image(image.crop((0, 0, *wanted)))
    return from_image(image.resize(wanted, Image.Resampling.BILINEAR))


def ceil_box(box: tuple[float, float, float, float]) -> tuple[int, int, int, int]:
    """A box in fractional pixels widened to whole ones."""
    return math.floor(box[0]), math.floor(box[1]), math.ceil(box[2]), math.ceil(box[3])
