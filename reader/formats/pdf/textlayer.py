"""A PDF's pages read one at a time with pypdfium2: each page's characters with their boxes.

pdfium is not thread-safe: everything here runs in the thread (or process) that loads the
archive, one document at a time, and every pdfium object is closed as soon as it is read, so a
500-page PDF holds one page at a time, never all of them. pypdfium2 is imported on first use
(it takes about 0.1 s, which every start of the app and CLI would otherwise pay).
"""

from __future__ import annotations

import ctypes
import functools
import importlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from types import ModuleType
from typing import TYPE_CHECKING

from reader.formats.common import pdfium as pdfium_lock
from reader.formats.common.source import FolderSource, Source
from reader.formats.pdf.layout import Char, Line, build_lines, paragraphs, reading_order
from reader.model import CorruptArchive, Reason, os_reason

if TYPE_CHECKING:
    import pypdfium2 as pdfium

# What pdfium writes that is no character of the page: nothing, its own line breaks, non-characters.
_NOT_TEXT = frozenset({0, 0x0A, 0x0D, 0xFFFE, 0xFFFF})
# What pdfium may mark as a hyphen at a line's end: U+0002 one character at a time, U+FFFE in
# the text of a range.
_HYPHENS = frozenset({0x02, 0x2D, 0xAD, 0x2010, 0x2011, 0xFFFE})
# pdfium's error code for a document that needs a password (FPDF_ERR_PASSWORD).
_PASSWORD_NEEDED = 4
# What a glyph whose font gives it no true Unicode is shown as (see _unmapped).
UNMAPPED = "\ufffd"


@dataclass(frozen=True)
class PageText:
    """One page's text: its lines in reading order, in blocks, each character with its box."""

    number: int
    label: str
    width: float
    height: float
    blocks: list[list[Line]]
    # How the page is shown: its /Rotate (degrees clockwise) and its crop box cut to its
    # media box, in user space (left, bottom, right, top), to turn the characters' boxes
    # into the rendered image's.
    rotation: int = 0
    crop: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)
    # How many characters came from a font that cannot say what its glyphs are (shown as
    # UNMAPPED), and those fonts' names.
    unmapped: int = 0
    unmapped_fonts: tuple[str, ...] = ()

    @property
    def has_text(self) -> bool:
        """Whether the page has a text layer at all (a plain scan has none)."""
        return any(line.text for block in self.blocks for line in block)

    @property
    def printed(self) -> str:
        """The lines as printed, one a line, in reading order (columns right to left)."""
        return "\n".join(line.text for block in self.blocks for line in block if line.text)

    @property
    def paragraphs(self) -> list[str]:
        """The reading text: lines joined, hyphens healed, paragraphs cut where text breaks."""
        return paragraphs(self.blocks)


@functools.cache
def _pdfium() -> ModuleType:
    return importlib.import_module("pypdfium2")


@functools.cache
def _raw() -> ModuleType:
    return importlib.import_module("pypdfium2.raw")


@contextmanager
def opened(source: Source, name: str) -> Iterator[pdfium.PdfDocument]:
    """The PDF ``name`` opened, closed on leaving; unreadable or encrypted: CorruptArchive.

    A folder's PDF is opened by its path, so pdfium reads only the parts it needs; a zip
    member is read into memory first (pdfium needs to seek). pdfium is not thread-safe: the
    document is used under :data:`reader.formats.common.pdfium.LOCK` (the page view renders
    PDF pages in worker threads while the archive may be loading).
    """
    path = source.path_of(name) if isinstance(source, FolderSource) else None
    data = str(path) if path is not None else source.read_bytes(name)
    with pdfium_lock.LOCK:
        try:
            document = _pdfium().PdfDocument(data)
        except _pdfium().PdfiumError as exc:
            raise CorruptArchive(name, _reason(exc)) from exc
        except OSError as exc:
            raise CorruptArchive(name, os_reason(exc)) from exc
        try:
            yield document
        finally:
            document.close()


def _reason(exc: pdfium.PdfiumError) -> Reason:
    if getattr(exc, "err_code", None) == _PASSWORD_NEEDED:
        return Reason.of("pdf_encrypted")
    return Reason.of("pdf_unreadable", detail=exc)


def metadata(document: pdfium.PdfDocument) -> dict[str, str]:
    """The document's information dictionary (Title, CreationDate, ...), empty values left out."""
    try:
        found = document.get_metadata_dict(skip_empty=True)
    except _pdfium().PdfiumError:
        return {}
    return {str(k): str(v).strip() for k, v in found.items() if str(v).strip()}


def pages(document: pdfium.PdfDocument, name: str) -> Iterator[PageText]:
    """Every page's text in page order, each page opened, read and closed before the next."""
    for index in range(len(document)):
        yield page_text(document, index, name)


def page_text(document: pdfium.PdfDocument, index: int, name: str) -> PageText:
    """The text of one page with its character boxes, in reading order.

    The one place the characters are read: the page view will read the boxes of one page
    lazily from here. Boxes are pdfium's ``PdfTextPage.get_charbox`` (``FPDFText_GetCharBox``:
    the glyph's tight box in PDF points, origin bottom left, y upwards); runs of text as
    rectangles would be ``PdfTextPage.get_rect``. Page size is ``PdfPage.get_size`` in points,
    as shown (width and height swapped by a /Rotate of 90 or 270); what is shown is
    ``PdfPage.get_bbox`` (``FPDF_GetPageBoundingBox``), in user space.
    """
    try:
        page = document[index]
    except _pdfium().PdfiumError as exc:
        raise CorruptArchive(name, Reason.of("pdf_unreadable", detail=exc)) from exc
    try:
        width, height = page.get_size()
        # The area pdfium renders: the crop box cut to the media box, either of them
        # inherited from the page tree. get_cropbox reads only the page's own boxes and
        # falls back to a Letter page: jo.pdf's landscape MediaBox is its parent's, and its
        # words sat 180 pt low.
        rotation, crop = page.get_rotation() % 360, page.get_bbox()
        textpage = page.get_textpage()
        try:
            chars = list(_chars(textpage))
            chars, fonts = _unmapped(textpage, chars)
            if rotation in (90, 270):
                chars = _in_content_order(page, textpage, chars)
        finally:
            textpage.close()
    except _pdfium().PdfiumError as exc:
        raise CorruptArchive(name, Reason.of("pdf_unreadable", detail=exc)) from exc
    finally:
        page.close()
    return PageText(
        number=index + 1,
        label=_label(document, index),
        width=width,
        height=height,
        blocks=reading_order(build_lines(chars)),
        rotation=rotation,
        crop=(crop[0], crop[1], crop[2], crop[3]),
        unmapped=sum(char.text == UNMAPPED for char in chars),
        unmapped_fonts=fonts,
    )


def _chars(textpage: pdfium.PdfTextPage) -> Iterator[Char]:
    """The page's characters with their boxes; pdfium's own line breaks are left out."""
    raw = _raw()
    # The raw calls, bound once: a newspaper page has 10,000-40,000 characters.
    handle, unicode_of, box_of = textpage.raw, raw.FPDFText_GetUnicode, raw.FPDFText_GetCharBox
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    box = (ctypes.byref(left), ctypes.byref(right), ctypes.byref(bottom), ctypes.byref(top))
    count = raw.FPDFText_CountChars(handle)
    # The whole text in one call when it lines up with the characters (it nearly always does);
    # one call per character otherwise.
    whole = textpage.get_text_range(0, count, errors="replace") if count else ""
    codes = [ord(c) for c in whole] if len(whole) == count else None
    index = 0
    while index < count:
        code = codes[index] if codes is not None else unicode_of(handle, index)
        start = index
        index += 1
        if 0xD800 <= code < 0xDC00 and index < count:  # a UTF-16 pair (Windows' wchar_t)
            low = codes[index] if codes is not None else unicode_of(handle, index)
            if 0xDC00 <= low < 0xE000:
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                index += 1
        if code in _HYPHENS and raw.FPDFText_IsHyphen(handle, start) == 1:
            text = "-"  # a hyphen pdfium took as a line's end: healed when lines are joined
        elif code in _NOT_TEXT or 0xD800 <= code < 0xE000:
            continue
        else:
            text = chr(code)
        box_of(handle, start, *box)
        yield Char(start, text, left.value, bottom.value, right.value, top.value)


def _unmapped(
    textpage: pdfium.PdfTextPage, chars: list[Char]
) -> tuple[list[Char], tuple[str, ...]]:
    """The characters, those of a font that cannot say what its glyphs are made UNMAPPED.

    A font whose encoding leaves a glyph without Unicode (pdfium's "map error"; the character
    comes out as a control code) has renamed or private glyphs: Japan's official gazette sets
    its dates' digits in such a subset, its /Differences calling them trademark, emdash, oe…,
    so 平成20年 reads 平成™—年. What its other glyphs map to is no more to be trusted, and a
    date or search word made from them would be wrong without a word said: every character of
    that font on the page is shown as U+FFFD instead, and the page's count tells the issue.
    Only control codes are asked about (the text of a page is never one), so a page with none
    costs nothing.
    """
    raw = _raw()
    handle = textpage.raw
    suspects = [c for c in chars if c.text < " "]  # a control code: the text is never one
    errors = [c for c in suspects if raw.FPDFText_HasUnicodeMapError(handle, c.index) == 1]
    if not errors:
        return chars, ()
    # A font is told by its handle: two fonts of a page may share a base name (Helvetica, and
    # Helvetica with its glyphs renamed).
    fonts = {c.index: _font(handle, c.index) for c in chars}
    broken = {fonts[c.index] for c in errors if fonts[c.index] is not None}
    marked = [replace(c, text=UNMAPPED) if fonts[c.index] in broken else c for c in chars]
    names = sorted({_font_name(font) for font in broken if font is not None})
    return marked, tuple(names)


def _font(handle: object, index: int) -> int | None:
    """The font a character is set in, as pdfium's handle (None when pdfium has none)."""
    raw = _raw()
    found = raw.FPDFText_GetTextObject(handle, index)
    font = raw.FPDFTextObj_GetFont(found) if found else None
    address: int | None = ctypes.cast(font, ctypes.c_void_p).value if font else None
    return address


def _font_name(font: int) -> str:
    """A font's base name, as the PDF gives it."""
    raw = _raw()
    buffer = ctypes.create_string_buffer(256)
    raw.FPDFFont_GetBaseFontName(ctypes.cast(font, raw.FPDF_FONT), buffer, len(buffer))
    return buffer.value.decode("latin-1")


def _in_content_order(
    page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, chars: list[Char]
) -> list[Char]:
    """The characters in the order the page's content writes them, not pdfium's.

    pdfium orders the text of a page turned by /Rotate 90 or 270 as it is shown, where the
    lines stand upright and are taken left to right: a turned page's lines come out last
    first. The content stream's order is the order they were written in (a character pdfium
    adds, a space, keeps its place after the one before it).
    """
    raw = _raw()
    objects = (
        raw.FPDFPage_GetObject(page.raw, i) for i in range(raw.FPDFPage_CountObjects(page.raw))
    )
    order = {ctypes.cast(o, ctypes.c_void_p).value: n for n, o in enumerate(objects)}
    keys: list[tuple[int, int]] = []
    place = 0
    for char in chars:
        found = raw.FPDFText_GetTextObject(textpage.raw, char.index)
        place = order.get(ctypes.cast(found, ctypes.c_void_p).value, place) if found else place
        keys.append((place, char.index))
    return [char for _, char in sorted(zip(keys, chars, strict=True), key=lambda kc: kc[0])]


def _label(document: pdfium.PdfDocument, index: int) -> str:
    """The page's printed label when the PDF gives one (A1, iv), else its number."""
    try:
        label = str(document.get_page_label(index) or "").strip()
    except (_pdfium().PdfiumError, AttributeError):
        label = ""
    return label or str(index + 1)
