"""Where the reader has been (back and forward), which issue lies nearest a date, and typed dates.

Also where the reader goes when the archive read again no longer has the place shown.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reader.formats.common.dates import find_date, fold_digits
from reader.model import Article, Issue, NotFound

# Chinese numerals as printed in dates (一九四六年五月十六日, 二〇二二年九月十九日).
_CHINESE_DIGITS = dict(zip("〇零一二三四五六七八九", "00123456789", strict=True))
_CHINESE_DATE = re.compile(
    r"([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月(?:([一二三四五六七八九十]{1,3})[日号])?"
)
_DOTTED = re.compile(r"^\s*(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})\s*$")
_YEAR_MONTH = re.compile(r"^\s*(\d{4})\s*(?:[-/.年]\s*(\d{1,2})\s*月?)?\s*$")


@dataclass(frozen=True)
class Place:
    """An article (or just an issue) the reader looked at."""

    issue_id: str
    article_id: str = ""


class History:
    """Back and forward through what was read, like a browser's."""

    def __init__(self, limit: int = 200) -> None:
        self._places: list[Place] = []
        self._at = -1
        self._limit = limit

    def visit(self, place: Place) -> None:
        """Record ``place`` as the current one; the forward list is dropped."""
        if self.current == place:
            return
        del self._places[self._at + 1 :]
        self._places.append(place)
        if len(self._places) > self._limit:
            del self._places[0]
        self._at = len(self._places) - 1

    @property
    def current(self) -> Place | None:
        """Where the reader is, or None before the first visit."""
        return self._places[self._at] if self._at >= 0 else None

    def can_go_back(self) -> bool:
        """Whether there is an earlier place."""
        return self._at > 0

    def can_go_forward(self) -> bool:
        """Whether there is a later place (after going back)."""
        return self._at < len(self._places) - 1

    def back(self) -> Place | None:
        """Step back and return the place, or None at the start."""
        if not self.can_go_back():
            return None
        self._at -= 1
        return self._places[self._at]

    def forward(self) -> Place | None:
        """Step forward and return the place, or None at the end."""
        if not self.can_go_forward():
            return None
        self._at += 1
        return self._places[self._at]

    def retain(self, keep: Callable[[Place], bool], instead: Place | None = None) -> None:
        """Forget the places ``keep`` refuses (their issue was removed from the archive).

        The current place becomes the nearest earlier one kept (or the first kept). With
        ``instead``, the place shown in place of a current one forgotten, that place comes
        after the earlier places kept and before the later ones: Back and Forward still reach
        every place the reader went to that is still there.
        """
        at = self._at
        kept = [(n, place) for n, place in enumerate(self._places) if keep(place)]
        self._places = [place for _n, place in kept]
        earlier = [i for i, (n, _place) in enumerate(kept) if n <= at]
        if instead is None:
            self._at = earlier[-1] if earlier else (0 if kept else -1)
            return
        self._at = earlier[-1] if earlier else -1
        if self.current == instead:
            return
        self._at += 1
        if self._at == len(self._places) or self._places[self._at] != instead:
            self._places.insert(self._at, instead)
        if len(self._places) > self._limit:
            del self._places[0]
            self._at -= 1

    def clear(self) -> None:
        """Forget everything (another archive was opened)."""
        self._places, self._at = [], -1


def article_in_place(old: Issue, article: Article | None, new: Issue) -> str:
    """The article to show in ``new`` for ``article`` of ``old``: itself, or its row's."""
    if article is None or not new.articles:
        return ""
    if any(a.id == article.id for a in new.articles):
        return article.id
    rows = [a.id for a in old.articles]
    row = rows.index(article.id) if article.id in rows else 0
    return new.articles[min(row, len(new.articles) - 1)].id


def nearest_present(issue_id: str, old_order: list[str], present: set[str]) -> str | None:
    """The issue nearest ``issue_id`` in ``old_order`` that is still ``present``: later first."""
    if issue_id not in old_order:
        return None
    at = old_order.index(issue_id)
    for distance in range(1, len(old_order)):
        for candidate in (at + distance, at - distance):
            if 0 <= candidate < len(old_order) and old_order[candidate] in present:
                return old_order[candidate]
    return None


def nearest_issue(issues: Sequence[Issue], date: dt.date, publication: str = "") -> Issue | None:
    """The dated issue closest to ``date`` (the earlier one on a tie), preferring ``publication``.

    Issues of ``publication`` are searched when it has any dated issue; otherwise all issues.
    """
    dated = [i for i in issues if i.date is not None]
    own = [i for i in dated if i.publication == publication]
    candidates = own or dated
    if not candidates:
        return None
    return min(candidates, key=lambda i: (abs((i.date - date).days), i.date))  # type: ignore[operator]


def issue_by_date_or_number(issues: Sequence[Issue], wanted: str) -> Issue:
    """The one issue of ISO date ``wanted``, or of that printed number (``1810`` or ``总1810期``).

    Raises:
        NotFound: No issue matches, or several do (the message names some of their ids).
    """
    number = wanted.strip().removeprefix("总").removesuffix("期")
    found = [
        issue
        for issue in issues
        if (issue.date and issue.date.isoformat() == wanted) or (number and issue.number == number)
    ]
    if len(found) == 1:
        return found[0]
    if found:
        ids = ", ".join(issue.id for issue in found[:5])
        raise NotFound(f"{len(found)} issues match {wanted!r}; name one by its id: {ids}")
    raise NotFound(f"no issue with id, date or number {wanted!r} in this archive")


def issue_days(issues: Sequence[Issue], publication: str = "") -> Counter[dt.date]:
    """How many issues came out on each day (of ``publication`` only, when it has any)."""
    dated = [i for i in issues if i.date is not None]
    own = [i for i in dated if i.publication == publication]
    return Counter(i.date for i in (own or dated) if i.date is not None)


def typed_date(text: str) -> dt.date | None:
    """A date as a reader types it: ``1946-05-16``, ``1946年5月16日``, ``16 May 1946``, ``16.5.1946``,
    ``一九四六年五月十六日``; a month or a year alone (``1946-05``, ``1946年5月``, ``1946``) means
    its first day. None when the text is no date.
    """
    folded = fold_digits(text).strip()
    if not folded:
        return None
    chinese = _CHINESE_DATE.search(folded)
    if chinese:
        year = int("".join(_CHINESE_DIGITS[c] for c in chinese.group(1)))
        return _date(
            year, _chinese_number(chinese.group(2)), _chinese_number(chinese.group(3)) or 1
        )
    dotted = _DOTTED.match(folded)
    if dotted:
        return _date(int(dotted.group(3)), int(dotted.group(2)), int(dotted.group(1)))
    found = find_date(folded)
    if found is not None:
        return found
    partial = _YEAR_MONTH.match(folded)
    if partial:
        return _date(int(partial.group(1)), int(partial.group(2) or 1), 1)
    return None


def _chinese_number(text: str | None) -> int:
    """一 to 三十一 as a number (0 for none)."""
    if not text:
        return 0
    tens, _, units = text.rpartition("十")
    if "十" not in text:
        return int(_CHINESE_DIGITS[text]) if len(text) == 1 else 0
    ten = int(_CHINESE_DIGITS[tens]) if tens else 1
    return ten * 10 + (int(_CHINESE_DIGITS[units]) if units else 0)


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
