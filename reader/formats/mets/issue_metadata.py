"""A METS issue's own metadata: its MODS records, title, date and number, and its printed page numbers.

Shared by the METS/ALTO and NDNP importers, as the articles are
(:mod:`reader.formats.mets.articles`). The issue's MODS records are the ones its divs above the
articles name (newspaper, volume, issue); the physical structMap gives the printed number of
every ALTO file's page.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from reader.formats.common.dates import find_date, parse_record_date
from reader.formats.mets.articles import (
    ADVERT_KINDS,
    ARTICLE_KINDS,
    FRONT_KINDS,
    SECTION_KINDS,
    wordy,
)
from reader.formats.mets.document import Div, MetsDocument, Mods

# An issue number in a MODS partNumber: "nº 288", "Nr. 12", "no. 5", "#7".
_NUMBER = re.compile(r"(?:n[º°o]\.?|nr\.?|no\.?|#)\s*(\d+)", re.I)


def issue_records(document: MetsDocument) -> list[Mods]:
    """The MODS records about the issue itself: the issue div's first, then volume, title, page."""
    ranked: list[tuple[int, int, str]] = []
    seen: set[str] = set()
    for root in (document.logical, document.physical):
        if root is None:
            continue
        for div in _issue_level(root):
            for dmd in div.dmd_ids:
                if dmd in document.mods and dmd not in seen:
                    seen.add(dmd)
                    ranked.append((0 if div.kind == "issue" else 1, len(ranked), dmd))
    if not ranked and document.mods:
        ranked.append((0, 0, next(iter(document.mods))))
    return [document.mods[dmd] for _, _, dmd in sorted(ranked)]


def _issue_level(div: Div) -> Iterator[Div]:
    """Divs above the articles and pages: newspaper, volume, issue (not sections or pages)."""
    kind = div.kind
    if kind in ARTICLE_KINDS | ADVERT_KINDS | SECTION_KINDS | FRONT_KINDS or "page" in kind:
        return
    yield div
    for child in div.children:
        yield from _issue_level(child)


def issue_title(records: list[Mods], label: str) -> str:
    """The publication's name from the issue MODS, else the METS label without its date."""
    title = next((t for m in records for t, _ in m.titles if wordy(t)), "")
    if title:
        return _without_final_stop(title)
    # "Boston Business Bimonthly, 1999-08-15" / "… no. 01.08.1821": cut at the date or number.
    cut = re.split(r",?\s+(?:no\.|nr\.|\d{1,4}[-./]\d)", label, maxsplit=1, flags=re.I)[0]
    return cut.strip(" ,")


def issue_date(records: list[Mods], *fallbacks: str) -> dt.date | None:
    """The first readable MODS date, else a date found in the label or the file name."""
    for text in [d for m in records for d in m.dates]:
        date = parse_record_date(text)
        if date is not None:
            return date
    for text in fallbacks:
        date = parse_record_date(text) or find_date(text)
        if date is not None:
            return date
    return None


def issue_number(records: list[Mods]) -> str:
    """The issue number from MODS: ``part/detail[@type=issue]`` or a ``partNumber`` like nº 288."""
    for record in records:
        number = record.detail("issue")
        if number:
            return number
    for text in (p for m in records for p in m.part_numbers):
        match = _NUMBER.search(text)
        if match:
            return match.group(1)
    return ""


def page_numbers(document: MetsDocument) -> dict[str, str]:
    """File ID → printed page number, from the physical structMap (ORDERLABEL, MODS, ORDER)."""
    numbers: dict[str, str] = {}
    if document.physical is None:
        return numbers
    # A page area (BL) points into its page's files: it is part of a page, not one.
    pages = [d for d in document.physical.walk() if d.areas and d.kind != "pagearea"]
    for index, page in enumerate(pages, start=1):
        records = document.mods_for(page)
        number = (
            page.order_label
            or next((m.detail("page number") for m in records if m.detail("page number")), "")
            or next((m.page_start for m in records if m.page_start), "")
            or page.order
            or str(index)
        )
        for area in page.areas:
            numbers.setdefault(area.file_id, number)
    return numbers


def _without_final_stop(title: str) -> str:
    """A catalogue title without the full stop cataloguers end it with ("… Advertiser.").

    Kept after a short word, which is likely an abbreviation ("… St. Cloud, Minn.").
    """
    if not title.endswith(".") or title.endswith(".."):
        return title
    last = title[:-1].rsplit(maxsplit=1)[-1] if title[:-1].strip() else ""
    return title[:-1] if len(last) >= 5 and last.isalpha() else title
