"""A Founder (方正) digital newspaper's page listing (``node_N.htm``): its page, date and articles.

A listing names the page (``第01版：今日要闻``), lists its articles as ``content_N.htm`` links and
links every page of the issue; see :mod:`reader.formats.epaper.founder_html` for the article
pages themselves.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import NamedTuple

from lxml import etree

from reader.formats.common import markup
from reader.formats.common.dates import find_date
from reader.formats.common.stories import clean_title
from reader.formats.epaper.founder_html import PAGE_LABEL, masthead, page_number

_CONTENT_LINK = re.compile(r"content_(\d+)\.s?html?", re.I)
_NODE_LINK = re.compile(r"node_\d+\.s?html?", re.I)
_HAN_GAP = re.compile(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])")
_PATH_DATE = re.compile(r"(?<!\d)(\d{4})-?(\d{2})/(\d{1,2})(?!\d)")


@dataclass(frozen=True)
class PageListing:
    """What a ``node_N.htm`` page says: its page, date, masthead and articles."""

    page: str
    page_name: str
    date: dt.date | None
    masthead: str
    entries: tuple[tuple[str, str], ...]
    pages: tuple[str, ...]


def read_listing(root: etree._Element, name: str) -> PageListing | None:
    """The page a ``node_N.htm`` shows, or None when the page lists no articles and no pages."""
    date = _listing_date(root, name)
    entries: dict[str, str] = {}
    pages: list[_PageLink] = []
    for link in root.iter("a"):
        href = link.get("href") or ""
        content = _CONTENT_LINK.search(href)
        if content:
            title = markup.title_of(link)
            if title and content.group(1) not in entries and _same_edition(href, date):
                entries[content.group(1)] = title
            continue
        label = PAGE_LABEL.match(markup.text_of(link))
        if label and _NODE_LINK.search(href):
            pages.append(_page_link(label, href))
    if not entries and not pages:
        return None
    base = PurePosixPath(name).name.lower()
    current = next((p for p in pages if PurePosixPath(p.href).name.lower() == base), None)
    if current is None:
        texts = (PAGE_LABEL.search(str(t)) for t in root.itertext())
        printed = next((match for match in texts if match), None)
        current = _page_link(printed, "") if printed else None
    return PageListing(
        page=current.number if current else "",
        page_name=current.name if current else "",
        date=date,
        masthead=masthead(root),
        entries=tuple(entries.items()),
        pages=tuple(dict.fromkeys(p.printed for p in pages)),
    )


class _PageLink(NamedTuple):
    number: str
    name: str
    href: str
    printed: str


def _page_link(label: re.Match[str], href: str) -> _PageLink:
    """A page as a ``第01版：要　闻`` label names it (the padding between characters dropped)."""
    name = _HAN_GAP.sub("", clean_title(label.group(2)))
    printed = _HAN_GAP.sub("", clean_title(label.group(0))).replace(":", "：")
    return _PageLink(page_number(label.group(1)), name, href, printed)


def _same_edition(href: str, date: dt.date | None) -> bool:
    """Whether a link is to an article of this issue, not to the site's other pages.

    Listings link their articles relatively; an absolute link counts only when the date in
    its path is the page's (footers link "about us" pages as content_N.htm too).
    """
    if "://" not in href and not href.startswith("/"):
        return True
    return date is not None and path_date(href) == date


def path_date(path: str) -> dt.date | None:
    """The date in a Founder URL or file path: ``2023-02/10/`` or ``202302/11/``."""
    match = _PATH_DATE.search(path)
    if match:
        try:
            return dt.date(*(int(part) for part in match.groups()))
        except ValueError:
            return None
    return find_date(path)


def listing_link(root: etree._Element, number: str) -> str:
    """The HTML of the listing's link to one article."""
    for link in root.iter("a"):
        content = _CONTENT_LINK.search(link.get("href") or "")
        if content and content.group(1) == number and markup.title_of(link):
            return etree.tostring(link, encoding="unicode", method="html", with_tail=False)
    return ""


def _listing_date(root: etree._Element, name: str) -> dt.date | None:
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        marks = f"{element.get('class', '')} {element.get('id', '')}".lower()
        if "date" in marks:
            date = find_date(markup.text_of(element))
            if date:
                return date
    date = path_date(name)
    if date:
        return date
    for element in root.iter("a", "img"):
        date = path_date(element.get("href") or element.get("src") or "")
        if date:
            return date
    return None
