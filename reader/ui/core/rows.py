"""How the article list and the hit list draw their rows: shared roles, an HTML delegate, a focus cue."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

# The article list and the hit list share these roles, so one delegate draws both.
ID_ROLE = Qt.ItemDataRole.UserRole + 1
# Rich text for RichTextDelegate: the row as a small HTML fragment.
HTML_ROLE = Qt.ItemDataRole.UserRole + 2

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


class FocusCue(QObject):
    """Shows which list has the keyboard: the others draw their selection muted.

    The tree, the article list and the hits all select a row at once; in one colour the
    reader cannot tell where Up and Down will act (Thunderbird and Finder mute it the same way).
    """

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self.focused = QPalette(view.palette())
        self.muted = QPalette(self.focused)
        base = self.focused.color(QPalette.ColorRole.Base)
        highlight = self.focused.color(QPalette.ColorRole.Highlight)
        soft = QColor(
            *(round(0.3 * h + 0.7 * b) for h, b in zip(_rgb(highlight), _rgb(base), strict=True))
        )
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            self.muted.setColor(group, QPalette.ColorRole.Highlight, soft)
            self.muted.setColor(
                group,
                QPalette.ColorRole.HighlightedText,
                self.focused.color(QPalette.ColorRole.Text),
            )
        view.setPalette(self.muted)
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Swap the palettes as the view gains and loses the keyboard."""
        if event.type() == QEvent.Type.FocusIn:
            watched.setPalette(self.focused)  # type: ignore[attr-defined]
        elif event.type() == QEvent.Type.FocusOut:
            watched.setPalette(self.muted)  # type: ignore[attr-defined]
        return False


def _rgb(color: QColor) -> tuple[int, int, int]:
    return color.red(), color.green(), color.blue()
