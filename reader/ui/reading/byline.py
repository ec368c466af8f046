"""The byline and the dateline as the text pane shows them, and where each name is in the byline.

The pane sets the names apart by a full-width space (a Chinese article) or a comma after
"By "; the library counts a search match's byline offsets in the names joined its own way
(:meth:`Library.byline`: by a space, or a comma and a space). Knowing where each name is in
both lets a match be marked on the name it is in.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from reader.library import Library
from reader.model import Article, Issue
from reader.ui.core import formatting
from reader.ui.i18n import fill
from reader.ui.reading.positions import utf16_length


def shown_byline(article: Article, chinese: bool) -> tuple[str, list[tuple[int, str]], int]:
    """The byline of ``article``, each name with its place in it, and the library's separator.

    Returns:
        The text shown; (UTF-16 position in that text, name) for each author (none when a
        translation of "By %1" leaves the names out); and how many characters set two names
        apart in :meth:`Library.byline`, which the matches' offsets count in.
    """
    separator = "\u3000" if chinese else ", "
    # A Chinese paper prints the names alone, whatever the interface language.
    template = "%1" if chinese else QCoreApplication.translate("ArticleDocument", "By %1")
    text = fill(template, separator.join(article.authors))
    at = template.find("%1")
    names: list[tuple[int, str]] = []
    for name in article.authors if at >= 0 else ():
        names.append((utf16_length(text[:at]), name))
        at += len(name) + len(separator)
    between = len(Library.byline(article.authors)) - sum(map(len, article.authors))
    return text, names, max(1, between // max(1, len(article.authors) - 1))


def dateline(issue: Issue, article: Article, chinese: bool) -> str:
    """Publication · date · numbers · page, a Chinese article's in Chinese as its paper prints them.

    Like the byline: a Chinese article reads 2022年9月19日 · 总1810期 · 第1版 whatever the
    interface language; any other article reads in the interface language
    (19 September 2022 · No. 12 · p. 1).
    """
    language = "zh_CN" if chinese else None
    parts = [
        issue.publication,
        formatting.date(issue.date, language),
        formatting.issue_number(issue, language),
        formatting.page(article.page, language) if article.page else "",
    ]
    return formatting.SEPARATOR.join(p for p in parts if p)
