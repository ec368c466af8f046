"""The text pane: the open article, its search matches, a find bar, zoom and scroll position."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from reader.model import Article, Issue
from reader.ui.core.note_bar import NoteBar
from reader.ui.reading.article_document import (
    MAX_ZOOM,
    MIN_ZOOM,
    RenderedArticle,
    document_span,
    render_article,
)
from reader.ui.reading.article_matches import ArticleMatches
from reader.ui.reading.find_bar import FindBar
from reader.ui.reading.text_matches import Span
from reader.ui.reading.text_view import (
    MAX_TEXT_WIDTH,
    fit_margins,
    scroll_fraction,
    scroll_to,
    set_scroll_fraction,
)

# Span and MAX_TEXT_WIDTH moved out; other modules still import them from here.
__all__ = ["MAX_TEXT_WIDTH", "Span", "TextPane"]


class TextPane(QWidget):
    """Shows one article; highlights search matches and finds text in it.

    Signals:
        zoom_changed(int): the zoom steps now (0 is the actual size).
        marks_changed(): which matches are marked or found, or which is current, changed.
    """

    marks_changed = Signal()
    zoom_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.find_bar = FindBar(self)
        self.find_bar.hide()
        # What the reader should know about the text shown, one line per reason (see set_note).
        self.note = NoteBar(self, "text_note")
        self._notes: dict[str, str] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.note)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.browser, 1)
        self.setFocusProxy(self.browser)
        # The search's matches and the find bar's: where they are, which is current, shown.
        self._matches = ArticleMatches(self)
        self.find_bar.search_changed.connect(self._matches.find_changed)
        self.find_bar.next_requested.connect(self.find_next)
        self.find_bar.previous_requested.connect(self.find_previous)
        self.find_bar.closed.connect(self.close_find)

        self._issue: Issue | None = None
        self._article: Article | None = None
        self._original: str | None = None
        self._rendered: RenderedArticle | None = None
        # The document built for the last article (shown, or cleared to a message).
        self._document: QTextDocument | None = None
        self._zoom = 0

    # --- content -------------------------------------------------------------------------

    def set_note(self, reason: str, text: str) -> None:
        """Say ``text`` above the text for ``reason`` ("" takes it away); others stay.

        The reasons: why the text shows where the page view was chosen, and that the issue
        the reader was on was removed from the archive.
        """
        if text:
            self._notes[reason] = text
        else:
            self._notes.pop(reason, None)
        self.note.set_text("\n".join(self._notes.values()))

    @property
    def article(self) -> Article | None:
        """The article shown, or None."""
        return self._article

    @property
    def issue(self) -> Issue | None:
        """The issue of the article shown, or None."""
        return self._issue

    def show_article(
        self,
        issue: Issue,
        article: Article,
        *,
        original_text: str | None = None,
        spans: Sequence[Span] = (),
    ) -> None:
        """Show ``article``; with ``original_text`` the body keeps the file's line breaks."""
        self._issue, self._article, self._original = issue, article, original_text
        self._matches.start(spans)
        with self._matches.held():
            self._render()
            self.browser.verticalScrollBar().setValue(0)

    def set_spans(self, spans: Sequence[Span]) -> None:
        """Highlight these search matches in the open article (none clears them)."""
        self._matches.set_spans(spans)

    @property
    def original_text(self) -> str | None:
        """The original text the body is shown as, or None when it is reflowed."""
        return self._original if self._article is not None else None

    def set_original_text(self, original_text: str | None) -> None:
        """Switch the open article between reflowed text (None) and its original line breaks.

        The body's search spans counted in the other text, so they go: give the new ones with
        :meth:`set_spans` (the current match is kept when there are as many).
        """
        if self._article is not None:
            self._matches.switch_text()
            self._original = original_text
            self._rerender()

    def clear(self, message: str = "") -> None:
        """Show nothing but ``message``."""
        self._issue = self._article = self._rendered = None
        self._original = None
        self._matches.clear()
        self.browser.setExtraSelections([])
        self.browser.setPlainText(message)

    def _render(self) -> None:
        assert self._issue is not None and self._article is not None
        self._rendered = render_article(
            self._issue,
            self._article,
            palette=self.palette(),
            zoom=self._zoom,
            original_text=self._original,
        )
        previous = self._document
        self._document = self._rendered.document
        self.browser.setDocument(self._document)
        self._document.setParent(self.browser)
        # QTextEdit does not delete a document it was given: each article shown would stay.
        if previous is not None:
            # The old highlights' cursors are in it: emptied first, they cost nothing to drop
            # (Qt would look up each one's place in the new layout).
            previous.clear()
            previous.deleteLater()
        self.browser.setExtraSelections([])
        fit_margins(self.browser)
        self._matches.rendered(self._rendered)

    # --- search matches and the find bar (see ArticleMatches) ----------------------------

    @property
    def match_count(self) -> int:
        """How many search matches the open article shows."""
        return len(self._matches.search)

    @property
    def match_total(self) -> int:
        """How many search matches the article has (past MOST_MARKED, more than are shown)."""
        return self._matches.total

    @property
    def current_match(self) -> int:
        """The index of the current search match, or -1."""
        return self._matches.search.current

    def next_match(self) -> None:
        """Go to the next match (of the find bar when it is open, else of the search)."""
        self._matches.step(1, find=self._matches.find_active())

    def previous_match(self) -> None:
        """Go to the previous match (of the find bar when it is open, else of the search)."""
        self._matches.step(-1, find=self._matches.find_active())

    def go_to_match(self, span: Span) -> None:
        """Make the search match at ``span`` current and bring it into view (a concordance line)."""
        self._matches.go_to(span)

    def open_find(self) -> None:
        """Show the find bar with its text selected."""
        self._matches.open_find()

    def close_find(self) -> None:
        """Hide the find bar and its highlights."""
        self._matches.close_find()

    def find_next(self) -> None:
        """Go to the next place the find bar's text occurs."""
        self._matches.step(1, find=True)

    def find_previous(self) -> None:
        """Go to the previous place the find bar's text occurs."""
        self._matches.step(-1, find=True)

    @property
    def found_count(self) -> int:
        """How many times the find bar's text occurs in the article."""
        return len(self._matches.found)

    @property
    def found_current(self) -> int:
        """The index of the find bar's current place, or -1."""
        return self._matches.found.current

    @property
    def finding(self) -> bool:
        """Whether the find bar is open with text in it (F3 steps through its places then)."""
        return self._matches.find_active()

    # --- zoom and scrolling --------------------------------------------------------------

    @property
    def zoom(self) -> int:
        """Zoom steps from the default size (0)."""
        return self._zoom

    def set_zoom(self, steps: int) -> None:
        """Zoom to ``steps`` (each about 10 %), keeping the reading position."""
        steps = max(MIN_ZOOM, min(MAX_ZOOM, steps))
        if steps == self._zoom:
            return
        self._zoom = steps
        if self._article is not None:
            self._rerender()
        self.zoom_changed.emit(steps)

    def _rerender(self) -> None:
        """Build the article again where the reader is (zoom, language)."""
        fraction = self.scroll_fraction()
        current = self._matches.current()
        with self._matches.held():  # highlighted once, where the view ends up
            self._render()
            self._matches.restore(current)
            self.set_scroll_fraction(fraction)

    def show_place(self, field: str, offset: int) -> bool:
        """Scroll to a Python ``str`` offset of a field and select the word there.

        Body offsets count in ``Article.text``: in the original-line-breaks mode the body has
        other offsets, and the view stays where it is (False then, and for a place not shown).
        """
        if self._rendered is None or (field == "body" and self._original is not None):
            return False
        span = document_span(self._rendered, field, offset, offset + 1)
        if span is None:
            return False
        scroll_to(self.browser, span[0])
        cursor = self.browser.textCursor()
        cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        self.browser.setTextCursor(cursor)
        return True

    def scroll_fraction(self) -> float:
        """How far down the article the view is, from 0 to 1."""
        return scroll_fraction(self.browser)

    def set_scroll_fraction(self, fraction: float) -> None:
        """Scroll to ``fraction`` of the article (laying it out first)."""
        set_scroll_fraction(self.browser, fraction)

    def changeEvent(self, event: QEvent) -> None:
        """Qt override: set the article again in the new language or palette (dark mode)."""
        # The document's colours are the palette's, copied in when it was built: a switch to
        # dark mode (the system's, while the app runs) needs it built again.
        relayout = (QEvent.Type.LanguageChange, QEvent.Type.PaletteChange)
        if event.type() in relayout and self._article is not None:
            self._rerender()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        """Qt override: mark the matches in view (it may have another size than when hidden)."""
        super().showEvent(event)
        self._matches.view_moved()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Qt override: keep the text column at a readable width."""
        super().resizeEvent(event)
        fit_margins(self.browser)
        self._matches.view_moved()  # more (or other) text may be in view
