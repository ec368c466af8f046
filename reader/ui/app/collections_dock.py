"""View › Collections: kept articles and saved searches across archives; Ctrl+B keeps, Enter opens.

Installed by :func:`install` (called once while the window is built). Opening an item of
another archive opens that archive, then goes to the article; an archive that is not where it
was is asked for (a folder, a zip or an issue file, as it was) and re-linked (article ids do
not depend on its path). Export Collection… writes the items listed, from every archive.
"""

from __future__ import annotations

import logging
import sqlite3
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QMainWindow,
    QTabWidget,
)

from reader.library import paths, saved_searches
from reader.library.collections import Item, Store, locate
from reader.library.collections_schema import archive_path
from reader.model import NotFound
from reader.ui.app.collection_exporting import CollectionExporter
from reader.ui.app.collections_view import CollectionsView, SavedSearchesView
from reader.ui.app.keep_dialog import KeepDialog
from reader.ui.app.relink_dialog import ask_new_location
from reader.ui.app.saved_search_commands import SavedSearchCommands
from reader.ui.core import unwritten
from reader.ui.core.menu_dock import MenuDock
from reader.ui.i18n import fill

if TYPE_CHECKING:
    from reader.ui.app.window import MainWindow

log = logging.getLogger(__name__)


def install(window: QMainWindow) -> CollectionsDock:
    """Add the Collections dock to the main window (hidden until View › Collections)."""
    return CollectionsDock(cast("MainWindow", window))


class CollectionsDock(MenuDock):
    """A dock with two tabs: the collections' items and the saved searches."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window, "collections", window.action_set.collections)
        self._window = window
        self._store: Store | None = None
        self._then: tuple[str, Any] | None = None  # what to do once an archive opens
        self._last = ""
        self.items_view = CollectionsView(self)
        self.searches_view = SavedSearchesView(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.items_view, "")
        self.tabs.addTab(self.searches_view, "")
        self.setWidget(self.tabs)
        self.place(window, Qt.DockWidgetArea.BottomDockWidgetArea)
        window.action_set.save_to_collection.triggered.connect(self.keep)
        v = self.items_view
        v.filters_changed.connect(self.refresh)
        v.table.opened.connect(lambda row: self.open_item(v.items[row]))
        v.table.removed.connect(lambda _row: self._remove_item())
        v.edit_button.clicked.connect(self._edit_item)
        v.relink_button.clicked.connect(self._relink_current)
        v.delete_button.clicked.connect(self._remove_item)
        v.delete_collection_button.clicked.connect(self._delete_collection)
        v.export_button.clicked.connect(self.export_collection)
        v.open_action.triggered.connect(self._open_current)
        v.edit_action.triggered.connect(self._edit_item)
        v.relink_action.triggered.connect(self._relink_current)
        v.delete_action.triggered.connect(self._remove_item)
        v.export_action.triggered.connect(self.export_collection)
        self.exporter = CollectionExporter(window.session, window)
        self.exporter.status.connect(window.show_message)
        session = window.session
        session.opened.connect(self._archive_opened)
        session.closed.connect(self._close)
        # Shift and Ctrl pick several hits, to keep them at once (Ctrl+B).
        hits = window.search_panel.view
        hits.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.searches = SavedSearchCommands(self, window)
        self.retranslate()

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.setWindowTitle(self.tr("Collections"))
        self.tabs.setTabText(0, self.tr("Collections"))
        self.tabs.setTabText(1, self.tr("Saved Searches"))
        self.items_view.retranslate()
        self.searches_view.retranslate()
        self.refresh()

    @property
    def store(self) -> Store | None:
        """The reader's collections file, opened when first needed (None: it cannot be)."""
        if self._store is None:
            try:
                self._store = Store()
            except (OSError, sqlite3.Error) as exc:
                log.warning("the collections cannot be opened: %s", exc)
                why = unwritten.not_opened(paths.collections_file(), exc)
                self._window.show_message(fill(self.tr("Collections unavailable: %1"), why))
        return self._store

    def changing(self) -> AbstractContextManager[None]:
        """A block that changes the collections: a file that will not take it is said."""
        return unwritten.changing_collections(paths.collections_file(), self._refused)

    def _refused(self, why: str) -> None:
        self._window.show_message(fill(self.tr("Your collections could not be changed: %1"), why))

    @Slot()
    def _close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def became_visible(self) -> None:
        """List the items anew and take the focus."""
        self.refresh()
        self.items_view.table.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def refresh(self) -> None:
        """List the collections and saved searches again (when shown)."""
        store = self._store if self.isHidden() else self.store
        if store is None:
            return
        v = self.items_view
        v.set_choices(store.collections(), store.tags())
        v.show_items(store.items(v.chosen_collection, v.chosen_tag))
        self.searches_view.show_searches(saved_searches.searches(store))

    # --- keeping -------------------------------------------------------------------------

    @Slot()
    def keep(self) -> None:
        """Ctrl+B: keep the selected hits (in the hit list) or the open article (again: edit it)."""
        window, store = self._window, self.store
        library = window.library
        if library is None or store is None:
            return
        hit_list = window.search_panel.view
        chosen: list[tuple[Any, Any]] = []
        if hit_list.hasFocus() and window.search_panel.searching:
            for index in sorted(hit_list.selectionModel().selectedRows(), key=lambda i: i.row()):
                hit = hit_list.model().hit(index.row())  # type: ignore[attr-defined]
                try:
                    chosen.append(library.article(hit.article_id))
                except NotFound:
                    continue
        elif window.pane.issue is not None and window.pane.article is not None:
            chosen.append((window.pane.issue, window.pane.article))
        if not chosen:
            return
        names = store.collections()
        note, tags, first = "", tuple[str, ...](), self._last
        if len(chosen) == 1:
            what = chosen[0][1].headline
            kept = store.items_of(window.opened_path, chosen[0][1].id)
            if kept:
                note, tags, first = kept[0].note, kept[0].tags, kept[0].collection
        else:
            what = fill(self.tr("%1 selected hits"), str(len(chosen)))
        if first in names:
            names.remove(first)
            names.insert(0, first)
        dialog = KeepDialog(what, names, note, tags, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._kept(dialog, chosen))
        dialog.open()

    def _kept(self, dialog: KeepDialog, chosen: list[tuple[Any, Any]]) -> None:
        store = self.store
        if store is None:
            return
        self._last = dialog.chosen
        with self.changing():
            for issue, article in chosen:
                store.save(
                    dialog.chosen,
                    self._window.opened_path,
                    issue,
                    article,
                    dialog.chosen_note,
                    dialog.chosen_tags,
                )
            self._window.show_message(fill(self.tr("Saved to the collection %1."), dialog.chosen))
        self.refresh()

    # --- opening, re-linking -------------------------------------------------------------

    def open_item(self, item: Item) -> None:
        """Go to a kept article: in the archive open, or in its own (re-linked if it moved)."""
        where = item.archive_path if item.archive_present else self.relink(item.archive_id)
        if where:
            self.open_in(where, ("item", item))

    def relink(self, archive_id: str) -> str:
        """Ask where a missing archive is now; return its new path ("" if not chosen)."""
        store = self.store
        if store is None:
            return ""
        chosen = ask_new_location(self._window, store.archive_location(archive_id))
        if not chosen:
            return ""
        with self.changing():
            store.relink(archive_id, chosen)
        self.refresh()
        return archive_path(chosen)

    def open_in(self, where: str, then: tuple[str, Any]) -> None:
        """Do ``then`` (go to an item, run a search) in the archive at ``where``, opened if need be."""
        window = self._window
        if window.library is not None and archive_path(window.opened_path) == where:
            self._do(then)
        else:
            self._then = then
            window.open_path(where)

    @Slot()
    def _archive_opened(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            # After the window has gone back to where the reader last was in that archive.
            QTimer.singleShot(0, lambda: self._do(then))

    def _do(self, then: tuple[str, Any]) -> None:
        kind, what = then
        area = self._window.area
        if kind == "item":
            library = self._window.library
            found = (
                locate(library.archive, what, library.find_article) if library is not None else None
            )
            if found is None:
                self._window.show_message(self.tr("That article is no longer in the archive."))
                return
            area.search_panel.browse()
            area.browser.go_to(*found)
            area.pane.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.searches.run_saved(what)

    @Slot()
    def export_collection(self) -> None:
        """Export Collection…: the items listed (the collection chosen, with the tag if one is)."""
        v = self.items_view
        self.exporter.choose(v.export_name, v.items)

    @Slot()
    def _open_current(self) -> None:
        item = self.items_view.current_item
        if item is not None:
            self.open_item(item)

    @Slot()
    def _relink_current(self) -> None:
        item = self.items_view.current_item
        if item is not None:
            self.relink(item.archive_id)

    @Slot()
    def _edit_item(self) -> None:
        item, store = self.items_view.current_item, self.store
        if item is None or store is None:
            return
        dialog = KeepDialog(item.title, [item.collection], item.note, item.tags, self._window)
        dialog.collection.setEnabled(False)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._edited(store, item.id, dialog))
        dialog.open()

    def _edited(self, store: Store, item_id: int, dialog: KeepDialog) -> None:
        with self.changing():
            store.edit(item_id, dialog.chosen_note, dialog.chosen_tags)
        self.refresh()

    @Slot()
    def _remove_item(self) -> None:
        item, store = self.items_view.current_item, self.store
        if item is not None and store is not None:
            with self.changing():
                store.delete_item(item.id)
            self.refresh()

    @Slot()
    def _delete_collection(self) -> None:
        name, store = self.items_view.chosen_collection, self.store
        if name is not None and store is not None:
            with self.changing():
                store.delete_collection(name)
            self.refresh()
