"""The menu bar: every action of the window in its menu, and the list of them all by menu."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMenuBar

from reader.ui.core.actions import Actions


class Menus(QObject):
    """The menu bar: every action is in a menu (the shortcuts dialog lists them from here)."""

    def __init__(self, menubar: QMenuBar, actions: Actions) -> None:
        super().__init__(menubar)
        a = actions
        self.file = menubar.addMenu("")
        self.file.addAction(a.open_folder)
        self.file.addAction(a.open_file)
        self.recent = self.file.addMenu("")
        self.file.addAction(a.reload)
        self.file.addSeparator()
        self.file.addActions([a.properties, a.verify])
        self.file.addSeparator()
        self.file.addAction(a.quit)
        self.edit = menubar.addMenu("")
        self.edit.addActions([a.copy_citation, a.copy_gbt, a.copy_chicago, a.find])
        self.edit.addAction(a.save_to_collection)
        self.view = menubar.addMenu("")
        self.view.addActions([a.zoom_in, a.zoom_out, a.zoom_reset])
        self.view.addSeparator()
        self.view.addActions([a.show_text, a.show_page, a.show_both, a.switch_view])
        self.view.addSeparator()
        self.view.addActions([a.original_text, a.problems, a.concordance, a.trends, a.collections])
        self.view.addAction(a.library)
        self.language = self.view.addMenu("")
        self.language.addActions(list(a.languages.values()))
        self.go = menubar.addMenu("")
        self.go.addActions([a.back, a.forward])
        self.go.addSeparator()
        self.go.addActions([a.next_article, a.previous_article, a.next_issue, a.previous_issue])
        self.go.addSeparator()
        self.go.addAction(a.go_to_date)
        self.go.addSeparator()
        self.go.addActions([a.next_pane, a.previous_pane])
        self.search = menubar.addMenu("")
        self.search.addActions(
            [a.search, a.next_match, a.previous_match, a.save_search, a.export_hits]
        )
        self.search.addSeparator()
        self.search.addActions([a.sort_relevance, a.sort_newest, a.sort_oldest])
        self.search.addSeparator()
        self.search.addActions([a.escape, a.update_index, a.cancel_indexing])
        self.help = menubar.addMenu("")
        self.help.addActions([a.shortcuts, a.about])
        self.retranslate()

    def retranslate(self) -> None:
        """Set the menu titles in the current language."""
        self.file.setTitle(self.tr("&File"))
        self.recent.setTitle(self.tr("Open &Recent"))
        self.edit.setTitle(self.tr("&Edit"))
        self.view.setTitle(self.tr("&View"))
        self.language.setTitle(self.tr("&Language"))
        self.go.setTitle(self.tr("&Go"))
        self.search.setTitle(self.tr("&Search"))
        self.help.setTitle(self.tr("&Help"))

    def all_actions(self) -> list[tuple[str, QAction]]:
        """(menu title, action) for every action in a menu, in menu order.

        Titles keep their mnemonics (``&View › &Language``); a submenu's path joins them.
        """
        rows: list[tuple[str, QAction]] = []
        for menu in (self.file, self.edit, self.view, self.go, self.search, self.help):
            rows.extend(self._walk(menu, menu.title()))
        return rows

    def _walk(self, menu: QMenu, path: str) -> list[tuple[str, QAction]]:
        rows: list[tuple[str, QAction]] = []
        for action in menu.actions():
            if action.isSeparator():
                continue
            submenu = action.menu()
            if isinstance(submenu, QMenu):
                if submenu is not self.recent:
                    rows.extend(self._walk(submenu, f"{path} › {submenu.title()}"))
            else:
                rows.append((path, action))
        return rows
