"""Parsing XML from outside safely: no entities expanded, no DTD or network fetched, default limits."""

from __future__ import annotations

import io
from collections.abc import Iterator

from lxml import etree

from reader.model import CorruptArchive, Reason


def parser(*, remove_comments: bool = False) -> etree.XMLParser:
    """An lxml parser that refuses XXE, billion laughs and external DTDs.

    ``huge_tree`` stays off, so libxml2's default limits on depth and text size apply.
    """
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=remove_comments,
    )


# Where a DOCTYPE's entity declarations are looked for when a document fails to parse.
_PROLOG_BYTES = 1 << 16


def parse_bytes(data: bytes, name: str) -> etree._Element:
    """Parse a whole document, refusing any DOCTYPE that declares entities."""
    try:
        root = etree.fromstring(data, parser())
    except etree.XMLSyntaxError as exc:
        raise refused_or_malformed(data, name, exc) from exc
    check_doctype(root.getroottree(), name)
    return root


def iterparse(
    data: bytes,
    name: str,
    events: tuple[str, ...] = ("end",),
    tag: str | tuple[str, ...] | None = None,
) -> Iterator[tuple[str, etree._Element]]:
    """Stream a document's elements with the same safety options as :func:`parser`.

    The DOCTYPE is checked before the first element is handed out, so nothing from a refused
    document reaches the caller. Callers clear elements they are done with to keep memory
    bounded. Raises CorruptArchive for refused or malformed XML (possibly after some elements
    of a truncated file were already yielded).
    """
    context = etree.iterparse(
        io.BytesIO(data),
        events=events,
        tag=tag,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    checked = False
    try:
        for event, element in context:
            if not checked:
                check_doctype(element.getroottree(), name)
                checked = True
            yield event, element
    except etree.XMLSyntaxError as exc:
        raise refused_or_malformed(data, name, exc) from exc
    if not checked and context.root is not None:
        check_doctype(context.root.getroottree(), name)


def refused_or_malformed(data: bytes, name: str, error: etree.XMLSyntaxError) -> CorruptArchive:
    """The problem for a document lxml stopped on: refused when it declares entities.

    lxml 6.2 stops at a reference to an external entity with a syntax error, before the
    DOCTYPE can be checked; such a file is refused for safety, as with earlier versions, not
    called damaged. A raw ``<!ENTITY`` can stand only in a DOCTYPE (or a comment or CDATA of
    a file already broken), and this runs only on failure, so the search costs nothing.
    """
    if b"<!ENTITY" in data[:_PROLOG_BYTES]:
        return CorruptArchive(name, Reason.of("xml_entities_refused"))
    return malformed(name, error)


def malformed(name: str, error: etree.XMLSyntaxError) -> CorruptArchive:
    """The problem for a file lxml cannot parse, worded for a user.

    ``error.msg`` is libxml2's message and position without lxml's ``(<string>, line N)``.
    """
    return CorruptArchive(name, Reason.of("not_well_formed_xml", detail=error.msg or error))


def check_doctype(tree: etree._ElementTree, name: str) -> None:
    """Refuse documents whose DOCTYPE declares entities or points at an external DTD."""
    docinfo = tree.docinfo
    dtd = docinfo.internalDTD
    # lxml-stubs lag behind lxml: DTD.iterentities and DocInfo.system_url exist since lxml 2.x/4.x.
    if dtd is not None and any(True for _ in dtd.iterentities()):  # type: ignore[attr-defined]
        raise CorruptArchive(name, Reason.of("xml_entities_refused"))
    if docinfo.system_url or docinfo.public_id:  # type: ignore[attr-defined]
        raise CorruptArchive(name, Reason.of("xml_external_dtd_refused"))
