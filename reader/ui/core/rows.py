"""How the article list and the hit list draw their rows: shared roles, an HTML delegate, a focus cue."""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from reader.model import page_of_title
from reader.ui.core.colours import marks
from reader.ui.i18n import fill

# The article list and the hit list share these roles, so one delegate draws both.
ID_ROLE = Qt.ItemDataRole.UserRole + 1
# Rich text for RichTextDelegate: the row as a small HTML fragment.
HTML_ROLE = Qt.ItemDataRole.UserRole + 2

PADDING = 6


def derived_title(title_html: str) -> str:
    """A row's title made from the article's first words: in italics, in both lists alike."""
    return f"<i>{title_html}</i>"


def shown_title(title: str, page: str | None = None) -> str:
    """``title`` as the window shows it: the title an importer made up for a page it knows no
    title for (``Page 6``, stored so) in the interface's language; any other as it is.

    ``page`` is the article's page, when known: the made-up title names it.
    """
    number = page_of_title(title, page)
    return fill(QCoreApplication.translate("Rows", "Page %1"), number) if number else title


def derived_title_note() -> str:
    """What a row's tooltip says of a title made from the article's first words."""
    return QCoreApplication.translate(
        "Rows", "No title in the file: its first words stand in for one."
    )


class RichTextDelegate(QStyledItemDelegate):
    """Draws HTML rows in a list view, as wide as the view and as tall as their text."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """Qt override."""
        self.initStyleOption(option, index)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text = index.data(HTML_ROLE) or ""
        option.text = ""
        style = option.widget.style() if option.widget else self._view.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        document = self._document(text, option.rect.width(), option.palette, selected)
        painter.save()
        painter.translate(option.rect.left() + PADDING, option.rect.top() + PADDING)
        context = QAbstractTextDocumentLayout.PaintContext()
        group = (
            QPalette.ColorGroup.Active
            if option.state & QStyle.StateFlag.State_Active
            else QPalette.ColorGroup.Inactive
        )
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(group, role))
        context.clip = QRectF(0, 0, option.rect.width() - 2 * PADDING, option.rect.height())
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        """Qt override."""
        width = max(120, self._view.viewport().width())
        document = self._document(index.data(HTML_ROLE) or "", width, option.palette, False)
        return QSize(width, int(document.size().height()) + 2 * PADDING)

    def _document(self, text: str, width: int, palette: QPalette, selected: bool) -> QTextDocument:
        document = QTextDocument()
        document.setDocumentMargin(0)
        document.setDefaultFont(self._view.font())
        dim = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        )
        hit = marks(palette)
        document.setDefaultStyleSheet(
            f".meta {{ color: {dim.name()}; font-size: small; }}"
            f" .hit {{ background-color: {hit.match.name()}; color: {hit.text.name()}; }}"
        )
        document.setHtml(text)
        document.setTextWidth(max(40, width - 2 * PADDING))
        return document


class FocusCue(QObject):
    """Shows which list has the keyboard: the others draw their selection muted.

    The tree, the article list and the hits all select a row at once; in one colour the
    reader cannot tell where Up and Down will act (Thunderbird and Finder mute it the same way).
    The two palettes are made again from the application's when it changes (the system's dark
    mode), since the colours set on the view no longer follow the application's.
    """

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view
        self.focused = QPalette()
        self.muted = QPalette()
        self._source = QPalette()  # the application's palette both were made from
        self._build()
        view.installEventFilter(self)

    def _build(self) -> None:
        """Make both palettes from the application's, and give the view the one that fits.

        Each sets only the roles it changes (the focused one none), so the view still follows
        the application's palette in all the others, and is told when it changes.
        """
        view = self._view
        self._source = QPalette(QApplication.palette(view))
        base = self._source.color(QPalette.ColorRole.Base)
        highlight = self._source.color(QPalette.ColorRole.Highlight)
        soft = QColor(
            *(round(0.3 * h + 0.7 * b) for h, b in zip(_rgb(highlight), _rgb(base), strict=True))
        )
        self.focused = QPalette()
        self.muted = QPalette()
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            self.muted.setColor(group, QPalette.ColorRole.Highlight, soft)
            self.muted.setColor(
                group,
                QPalette.ColorRole.HighlightedText,
                self._source.color(QPalette.ColorRole.Text),
            )
        view.setPalette(self.focused if view.hasFocus() else self.muted)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Swap the palettes as the view gains and loses the keyboard; follow a new palette."""
        kind = event.type()
        if kind == QEvent.Type.FocusIn:
            self._view.setPalette(self.focused)
        elif kind == QEvent.Type.FocusOut:
            self._view.setPalette(self.muted)
        elif kind == QEvent.Type.PaletteChange and QApplication.palette(self._view) != self._source:
            # The application's palette changed (a view with its own palette is told so by a
            # PaletteChange of its own); the view's own setPalette above does not come here.
            self._build()
        return False


def _rgb(color: QColor) -> tuple[int, int, int]:
    return color.red(), color.green(), color.blue()
