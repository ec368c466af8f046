"""Search hits as list rows: where (date, paper, issue number, page), title, snippet, matches marked."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from reader.model import Issue
from reader.ui.core import formatting
from reader.ui.core.rows import (
    HTML_ROLE,
    ID_ROLE,
    derived_title,
    derived_title_note,
    shown_title,
)

Index = QModelIndex | QPersistentModelIndex


def marked_html(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` escaped for HTML, each span (Python str offsets) wrapped in ``<span class="hit">``.

    Overlapping and touching spans are merged; spans outside the text are clipped.
    """
    merged: list[list[int]] = []
    for start, end in sorted((max(0, s), min(len(text), e)) for s, e in spans):
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out, at = [], 0
    for start, end in merged:
        out.append(html.escape(text[at:start], quote=False))
        out.append(f'<span class="hit">{html.escape(text[start:end], quote=False)}</span>')
        at = end
    out.append(html.escape(text[at:], quote=False))
    return "".join(out)


class SearchResultsModel(QAbstractListModel):
    """The hits of one search, best first (or by date), as the search returned them.

    ``issue_for`` finds a hit's issue by id (None when it is gone), for its printed numbers.
    """

    def __init__(self, issue_for: Callable[[str], Issue | None] | None = None) -> None:
        super().__init__()
        self._hits: list[Any] = []
        self._issue_for = issue_for or (lambda _id: None)
        # The archives' names of a library search, by key: each hit says which it is from;
        # and the key of the archive open, the only one ``issue_for`` can look issues up in.
        self.archive_names: dict[str, str] = {}
        self.open_archive = ""

    def set_hits(self, hits: Sequence[Any]) -> None:
        """Show these hits (the ``Hit`` values of a search result)."""
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def hit(self, row: int) -> Any | None:
        """The hit at ``row``, or None."""
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def article_id(self, row: int) -> str:
        """The article id of the hit at ``row``, or "" when there is none."""
        hit = self.hit(row)
        return "" if hit is None else str(hit.article_id)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Qt override."""
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Qt override."""
        if not index.isValid():
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return shown_title(hit.title, hit.page)
        if role == ID_ROLE:
            return hit.article_id
        if role == Qt.ItemDataRole.ToolTipRole:
            title = shown_title(hit.title, hit.page)
            if hit.title_derived:
                return f"{title}\n{derived_title_note()}\n{hit.snippet.text}"
            return f"{title}\n{hit.snippet.text}"
        if role == HTML_ROLE:
            key = getattr(hit, "archive", "")
            issue = self._issue_for(hit.issue_id) if key == self.open_archive else None
            return hit_html(hit, issue, self.archive_names.get(key, ""))
        return None

    def refresh(self) -> None:
        """Word every row again (the interface language changed)."""
        if self._hits:
            last = self.index(len(self._hits) - 1, 0)
            self.dataChanged.emit(self.index(0, 0), last)


def hit_html(hit: Any, issue: Issue | None = None, archive: str = "") -> str:
    """A hit as a list row: where it appeared, its title, a byline or column that matched, a snippet.

    Where: ``2022年9月19日 · 今日长子 · 总1810期 · 第1版`` (the issue's numbers when known),
    after the name of its ``archive`` in a library search.
    """
    where = [archive, formatting.date(hit.date) if hit.date else "", hit.publication]
    if issue is not None:
        where.append(formatting.issue_number(issue))
    if getattr(hit, "page", ""):
        where.append(formatting.page(hit.page))
    meta = formatting.SEPARATOR.join(html.escape(w, quote=False) for w in where if w)
    shown = shown_title(hit.title, getattr(hit, "page", ""))
    # A made-up page title worded in the interface's language has no matches to mark.
    title = marked_html(hit.title, hit.title_spans) if shown == hit.title else html.escape(shown)
    if getattr(hit, "title_derived", False):
        title = derived_title(title)
    snippet = marked_html(hit.snippet.text, hit.snippet.spans)
    # A byline or column that matched shows, marked: searching a name shows where it is.
    matched = "".join(
        f'<div class="meta">{marked_html(text, spans)}</div>'
        for text, spans in ((hit.byline, hit.spans("byline")), (hit.column, hit.spans("column")))
        if spans
    )
    return f'<div class="meta">{meta}</div><div><b>{title}</b></div>{matched}<div>{snippet}</div>'
