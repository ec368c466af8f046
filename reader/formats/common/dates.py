"""Dates and issue numbers as newspapers print them (2022年9月19日, May 7, 1858) and as metadata writes them."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

# No printed number (page, issue, year) has more digits than this.
MAX_DIGITS = 18

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH_WORD = r"(?P<mname>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DATE_PATTERNS = (
    re.compile(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"),
    re.compile(r"(?<!\d)(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)"),
    re.compile(rf"\b{_MONTH_WORD}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b", re.I),
    re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH_WORD},?\s+(?P<y>\d{{4}})\b", re.I),
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)(?!\d)"),
)
# Dates written by machines, matched at the start of a field: ISO 8601 basic or extended (the
# form NewsML, NITF and e-paper properties use), and what library records (MODS, Dublin Core)
# write: ISO extended, or day.month.year.
_ISO_DATE = re.compile(r"^\s*(?P<y>\d{4})-?(?P<m>\d{2})-?(?P<d>\d{2})(?!\d)")
_RECORD_ISO_DATE = re.compile(r"^\s*(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})")
_RECORD_DOTTED_DATE = re.compile(r"^\s*(?P<d>\d{1,2})\.\s*(?P<m>\d{1,2})\.\s*(?P<y>\d{4})\s*$")
_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
_CN_DIGITS |= {"六": 6, "七": 7, "八": 8, "九": 9}


def fold_digits(text: str) -> str:
    """Full-width digits and letters to ASCII (NFKC), so １９４６ matches like 1946."""
    return unicodedata.normalize("NFKC", text)


def find_date(text: str) -> dt.date | None:
    """The first valid date printed in ``text``, in any of the common forms."""
    folded = fold_digits(text)
    found: list[tuple[int, dt.date]] = []
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(folded):
            date = _to_date(match)
            if date is not None:
                found.append((match.start(), date))
                break
    return min(found, key=lambda item: item[0])[1] if found else None


def parse_date(text: str) -> dt.date | None:
    """``2016-10-18T11:12:00-05:00``, ``20161018T120000``, ``2023-02-11 00:00:00:0`` or prose.

    The date is the one written (the publisher's local date), not converted to UTC.
    """
    return _parse(text, (_ISO_DATE,))


def parse_record_date(text: str) -> dt.date | None:
    """``1858-12-07``, ``1858-12-07T…``, ``01.08.1821`` or a date as :func:`find_date` reads it."""
    return _parse(text, (_RECORD_ISO_DATE, _RECORD_DOTTED_DATE))


def _parse(text: str, forms: tuple[re.Pattern[str], ...]) -> dt.date | None:
    """The date of the first form ``text`` starts with (None if invalid), else :func:`find_date`'s."""
    for form in forms:
        match = form.match(text)
        if match:
            return _to_date(match)
    return find_date(text)


def _to_date(match: re.Match[str]) -> dt.date | None:
    parts = match.groupdict()
    month = _MONTHS[parts["mname"].lower()] if parts.get("mname") else int(parts["m"])
    try:
        return dt.date(int(parts["y"]), month, int(parts["d"]))
    except ValueError:
        return None


def whole_number(text: str) -> int | None:
    """The number written in ``text`` (ASCII digits, full-width ones folded); None for anything
    else, or for more digits than any count in a newspaper has.

    ``int`` is not for text from files: it raises on superscript digits (``"²".isdigit()``)
    and on more than 4,300 digits, and one such value must not cost the file.
    """
    digits = fold_digits(text.strip())
    if not digits or len(digits) > MAX_DIGITS or not (digits.isascii() and digits.isdigit()):
        return None
    return int(digits)


def chinese_number(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十三 → 23, 12 → 12; None when it is not a number up to 99."""
    text = fold_digits(text.strip())
    if text.isdigit():
        return whole_number(text)
    if not text or any(ch not in _CN_DIGITS and ch != "十" for ch in text):
        return None
    if "十" not in text:
        return _CN_DIGITS[text] if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1:
        return None
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)


_TOTAL_NUMBER = re.compile(r"总\s*第?\s*(\d+)\s*期|總\s*第?\s*(\d+)\s*期")
_NUMBER = re.compile(r"第\s*(\d+)\s*期|\b(?:No|Nr|Issue)\.?\s*(\d+)\b", re.I)


def find_numbers(text: str) -> tuple[str, tuple[str, ...]]:
    """The issue number and the numbers as printed: 总1810期 wins over 第N期 (it is unique)."""
    folded = fold_digits(text)
    printed: list[str] = []
    number = ""
    for match in _TOTAL_NUMBER.finditer(folded):
        printed.append(match.group(0).replace(" ", ""))
        number = number or next(g for g in match.groups() if g)
    for match in _NUMBER.finditer(folded):
        found = match.group(0).strip()
        printed.append(re.sub(r"\s+", "", found) if found.startswith("第") else found)
        number = number or next(g for g in match.groups() if g)
    return number, tuple(dict.fromkeys(printed))
