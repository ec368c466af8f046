"""F6 and Shift+F6: the keyboard goes round the window's panes, as in most desktop programs.

The panes, in order: the issue tree, the articles (or the hits), the text, the page, then the
open docks (Problems, concordance, trends, collections, library). Hidden ones are skipped;
Tab still walks the controls inside a pane.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QWidget

from reader.ui.core.focus_frame import FocusFrame

if TYPE_CHECKING:
    from reader.ui.app.window import MainWindow


class PaneFocus(QObject):
    """Moves the focus to the next or previous pane of ``window`` (Go › Next Pane, F6)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        window.action_set.next_pane.triggered.connect(lambda: self.step(1))
        window.action_set.previous_pane.triggered.connect(lambda: self.step(-1))
        # The text and the page have no selection to show the keyboard is in them.
        self.frames = [FocusFrame(window.pane), FocusFrame(window.area.pages.pane)]

    def panes(self) -> list[tuple[QWidget, QWidget]]:
        """(the pane, the widget in it that takes the focus) for every pane shown, in order."""
        w = self._window
        middle = w.search_panel.view if w.middle.currentWidget() is w.search_panel else None
        shown: list[tuple[QWidget, QWidget]] = [
            (w.tree, w.tree),
            (w.middle, middle or w.article_list),
            (w.pane, w.pane),
            (w.area.pages.pane, w.area.pages.pane),
        ]
        docks = [d for d in w.findChildren(QDockWidget) if d.isVisible() and d.widget()]
        docks.sort(key=lambda d: (d.y(), d.x()))
        for dock in docks:
            target = first_focusable(dock.widget())
            if target is not None:
                shown.append((dock, target))
        return [(pane, target) for pane, target in shown if target.isVisible()]

    def step(self, step: int) -> None:
        """Put the focus in the pane ``step`` panes on (negative: back) from the one it is in."""
        panes = self.panes()
        if not panes:
            return
        focus = QApplication.focusWidget()
        at = next(
            (
                i
                for i, (pane, _t) in enumerate(panes)
                if focus is not None and (focus is pane or pane.isAncestorOf(focus))
            ),
            -1 if step > 0 else 0,
        )
        _pane, target = panes[(at + step) % len(panes)]
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)


def first_focusable(widget: QWidget) -> QWidget | None:
    """The first control in ``widget`` (itself included) that Tab would stop at, if shown."""
    for candidate in [widget, *widget.findChildren(QWidget)]:
        takes_tab = bool(candidate.focusPolicy() & Qt.FocusPolicy.TabFocus)
        if (
            takes_tab
            and candidate.isVisible()
            and candidate.isEnabled()
            and not candidate.focusProxy()
        ):
            return candidate
    return None
