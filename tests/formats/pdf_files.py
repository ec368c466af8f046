"""Small PDFs made by the tests with pypdfium2: pages of Helvetica lines, or a drawing and no text."""

from __future__ import annotations

import ctypes
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

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
