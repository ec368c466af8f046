"""METS files read into plain data: their MODS records, files, and physical and logical divs.

Elements are matched by local name, so the METS and MODS namespaces (or their absence, as in
the Europeana ``<mods>`` without one) do not matter. The file is streamed and each section is
dropped once read, so a METS of tens of MB does not become a tree of hundreds.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from reader.formats.common import xmlsafe, xmltree
from reader.formats.common.xmlhead import RootTag
from reader.formats.mets.links import read_links

METS_NAMESPACE = "http://www.loc.gov/METS/"
# Roles that make a MODS name an author of the text (MARC relator codes and words).
_AUTHOR_ROLES = frozenset({"", "aut", "author", "cre", "creator"})
_SECTIONS = ("{*}dmdSec", "{*}amdSec", "{*}file", "{*}structMap", "{*}structLink", "{*}mets")


def is_mets(root: RootTag | None) -> bool:
    """Whether a root element is a METS document."""
    if root is None or root.name.lower() != "mets":
        return False
    return root.namespace in ("", METS_NAMESPACE) or "mets" in root.namespace.lower()


def is_ndnp(root: RootTag | None) -> bool:
    """Whether a METS is a Library of Congress NDNP issue or reel (read by the NDNP importer)."""
    if not is_mets(root) or root is None:
        return False
    return "ndnp" in root.attribute("PROFILE").lower() or "ndnp" in root.attribute("TYPE").lower()


@dataclass(frozen=True)
class Mods:
    """What a MODS record says that a reader shows: titles, names, language, date, numbers."""

    titles: tuple[tuple[str, str], ...] = ()
    subtitles: tuple[str, ...] = ()
    part_numbers: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()
    details: tuple[tuple[str, str], ...] = ()
    page_start: str = ""
    identifiers: tuple[tuple[str, str], ...] = ()

    def detail(self, kind: str) -> str:
        """The number of a ``part/detail`` of this type (``issue``, ``volume``, ``page number``)."""
        return next((number for k, number in self.details if k == kind), "")

    def identifier(self, kind: str) -> str:
        """The identifier of this type (``lccn``, ``local``), or ""."""
        return next((value for k, value in self.identifiers if k == kind), "")


@dataclass(frozen=True)
class Area:
    """A pointer from a div into a file: the whole file, or the IDs ``begin`` to ``end`` in it."""

    file_id: str
    begin: str = ""
    end: str = ""


@dataclass
class Div:
    """A structMap div with its pointers (in document order) and its child divs."""

    id: str
    type: str
    label: str = ""
    order: str = ""
    order_label: str = ""
    dmd_ids: tuple[str, ...] = ()
    areas: list[Area] = field(default_factory=list)
    children: list[Div] = field(default_factory=list)

    @property
    def kind(self) -> str:
        """The TYPE lower-cased, without a namespace-like prefix (``np:page`` → ``page``)."""
        return self.type.rpartition(":")[2].lower()

    def walk(self) -> Iterator[Div]:
        """This div and every div below it, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def all_areas(self) -> Iterator[Area]:
        """Every area of this div and its descendants, in document order."""
        for div in self.walk():
            yield from div.areas


@dataclass(frozen=True)
class MetsFile:
    """A file the METS lists: where it is, its group's USE and its MIME type."""

    id: str
    href: str
    use: str = ""
    mimetype: str = ""


@dataclass
class MetsDocument:
    """One METS file, read."""

    name: str
    label: str = ""
    profile: str = ""
    type: str = ""
    mods: dict[str, Mods] = field(default_factory=dict)
    files: dict[str, MetsFile] = field(default_factory=dict)
    physical: Div | None = None
    logical: Div | None = None
    links: dict[str, list[str]] = field(default_factory=dict)

    def mods_for(self, div: Div) -> list[Mods]:
        """The MODS records a div points at, in DMDID order."""
        return [self.mods[d] for d in div.dmd_ids if d in self.mods]


def read_mets(data: bytes, name: str) -> MetsDocument:
    """Read a METS file (streamed); raises CorruptArchive when it is refused or malformed."""
    document = MetsDocument(name)
    for event, element in xmlsafe.iterparse(data, name, ("start", "end"), _SECTIONS):
        local = xmltree.local_name(element)
        if local == "mets":
            if event == "start":
                document.label = element.get("LABEL", "").strip()
                document.profile = element.get("PROFILE", "")
                document.type = element.get("TYPE", "")
            continue
        if event != "end":
            continue
        if local == "dmdSec":
            record = next(xmltree.descendants(element, "mods"), None)
            if record is not None:
                document.mods[element.get("ID", "")] = read_mods(record)
        elif local == "file":
            _add_file(document, element)
        elif local == "structMap":
            _add_struct_map(document, element)
        elif local == "structLink":
            document.links = read_links(element)
        # Done with this section (technical metadata is never read): drop it to bound memory.
        element.clear()
    _graft_links(document)
    return document


def _graft_links(document: MetsDocument) -> None:
    """Give each empty logical div the physical divs the structLink makes it of (BL's profile).

    A linked div becomes a child named by its LABEL (``Headline``, ``Textblock``), so that a
    headline area is read as the article's heading and the rest as its body. A logical div
    that points at files itself keeps only its own pointers.
    """
    if not document.links or document.logical is None or document.physical is None:
        return
    physical = {div.id: div for div in document.physical.walk() if div.id}
    for div in list(document.logical.walk()):
        if div.children or div.areas:
            continue
        for target in (physical[t] for t in document.links.get(div.id, []) if t in physical):
            kind = target.label if target.kind == "pagearea" and target.label else target.type
            div.children.append(Div(target.id, kind, target.label, areas=list(target.areas)))


def read_mods(record: etree._Element) -> Mods:
    """The fields of one ``mods`` element that the reader uses."""
    titles: list[tuple[str, str]] = []
    subtitles: list[str] = []
    part_numbers: list[str] = []
    for info in xmltree.children(record, "titleInfo"):
        if info.get("type") in ("abbreviated", "uniform"):
            continue
        lang = info.get(xmltree.XML_LANG, "")
        non_sort = " ".join(xmltree.texts(info, "nonSort"))
        for title in xmltree.texts(info, "title"):
            titles.append((f"{non_sort} {title}".strip(), lang))
        subtitles.extend(xmltree.texts(info, "subTitle"))
        part_numbers.extend(xmltree.texts(info, "partNumber"))
    dates = [
        (d.get("keyDate") != "yes", xmltree.text(d))
        for d in xmltree.descendants(record, "dateIssued", "dateCreated")
        if xmltree.text(d)
        and d.get("qualifier") != "questionable"
        and d.get("qualifer") != "questionable"
    ]
    details = []
    for detail in xmltree.descendants(record, "detail"):
        number = next(
            (xmltree.text(n) for n in xmltree.children(detail, "number") if xmltree.text(n)), ""
        )
        if number:
            details.append((detail.get("type", "").lower(), number))
    return Mods(
        titles=tuple(titles),
        subtitles=tuple(subtitles),
        part_numbers=tuple(part_numbers),
        authors=tuple(_authors(record)),
        languages=tuple(_languages(record)),
        dates=tuple(text for _, text in sorted(dates, key=lambda d: d[0])),
        details=tuple(details),
        page_start=next(
            (xmltree.text(s) for s in xmltree.descendants(record, "start") if xmltree.text(s)), ""
        ),
        identifiers=tuple(
            (i.get("type", "").lower(), xmltree.text(i))
            for i in xmltree.descendants(record, "identifier")
        ),
    )


def _add_file(document: MetsDocument, element: etree._Element) -> None:
    parent = element.getparent()
    if parent is None or xmltree.local_name(parent) != "fileGrp":
        return
    location = next(xmltree.children(element, "FLocat"), None)
    if location is None:
        return
    href = location.get("{http://www.w3.org/1999/xlink}href", "") or location.get("href", "")
    use = element.get("USE") or parent.get("USE") or ""
    document.files[element.get("ID", "")] = MetsFile(
        element.get("ID", ""), href, use, element.get("MIMETYPE", "")
    )


def _add_struct_map(document: MetsDocument, element: etree._Element) -> None:
    top = next(xmltree.children(element, "div"), None)
    if top is None:
        return
    root = _div(top)
    kind = element.get("TYPE", "").lower()
    if kind == "logical" and document.logical is None:
        document.logical = root
    elif kind == "physical" and document.physical is None:
        document.physical = root
    elif not kind and document.physical is None:
        # NDNP writes one untyped structMap of issue > pages: a physical one.
        document.physical = root


def _div(element: etree._Element) -> Div:
    div = Div(
        id=element.get("ID", ""),
        type=element.get("TYPE", ""),
        label=element.get("LABEL", "").strip(),
        order=element.get("ORDER", ""),
        order_label=element.get("ORDERLABEL", ""),
        dmd_ids=tuple(element.get("DMDID", "").split()),
    )
    for child in element:
        if not isinstance(child.tag, str):
            continue
        local = xmltree.local_name(child)
        if local == "div":
            div.children.append(_div(child))
        elif local == "fptr":
            if child.get("FILEID"):
                div.areas.append(Area(child.get("FILEID", "")))
            div.areas.extend(
                Area(a.get("FILEID", ""), a.get("BEGIN", ""), a.get("END", ""))
                for a in xmltree.descendants(child, "area")
                if a.get("FILEID")
            )
    return div


def _authors(record: etree._Element) -> Iterator[str]:
    for name in xmltree.children(record, "name"):
        roles = {xmltree.text(r).lower() for r in xmltree.descendants(name, "roleTerm")} or {""}
        if not roles & _AUTHOR_ROLES:
            continue
        display = " ".join(xmltree.texts(name, "displayForm"))
        if display:
            yield display
            continue
        parts = {p.get("type", ""): xmltree.text(p) for p in xmltree.children(name, "namePart")}
        given, family = parts.pop("given", ""), parts.pop("family", "")
        full = " ".join(p for p in (given, family, *parts.values()) if p)
        if full:
            yield full


def _languages(record: etree._Element) -> Iterator[str]:
    for language in xmltree.children(record, "language"):
        terms = list(xmltree.children(language, "languageTerm"))
        coded = [t for t in terms if t.get("type") == "code"]
        for term in coded or terms:
            if xmltree.text(term):
                yield xmltree.text(term)
