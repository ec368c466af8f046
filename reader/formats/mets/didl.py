"""Delpher (KB, the Netherlands) issues: an MPEG-21 DIDL with ALTO pages and article text files.

The DIDL's issue metadata (Dublin Core in ``dcx``) gives title, date and issue number; each
``article N`` item gives a title, a kind (``artikel``, ``advertentie``…) and its zoning: the
ALTO blocks of each part, page by page. The text is rebuilt from those blocks; where an ALTO
page is missing, the article's ``…_articletext.xml`` (``<text><title/><p/>…``) is used instead.
"""

from __future__ import annotations

from pathlib import PurePosixPath

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
from reader.formats.mets.claims import read_didl_layout
from reader.formats.mets.didl_items import (
    PageItem,
    Record,
    find_article,
    items,
    metadata,
    parse_didl,
    read_page_item,
    read_record,
)
from reader.formats.mets.scans import first_present, page_size
from reader.model import (
    ArchiveSettings,
    Article,
    CorruptArchive,
    Issue,
    Page,
    PageLayout,
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
    record = find_article(source, article.source, article.ref)
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


def read_layout(source: Source, issue: Issue, page: Page) -> PageLayout:
    """One page's words and blocks with their boxes, and each article's blocks on it."""
    return read_didl_layout(source, issue, page)


def _issue(
    source: Source, name: str, settings: ArchiveSettings, names: ArchiveNames
) -> tuple[Issue, set[str]]:
    root = parse_didl(source.read_bytes(name), name)
    item = next(xmltree.children(root, "Item"), None)
    if item is None:
        raise CorruptArchive(name, Reason.of("didl_without_issue"))
    meta = metadata(item)
    date = parse_record_date(meta.get("date", "")) or find_date(name)
    issue_id = f"{date.isoformat() if date else 'undated'}-{stable_id(name, length=8)}"
    page_items = [read_page_item(page) for page in items(item, "page")]
    page_numbers = {page.identifier: page.number for page in page_items}
    languages = meta.get("language", "").split()
    language = languages[0] if len(languages) == 1 else settings.language
    pages: dict[str, alto.AltoPage | None] = {}
    problems: list[Problem] = []
    used: set[str] = set()
    articles = []
    numbers = _page_numbers(page_items, name, names)
    for record in (read_record(a) for a in items(item, "article")):
        paragraphs = _paragraphs(source, name, record, names, pages, problems)
        text_name = names.resolve(record.text_file, name) if record.text_file else ""
        title = record.title
        if text_name in names:
            used.add(text_name)
            if not paragraphs or not title:
                text_title, text_paragraphs = _text_file(source, text_name, problems)
                title = title or text_title
                paragraphs = paragraphs or text_paragraphs
        on = [numbers[n] for n in (names.resolve(f, name) for f, _ in record.parts) if n in numbers]
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
                pages=tuple(dict.fromkeys(on)),
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
        pages=_pages(source, name, page_items, names, pages),
    )
    return issue, used


def _page_numbers(
    page_items: list[PageItem], didl_name: str, names: ArchiveNames
) -> dict[str, int]:
    """Each page's ALTO file (archive name) → the page's number in the issue."""
    numbers: dict[str, int] = {}
    for item in page_items:
        alto_name = names.resolve(item.alto, didl_name) if item.alto else ""
        if alto_name and alto_name not in numbers:
            numbers[alto_name] = len(numbers) + 1
    return numbers


def _pages(
    source: Source,
    didl_name: str,
    page_items: list[PageItem],
    names: ArchiveNames,
    parsed: dict[str, alto.AltoPage | None],
) -> tuple[Page, ...]:
    """The issue's pages, one per page item with an ALTO file, with scan and size.

    A page the articles parsed has its size already; one they did not is read up to its
    ``Page`` element (its words are read only when it is shown).
    """
    pages: list[Page] = []
    numbers = _page_numbers(page_items, didl_name, names)
    for item in page_items:
        alto_name = names.resolve(item.alto, didl_name) if item.alto else ""
        if numbers.get(alto_name) != len(pages) + 1:
            continue  # no ALTO, or one an earlier page item has
        width, height, unit = page_size(source, names, parsed.get(alto_name), alto_name)
        image = first_present(list(item.images), names, didl_name)
        number = len(pages) + 1
        pages.append(Page(number, item.number, alto_name, "", image, 0, width, height, unit))
    return tuple(pages)


def _paragraphs(
    source: Source,
    didl_name: str,
    record: Record,
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
