"""OCR pages grouped into issues: by folder and the date in the folder or file names.

One file usually holds one page (hOCR, PAGE-XML, ABBYY page exports), sometimes several (a
multi-page hOCR, an ABBYY document). Pages in one folder whose names give the same date (or
none) make one issue, in natural name order; each page gives one article, or one per heading
where the file marks headings. Untitled articles get their title from the loader
(``common/titles.py``).
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass

from reader.formats.common.dates import find_date
from reader.formats.common.loaded import Loaded
from reader.formats.common.source import Source
from reader.formats.common.stories import folder_name
from reader.formats.ocr import compressed
from reader.formats.ocr.mets_claims import MetsClaims
from reader.formats.ocr.pages import Scans
from reader.formats.ocr.text import PageArticle, PageReader, split_articles
from reader.model import (
    ArchiveSettings,
    Article,
    CorruptArchive,
    Duplicate,
    Issue,
    Page,
    Reason,
    page_title,
    stable_id,
)

_DIGITS = re.compile(r"(\d+)")
# Separators file names use between a date's parts (FAL_1762_12_07_0001_page_1.xml).
_NAME_SEPARATORS = str.maketrans({"_": "-", " ": "-"})
_PREFIX = re.compile(r"^([A-Za-z][A-Za-z0-9]{0,30})[-_ ]+\d")


@dataclass(frozen=True)
class IssueFacts:
    """What a file beside the pages says of their issue (a BCUL ticket): used where names are silent."""

    date: dt.date | None = None
    masthead: str = ""
    language: str = ""
    # The work the pages are of, where their files name it (hOCR's DC.title).
    publication: str = ""


def load_pages(
    source: Source,
    names: list[str],
    settings: ArchiveSettings,
    format_name: str,
    read: PageReader,
    facts: Mapping[str, IssueFacts] | None = None,
) -> Loaded:
    """Read every file's pages and group them into issues; a file that fails is a problem.

    Files that a METS beside or above them lists together with ALTO pages are skipped: that
    METS is the issue (the METS importer reads it from the ALTO), and reading them here would
    give the same pages twice. ``facts`` are what tickets say of the issue in a folder.
    """
    facts = facts or {}
    loaded = Loaded()
    claims = MetsClaims(source)
    groups: dict[tuple[str, str], list[str]] = {}
    present = set(names)
    for name in names:
        if claims.claimed(name):
            continue
        plain = compressed.plain_name(name)
        if plain != name and plain in present:
            # The same page twice, compressed and not: read once, from the plain file.
            loaded.duplicates.append(Duplicate(name, plain))
            continue
        folder = posixpath.dirname(name)
        date = find_date(folder) or find_date(_stem(name).translate(_NAME_SEPARATORS))
        date = date or facts.get(folder, IssueFacts()).date
        groups.setdefault((folder, date.isoformat() if date else ""), []).append(name)
    scans = Scans(source)
    for (folder, day), members in sorted(groups.items()):
        about = facts.get(folder, IssueFacts())
        files = _issue_files(source, folder, day, sorted(members, key=_natural), settings, about)
        files.read_into(loaded, format_name, read, scans)
    return loaded


def read_original(source: Source, article: Article, read: PageReader) -> str:
    """An article's text as printed: its blocks' lines, one per line, from its file again."""
    page_ref, _, article_ref = article.ref.partition("/")
    pages = read(compressed.read_bytes(source, article.source), article.source)
    try:
        page = pages[int(page_ref) - 1]
        return split_articles(page)[int(article_ref) - 1].original()
    except (ValueError, IndexError):
        raise CorruptArchive(article.source, Reason.of("article_gone")) from None


class _IssueFiles:
    """The files of one issue, read page by page into articles."""

    def __init__(
        self,
        source: Source,
        folder: str,
        day: str,
        members: list[str],
        publication: str,
        about: IssueFacts,
    ) -> None:
        self.source = source
        self.folder = folder
        self.day = day
        self.members = members
        self.publication = publication
        self.about = about

    def read_into(self, loaded: Loaded, format_name: str, read: PageReader, scans: Scans) -> None:
        """Read the files; the issue (if any page could be read) and problems go to ``loaded``."""
        day = self.day or "undated"
        issue_id = f"{day}-{stable_id(format_name, self.folder, day, length=8)}"
        articles: list[Article] = []
        printed: list[Page] = []
        position = 0
        for name in self.members:
            try:
                pages = read(compressed.read_bytes(self.source, name), name)
            except CorruptArchive as exc:
                loaded.add_problem(name, exc.reason)
                continue
            for page_index, page in enumerate(pages, start=1):
                position += 1
                printed.append(scans.page(position, name, page_index, page))
                number = page.number or str(position)
                for index, part in enumerate(split_articles(page), start=1):
                    ref = f"{page_index}/{index}"
                    where = (name, ref, number, position)
                    articles.append(self._article(issue_id, where, part))
        if not articles:
            return
        loaded.issues.append(
            Issue(
                id=issue_id,
                publication=self.publication,
                date=find_date(self.day) if self.day else None,
                source=self.folder or self.members[0],
                format=format_name,
                articles=tuple(articles),
                masthead=self.about.masthead,
                pages=tuple(printed),
            )
        )

    def _article(
        self, issue_id: str, where: tuple[str, str, str, int], part: PageArticle
    ) -> Article:
        name, ref, number, position = where
        paragraphs = tuple(part.paragraphs())
        # A page with no text at all still shows as a row, named by its number.
        title = part.title or ("" if paragraphs else page_title(number))
        return Article(
            id=f"{issue_id}-{stable_id(name, ref, length=8)}",
            issue_id=issue_id,
            title=title,
            page=number,
            paragraphs=paragraphs,
            language=self.about.language,
            source=name,
            ref=ref,
            pages=(position,),
        )


def _issue_files(
    source: Source,
    folder: str,
    day: str,
    members: list[str],
    settings: ArchiveSettings,
    about: IssueFacts,
) -> _IssueFiles:
    publication = settings.publication or about.publication
    publication = publication or _publication(source, folder, members[0])
    # The archive's own setting wins over what a ticket says.
    language = settings.language or about.language
    about = IssueFacts(about.date, about.masthead, language, about.publication)
    return _IssueFiles(source, folder, day, members, publication, about)


def _publication(source: Source, folder: str, first: str) -> str:
    """A name before the date in the file name (``FAL_1762_12_07…``), the folder's, the archive's."""
    prefix = _PREFIX.match(_stem(first))
    if prefix and find_date(_stem(first).translate(_NAME_SEPARATORS)):
        return prefix.group(1)
    return folder_name(folder, source.root)


def _stem(name: str) -> str:
    base = posixpath.basename(compressed.plain_name(name))
    return base.split(".", 1)[0]


def _natural(name: str) -> list[object]:
    """Sort key: page2 before page10."""
    return [int(p) if p.isdigit() else p.lower() for p in _DIGITS.split(name)]
