"""An item delegate that draws a row's HTML fragment (HTML_ROLE) with word wrap."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from reader.ui.article_list_model import HTML_ROLE

PADDING = 6


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
        document.setDefaultStyleSheet(
            f".meta {{ color: {dim.name()}; font-size: small; }}"
            " .hit { background-color: #ffe066; color: #000000; }"
        )
        document.setHtml(text)
        document.setTextWidth(max(40, width - 2 * PADDING))
        return document
