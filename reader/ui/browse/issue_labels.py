"""What the issue tree's rows say: group and issue labels, and an issue's tooltip.

Worded by ``formatting`` in the language given (the interface's); the words of the tree's
own are translated in the ``IssueTreeModel`` context, where they were first written.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from PySide6.QtCore import QCoreApplication

from reader.model import Issue, printable
from reader.ui.browse.issue_nodes import Node
from reader.ui.core import formatting


def label(node: Node, language: str) -> str:
    """A row's label: the issue's date and numbers, or its group's month, year or name."""
    if node.issue is not None:
        if node.issue.date is not None:
            return formatting.issue_label(node.issue, language)
        return undated_label(node.issue, language)
    if node.key is None:
        return QCoreApplication.translate("IssueTreeModel", "Undated")
    if node.depth == 3:
        return formatting.month(node.key, language)
    if node.depth == 2:
        return formatting.year(node.key, language)
    return str(node.key)


def tooltip(issue: Issue, language: str) -> str:
    """An issue row's tooltip: publication, label and file, one a line."""
    if issue.date is not None:
        lines = [issue.publication, formatting.issue_label(issue, language), issue.source]
    else:
        undated = QCoreApplication.translate("IssueTreeModel", "Undated")
        name = undated_label(issue, language)
        lines = [issue.publication, f"{undated}{formatting.SEPARATOR}{name}", issue.source]
    return printable("\n".join(line for line in lines if line))


def undated_label(issue: Issue, language: str) -> str:
    """An undated issue's name in the tree: its numbers, else its file's name."""
    name = printable(PurePosixPath(issue.source).name)
    return formatting.issue_number(issue, language) or name or issue.id
