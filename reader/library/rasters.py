"""Decoded pixels as plain bytes (a :class:`Raster`), the form the window wraps in a QImage.

Scans come in every mode Pillow knows (1-bit, 16-bit grey, palette, CMYK…); they are
brought to one of four layouts here, each of which Qt shows without a conversion:
``L`` (Grayscale8), ``RGB`` (RGB888), ``RGBA`` (RGBA8888) and ``RGBX`` (RGBX8888).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image

CHANNELS = {"L": 1, "RGB": 3, "RGBA": 4, "RGBX": 4}
# Modes that hold more than 8 bits a sample: their top 8 bits are kept.
_WIDE_GREY = frozenset({"I;16", "I;16B", "I;16L", "I;16N", "I"})


@dataclass(frozen=True)
class Raster:
    """Pixels, top row first: ``format`` is one of :data:`CHANNELS`; rows are ``bytes_per_line`` apart."""

    width: int
    height: int
    format: str
    bytes_per_line: int
    data: bytes

    @property
    def nbytes(self) -> int:
        """The memory the pixels take (what the cache counts)."""
        return len(self.data)


def normalized(image: Image.Image) -> Image.Image:
    """The image in a raster mode (L, RGB or RGBA), keeping what it shows.

    A 1-bit scan becomes black and white grey levels, so that scaling it down gives grey
    anti-aliasing rather than lost strokes; 16-bit grey keeps its top 8 bits (not clipped
    to white); palette images keep their transparency; CMYK (Pillow already undoes the
    inversion of Adobe's JPEGs) becomes RGB.
    """
    mode = image.mode
    if mode in ("L", "RGB", "RGBA"):
        return image
    if mode == "1":
        return image.convert("L")
    if mode in _WIDE_GREY:
        return Image.fromarray(_top_byte(np.asarray(image)))
    if mode in ("P", "PA"):
        alpha = mode == "PA" or "transparency" in image.info
        return image.convert("RGBA" if alpha else "RGB")
    if mode in ("LA", "La", "RGBa"):
        return image.convert("RGBA")
    if mode == "F":
        grey = np.clip(np.asarray(image), 0.0, 255.0).astype(np.uint8)
        return Image.fromarray(grey)
    return image.convert("RGB")


def _top_byte(values: np.ndarray) -> np.ndarray:
    """16-bit (or 32-bit integer holding 16-bit) samples as 8-bit ones."""
    wide = np.clip(values.astype(np.int64), 0, 65535)
    return (wide >> 8).astype(np.uint8)


def from_image(image: Image.Image) -> Raster:
    """The pixels of a Pillow image (normalized first)."""
    image = normalized(image)
    width, height = image.size
    row = width * CHANNELS[image.mode]
    return Raster(width, height, image.mode, row, image.tobytes())


def to_image(raster: Raster) -> Image.Image:
    """A Pillow image sharing the raster's pixels (for cropping, scaling and saving)."""
    size = (raster.width, raster.height)
    mode = raster.format
    image = Image.frombuffer(mode, size, raster.data, "raw", mode, raster.bytes_per_line, 1)
    # RGBX shows as RGB: the filler byte is no alpha.
    return image.convert("RGB") if mode == "RGBX" else image


def from_buffer(width: int, height: int, mode: str, stride: int, buffer: object) -> Raster:
    """Pixels copied out of a foreign buffer (pdfium's bitmap), rows ``stride`` bytes apart."""
    if mode not in CHANNELS:
        raise ValueError(f"unsupported raster format {mode}")
    data = bytes(memoryview(buffer).cast("B"))  # type: ignore[arg-type]
    return Raster(width, height, mode, stride, data[: stride * height])
