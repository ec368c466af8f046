"""The page view beside the text pane: which of them shows, and keeping the two in step.

View › Text / Scanned Page / Text and Page (Ctrl+1, 2, 3; Ctrl+Shift+V goes round them) is
remembered. The page follows the article shown and the search's query; a click on a word
shows that article's text there, and turning the page shows an article on it; zoom and F3 act
on the page when it has the focus or is shown alone, and the status bar's zoom is then the
page's. An issue without page images shows its text in the Scanned Page view, which stays the
one chosen for the next issue that has pages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication, QSplitter

from reader.ui.core import settings
from reader.ui.core.actions import Actions
from reader.ui.core.session import Session
from reader.ui.i18n import fill
from reader.ui.pages.library_pages import LibraryPages
from reader.ui.pages.pane import PagePane
from reader.ui.pages.source import PageProvider

if TYPE_CHECKING:
    from reader.ui.app.reading_area import ReadingArea

MODES = ("text", "page", "both")


class PageWiring(QObject):
    """Puts a :class:`PagePane` beside the area's text pane and keeps it in step with it.

    Signals:
        page_zoom(int): the page's zoom in percent while the zoom keys are the page's (0: it
            fits the width), -1 while they are the text's.
        hits_moved(): what :meth:`match_text` says may have changed.
    """

    page_zoom = Signal(int)
    hits_moved = Signal()

    def __init__(self, area: ReadingArea, session: Session, actions: Actions) -> None:
        super().__init__(area)
        self._area, self._session, self._actions = area, session, actions
        self.pane = PagePane(None)
        self.pane.setObjectName("page_pane")
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.setObjectName("text_and_page")
        self.split.setChildrenCollapsible(False)
        policy = self.split.sizePolicy()
        policy.setHorizontalStretch(1)
        self.split.setSizePolicy(policy)
        area.replaceWidget(area.indexOf(area.pane), self.split)
        self.split.addWidget(area.pane)
        self.split.addWidget(self.pane)
        # Side by side, the text and the page share the width (or as the reader left them).
        self.split.setStretchFactor(0, 1)
        self.split.setStretchFactor(1, 1)
        sizes = settings.read("page_split")
        if len(sizes) == 2 and all(isinstance(size, int) and size > 0 for size in sizes):
            self.split.setSizes(sizes)
        self.split.splitterMoved.connect(lambda: settings.write(page_split=self.split.sizes()))
        self._stale = True  # the page does not show the article and query of the moment
        self._turning = False  # the article is being chosen for the page the reader turned to
        self.mode = ""
        mode = settings.read("page_mode")
        self.set_mode(mode if mode in MODES else "text", remember=False)
        self._connect()
        self.set_provider(LibraryPages(session))

    def _connect(self) -> None:
        a, area = self._actions, self._area
        a.show_text.triggered.connect(lambda: self.set_mode("text"))
        a.show_page.triggered.connect(lambda: self.set_mode("page"))
        a.show_both.triggered.connect(lambda: self.set_mode("both"))
        a.switch_view.triggered.connect(self.switch)
        area.browser.moved.connect(self.follow)
        area.search_panel.results_shown.connect(self.follow)
        area.search_panel.mode_changed.connect(self.follow)
        self._session.opened.connect(self._archive_changed)
        self._session.reloaded.connect(self._archive_changed)
        self._session.closed.connect(self.pane.shutdown)
        self.pane.text_clicked.connect(self.show_text_at)
        self.pane.hit_changed.connect(self._hit_changed)
        # Where F3 on the page is among its hits ("" none yet), for the status bar's label.
        self._hit_text = ""
        self.pane.turned.connect(self._turned)
        self.pane.canvas.zoomed.connect(self._note_zoom)
        self._had_keys = False  # whether zoom and F3 were the page's when last said
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)

    def set_provider(self, provider: PageProvider | None) -> None:
        """Read pages through ``provider`` (the session's library; tests may give their own)."""
        self.pane.set_provider(provider)
        self._stale = True
        self.follow()

    # --- which view ----------------------------------------------------------------------

    def set_mode(self, mode: str, *, remember: bool = True) -> None:
        """Show the "text", the "page" or "both"; the choice is remembered."""
        self.mode = mode
        action = {"text": self._actions.show_text, "page": self._actions.show_page}
        action.get(mode, self._actions.show_both).setChecked(True)
        if remember:
            settings.write(page_mode=mode)
        self.follow()

    @property
    def shown(self) -> str:
        """The view shown: the one chosen, but the text for an issue without page images."""
        issue = self._area.pane.issue
        if self.mode == "page" and issue is not None and not issue.pages:
            return "text"
        return self.mode

    def _show_views(self) -> None:
        """Show the panes of the view :attr:`shown`; the one shown alone keeps the focus."""
        shown, text = self.shown, self._area.pane
        # A page view was chosen: the text says why it is there instead, while it is.
        only_text = shown == "text" and self.mode == "page"
        text.set_note(
            "page_view",
            QCoreApplication.translate(
                "MainWindow",
                "This issue has only text, so its text is shown: the archive has no page "
                "images for it.",
            )
            if only_text
            else "",
        )
        if text.isHidden() == (shown == "page") and self.pane.isHidden() == (shown == "text"):
            return
        had_focus = text.hasFocus() or self.pane.isAncestorOf(self._area.focusWidget())
        text.setVisible(shown != "page")
        self.pane.setVisible(shown != "text")
        if had_focus:
            (self.pane if shown == "page" else text).setFocus()

    @Slot()
    def switch(self) -> None:
        """Go round: text, page, both."""
        self.set_mode(MODES[(MODES.index(self.mode) + 1) % len(MODES)])

    def takes_keys(self) -> bool:
        """Whether zoom and F3 are the page's: shown alone, or beside the text with the focus."""
        if self.shown == "page":
            return True
        focus = self._area.focusWidget()
        return self.shown == "both" and (focus is self.pane or self.pane.isAncestorOf(focus))

    def zoom_by(self, step: int | None) -> None:
        """Zoom the page in (1) or out (-1), or fit its width (None); ``zoomed`` says so."""
        if step is None:
            self.pane.canvas.fit_width()
        else:
            self.pane.canvas.zoom_by(step)

    @Slot()
    def _focus_moved(self) -> None:
        """Beside the text, the focus decides whose zoom the status bar shows and whose
        matches its label counts: said again when that changes, not on every focus change."""
        if self.takes_keys() != self._had_keys:
            self._note_zoom()
            self.hits_moved.emit()

    @Slot()
    def _note_zoom(self) -> None:
        canvas = self.pane.canvas
        self._had_keys = self.takes_keys()
        if not self._had_keys:
            self.page_zoom.emit(-1)
        else:
            self.page_zoom.emit(0 if canvas.fit else max(1, round(canvas.scale * 100)))

    # --- following the reader ------------------------------------------------------------

    @Slot()
    def follow(self) -> None:
        """Show the page of the article shown, with the query's hits (when the page is shown)."""
        self._hit_text = ""  # said again below for the hit the page has current, if any
        self._show_views()
        self._note_zoom()
        self._stale = True
        if self.shown == "text":
            self.hits_moved.emit()  # the label counts the text's matches again
            return  # the page is done when it is shown
        self._stale = False
        text = self._area.pane
        if text.issue is None:
            self.pane.clear()
            self.hits_moved.emit()
            return
        article_id = text.article.id if text.article is not None else ""
        search = self._area.search_panel
        query = search.request.query if search.searching else ""
        self.pane.show_article(text.issue, article_id, query, keep_place=self._turning)
        # The label says the hit outlined: the one kept (the same article shown again, after
        # a turn or a hit opened from the list), the first of another, or none.
        if self.pane.current_hit >= 0:
            self._hit_changed(self.pane.current_hit, self.pane.hit_count)
        else:
            self.hits_moved.emit()

    @Slot(int)
    def _turned(self, number: int) -> None:
        """The reader turned to page ``number``: the article list and the text follow to an
        article on it (the first to start there, else the first continued there), as the
        article lists of newspaper viewers do, so the list never claims another page. One
        already on it stays; the page keeps its place."""
        issue, shown = self._area.pane.issue, self._area.pane.article
        if issue is None or (shown is not None and number in shown.pages):
            return
        on = [a for a in issue.articles if number in a.pages]
        starting = [a for a in on if a.pages[0] == number]
        if not on:
            return  # a page no article is on (a plate, an advertisement page): nothing to show
        self._turning = True
        try:
            # Not a place of its own in Back's history: Back goes to where the reader came from.
            self._area.browser.go_to(issue.id, (starting or on)[0].id, record=False)
        finally:
            self._turning = False

    @Slot()
    def _archive_changed(self) -> None:
        self.pane.loader.clear()  # an image may have changed on disk
        self.follow()

    @Slot(str, str, int)
    def show_text_at(self, article_id: str, field: str, offset: int) -> None:
        """Show the article clicked on the page, at that place in its text."""
        text, issue = self._area.pane, self._area.pane.issue
        if issue is None:
            return
        if text.article is None or text.article.id != article_id:
            self._area.browser.go_to(issue.id, article_id)
        if self.mode == "page":
            self.set_mode("both")
        if field:
            text.show_place(field, offset)

    def match_text(self) -> str | None:
        """Where F3 on the page is among its hits ("" none is current), or None while F3 is
        the text's.

        The status bar's label says this rather than the text's matches while F3 is the page's,
        even "" (no box outlined): a passing message said the page's "Match 2 of 2" and the
        label went back to the text's "1 of 2", and the text's count came back after a turn.
        """
        return self._hit_text if self.takes_keys() else None

    @Slot(int, int)
    def _hit_changed(self, current: int, total: int) -> None:
        # The text pane counts matches the page cannot mark (a title it does not print): its
        # "Match 1 of 2" beside the page's "Match 1 of 1" is explained, not left to puzzle.
        unmarked = self.pane.unmarked
        if not total:
            template = QCoreApplication.translate(
                "MainWindow", "No match is marked on the page; the text has %1"
            )
            self._hit_text = fill(template, str(unmarked))
        elif unmarked:
            template = QCoreApplication.translate(
                "MainWindow",
                "Match %1 of %2 on the page; the text has %3 more, not marked on the page",
            )
            self._hit_text = fill(template, str(current + 1), str(total), str(unmarked))
        else:
            template = QCoreApplication.translate("MainWindow", "Match %1 of %2")
            self._hit_text = fill(template, str(current + 1), str(total))
        self.hits_moved.emit()
