"""PDF pages whose shown area is no MediaBox at 0,0 of the page's own: word boxes still sit on the ink.

The PDFs are written by hand (``write_boxed_pdf``) with their boxes where real PDFs put them:
inherited from the page tree (jo.pdf's landscape MediaBox is its /Pages'), off the origin, a
CropBox larger than the MediaBox, corners in the other order, and turned by /Rotate.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from reader.formats import load_archive, open_source
from reader.formats.registry import page_source
from reader.model import PageLayout
from tests.formats.pdf_files import ink, write_boxed_pdf

LINES = ["The ferry left at", "noon with a long", "sentence."]
LANDSCAPE = (0, 0, 792, 612)
OFF_ORIGIN = (100, 200, 520, 795)
SHEET = (0, 0, 600, 800)
CROP = (50, 100, 470, 695)

CASES = {
    # jo.pdf: the MediaBox is the page tree's, and a page of its own has none.
    "inherited landscape media box": ({}, {"MediaBox": LANDSCAPE}),
    "inherited media box off the origin": ({}, {"MediaBox": OFF_ORIGIN}),
    "inherited crop box": ({}, {"MediaBox": SHEET, "CropBox": CROP}),
    "crop box of the page's": ({"MediaBox": SHEET, "CropBox": CROP}, {}),
    "media box of the page's off the origin": ({"MediaBox": OFF_ORIGIN}, {}),
    "media box corners the other way": ({"MediaBox": (520, 795, 100, 200)}, {}),
    # Only the media box is shown where the crop box reaches past it.
    "crop box larger than the media box": (
        {"MediaBox": (0, 0, 420, 595), "CropBox": (-30, -40, 450, 640)},
        {},
    ),
    "crop box and rotation inherited": ({}, {"MediaBox": SHEET, "CropBox": CROP, "Rotate": 90}),
}
CASES.update(
    {
        f"inherited crop box, page turned {turn}": (
            {"Rotate": turn},
            {"MediaBox": SHEET, "CropBox": CROP},
        )
        for turn in (90, 180, 270)
    }
)


def _layout(folder: Path) -> PageLayout:
    source = open_source(folder)
    (issue,) = load_archive(source).issues
    reader = page_source(issue.format)
    assert reader is not None
    return reader.read_layout(source, issue, issue.pages[0])


@pytest.mark.parametrize("case", CASES)
def test_word_boxes_sit_on_their_glyphs_as_rendered(tmp_path, case):
    page_entries, tree_entries = CASES[case]
    path = tmp_path / "2022-09-19.pdf"
    shown = write_boxed_pdf(path, LINES, page_entries, tree_entries)
    layout = _layout(tmp_path)
    assert [w.text for w in layout.words] == " ".join(LINES).split()
    width, height = shown[2] - shown[0], shown[3] - shown[1]
    turned = int(page_entries.get("Rotate", tree_entries.get("Rotate", 0))) in (90, 270)
    page = layout.page
    assert (page.width, page.height) == ((height, width) if turned else (width, height))
    # Render at 2 px a point, as the page view does: every word's box holds ink, and the
    # words together cover all of it.
    document = pdfium.PdfDocument(path)
    image = document[0].render(scale=2).to_numpy()
    document.close()
    assert image.shape[:2] == (round(page.height * 2), round(page.width * 2))
    for word in layout.words:
        left, top, right, bottom = (round(v * 2) for v in word.box)
        assert 0 <= left < right <= image.shape[1] and 0 <= top < bottom <= image.shape[0]
        assert image[top:bottom, left:right].min() < 100, word.text
    union = tuple(
        f(b[i] for b in (w.box for w in layout.words)) * 2
        for i, f in enumerate((min, min, max, max))
    )
    assert ink(image) == pytest.approx(union, abs=3)
