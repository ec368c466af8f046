"""The text pane: the open article, its search matches, a find bar, zoom and scroll position."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Signal, Slot
from PySide6.QtGui import QResizeEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from reader.model import Article, Issue
from reader.ui.reading.article_document import (
    MAX_ZOOM,
    MIN_ZOOM,
    RenderedArticle,
    document_span,
    render_article,
)
from reader.ui.reading.find_bar import FindBar
from reader.ui.reading.text_matches import Matches, Span, extra_selections, find_in_text
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
        matches_changed(int, int): the current match (0-based, -1 for none) and how many there are.
        zoom_changed(int): the zoom steps now (0 is the actual size).
    """

    matches_changed = Signal(int, int)
    zoom_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.find_bar = FindBar(self)
        self.find_bar.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.browser, 1)
        self.setFocusProxy(self.browser)
        self.find_bar.search_changed.connect(self._find_changed)
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
        self._spans: list[Span] = []
        self._matches = Matches()  # the search's, from the spans
        # The current match and the match count before a switch of text mode (see set_spans).
        self._kept: tuple[int, int] | None = None
        self._found = Matches()  # the find bar's
        # The document's plain text, for the find bar (None until asked, and after a render).
        self._plain: str | None = None

    # --- content -------------------------------------------------------------------------

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
        self._kept = None
        self._spans = list(spans)
        self._render()
        self.browser.verticalScrollBar().setValue(0)

    def set_spans(self, spans: Sequence[Span]) -> None:
        """Highlight these search matches in the open article (none clears them)."""
        kept, self._kept = self._kept, None
        if list(spans) == self._spans:
            return  # the same search again: keep the current match
        self._spans = list(spans)
        self._compute_matches()
        if kept is not None and kept[1] == len(self._matches):
            self._matches.current = kept[0]  # the same matches in the other text mode
        self._update_selections()

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
            self._kept = (self._matches.current, len(self._matches))
            self._original = original_text
            self._spans = [span for span in self._spans if span.field != "body"]
            self._rerender()

    def clear(self, message: str = "") -> None:
        """Show nothing but ``message``."""
        self._issue = self._article = self._rendered = None
        self._original = self._plain = None
        self._spans = []
        self._matches.reset([])
        self._found.reset([])
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
        self._plain = None
        self.browser.setDocument(self._document)
        self._document.setParent(self.browser)
        # QTextEdit does not delete a document it was given: each article shown would stay.
        if previous is not None:
            previous.deleteLater()
        fit_margins(self.browser)
        self._compute_matches()
        self._find_changed(self.find_bar.field.text() if self.find_bar.isVisible() else "")

    # --- search matches ------------------------------------------------------------------

    def _compute_matches(self) -> None:
        """Place the spans in the document, none of them current."""
        self._matches.reset([])
        if self._rendered is None or not self._spans:
            return
        found = (document_span(self._rendered, s.field, s.start, s.end) for s in self._spans)
        self._matches.reset(sorted({m for m in found if m is not None}))

    @property
    def match_count(self) -> int:
        """How many search matches the open article shows."""
        return len(self._matches)

    @property
    def current_match(self) -> int:
        """The index of the current search match, or -1."""
        return self._matches.current

    def next_match(self) -> None:
        """Go to the next match (of the find bar when it is open, else of the search)."""
        if self._find_active():
            self.find_next()
        elif (match := self._matches.step(1)) is not None:
            self._go_to(match)

    def previous_match(self) -> None:
        """Go to the previous match (of the find bar when it is open, else of the search)."""
        if self._find_active():
            self.find_previous()
        elif (match := self._matches.step(-1)) is not None:
            self._go_to(match)

    def go_to_match(self, span: Span) -> None:
        """Make the search match at ``span`` current and bring it into view (a concordance line)."""
        rendered = self._rendered
        place = document_span(rendered, span.field, span.start, span.end) if rendered else None
        if place is not None and self._matches.select(place):
            self._go_to(place)

    def _go_to(self, match: tuple[int, int]) -> None:
        self._update_selections()
        scroll_to(self.browser, match[0])
        if self._find_active():
            self.find_bar.show_count(self._found.current, len(self._found))
        else:
            self.matches_changed.emit(self._matches.current, len(self._matches))

    # --- find in article -----------------------------------------------------------------

    def open_find(self) -> None:
        """Show the find bar with its text selected."""
        self.find_bar.show()
        self.find_bar.field.setFocus()
        self.find_bar.field.selectAll()
        self._find_changed(self.find_bar.field.text())

    def close_find(self) -> None:
        """Hide the find bar and its highlights."""
        self.find_bar.hide()
        self._found.reset([])
        self._update_selections()
        self.browser.setFocus()

    def find_next(self) -> None:
        """Go to the next place the find bar's text occurs."""
        if (match := self._found.step(1)) is not None:
            self._go_to(match)

    def find_previous(self) -> None:
        """Go to the previous place the find bar's text occurs."""
        if (match := self._found.step(-1)) is not None:
            self._go_to(match)

    @property
    def found_count(self) -> int:
        """How many times the find bar's text occurs in the article."""
        return len(self._found)

    def _find_active(self) -> bool:
        return self.find_bar.isVisible() and bool(self.find_bar.field.text())

    @Slot(str)
    def _find_changed(self, text: str) -> None:
        self._found.reset(self._find_all(text) if text and self._rendered is not None else [])
        self._update_selections()
        if self._found:
            self.find_next()
        else:
            self.find_bar.show_count(-1, 0)

    def _find_all(self, text: str) -> list[tuple[int, int]]:
        """Where ``text`` occurs in the whole document (see :func:`find_in_text`)."""
        if self._plain is None:
            self._plain = self.browser.document().toPlainText()  # a block break is one "\n"
        return find_in_text(self._plain, text)

    def _update_selections(self) -> None:
        selections = extra_selections(
            self.browser.document(), self._matches, self._found, self.palette()
        )
        self.browser.setExtraSelections(selections)

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
        current, found_current = self._matches.current, self._found.current
        self._render()
        # The same text again, so the same matches (unless the find bar has closed meanwhile).
        self._matches.restore(current)
        self._found.restore(found_current)
        self._update_selections()
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

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Qt override: keep the text column at a readable width."""
        super().resizeEvent(event)
        fit_margins(self.browser)
