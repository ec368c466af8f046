"""Founder (方正) digital-newspaper HTML: article pages and page listings, grouped into issues.

Article pages (``content_N.htm``, or a saved file holding many article blocks) give the
stories; page listings (``node_N.htm``) give each article's page, the print order and the list
of pages. A listed article whose page was not saved is kept as a headline. Issues are grouped by
newspaper and date. See ``founder_html`` for how the pages are read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import PurePosixPath

from lxml import etree

from reader.formats.common.dates import find_date, parse_date, whole_number
from reader.formats.common.loaded import Loaded
from reader.formats.common.source import Source
from reader.formats.common.stories import Story, build_issues, default_publication
from reader.formats.epaper import founder_html as pages
from reader.formats.epaper import founder_listing
from reader.model import ArchiveSettings, Article, CorruptArchive, Reason

NAME = "founder-epaper"
EXTENSIONS = (".htm", ".html", ".shtml", ".txt")
_MARKERS = (b"founder-content", b"<!--enpcontent", b"<!--enpproperty")
_PAGE_FILE = re.compile(r"(?:^|/)(?:node|content)_\d+\.s?html?$", re.I)
_LOOKS_HTML = re.compile(rb"<(?:!doctype\s+html|html|head|meta|body|div|table)\b", re.I)
_FILE_NUMBER = re.compile(r"content_(\d+)\.s?html?$", re.I)


@dataclass(frozen=True)
class _Found:
    """A story with the article number the e-paper gives it (links use it: content_N.htm)."""

    number: str
    story: Story


@dataclass(frozen=True)
class _Listed:
    """A page listing read from one file."""

    source: str
    order: int
    listing: founder_listing.PageListing


def score(name: str, head: bytes) -> int:
    """High for a page with Founder markers; lower for ``node_N``/``content_N`` HTML files."""
    # Markup starts with a tag; a text file that merely mentions the markers is not a page.
    if not head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        return 0
    lowered = head.lower()
    if any(marker in lowered for marker in _MARKERS):
        return 70
    if _PAGE_FILE.search(name) and _LOOKS_HTML.search(head):
        return 60
    return 0


def load(source: Source, names: list[str], settings: ArchiveSettings) -> Loaded:
    """Read article pages and page listings; a page with neither is a problem."""
    loaded = Loaded()
    stories: list[_Found] = []
    listings: list[_Listed] = []
    for position, name in enumerate(names):
        try:
            root = pages.parse_page(source.read_bytes(name), name)
            blocks = pages.find_blocks(root)
            if blocks:
                # An article page, even an empty one, is never read as a listing: its links to
                # other articles ("本版其他文章") are not the page's own list.
                found = _stories(root, blocks, name, position)
                if not found:
                    raise CorruptArchive(name, Reason.of("founder_article_empty"))
                stories.extend(found)
                continue
            listing = founder_listing.read_listing(root, name)
            if listing is None:
                raise CorruptArchive(name, Reason.of("founder_nothing_to_read"))
            listings.append(_Listed(name, position, listing))
        except CorruptArchive as exc:
            loaded.add_problem(name, exc.reason)
    placed = _place(_unique(stories), listings)
    loaded.issues.extend(build_issues(placed, settings, NAME, default_publication(source.root)))
    return loaded


def read_original(source: Source, article: Article) -> str:
    """The article's HTML as the page has it (for a listed-only article, its link)."""
    root = pages.parse_page(source.read_bytes(article.source), article.source)
    kind, _, number = article.ref.partition(":")
    if kind == "entry":
        link = founder_listing.listing_link(root, number)
        if not link:
            raise CorruptArchive(article.source, Reason.of("listing_lost_article"))
        return link
    blocks = pages.find_blocks(root)
    index = whole_number(number)
    if index is None:
        index = len(blocks)
    if index >= len(blocks):
        raise CorruptArchive(article.source, Reason.of("article_gone"))
    return pages.block_markup(blocks[index])


def _stories(
    root: etree._Element, blocks: list[pages.Block], name: str, position: int
) -> list[_Found]:
    masthead = pages.masthead(root)
    file_number = _FILE_NUMBER.search(PurePosixPath(name).name)
    found = []
    for index, block in enumerate(blocks):
        number, story = _story(block, name, (position, index), masthead)
        if not number and file_number and len(blocks) == 1:
            number = file_number.group(1)
            story = replace(story, key=number)
        if not story.is_empty:
            found.append(_Found(number, story))
    return found


def _story(
    block: pages.Block, name: str, order: tuple[int, int], masthead: str
) -> tuple[str, Story]:
    caption, props = block.caption, block.properties
    paragraphs, authors = pages.split_byline(pages.block_paragraphs(block))
    author_line = caption.get("author", "")
    # Some templates print the date in the "author" slot.
    printed_date = find_date(author_line) if author_line else None
    if props.get("author"):
        authors = pages.byline_names(props["author"]) or (props["author"],)
    elif author_line and printed_date is None:
        authors = pages.byline_names(author_line) or (author_line,)
    date = parse_date(props.get("date", "")) or printed_date or founder_listing.path_date(name)
    number = props.get("paperarticleid", "") or _number_in(props.get("urlpad", ""))
    number = number or _number_in(props.get("url", ""))
    page = caption.get("nowlayout", "") or props.get("nodename", "")
    subtitle = caption.get("sub-title", "") or props.get("subtitle", "")
    return number, Story(
        source=name,
        key=number or f"block:{order[1]}",
        ref=f"block:{order[1]}",
        title=caption.get("main-title", "") or props.get("title", ""),
        kicker=caption.get("intro-title", "") or props.get("introtitle", ""),
        subtitle=subtitle.lstrip("—－- ").strip(),
        authors=authors,
        page=pages.page_number(page) if page else "",
        date=date,
        paragraphs=tuple(paragraphs),
        masthead=masthead,
        issue_date=date,
        order=order,
    )


def _number_in(text: str) -> str:
    match = re.search(r"content_(\d+)", text)
    return match.group(1) if match else ""


def _unique(found: list[_Found]) -> list[_Found]:
    """One story per article number (a saved file may hold an article twice), first kept."""
    seen: set[tuple[str, ...]] = set()
    kept = []
    for item in found:
        story = item.story
        # Without a number, the text tells a repeat (pages carry a second, printable copy).
        marker = (item.number,) if item.number else (story.source, *story.paragraphs)
        if not item.number and not story.paragraphs:
            marker = (story.source, story.title)
        if marker not in seen:
            seen.add(marker)
            kept.append(item)
    return kept


def _place(found: list[_Found], listings: list[_Listed]) -> list[Story]:
    """Put listed articles on their page, in the listing's order; keep unsaved ones as headlines."""
    listed: dict[str, tuple[_Listed, int]] = {}
    for entry in listings:
        for index, (number, _title) in enumerate(entry.listing.entries):
            listed.setdefault(number, (entry, index))
    placed = []
    for item in found:
        where = listed.get(item.number) if item.number else None
        if where is None:
            placed.append(item.story)
            continue
        entry, index = where
        listing = entry.listing
        placed.append(
            replace(
                item.story,
                masthead=listing.masthead or item.story.masthead,
                issue_date=listing.date or item.story.issue_date,
                page=item.story.page or listing.page,
                order=(entry.order, index),
                front_matter=listing.pages,
            )
        )
    saved = {item.number for item in found}
    for entry in listings:
        listing = entry.listing
        for index, (number, title) in enumerate(listing.entries):
            if number in saved or listed[number][0] is not entry:
                continue
            placed.append(
                Story(
                    source=entry.source,
                    key=f"content_{number}",
                    ref=f"entry:{number}",
                    title=title,
                    page=listing.page,
                    date=listing.date,
                    masthead=listing.masthead,
                    issue_date=listing.date,
                    order=(entry.order, index),
                    front_matter=listing.pages,
                )
            )
    return placed
