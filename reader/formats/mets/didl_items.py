"""The items of a Delpher DIDL read into plain data: its pages and its articles' zoning.

Shared by the DIDL importer (:mod:`reader.formats.mets.didl`), which builds articles from them,
and by the page view, which needs each page's ALTO file and scan and each article's blocks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from reader.formats.common import xmlsafe, xmltree
from reader.formats.common.source import Source
from reader.model import CorruptArchive, Reason

_XSI_DECLARATION = b'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
_ROOT_START = re.compile(rb"<(?:[\w.-]+:)?DIDL\b")
_ROLE = "{http://purl.org/dc/elements/1.1/}type"
IDENTIFIER = "{http://purl.org/dc/elements/1.1/}identifier"
# A page's scans by preference: the copy made for viewing before the preservation master.
_IMAGE_ROLES = ("image", "image/access", "image/preservation")


def parse_didl(data: bytes, name: str) -> etree._Element:
    """Parse a DIDL, mending the one flaw Delpher's files are known for.

    They use ``xsi:type`` without declaring the ``xsi`` prefix, which is not namespace-well-formed;
    the declaration is added to the root element and the file parsed again.
    """
    try:
        return xmlsafe.parse_bytes(data, name)
    except CorruptArchive as exc:
        if "Namespace prefix xsi" not in exc.reason.value("detail") or _XSI_DECLARATION in data:
            raise
    mended = _ROOT_START.sub(rb"\g<0> " + _XSI_DECLARATION, data, count=1)
    return xmlsafe.parse_bytes(mended, name)


@dataclass
class Record:
    """An article item of the DIDL: what it is called and where its text is."""

    identifier: str
    title: str = ""
    subject: str = ""
    text_file: str = ""
    page_id: str = ""
    parts: list[tuple[str, list[str]]] = field(default_factory=list)


@dataclass(frozen=True)
class PageItem:
    """A page item of the DIDL: its identifier, printed number, ALTO file and scans named."""

    identifier: str
    number: str
    alto: str
    images: tuple[str, ...]


def find_article(source: Source, didl_name: str, identifier: str) -> Record:
    """The article item with this identifier; CorruptArchive when the DIDL no longer has it."""
    root = parse_didl(source.read_bytes(didl_name), didl_name)
    item = next(xmltree.children(root, "Item"), None)
    for article in items(item, "article") if item is not None else []:
        if article.get(IDENTIFIER, "") == identifier:
            return read_record(article)
    raise CorruptArchive(didl_name, Reason.of("didl_article_gone", identifier=identifier))


def read_record(item: etree._Element) -> Record:
    """An article item's title, kind, text file and zoning (its ALTO blocks, page by page)."""
    record = Record(item.get(IDENTIFIER, ""))
    for component in xmltree.children(item, "Component"):
        kind = role(component)
        if kind == "ocr":
            resource = next(xmltree.descendants(component, "Resource"), None)
            if resource is not None:
                record.text_file = filename(resource)
        elif kind == "metadata":
            meta = metadata_of(component)
            record.title = meta.get("title", "")
            record.subject = meta.get("subject", "")
        elif kind == "metadata/zoning":
            for part in xmltree.descendants(component, "article-part"):
                record.page_id = record.page_id or part.get("pageid", "")
                for blocks in xmltree.descendants(part, "blocks"):
                    ids = [
                        b.get("ID", "") for b in blocks if isinstance(b.tag, str) and b.get("ID")
                    ]
                    record.parts.append((blocks.get("alto", ""), ids))
    return record


def read_page_item(page: etree._Element) -> PageItem:
    """A page item's printed number (``nativePageNumber``, else its role's), ALTO and scans."""
    number = metadata(page).get("nativePageNumber") or role(page).removeprefix("page").strip()
    files: dict[str, str] = {}
    for component in xmltree.children(page, "Component"):
        resource = next(xmltree.children(component, "Resource"), None)
        if resource is not None:
            files.setdefault(role(component), filename(resource))
    images = tuple(files[r] for r in _IMAGE_ROLES if files.get(r))
    return PageItem(page.get(IDENTIFIER, ""), number, files.get("alto", ""), images)


def metadata(item: etree._Element) -> dict[str, str]:
    """The Dublin Core fields of an item's metadata component."""
    component = next(
        (c for c in xmltree.children(item, "Component") if role(c) == "metadata"), None
    )
    return metadata_of(component) if component is not None else {}


def metadata_of(component: etree._Element) -> dict[str, str]:
    """The Dublin Core fields of a metadata component, by local name (repeats space-joined)."""
    found: dict[str, list[str]] = {}
    for resource in xmltree.children(component, "Resource"):
        for element in resource.iter():
            if isinstance(element.tag, str) and len(element) == 0 and xmltree.text(element):
                found.setdefault(xmltree.local_name(element), []).append(xmltree.text(element))
    return {key: " ".join(values) for key, values in found.items()}


def items(item: etree._Element, kind: str) -> Iterator[etree._Element]:
    """Child items whose role starts with ``kind`` (``page 1``, ``article 3``)."""
    return (i for i in xmltree.children(item, "Item") if role(i).startswith(kind))


def role(element: etree._Element) -> str:
    """The ``dc:type="role"`` statement of an item or component (``page 1``, ``alto``)."""
    for descriptor in xmltree.children(element, "Descriptor"):
        for statement in xmltree.children(descriptor, "Statement"):
            if statement.get(_ROLE) == "role":
                return xmltree.text(statement)
    return ""


def filename(resource: etree._Element) -> str:
    """A resource's file name (``dcx:filename``), else its ``ref``."""
    for key, value in resource.attrib.items():
        if str(key).endswith("filename"):
            return str(value)
    return resource.get("ref", "")
