"""METS files read into plain data: their MODS records, files, and physical and logical divs.

Elements are matched by local name, so the METS and MODS namespaces (or their absence, as in
the Europeana ``<mods>`` without one) do not matter. The file is streamed and each section is
dropped once read, so a METS of tens of MB does not become a tree of hundreds.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from lxml import etree

from reader.formats import xmlsafe
from reader.formats.source import Source
from reader.formats.xmlhead import RootTag
from reader.model import CorruptArchive

METS_NAMESPACE = "http://www.loc.gov/METS/"
# Roles that make a MODS name an author of the text (MARC relator codes and words).
_AUTHOR_ROLES = frozenset({"", "aut", "author", "cre", "creator"})
_SECTIONS = ("{*}dmdSec", "{*}amdSec", "{*}file", "{*}structMap", "{*}mets")


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

    def mods_for(self, div: Div) -> list[Mods]:
        """The MODS records a div points at, in DMDID order."""
        return [self.mods[d] for d in div.dmd_ids if d in self.mods]


def read_mets(data: bytes, name: str) -> MetsDocument:
    """Read a METS file (streamed); raises CorruptArchive when it is refused or malformed."""
    document = MetsDocument(name)
    for event, element in xmlsafe.iterparse(data, name, ("start", "end"), _SECTIONS):
        local = etree.QName(element).localname
        if local == "mets":
            if event == "start":
                document.label = element.get("LABEL", "").strip()
                document.profile = element.get("PROFILE", "")
                document.type = element.get("TYPE", "")
            continue
        if event != "end":
            continue
        if local == "dmdSec":
            record = next(_descendants(element, "mods"), None)
            if record is not None:
                document.mods[element.get("ID", "")] = read_mods(record)
        elif local == "file":
            _add_file(document, element)
        elif local == "structMap":
            _add_struct_map(document, element)
        # Done with this section (technical metadata is never read): drop it to bound memory.
        element.clear()
    return document


def read_mods(record: etree._Element) -> Mods:
    """The fields of one ``mods`` element that the reader uses."""
    titles: list[tuple[str, str]] = []
    subtitles: list[str] = []
    part_numbers: list[str] = []
    for info in _children(record, "titleInfo"):
        if info.get("type") in ("abbreviated", "uniform"):
            continue
        lang = info.get("{http://www.w3.org/XML/1998/namespace}lang", "")
        non_sort = " ".join(_texts(info, "nonSort"))
        for title in _texts(info, "title"):
            titles.append((f"{non_sort} {title}".strip(), lang))
        subtitles.extend(_texts(info, "subTitle"))
        part_numbers.extend(_texts(info, "partNumber"))
    dates = [
        (d.get("keyDate") != "yes", _text(d))
        for d in _descendants(record, "dateIssued", "dateCreated")
        if _text(d) and d.get("qualifier") != "questionable" and d.get("qualifer") != "questionable"
    ]
    details = []
    for detail in _descendants(record, "detail"):
        number = next((_text(n) for n in _children(detail, "number") if _text(n)), "")
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
        page_start=next((_text(s) for s in _descendants(record, "start") if _text(s)), ""),
        identifiers=tuple(
            (i.get("type", "").lower(), _text(i)) for i in _descendants(record, "identifier")
        ),
    )


class ArchiveNames:
    """Every file name in an archive, indexed by base name and by folder, to find files by.

    Built once per load from the source's listing. METS files list pages (and images that are often not there) by paths
    that may not match the archive's, and looking each of those up by scanning every name
    would cost an archive of ten thousand pages minutes.
    """

    def __init__(self, source: Source) -> None:
        self._source = source
        self.names = frozenset(source.names())
        self._by_base: dict[str, list[str]] = {}
        self._by_folder: dict[str, list[str]] = {}
        for name in sorted(self.names):
            folder, _, base = name.rpartition("/")
            self._by_base.setdefault(base, []).append(name)
            self._by_folder.setdefault(folder, []).append(name)

    def __contains__(self, name: object) -> bool:
        if name in self.names:
            return True
        # A single file opened on its own lists only itself; its pages are still beside it.
        if not isinstance(name, str) or not name:
            return False
        try:
            self._source.info(name)
        except (OSError, CorruptArchive):
            return False
        return True

    def in_folder(self, folder: str) -> list[str]:
        """The files directly in a folder ("" for the root), sorted."""
        return self._by_folder.get(folder, [])

    def resolve(self, href: str, relative_to: str) -> str:
        """The archive name of a file a METS (or DIDL) points at.

        ``file://./ALTO/p1.xml``, ``ALTO/p1.xml`` and ``p1.xml`` are taken relative to the
        folder of ``relative_to``. A URL, or a path leading out of the archive, cannot be read,
        so the file is looked for by its base name in that folder or below it instead. Returns
        the name even when no such file exists (so that it can be reported missing), or "" when
        the href names no file at all.
        """
        parts = urlsplit(href.strip())
        folder = posixpath.dirname(relative_to)
        candidate = ""
        if parts.scheme in ("", "file") and not parts.netloc.strip("."):
            path = unquote(parts.path)
            if parts.netloc == ".":
                path = path.lstrip("/")
            joined = posixpath.normpath(posixpath.join(folder, path)) if path else ""
            if joined and joined != ".." and not joined.startswith(("../", "/")):
                candidate = joined
                if candidate in self.names:
                    return candidate
        base = posixpath.basename(unquote(parts.path).rstrip("/"))
        if not base:
            return candidate
        prefix = f"{folder}/" if folder else ""
        found = [n for n in self._by_base.get(base, []) if n.startswith(prefix)]
        if found:
            return found[0]
        return candidate or (prefix + base)


def _add_file(document: MetsDocument, element: etree._Element) -> None:
    parent = element.getparent()
    if parent is None or etree.QName(parent).localname != "fileGrp":
        return
    location = next(_children(element, "FLocat"), None)
    if location is None:
        return
    href = location.get("{http://www.w3.org/1999/xlink}href", "") or location.get("href", "")
    use = element.get("USE") or parent.get("USE") or ""
    document.files[element.get("ID", "")] = MetsFile(
        element.get("ID", ""), href, use, element.get("MIMETYPE", "")
    )


def _add_struct_map(document: MetsDocument, element: etree._Element) -> None:
    top = next(_children(element, "div"), None)
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
        local = etree.QName(child).localname
        if local == "div":
            div.children.append(_div(child))
        elif local == "fptr":
            if child.get("FILEID"):
                div.areas.append(Area(child.get("FILEID", "")))
            div.areas.extend(
                Area(a.get("FILEID", ""), a.get("BEGIN", ""), a.get("END", ""))
                for a in _descendants(child, "area")
                if a.get("FILEID")
            )
    return div


def _authors(record: etree._Element) -> Iterator[str]:
    for name in _children(record, "name"):
        roles = {_text(r).lower() for r in _descendants(name, "roleTerm")} or {""}
        if not roles & _AUTHOR_ROLES:
            continue
        display = " ".join(_texts(name, "displayForm"))
        if display:
            yield display
            continue
        parts = {p.get("type", ""): _text(p) for p in _children(name, "namePart")}
        given, family = parts.pop("given", ""), parts.pop("family", "")
        full = " ".join(p for p in (given, family, *parts.values()) if p)
        if full:
            yield full


def _languages(record: etree._Element) -> Iterator[str]:
    for language in _children(record, "language"):
        terms = list(_children(language, "languageTerm"))
        coded = [t for t in terms if t.get("type") == "code"]
        for term in coded or terms:
            if _text(term):
                yield _text(term)


def _children(element: etree._Element, name: str) -> Iterator[etree._Element]:
    for child in element:
        if isinstance(child.tag, str) and etree.QName(child).localname == name:
            yield child


def _descendants(element: etree._Element, *names: str) -> Iterator[etree._Element]:
    for child in element.iter():
        if isinstance(child.tag, str) and etree.QName(child).localname in names:
            yield child


def _texts(element: etree._Element, name: str) -> list[str]:
    return [_text(c) for c in _children(element, name) if _text(c)]


def _text(element: etree._Element) -> str:
    return " ".join("".join(map(str, element.itertext())).split())
