"""Reading text out of XML and HTML trees: safe parsing, local names, paragraphs, headlines."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from reader.formats.common import xmlsafe
from reader.formats.common.stories import clean_text, clean_title
from reader.formats.common.textio import decode_text
from reader.model import CorruptArchive

# Elements whose text is one paragraph (XHTML, NITF and the HTML of e-paper pages).
PARAGRAPHS = frozenset(
    {"p", "hl2", "hl3", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "pre", "tagline"}
    | {"media-caption", "figcaption", "caption", "address", "tr"}
)
# Elements with nothing to read: scripts, styles, embedded objects, NITF media references.
SKIPPED = frozenset(
    {"script", "style", "noscript", "head", "img", "object", "embed", "iframe", "map", "form"}
    | {"input", "select", "button", "media-reference", "media-metadata", "media-object"}
)
_BREAK = "\x00"
_ENCODING_ERROR = re.compile(r"UTF-8|UTF-16|encoding|conversion failed", re.I)
_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def parse_xml(data: bytes, name: str) -> etree._Element:
    """Parse an XML file safely (see ``xmlsafe``), also when it is not in the encoding it declares.

    A GBK file saved without an encoding declaration (so read as UTF-8) is decoded by detection
    and parsed again, under the same safety rules; anything else malformed is CorruptArchive.
    """
    try:
        return xmlsafe.parse_bytes(data, name)
    except CorruptArchive as exc:
        if not _ENCODING_ERROR.search(exc.reason.value("detail")):
            raise
        first_error = exc
    text = _DECLARATION.sub("", decode_text(data, name), count=1)
    try:
        return xmlsafe.parse_bytes(text.encode("utf-8"), name)
    except CorruptArchive:
        raise first_error from None


def local(element: etree._Element) -> str:
    """An element's name without its namespace ('' for comments and processing instructions)."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].lower()


def children(element: etree._Element | None, name: str) -> list[etree._Element]:
    """Direct children with this local name, whatever their namespace ([] for None)."""
    if element is None:
        return []
    return [child for child in element if local(child) == name.lower()]


def child(element: etree._Element | None, *path: str) -> etree._Element | None:
    """The first element down a path of local names, or None."""
    for name in path:
        if element is None:
            return None
        element = next(iter(children(element, name)), None)
    return element


def descendants(element: etree._Element | None, name: str) -> Iterator[etree._Element]:
    """Every element below (and including) ``element`` with this local name."""
    if element is None:
        return iter(())
    return (node for node in element.iter() if local(node) == name.lower())


def text_of(element: etree._Element | None, skip: frozenset[str] = SKIPPED) -> str:
    """An element's text as one cleaned paragraph; '' for None."""
    if element is None:
        return ""
    return clean_text("".join(_pieces(element, skip)).replace(_BREAK, "\n"))


def title_of(element: etree._Element | None) -> str:
    """A headline element's text, its printed lines kept apart by one space; '' for None."""
    if element is None:
        return ""
    return clean_title("".join(_pieces(element)).replace(_BREAK, "\n"))


def paragraphs(element: etree._Element | None) -> list[str]:
    """The paragraphs of a body: block elements in document order, ``<br>`` splitting them."""
    found: list[str] = []
    if element is not None:
        _collect(element, found)
    return [p for p in found if p]


def _collect(element: etree._Element, found: list[str]) -> None:
    if element.text and element.text.strip():
        found.append(clean_text(element.text))
    for node in element:
        name = local(node)
        if name and name not in SKIPPED:
            if name in PARAGRAPHS or not _has_blocks(node):
                found.extend(clean_text(part) for part in "".join(_pieces(node)).split(_BREAK))
            else:
                _collect(node, found)
        if node.tail and node.tail.strip():
            found.append(clean_text(node.tail))


def _has_blocks(element: etree._Element) -> bool:
    return any(local(node) in PARAGRAPHS for node in element.iterdescendants())


def _pieces(element: etree._Element, skip: frozenset[str] = SKIPPED) -> Iterator[str]:
    """Text and tails in order, ``<br>`` as a break marker, skipped elements left out."""
    if element.text:
        yield element.text
    for node in element:
        name = local(node)
        if name == "br":
            yield _BREAK
        elif name in ("td", "th"):
            yield " "
            yield from _pieces(node, skip)
        elif name and name not in skip:
            yield from _pieces(node, skip)
        if node.tail:
            yield node.tail
