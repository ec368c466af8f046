"""Small PDFs made by the tests: pages of Helvetica lines, or a drawing and no text.

Most are made with pypdfium2; :func:`write_boxed_pdf` writes one by hand, for the page boxes
pypdfium2 cannot make (a MediaBox or CropBox inherited from the page tree).
"""

from __future__ import annotations

import ctypes
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

# A box as PDF writes it: (left, bottom, right, top) in user space, corners in either order.
PdfBox = tuple[float, float, float, float]

WIDTH, HEIGHT = 420.0, 595.0
SIZE = 12.0


def write_pdf(path: Path, pages: list[list[str]]) -> None:
    """A PDF with one page per entry: its lines set top down from the top left; [] is a scan.

    A page with no lines gets a filled rectangle instead: something to see, no text layer.
    """
    document = pdfium.PdfDocument.new()
    try:
        for lines in pages:
            page = document.new_page(WIDTH, HEIGHT)
            if lines:
                _add_lines(document, page, lines)
            else:
                rect = pdfium_c.FPDFPageObj_CreateNewRect(40, 40, WIDTH - 80, HEIGHT - 80)
                pdfium_c.FPDFPageObj_SetFillColor(rect, 120, 110, 100, 255)
                pdfium_c.FPDFPath_SetDrawMode(rect, pdfium_c.FPDF_FILLMODE_ALTERNATE, 0)
                pdfium_c.FPDFPage_InsertObject(page, rect)
            pdfium_c.FPDFPage_GenerateContent(page)
            page.close()
        document.save(path)
    finally:
        document.close()


def _add_lines(document: pdfium.PdfDocument, page: pdfium.PdfPage, lines: list[str]) -> None:
    font = pdfium_c.FPDFText_LoadStandardFont(document, b"Helvetica")
    for number, line in enumerate(lines):
        text = pdfium_c.FPDFPageObj_CreateTextObj(document, font, ctypes.c_float(SIZE))
        encoded = (line + "\0").encode("utf-16-le")
        buffer = ctypes.create_string_buffer(encoded, len(encoded))
        pdfium_c.FPDFText_SetText(text, ctypes.cast(buffer, pdfium_c.FPDF_WIDESTRING))
        y = HEIGHT - 60 - number * SIZE * 1.4
        pdfium_c.FPDFPageObj_Transform(text, 1, 0, 0, 1, 50, y)
        pdfium_c.FPDFPage_InsertObject(page, text)


def write_boxed_pdf(
    path: Path, lines: list[str], page: dict[str, object], tree: dict[str, object]
) -> PdfBox:
    """A one-page PDF with ``page``'s and ``tree``'s entries (MediaBox, CropBox, Rotate) in its
    /Page and its /Pages, written by hand; the lines set top down from the shown area's top left.

    Returns:
        The shown area: the crop box cut to the media box, each the page's or else the tree's.
    """
    media = _normal(page.get("MediaBox") or tree["MediaBox"])
    crop = _normal(page.get("CropBox") or tree.get("CropBox") or media)
    shown = (max(media[0], crop[0]), max(media[1], crop[1]), min(media[2], crop[2]))
    shown += (min(media[3], crop[3]),)
    content = "".join(
        f"BT /F1 {SIZE:g} Tf {shown[0] + 50:g} {shown[3] - 60 - n * SIZE * 1.4:g} Td ({line}) Tj ET\n"
        for n, line in enumerate(lines)
    ).encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1" + _entries(tree) + b" >>",
        b"<< /Type /Page /Parent 2 0 R"
        + _entries(page)
        + b" /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    _write_objects(path, objects)
    return shown


def write_renamed_glyphs_pdf(path: Path) -> None:
    """A page whose date's digits are set in a font that renamed its glyphs, as Japan's
    official gazette does: codes 0x92, 0x97 and 0x9C named trademark, emdash and oe (so read
    as ™, — and œ), and code 1 named c158, which has no Unicode at all."""
    content = (
        b"BT /F1 12 Tf 50 780 Td (Gazette, Friday ) Tj /F2 12 Tf <9297> Tj /F1 12 Tf ( April ) Tj"
        b" /F2 12 Tf <929c01> Tj /F1 12 Tf ( 2008) Tj ET\n"
        b"BT /F1 12 Tf 50 760 Td (The council met on Friday.) Tj ET\n"
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 595 842] >>",
        b"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 4 0 R /F2 6 0 R >> >>"
        b" /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding"
        b" /Differences [1 /c158 146 /trademark 151 /emdash 156 /oe] >> >>",
    ]
    _write_objects(path, objects)


def _write_objects(path: Path, objects: list[bytes]) -> None:
    """A PDF of these objects, numbered from 1 (the first the catalogue), with its xref."""
    data = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(data))
        data += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(data)
    data += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    data += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    data += b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1)
    data += b"startxref\n%d\n%%%%EOF\n" % xref
    path.write_bytes(bytes(data))


def _entries(entries: dict[str, object]) -> bytes:
    def value(v: object) -> str:
        return "[" + " ".join(f"{x:g}" for x in v) + "]" if isinstance(v, tuple) else str(v)

    return "".join(f" /{key} {value(v)}" for key, v in entries.items()).encode("ascii")


def _normal(box: object) -> PdfBox:
    assert isinstance(box, tuple) and len(box) == 4
    left, bottom, right, top = (float(v) for v in box)
    return (min(left, right), min(bottom, top), max(left, right), max(bottom, top))


def ink(image: np.ndarray) -> tuple[int, int, int, int]:
    """The box around the dark pixels of a rendered page (left, top, right, bottom)."""
    rows, columns = np.nonzero(image.min(axis=2) < 128)
    return int(columns.min()), int(rows.min()), int(columns.max()) + 1, int(rows.max()) + 1
