"""An article's citation, GB/T 7714-2015 or Chicago, and the article as copyable text with it.

GB/T 7714-2015 (the Chinese national standard: newspaper article, §4.4 and 8.8; names §8.1.2)::

    张晓明, 郭强. 我县召开供热工程项目协调会[N]. 今日长子, 2022-09-19(1).

Chicago (17th ed., newspaper article, bibliography entry with the page of the note)::

    Weaver, Ann, and Tom Reyes. “Old bridge reopens after two years.” Riverside Courier, March 12, 2024, 3.

An article with no title of its own, whose title is its first words (``title_derived``), is
cited by that title in square brackets, as a cataloguer writes a title they supplied:
``[First words of the text…]``, in either style and in every bibliographic export.

A Chinese article is cited by GB/T 7714, any other by Chicago (:func:`style_for`); either can be
asked for. A citation is in the article's script whatever the interface language: it is pasted
into a bibliography, not read in the window. The window, the ``cite`` command and the exports
all cite through this module.
"""

from __future__ import annotations

import datetime as dt
import re

from reader.library.choices import CHICAGO as CHICAGO
from reader.library.choices import GBT as GBT
from reader.library.choices import STYLES as STYLES
from reader.model import Article, Issue

# Chicago writes the month's name in English whatever the locale the program runs in.
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


# A straight double quotation mark that opens: at the start, or after a space or an opening bracket.
_OPENING_STRAIGHT = re.compile(r'(^|(?<=[\s(\[{‘“—–]))"')


def cited_title(article: Article) -> str:
    """The title a citation gives: its own, else its headline; a title from its first words in ``[…]``."""
    title = article.title or article.headline
    return f"[{title}]" if article.title_derived and title else title


def is_chinese(article: Article, issue: Issue | None = None) -> bool:
    """Whether an article is written in Chinese: its language, else its characters."""
    if article.language:
        return article.language.lower().startswith("zh")
    sample = article.title
    for paragraph in article.paragraphs:  # enough text to tell, even after a one-word heading
        if len(sample) >= 200:
            break
        sample += paragraph
    if not sample and issue is not None:
        sample = issue.publication
    sample = sample[:200]
    # Kana make it Japanese, whose kanji are Han characters too: cited as Chinese it would
    # read [出版日期不详], which no Japanese bibliography prints.
    if any("\u3040" <= ch <= "\u30ff" for ch in sample):
        return False
    return any("\u4e00" <= ch <= "\u9fff" for ch in sample)


def is_cjk_name(name: str) -> bool:
    """Whether a name is written in Han characters (one word: no family/given split to make)."""
    return any("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in name)


def split_name(name: str) -> tuple[str, str] | None:
    """``(family, given)`` of a Latin-script personal name written given-name first.

    ``Ann Weaver`` is ``("Weaver", "Ann")``, ``Mary Ann Lee`` is ``("Lee", "Mary Ann")``;
    None for a name of one word (``Reuters``, ``张晓明``), which stays whole.
    """
    cleaned = " ".join(name.split())
    if is_cjk_name(cleaned):
        return None
    given, _, family = cleaned.rpartition(" ")
    return (family, given) if given else None


def style_for(issue: Issue, article: Article) -> str:
    """GB/T 7714 for a Chinese article, Chicago for any other."""
    return GBT if is_chinese(article, issue) else CHICAGO


def citation(issue: Issue, article: Article, style: str | None = None) -> str:
    """The article's citation in ``style`` (``gbt7714`` or ``chicago``; None: by its language).

    Raises:
        ValueError: ``style`` is none of ``STYLES``.
    """
    chosen = style or style_for(issue, article)
    if chosen == GBT:
        return gbt7714(issue, article)
    if chosen == CHICAGO:
        return chicago(issue, article)
    raise ValueError(f"style must be one of {', '.join(STYLES)}, not {style!r}")


def gbt7714(issue: Issue, article: Article) -> str:
    """``作者, 作者. 题名[N]. 报纸名, 出版日期(版次).``.

    Up to three authors, then ``, 等`` (``, et al.`` for a Latin-script article); none, and
    the entry starts at the title (the standard allows it in a numbered list, which a copied
    citation goes into; an author-date list would want ``佚名``). A Latin-script name is written family name first in
    capitals, the given names as initials without points (§8.1.2: ``FORDHAM E W``). The page,
    when known, in round brackets after the date.
    """
    parts = []
    if article.authors:
        names = [_gbt_name(name) for name in article.authors[:3]]
        if len(article.authors) > 3:
            names.append("等" if is_chinese(article, issue) else "et al")
        parts.append(", ".join(names) + ".")
    # A heading's own full stop (ALLEMAGNE.) is not the title's: the [N] follows the words.
    title = cited_title(article).rstrip(".。 ")
    parts.append(f"{title}[N].")
    day = day_of(issue, article)
    when = day.isoformat() if day is not None else "[出版日期不详]"
    page = f"({article.page})" if article.page else ""
    parts.append(f"{issue.publication}, {when}{page}.")
    return " ".join(parts)


def chicago(issue: Issue, article: Article) -> str:
    """``Last, First, and First Last. “Title.” Publication, Month Day, Year, page.``.

    The first author's name is inverted (a bibliography is sorted by it), the others are not:
    ``Weaver, Ann, and Tom Reyes``; a name of one word stays as it is. No author, and the entry
    starts at the title.
    The title's own ``?``, ``!`` or ``.`` stands in for the period inside the quotation marks, and
    its own double quotation marks, curly or straight, become single ones. A title supplied
    from the first words is in square brackets and not quoted: ``[First words…].``.
    """
    parts = []
    if article.authors:
        parts.append(_and(list(article.authors)) + ".")
    title = cited_title(article)
    if title and article.title_derived:
        parts.append(title + ".")
    elif title:
        title = single_quoted(title)
        # Look past the title's closing quotation mark: “‘… it!’” needs no period of its own.
        end = "" if title.rstrip("’")[-1:] in ("?", "!", "？", "！", ".", "。") else "."
        parts.append(f"“{title}{end}”")
    day = day_of(issue, article)
    where = [issue.publication, english_date(day) if day else "n.d."]
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


def single_quoted(title: str) -> str:
    """A title's double quotation marks made single, to go inside a citation's (Chicago 13.30).

    Curly marks keep their side; a straight ``"`` opens at the start or after a space or an
    opening bracket, and closes anywhere else (OCR gives straight marks).
    """
    curly = title.replace("“", "‘").replace("”", "’")
    return _OPENING_STRAIGHT.sub("‘", curly).replace('"', "’")


def english_date(day: dt.date) -> str:
    """``March 12, 2024``, as Chicago writes a date."""
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


def day_of(issue: Issue, article: Article) -> dt.date | None:
    """The day an article was published: its issue's date, else its own."""
    return issue.date or article.date


def _gbt_name(name: str) -> str:
    split = split_name(name)
    if split is None:
        return name.strip()
    family, given = split
    initials = [part[0].upper() for part in given.replace("-", " ").split() if part[0].isalpha()]
    # Initials in capitals, without points, one space apart: “EINSTEIN A”, “FORDHAM E W”
    # (§8.1.2's examples).
    return " ".join([family.upper(), *initials])


def _and(names: list[str]) -> str:
    first, *others = names
    split = split_name(first)
    if split is not None:
        first = f"{split[0]}, {split[1]}"
    if not others:
        return first
    if len(names) == 2 and split is None:
        return f"{first} and {others[0]}"
    return ", ".join([first, *others[:-1]]) + ", and " + others[-1]
