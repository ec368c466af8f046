"""The text pane: the open article, its search matches, a find bar, zoom and scroll position."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTextBrowser,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.model import Article, Issue
from reader.ui.article_document import (
    MAX_ZOOM,
    MIN_ZOOM,
    RenderedArticle,
    document_span,
    render_article,
)

MATCH_COLOUR = QColor("#ffe066")
CURRENT_COLOUR = QColor("#ff9f1c")
FIND_COLOUR = QColor("#b3e5fc")
FIND_CURRENT_COLOUR = QColor("#29b6f6")
# The widest the text runs before the margins grow: long CJK lines tire the eye.
MAX_TEXT_WIDTH = 760


@dataclass(frozen=True)
class Span:
    """A search match in an article's field, in Python str offsets (``body`` counts in Article.text)."""

    field: str
    start: int
    end: int


class FindBar(QWidget):
    """Find text inside the open article, like a browser's find bar.

    Signals:
        search_changed(str): the text to find changed.
        next_requested(): Enter, or the down button.
        previous_requested(): Shift+Enter, or the up button.
        closed(): Esc, or the close button.
    """

    search_changed = Signal(str)
    next_requested = Signal()
    previous_requested = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = QLineEdit(self)
        self.field.setClearButtonEnabled(True)
        self.count = QLabel(self)
        self.previous_button = QToolButton(self)
        self.previous_button.setText("▲")
        self.next_button = QToolButton(self)
        self.next_button.setText("▼")
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.close_button)
        self.field.textChanged.connect(self.search_changed)
        self.field.installEventFilter(self)
        self.next_button.clicked.connect(self.next_requested)
        self.previous_button.clicked.connect(self.previous_requested)
        self.close_button.clicked.connect(self.closed)
        self.retranslate()

    def retranslate(self) -> None:
        """Set the visible texts in the current language."""
        self.field.setPlaceholderText(self.tr("Find in article"))
        self.previous_button.setToolTip(self.tr("Previous (Shift+Enter)"))
        self.next_button.setToolTip(self.tr("Next (Enter)"))
        self.close_button.setToolTip(self.tr("Close (Esc)"))

    def show_count(self, current: int, total: int) -> None:
        """Show ``3/12``, or that nothing was found."""
        if not self.field.text():
            self.count.setText("")
        elif total == 0:
            self.count.setText(self.tr("Not found"))
        else:
            self.count.setText(f"{current + 1}/{total}")

    def eventFilter(self, watched: object, event: QEvent) -> bool:
        """Enter, Shift+Enter and Esc in the field."""
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                    self.previous_requested.emit()
                else:
                    self.next_requested.emit()
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.closed.emit()
                return True
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        """Qt override: follow a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class TextPane(QWidget):
    """Shows one article; highlights search matches and finds text in it.

    Signals:
        matches_changed(int, int): the current match (0-based, -1 for none) and how many there are.
    """

    matches_changed = Signal(int, int)

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
        self._matches: list[tuple[int, int]] = []
        self._current = -1
        self._found: list[tuple[int, int]] = []
        self._found_current = -1

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
        self._spans = list(spans)
        self._render()
        self.browser.verticalScrollBar().setValue(0)

    def set_spans(self, spans: Sequence[Span]) -> None:
        """Highlight these search matches in the open article (none clears them)."""
        if list(spans) == self._spans:
            return  # the same search again: keep the current match
        self._spans = list(spans)
        self._compute_matches()
        self._current = -1
        self._update_selections()

    def set_original_text(self, original_text: str | None) -> None:
        """Switch the open article between reflowed text (None) and its original line breaks."""
        if self._article is not None:
            self._original = original_text
            self._rerender()

    def clear(self, message: str = "") -> None:
        """Show nothing but ``message``."""
        self._issue = self._article = self._rendered = None
        self._original = None
        self._spans, self._matches, self._found = [], [], []
        self._current = self._found_current = -1
        self.browser.setExtraSelections([])
        self.browser.setPlainText(message)

    def _render(self) -> None:
        assert self._issue is not None and self._article is not None
        self._rendered = render_article(
            self._issue,
            self._article,
            palette=self.browser.palette(),
            zoom=self._zoom,
            original_text=self._original,
        )
        previous = self._document
        self._document = self._rendered.document
        self.browser.setDocument(self._document)
        self._document.setParent(self.browser)
        # QTextEdit does not delete a document it was given: each article shown would stay.
        if previous is not None:
            previous.deleteLater()
        self._fit_margins()
        self._compute_matches()
        self._current = -1
        self._find_changed(self.find_bar.field.text() if self.find_bar.isVisible() else "")

    # --- search matches ------------------------------------------------------------------

    def _compute_matches(self) -> None:
        self._matches = []
        if self._rendered is None or not self._spans:
            return
        if not self._rendered.original:
            found = (document_span(self._rendered, s.field, s.start, s.end) for s in self._spans)
            self._matches = sorted({m for m in found if m is not None})
            return
        # The original text has other offsets: find the matched words themselves in it.
        assert self._article is not None
        texts = {"title": self._article.title, "kicker": self._article.kicker}
        texts |= {"subtitle": self._article.subtitle, "body": self._article.text}
        words = {texts.get(s.field, "")[s.start : s.end] for s in self._spans}
        found_all: set[tuple[int, int]] = set()
        for word in words:
            if word.strip():
                found_all.update(self._find_all(word))
        self._matches = sorted(found_all)

    @property
    def match_count(self) -> int:
        """How many search matches the open article shows."""
        return len(self._matches)

    @property
    def current_match(self) -> int:
        """The index of the current search match, or -1."""
        return self._current

    def next_match(self) -> None:
        """Go to the next match (of the find bar when it is open, else of the search)."""
        if self._find_active():
            self.find_next()
        elif self._matches:
            self._current = (self._current + 1) % len(self._matches)
            self._go_to(self._matches[self._current])

    def previous_match(self) -> None:
        """Go to the previous match (of the find bar when it is open, else of the search)."""
        if self._find_active():
            self.find_previous()
        elif self._matches:
            self._current = (self._current - 1) % len(self._matches)
            self._go_to(self._matches[self._current])

    def _go_to(self, match: tuple[int, int]) -> None:
        self._update_selections()
        self._scroll_to(match[0])
        if self._find_active():
            self.find_bar.show_count(self._found_current, len(self._found))
        else:
            self.matches_changed.emit(self._current, len(self._matches))

    def _scroll_to(self, position: int) -> None:
        """Bring ``position`` to a third of the way down the view."""
        cursor = QTextCursor(self.browser.document())
        cursor.setPosition(position)
        self.browser.setTextCursor(cursor)
        rect = self.browser.cursorRect(cursor)
        bar = self.browser.verticalScrollBar()
        bar.setValue(bar.value() + rect.top() - self.browser.viewport().height() // 3)

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
        self._found, self._found_current = [], -1
        self._update_selections()
        self.browser.setFocus()

    def find_next(self) -> None:
        """Go to the next place the find bar's text occurs."""
        if self._found:
            self._found_current = (self._found_current + 1) % len(self._found)
            self._go_to(self._found[self._found_current])

    def find_previous(self) -> None:
        """Go to the previous place the find bar's text occurs."""
        if self._found:
            self._found_current = (self._found_current - 1) % len(self._found)
            self._go_to(self._found[self._found_current])

    @property
    def found_count(self) -> int:
        """How many times the find bar's text occurs in the article."""
        return len(self._found)

    def _find_active(self) -> bool:
        return self.find_bar.isVisible() and bool(self.find_bar.field.text())

    @Slot(str)
    def _find_changed(self, text: str) -> None:
        self._found = self._find_all(text) if text and self._rendered is not None else []
        self._found_current = -1
        self._update_selections()
        if self._found:
            self.find_next()
        else:
            self.find_bar.show_count(-1, 0)

    def _find_all(self, text: str) -> list[tuple[int, int]]:
        document: QTextDocument = self.browser.document()
        found = []
        cursor = document.find(text, 0)
        while not cursor.isNull():
            found.append((cursor.selectionStart(), cursor.selectionEnd()))
            cursor = document.find(text, cursor)
        return found

    def _update_selections(self) -> None:
        selections = []
        current = self._matches[self._current] if 0 <= self._current < len(self._matches) else None
        for match in self._matches:
            selections.append(
                self._selection(match, CURRENT_COLOUR if match == current else MATCH_COLOUR)
            )
        found_current = self._found[self._found_current] if self._found_current >= 0 else None
        for match in self._found:
            colour = FIND_CURRENT_COLOUR if match == found_current else FIND_COLOUR
            selections.append(self._selection(match, colour))
        self.browser.setExtraSelections(selections)

    def _selection(self, span: tuple[int, int], colour: QColor) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.browser.document())
        cursor.setPosition(span[0])
        cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        char_format = QTextCharFormat()
        char_format.setBackground(colour)
        char_format.setForeground(QColor("#000000"))
        selection.format = char_format
        return selection

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

    def _rerender(self) -> None:
        """Build the article again where the reader is (zoom, language)."""
        fraction = self.scroll_fraction()
        current, found_current = self._current, self._found_current
        self._render()
        self._current, self._found_current = current, found_current
        self._update_selections()
        self.set_scroll_fraction(fraction)

    def scroll_fraction(self) -> float:
        """How far down the article the view is, from 0 to 1."""
        bar = self.browser.verticalScrollBar()
        return bar.value() / bar.maximum() if bar.maximum() > 0 else 0.0

    def set_scroll_fraction(self, fraction: float) -> None:
        """Scroll to ``fraction`` of the article (laying it out first)."""
        self.browser.document().documentLayout().documentSize()
        bar = self.browser.verticalScrollBar()
        bar.setValue(round(max(0.0, min(1.0, fraction)) * bar.maximum()))

    def changeEvent(self, event: QEvent) -> None:
        """Qt override: set the article again in the new language (byline, page labels)."""
        if event.type() == QEvent.Type.LanguageChange and self._article is not None:
            self._rerender()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Qt override: keep the text column at a readable width."""
        super().resizeEvent(event)
        self._fit_margins()

    def _fit_margins(self) -> None:
        document = self.browser.document()
        frame = document.rootFrame().frameFormat()
        spare = self.browser.viewport().width() - MAX_TEXT_WIDTH
        side = max(24.0, spare / 2)
        if frame.leftMargin() != side:
            frame.setLeftMargin(side)
            frame.setRightMargin(side)
            document.rootFrame().setFrameFormat(frame)
