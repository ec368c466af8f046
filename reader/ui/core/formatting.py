"""Dates, months, years, counts, issue numbers and pages, worded the way a language writes them.

One place for every form the window shows: ``2022年9月19日``, ``9月``, ``2022年``, ``第1版``,
``总1810期``, ``12 篇`` in Chinese; ``19 September 2022``, ``September``, ``p. 1``, ``No. 1810``,
``12 articles`` in English. The model gives the parts (a date, the numbers, a page); this module
words them.

The forms are a table per language rather than ``tr()`` strings because a Chinese article's
dateline and citation are worded in Chinese whatever the interface language (as its paper
prints them), and ``tr()`` only knows the language installed. Each function takes the language
(``zh_CN`` or ``en``); without one, the interface language.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QDate

from reader.model import Issue
from reader.ui import i18n

SEPARATOR = " · "


@dataclass(frozen=True)
class Forms:
    """How one language writes dates and numbers (QDate formats, ``%1`` templates)."""

    date: str
    year_month: str
    month: str
    short_month: str
    year: str
    page: str
    number: str
    article: str
    articles: str
    undated: str
    # Between two items of a list of keys or names; between a label and its value.
    listing: str
    colon: str


FORMS = {
    "en": Forms(
        date="d MMMM yyyy",
        year_month="MMMM yyyy",
        month="MMMM",
        short_month="MMM",
        year="%1",
        page="p. %1",
        number="No. %1",
        article="1 article",
        articles="%1 articles",
        undated="undated",
        listing=", ",
        colon=": ",
    ),
    "zh_CN": Forms(
        date="yyyy年M月d日",
        year_month="yyyy年M月",
        month="M月",
        short_month="M月",
        year="%1年",
        page="第%1版",
        number="第%1期",
        article="1 篇",
        articles="%1 篇",
        undated="日期不详",
        listing="、",
        colon="：",
    ),
}


def language(name: str | None = None) -> str:
    """``zh_CN`` for any Chinese, ``en`` for anything else; None means the interface language."""
    chosen = i18n.current() if name is None else name
    return "zh_CN" if chosen.startswith("zh") else "en"


def forms(name: str | None = None) -> Forms:
    """The forms of a language (None: the interface language)."""
    return FORMS[language(name)]


def date(day: dt.date | None, name: str | None = None) -> str:
    """``2022年9月19日`` / ``19 September 2022``; None is ``日期不详`` / ``undated``."""
    if day is None:
        return forms(name).undated
    return _format(QDate(day.year, day.month, day.day), forms(name).date, name)


def year_month(year: int, month: int, name: str | None = None) -> str:
    """``2022年9月`` / ``September 2022``."""
    return _format(QDate(year, month, 1), forms(name).year_month, name)


def month(number: int, name: str | None = None, *, short: bool = False) -> str:
    """``9月`` / ``September`` (short: ``9月`` / ``Sep``)."""
    template = forms(name).short_month if short else forms(name).month
    return _format(QDate(2000, number, 1), template, name)


def year(number: int | str, name: str | None = None) -> str:
    """``2022年`` / ``2022``."""
    return i18n.fill(forms(name).year, number)


def page(label: str, name: str | None = None) -> str:
    """``第1版`` / ``p. 1`` (the page as the paper numbers it: ``A3`` stays ``A3``)."""
    return i18n.fill(forms(name).page, label)


def issue_number(issue: Issue, name: str | None = None) -> str:
    """The numbers as printed (``总1810期``), else ``第1810期`` / ``No. 1810``, else ""."""
    if issue.numbers_printed:
        return " ".join(issue.numbers_printed)
    return i18n.fill(forms(name).number, issue.number) if issue.number else ""


def issue_label(issue: Issue, name: str | None = None) -> str:
    """``2022年9月19日 · 总1810期`` / ``19 September 2022 · No. 1810``."""
    parts = [date(issue.date, name), issue_number(issue, name)]
    return SEPARATOR.join(p for p in parts if p)


def count(number: int, name: str | None = None) -> str:
    """A number with its thousands grouped (``12,345``; Chinese groups the same way)."""
    return f"{number:,}"


def articles(number: int, name: str | None = None) -> str:
    """``12 篇`` / ``12 articles`` (``1 article``)."""
    chosen = forms(name)
    return chosen.article if number == 1 else i18n.fill(chosen.articles, count(number))


def listing(items: list[str] | tuple[str, ...], name: str | None = None) -> str:
    """Items joined as the language lists them (``、`` in Chinese, ``, `` in English)."""
    return forms(name).listing.join(items)


def labelled(label: str, value: str, name: str | None = None) -> str:
    """``9月：12 篇`` / ``September: 12 articles``."""
    return f"{label}{forms(name).colon}{value}"


def _format(day: QDate, template: str, name: str | None) -> str:
    return i18n.locale_for(language(name)).toString(day, template)
