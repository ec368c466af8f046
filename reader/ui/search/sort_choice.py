"""How the reader orders a search: the order box and the menu in step."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from reader.library import SORTS, Sort
from reader.ui.core.actions import Actions
from reader.ui.search.summary import SearchSummary


class SortChoice(QObject):
    """The order of the hits, as the summary's order box and Search › Sort… show it.

    Signals:
        chosen(str): the reader chose an order (one of ``SORTS``) in the box or the menu.
    """

    chosen = Signal(str)

    def __init__(self, actions: Actions, summary: SearchSummary) -> None:
        super().__init__(summary)
        self._actions = actions
        self._box = summary.sort_box
        summary.sort_chosen.connect(self._box_changed)
        # The menu's actions in the order of SORTS, the box's rows.
        self._menu = (actions.sort_relevance, actions.sort_newest, actions.sort_oldest)
        for action in self._menu:
            action.triggered.connect(self._action_changed)

    @property
    def current(self) -> Sort:
        """The order shown."""
        return SORTS[max(0, self._box.currentIndex())]

    def show(self, sort: Sort) -> None:
        """Show ``sort`` (one of ``SORTS``) in the box and the menu."""
        self._box.setCurrentIndex(SORTS.index(sort))
        self._menu[SORTS.index(sort)].setChecked(True)

    def _box_changed(self, row: int) -> None:
        self.chosen.emit(SORTS[row])

    def _action_changed(self) -> None:
        checked = [action.isChecked() for action in self._menu]
        self.chosen.emit(SORTS[checked.index(True)] if any(checked) else SORTS[0])
