"""The window's chrome, set up: the toolbar and the status bar's buttons."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QHBoxLayout,
    QHeaderView,
    QMainWindow,
    QSizePolicy,
    QStatusBar,
    QToolBar,
    QToolButton,
    QWidget,
)

from reader.ui.app import collections_dock, notices
from reader.ui.core.actions import Actions
from reader.ui.i18n import fill
from reader.ui.reading.article_document import ZOOM_FACTOR


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
    # Docks with their own module are installed here, once, while the window is built (its
    # own file stays small); each finds what it needs on the window.
    collections_dock.install(window)
    return bar


def _names() -> dict[str, tuple[str, str]]:
    """The controls the window names for screen readers, by object name: (name, description)."""

    return {
        "issue_tree": (
            QCoreApplication.translate("MainWindow", "Issues"),
            QCoreApplication.translate(
                "MainWindow", "Publications, years, months and issues; Enter shows the articles"
            ),
        ),
        "article_list": (
            QCoreApplication.translate("MainWindow", "Articles"),
            QCoreApplication.translate(
                "MainWindow", "The articles of the issue chosen; Enter reads one"
            ),
        ),
        "search_results": (
            QCoreApplication.translate("MainWindow", "Search hits"),
            QCoreApplication.translate(
                "MainWindow", "The articles that match the search; Enter reads one"
            ),
        ),
        "search_field": (
            QCoreApplication.translate("MainWindow", "Search the archive"),
            QCoreApplication.translate("MainWindow", "Type words to find and press Enter"),
        ),
        "text_pane": (
            QCoreApplication.translate("MainWindow", "Article"),
            QCoreApplication.translate("MainWindow", "The text of the article chosen"),
        ),
        "toolbar": (QCoreApplication.translate("MainWindow", "Toolbar"), ""),
    }


def name_controls(window: QMainWindow, toolbar: QToolBar) -> None:
    """Give the window's panes, fields and buttons names a screen reader says (in this language).

    Buttons that show a text are named by it; the toolbar's by their action's, the status
    bar's (which keep no keyboard focus: each has a menu command) by what they do.
    """
    for object_name, (name, description) in _names().items():
        for widget in window.findChildren(QWidget, object_name):
            widget.setAccessibleName(name)
            widget.setAccessibleDescription(description)
    for header in window.findChildren(QHeaderView):
        header.setAccessibleName(QCoreApplication.translate("MainWindow", "Issue list headings"))
    pane = window.findChild(QWidget, "text_pane")
    proxy = pane.focusProxy() if pane is not None else None
    if proxy is not None:
        proxy.setAccessibleName(QCoreApplication.translate("MainWindow", "Article"))
    for action in toolbar.actions():
        button = toolbar.widgetForAction(action)
        if button is not None and action.iconText():
            button.setAccessibleName(action.iconText())
    window.menuBar().setAccessibleName(QCoreApplication.translate("MainWindow", "Menu bar"))
    bar = window.statusBar()
    bar.setAccessibleName(QCoreApplication.translate("MainWindow", "Status bar"))
    for button in bar.findChildren(QAbstractButton):
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        if not button.accessibleName():
            button.setAccessibleName(button.text() or button.toolTip())
        button.setAccessibleDescription(button.toolTip())


def set_tab_order(chain: Sequence[QWidget], status_bar: QStatusBar) -> None:
    """Let Tab go through ``chain`` in order (hidden widgets are skipped), never the status bar.

    The window passes search field → tree → article list → search results → text.
    """
    for first, second in itertools.pairwise(chain):
        QWidget.setTabOrder(first, second)
    for widget in status_bar.findChildren(QWidget):
        if widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)


class ProblemsButton(QToolButton):
    """The status bar's pointer to the Problems panel: what it lists, counted as the status bar
    counts it: files and folders that could not be read, and suggested aliases apart.

    Hidden while there are none. Its texts are translated in the ``MainWindow`` context, where
    they were first written.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problems_button")
        self.setAutoRaise(True)
        self._count = self._suggestions = 0
        self.hide()

    def show_count(self, count: int, suggestions: int = 0) -> None:
        """Say that ``count`` files and folders could not be read, and how many aliases are
        suggested.

        The two are counted apart, as the panel lists them and the status bar counts them: a
        suggested alias is no file that could not be read. Hidden when there are neither.
        """
        self._count, self._suggestions = count, suggestions
        self.setVisible(count + suggestions > 0)
        self.setText(notices.problem_count(count, suggestions))
        self.setAccessibleName(self.text().removeprefix("⚠").strip())
        self.setToolTip(
            QCoreApplication.translate(
                "MainWindow",
                "Files and folders that could not be read, and suggested aliases "
                "(View › Problems Panel)",
            )
        )

    def retranslate(self) -> None:
        """Set the texts in the current language."""
        self.show_count(self._count, self._suggestions)


class ReadingIndicators(QWidget):
    """The status bar's note of how the text is shown: its zoom, and the original-lines mode.

    While the zoom keys are the page view's, the zoom noted is the page's (shown when it no
    longer fits the width): the text's beside a zoomed page said the page was at 110 %.
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
        self._page = -1  # the page's zoom in percent while its keys are the page's (0: fit)
        self._original = False
        self.retranslate()

    def show_zoom(self, steps: int) -> None:
        """Note a zoom of the text of ``steps`` (none at the actual size)."""
        self._zoom = steps
        self._show_zoom()

    def show_page_zoom(self, percent: int) -> None:
        """Note the page's zoom (image pixels per 100 screen pixels) while the zoom keys are
        the page's, none while it fits the width; -1: the text's zoom again."""
        self._page = percent
        self._show_zoom()

    def _show_zoom(self) -> None:
        page = self._page >= 0
        self.zoom_button.setText(f"{self._page if page else zoom_percent(self._zoom)}%")
        translate = QCoreApplication.translate
        if page:
            label = translate("MainWindow", "Page zoom: %1")
            tip = translate("MainWindow", "Page zoom; click to fit the page's width (Ctrl+0)")
        else:
            label = translate("MainWindow", "Text size: %1")
            tip = translate("MainWindow", "Text size; click for the actual size (Ctrl+0)")
        self.zoom_button.setAccessibleName(fill(label, self.zoom_button.text()))
        self.zoom_button.setToolTip(tip)
        self.zoom_button.setVisible(self._page > 0 if page else self._zoom != 0)

    def show_original(self, on: bool) -> None:
        """Note whether the text shows the file's original line breaks."""
        self._original = on
        self.mode_button.setVisible(on)

    def retranslate(self) -> None:
        """Set the texts in the current language."""
        self.mode_button.setText(QCoreApplication.translate("MainWindow", "Original lines"))
        self.mode_button.setAccessibleName(self.mode_button.text())
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
