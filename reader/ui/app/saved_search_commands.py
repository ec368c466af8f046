"""The saved searches of the Collections dock: Search › Save Search…, their new hits, opening one.

A search of the library is saved as one (its scope kept): opening it searches the library
again, and its new hits are counted over the library's ticked archives.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QInputDialog

from reader.library import paths, saved_searches
from reader.library.saved_searches import SavedSearch
from reader.ui.i18n import fill
from reader.ui.search import query_errors

if TYPE_CHECKING:
    from reader.ui.app.collections_dock import CollectionsDock
    from reader.ui.app.window import MainWindow

log = logging.getLogger(__name__)


class SavedSearchCommands(QObject):
    """Saves the search shown, counts each saved search's new hits when the index is ready, opens them.

    The counts are worked out on the task runner's thread (a search per saved search of the
    archive open); the file is written on the window's.
    """

    def __init__(self, dock: CollectionsDock, window: MainWindow) -> None:
        super().__init__(dock)
        self._dock = dock
        self._window = window
        self._view = view = dock.searches_view
        view.table.opened.connect(lambda row: self.open_search(view.searches[row]))
        view.table.removed.connect(lambda _row: self._delete_search())
        view.open_button.clicked.connect(self._open_current_search)
        view.delete_button.clicked.connect(self._delete_search)
        window.action_set.save_search.triggered.connect(self.save_search)
        window.search_panel.keeper.ready.connect(self.count_new_hits)

    @Slot()
    def save_search(self) -> None:
        """Search › Save Search…: keep the search shown, named by the reader."""
        window, store = self._window, self._dock.store
        panel = window.search_panel
        request = panel.request
        if window.library is None or store is None or not request.query:
            window.show_message(self.tr("Search first, then save the search."))
            return
        name, ok = QInputDialog.getText(
            window, self.tr("Save Search"), self.tr("Name:"), text=request.query
        )
        if not ok:
            return
        root, library, scope = window.opened_path, window.library, panel.scope.library
        if scope:
            panel.scope.run_many(
                lambda libraries: saved_searches.library_hit_ids(libraries, request),
                on_done=lambda hits: self._search_saved(root, name, request, hits, scope),
                on_error=lambda exc: window.show_message(query_errors.said(exc)),
                channel="saved-search",
            )
            return
        window.session.tasks.run(
            saved_searches.hit_ids,
            library,
            request,
            on_done=lambda hits: self._search_saved(root, name, request, hits, scope),
            on_error=lambda exc: window.show_message(query_errors.said(exc)),
            channel="saved-search",
        )

    def _search_saved(
        self, root: str, name: str, request: Any, hits: frozenset[str], library: bool
    ) -> None:
        store = self._dock.store
        if store is not None:
            with self._dock.changing():
                saved_searches.save(store, root, name, request, hits, library=library)
                if library:
                    text = self.tr("Saved the search %1 (of the library).")
                else:
                    text = self.tr("Saved the search %1.")
                self._window.show_message(fill(text, name))
            self._dock.refresh()

    @Slot()
    def count_new_hits(self) -> None:
        """Count the new hits of the open archive's saved searches, and the library's (its index is ready)."""
        window = self._window
        # A reader who never kept anything has no file: opening an archive does not make one.
        store = self._dock.store if paths.collections_file().exists() else None
        if window.library is None or store is None:
            return
        of_library = [s for s in saved_searches.searches(store) if s.library]
        if of_library:
            window.search_panel.scope.run_many(
                lambda libraries: saved_searches.count_new_many(libraries, of_library),
                on_done=self._counted,
                on_error=lambda exc: log.warning("counting new hits failed: %r", exc),
                channel="saved-search-count-library",
            )
        mine = [s for s in saved_searches.searches(store, window.opened_path) if not s.library]
        if mine:
            window.session.tasks.run(
                saved_searches.count_new,
                window.library,
                mine,
                on_done=self._counted,
                on_error=lambda exc: log.warning("counting new hits failed: %r", exc),
                channel="saved-search-count",
            )

    def _counted(self, counts: dict[int, int]) -> None:
        self._view.new.update(counts)
        self._dock.refresh()

    def open_search(self, search: SavedSearch) -> None:
        """Run a saved search (in its archive, re-linked if it moved); its new hits are seen.

        A search of the library runs in the archive open, if any (it covers the library).
        """
        if search.library and self._window.library is not None:
            self.run_saved(search)
            return
        where = (
            search.archive_path if search.archive_present else self._dock.relink(search.archive_id)
        )
        if where:
            self._dock.open_in(where, ("search", search))

    def run_saved(self, search: SavedSearch) -> None:
        """Run ``search`` in the archive open (its own); what it finds now is no longer new."""
        window = self._window
        panel, library = window.search_panel, window.library
        panel.scope.set_library(search.library)  # the scope it was saved in, never narrowed
        panel.field.setText(search.query)
        panel.search(search.query)
        request = search.request
        for key in (request.day or request.month or request.year, request.publication):
            if key and key == request.publication:
                panel.set_filter(f"publication:{key}")
            elif key:
                panel.set_filter(key)
        if request.archive and panel.request.archive != request.archive:
            panel.set_filter(f"archive:{request.archive}")
        if request.sort != panel.sort:
            panel.set_sort(request.sort)
        self._view.new.pop(search.id, None)
        if search.library:
            panel.scope.run_many(
                lambda libraries: saved_searches.library_hit_ids(libraries, request),
                on_done=lambda hits: self._seen(search.id, hits),
                on_error=lambda exc: None,  # the panel says why the search did not run
                channel="saved-search",
            )
            return
        window.session.tasks.run(
            saved_searches.hit_ids,
            library,
            request,
            on_done=lambda hits: self._seen(search.id, hits),
            on_error=lambda exc: None,  # the panel says why the search did not run
            channel="saved-search",
        )

    def _seen(self, search_id: int, hits: frozenset[str]) -> None:
        store = self._dock.store
        if store is not None:
            with self._dock.changing():
                saved_searches.mark_opened(store, search_id, hits)
            self._dock.refresh()

    @Slot()
    def _open_current_search(self) -> None:
        search = self._view.current_search
        if search is not None:
            self.open_search(search)

    @Slot()
    def _delete_search(self) -> None:
        search, store = self._view.current_search, self._dock.store
        if search is not None and store is not None:
            with self._dock.changing():
                saved_searches.delete(store, search.id)
            self._dock.refresh()
