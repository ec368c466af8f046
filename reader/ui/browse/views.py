"""The issue tree and the article list as the browser drives them, and as the reader uses them.

The browser fills them and moves their current rows to the place it shows; that must not
read as the reader choosing a row, or each move would start another. The tree's open groups are named
by their keys, so that they can be opened again in the tree of an archive read again.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Signal, Slot
from PySide6.QtWidgets import QListView, QTreeView, QWidget

from reader.model import Issue
from reader.ui.browse.article_list import ArticleListModel
from reader.ui.browse.issue_tree import IssueTreeModel

# Up to this many issues the whole tree opens expanded; a larger archive opens at its position.
EXPAND_ALL_ISSUES = 400

# Groups of the tree, each named by its keys (``IssueTreeModel.group_keys``).
Groups = set[tuple[Any, ...]]


class BrowseViews(QObject):
    """Sets the tree's and the list's current rows, and passes on the rows the reader chooses.

    Enter on an issue moves to the list, on a group opens or closes it; Enter on an article
    moves to ``pane`` (the text pane).

    Signals:
        issue_chosen(str): the reader made an issue's row current in the tree.
        article_chosen(str): the reader made an article's row current in the list.
    """

    issue_chosen = Signal(str)
    article_chosen = Signal(str)

    def __init__(
        self, tree: QTreeView, article_list: QListView, pane: QWidget, parent: QObject
    ) -> None:
        super().__init__(parent)
        self.tree = tree
        self.tree_model: IssueTreeModel = tree.model()  # type: ignore[assignment]
        self.article_list = article_list
        self.article_model: ArticleListModel = article_list.model()  # type: ignore[assignment]
        self._pane = pane
        # Set while the browser itself moves the tree's or list's current row.
        self._navigating = False
        tree.selectionModel().currentChanged.connect(self._tree_current_changed)
        tree.activated.connect(self._tree_activated)
        article_list.selectionModel().currentChanged.connect(self._list_current_changed)
        article_list.activated.connect(self._list_activated)

    @contextmanager
    def navigating(self) -> Iterator[None]:
        """Within it, rows that become current are the browser's doing, not chosen."""
        self._navigating = True
        try:
            yield
        finally:
            self._navigating = False

    def select_issue(self, issue_id: str) -> None:
        """Make an issue's row current, its groups open, and scroll it into view."""
        index = self.tree_model.issue_index(issue_id)
        if not index.isValid():
            return
        parent = index.parent()
        while parent.isValid():
            self.tree.expand(parent)
            parent = parent.parent()
        with self.navigating():
            self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)

    def select_article_row(self, row: int) -> None:
        """Make the list's ``row`` current and scroll it into view."""
        index = self.article_model.index(row, 0)
        with self.navigating():
            self.article_list.setCurrentIndex(index)
        self.article_list.scrollTo(index)

    def show_issues(self, issues: Sequence[Issue]) -> None:
        """Fill the tree with ``issues``, all its groups open when there are few."""
        self.tree_model.set_issues(issues)
        if len(issues) <= EXPAND_ALL_ISSUES:
            self.tree.expandAll()

    def show_issues_again(self, issues: Sequence[Issue]) -> None:
        """Fill the tree with the issues of the archive read again, as open and scrolled as it was.

        The list is emptied (its articles are the old catalogue's); neither reads as a choice.
        """
        expanded, groups = self._groups()
        tree_scroll = self.tree.verticalScrollBar().value()
        with self.navigating():
            self.article_model.clear()
            self.tree_model.set_issues(issues)
        self._restore_groups(expanded, groups, len(issues) <= EXPAND_ALL_ISSUES)
        self.tree.verticalScrollBar().setValue(tree_scroll)

    def _groups(self) -> tuple[Groups, Groups]:
        """The tree's expanded groups, and all its groups, by their keys."""
        expanded: Groups = set()
        groups: Groups = set()

        def walk(parent: QModelIndex) -> None:
            for row in range(self.tree_model.rowCount(parent)):
                index = self.tree_model.index(row, 0, parent)
                keys = self.tree_model.group_keys(index)
                if keys is None:
                    continue
                groups.add(keys)
                if self.tree.isExpanded(index):
                    expanded.add(keys)
                walk(index)

        walk(QModelIndex())
        return expanded, groups

    def _restore_groups(self, expanded: Groups, groups: Groups, open_new: bool) -> None:
        """Expand the groups that were; new ones too when the archive is small (as on opening)."""
        _now_expanded, now = self._groups()
        wanted = expanded | (now - groups if open_new else set())
        # Parents first: expanding a child of a collapsed group would not show it.
        for keys in sorted(wanted, key=len):
            index = self.tree_model.group_index(keys)
            if index.isValid():
                self.tree.expand(index)

    @Slot(QModelIndex, QModelIndex)
    def _tree_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        issue_id = self.tree_model.issue_id(current)
        if issue_id is not None and not self._navigating:
            self.issue_chosen.emit(issue_id)

    @Slot(QModelIndex)
    def _tree_activated(self, index: QModelIndex) -> None:
        if self.tree_model.issue_id(index) is not None:
            self.article_list.setFocus()
        else:
            self.tree.setExpanded(index, not self.tree.isExpanded(index))

    @Slot(QModelIndex, QModelIndex)
    def _list_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        article_id = self.article_model.article_id(current.row())
        if article_id and not self._navigating:
            self.article_chosen.emit(article_id)

    @Slot(QModelIndex)
    def _list_activated(self, _index: QModelIndex) -> None:
        self._pane.setFocus()
