"""NewsML-G2 newsItem, packageItem and newsMessage files, with inline NITF, XHTML or plain text.

A text newsItem is one story: its headline, byline and dates come from ``contentMeta`` and
from the NITF or XHTML body in ``contentSet/inlineXML``. Stories are grouped into issues by
publication and date. A packageItem is an issue of its own (a front page, a top-ten list): the
items it references are placed in it in the package's order, and references to items that are
not in the archive become headline-and-summary entries. When several files hold versions of
one guid, the highest ``version`` wins.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field, replace

from lxml import etree

from reader.formats import markup, nitf
from reader.formats.loaded import Loaded
from reader.formats.source import Source
from reader.formats.stories import Story, build_issues, clean_text, default_publication
from reader.formats.xmlhead import root_tag
from reader.model import ArchiveSettings, Article, CorruptArchive

NAME = "newsml-g2"
EXTENSIONS = (".xml", ".newsml")
ITEM_ROOTS = frozenset({"newsitem", "packageitem", "newsmessage"})
# Parts of an item saved on their own (the IPTC guidelines' listings are such fragments).
FRAGMENT_ROOTS = frozenset({"contentset", "contentmeta", "inlinexml"})
# Item classes with text to read; pictures, video and graphics are not articles.
TEXT_CLASSES = frozenset({"", "text", "composite"})
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_ELEMENT_NAMES = {
    "newsitem": "newsItem",
    "packageitem": "packageItem",
    "newsmessage": "newsMessage",
    "contentset": "contentSet",
    "contentmeta": "contentMeta",
    "inlinexml": "inlineXML",
}


@dataclass
class _Item:
    """A newsItem read from a file, with what decides between its versions."""

    story: Story
    guid: str
    version: int
    kind: str


@dataclass
class _Package:
    """A packageItem: the issue it makes and its references, in order."""

    source: str
    guid: str
    position: int
    masthead: str
    date: dt.date | None
    front_matter: tuple[str, ...]
    refs: list[etree._Element] = field(default_factory=list)


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
    items: list[_Item] = []
    packages: list[_Package] = []
    roots: dict[str, str] = {}
    for position, name in enumerate(names):
        try:
            root = markup.parse_xml(source.read_bytes(name), name)
        except CorruptArchive as exc:
            loaded.add_problem(name, exc.detail)
            continue
        roots[name] = markup.local(root)
        file_items, file_packages = _read_file(root, name, position)
        items.extend(file_items)
        packages.extend(file_packages)
    latest = _latest_versions(items)
    # A file whose items all have later versions elsewhere is not broken, only out of date.
    superseded = {i.story.source for i in items} - {i.story.source for i in latest}
    stories, used = _place(latest, packages)
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
        return _serialise(_body_element(_item_elements(root)[int(number)]))
    except (IndexError, ValueError) as exc:  # the file changed since it was opened
        raise CorruptArchive(article.source, "the item is no longer in the file") from exc


def _read_file(
    root: etree._Element, name: str, position: int
) -> tuple[list[_Item], list[_Package]]:
    sent = markup.parse_date(markup.text_of(markup.child(root, "header", "sent")))
    items = [
        _read_item(element, name, (position, number), sent)
        for number, element in enumerate(_item_elements(root))
    ]
    guids = Counter(i.guid for i in items)
    for item in items:  # a guid repeated inside one file cannot tell its items apart
        if item.guid and guids[item.guid] > 1:
            item.story = replace(item.story, key=item.story.ref)
    packages = [
        _read_package(element, name, (position, number), sent)
        for number, element in enumerate(_package_elements(root))
    ]
    return items, packages


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


def _read_item(
    element: etree._Element, name: str, order: tuple[int, int], sent: dt.date | None
) -> _Item:
    kind = markup.local(element)
    item_meta = markup.child(element, "itemmeta")
    content_meta = element if kind == "contentmeta" else markup.child(element, "contentmeta")
    content_set = element if kind == "contentset" else markup.child(element, "contentset")
    item_class = _code(markup.child(item_meta, "itemclass"))
    body = _body(content_set)
    headlines = markup.children(content_meta, "headline")
    main = next((h for h in headlines if "sub" not in h.get("role", "")), None)
    sub = next((h for h in headlines if "sub" in h.get("role", "")), None)
    if sub is None:
        sub = markup.child(content_meta, "subheadline")
    date = (
        _date(content_meta, "contentcreated")
        or _date(item_meta, "firstcreated")
        or _date(item_meta, "versioncreated")
        or sent
    )
    dateline = markup.text_of(markup.child(content_meta, "dateline"))
    paragraphs = list(body.paragraphs)
    # The dateline opens the text it belongs to; alone it is metadata, not something to read.
    if paragraphs and dateline and not body.dateline and not paragraphs[0].startswith(dateline):
        paragraphs.insert(0, dateline)
    guid = element.get("guid", "").strip()
    position = order[1]
    story = Story(
        source=name,
        key=guid or f"item:{position}",
        ref=f"item:{position}",
        title=body.title
        or markup.title_of(main)
        or markup.title_of(markup.child(item_meta, "title")),
        subtitle=body.subtitle or markup.title_of(sub),
        column=body.column,
        authors=body.authors or _g2_authors(content_meta),
        page=body.page,
        date=body.date or date,
        paragraphs=tuple(paragraphs) if item_class in TEXT_CLASSES else (),
        language=body.language or _language(element, content_meta),
        masthead=body.masthead or _provider(item_meta),
        issue_date=body.issue_date or date,
        edition=body.edition,
        order=order,
    )
    if item_class not in TEXT_CLASSES:
        story = replace(story, title="", subtitle="")
    return _Item(story, guid, _int(element.get("version", "")), item_class or "text")


def _body(content_set: etree._Element | None) -> nitf.NitfText:
    """The story text of a contentSet: inline NITF, inline XHTML or inline plain text."""
    for part in markup.children(content_set, "inlinexml"):
        for element in part:
            kind = markup.local(element)
            if kind == "nitf":
                return nitf.read_nitf(element)
            if kind == "html":
                return _xhtml(element)
    for part in markup.children(content_set, "inlinedata"):
        text = "".join(str(piece) for piece in part.itertext())
        blocks = (clean_text(block) for block in text.replace("\r\n", "\n").split("\n\n"))
        found = tuple(b for b in blocks if b)
        if found:
            return nitf.NitfText(paragraphs=found)
    return nitf.NitfText()


def _xhtml(html: etree._Element) -> nitf.NitfText:
    body = markup.child(html, "body")
    found = markup.paragraphs(body)
    heading = next(markup.descendants(body, "h1"), None)
    title = markup.title_of(heading) or markup.title_of(markup.child(html, "head", "title"))
    if found and title and found[0] == title:
        found = found[1:]
    return nitf.NitfText(title=title, paragraphs=tuple(found))


def _body_element(item: etree._Element) -> etree._Element | None:
    content_set = item if markup.local(item) == "contentset" else markup.child(item, "contentset")
    for part in markup.children(content_set, "inlinexml"):
        for element in part:
            if markup.local(element) == "nitf":
                body = markup.child(element, "body", "body.content")
                return body if body is not None else element
            if markup.local(element) == "html":
                return markup.child(element, "body")
    inline = markup.child(content_set, "inlinedata")
    if inline is not None:
        return inline
    meta = item if markup.local(item) == "contentmeta" else markup.child(item, "contentmeta")
    return markup.child(meta, "headline")


def _read_package(
    element: etree._Element, name: str, order: tuple[int, int], sent: dt.date | None
) -> _Package:
    item_meta = markup.child(element, "itemmeta")
    content_meta = markup.child(element, "contentmeta")
    headings = (
        markup.title_of(markup.child(content_meta, "headline")),
        markup.title_of(markup.child(item_meta, "title")),
    )
    return _Package(
        source=name,
        guid=element.get("guid", "").strip(),
        position=order[1],
        masthead=_provider(item_meta),
        date=_date(content_meta, "contentcreated")
        or _date(item_meta, "firstcreated")
        or _date(item_meta, "versioncreated")
        or sent,
        front_matter=tuple(dict.fromkeys(h for h in headings if h)),
        refs=list(markup.descendants(element, "itemref")),
    )


def _latest_versions(items: list[_Item]) -> list[_Item]:
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


def _place(items: list[_Item], packages: list[_Package]) -> tuple[list[Story], set[str]]:
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


def _reference(ref: etree._Element, package: _Package, locator: str) -> Story | None:
    """A package entry for an item that is not in the archive: its title and summary."""
    if _code(markup.child(ref, "itemclass")) not in TEXT_CLASSES:
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


def _nothing_to_read(root: str, kinds: set[str]) -> str:
    others = sorted(k for k in kinds if k not in TEXT_CLASSES)
    if others and others == sorted(kinds):
        return f"a NewsML-G2 {', '.join(others)} item: no text to read"
    shown = _ELEMENT_NAMES.get(root, root)
    if root in FRAGMENT_ROOTS:
        return f"a NewsML-G2 <{shown}> fragment with no headline or text"
    return f"a NewsML-G2 {shown} with no headline or text (metadata only)"


def _g2_authors(content_meta: etree._Element | None) -> tuple[str, ...]:
    """The ``<by>`` line (NewsML-G2 2.x), else the creators' names."""
    by = markup.child(content_meta, "by")
    if by is not None:
        names = nitf.byline_names(by)
        if names:
            return names
    creators = (
        markup.text_of(markup.child(c, "name")) for c in markup.children(content_meta, "creator")
    )
    return tuple(c for c in creators if c)


def _provider(item_meta: etree._Element | None) -> str:
    """The service's name, else the provider's name or code: the nearest thing to a masthead."""
    for name in ("service", "provider"):
        element = markup.child(item_meta, name)
        if element is None:
            continue
        text = markup.text_of(markup.child(element, "name"))
        if text:
            return text
        code = element.get("literal") or element.get("qcode", "").partition(":")[2]
        if code:
            return code
    return ""


def _language(item: etree._Element, content_meta: etree._Element | None) -> str:
    language = markup.child(content_meta, "language")
    if language is not None and language.get("tag"):
        return language.get("tag", "")
    return item.get(_XML_LANG, "")


def _date(element: etree._Element | None, name: str) -> dt.date | None:
    return markup.parse_date(markup.text_of(markup.child(element, name)))


def _code(element: etree._Element | None) -> str:
    """``ninat:text`` → ``text``; '' when the element or its qcode is missing."""
    if element is None:
        return ""
    return element.get("qcode", "").rpartition(":")[2].strip().lower()


def _int(text: str) -> int:
    return int(text) if text.strip().isdigit() else 0


def _serialise(element: etree._Element | None) -> str:
    if element is None:
        return ""
    return etree.tostring(element, encoding="unicode", with_tail=False)
