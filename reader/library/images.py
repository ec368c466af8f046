"""Page images for the page view and ``issue-reader page``: size, missing file, pixels at any scale.

A page's image is a scan (JPEG, PNG, TIFF, JPEG 2000) or a PDF page, named by
:attr:`reader.model.Page.image` relative to the archive's root. Scans are read as a pyramid:
level ``k`` is the image at 1/2**k, and a view at scale ``s`` is cut from the coarsest level
still at least as sharp (so zooming reuses levels). A level larger than
:data:`WHOLE_PIXELS` is kept in :data:`TILE`-pixel tiles, so a 1:1 view of a 10,000 x 14,000
scan keeps only the tiles around what is shown (a JPEG 2000 decodes only them, see
:mod:`reader.library.jp2region`; a JPEG is decoded whole once), and a fitted view never
decodes the full resolution. Tiles live in a :class:`RasterCache` shared by the window's
worker threads. PDF pages are rendered by pdfium at the scale asked, only the part shown.

For the window: :func:`render` in a worker (it may take seconds for a first 1:1 view of a
huge JPEG); :func:`render_cached` on the UI thread for a picture at once (maybe a coarser
level scaled up) or None; a :class:`Raster` becomes a QImage with ``QImage(data, width,
height, bytes_per_line, format)``, the formats L, RGB, RGBA, RGBX being Grayscale8, RGB888,
RGBA8888 and RGBX8888.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Hashable

from PIL import Image

from reader.formats import Source
from reader.library import decoding, tiles
from reader.library.decoding import PDF_DPI, is_pdf, level_size
from reader.library.image_cache import RasterCache
from reader.library.rasters import Raster, from_image
from reader.model import CorruptArchive, Page, Reason

__all__ = ["PDF_DPI", "TILE", "Raster", "RasterCache", "image_missing", "image_size", "render"]

# The side of a tile of a large level, in that level's pixels (3 MB in colour).
TILE = 1024
# A level of at most this many pixels is decoded and kept whole (48 MB in colour).
WHOLE_PIXELS = 4096 * 4096
# Deepest level ever used: 1/2**12 of a 14,000-pixel page is still a few pixels.
MAX_LEVEL = 12
Clip = tuple[float, float, float, float]

_cache = RasterCache()
_sizes: dict[Hashable, tuple[int, int]] = {}
_sizes_lock = threading.Lock()
# One decode of a level at a time per image: a second worker waits and finds the tiles cached.
_decode_locks = tuple(threading.Lock() for _ in range(32))


def default_cache() -> RasterCache:
    """The cache :func:`render` uses when given none (its budget can be set)."""
    return _cache


def _identity(source: Source, page: Page) -> tuple[Hashable, ...] | None:
    """What names a page image's pixels: the archive, file, frame and file's stamp (None: missing)."""
    if not page.image:
        return None
    try:
        info = source.info(page.image)
    except (OSError, CorruptArchive):
        return None
    return (source.root, page.image, page.image_index, info.size, info.mtime_ns)


def image_missing(source: Source, page: Page) -> str:
    """The image file the page names when it is not there ("" when present or when none is named)."""
    if page.image and _identity(source, page) is None:
        return page.image
    return ""


def image_size(source: Source, page: Page) -> tuple[int, int] | None:
    """The page image's size in pixels, read from its header (a PDF page: points x PDF_DPI / 72).

    Returns:
        None when the page names no image or the file is missing.

    Raises:
        CorruptArchive: the file is there but is no readable image.
    """
    identity = _identity(source, page)
    if identity is None:
        return None
    with _sizes_lock:
        known = _sizes.get(identity)
    if known is not None:
        return known
    measured = decoding.size(source, page.image, page.image_index)
    with _sizes_lock:
        if len(_sizes) > 4096:
            _sizes.clear()
        _sizes[identity] = measured
    return measured


def level_for(scale: float) -> int:
    """The coarsest pyramid level at least as sharp as ``scale`` (1 or more: level 0)."""
    if scale >= 1:
        return 0
    return min(MAX_LEVEL, math.floor(-math.log2(scale) + 1e-9))


def render(
    source: Source,
    page: Page,
    scale: float,
    clip: Clip | None = None,
    cache: RasterCache | None = None,
) -> Raster:
    """The page image at ``scale`` (1: full size), only ``clip`` when given.

    Args:
        source: the archive's files.
        page: the page whose image is drawn.
        scale: output pixels per full-image pixel.
        clip: (left, top, right, bottom) in full-image pixels; clamped to the image.
        cache: where tiles are kept (default: :func:`default_cache`).

    Returns:
        ``round(clip width x scale)`` by ``round(clip height x scale)`` pixels.

    Raises:
        CorruptArchive: the image is missing (``no_such_path``) or unreadable.
    """
    if not scale > 0:
        raise ValueError(f"scale must be positive, not {scale}")
    raster = _render(source, page, scale, clip, _cache if cache is None else cache, decode=True)
    assert raster is not None  # decoding never gives up
    return raster


def render_cached(
    source: Source,
    page: Page,
    scale: float,
    clip: Clip | None = None,
    cache: RasterCache | None = None,
) -> Raster | None:
    """Like :func:`render` but never decoding: from the tiles already cached, maybe coarser
    ones scaled up (a blurred picture at once, for the UI thread, while a worker renders), or None.
    """
    cache = _cache if cache is None else cache
    if not scale > 0 or is_pdf(page.image):
        return None
    for level in range(level_for(scale), MAX_LEVEL + 1):
        raster = _render(source, page, scale, clip, cache, decode=False, level=level)
        if raster is not None:
            return raster
    return None


def _render(
    source: Source,
    page: Page,
    scale: float,
    clip: Clip | None,
    cache: RasterCache,
    *,
    decode: bool,
    level: int | None = None,
) -> Raster | None:
    identity = _identity(source, page)
    if identity is None:
        raise CorruptArchive(page.image or "-", Reason.of("no_such_path"))
    full = image_size(source, page)
    assert full is not None
    box = _clamped(clip, full)
    if is_pdf(page.image):
        key = (identity, "pdf", round(scale, 6), tuple(round(edge, 3) for edge in box))
        raster = cache.get(key)
        if raster is None:
            raster = decoding.render_pdf(source, page.image, page.image_index, scale, box)
            cache.put(key, raster)
        return raster
    level = level_for(scale) if level is None else level
    factor = 1 << level
    size = level_size(full, level)
    wanted = tuple(edge / factor for edge in box)
    inner = decoding.ceil_box((wanted[0], wanted[1], wanted[2], wanted[3]))
    inner = (inner[0], inner[1], min(inner[2], size[0]), min(inner[3], size[1]))
    tile = _tile_size(size)
    pieces = [
        (col, row)
        for row in range(inner[1] // tile[1], (inner[3] - 1) // tile[1] + 1)
        for col in range(inner[0] // tile[0], (inner[2] - 1) // tile[0] + 1)
    ]
    found = _tiles(source, page, identity, level, size, tile, pieces, cache, decode)
    if found is None:
        return None
    canvas = tiles.assemble(found, tile, inner)
    target = max(1, round((box[2] - box[0]) * scale)), max(1, round((box[3] - box[1]) * scale))
    within = (
        wanted[0] - inner[0],
        wanted[1] - inner[1],
        wanted[2] - inner[0],
        wanted[3] - inner[1],
    )
    if canvas.size == target and within == (0, 0, *target):
        return from_image(canvas)
    shrinking = target[0] < (within[2] - within[0])
    method = Image.Resampling.HAMMING if shrinking else Image.Resampling.BICUBIC
    return from_image(canvas.resize(target, method, box=within))


def _clamped(clip: Clip | None, full: tuple[int, int]) -> Clip:
    """The clip inside the image, at least a pixel each way (None: the whole image)."""
    if clip is None:
        return 0.0, 0.0, float(full[0]), float(full[1])
    left = min(max(0.0, clip[0]), full[0] - 1.0)
    top = min(max(0.0, clip[1]), full[1] - 1.0)
    right = min(max(left + 1.0, clip[2]), float(full[0]))
    bottom = min(max(top + 1.0, clip[3]), float(full[1]))
    return left, top, right, bottom


def _tile_size(size: tuple[int, int]) -> tuple[int, int]:
    """A small level is one tile; a large one is cut into TILE x TILE pieces."""
    if size[0] * size[1] <= WHOLE_PIXELS:
        return size
    return TILE, TILE


def _tiles(
    source: Source,
    page: Page,
    identity: tuple[Hashable, ...],
    level: int,
    size: tuple[int, int],
    tile: tuple[int, int],
    pieces: list[tuple[int, int]],
    cache: RasterCache,
    decode: bool,
) -> dict[tuple[int, int], Raster] | None:
    """The tiles ``pieces`` of a level, from the cache or decoded (None: not cached, no decoding)."""
    found = {piece: cache.get((identity, level, piece)) for piece in pieces}
    if all(found.values()):
        return {piece: raster for piece, raster in found.items() if raster}
    if not decode:
        return None
    with _decode_locks[hash((identity, level)) % len(_decode_locks)]:
        found = {piece: cache.get((identity, level, piece)) for piece in pieces}
        if all(found.values()):  # another worker decoded it meanwhile
            return {piece: raster for piece, raster in found.items() if raster}
        area = (0, 0, *size)
        image = None
        if tile != size:  # a large level: only the tiles of the view, if the format can
            area = tiles.around(pieces, tile, size)
            image = decoding.decode_area(source, page.image, page.image_index, level, area)
        if image is None:
            area = (0, 0, *size)
            image = decoding.decode_level(source, page.image, page.image_index, level)
    return tiles.keep(image, area, identity, level, size, tile, pieces, cache)
