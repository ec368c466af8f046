"""The window's plain widgets, set up: the issue tree, the article list, the toolbar, the problems button."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
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
            *(
                round(0.3 * h + 0.7 * b)
                for h, b in zip(highlight.getRgb()[:3], base.getRgb()[:3], strict=True)
            )
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
