"""Tiles of a pyramid level: which to decode around a view, cutting a decoded level into them,
and pasting them back together (pure Pillow; :mod:`reader.library.images` drives it)."""

from __future__ import annotations

from collections.abc import Hashable

from PIL import Image

from reader.library.image_cache import RasterCache
from reader.library.rasters import Raster, from_image, to_image

Piece = tuple[int, int]


def around(
    pieces: list[Piece], tile: tuple[int, int], size: tuple[int, int]
) -> tuple[int, int, int, int]:
    """The box of the tiles ``pieces``, in level pixels.

    No ring of neighbours: decoding an area costs in proportion to it (a ring round a 1:1 view
    of 3 x 2 tiles triples it), and a pan shows the coarser level until its tiles come.
    """
    cols, rows = [c for c, _ in pieces], [r for _, r in pieces]
    return (
        min(cols) * tile[0],
        min(rows) * tile[1],
        min(size[0], (max(cols) + 1) * tile[0]),
        min(size[1], (max(rows) + 1) * tile[1]),
    )


def keep(
    image: Image.Image,
    area: tuple[int, int, int, int],
    identity: tuple[Hashable, ...],
    level: int,
    size: tuple[int, int],
    tile: tuple[int, int],
    pieces: list[Piece],
    cache: RasterCache,
) -> dict[tuple[int, int], Raster]:
    """Cut a decoded level (or its ``area``) into tiles: the wanted ones, and the nearest others
    up to half the budget.

    Decoding a level at full resolution is the slow part (a whole JPEG 2000); keeping the
    neighbours means panning finds them cached, while half the budget stays for other pages.
    """
    columns, rows = -(-size[0] // tile[0]), -(-size[1] // tile[1])
    needed_pieces = set(pieces)
    centre_col = sum(c for c, _ in pieces) / len(pieces)
    centre_row = sum(r for _, r in pieces) / len(pieces)
    order = sorted(
        ((c, r) for r in range(rows) for c in range(columns)),
        key=lambda p: (p not in needed_pieces, (p[0] - centre_col) ** 2 + (p[1] - centre_row) ** 2),
    )
    wanted: dict[tuple[int, int], Raster] = {}
    spent = 0
    for col, row in order:
        needed = (col, row) in needed_pieces
        if not needed and spent >= cache.budget // 2:
            break
        left, top = col * tile[0], row * tile[1]
        box = (left, top, min(left + tile[0], size[0]), min(top + tile[1], size[1]))
        if not (
            area[0] <= box[0] and area[1] <= box[1] and box[2] <= area[2] and box[3] <= area[3]
        ):
            continue
        if box == area:
            raster = from_image(image)
        else:
            raster = from_image(
                image.crop((box[0] - area[0], box[1] - area[1], box[2] - area[0], box[3] - area[1]))
            )
        cache.put((identity, level, (col, row)), raster)
        spent += raster.nbytes
        if needed:
            wanted[(col, row)] = raster
    return wanted


def assemble(
    tiles: dict[tuple[int, int], Raster], tile: tuple[int, int], inner: tuple[int, int, int, int]
) -> Image.Image:
    """The tiles pasted into one image covering ``inner`` (level pixels)."""
    if len(tiles) == 1:
        ((col, row), raster) = next(iter(tiles.items()))
        image = to_image(raster)
        left, top = col * tile[0], row * tile[1]
        if (left, top, left + raster.width, top + raster.height) == inner:
            return image
    mode = next(iter(tiles.values())).format
    canvas = Image.new(
        "RGB" if mode == "RGBX" else mode, (inner[2] - inner[0], inner[3] - inner[1])
    )
    for (col, row), raster in tiles.items():
        canvas.paste(to_image(raster), (col * tile[0] - inner[0], row * tile[1] - inner[1]))
    return canvas
