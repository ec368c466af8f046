"""The page view: which page of the issue is shown, what it lacks, its hits, and the page itself."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from reader.library.pages import HitBox, PageView
from reader.model import CorruptArchive, Issue, Page, ReaderError
from reader.ui.core.note_bar import NoteBar
from reader.ui.i18n import fill
from reader.ui.pages.canvas import PageCanvas
from reader.ui.pages.notes import page_note
from reader.ui.pages.overlay import Marks
from reader.ui.pages.source import PageProvider
from reader.ui.pages.tiles import TileLoader
from reader.ui.problems.reasons import reason_text


class PagePane(QWidget):
    """One page of the open issue, the current article's regions outlined and the hits filled.

    PgUp/PgDn turn the pages of the issue; F3/Shift+F3 step through the article's hits (or the
    page's, with no article), turning to the page each is on.

    Signals:
        text_clicked(str, str, int): a word or region was clicked: the article's id, the field
            and the Python ``str`` offset in it (field "" when only the article is known).
        page_shown(int): the number of the page now shown.
        turned(int): the reader turned to this page (PgUp/PgDn, the arrows, Space).
        hit_changed(int, int): the current hit (0-based) and how many there are (-1, 0: none,
            though the text has ``unmarked`` matches that no page marks).
    """

    text_clicked = Signal(str, str, int)
    page_shown = Signal(int)
    turned = Signal(int)
    hit_changed = Signal(int, int)

    def __init__(self, provider: PageProvider | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.provider = provider
        self.loader = TileLoader(provider, self)
        self.canvas = PageCanvas(self.loader, self)
        self.indicator = QLabel(self)
        self.previous_button = QToolButton(self)
        self.previous_button.setArrowType(Qt.ArrowType.LeftArrow)
        self.next_button = QToolButton(self)
        self.next_button.setArrowType(Qt.ArrowType.RightArrow)
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 2, 6, 2)
        bar.setSpacing(6)
        bar.addWidget(self.previous_button)
        bar.addWidget(self.indicator)
        bar.addWidget(self.next_button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        self.note = NoteBar(self)  # what the page lacks, above it: over it, it hid the top
        layout.addWidget(self.note)
        layout.addWidget(self.canvas, 1)
        self.setFocusProxy(self.canvas)
        self.previous_button.clicked.connect(lambda: self.turn(-1))
        self.next_button.clicked.connect(lambda: self.turn(1))
        self.canvas.turn.connect(self.turn)
        self.canvas.step_hit.connect(self.step_hit)
        self.canvas.clicked.connect(self._clicked)
        self.loader.failed.connect(self._not_decoded)

        self.issue: Issue | None = None
        self.article_id = ""
        self.query = ""
        self.number = 0
        self.view: PageView | None = None
        self._problem = ""  # why the page could not be read, in words
        self._undecoded = ""  # why (a piece of) the scan could not be decoded
        self._hits: list[tuple[int, HitBox]] = []
        self._hit = -1
        self.unmarked = 0  # the article's matches in its text that none of its pages marks
        self.retranslate()

    def set_provider(self, provider: PageProvider | None) -> None:
        """Read pages through ``provider`` from now on (None: pages cannot be shown)."""
        self.provider = self.loader.provider = provider
        self.loader.clear()

    @property
    def pages(self) -> tuple[Page, ...]:
        """The pages of the issue shown (none when it has none)."""
        return self.issue.pages if self.issue is not None else ()

    # --- what is shown -------------------------------------------------------------------

    def show_article(
        self, issue: Issue, article_id: str, query: str, *, keep_place: bool = False
    ) -> None:
        """Show the page of ``issue`` the article's first hit of ``query`` ("" none) is on, that
        hit current, or the article's first page (or stay on the one shown, if it is on it),
        with its regions outlined and the hits marked.

        ``keep_place``: the article was chosen for the page shown (a page turned): the page
        and its place stay, and no hit is current until F3.
        """
        same = self.issue is not None and self.issue.id == issue.id
        # The same page for the same query needs no reading again (only other marks).
        again = not same or query != self.query or self.view is None
        # The article shown again (the view switched, say): its current hit stays current.
        kept = same and article_id == self.article_id and query == self.query
        previous = self._hit
        self.issue, self.article_id, self.query = issue, article_id, query
        article = next((a for a in issue.articles if a.id == article_id), None)
        on = article.pages if article is not None else ()
        number = self.number if same and (not on or self.number in on) else (on or (1,))[0]
        self._hits, self._hit, self.unmarked = [], -1, 0
        if self.provider is not None and article_id and query and self.pages:
            try:
                hits, self.unmarked = self.provider.article_hits(article_id, query)
                self._hits = list(hits)
            except ReaderError:
                self._hits = []  # the page view then shows no hits; the text pane still does
        if kept:
            self._hit = previous if previous < len(self._hits) else -1
        elif self._hits and not keep_place:
            # Opened at its first match, as the text is: that match is current, so F3 goes on
            # to the second (it only outlined the first, staying on "Match 1").
            self._hit = 0
            number = self._hits[0][0]
        self.show_page(number, force=again)
        self._mark()
        if self._hit >= 0 and not kept:
            box = self.canvas.marks.current_box()
            if box is not None:
                self.canvas.ensure_visible(box)

    def clear(self) -> None:
        """Show nothing (no archive open)."""
        self.issue, self.view, self.number, self._hits, self.unmarked = None, None, 0, [], 0
        self._show()

    def show_page(self, number: int, *, force: bool = False) -> None:
        """Show page ``number`` of the issue (1-based), if there is one."""
        if not self.pages or not 1 <= number <= len(self.pages):
            self.number, self.view = 0, None
            self._show()
            return
        if number == self.number and self.view is not None and not force:
            return
        self.number, self.view, self._problem, self._undecoded = number, None, "", ""
        if self.issue is not None and self.provider is not None:
            try:
                self.view = self.provider.page_view(self.issue.id, number, self.query)
            except ReaderError as exc:
                why = exc.reason if isinstance(exc, CorruptArchive) else None
                self._problem = reason_text(why) if why is not None else str(exc)
        self._show()
        self.page_shown.emit(number)

    def _show(self) -> None:
        view = self.view
        page = self.pages[self.number - 1] if self.number else None
        key = (self.issue.id if self.issue else "", self.number)
        if view is None:
            self.canvas.set_page(key, None, (0, 0), False)
        else:
            self.canvas.set_page(key, page, view.size, view.has_image, view.words)
        self.note.set_text(self._message())
        self._mark()
        self._update_bar()

    def _mark(self) -> None:
        view = self.view
        if view is None:
            self.canvas.set_marks(Marks())
            return
        outlined = tuple(
            r.box for r in view.regions if self.article_id and r.article == self.article_id
        )
        if len(outlined) == len(view.regions):
            # The article is the whole page (a page without article zoning): nothing to set
            # apart, and outlining every block of it would only hide the print.
            outlined = ()
        hits = list(view.hits)
        current = -1
        if 0 <= self._hit < len(self._hits):
            number, hit = self._hits[self._hit]
            if number == self.number:
                if hit not in hits:
                    hits.append(hit)
                current = hits.index(hit)
        self.canvas.set_marks(Marks(outlined, tuple(h.boxes for h in hits), current))

    # --- moving --------------------------------------------------------------------------

    @Slot(int)
    def turn(self, step: int) -> None:
        """Turn ``step`` pages on (negative: back) within the issue."""
        target = self.number + step
        if self.pages and 1 <= target <= len(self.pages):
            self.show_page(target)
            if step < 0 and self.sender() is self.canvas:
                bar = self.canvas.verticalScrollBar()
                bar.setValue(bar.maximum())  # back from a page's top: the previous page's end
            self.turned.emit(target)

    @Slot(int)
    def step_hit(self, step: int) -> None:
        """Go to the next (1) or previous (-1) hit, on whichever page of the article it is."""
        if not self._hits and self.view is not None:
            self._hits = [(self.number, hit) for hit in self.view.hits]
        if not self._hits:
            if self.unmarked:
                self.hit_changed.emit(-1, 0)  # the text has matches: say why none is shown
            return
        self._hit = (self._hit + step) % len(self._hits)
        number = self._hits[self._hit][0]
        if number != self.number:
            self.show_page(number)
        self._mark()
        box = self.canvas.marks.current_box()
        if box is not None:
            self.canvas.ensure_visible(box)
        self.hit_changed.emit(self._hit, len(self._hits))

    @property
    def current_hit(self) -> int:
        """The index of the current hit (-1 none)."""
        return self._hit

    @property
    def hit_count(self) -> int:
        """How many hits F3 steps through."""
        return len(self._hits)

    @Slot(float, float)
    def _clicked(self, x: float, y: float) -> None:
        view = self.view
        if view is None or self.provider is None:
            return
        found = self.provider.text_at(view, x, y)
        if found is not None:
            self.text_clicked.emit(*found)
            return
        for region in view.regions:
            left, top, right, bottom = region.box
            if region.article and left <= x <= right and top <= y <= bottom:
                self.text_clicked.emit(region.article, "", 0)
                return

    @Slot(object, str)
    def _not_decoded(self, key: object, message: str) -> None:
        """A piece of the scan shown could not be decoded: say so (once) over the page."""
        shown = (self.issue.id if self.issue else "", self.number)
        if isinstance(key, tuple) and key[0] == shown and not self._undecoded:
            self._undecoded = message
            self.note.set_text(self._message())

    # --- words ---------------------------------------------------------------------------

    def _message(self) -> str:
        return page_note(
            self.issue, self.provider is not None, self.view, self._problem, self._undecoded
        )

    def _update_bar(self) -> None:
        total = len(self.pages)
        if not self.number:
            self.indicator.setText(self.tr("No page") if self.issue is not None else "")
        else:
            text = fill(self.tr("Page %1 of %2"), str(self.number), str(total))
            label = self.pages[self.number - 1].label
            if label and label != str(self.number):
                text = fill(
                    self.tr("Page %1 of %2 (printed %3)"), str(self.number), str(total), label
                )
            self.indicator.setText(text)
        self.previous_button.setEnabled(self.number > 1)
        self.next_button.setEnabled(0 < self.number < total)

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.previous_button.setToolTip(self.tr("Previous Page (PgUp)"))
        self.next_button.setToolTip(self.tr("Next Page (PgDn)"))
        self.note.set_text(self._message())
        self._update_bar()
        self.canvas.viewport().update()

    def changeEvent(self, event: QEvent) -> None:
        """Qt override: follow a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def shutdown(self) -> None:
        """Wait for the decoding in progress (the window is closing)."""
        self.loader.shutdown()
