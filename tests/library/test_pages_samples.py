"""Hit boxes on the real ALTO samples are the boxes the ALTO file gives, scaled to the image.

These run once the METS/ALTO importers fill ``Issue.pages`` and read layouts (skipped before).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from reader.library import Library
from reader.library.pages import PageView, page_view
from tests.conftest import shared_path

NORDSTERN = "samples/open-oni-mnhi-nordstern-1878-01-03"
KANT = "samples/ocrd-kant_aufklaerung_1784"


def alto_boxes(path: Path) -> list[tuple[float, float, float, float]]:
    """Every String's box in the file's own unit."""
    boxes = []
    for element in etree.parse(str(path)).iter():
        if isinstance(element.tag, str) and etree.QName(element).localname == "String":
            left, top = float(element.get("HPOS", 0)), float(element.get("VPOS", 0))
            boxes.append(
                (
                    left,
                    top,
                    left + float(element.get("WIDTH", 0)),
                    top + float(element.get("HEIGHT", 0)),
                )
            )
    return boxes


def first_page_with_hits(folder: Path, query: str) -> tuple[Library, PageView]:
    library = Library.open(folder)
    for issue in library.issues:
        for page in issue.pages:
            view = page_view(library, issue.id, page.number, query)
            if view.hits:
                return library, view
    library.close()
    pytest.skip("needs page layouts from the METS/ALTO work")


def assert_hits_are_file_boxes(root: Path, view: PageView, fx: float, fy: float) -> None:
    scaled = [
        (b[0] * fx, b[1] * fy, b[2] * fx, b[3] * fy) for b in alto_boxes(root / view.page.source)
    ]
    for hit in view.hits:
        for box in hit.boxes:
            assert any(all(abs(a - b) <= 1 for a, b in zip(box, s, strict=True)) for s in scaled), (
                hit.text,
                box,
            )


def test_nordstern_inch1200_is_pdf_points_at_150_dpi() -> None:
    root = shared_path(NORDSTERN)
    library, view = first_page_with_hits(root, "und")
    with library:
        if not view.has_image:
            pytest.skip("the first page with hits has no page PDF")
        import pypdfium2

        document = pypdfium2.PdfDocument(str(root / view.page.image))
        width, height = document[view.page.image_index].get_size()
        document.close()
        assert view.size == (round(width * 150 / 72), round(height * 150 / 72))
        # ALTO inch1200 × 0.06 = PDF points; points × 150/72 = pixels.
        factor = 0.06 * 150 / 72
        assert_hits_are_file_boxes(root, view, factor, factor)


def test_kant_pixel_alto_boxes_are_the_tiffs() -> None:
    root = shared_path(KANT)
    library, view = first_page_with_hits(root, "Aufklärung")
    with library:
        page = view.page
        fx = view.size[0] / page.width if page.width else 1.0
        fy = view.size[1] / page.height if page.height else 1.0
        assert_hits_are_file_boxes(root, view, fx, fy)
