"""NewsML-G2 newsItem, packageItem and newsMessage files, with inline NITF, XHTML or plain text.

A file holds one item, a packageItem, a bare fragment of an item, or a newsMessage of several
(its ``header/sent`` dates the items that carry no date; a newsMessage, which can be a whole
feed, is read as a stream, an item at a time). Each text newsItem is one story
(``item``); stories are grouped into issues by publication and date, except those a
packageItem places in an issue of its own (``package``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from lxml import etree

from reader.formats.common import markup, xmlsafe, xmltree
from reader.formats.common.dates import parse_date
from reader.formats.common.loaded import Loaded
from reader.formats.common.source import Source
from reader.formats.common.stories import build_issues, default_publication
from reader.formats.common.xmlhead import root_tag
from reader.formats.newsml.item import TEXT_CLASSES, Item, body_element, read_item
from reader.formats.newsml.package import Package, latest_versions, place, read_package
from reader.model import ArchiveSettings, Article, CorruptArchive, Reason

NAME = "newsml-g2"
EXTENSIONS = (".xml", ".newsml")
ITEM_ROOTS = frozenset({"newsitem", "packageitem", "newsmessage"})
# Parts of an item saved on their own (the IPTC guidelines' listings are such fragments).
FRAGMENT_ROOTS = frozenset({"contentset", "contentmeta", "inlinexml"})
_ELEMENT_NAMES = {
    "newsitem": "newsItem",
    "packageitem": "packageItem",
    "newsmessage": "newsMessage",
    "contentset": "contentSet",
    "contentmeta": "contentMeta",
    "inlinexml": "inlineXML",
}


def score(name: str, head: bytes) -> int:
    """High for a newsItem, packageItem or newsMessage; lower for a bare G2 fragment."""
    tag = root_tag(head)
    root = tag.name.lower() if tag is not None else ""
    if root in ITEM_ROOTS:
        return 90
    if root in FRAGMENT_ROOTS and name.lower().endswith(".xml"):
        return 60
    return 0


def load(source: Source, names: list[str], settings: ArchiveSettings) -> Loaded:
    """Read every file's items and packages, then place them into issues."""
    loaded = Loaded()
    items: list[Item] = []
    packages: list[Package] = []
    roots: dict[str, str] = {}
    for position, name in enumerate(names):
        try:
            roots[name], file_items, file_packages = _read_data(
                source.read_bytes(name), name, position
            )
        except CorruptArchive as exc:
            loaded.add_problem(name, exc.reason)
            continue
        items.extend(file_items)
        packages.extend(file_packages)
    latest = latest_versions(items)
    # A file whose items all have later versions elsewhere is not broken, only out of date.
    superseded = {i.story.source for i in items} - {i.story.source for i in latest}
    stories, used = place(latest, packages)
    for name, root_name in roots.items():
        if name not in used and name not in superseded:
            kinds = {i.kind for i in items if i.story.source == name}
            loaded.add_problem(name, _nothing_to_read(root_name, kinds))
    loaded.issues.extend(build_issues(stories, settings, NAME, default_publication(source.root)))
    return loaded


def read_original(source: Source, article: Article) -> str:
    """The item's body markup (NITF ``body.content``, XHTML ``body`` or text) as in the file."""
    root = markup.parse_xml(source.read_bytes(article.source), article.source)
    kind, _, number = article.ref.partition(":")
    try:
        if kind == "ref":
            package, _, ref = number.partition(".")
            element = _package_elements(root)[int(package)]
            return _serialise(list(markup.descendants(element, "itemref"))[int(ref)])
        return _serialise(body_element(_item_elements(root)[int(number)]))
    except (IndexError, ValueError) as exc:  # the file changed since it was opened
        raise CorruptArchive(article.source, Reason.of("article_gone")) from exc


class _NotAMessage(Exception):
    """The file's root is not a newsMessage: it is read whole."""


def _read_data(data: bytes, name: str, position: int) -> tuple[str, list[Item], list[Package]]:
    """A file's root element name, items and packages."""
    try:
        return _read_message(data, name, position)
    except _NotAMessage:
        pass
    except CorruptArchive:
        pass  # read whole below: that says why, or mends a mislabelled encoding
    root = markup.parse_xml(data, name)
    return (markup.local(root), *_read_file(root, name, position))


def _read_message(data: bytes, name: str, position: int) -> tuple[str, list[Item], list[Package]]:
    """A newsMessage read an item at a time, each newsItem dropped once read: memory stays bounded.

    Items and packages come in document order, as :func:`_read_file` finds them in the tree.
    """
    root: etree._Element | None = None
    sent = None
    sent_read = False
    items: list[Item] = []
    packages: list[Package] = []
    for event, element in xmlsafe.iterparse(data, name, ("start", "end")):
        if root is None:
            root = element
            if markup.local(root) != "newsmessage":
                raise _NotAMessage()
            continue
        if event == "start":
            continue
        kind = markup.local(element)
        if kind == "newsitem":
            items.append(read_item(element, name, (position, len(items)), sent))
            xmltree.drop_read(element)
        elif kind == "packageitem":
            # Kept: a package is small, and its references are read again when placing items.
            packages.append(read_package(element, name, (position, len(packages)), sent))
        elif kind == "header" and not sent_read and element.getparent() is root:
            sent_read = True
            sent = parse_date(markup.text_of(markup.child(element, "sent")))
    if root is None:
        raise _NotAMessage()
    _distinct_keys(items)
    return "newsmessage", items, packages


def _read_file(root: etree._Element, name: str, position: int) -> tuple[list[Item], list[Package]]:
    sent = parse_date(markup.text_of(markup.child(root, "header", "sent")))
    items = [
        read_item(element, name, (position, number), sent)
        for number, element in enumerate(_item_elements(root))
    ]
    _distinct_keys(items)
    packages = [
        read_package(element, name, (position, number), sent)
        for number, element in enumerate(_package_elements(root))
    ]
    return items, packages


def _distinct_keys(items: list[Item]) -> None:
    """A guid repeated inside one file cannot tell its items apart: their place in it does."""
    guids = Counter(i.guid for i in items)
    for item in items:
        if item.guid and guids[item.guid] > 1:
            item.story = replace(item.story, key=item.story.ref)


def _item_elements(root: etree._Element) -> list[etree._Element]:
    """The newsItems of a file in document order (a fragment counts as one item)."""
    kind = markup.local(root)
    if kind == "newsitem" or kind in FRAGMENT_ROOTS:
        return [root]
    if kind == "newsmessage":
        return list(markup.descendants(root, "newsitem"))
    return []


def _package_elements(root: etree._Element) -> list[etree._Element]:
    return list(markup.descendants(root, "packageitem"))


def _nothing_to_read(root: str, kinds: set[str]) -> Reason:
    others = sorted(k for k in kinds if k not in TEXT_CLASSES)
    if others and others == sorted(kinds):
        return Reason.of("newsml_no_text_item", kinds=", ".join(others))
    shown = _ELEMENT_NAMES.get(root, root)
    if root in FRAGMENT_ROOTS:
        return Reason.of("newsml_empty_fragment", element=shown)
    return Reason.of("newsml_metadata_only", element=shown)


def _serialise(element: etree._Element | None) -> str:
    if element is None:
        return ""
    return etree.tostring(element, encoding="unicode", with_tail=False)
