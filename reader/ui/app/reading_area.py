"""The reading area: issue tree, article list (or search results) and text pane, kept in step."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QSplitter, QStackedWidget, QWidget

from reader.library import Library, citations
from reader.library.concordance import marked_span
from reader.library.concordance_lines import ConcordanceLine
from reader.model import ReaderError
from reader.ui import i18n
from reader.ui.app.page_wiring import PageWiring
from reader.ui.browse.article_list import ArticleListModel, article_list
from reader.ui.browse.browser import Browser
from reader.ui.browse.go_to_date import GoToDateDialog
from reader.ui.browse.issue_tree import IssueTreeModel, issue_tree
from reader.ui.core.actions import Actions
from reader.ui.core.session import Session
from reader.ui.reading.text_pane import Span, TextPane
from reader.ui.search.panel import SearchPanel


class ReadingArea(QSplitter):
    """The three panes side by side, and the reading commands (Go, Search, zoom, copy) on them.

    The text pane marks the matches of the search shown; opening a hit brings the first match
    into view. Its texts are translated in the ``MainWindow`` context, where they were first
    written.

    Signals:
        status(str): a message for the status bar ("" clears it).
    """

    status = Signal(str)

    def __init__(self, session: Session, actions: Actions, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("splitter")
        self._session = session
        self._actions = actions
        self.tree_model = IssueTreeModel(locale=i18n.locale_for(i18n.current()))
        self.tree = issue_tree(self.tree_model, self)
        self.article_model = ArticleListModel()
        self.article_list = article_list(self.article_model, self)
        self.search_panel = SearchPanel(session, actions, parent=self)
        self.middle = QStackedWidget(self)
        self.middle.addWidget(self.article_list)
        self.middle.addWidget(self.search_panel)
        self.pane = TextPane(self)
        self.pane.setObjectName("text_pane")
        self.browser = Browser(self.tree, self.article_list, self.pane, session, self)
        for widget in (self.tree, self.middle, self.pane):
            self.addWidget(widget)
        self.setStretchFactor(2, 1)
        self.setSizes([300, 330, 650])
        # Whether the panes have sizes of the reader's (moved, or restored as saved): then the
        # tree is not widened to its labels.
        self.sizes_chosen = False
        self.splitterMoved.connect(self._moved)
        # The scanned page beside (or instead of) the text pane.
        self.pages = PageWiring(self, session, actions)
        self._connect(actions)
        self.update_actions()

    def _connect(self, a: Actions) -> None:
        a.copy_citation.triggered.connect(lambda: self.copy_article())
        a.copy_gbt.triggered.connect(lambda: self.copy_article(citations.GBT))
        a.copy_chicago.triggered.connect(lambda: self.copy_article(citations.CHICAGO))
        a.find.triggered.connect(self.pane.open_find)
        a.zoom_in.triggered.connect(partial(self.zoom_by, 1))
        a.zoom_out.triggered.connect(partial(self.zoom_by, -1))
        a.zoom_reset.triggered.connect(partial(self.zoom_by, None))
        a.original_text.toggled.connect(self._set_original)
        a.back.triggered.connect(self.browser.back)
        a.forward.triggered.connect(self.browser.forward)
        a.next_article.triggered.connect(partial(self.browser.step_article, 1))
        a.previous_article.triggered.connect(partial(self.browser.step_article, -1))
        a.next_issue.triggered.connect(partial(self.browser.step_issue, 1))
        a.previous_issue.triggered.connect(partial(self.browser.step_issue, -1))
        a.go_to_date.triggered.connect(self.choose_date)
        a.next_match.triggered.connect(partial(self.step_match, 1))
        a.previous_match.triggered.connect(partial(self.step_match, -1))
        a.escape.triggered.connect(self.escape)
        self.browser.moved.connect(self.update_actions)
        self.browser.moved.connect(self._highlight)
        self.browser.message.connect(self.status)
        self.search_panel.article_opened.connect(self._search_hit_opened)
        self.search_panel.mode_changed.connect(self._search_mode_changed)
        self.search_panel.results_shown.connect(self._highlight)
        self.search_panel.status.connect(self.status)
        self._session.opened.connect(self.update_actions)
        self._session.opened.connect(self.fit_tree)
        self._session.reloaded.connect(self.update_actions)

    def _moved(self) -> None:
        self.sizes_chosen = True

    def fit_tree(self) -> None:
        """Widen the tree to show its labels whole, by up to a third of the area's width.

        At the default sizes an English issue label ("19 September 2022 · 总1810期", three
        levels in) was cut short; the width comes from the text pane. Sizes the reader chose
        are kept.
        """
        tree = self.tree
        if self.sizes_chosen or not self.isVisible() or tree.model().rowCount() == 0:
            return
        bar = tree.verticalScrollBar()
        needed = (
            tree.sizeHintForColumn(0)
            + tree.header().sectionSize(1)
            + 2 * tree.frameWidth()
            + (bar.sizeHint().width() if bar.isVisible() else 0)
            + tree.fontMetrics().averageCharWidth() * 2  # a little air after the longest
        )
        sizes = self.sizes()
        wider = min(needed, self.width() // 3) - sizes[0]
        if wider > 0 and sizes[2] - wider >= self.pane.minimumSizeHint().width():
            self.setSizes([sizes[0] + wider, sizes[1], sizes[2] - wider])

    @property
    def session(self) -> Session:
        """The session the area shows (its archive and task runner)."""
        return self._session

    @property
    def library(self) -> Library | None:
        """The archive open (the session's), or None."""
        return self._session.library

    def update_actions(self) -> None:
        """Enable the commands that make sense where the reader is."""
        a = self._actions
        has_library = self.library is not None
        has_article = self.pane.article is not None
        a.back.setEnabled(self.browser.history.can_go_back())
        a.forward.setEnabled(self.browser.history.can_go_forward())
        for action in (
            a.reload,
            a.next_article,
            a.previous_article,
            a.next_issue,
            a.previous_issue,
            a.go_to_date,
        ):
            action.setEnabled(has_library)
        copying = (a.copy_citation, a.copy_gbt, a.copy_chicago)
        for action in (*copying, a.find, a.next_match, a.previous_match):
            action.setEnabled(has_article)

    # --- navigation ----------------------------------------------------------------------

    def choose_date(self) -> None:
        """Ask for a date and go to the issue nearest it."""
        if self.library is None or not self.library.issues:
            return
        current = self.pane.issue
        dialog = GoToDateDialog(
            self.library.issues,
            current.date if current else None,
            current.publication if current else "",
            self.window(),
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(partial(self._date_chosen, dialog))
        dialog.open()

    def _date_chosen(self, dialog: GoToDateDialog) -> None:
        issue = dialog.nearest()
        if issue is not None:
            self.search_panel.browse()
            self.browser.go_to(issue.id)

    def escape(self) -> None:
        """Esc: close the find bar, else leave the search results, else leave the search field."""
        if self.pane.find_bar.isVisible():
            self.pane.close_find()
        elif self.search_panel.searching:
            self.search_panel.browse()
        elif self.search_panel.field.hasFocus():
            back = self.search_panel.came_from
            target = back if back is not None and back.isVisible() else self.pane
            target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # --- search (the panel does the work; the pane shows what it opens) -------------------

    @Slot(str, str)
    def _search_hit_opened(self, issue_id: str, article_id: str) -> None:
        self.browser.go_to(issue_id, article_id)
        # The keyboard goes where the hit is shown: the page, when it is shown alone (PgDn,
        # Space and the arrows then turn and scroll it), else the text.
        (self.pages.pane if self.pages.shown == "page" else self.pane).setFocus()
        if self.pane.match_count:
            self.pane.next_match()

    @Slot()
    def _highlight(self) -> None:
        """Mark the current query's matches in the open article (none when not searching)."""
        article = self.pane.article
        if article is None:
            self.pane.set_spans(())
            return
        self.pane.set_spans(self.search_panel.spans_for(article.id, self.pane.original_text))

    @Slot(bool)
    def _set_original(self, on: bool) -> None:
        """Show the original line breaks (or the reflowed text), the matches found in it."""
        self.browser.set_original(on)
        self._highlight()

    @Slot(bool)
    def _search_mode_changed(self, searching: bool) -> None:
        self.middle.setCurrentWidget(self.search_panel if searching else self.article_list)
        if not searching:
            self.pane.set_spans(())  # "Match 2 of 6" no longer holds: the status says so
            self.article_list.setFocus()

    def open_line(self, line: ConcordanceLine, query: str) -> None:
        """Open a concordance line's article, its match current and in view.

        The keyboard stays in the concordance, so the next line is a Down and an Enter away.
        """
        library = self.library
        if library is None:
            return
        self.browser.go_to(line.issue_id, line.article_id)
        if self.pane.article is None or self.pane.article.id != line.article_id:
            return  # gone since the lines were found (the browser said so)
        body = self.pane.original_text
        try:
            self.pane.set_spans(
                tuple(Span(*m) for m in library.matches(line.article_id, query, body=body))
            )
        except ReaderError:
            return
        target = marked_span(library, line, query, body)
        if target is not None:
            self.pane.go_to_match(Span(*target))

    # --- reading -------------------------------------------------------------------------

    def step_match(self, step: int) -> None:
        """F3, Shift+F3: the next or previous match, on the page when it takes the keys."""
        if self.pages.takes_keys():
            self.pages.pane.step_hit(step)
        elif step > 0:
            self.pane.next_match()
        else:
            self.pane.previous_match()

    def zoom_by(self, step: int | None) -> None:
        """Zoom the text (or the page, when it takes the keys) in (1) or out (-1), or reset."""
        if self.pages.takes_keys():
            self.pages.zoom_by(step)
            return
        self.pane.set_zoom(0 if step is None else self.pane.zoom + step)

    def copy_article(self, style: str | None = None) -> None:
        """Put the open article with its citation on the clipboard (None: the article's style)."""
        if self.pane.issue is None or self.pane.article is None:
            return
        text = citations.article_with_citation(self.pane.issue, self.pane.article, style)
        QGuiApplication.clipboard().setText(text)
        self.status.emit(
            QCoreApplication.translate("MainWindow", "Copied the article with its citation.")
        )
