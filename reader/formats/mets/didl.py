"""Delpher (KB, the Netherlands) issues: an MPEG-21 DIDL with ALTO pages and article text files.

The DIDL's issue metadata (Dublin Core in ``dcx``) gives title, date and issue number; each
``article N`` item gives a title, a kind (``artikel``, ``advertentie``…) and its zoning: the
ALTO blocks of each part, page by page. The text is rebuilt from those blocks; where an ALTO
page is missing, the article's ``…_articletext.xml`` (``<text><title/><p/>…``) is used instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from lxml import etree

from reader.formats.common import prose, xmlsafe, xmltree
from reader.formats.common.dates import find_date, parse_record_date
from reader.formats.common.loaded import Loaded
from reader.formats.common.source import Source
from reader.formats.common.stories import default_publication
from reader.formats.common.titles import mend_cut_label
from reader.formats.common.xmlhead import RootTag, read_root, root_tag
from reader.formats.mets import alto
from reader.formats.mets.archive_names import ArchiveNames
from reader.formats.mets.articles import ADVERT_COLUMN
from reader.model import (
    ArchiveSettings,
    Article,
    CorruptArchive,
    Issue,
    Problem,
    Reason,
    stable_id,
)

NAME = "delpher-didl"
EXTENSIONS = (".xml",)
DIDL_NAMESPACE = "urn:mpeg:mpeg21:2002:02-DIDL-NS"
ARTICLE_TEXT_SUFFIX = "_articletext.xml"
# Delpher's kinds of article (dc:subject), as columns; "artikel" is an ordinary article.
COLUMNS = {
    "artikel": "",
    "advertentie": ADVERT_COLUMN,
    "familiebericht": "Family notice",
    "illustratie met onderschrift": "Illustration",
}
_XSI_DECLARATION = b'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
_ROOT_START = re.compile(rb"<(?:[\w.-]+:)?DIDL\b")
_ROLE = "{http://purl.org/dc/elements/1.1/}type"
_IDENTIFIER = "{http://purl.org/dc/elements/1.1/}identifier"


def is_didl(root: RootTag | None) -> bool:
    """Whether a root element is an MPEG-21 DIDL."""
    return root is not None and root.name == "DIDL" and root.namespace in ("", DIDL_NAMESPACE)


def score(name: str, head: bytes) -> int:
    """90 for a DIDL, and for a Delpher article text or technical metadata file."""
    lower = name.lower()
    if not lower.endswith(EXTENSIONS):
        return 0
    root = root_tag(head)
    if is_didl(root):
        return 90
    if lower.endswith(ARTICLE_TEXT_SUFFIX) and root is not None and root.name == "text":
        return 90
    return 90 if lower.endswith("_techmeta.xml") and root is not None else 0


def load(source: Source, names: list[str], settings: ArchiveSettings) -> Loaded:
    """One issue per DIDL; article text files no DIDL lists are problems."""
    loaded = Loaded()
    everything = ArchiveNames(source)
    used: set[str] = set()
    for name in names:
        if not is_didl(read_root(source, name)):
            continue
        try:
            issue, files = _issue(source, name, settings, everything)
        except CorruptArchive as exc:
            loaded.add_problem(name, exc.reason)
            continue
        used |= files
        loaded.issues.append(issue)
    for name in names:
        if name.lower().endswith(ARTICLE_TEXT_SUFFIX) and name not in used:
            loaded.add_problem(name, Reason.of("didl_orphan_text"))
    return loaded


def read_original(source: Source, article: Article) -> str:
    """The article text file as Delpher gives it, or the article's ALTO lines as printed."""
    record = _find_article(source, article.source, article.ref)
    names = ArchiveNames(source)
    text_name = names.resolve(record.text_file, article.source) if record.text_file else ""
    if text_name in names:
        title, paragraphs = _article_text(source.read_bytes(text_name), text_name)
        return "\n\n".join(p for p in (title, *paragraphs) if p)
    pieces: list[str] = []
    for alto_file, block_ids in record.parts:
        name = names.resolve(alto_file, article.source)
        page = alto.parse_page(source.read_bytes(name), name, raw=True)
        pieces.extend(t for b in block_ids for t in page.texts(b) or [])
    return "\n\n".join(pieces)


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
class _Record:
    """An article item of the DIDL: what it is called and where its text is."""

    identifier: str
    title: str = ""
    subject: str = ""
    text_file: str = ""
    page_id: str = ""
    parts: list[tuple[str, list[str]]] = field(default_factory=list)


def _issue(
    source: Source, name: str, settings: ArchiveSettings, names: ArchiveNames
) -> tuple[Issue, set[str]]:
    root = parse_didl(source.read_bytes(name), name)
    item = next(xmltree.children(root, "Item"), None)
    if item is None:
        raise CorruptArchive(name, Reason.of("didl_without_issue"))
    meta = _metadata(item)
    date = parse_record_date(meta.get("date", "")) or find_date(name)
    issue_id = f"{date.isoformat() if date else 'undated'}-{stable_id(name, length=8)}"
    page_numbers = {}
    for page in _items(item, "page"):
        page_meta = _metadata(page)
        number = page_meta.get("nativePageNumber") or _role(page).removeprefix("page").strip()
        page_numbers[page.get(_IDENTIFIER, "")] = number
    languages = meta.get("language", "").split()
    language = languages[0] if len(languages) == 1 else settings.language
    pages: dict[str, alto.AltoPage | None] = {}
    problems: list[Problem] = []
    used: set[str] = set()
    articles = []
    for record in (_record(a) for a in _items(item, "article")):
        paragraphs = _paragraphs(source, name, record, names, pages, problems)
        text_name = names.resolve(record.text_file, name) if record.text_file else ""
        title = record.title
        if text_name in names:
            used.add(text_name)
            if not paragraphs or not title:
                text_title, text_paragraphs = _text_file(source, text_name, problems)
                title = title or text_title
                paragraphs = paragraphs or text_paragraphs
        title = mend_cut_label(title, paragraphs[:1])
        if paragraphs and " ".join(paragraphs[0].split()) == title:
            paragraphs = paragraphs[1:]  # the headline block, already the title
        articles.append(
            Article(
                id=f"{issue_id}-{stable_id(name, record.identifier, length=6)}",
                issue_id=issue_id,
                title=title,
                column=COLUMNS.get(record.subject.lower(), record.subject),
                page=page_numbers.get(record.page_id, ""),
                paragraphs=tuple(prose.reflow(paragraphs)),
                language=language,
                source=name,
                ref=record.identifier,
            )
        )
    issue = Issue(
        id=issue_id,
        publication=settings.publication
        or meta.get("title", "")
        or PurePosixPath(name).parent.name
        or default_publication(source.root),
        date=date,
        number=meta.get("issuenumber", ""),
        source=name,
        format=NAME,
        articles=tuple(a for a in articles if a.headline or a.has_text),
        problems=tuple(problems),
    )
    return issue, used


def _paragraphs(
    source: Source,
    didl_name: str,
    record: _Record,
    names: ArchiveNames,
    pages: dict[str, alto.AltoPage | None],
    problems: list[Problem],
) -> list[str]:
    """The article's blocks from its ALTO pages; [] when a page cannot be read."""
    paragraphs: list[str] = []
    for alto_file, block_ids in record.parts:
        name = names.resolve(alto_file, didl_name)
        if name not in pages:
            pages[name] = _alto_page(source, name, names, problems)
        page = pages[name]
        if page is None:
            return []
        paragraphs.extend(t for b in block_ids for t in page.texts(b) or [])
    return paragraphs


def _alto_page(
    source: Source, name: str, names: ArchiveNames, problems: list[Problem]
) -> alto.AltoPage | None:
    if name not in names:
        return None
    try:
        page, note = alto.read_page(source.read_bytes(name), name)
    except CorruptArchive as exc:
        problems.append(Problem(name, exc.reason))
        return None
    if note is not None:
        problems.append(Problem(name, note))
    return page


def _text_file(source: Source, name: str, problems: list[Problem]) -> tuple[str, list[str]]:
    try:
        return _article_text(source.read_bytes(name), name)
    except CorruptArchive as exc:
        problems.append(Problem(name, exc.reason))
        return "", []


def _article_text(data: bytes, name: str) -> tuple[str, list[str]]:
    """Title and paragraphs of a Delpher ``<text><title/><p/>…</text>`` file."""
    root = xmlsafe.parse_bytes(data, name)
    title = " ".join(xmltree.text(t) for t in xmltree.descendants(root, "title"))
    return title, [xmltree.text(p) for p in xmltree.descendants(root, "p") if xmltree.text(p)]


def _find_article(source: Source, didl_name: str, identifier: str) -> _Record:
    root = parse_didl(source.read_bytes(didl_name), didl_name)
    item = next(xmltree.children(root, "Item"), None)
    for article in _items(item, "article") if item is not None else []:
        if article.get(_IDENTIFIER, "") == identifier:
            return _record(article)
    raise CorruptArchive(didl_name, Reason.of("didl_article_gone", identifier=identifier))


def _record(item: etree._Element) -> _Record:
    record = _Record(item.get(_IDENTIFIER, ""))
    for component in xmltree.children(item, "Component"):
        role = _role(component)
        if role == "ocr":
            resource = next(xmltree.descendants(component, "Resource"), None)
            if resource is not None:
                record.text_file = _filename(resource)
        elif role == "metadata":
            meta = _metadata_of(component)
            record.title = meta.get("title", "")
            record.subject = meta.get("subject", "")
        elif role == "metadata/zoning":
            for part in xmltree.descendants(component, "article-part"):
                record.page_id = record.page_id or part.get("pageid", "")
                for blocks in xmltree.descendants(part, "blocks"):
                    ids = [
                        b.get("ID", "") for b in blocks if isinstance(b.tag, str) and b.get("ID")
                    ]
                    record.parts.append((blocks.get("alto", ""), ids))
    return record


def _metadata(item: etree._Element) -> dict[str, str]:
    component = next(
        (c for c in xmltree.children(item, "Component") if _role(c) == "metadata"), None
    )
    return _metadata_of(component) if component is not None else {}


def _metadata_of(component: etree._Element) -> dict[str, str]:
    """The Dublin Core fields of a metadata component, by local name (repeats space-joined)."""
    found: dict[str, list[str]] = {}
    for resource in xmltree.children(component, "Resource"):
        for element in resource.iter():
            if isinstance(element.tag, str) and len(element) == 0 and xmltree.text(element):
                found.setdefault(xmltree.local_name(element), []).append(xmltree.text(element))
    return {key: " ".join(values) for key, values in found.items()}


def _items(item: etree._Element, role: str) -> Iterator[etree._Element]:
    """Child items whose role starts with ``role`` (``page 1``, ``article 3``)."""
    return (i for i in xmltree.children(item, "Item") if _role(i).startswith(role))


def _role(element: etree._Element) -> str:
    for descriptor in xmltree.children(element, "Descriptor"):
        for statement in xmltree.children(descriptor, "Statement"):
            if statement.get(_ROLE) == "role":
                return xmltree.text(statement)
    return ""


def _filename(resource: etree._Element) -> str:
    for key, value in resource.attrib.items():
        if str(key).endswith("filename"):
            return str(value)
    return resource.get("ref", "")
