"""The articles of one issue, as a list of ids; each row rendered with kicker, title and details."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QListView, QWidget

from reader.model import Article, Issue, page_of_title
from reader.ui.core import formatting
from reader.ui.core.rows import (
    HTML_ROLE,
    ID_ROLE,
    FocusCue,
    RichTextDelegate,
    derived_title,
    derived_title_note,
    shown_title,
)

Index = QModelIndex | QPersistentModelIndex


class ArticleListModel(QAbstractListModel):
    """The articles of the chosen issue in print order; the model holds ids, not articles."""

    def __init__(self, lookup: Callable[[str], tuple[Issue, Article]] | None = None) -> None:
        super().__init__()
        self._lookup = lookup
        self._ids: list[str] = []

    def set_articles(
        self, ids: Sequence[str], lookup: Callable[[str], tuple[Issue, Article]]
    ) -> None:
        """Show the articles with these ids, fetched through ``lookup`` when drawn."""
        self.beginResetModel()
        self._ids = list(ids)
        self._lookup = lookup
        self.endResetModel()

    def clear(self) -> None:
        """Show nothing."""
        self.set_articles([], self._lookup or _no_lookup)

    def article_id(self, row: int) -> str | None:
        """The id at ``row``, or None when out of range."""
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, article_id: str) -> int:
        """The row showing ``article_id``, or -1."""
        try:
            return self._ids.index(article_id)
        except ValueError:
            return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Qt override."""
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Qt override."""
        if not index.isValid() or self._lookup is None:
            return None
        article_id = self._ids[index.row()]
        if role == ID_ROLE:
            return article_id
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, HTML_ROLE):
            return None
        _issue, article = self._lookup(article_id)
        if role == Qt.ItemDataRole.DisplayRole:
            return shown_title(article.headline, article.page) or _untitled()
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [article.kicker, shown_title(article.title, article.page), article.subtitle]
            if article.title_derived:
                parts.append(derived_title_note())
            return "\n".join(p for p in parts if p)
        return article_html(article)


def article_html(article: Article) -> str:
    """The list row: kicker small, title bold, then column, authors and page in grey.

    The class ``meta`` (small and grey) is styled by RichTextDelegate from the palette.
    """
    parts = []
    if article.kicker:
        parts.append(f'<div class="meta">{_e(article.kicker)}</div>')
    title = _e(shown_title(article.title or article.headline, article.page) or _untitled())
    # A title made from the article's first words is set in italics (here, in the text pane
    # and in the search hits alike).
    parts.append(f"<div><b>{derived_title(title) if article.title_derived else title}</b></div>")
    details = [f"【{article.column}】" if article.column else "", " ".join(article.authors)]
    # A title made up for a page names the page already (第6版 twice in Chinese, else).
    if article.page and not page_of_title(article.title or article.headline, article.page):
        details.append(formatting.page(article.page))
    line = " · ".join(_e(d) for d in details if d)
    if not article.has_text:
        line = " · ".join(
            p
            for p in (line, _e(QCoreApplication.translate("ArticleListModel", "headline only")))
            if p
        )
    if line:
        parts.append(f'<div class="meta">{line}</div>')
    return "".join(parts)


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def _untitled() -> str:
    return QCoreApplication.translate("ArticleListModel", "(untitled)")


def _no_lookup(article_id: str) -> tuple[Issue, Article]:
    raise KeyError(article_id)


def article_list(model: ArticleListModel, parent: QWidget) -> QListView:
    """The articles of the chosen issue, each drawn as kicker, title and details."""
    view = QListView(parent)
    view.setObjectName("article_list")
    view.setModel(model)
    view.setItemDelegate(RichTextDelegate(view))
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setWordWrap(True)
    FocusCue(view)
    return view
