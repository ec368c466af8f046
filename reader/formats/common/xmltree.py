"""Elements by exact local name, and their text, in library XML (METS, MODS, DIDL) of any namespace."""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

# Case is kept: these schemas are case-sensitive (``markup`` folds case, for HTML's sake).
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def local_name(element: etree._Element) -> str:
    """An element's name without its namespace ("" for comments and PIs); never raises.

    ``etree.QName`` refuses a tag whose prefix was never declared (``mods:mods`` after the
    ``xmlns:mods`` was lost), which libxml2 keeps as written; its local part is what was meant.
    """
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2].rpartition(":")[2]


def children(element: etree._Element, name: str) -> Iterator[etree._Element]:
    """Direct children with this local name, whatever their namespace."""
    for child in element:
        if local_name(child) == name:
            yield child


def descendants(element: etree._Element, *names: str) -> Iterator[etree._Element]:
    """Every element below (and including) ``element`` with one of these local names."""
    for child in element.iter():
        if local_name(child) in names:
            yield child


def texts(element: etree._Element, name: str) -> list[str]:
    """The non-empty texts (see :func:`text`) of the direct children with this local name."""
    return [text(c) for c in children(element, name) if text(c)]


def text(element: etree._Element) -> str:
    """All the text inside an element, runs of white space folded to one space."""
    return " ".join("".join(map(str, element.itertext())).split())


def drop_read(element: etree._Element) -> None:
    """Free an element read from a stream (``xmlsafe.iterparse``) and the siblings before it.

    The parser may already have added siblings after it (events come a buffer at a time), so
    only those before it go; their events have all been handled.
    """
    element.clear()
    parent = element.getparent()
    if parent is not None:
        del parent[: parent.index(element)]
