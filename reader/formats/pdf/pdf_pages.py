"""PDF e-paper pages with a text layer: one PDF per page or per issue, one article per page.

Issues are grouped by folder, the date in the file or folder names (``2022-09-19/01.pdf``,
``rmrb20220919_01.pdf``, ``FAL_1762_12_07.pdf``) and the rest of the file name without its page
number, so ``01.pdf … 08.pdf`` in one folder are one issue, in page order. Without a date in the
names, the date is looked for in the document's Title and then at the top of its first page;
the CreationDate is not used (it is when the file was made: the gazette sample's is the day
before the issue, and a scan's is decades after it). The publication is ``archive.toml``'s, else
a Title that looks like a paper's name (no digits, short), else the archive folder's name.

A page without a text layer (a plain scan) stays a page of the issue: an article without text,
with a note on the issue saying so. Encrypted and damaged PDFs are problems.

Each PDF page is also a :class:`Page` of the issue (size in points, the PDF itself its image),
filled from the text already read at load; :func:`read_layout` reads one page's words again
when the page view shows it (:mod:`reader.formats.pdf.words`).

PDFs beside another format's issue (an NDNP issue's page PDFs next to its METS and ALTO, an
issue PDF next to ABBYY pages) are the pages of that issue, not a second copy of it: the loader
calls :func:`beside_issues` to set them aside as duplicates before this importer loads the rest.

pdfium is not thread-safe: this importer runs only in the thread or process that loads the
archive (see ``textlayer``).
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass

from reader.formats.common.dates import find_date
from reader.formats.common.loaded import Loaded
from reader.formats.common.source import Source
from reader.formats.common.stories import default_publication
from reader.formats.pdf import textlayer, words
from reader.model import (
    ArchiveSettings,
    Article,
    CorruptArchive,
    Duplicate,
    Issue,
    Page,
    PageLayout,
    Problem,
    Reason,
    stable_id,
)

NAME = "pdf"
EXTENSIONS = (".pdf",)  # for file dialogs: a PDF is told by its bytes, whatever its name
# A date in a file or folder name: 2022-09-19, 2022_09_19, 2022.09.19 or 20220919.
_NAME_DATE = re.compile(
    r"(?<!\d)(?P<y>1[5-9]\d\d|20\d\d)(?:(?P<s>[-_.])(?P<m>\d\d)(?P=s)(?P<d>\d\d)|(?P<m2>[01]\d)(?P<d2>[0-3]\d))(?!\d)"
)
_PAGE_NUMBER = re.compile(r"(\d{1,4})$")
_NOT_A_NAME = re.compile(r"\d|\.(?:pdf|indd|docx?|qxd|tiff?|jpe?g)$|^(?:untitled|microsoft )", re.I)


@dataclass(frozen=True)
class _File:
    """One PDF and where its name puts it: the group it belongs to and its page number."""

    name: str
    key: tuple[str, str, str]
    date: dt.date | None
    page: int | None


def score(name: str, head: bytes) -> int:
    """High for a file that starts as a PDF does (``%PDF-``, a few bytes of junk allowed)."""
    return 50 if b"%PDF-" in head[:1024] else 0


def beside_issues(names: list[str], issues: Iterable[Issue]) -> tuple[list[str], list[Duplicate]]:
    """Split the PDFs into those to load and those that are pages of an issue read otherwise.

    A PDF in a folder another format read an issue's pages from (an NDNP METS names the page
    PDFs in its fileSec beside the ALTO; ABBYY exports write the issue PDF beside the pages)
    repeats that issue's text: it is a duplicate of that issue's file, not an issue of its own.
    """
    read_from: dict[str, str] = {}
    for issue in issues:
        folders = {posixpath.dirname(a.source) for a in issue.articles if a.source}
        for folder in folders or {posixpath.dirname(issue.source)}:
            read_from.setdefault(folder, issue.source)
    kept: list[str] = []
    duplicates: list[Duplicate] = []
    for name in names:
        original = read_from.get(posixpath.dirname(name))
        if original is None:
            kept.append(name)
        else:
            duplicates.append(Duplicate(name, original))
    return kept, duplicates


def load(source: Source, names: list[str], settings: ArchiveSettings) -> Loaded:
    """Read the PDFs, page by page, into issues: one article per page, in page order."""
    loaded = Loaded()
    groups: dict[tuple[str, str, str], list[_File]] = {}
    for name in names:
        found = _placed(name)
        groups.setdefault(found.key, []).append(found)
    for files in groups.values():
        files.sort(key=lambda f: (f.page is None, f.page or 0, f.name))
        _load_issue(source, files, settings, loaded)
    return loaded


def read_original(source: Source, article: Article) -> str:
    """The page's text as extracted: its lines as printed, in reading order."""
    index = int(article.ref) - 1
    with textlayer.opened(source, article.source) as document:
        if not 0 <= index < len(document):
            raise CorruptArchive(article.source, Reason.of("article_gone"))
        return textlayer.page_text(document, index, article.source).printed


def read_layout(source: Source, issue: Issue, page: Page) -> PageLayout:
    """The page's words and blocks, read again from its PDF: boxes in points, y down, as shown.

    ``page.ref`` is the page's index in its PDF (0 for the first); the words belong to the
    article made of that page, in the order its text was built.
    """
    try:
        index = int(page.ref)
    except ValueError:
        raise CorruptArchive(page.source, Reason.of("article_gone")) from None
    with textlayer.opened(source, page.source) as document:
        if not 0 <= index < len(document):
            raise CorruptArchive(page.source, Reason.of("article_gone"))
        text = textlayer.page_text(document, index, page.source)
    ref = str(index + 1)
    article = next((a.id for a in issue.articles if a.source == page.source and a.ref == ref), "")
    return words.page_layout(text, page, article)


def _placed(name: str) -> _File:
    folder, _, base = name.rpartition("/")
    stem = base.rsplit(".", 1)[0]
    match = _NAME_DATE.search(stem)
    date = _date(match)
    rest = stem[: match.start()] + stem[match.end() :] if match else stem
    number = _PAGE_NUMBER.search(rest)
    page = int(number.group(1)) if number else None
    prefix = rest[: number.start()] if number else rest
    if date is None:
        date = find_date(folder.replace("_", "-"))
    return _File(name, (folder, date.isoformat() if date else "", prefix.strip(" _-.")), date, page)


def _date(match: re.Match[str] | None) -> dt.date | None:
    if match is None:
        return None
    month, day = match.group("m") or match.group("m2"), match.group("d") or match.group("d2")
    try:
        return dt.date(int(match.group("y")), int(month), int(day))
    except ValueError:
        return None


@dataclass(frozen=True)
class _Page:
    """What an issue needs of a page: its text and size, not its character boxes (dropped at once)."""

    source: str
    number: int
    label: str
    paragraphs: tuple[str, ...]
    head: str  # the first printed lines, where a date may be
    width: float
    height: float
    has_text: bool
    unmapped: int = 0  # characters shown as U+FFFD: their font cannot say what they are
    fonts: str = ""


def _load_issue(
    source: Source, files: list[_File], settings: ArchiveSettings, loaded: Loaded
) -> None:
    """One issue from its files, each page an article; unreadable files are problems."""
    date = files[0].date
    title = ""
    pages: list[_Page] = []
    for file in files:
        try:
            with textlayer.opened(source, file.name) as document:
                title = title or textlayer.metadata(document).get("Title", "")
                single = len(document) == 1 and file.page is not None
                for text in textlayer.pages(document, file.name):
                    label = str(file.page) if single and text.label == "1" else text.label
                    paragraphs = tuple(text.paragraphs)
                    head = text.printed[:300] if not pages else ""
                    pages.append(
                        _Page(
                            file.name,
                            text.number,
                            label,
                            paragraphs,
                            head,
                            text.width,
                            text.height,
                            text.has_text,
                            text.unmapped,
                            ", ".join(text.unmapped_fonts),
                        )
                    )
        except CorruptArchive as exc:
            loaded.add_problem(file.name, exc.reason)
    if not pages:
        return
    if date is None:
        date = find_date(title) or find_date(pages[0].head)
    publication = settings.publication or _paper_name(title) or default_publication(source.root)
    day = date.isoformat() if date else "undated"
    first = files[0].name
    issue_id = f"{day}-{stable_id(publication, day, first, length=8)}"
    articles: list[Article] = []
    notes: list[Problem] = []
    for position, page in enumerate(pages, start=1):
        if not any(p.strip() for p in page.paragraphs):
            notes.append(Problem(page.source, Reason.of("pdf_page_without_text", page=page.label)))
        if page.unmapped:
            reason = Reason.of(
                "pdf_unmapped_glyphs", page=page.label, count=page.unmapped, font=page.fonts
            )
            notes.append(Problem(page.source, reason))
        articles.append(
            Article(
                id=f"{issue_id}-{position:03d}",
                issue_id=issue_id,
                title="",
                page=page.label,
                date=date,
                paragraphs=page.paragraphs,
                language=settings.language,
                source=page.source,
                ref=str(page.number),
                pages=(position,),
            )
        )
    loaded.issues.append(
        Issue(
            id=issue_id,
            publication=publication,
            date=date,
            source=first if len(files) == 1 else posixpath.dirname(first) or first,
            format=NAME,
            articles=tuple(articles),
            problems=tuple(notes),
            pages=tuple(_page(position, page) for position, page in enumerate(pages, start=1)),
        )
    )


def _page(position: int, page: _Page) -> Page:
    """The issue's page: its PDF page is both where its words are and its image."""
    index = page.number - 1
    return Page(
        number=position,
        label=page.label,
        source=page.source,
        ref=str(index),
        image=page.source,
        image_index=index,
        width=page.width,
        height=page.height,
        unit="pt",
        has_text=page.has_text,
    )


def _paper_name(title: str) -> str:
    """A document Title that names a paper: short, no digits, not a file or program name."""
    title = " ".join(title.split())
    if not title or len(title) > 40 or _NOT_A_NAME.search(title):
        return ""
    return title
