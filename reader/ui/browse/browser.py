"""Where the reader is: the issue tree, the article list and the text pane kept in step, with history."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QListView, QTreeView

from reader.library import Library
from reader.library.navigation import History, Place, article_in_place, nearest_present
from reader.model import Article, Issue, NotFound, ReaderError
from reader.ui.browse.article_list import ArticleListModel
from reader.ui.browse.issue_tree import IssueTreeModel
from reader.ui.browse.views import BrowseViews
from reader.ui.core.session import Session
from reader.ui.reading.text_pane import TextPane


class Browser(QObject):
    """Moves through the session's archive by issue and article; the views follow, history records.

    A newly opened archive is shown afresh; one read again is shown where the reader was.

    Signals:
        moved(): another issue or article is shown.
        message(str): something for the status bar (the original text could not be read).
    """

    moved = Signal()
    message = Signal(str)

    def __init__(
        self,
        tree: QTreeView,
        article_list: QListView,
        pane: TextPane,
        session: Session,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self.tree = tree
        self.tree_model: IssueTreeModel = tree.model()  # type: ignore[assignment]
        self.article_list = article_list
        self.article_model: ArticleListModel = article_list.model()  # type: ignore[assignment]
        self.pane = pane
        # The ids of the issues in the tree, in catalogue order: where a gone issue's
        # neighbours were, once the archive is read again.
        self._order: list[str] = []
        self.history = History()
        self.original = False
        # An archive being read for the first time, as far as read: browsed until it is open.
        self._preview: Library | None = None
        # Whether the archive just opened is shown where the reader went while it was read.
        self.kept_place = False
        self.views = BrowseViews(tree, article_list, pane, self)
        self.views.issue_chosen.connect(self.go_to)
        self.views.article_chosen.connect(self._article_chosen)
        session.opened.connect(self._archive_opened)
        session.reloaded.connect(self._archive_reloaded)

    @property
    def library(self) -> Library | None:
        """The archive browsed (the session's, or one being read), or None."""
        return self._preview if self._preview is not None else self._session.library

    @property
    def previewing(self) -> bool:
        """Whether an archive still being read is shown (the session's is another, or none)."""
        return self._preview is not None

    def preview(self, library: Library, first: bool) -> None:
        """Browse an archive being read: its issues so far, ``first`` for the first of them.

        The first batch replaces the tree; later ones add rows to it, the place read kept.
        """
        self._preview = library
        self._order = [i.id for i in library.issues]
        if first:
            self.history.clear()
            self.article_model.clear()
            self.pane.clear("")
            self.views.show_issues(library.issues)
        else:
            # Not expanded as they come: a view lays out every open row again on each change.
            self.tree_model.grow(library.issues)

    def end_preview(self) -> None:
        """The archive being read could not be opened: show the one open again, or nothing."""
        if self._preview is None:
            return
        self._preview = None
        if self._session.library is not None:
            self._archive_opened()
            return
        self._order = []
        self.article_model.clear()
        self.tree_model.set_issues(())
        self.pane.clear("")

    @Slot()
    def _archive_opened(self) -> None:
        """Browse the archive just opened: the tree shows its issues, history starts afresh.

        If it was browsed while being read, the tree keeps its rows and the reader's place.
        """
        library = self.library if self._preview is None else self._session.library
        assert library is not None
        previewed, self._preview = self._preview is not None, None
        issue, article = self.pane.issue, self.pane.article
        self.kept_place = previewed and issue is not None
        if self.kept_place:
            assert issue is not None
            scroll = self.pane.scroll_fraction()
            self._order = [i.id for i in library.issues]
            self.article_model.clear()  # it reads from the archive being read: let that go
            self.views.show_issues(library.issues)
            article_id = article.id if article is not None else ""
            self.go_to(issue.id, article_id, scroll=scroll, record=False)
            return
        self._order = [i.id for i in library.issues]
        self.history.clear()
        self.article_model.clear()
        self.views.show_issues(library.issues)

    @Slot()
    def _archive_reloaded(self) -> None:
        """Browse the archive read again, staying where the reader was.

        The issue and article shown stay, their text as read now, the scroll position kept.
        An issue that is gone gives way to its nearest neighbour in the old order, an article
        that is gone to the one now in its place. The tree keeps its open groups, and history
        the places that still exist.
        """
        library = self.library
        assert library is not None
        old_order, self._order = self._order, [i.id for i in library.issues]
        issue, article = self.pane.issue, self.pane.article
        scroll = self.pane.scroll_fraction()
        ids = set(self._order)

        def present(place: Place) -> bool:
            return place.issue_id in ids

        self.views.show_issues_again(library.issues)
        if issue is not None and issue.id in ids:
            self.history.retain(present)
            article_id = article_in_place(issue, article, library.issue(issue.id))
            kept = article is not None and article_id == article.id
            self.go_to(issue.id, article_id, scroll=scroll if kept else 0.0, record=False)
            return
        neighbour = nearest_present(issue.id if issue else "", old_order, ids)
        if neighbour is None and library.issues:
            neighbour = library.issues[0].id
        if neighbour is None:
            self.history.retain(present)
            self.pane.clear(
                QCoreApplication.translate(
                    "MainWindow", "This archive has no readable issues any more."
                )
            )
            self.moved.emit()
            return
        # The neighbour is shown in place of the issue removed: history keeps every other place.
        articles = library.issue(neighbour).articles
        self.history.retain(present, Place(neighbour, articles[0].id if articles else ""))
        self.go_to(neighbour, record=False)

    def go_to(
        self,
        issue_id: str,
        article_id: str = "",
        *,
        scroll: float = 0.0,
        record: bool = True,
    ) -> None:
        """Show an issue in the tree and list and an article (its first when none) in the pane."""
        if self.library is None:
            return
        try:
            issue = self.library.issue(issue_id)
        except NotFound:  # a search hit shown before the archive was read again
            self.message.emit(self.tr("That issue is no longer in the archive."))
            return
        if not article_id or all(a.id != article_id for a in issue.articles):
            article_id = issue.articles[0].id if issue.articles else ""
        self.views.select_issue(issue_id)
        self._fill_list(issue)
        row = self.article_model.row_of(article_id)
        if row >= 0:
            self.views.select_article_row(row)
        if article_id:
            self._show(issue, self.library.article(article_id)[1], scroll=scroll)
        else:
            self.pane.clear(self.tr("This issue has no articles."))
        if record:
            self.history.visit(Place(issue_id, article_id))
        self.moved.emit()

    def step_article(self, step: int) -> None:
        """Show the next (1) or previous (-1) article, crossing into the neighbouring issue."""
        issue, article = self.pane.issue, self.pane.article
        if self.library is None or issue is None:
            return
        ids = [a.id for a in issue.articles]
        at = ids.index(article.id) if article is not None and article.id in ids else -1
        if 0 <= at + step < len(ids):
            self.go_to(issue.id, ids[at + step])
            return
        neighbour = self._neighbour_issue(step)
        if neighbour is not None and neighbour.articles:
            self.go_to(neighbour.id, neighbour.articles[0 if step > 0 else -1].id)

    def step_issue(self, step: int) -> None:
        """Show the next (1) or previous (-1) issue in catalogue order."""
        neighbour = self._neighbour_issue(step)
        if neighbour is not None:
            self.go_to(neighbour.id)

    def back(self) -> None:
        """Return to the previous place read."""
        place = self.history.back()
        if place is not None:
            self.go_to(place.issue_id, place.article_id, record=False)

    def forward(self) -> None:
        """Undo a ``back``."""
        place = self.history.forward()
        if place is not None:
            self.go_to(place.issue_id, place.article_id, record=False)

    def set_original(self, on: bool) -> None:
        """Show articles with their original line breaks (True) or reflowed."""
        self.original = on
        if self.pane.article is not None:
            self.pane.set_original_text(self._original_text(self.pane.article) if on else None)

    def _neighbour_issue(self, step: int) -> Issue | None:
        if self.library is None or self.pane.issue is None:
            return None
        ids = [i.id for i in self.library.issues]
        at = ids.index(self.pane.issue.id) + step
        return self.library.issues[at] if 0 <= at < len(ids) else None

    def _fill_list(self, issue: Issue) -> None:
        assert self.library is not None
        shown = self.pane.issue
        if shown is not None and shown.id == issue.id and self.article_model.rowCount():
            return
        self.article_model.set_articles([a.id for a in issue.articles], self.library.article)

    def _show(self, issue: Issue, article: Article, *, scroll: float) -> None:
        original = self._original_text(article) if self.original else None
        self.pane.show_article(issue, article, original_text=original)
        if scroll:
            self.pane.set_scroll_fraction(scroll)

    def _original_text(self, article: Article) -> str | None:
        assert self.library is not None
        try:
            return self.library.original_text(article.id)
        except ReaderError as exc:
            self.message.emit(str(exc))
            return None

    @Slot(str)
    def _article_chosen(self, article_id: str) -> None:
        """Show the article the reader chose in the list."""
        if self.library is not None:
            issue, _article = self.library.article(article_id)
            self.go_to(issue.id, article_id)
