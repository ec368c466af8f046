"""Small page images made by the tests with Pillow: every mode a scan comes in."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image

from reader.formats import FolderSource
from reader.model import Page


def pattern(width: int, height: int) -> Image.Image:
    """A colour image with detail everywhere (gradients and stripes), so a wrong crop shows."""
    y, x = np.mgrid[0:height, 0:width]
    red = (x * 255 // max(1, width - 1)).astype(np.uint8)
    green = (y * 255 // max(1, height - 1)).astype(np.uint8)
    blue = (((x // 7) + (y // 5)) % 2 * 255).astype(np.uint8)
    return Image.fromarray(np.dstack([red, green, blue]))  # RGB, from the shape


def save(
    folder: Path, name: str, image: Image.Image, **options: object
) -> tuple[FolderSource, Page]:
    """Save the image in the folder; the folder as a source and a page naming the image."""
    image.save(folder / name, **options)
    return FolderSource(folder), Page(1, image=name)


def pixels(image: Image.Image) -> np.ndarray:
    """The image's samples as integers (for differences)."""
    return np.asarray(image).astype(np.int32)
