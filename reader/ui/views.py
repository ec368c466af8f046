"""The window's plain widgets, set up: issue tree, article list, toolbar, status bar buttons."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QListView,
    QMainWindow,
    QSizePolicy,
    QToolBar,
    QToolButton,
    QTreeView,
    QWidget,
)

from reader.ui.actions import Actions
from reader.ui.article_document import ZOOM_FACTOR
from reader.ui.article_list_model import ArticleListModel
from reader.ui.i18n import fill
from reader.ui.issue_tree_model import IssueTreeModel
from reader.ui.rich_delegate import RichTextDelegate


def issue_tree(model: IssueTreeModel, parent: QWidget) -> QTreeView:
    """The publication › year › month › issue tree, its count column fitted to the numbers."""
    tree = QTreeView(parent)
    tree.setObjectName("issue_tree")
    tree.setModel(model)
    tree.setUniformRowHeights(True)
    tree.setIndentation(14)
    header = tree.header()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
    FocusCue(tree)
    return tree


def article_list(model: ArticleListModel, parent: QWidget) -> QListView:
    """The articles of the chosen issue, each drawn as kicker, title and details."""
    view = QListView(parent)
    view.setObjectName("article_list")
    view.setModel(model)
    view.setItemDelegate(RichTextDelegate(view))
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setWordWrap(True)
    FocusCue(view)
    return view


def toolbar(window: QMainWindow, actions: Actions, search_field: QWidget) -> QToolBar:
    """Back, forward, previous and next issue on the left; the search field on the right."""
    bar = window.addToolBar("")
    bar.setObjectName("toolbar")
    bar.setMovable(False)
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    bar.addActions([actions.back, actions.forward])
    bar.addSeparator()
    bar.addActions([actions.previous_issue, actions.next_issue])
    spacer = QWidget(window)
    spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    bar.addWidget(spacer)
    bar.addWidget(search_field)
    return bar


class ProblemsButton(QToolButton):
    """The status bar's pointer to the Problems panel: how many files could not be read.

    Hidden while there are none. Its texts are translated in the ``MainWindow`` context, where
    they were first written.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problems_button")
        self.setAutoRaise(True)
        self._count = 0
        self.hide()

    def show_count(self, count: int) -> None:
        """Say that ``count`` files could not be read (hide when none)."""
        self._count = count
        self.setVisible(count > 0)
        self.setText(fill(QCoreApplication.translate("MainWindow", "⚠ Problems: %1"), str(count)))
        self.setToolTip(
            QCoreApplication.translate(
                "MainWindow", "Files that could not be read (View › Problems Panel)"
            )
        )

    def retranslate(self) -> None:
        """Set the texts in the current language."""
        self.show_count(self._count)


class ReadingIndicators(QWidget):
    """The status bar's note of how the text is shown: its zoom, and the original-lines mode.

    Each shows only when it is not the default ("110%", "Original lines"); a click on one
    goes back to the default. Its texts are translated in the ``MainWindow`` context.

    Signals:
        reset_zoom(): the zoom note was clicked.
        reflow(): the original-lines note was clicked.
    """

    reset_zoom = Signal()
    reflow = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zoom_button = QToolButton(self)
        self.zoom_button.setObjectName("zoom_indicator")
        self.mode_button = QToolButton(self)
        self.mode_button.setObjectName("mode_indicator")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        for button in (self.zoom_button, self.mode_button):
            button.setAutoRaise(True)
            button.hide()
            layout.addWidget(button)
        self.zoom_button.clicked.connect(self.reset_zoom)
        self.mode_button.clicked.connect(self.reflow)
        self._zoom = 0
        self._original = False
        self.retranslate()

    def show_zoom(self, steps: int) -> None:
        """Note a zoom of ``steps`` (none at the actual size)."""
        self._zoom = steps
        self.zoom_button.setText(f"{zoom_percent(steps)}%")
        self.zoom_button.setVisible(steps != 0)

    def show_original(self, on: bool) -> None:
        """Note whether the text shows the file's original line breaks."""
        self._original = on
        self.mode_button.setVisible(on)

    def retranslate(self) -> None:
        """Set the texts in the current language."""
        self.zoom_button.setToolTip(
            QCoreApplication.translate(
                "MainWindow", "Text size; click for the actual size (Ctrl+0)"
            )
        )
        self.mode_button.setText(QCoreApplication.translate("MainWindow", "Original lines"))
        self.mode_button.setToolTip(
            QCoreApplication.translate(
                "MainWindow",
                "The text keeps the line breaks of the file; click to reflow it (Ctrl+U)",
            )
        )
        self.show_zoom(self._zoom)
        self.show_original(self._original)


def zoom_percent(steps: int) -> int:
    """The text size at ``steps`` of zoom, in percent of the actual size."""
    return round(100 * ZOOM_FACTOR**steps)


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
