"""Dates and issue numbers as newspapers print them: 2022年9月19日, 2022-09-19, September 19, 2022."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

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


def _to_date(match: re.Match[str]) -> dt.date | None:
    parts = match.groupdict()
    month = _MONTHS[parts["mname"].lower()] if parts.get("mname") else int(parts["m"])
    try:
        return dt.date(int(parts["y"]), month, int(parts["d"]))
    except ValueError:
        return None


def chinese_number(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十三 → 23, 12 → 12; None when it is not a number up to 99."""
    text = fold_digits(text.strip())
    if text.isdigit():
        return int(text)
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
