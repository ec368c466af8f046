"""The issue tree's rows as plain objects: publication, year, month (or Undated) and issue nodes.

The Qt model (``issue_tree.py``) hands out indexes that point at these; building, finding
and counting rows is kept here, apart from Qt's index bookkeeping.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from reader.model import Issue


class Node:
    """One row of the tree; group rows have children, issue rows carry the issue."""

    __slots__ = ("_keys", "articles", "children", "issue", "key", "parent", "row")

    def __init__(self, key: Any, parent: Node | None, issue: Issue | None = None) -> None:
        self.key = key
        self.parent = parent
        self.issue = issue
        self.children: list[Node] = []
        self.row = len(parent.children) if parent is not None else 0
        self.articles = 0
        self._keys: dict[Any, Node] = {}

    def child(self, key: Any) -> Node:
        """The group child with ``key``, created at the end when it is new."""
        node = self._keys.get(key)
        if node is None:
            node = self._keys[key] = Node(key, self)
            self.children.append(node)
        return node

    def find(self, key: Any) -> Node | None:
        """The group child with ``key``, or None."""
        return self._keys.get(key)

    @property
    def depth(self) -> int:
        """How many rows up the root is: 1 for a publication, 2 a year or Undated, 3 a month."""
        depth, node = 0, self.parent
        while node is not None:
            depth, node = depth + 1, node.parent
        return depth


def build(issues: Iterable[Issue]) -> tuple[Node, dict[str, Node]]:
    """The tree of ``issues`` (sorted as catalogued): its root, and the issue rows by id."""
    root = Node(None, None)
    by_id: dict[str, Node] = {}
    for issue in issues:
        publication = root.child(issue.publication)
        if issue.date is None:
            groups = [publication.child(None)]  # the Undated group
        else:
            year_node = publication.child(issue.date.year)
            groups = [year_node.child(issue.date.month), year_node]
        node = Node(issue.id, groups[0], issue)
        node.articles = len(issue.articles)
        groups[0].children.append(node)
        by_id[issue.id] = node
        for group in (*groups, publication):
            group.articles += node.articles
    return root, by_id


def graft(
    root: Node, by_id: dict[str, Node], issues: list[Issue]
) -> tuple[list[tuple[Node, list[Node]]], list[Node], Callable[[Node], int]]:
    """Make the nodes of those of ``issues`` not in ``by_id`` yet (added to it), not yet rows.

    ``issues`` are all of them, sorted as catalogued. Returned: the new nodes by the row
    already in the tree that they go under (each list in the order of ``issues``; a new
    group holds its own new rows already, in order, to be shown with them); the rows already
    in the tree whose article counts grew; and each node's rank in ``issues`` (a group's is
    its first issue's), the order to insert rows in.
    """
    ranks = {issue.id: at for at, issue in enumerate(issues)}
    made: set[int] = set()  # the nodes made now, not yet in the tree
    waiting: dict[int, tuple[Node, list[Node]]] = {}  # by shown parent: its new children
    counted: dict[int, Node] = {}  # shown groups whose counts change

    def attach(parent: Node, node: Node) -> None:
        node.parent = parent
        made.add(id(node))
        if id(parent) in made:  # in a new group: in order already, shown with it
            node.row = len(parent.children)
            parent.children.append(node)
        else:
            waiting.setdefault(id(parent), (parent, []))[1].append(node)

    for issue in issues:
        if issue.id in by_id:
            continue
        parent, groups = root, []
        for key in place(issue):
            found = parent.find(key)
            if found is None:
                found = parent._keys[key] = Node(key, None)
                attach(parent, found)
            parent = found
            groups.append(found)
        node = Node(issue.id, None, issue)
        node.articles = len(issue.articles)
        attach(parent, node)
        by_id[issue.id] = node
        for group in groups:
            group.articles += node.articles
            if id(group) not in made:
                counted[id(group)] = group

    def rank(node: Node) -> int:
        while node.issue is None:
            node = node.children[0]
        return ranks.get(node.issue.id, -1)

    return list(waiting.values()), list(counted.values()), rank


def place(issue: Issue) -> tuple[Any, ...]:
    """The keys of the groups an issue's row is in: publication, then year and month or None."""
    if issue.date is None:
        return (issue.publication, None)
    return (issue.publication, issue.date.year, issue.date.month)


def issue_nodes(node: Node) -> Iterable[Node]:
    """The issue rows below ``node``, in order."""
    for child in node.children:
        if child.issue is not None:
            yield child
        else:
            yield from issue_nodes(child)
