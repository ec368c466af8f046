"""View › Library: the reader's archives, each with its index state and a tick to include it in searches.

Installed by :func:`install` (called once while the window is built). Opening an archive in
the window puts it on the shelf; Open (Enter) switches the window to one; an archive that is
not where it was is asked for and re-linked (its kept items follow it). A hit of another
archive of a library search opens that archive, then its article.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit

from reader.library.collections_schema import archive_path
from reader.library.shelf import ShelfEntry
from reader.library.shelf_search import index_usable
from reader.model import printable
from reader.ui.app.library_view import LibraryView
from reader.ui.app.relink_dialog import ask_new_location
from reader.ui.core.menu_dock import MenuDock
from reader.ui.i18n import fill

if TYPE_CHECKING:
    from reader.ui.app.window import MainWindow


def install(window: MainWindow) -> LibraryDock:
    """Add the Library dock to the main window (hidden until View › Library)."""
    return LibraryDock(window)


class LibraryDock(MenuDock):
    """The shelf as a list, and the commands on it."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window, "library", window.action_set.library)
        self._window = window
        scope = window.search_panel.scope
        self.keeper, self.indexer = scope.keeper, scope.indexer
        # What to go to once the archive being opened is open: (issue id, article id).
        self._then: tuple[str, str] | None = None
        self.view = LibraryView(self)
        self.list = self.view.list
        self.setWidget(self.view)
        self.place(window, Qt.DockWidgetArea.LeftDockWidgetArea)
        v = self.view
        v.add_folder.triggered.connect(self.choose_folder)
        v.add_zip.triggered.connect(self.choose_zip)
        v.open_button.clicked.connect(lambda: self.open_archive(self.list.current_key))
        v.rename_button.clicked.connect(self.rename_current)
        v.remove_button.clicked.connect(lambda: self.remove(self.list.current_key))
        v.up_button.clicked.connect(lambda: self._move(-1))
        v.down_button.clicked.connect(lambda: self._move(1))
        self.list.opened.connect(self.open_archive)
        self.list.removed.connect(self.remove)
        self.list.searched.connect(self.keeper.set_searched)
        self.keeper.changed.connect(self.refresh)
        self.keeper.unavailable.connect(self._unavailable)
        self.indexer.changed.connect(lambda _key: self.refresh())
        window.search_panel.indexer.started.connect(self.refresh)
        window.search_panel.keeper.ready.connect(self.refresh)
        window.search_panel.other_archive_hit.connect(self.open_hit)
        session = window.session
        session.opened.connect(self._archive_opened)
        self.retranslate()

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.setWindowTitle(self.tr("Library"))
        self.view.retranslate()
        self.refresh()

    def became_visible(self) -> None:
        """List the shelf anew and take the focus."""
        self.refresh()
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def refresh(self) -> None:
        """List the shelf again (when shown)."""
        if self.isHidden():
            return
        here = archive_path(self._window.opened_path) if self._window.opened_path else ""
        self.list.fill(self.keeper.entries(), self.index_state, here)

    def index_state(self, entry: ShelfEntry) -> str:
        """How the archive's index stands, in words."""
        window = self._window
        if not entry.present:
            return self.tr("Not there any more")
        here = window.opened_path and archive_path(window.opened_path) == entry.path
        if here and window.search_panel.indexer.running:
            return self.tr("Indexing…")
        state = self.indexer.state(entry.archive_id)
        if state == "indexing":
            done, total = self.indexer.progress.get(entry.archive_id, (0, 0))
            if total:
                return fill(self.tr("Indexing: %1%"), str(done * 100 // total))
            return self.tr("Indexing…")
        if state == "queued":
            return self.tr("Waiting to be indexed")
        if index_usable(entry.path, window.session.index_root):
            return self.tr("Indexed")
        return self.tr("Not indexed")

    # --- adding, removing, naming ----------------------------------------------------------

    @Slot()
    def choose_folder(self) -> None:
        """Ask for an archive folder and add it to the library."""
        folder = QFileDialog.getExistingDirectory(self._window, self.tr("Add an Archive Folder"))
        if folder:
            self.add(folder)

    @Slot()
    def choose_zip(self) -> None:
        """Ask for a zip of an archive and add it to the library."""
        file, _ = QFileDialog.getOpenFileName(
            self._window,
            self.tr("Add a Zipped Archive"),
            "",
            self.tr("Zipped archives (*.zip);;All files (*)"),
        )
        if file:
            self.add(file)

    def add(self, path: str) -> ShelfEntry | None:
        """Put the archive at ``path`` on the shelf and index it in the background."""
        entry = self.keeper.add(path)
        if entry is not None:
            self.indexer.want([(entry.archive_id, entry.path)])
            self.list_select(entry.archive_id)
        return entry

    def list_select(self, key: str) -> None:
        """Make the archive ``key`` the current row."""
        for row in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(row)
            if item is not None and item.data(0, Qt.ItemDataRole.UserRole) == key:
                self.list.setCurrentItem(item)

    @Slot(str)
    def remove(self, key: str) -> None:
        """Take an archive off the shelf (nothing in it, its index or its kept items goes)."""
        if key:
            self._window.search_panel.scope.open_shelf.forget(key)
            self.keeper.remove(key)

    @Slot()
    def rename_current(self) -> None:
        """Ask for another name for the current archive."""
        entry = self.keeper.entry(self.list.current_key)
        if entry is None:
            return
        name, ok = QInputDialog.getText(
            self._window,
            self.tr("Rename Archive"),
            fill(self.tr("Name of %1 in the library:"), printable(entry.path)),
            QLineEdit.EchoMode.Normal,
            entry.name,
        )
        if ok and name.strip():
            self.keeper.rename(entry.archive_id, name)

    def _move(self, offset: int) -> None:
        key = self.list.current_key
        if key:
            self.keeper.move(key, offset)

    @Slot(str)
    def _unavailable(self, why: str) -> None:
        self._window.show_message(fill(self.tr("Library unavailable: %1"), why))

    # --- opening, re-linking -------------------------------------------------------------

    @Slot(str)
    def open_archive(self, key: str) -> None:
        """Switch the window to the archive ``key`` (asked for first if it moved)."""
        entry = self.keeper.entry(key)
        if entry is None:
            return
        where = entry.path if entry.present else self.relink(entry)
        if where and archive_path(self._window.opened_path or ".") != where:
            self._window.open_path(where)

    def relink(self, entry: ShelfEntry) -> str:
        """Ask where a missing archive is now (a folder, zip or file, as it was); its new path."""
        chosen = ask_new_location(self._window, entry.path)
        if not chosen:
            return ""
        self.keeper.relink(entry.archive_id, chosen)
        return archive_path(chosen)

    @Slot(str, str, str)
    def open_hit(self, key: str, issue_id: str, article_id: str) -> None:
        """Open the archive ``key``, then the article of a library search's hit in it."""
        entry = self.keeper.entry(key)
        if entry is None:
            return
        where = entry.path if entry.present else self.relink(entry)
        if not where:
            return
        if archive_path(self._window.opened_path or ".") == where:
            self._go_to(issue_id, article_id)
        else:
            self._then = (issue_id, article_id)
            self._window.open_path(where)

    @Slot()
    def _archive_opened(self) -> None:
        """Put the archive just opened on the shelf; go to the hit it was opened for."""
        self.keeper.add(self._window.opened_path)
        self.refresh()
        then, self._then = self._then, None
        if then is not None:
            # After the window has gone back to where the reader last was in that archive.
            QTimer.singleShot(0, lambda: self._go_to(*then))

    def _go_to(self, issue_id: str, article_id: str) -> None:
        # As a hit of the archive open would: the article, its first match marked.
        self._window.search_panel.article_opened.emit(issue_id, article_id)
