"""NewsML-G2 packageItems and item versions: which stories make an issue, in what order.

A packageItem is an issue of its own (a front page, a top-ten list): the items it references
are placed in it in the package's order, and references to items that are not in the archive
become headline-and-summary entries. When several files hold versions of one guid, the highest
``version`` wins.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from lxml import etree

from reader.formats.common import markup
from reader.formats.common.stories import Story
from reader.formats.newsml.item import TEXT_CLASSES, Item, code, meta_date, provider


@dataclass
class Package:
    """A packageItem: the issue it makes and its references, in order."""

    source: str
    guid: str
    position: int
    masthead: str
    date: dt.date | None
    front_matter: tuple[str, ...]
    refs: list[etree._Element] = field(default_factory=list)


def read_package(
    element: etree._Element, name: str, order: tuple[int, int], sent: dt.date | None
) -> Package:
    """A packageItem with its references; ``sent`` is the newsMessage's date, if any."""
    item_meta = markup.child(element, "itemmeta")
    content_meta = markup.child(element, "contentmeta")
    headings = (
        markup.title_of(markup.child(content_meta, "headline")),
        markup.title_of(markup.child(item_meta, "title")),
    )
    return Package(
        source=name,
        guid=element.get("guid", "").strip(),
        position=order[1],
        masthead=provider(item_meta, element),
        date=meta_date(content_meta, "contentcreated")
        or meta_date(item_meta, "firstcreated")
        or meta_date(item_meta, "versioncreated")
        or sent,
        front_matter=tuple(dict.fromkeys(h for h in headings if h)),
        refs=list(markup.descendants(element, "itemref")),
    )


def latest_versions(items: list[Item]) -> list[Item]:
    """Drop items that a higher version of the same guid supersedes.

    Between files with the same version, the last file wins; items repeating a guid inside
    one file cannot be told apart and are all kept.
    """
    best: dict[str, int] = {}
    for item in items:
        if item.guid:
            best[item.guid] = max(best.get(item.guid, item.version), item.version)
    holder = {i.guid: i.story.source for i in items if i.guid and i.version == best[i.guid]}
    return [
        i
        for i in items
        if not i.guid or (i.version == best[i.guid] and i.story.source == holder[i.guid])
    ]


def place(items: list[Item], packages: list[Package]) -> tuple[list[Story], set[str]]:
    """Stories in their issues, and the files that gave something to read."""
    by_guid = {i.guid: i for i in items if i.guid}
    placed: dict[int, Story] = {}
    stories: list[Story] = []
    used: set[str] = set()
    for number, package in enumerate(packages):
        edition = f"package {package.guid or package.source}"
        for ref_number, ref in enumerate(package.refs):
            target = by_guid.get(ref.get("residref", "").strip())
            if target is not None and id(target) not in placed:
                if not target.story.is_empty:
                    placed[id(target)] = replace(
                        target.story,
                        masthead=package.masthead or target.story.masthead,
                        issue_date=package.date,
                        edition=edition,
                        order=(number, ref_number),
                        front_matter=package.front_matter,
                    )
                    used.add(package.source)
                continue
            if target is None:
                stub = _reference(ref, package, f"ref:{package.position}.{ref_number}")
                if stub is not None:
                    stories.append(replace(stub, edition=edition, order=(number, ref_number)))
                    used.add(package.source)
    for item in items:
        story = placed.get(id(item), item.story)
        if not story.is_empty:
            stories.append(story)
            used.add(story.source)
    return stories, used


def _reference(ref: etree._Element, package: Package, locator: str) -> Story | None:
    """A package entry for an item that is not in the archive: its title and summary."""
    if code(markup.child(ref, "itemclass")) not in TEXT_CLASSES:
        return None
    title = markup.title_of(markup.child(ref, "title"))
    summary = markup.text_of(markup.child(ref, "description"))
    if not title and not summary:
        return None
    return Story(
        source=package.source,
        key=f"ref:{ref.get('residref', '') or locator}",
        ref=locator,
        title=title,
        paragraphs=(summary,) if summary else (),
        masthead=package.masthead,
        issue_date=package.date,
        front_matter=package.front_matter,
    )
