"""One NewsML-G2 newsItem (or a bare contentSet/contentMeta fragment) read into a story.

The headline, byline and dates come from ``contentMeta`` and from the NITF or XHTML body in
``contentSet/inlineXML`` (or the plain text in ``inlineData``); the item's metadata fills in
what the body does not say.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from lxml import etree

from reader.formats.common import markup
from reader.formats.common.dates import parse_date, whole_number
from reader.formats.common.stories import Story, clean_text
from reader.formats.common.xmltree import XML_LANG
from reader.formats.newsml import nitf

# Item classes with text to read; pictures, video and graphics are not articles.
TEXT_CLASSES = frozenset({"", "text", "composite"})


@dataclass
class Item:
    """A newsItem read from a file, with what decides between its versions."""

    story: Story
    guid: str
    version: int
    kind: str


def read_item(
    element: etree._Element, name: str, order: tuple[int, int], sent: dt.date | None
) -> Item:
    """A newsItem (or fragment) as a story; ``sent`` is the newsMessage's date, if any."""
    kind = markup.local(element)
    item_meta = markup.child(element, "itemmeta")
    content_meta = element if kind == "contentmeta" else markup.child(element, "contentmeta")
    content_set = element if kind == "contentset" else markup.child(element, "contentset")
    item_class = code(markup.child(item_meta, "itemclass"))
    body = _body(content_set)
    headlines = markup.children(content_meta, "headline")
    main = next((h for h in headlines if "sub" not in h.get("role", "")), None)
    sub = next((h for h in headlines if "sub" in h.get("role", "")), None)
    if sub is None:
        sub = markup.child(content_meta, "subheadline")
    date = (
        meta_date(content_meta, "contentcreated")
        or meta_date(item_meta, "firstcreated")
        or meta_date(item_meta, "versioncreated")
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
        masthead=body.masthead or provider(item_meta, element),
        issue_date=body.issue_date or date,
        edition=body.edition,
        order=order,
    )
    if item_class not in TEXT_CLASSES:
        story = replace(story, title="", subtitle="")
    return Item(story, guid, _int(element.get("version", "")), item_class or "text")


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


def body_element(item: etree._Element) -> etree._Element | None:
    """The element whose markup is the item's original text (its headline when it has no body)."""
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


def provider(item_meta: etree._Element | None, item: etree._Element | None = None) -> str:
    """The name an item is published under: the nearest thing to a masthead.

    NewsML-G2 has no publication element. The ``service`` (the editorial service the item is
    distributed by) names it best, then the ``provider`` ("the party responsible for the
    management and release of the item") by name or code; a provider given by a URI alone
    (IPTC's LISTING 2) leaves the ``copyrightHolder`` in ``rightsInfo``, the firm that owns
    the item and is, in practice, the same. ``infoSource`` is not used: it names a source of
    the content (an agency the story drew on), not who publishes it.
    """
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
    for rights in markup.children(item, "rightsinfo"):
        holder = markup.child(rights, "copyrightholder")
        if holder is not None:
            text = markup.text_of(markup.child(holder, "name")) or holder.get("literal", "")
            if text.strip():
                return text.strip()
    return ""


def _language(item: etree._Element, content_meta: etree._Element | None) -> str:
    language = markup.child(content_meta, "language")
    if language is not None and language.get("tag"):
        return language.get("tag", "")
    return item.get(XML_LANG, "")


def meta_date(element: etree._Element | None, name: str) -> dt.date | None:
    """The date in a metadata child such as ``contentCreated``; None when absent."""
    return parse_date(markup.text_of(markup.child(element, name)))


def code(element: etree._Element | None) -> str:
    """``ninat:text`` → ``text``; '' when the element or its qcode is missing."""
    if element is None:
        return ""
    return element.get("qcode", "").rpartition(":")[2].strip().lower()


def _int(text: str) -> int:
    return whole_number(text) or 0
