"""An article's citation (publication, date, issue number, page, title) and its copyable text."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from reader.model import Article, Issue
from reader.ui.i18n import fill


def citation(issue: Issue, article: Article) -> str:
    """``今日长子, 2022-09-19, 总1810期, 第1版, 《title》`` (page and number when known)."""
    chinese = any("\u4e00" <= ch <= "\u9fff" for ch in article.headline + issue.publication)
    title = article.title or article.headline
    parts = [
        issue.publication,
        issue.date.isoformat() if issue.date else QCoreApplication.translate("citation", "undated"),
        " ".join(issue.numbers_printed) or (f"No. {issue.number}" if issue.number else ""),
        # The page as the paper prints it, like the 《》 around the title.
        fill(
            "第%1版" if chinese else QCoreApplication.translate("citation", "page %1"), article.page
        )
        if article.page
        else "",
        (f"《{title}》" if chinese else f"“{title}”") if title else "",
    ]
    return ", ".join(p for p in parts if p)


def article_with_citation(issue: Issue, article: Article) -> str:
    """The article as plain text (kicker, title, subtitle, byline, body) and its citation."""
    head = [article.kicker, article.title or article.headline, article.subtitle]
    lines = [line for line in head if line]
    if article.authors:
        lines.append(" ".join(article.authors))
    body = article.text
    return (
        "\n".join(lines)
        + ("\n\n" + body if body else "")
        + "\n\n— "
        + citation(issue, article)
        + "\n"
    )
