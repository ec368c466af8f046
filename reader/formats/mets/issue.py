"""An issue built from a METS and the ALTO pages it points at: for the METS/ALTO and NDNP importers.

A METS with a logical structMap gives articles in reading order, built from the ALTO blocks
its areas point at (adverts are kept, in the column "Advertisement"); a METS without one gives
one article per page. The British Library's empty ARTICLE divs arrive here already filled with
the page areas their structLink names (``document.py``), each pointing at a range of ALTO words.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from reader.formats.common import prose
from reader.formats.common.dates import find_numbers
from reader.formats.common.source import Source
from reader.formats.common.stories import name_from_path
from reader.formats.mets import alto
from reader.formats.mets.archive_names import ArchiveNames
from reader.formats.mets.articles import Pages, Piece, article_heading, article_parts, find_pieces
from reader.formats.mets.conventions import full_path, path_facts
from reader.formats.mets.document import Area, MetsDocument, read_mets
from reader.formats.mets.issue_metadata import (
    issue_date,
    issue_number,
    issue_records,
    issue_title,
    page_numbers,
)
from reader.formats.mets.scans import IssuePages, issue_pages
from reader.model import (
    ArchiveSettings,
    Article,
    CorruptArchive,
    Issue,
    Problem,
    Reason,
    page_title,
    stable_id,
)


def read_original(source: Source, article: Article) -> str:
    """The article's OCR text as the ALTO has it: line by line, words and hyphens untouched."""
    if not article.ref:
        page = alto.parse_page(source.read_bytes(article.source), article.source, raw=True)
        return "\n\n".join(page.all_texts())
    document = read_mets(source.read_bytes(article.source), article.source)
    pieces, _ = find_pieces(document.logical, document)
    piece = next((p for n, p in enumerate(pieces, 1) if piece_ref(p, n) == article.ref), None)
    if piece is None:
        raise CorruptArchive(article.source, Reason.of("mets_article_gone", ref=article.ref))
    pages = _pages(document, ArchiveNames(source))
    areas = list(piece.div.all_areas())
    for file_id in dict.fromkeys(a.file_id for a in areas):
        name = pages.names.get(file_id)
        if name:
            ids = {i for a in areas if a.file_id == file_id for i in (a.begin, a.end) if i}
            pages.parsed[name] = alto.parse_page(source.read_bytes(name), name, ids, raw=True)
    return "\n\n".join(text for area in areas for text in pages.resolve(area) or [])


@dataclass
class Built:
    """An issue built from a METS (None when it has no text) and the ALTO files it used."""

    issue: Issue | None
    page_names: set[str] = field(default_factory=set)


def build_issue(
    source: Source,
    document: MetsDocument,
    settings: ArchiveSettings,
    names: ArchiveNames,
    format_name: str,
    front_matter: tuple[str, ...] = (),
    date: dt.date | None = None,
) -> Built:
    """Build the issue a METS describes, reading the ALTO pages it points at.

    Args:
        source: the archive.
        document: the METS, read.
        settings: the archive's settings (its publication name wins over the METS's).
        names: every file name in the archive, to find the pages by.
        format_name: the importer's NAME, recorded on the issue.
        front_matter: extra lines for the issue's front matter (the NDNP LCCN, say).
        date: the issue's date when the importer knows it better than the METS (NDNP: from
            the batch file); else the MODS date, the label's, the file name's, the path's.
    """
    pages = _pages(document, names)
    pieces, front = find_pieces(document.logical, document)
    structured = any(a for p in pieces for a in p.div.all_areas())
    if structured:
        wanted = [a for d in [p.div for p in pieces] + front for a in d.all_areas()]
    else:
        wanted = [a for a in _page_order(document) if a.file_id in pages.names]
    problems = _read_pages(source, document.name, pages, wanted, names)
    if not pages.names or not wanted:
        return Built(None, set(pages.names.values()))
    scans = issue_pages(source, document, names, pages)
    records = issue_records(document)
    front_lines = [t for d in front for a in d.all_areas() for t in pages.resolve(a) or []]
    masthead = next(
        (
            t
            for d in front
            for sub in d.walk()
            if sub.kind == "headline"
            for a in sub.areas
            for t in pages.resolve(a) or []
        ),
        "",
    )
    number, printed = find_numbers("\n".join(front_lines))
    # An NDNP or BL path names the title and date that a lone METS may lack.
    facts = path_facts(full_path(source.root, document.name))
    date = date or issue_date(records, document.label, PurePosixPath(document.name).stem)
    date = date or (facts.date if facts else None)
    issue_id = f"{date.isoformat() if date else 'undated'}-{stable_id(document.name, length=8)}"
    language = next((m.languages[0] for m in records if len(m.languages) == 1), "")
    language = language or settings.language
    if structured:
        articles = [
            _article(p, n, issue_id, document, pages, language, scans)
            for n, p in _in_page_order(pieces, document)
        ]
    else:
        articles = _page_articles(issue_id, pages, wanted, language, scans)
    if pages.unresolved:
        reason = Reason.of("parts_missing_text", count=pages.unresolved)
        problems.append(Problem(document.name, reason))
    issue = Issue(
        id=issue_id,
        publication=settings.publication
        or issue_title(records, document.label)
        or (facts.title_id if facts else "")
        or name_from_path(document.name, source.root),
        date=date,
        number=issue_number(records) or number,
        numbers_printed=printed,
        masthead=masthead,
        source=document.name,
        format=format_name,
        articles=tuple(a for a in articles if a.headline or a.has_text),
        front_matter=front_matter + tuple(front_lines),
        problems=tuple(problems),
        pages=scans.pages,
    )
    return Built(issue, set(pages.names.values()))


def _pages(document: MetsDocument, names: ArchiveNames) -> Pages:
    """The METS's ALTO files (every listed ``.xml`` file) by file ID, with page numbers."""
    pages = Pages(numbers=page_numbers(document))
    for file_id, listed in document.files.items():
        if not (listed.href.lower().endswith(".xml") or "xml" in listed.mimetype.lower()):
            continue  # page images, PDFs
        if "page+xml" in listed.mimetype.lower():
            continue  # PAGE-XML beside the ALTO (OCR-D): the same pages, not ALTO
        name = names.resolve(listed.href, document.name)
        if name and name != document.name:
            pages.names[file_id] = name
    return pages


def _page_order(document: MetsDocument) -> list[Area]:
    """One pointer per page file, in the physical structMap's order (fileSec order without one)."""
    if document.physical is not None:
        areas = [Area(a.file_id) for d in document.physical.walk() for a in d.areas]
    else:
        areas = [Area(file_id) for file_id in document.files]
    return list(dict.fromkeys(areas))


def _in_page_order(pieces: list[Piece], document: MetsDocument) -> list[tuple[int, Piece]]:
    """The pieces numbered in document order, sorted by the page each starts on.

    The logical structMap nests articles in sections that run over several pages, and puts
    some page-1 pieces (a feuilleton along the foot of the page) after the whole section; a
    reader expects page order, then the structMap's reading order within a page (a stable
    sort). A piece that points at no page keeps its place after the piece before it.
    """
    positions = {area.file_id: i for i, area in enumerate(_page_order(document))}
    keyed: list[tuple[int, int, Piece]] = []
    position = 0
    for n, piece in enumerate(pieces, 1):
        first = next(piece.div.all_areas(), None)
        if first is not None and first.file_id in positions:
            position = positions[first.file_id]
        keyed.append((position, n, piece))
    keyed.sort(key=lambda item: (item[0], item[1]))
    return [(n, piece) for _, n, piece in keyed]


def _read_pages(
    source: Source,
    mets_name: str,
    pages: Pages,
    wanted: list[Area],
    names: ArchiveNames,
) -> list[Problem]:
    """Parse each ALTO file the wanted areas point at, once; problems for the ones that fail."""
    problems: list[Problem] = []
    line_ids: dict[str, set[str]] = {}
    for area in wanted:
        ids = line_ids.setdefault(area.file_id, set())
        ids.update(i for i in (area.begin, area.end) if i)
    for file_id, ids in line_ids.items():
        name = pages.names.get(file_id)
        if name is None or name in pages.parsed:
            continue
        if name not in names:
            problems.append(Problem(name, Reason.of("page_missing", mets=mets_name)))
            continue
        try:
            page, note = alto.read_page(source.read_bytes(name), name, ids)
        except CorruptArchive as exc:
            problems.append(Problem(name, exc.reason))
            continue
        pages.parsed[name] = page
        if note is not None:
            problems.append(Problem(name, note))
    return problems


def piece_ref(piece: Piece, n: int) -> str:
    """The ``Article.ref`` of the n-th article div (its ID, else its place)."""
    return piece.div.id or f"#{n}"


def _article(
    piece: Piece,
    n: int,
    issue_id: str,
    document: MetsDocument,
    pages: Pages,
    language: str,
    scans: IssuePages,
) -> Article:
    parts = article_parts(piece.div, pages.resolve)
    heading = article_heading(piece, parts, document)
    ref = piece_ref(piece, n)
    return Article(
        id=f"{issue_id}-{stable_id(document.name, ref, length=6)}",
        issue_id=issue_id,
        title=heading.title,
        kicker=heading.kicker,
        subtitle=heading.subtitle,
        column=piece.column,
        authors=heading.authors,
        page=pages.numbers.get(parts.first_file, ""),
        paragraphs=tuple(prose.reflow(parts.paragraphs)),
        language=heading.language or language,
        source=document.name,
        ref=ref,
        pages=scans.of_areas(list(piece.div.all_areas())),
    )


def _page_articles(
    issue_id: str, pages: Pages, order: list[Area], language: str, scans: IssuePages
) -> list[Article]:
    """One article per page, for a METS that names pages but no articles."""
    articles = []
    for index, area in enumerate(order, start=1):
        name = pages.names[area.file_id]
        page = pages.parsed.get(name)
        number = pages.numbers.get(area.file_id) or str(index)
        on = scans.of_areas([area])
        articles.append(page_article(issue_id, name, page, number, language, on))
    return articles


def page_article(
    issue_id: str,
    name: str,
    page: alto.AltoPage | None,
    number: str,
    language: str,
    on: tuple[int, ...] = (),
) -> Article:
    """The article of a whole ALTO page (an empty one when the page could not be read).

    ``on`` is the page's number in the issue (:attr:`Article.pages`).
    """
    return Article(
        id=f"{issue_id}-{stable_id(name, length=6)}",
        issue_id=issue_id,
        title=page_title(number),
        page=number,
        paragraphs=tuple(prose.reflow(page.all_texts())) if page else (),
        language=language,
        source=name,
        pages=on,
    )
