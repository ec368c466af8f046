"""Parsing XML from outside safely: no entities expanded, no DTD or network fetched, default limits."""

from __future__ import annotations

from lxml import etree

from reader.model import CorruptArchive


def parser(**options: bool) -> etree.XMLParser:
    """An lxml parser that refuses XXE, billion laughs and external DTDs.

    ``huge_tree`` stays off, so libxml2's default limits on depth and text size apply.
    """
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        **options,
    )


def parse_bytes(data: bytes, name: str) -> etree._Element:
    """Parse a whole document, refusing any DOCTYPE that declares entities."""
    try:
        root = etree.fromstring(data, parser(remove_comments=False))
    except etree.XMLSyntaxError as exc:
        raise CorruptArchive(name, f"not well-formed XML: {exc}") from exc
    check_doctype(root.getroottree(), name)
    return root


def check_doctype(tree: etree._ElementTree, name: str) -> None:
    """Refuse documents whose DOCTYPE declares entities or points at an external DTD."""
    docinfo = tree.docinfo
    if docinfo.internalDTD is not None and any(True for _ in docinfo.internalDTD.iterentities()):
        raise CorruptArchive(name, "the XML declares entities, which are refused for safety")
    if docinfo.system_url or docinfo.public_id:
        raise CorruptArchive(name, "the XML names an external DTD, which is refused for safety")
