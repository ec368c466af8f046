"""ALTO sizes and units: a page's size and ``MeasurementUnit``, and numbers read forgivingly.

The streamed text parse (:mod:`reader.formats.mets.alto`) records a page's size as it passes;
:func:`read_size` reads it from a file that the text parse never needed (a page no article
points at), stopping at the ``Page`` element rather than reading the whole file.
"""

from __future__ import annotations

import math

from reader.formats.common import xmlsafe, xmltree
from reader.model import CorruptArchive


def measurement_unit(text: str | None) -> str:
    """A ``MeasurementUnit`` as the page model spells it (pixel when absent or empty)."""
    unit = (text or "").strip().lower()
    return unit or "pixel"


def number(text: str | None) -> float:
    """An ALTO size or position (integers, or floats in some files); 0 when absent or bad."""
    if not text:
        return 0.0
    try:
        value = float(text)
    except ValueError:
        return 0.0
    return value if math.isfinite(value) else 0.0


def read_size(data: bytes, name: str) -> tuple[float, float, str]:
    """The ``Page`` WIDTH and HEIGHT and the unit of an ALTO file, read up to its ``Page``.

    Returns (0, 0, "pixel") for a file that cannot be read or gives no page size: the page
    then has no known size, which the page view copes with.
    """
    unit = "pixel"
    try:
        events = xmlsafe.iterparse(data, name, ("end", "start"), ("{*}MeasurementUnit", "{*}Page"))
        for event, element in events:
            local = xmltree.local_name(element)
            if local == "MeasurementUnit" and event == "end":
                unit = measurement_unit(element.text)
            elif local == "Page" and event == "start":
                return number(element.get("WIDTH")), number(element.get("HEIGHT")), unit
    except CorruptArchive:
        pass
    return 0.0, 0.0, unit
