"""The issue tree: publication › year › month › issue (undated ones: publication › Undated › issue).

The model and the view; the rows are ``issue_nodes``, what they say ``issue_labels``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QHeaderView, QTreeView, QWidget

from reader.model import Issue
from reader.ui.browse import issue_labels
from reader.ui.browse.issue_nodes import Node, build, graft, issue_nodes, place
from reader.ui.core import formatting
from reader.ui.core.rows import FocusCue

ISSUE_ID_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


class IssueTreeModel(QAbstractItemModel):
    """Issues grouped by publication, year and month, in catalogue order.

    Undated issues hang straight under the publication's "Undated" group (there is no month
    to group them by), each named by its printed numbers or else its file. Column 0 is the
    label (``2022年9月19日 · 总1810期``, worded by ``formatting`` in the language of the
    locale given), column 1 the article count.
    """

    def __init__(self, issues: Iterable[Issue] = (), locale: QLocale | None = None) -> None:
        super().__init__()
        self._locale = locale or QLocale()
        self._root, self._by_id = build(issues)

    def set_issues(self, issues: Iterable[Issue]) -> None:
        """Replace every row with ``issues`` (they arrive sorted by publication and date).

        When they make the very rows there are (an archive read in batches, now read whole),
        the rows stay, and the views keep their selection and open groups.
        """
        issues = list(issues)
        if self._same_rows(issues):
            # Nothing shown changes (the same issues in the same places): no dataChanged, which
            # would have the views ask again for every row (1.2 s at 1,800 issues, measured).
            for issue in issues:
                self._by_id[issue.id].issue = issue
            return
        self.beginResetModel()
        self._root, self._by_id = build(issues)
        self.endResetModel()

    def set_locale(self, locale: QLocale) -> None:
        """Word the years, months and dates as ``locale``'s language does (the interface's)."""
        self._locale = locale
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 1)
        self._refresh(self._root)

    def _refresh(self, node: Node) -> None:
        if node.children:
            parent = self._index(node)
            self.dataChanged.emit(
                self.index(0, 0, parent), self.index(len(node.children) - 1, 1, parent)
            )
            for child in node.children:
                self._refresh(child)

    def _same_rows(self, issues: list[Issue]) -> bool:
        if not self._by_id or len(issues) != len(self._by_id):
            return False
        for issue in issues:
            node = self._by_id.get(issue.id)
            if node is None or node.issue is None or node.articles != len(issue.articles):
                return False
            if place(node.issue) != place(issue):
                return False
        return [n.issue.id for n in issue_nodes(self._root) if n.issue] == [i.id for i in issues]

    def grow(self, issues: Iterable[Issue]) -> None:
        """Add the rows of those of ``issues`` not shown yet (all of them sorted, as catalogued).

        Rows are inserted, each at its place in the order of ``issues`` (the views keep their
        selection and open groups): a run of rows next to each other in one insertion, and a
        new group with all its rows at once, so a view lays itself out a few times per call,
        not once per issue. The groups' counts follow.
        """
        waiting, counted, rank = graft(self._root, self._by_id, list(issues))
        for parent, new in waiting:
            self._insert_runs(parent, new, rank)
        for group in counted:
            index = self._index(group, 1)
            self.dataChanged.emit(index, index)

    def _insert_runs(self, parent: Node, new: list[Node], rank: Any) -> None:
        """Insert ``new`` among ``parent``'s children, by rank, a run of neighbours at a time."""
        fresh = {id(node) for node in new}
        merged = sorted([*parent.children, *new], key=rank)
        row = 0
        while row < len(merged):
            if id(merged[row]) not in fresh:
                row += 1
                continue
            end = row
            while end + 1 < len(merged) and id(merged[end + 1]) in fresh:
                end += 1
            # Everything above ``row`` is in place: the run goes in at ``row``.
            self.beginInsertRows(self._index(parent), row, end)
            parent.children[row:row] = merged[row : end + 1]
            for at in range(row, len(parent.children)):
                parent.children[at].row = at
            self.endInsertRows()
            row = end + 1

    def issue_index(self, issue_id: str) -> QModelIndex:
        """The index of an issue's row, or an invalid index."""
        node = self._by_id.get(issue_id)
        return self._index(node) if node is not None else QModelIndex()

    def group_keys(self, index: Index) -> tuple[Any, ...] | None:
        """The keys (publication, year, month) down to a group row; None for an issue row.

        The Undated group's keys are (publication, None).

        They name the same group in the tree of an archive read again, as indexes cannot.
        """
        node = self._node(index)
        if node is None or node.issue is not None:
            return None
        keys = []
        while node is not None and node.parent is not None:
            keys.append(node.key)
            node = node.parent
        return tuple(reversed(keys))

    def group_index(self, keys: tuple[Any, ...]) -> QModelIndex:
        """The index of the group row named by :meth:`group_keys`, or an invalid index."""
        node = self._root
        for key in keys:
            found = node.find(key)
            if found is None:
                return QModelIndex()
            node = found
        return self._index(node)

    def issue_id(self, index: Index) -> str | None:
        """The id of the issue at ``index``; None for a group row."""
        node = self._node(index)
        return node.issue.id if node is not None and node.issue is not None else None

    def _node(self, index: Index) -> Node | None:
        if not index.isValid():
            return None
        parent: Node = index.internalPointer()
        return parent.children[index.row()]

    def _index(self, node: Node, column: int = 0) -> QModelIndex:
        if node.parent is None:
            return QModelIndex()
        return self.createIndex(node.row, column, node.parent)

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        """Qt override."""
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        node = self._node(parent) if parent.isValid() else self._root
        if node is None:
            return QModelIndex()
        # The internal pointer is the parent node: a child's row indexes its children.
        return self.createIndex(row, column, node)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        """Qt override."""
        if not index.isValid():
            return QModelIndex()
        parent: Node = index.internalPointer()
        return self._index(parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Qt override."""
        if parent.column() > 0:
            return 0
        node = self._node(parent) if parent.isValid() else self._root
        return len(node.children) if node is not None else 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Qt override."""
        return 2

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Qt override."""
        node = self._node(index)
        if node is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return issue_labels.label(node, self._locale.name())
            return formatting.count(node.articles)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and node.issue is not None:
            return issue_labels.tooltip(node.issue, self._locale.name())
        if role == ISSUE_ID_ROLE:
            return node.issue.id if node.issue is not None else None
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Qt override."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if section == 0:
                return QCoreApplication.translate("IssueTreeModel", "Issue")
            if section == 1:
                return QCoreApplication.translate("IssueTreeModel", "Articles")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Qt override."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def issue_tree(model: IssueTreeModel, parent: QWidget) -> QTreeView:
    """The publication › year › month › issue tree, its count column fitted to the numbers."""
    tree = QTreeView(parent)
    tree.setObjectName("issue_tree")
    tree.setModel(model)
    tree.setUniformRowHeights(True)
    tree.setIndentation(14)
    header = tree.header()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
    FocusCue(tree)
    return tree
