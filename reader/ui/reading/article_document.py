"""Sets an article as a newspaper would, in a QTextDocument, and maps text offsets into it.

The document is built with QTextCursor rather than HTML so that the position of every field and
paragraph is known: search spans arrive as Python ``str`` offsets and are converted to Qt's UTF-16
positions here (a character beyond the BMP such as 𠮷 takes two).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from reader.library.citations import is_chinese
from reader.model import Article, Issue
from reader.ui.core.colours import column_colour
from reader.ui.core.rows import shown_title
from reader.ui.reading.byline import dateline, shown_byline
from reader.ui.reading.positions import PieceOffsets, field_offsets

# Simplified-Chinese families first (Song/Ming for reading, Hei for headlines), each with the
# names it has on Linux, macOS and Windows; Qt falls back along the list per character.
CJK_SERIF = (
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "Songti SC",
    "STSong",
    "SimSun",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "PingFang SC",
    "Microsoft YaHei",
    "WenQuanYi Micro Hei",
)
CJK_SANS = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "PingFang SC",
    "Heiti SC",
    "Microsoft YaHei",
    "SimHei",
    "WenQuanYi Micro Hei",
)
LATIN_SERIF = ("Noto Serif", "Georgia", "Times New Roman", "DejaVu Serif", "Liberation Serif")
LATIN_SANS = ("Noto Sans", "Helvetica Neue", "Arial", "DejaVu Sans", "Liberation Sans")

# Han, kana, Hangul and full-width forms: the letters of a paragraph set justified.
_CJK = re.compile("[\u3000-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\U00020000-\U0003ffff]")

BASE_POINT_SIZE = 12.0
ZOOM_FACTOR = 1.1
MIN_ZOOM, MAX_ZOOM = -6, 12


@dataclass
class RenderedArticle:
    """A built document and where each piece of text starts in it.

    ``fields`` maps ``title``, ``kicker``, ``subtitle`` and ``column`` to (position, text).
    ``names`` holds (position, name) for each author in the byline; its offsets count in the
    names joined as :meth:`Library.byline` joins them (``name_separator`` characters apart),
    whatever the byline shows between them (a full-width space, "By "). ``paragraphs``
    holds (position, text) for each piece of the body: the paragraphs of ``Article.text``
    (joined there by blank lines), or in the original-text mode the lines of the original
    text (joined there by single line breaks). Body offsets count in that joined text.
    """

    document: QTextDocument
    fields: dict[str, tuple[int, str]] = field(default_factory=dict)
    paragraphs: list[tuple[int, str]] = field(default_factory=list)
    original: bool = False
    names: list[tuple[int, str]] = field(default_factory=list)
    name_separator: int = 1

    # Each field's PieceOffsets, made when a span is first placed in it (the document is
    # complete by then: render_article fills fields and paragraphs before it returns).
    _offsets: dict[str, PieceOffsets] = field(default_factory=dict, init=False, repr=False)

    @property
    def separator(self) -> int:
        """How many characters join two body pieces in the text body offsets count in."""
        return 1 if self.original else 2

    def offsets(self, name: str) -> PieceOffsets | None:
        """Where offsets in a field's text (or the body's) are in the document; None if not shown."""
        if name not in self._offsets:
            if name == "body":
                self._offsets[name] = PieceOffsets(self.paragraphs, self.separator)
            elif name == "byline" and self.names:
                self._offsets[name] = PieceOffsets(self.names, self.name_separator)
            elif name in self.fields:
                self._offsets[name] = field_offsets(*self.fields[name])
            else:
                return None
        return self._offsets[name]


def document_span(
    rendered: RenderedArticle, name: str, start: int, end: int
) -> tuple[int, int] | None:
    """The document positions of ``text[start:end]`` of a field.

    ``name`` is ``title``, ``kicker``, ``subtitle``, ``column``, ``byline`` or ``body``; body
    offsets count in the body text shown, byline offsets in the names as the library joins them
    (see :class:`RenderedArticle`). A span may run across a line or paragraph break (供\n热 in
    the original text); the break is one position in the document. Returns None when the span
    is not shown.
    """
    offsets = rendered.offsets(name)
    if offsets is None:
        return None
    if name in ("body", "byline"):
        first = offsets.position(start, is_end=False)
        last = offsets.position(end, is_end=True)
    else:
        first, last = offsets.clamped(start), offsets.clamped(end)
    if first is None or last is None or last <= first:
        return None
    return first, last


def render_article(
    issue: Issue,
    article: Article,
    *,
    palette: QPalette,
    zoom: int = 0,
    original_text: str | None = None,
) -> RenderedArticle:
    """Build the document for ``article``; with ``original_text`` the body keeps its line breaks."""
    document = QTextDocument()
    document.setDocumentMargin(24)
    rendered = RenderedArticle(document, original=original_text is not None)
    chinese = is_chinese(article, issue)
    serif = CJK_SERIF if chinese else LATIN_SERIF + CJK_SERIF
    sans = CJK_SANS if chinese else LATIN_SANS + CJK_SANS
    size = BASE_POINT_SIZE * ZOOM_FACTOR**zoom
    document.setDefaultFont(_font(serif, size))
    text_colour = palette.color(QPalette.ColorRole.Text)
    dim = palette.color(QPalette.ColorRole.PlaceholderText)
    cursor = QTextCursor(document)
    first = True

    def block(
        text: str,
        families: tuple[str, ...],
        scale: float,
        *,
        colour: QColor = text_colour,
        bold: bool = False,
        italic: bool = False,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignHCenter,
        space_after: float = 0.3,
        name: str = "",
    ) -> int:
        nonlocal first
        block_format = QTextBlockFormat()
        block_format.setAlignment(align)
        block_format.setBottomMargin(space_after * size * 1.33)
        block_format.setLineHeight(130, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        char_format = _char_format(families, size * scale, colour, bold)
        char_format.setFontItalic(italic)
        if first:
            cursor.setBlockFormat(block_format)
            cursor.setBlockCharFormat(char_format)
            first = False
        else:
            cursor.insertBlock(block_format, char_format)
        position = cursor.position()
        if name:
            rendered.fields[name] = (position, text)
        cursor.insertText(text, char_format)
        return position

    if article.kicker:
        block(article.kicker, serif, 1.05, colour=dim, name="kicker")
    # A title made from the first words is set in italics, as in the article list and the hits.
    title = article.title or article.headline
    shown = shown_title(title, article.page)
    # A made-up page title worded in the interface's language has no matches to mark.
    name = "title" if shown == title else ""
    block(shown, sans, 1.75, bold=True, italic=article.title_derived, space_after=0.4, name=name)
    if article.subtitle:
        block(article.subtitle, serif, 1.15, name="subtitle")
    if article.column:
        position = block(f"【{article.column}】", sans, 0.9, colour=column_colour(palette))
        rendered.fields["column"] = (position + 1, article.column)  # after the 【 (one unit)
    if article.authors:
        byline, names, rendered.name_separator = shown_byline(article, chinese)
        position = block(byline, serif, 0.95, colour=dim)
        rendered.names = [(position + at, name) for at, name in names]
    block(dateline(issue, article, chinese), sans, 0.85, colour=dim, space_after=1.2)
    _rule(cursor)

    if original_text is not None:
        rendered.paragraphs = _original_body(cursor, original_text, serif, size, text_colour)
    elif article.has_text:
        indent = 2 * QFontMetricsF(_font(serif, size)).horizontalAdvance("\u4e2d") if chinese else 0
        for paragraph in article.paragraphs:
            block_format = QTextBlockFormat()
            block_format.setAlignment(_alignment(paragraph))
            block_format.setTextIndent(indent if chinese else 1.5 * size)
            block_format.setLineHeight(
                175, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
            )
            block_format.setBottomMargin(0.5 * size)
            cursor.insertBlock(block_format, _char_format(serif, size, text_colour, False))
            rendered.paragraphs.append((cursor.position(), paragraph))
            cursor.insertText(paragraph)
    elif article.headline:
        note = QCoreApplication.translate(
            "ArticleDocument", "Only the headline of this article survived in the file."
        )
        block(note, serif, 0.95, colour=dim, align=Qt.AlignmentFlag.AlignLeft)
    else:
        # A page with no text layer (a plain scan) is an article with neither title nor text.
        note = QCoreApplication.translate(
            "ArticleDocument",
            "No text: the file has none for this page (a scan without a text layer).",
        )
        block(note, serif, 0.95, colour=dim, align=Qt.AlignmentFlag.AlignLeft)
    return rendered


def _alignment(paragraph: str) -> Qt.AlignmentFlag:
    """Justified for CJK text, ragged right for any other.

    Qt spreads a justified line of a single word over its width letter by letter: in a narrow
    pane Latin text read "A b o n n e m e n t". CJK text breaks between any two characters,
    so its lines justify evenly.
    """
    sample = "".join(paragraph[:200].split())
    cjk = sum(1 for ch in sample if _CJK.match(ch))
    return Qt.AlignmentFlag.AlignJustify if 2 * cjk >= len(sample) else Qt.AlignmentFlag.AlignLeft


def _original_body(
    cursor: QTextCursor, text: str, families: tuple[str, ...], size: float, colour: QColor
) -> list[tuple[int, str]]:
    """One block per line of ``text``; returns each line's (position, text)."""
    char_format = _char_format(families, size, colour, False)
    lines = []
    for line in text.split("\n"):
        block_format = QTextBlockFormat()
        block_format.setLineHeight(150, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        cursor.insertBlock(block_format, char_format)
        lines.append((cursor.position(), line))
        cursor.insertText(line)
    return lines


def _rule(cursor: QTextCursor) -> None:
    """A thin line under the headline block, as under a newspaper's title area."""
    block_format = cursor.blockFormat()
    block_format.setProperty(QTextFormat.Property.BlockTrailingHorizontalRulerWidth, 1)
    cursor.setBlockFormat(block_format)


def _font(families: tuple[str, ...], size: float) -> QFont:
    font = QFont()
    font.setFamilies(list(families))
    font.setPointSizeF(size)
    return font


def _char_format(
    families: tuple[str, ...], size: float, colour: QColor, bold: bool
) -> QTextCharFormat:
    char_format = QTextCharFormat()
    char_format.setFontFamilies(list(families))
    char_format.setFontPointSize(size)
    char_format.setForeground(colour)
    if bold:
        char_format.setFontWeight(QFont.Weight.Bold)
    return char_format
