"""What a search covers: the archive open, or the library's ticked archives (one ranked hit list).

A library search opens each ticked archive that has an index (once, kept for the next
search), searches them together on the task runner, and names those it could not cover yet:
missing ones, and those without an index, which the :class:`ShelfIndexer` indexes one after
another meanwhile. When one of those is ready, ``coverage_grew`` asks for the search again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QSizePolicy, QWidget

from reader.library import Library
from reader.library.collections_schema import archive_path
from reader.library.searching import SearchOutcome, SearchRequest, run_search_many
from reader.library.shelf_search import OpenShelf
from reader.model import Progress
from reader.ui.core import settings
from reader.ui.core.session import Session
from reader.ui.core.shelf_keeper import ShelfKeeper
from reader.ui.i18n import fill
from reader.ui.indexing.shelf_indexer import ShelfIndexer


class LibraryScope(QObject):
    """The scope box of the search panel, and the library search behind it.

    Signals:
        changed(): the scope was switched (the search shown runs again in the new one).
        coverage_grew(): an archive the last library search left out is indexed now.
    """

    changed = Signal()
    coverage_grew = Signal()

    def __init__(self, session: Session, parent: QWidget) -> None:
        super().__init__(parent)
        self._session = session
        self.keeper = ShelfKeeper(self)
        self.indexer = ShelfIndexer(session, self)
        self.open_shelf = OpenShelf(session.index_root)
        self.box = QComboBox(parent)
        self.box.setObjectName("search_scope")
        self.box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        # As wide as its longest text, always: squeezed, it read "Library (3 ar…".
        self.box.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.box.addItems(["", ""])
        self.box.setCurrentIndex(1 if settings.read("search_scope") == "library" else 0)
        # The keys the last library search could not cover (its message names them).
        self.left_out: tuple[str, ...] = ()
        self.nothing_ticked = False
        self.box.activated.connect(self._chosen)
        self.keeper.changed.connect(self.retranslate)
        self.indexer.finished.connect(self._indexed)
        session.closed.connect(self._close)
        self.retranslate()

    def retranslate(self) -> None:
        """Name the two scopes (the library's with how many archives it searches)."""
        ticked = sum(1 for e in self.keeper.entries() if e.searched) if self._shown_once() else 0
        self.box.setItemText(0, self.tr("This archive"))
        if ticked:
            self.box.setItemText(1, fill(self.tr("Library (%1 archives)"), str(ticked)))
        else:
            self.box.setItemText(1, self.tr("Library"))
        self.box.setToolTip(
            self.tr("Search the archive open, or the archives ticked in the library")
        )

    def _shown_once(self) -> bool:
        # Reading the shelf opens the collections file: not before the box is used.
        return self.box.isVisible() or self.library

    @property
    def library(self) -> bool:
        """Whether searches cover the library."""
        return self.box.currentIndex() == 1

    def set_library(self, library: bool) -> None:
        """Search the library (True) or the archive open (False), remembered for next time."""
        if library != self.library:
            self.box.setCurrentIndex(1 if library else 0)
            self._chosen()

    def _chosen(self, _row: int = 0) -> None:
        settings.write(search_scope="library" if self.library else "archive")
        self.retranslate()
        self.changed.emit()

    def names(self) -> dict[str, str]:
        """The name of each archive of the library, by key."""
        return {e.archive_id: e.name for e in self.keeper.entries()}

    def wanted(self) -> list[tuple[str, str]]:
        """(key, path) of each ticked archive that is where it was."""
        return [(e.archive_id, e.path) for e in self.keeper.entries() if e.searched and e.present]

    def run(
        self,
        request: SearchRequest,
        on_done: Callable[[SearchOutcome], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        """Search the ticked archives for ``request`` on the task runner.

        Archives without an index are queued for indexing, and named in ``left_out`` when the
        outcome arrives (before ``on_done`` is called with it).
        """
        wanted = self.wanted()
        self.nothing_ticked = not any(e.searched for e in self.keeper.entries())
        self.indexer.want(wanted)
        session = self._session
        current = self._current()
        shelf = self.open_shelf
        missing_too = [e.archive_id for e in self.keeper.entries() if e.searched and not e.present]

        def job() -> tuple[SearchOutcome, tuple[str, ...]]:
            libraries, left_out = shelf.libraries(wanted, current)
            return run_search_many(libraries, request), (*left_out, *missing_too)

        def done(answer: tuple[SearchOutcome, tuple[str, ...]]) -> None:
            outcome, self.left_out = answer
            on_done(outcome)

        session.tasks.run(job, on_done=done, on_error=on_error, channel="search")

    def run_many(
        self,
        fn: Callable[..., Any],
        *,
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        channel: str,
        on_progress: Progress | None = None,
    ) -> None:
        """``fn(libraries, ...)`` on the task runner, over the ticked archives with an index.

        For the trends and the concordance of a library search; ``on_progress`` as
        :meth:`Tasks.run <reader.ui.core.tasks.Tasks.run>` has it.
        """
        session = self._session
        current = self._current()
        wanted, shelf = self.wanted(), self.open_shelf

        def job(**progress: Any) -> Any:
            libraries, _left_out = shelf.libraries(wanted, current)
            return fn(libraries, **progress)

        session.tasks.run(
            job, on_done=on_done, on_error=on_error, on_progress=on_progress, channel=channel
        )

    def other_archive(self, hit: Any) -> str:
        """The key of a library search's hit when it is of an archive other than the one open."""
        key = str(getattr(hit, "archive", ""))
        entry = self.keeper.entry(key) if key and self.library else None
        if entry is None:
            return ""
        here = self._session.path
        return key if not here or archive_path(entry.path) != archive_path(here) else ""

    def open_key(self) -> str:
        """The key of the archive open in the library ("" when it is not on the shelf)."""
        here = archive_path(self._session.path) if self._session.path else ""
        return next((e.archive_id for e in self.keeper.entries() if e.path == here), "")

    def open_archive_left_out(self) -> bool:
        """Whether the last library search left out the archive open (it had no index yet)."""
        here = archive_path(self._session.path) if self._session.path else ""
        if not self.library or not here or not self.left_out:
            return False
        return any(e.path == here for e in self.keeper.entries() if e.archive_id in self.left_out)

    def path_of(self, key: str) -> str:
        """Where the archive ``key`` of the library is ("" when gone or not on the shelf)."""
        entry = self.keeper.entry(key)
        return entry.path if entry is not None and entry.present else ""

    def _current(self) -> tuple[str, Library] | None:
        """The archive open, its index folder the session's (set before its indexer starts)."""
        library = self._session.library
        if library is None:
            return None
        library.index_dir(self._session.index_root)
        return self._session.path, library

    def left_out_text(self) -> str:
        """What the last library search did not cover, and why ("" when it covered all)."""
        if self.nothing_ticked:
            return self.tr("No archive of the library is ticked: View › Library chooses them.")
        if not self.left_out:
            return ""
        names = self.names()
        waiting = [names.get(k, k) for k in self.left_out]
        if self.indexer.busy:
            text = self.tr("Not covered yet (being indexed): %1")
        else:
            text = self.tr("Not covered (no index, or not where it was): %1")
        # The translation chooses how a list reads ("、" between Chinese names).
        return fill(text, self.tr(", ").join(waiting))

    def _indexed(self, key: str) -> None:
        self.open_shelf.forget(key)  # its searcher would keep the index it replaced
        if key in self.left_out and self.library:
            self.coverage_grew.emit()

    def _close(self) -> None:
        self.indexer.shutdown()
        self.open_shelf.close()
        self.keeper.close()
