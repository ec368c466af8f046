"""The text pane's matches: the search's and the find bar's, placed, highlighted, stepped through.

The pane shows the article; this keeps where its matches are in each rendering of it and which
is current, and shows them in the pane's browser and find bar.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot

from reader.ui.reading.article_document import RenderedArticle, document_span
from reader.ui.reading.text_matches import Matches, Span, extra_selections, find_in_text
from reader.ui.reading.text_view import scroll_to, visible_positions

if TYPE_CHECKING:
    from reader.ui.reading.text_pane import TextPane

# The most search matches placed and marked in one article, the first in it: placing each
# costs the GUI thread a little, and a 6 MB paragraph of 供热 has 400,000 (F3 steps through
# these; the reading area says how many more there are).
MOST_MARKED = 10_000


class ArticleMatches(QObject):
    """The matches in a text pane's article: the search's, from its spans, and the find bar's.

    Attributes:
        search: Where the search's matches are in the document shown, and the current one.
        found: Where the find bar's text occurs in it, and the current one.
    """

    def __init__(self, pane: TextPane) -> None:
        super().__init__(pane)
        self._pane = pane
        self.search = Matches()
        self.found = Matches()
        self._spans: list[Span] = []
        # The rendering the places are in (None while no article is shown).
        self._rendered: RenderedArticle | None = None
        # The current match and the match count before a switch of text mode (see set_spans).
        self._kept: tuple[int, int] | None = None
        # The document's plain text, for the find bar (None until asked, and after a render).
        self._plain: str | None = None
        # The document positions whose matches are highlighted (see update_selections).
        self._window = (0, -1)
        # While the pane builds its document again (a zoom step), highlights wait for the end:
        # each placing costs Qt a pass over the long paragraph's lines (seconds for 10,000).
        self._held = False
        pane.browser.verticalScrollBar().valueChanged.connect(self.view_moved)

    # --- the search's spans ---------------------------------------------------------------

    def start(self, spans: Sequence[Span]) -> None:
        """Hold another article's spans (placed once it is rendered)."""
        self._kept = None
        self._spans = list(spans)

    def set_spans(self, spans: Sequence[Span]) -> None:
        """Highlight these search matches in the open article (none clears them)."""
        kept, self._kept = self._kept, None
        if list(spans) == self._spans:
            return  # the same search again: keep the current match
        self._spans = list(spans)
        self._compute_matches()
        if kept is not None and kept[1] == len(self.search):
            self.search.current = kept[0]  # the same matches in the other text mode
        self.update_selections()
        self._pane.marks_changed.emit()

    def switch_text(self) -> None:
        """The body is to be shown in its other text: its spans, counted in this one, go.

        The current match and the count are kept for :meth:`set_spans`, which is given the
        spans in the other text.
        """
        self._kept = (self.search.current, len(self.search))
        self._spans = [span for span in self._spans if span.field != "body"]

    def clear(self) -> None:
        """No article is shown: no spans, no matches of either kind."""
        self._rendered = self._plain = None
        self._spans = []
        self.search.reset([])
        self.found.reset([])
        self._pane.marks_changed.emit()

    def rendered(self, rendered: RenderedArticle) -> None:
        """The article was rendered (again): place the spans and find the find bar's text in it."""
        before, self._rendered = self._rendered, rendered
        same = before is not None and (before.fields, before.names, before.paragraphs) == (
            rendered.fields,
            rendered.names,
            rendered.paragraphs,
        )
        bar = self._pane.find_bar
        if same:
            # A zoom step places the text where it was: the search's matches and the find
            # bar's places stay placed (finding again read and folded the whole text), and
            # :meth:`restore` makes the same ones current. A find bar hidden finds nothing.
            if not bar.isVisible():
                self.find_changed("")
            return
        self._plain = None
        self._compute_matches()
        self.find_changed(bar.field.text() if bar.isVisible() else "")

    def current(self) -> tuple[int, int]:
        """The current search match and find bar place, for :meth:`restore`."""
        return self.search.current, self.found.current

    def restore(self, current: tuple[int, int]) -> None:
        """Make the same places current again after the same text was rendered again."""
        # The same text again, so the same matches (unless the find bar has closed meanwhile).
        self.search.restore(current[0])
        self.found.restore(current[1])
        self.update_selections()

    @property
    def total(self) -> int:
        """How many search matches the article has: more than are placed past MOST_MARKED."""
        return len(self._spans) if len(self._spans) > MOST_MARKED else len(self.search)

    def _compute_matches(self) -> None:
        """Place the spans (the first MOST_MARKED) in the document, none of them current."""
        self.search.reset([])
        if self._rendered is None or not self._spans:
            return
        # The spans come in document order (the library's matches are), so these are the first.
        spans = self._spans[:MOST_MARKED]
        found = (document_span(self._rendered, s.field, s.start, s.end) for s in spans)
        self.search.reset(sorted({m for m in found if m is not None}))

    # --- stepping through them ------------------------------------------------------------

    def step(self, delta: int, *, find: bool) -> None:
        """Go ``delta`` places on among the find bar's places (``find``) or the search's matches."""
        if (match := (self.found if find else self.search).step(delta)) is not None:
            self._go_to(match)

    def go_to(self, span: Span) -> None:
        """Make the search match at ``span`` current and bring it into view (a concordance line)."""
        rendered = self._rendered
        place = document_span(rendered, span.field, span.start, span.end) if rendered else None
        if place is not None and self.search.select(place):
            self._go_to(place)
        elif place is not None:
            scroll_to(self._pane.browser, place[0])  # a match past the MOST_MARKED marked

    def _go_to(self, match: tuple[int, int]) -> None:
        # Held: scrolling far places the highlights where the view lands, and then they were
        # placed again here.
        with self.held():
            scroll_to(self._pane.browser, match[0])
            if self.find_active():
                self._pane.find_bar.show_count(self.found.current, len(self.found))

    @contextmanager
    def held(self) -> Iterator[None]:
        """Place no highlights inside the block; place them once, where the view is, after it.

        A block inside another places none either: the outer one places them at its end.
        """
        outer = self._held
        self._held = True
        try:
            yield
        finally:
            self._held = outer
            if not outer:
                self.update_selections()
                self._pane.marks_changed.emit()

    def update_selections(self) -> None:
        """Highlight the search's matches and the find bar's places in and around the view.

        Only those: the view shows a screenful, and 的 has 400,000 matches in a 6 MB paragraph.
        A screenful above and below is highlighted too, so that scrolling a few lines does not
        need new highlights (see :meth:`view_moved`).
        """
        if self._held:
            return
        browser = self._pane.browser
        if not (self.search or self.found):
            self._window = (0, -1)
            browser.setExtraSelections([])
            return
        self._window = visible_positions(browser, around=1)
        selections = extra_selections(
            browser.document(), self.search, self.found, self._pane.palette(), self._window
        )
        browser.setExtraSelections(selections)

    @Slot()
    def view_moved(self) -> None:
        """The view scrolled or changed size: highlight the matches come into it."""
        if self._held or not (self.search or self.found):
            return
        first, last = visible_positions(self._pane.browser)
        if not self._window[0] <= first <= last <= self._window[1]:
            self.update_selections()

    # --- the find bar ---------------------------------------------------------------------

    def find_active(self) -> bool:
        """Whether the find bar is open with text in it (F3 then steps through its places)."""
        bar = self._pane.find_bar
        return bar.isVisible() and bool(bar.field.text())

    def open_find(self) -> None:
        """Show the find bar with its text selected."""
        bar = self._pane.find_bar
        bar.show()
        bar.field.setFocus()
        bar.field.selectAll()
        self.find_changed(bar.field.text())

    def close_find(self) -> None:
        """Hide the find bar and its highlights."""
        self._pane.find_bar.hide()
        self.found.reset([])
        self.update_selections()
        self._pane.browser.setFocus()
        self._pane.marks_changed.emit()

    @Slot(str)
    def find_changed(self, text: str) -> None:
        """Find ``text`` anew and go to its first place."""
        self.found.reset(self._find_all(text) if text and self._rendered is not None else [])
        self.update_selections()
        if self.found:
            self.step(1, find=True)
        else:
            self._pane.find_bar.show_count(-1, 0)
            self._pane.marks_changed.emit()

    def _find_all(self, text: str) -> list[tuple[int, int]]:
        """Where ``text`` occurs in the whole document (see :func:`find_in_text`)."""
        if self._plain is None:
            self._plain = self._pane.browser.document().toPlainText()  # a block break is one "\n"
        return find_in_text(self._plain, text)
