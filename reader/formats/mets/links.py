"""A METS structLink read into plain data: which physical divs each logical div is made of.

The British Library's Heritage Made Digital profile leaves its ARTICLE divs empty and says in
``structLink`` which page areas (physical ``pagearea`` divs pointing at ALTO words) make each
one. Both METS forms are read: ``smLink`` (``xlink:from``/``xlink:to`` name div IDs) and
``smLinkGrp`` (locators with labels, joined by arcs from one label to another).
"""

from __future__ import annotations

from lxml import etree

from reader.formats.common import xmltree

_XLINK = "{http://www.w3.org/1999/xlink}"


def read_links(struct_link: etree._Element) -> dict[str, list[str]]:
    """Logical div ID → the div IDs it is linked to, in document order, each once.

    Args:
        struct_link: the ``structLink`` element.
    """
    links: dict[str, list[str]] = {}

    def add(source: str, target: str) -> None:
        if source and target and target not in links.setdefault(source, []):
            links[source].append(target)

    for link in xmltree.children(struct_link, "smLink"):
        add(_id(_attribute(link, "from")), _id(_attribute(link, "to")))
    for group in xmltree.children(struct_link, "smLinkGrp"):
        by_label: dict[str, list[str]] = {}
        for locator in xmltree.children(group, "smLocatorLink"):
            label = _attribute(locator, "label")
            by_label.setdefault(label, []).append(_id(_attribute(locator, "href")))
        for arc in xmltree.children(group, "smArcLink"):
            for source in by_label.get(_attribute(arc, "from"), []):
                for target in by_label.get(_attribute(arc, "to"), []):
                    add(source, target)
    return links


def _attribute(element: etree._Element, name: str) -> str:
    """An xlink attribute (or the same name without a namespace, as some writers leave it)."""
    return (element.get(_XLINK + name) or element.get(name) or "").strip()


def _id(reference: str) -> str:
    """The div ID of ``#art0001`` (a same-document URL) or of a bare ``art0001``."""
    return reference.rpartition("#")[2]
