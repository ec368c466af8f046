"""An article's citation, GB/T 7714-2015 or Chicago, and the article as copyable text with it.

GB/T 7714-2015 (the Chinese national standard, newspaper article, §8.1.2 and 8.8)::

    张晓明, 郭强. 我县召开供热工程项目协调会[N]. 今日长子, 2022-09-19(1).

Chicago (17th ed., newspaper article, bibliography entry with the page of the note)::

    Weaver, Ann, and Tom Reyes. “Old bridge reopens after two years.” Riverside Courier, March 12, 2024, 3.

A Chinese article is cited by GB/T 7714, any other by Chicago (``style_for``); Edit › Copy with
… Citation picks either. A citation is in the article's script whatever the interface language:
it is pasted into a bibliography, not read in the window.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate

from reader.model import Article, Issue
from reader.ui import i18n
from reader.ui.core import formatting

GBT = "gbt7714"
CHICAGO = "chicago"
STYLES = (GBT, CHICAGO)


def style_for(issue: Issue, article: Article) -> str:
    """GB/T 7714 for a Chinese article, Chicago for any other."""
    return GBT if formatting.is_chinese(article, issue) else CHICAGO


def citation(issue: Issue, article: Article, style: str | None = None) -> str:
    """The article's citation in ``style`` (``gbt7714`` or ``chicago``; None: by its language)."""
    chosen = style or style_for(issue, article)
    if chosen == GBT:
        return gbt7714(issue, article)
    return chicago(issue, article)


def gbt7714(issue: Issue, article: Article) -> str:
    """``作者, 作者. 题名[N]. 报纸名, 出版日期(版次).``.

    Up to three authors, then ``, 等`` (``, et al.`` for a Latin-script name); none, and the
    entry starts at the title. The page, when known, in round brackets after the date.
    """
    parts = []
    if article.authors:
        names = list(article.authors[:3])
        if len(article.authors) > 3:
            names.append("等" if formatting.is_chinese(article, issue) else "et al")
        parts.append(", ".join(names) + ".")
    title = article.title or article.headline
    parts.append(f"{title}[N].")
    day = _day(issue, article)
    when = day.isoformat() if day is not None else "[出版日期不详]"
    page = f"({article.page})" if article.page else ""
    parts.append(f"{issue.publication}, {when}{page}.")
    return " ".join(parts)


def chicago(issue: Issue, article: Article) -> str:
    """``Last, First, and First Last. “Title.” Publication, Month Day, Year, page.``.

    The first author's name is inverted (a bibliography is sorted by it), the others are not:
    ``Weaver, Ann, and Tom Reyes``; a name of one word stays as it is. No author, and the entry
    starts at the title.
    The title's own ``?`` or ``!`` stands in for the period inside the quotation marks.
    """
    parts = []
    if article.authors:
        parts.append(_and(list(article.authors)) + ".")
    title = article.title or article.headline
    if title:
        end = "" if title[-1] in "?!？！" else "."
        parts.append(f"“{title}{end}”")
    day = _day(issue, article)
    where = [
        issue.publication,
        _english_day(day) if day else "n.d.",
    ]
    if article.page:
        where.append(article.page)
    entry = ", ".join(w for w in where if w)
    parts.append(entry if entry.endswith(".") else entry + ".")
    return " ".join(parts)


def article_with_citation(issue: Issue, article: Article, style: str | None = None) -> str:
    """The article as plain text (kicker, title, subtitle, byline, body), then its citation."""
    head = [article.kicker, article.title or article.headline, article.subtitle]
    lines = [line for line in head if line]
    if article.authors:
        lines.append(" ".join(article.authors))
    body = article.text
    return (
        "\n".join(lines)
        + ("\n\n" + body if body else "")
        + "\n\n"
        + citation(issue, article, style)
        + "\n"
    )


def _english_day(day: dt.date) -> str:
    """``March 12, 2024``, as Chicago writes a date (month names from Qt's English locale)."""
    return i18n.locale_for("en").toString(QDate(day.year, day.month, day.day), "MMMM d, yyyy")


def _day(issue: Issue, article: Article) -> dt.date | None:
    return issue.date or article.date


def _and(names: list[str]) -> str:
    first, *others = names
    given, _, family = first.rpartition(" ")
    if given:
        first = f"{family}, {given}"
    if not others:
        return first
    if len(names) == 2 and not given:
        return f"{first} and {others[0]}"
    return ", ".join([first, *others[:-1]]) + ", and " + others[-1]
