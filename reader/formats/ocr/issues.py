"""OCR pages grouped into issues: by folder and the date in the folder or file names.

One file usually holds one page (hOCR, PAGE-XML, ABBYY page exports), sometimes several (a
multi-page hOCR, an ABBYY document). Pages in one folder whose names give the same date (or
none) make one issue, in natural name order; each page gives one article, or one per heading
where the file marks headings. Untitled articles get their title from the loader
(``common/titles.py``).
"""

from __future__ import annotations

import dataclasses
import posixpath
import re
from collections.abc import Callable
from pathlib import PurePosixPath

from reader.formats.common.dates import find_date
from reader.formats.common.loaded import Loaded
from reader.formats.common.source import Source
from reader.formats.common.stories import default_publication
from reader.formats.ocr import compressed
from reader.formats.ocr.mets_claims import MetsClaims
from reader.formats.ocr.text import OcrPage, PageArticle, split_articles
from reader.model import (
    ArchiveSettings,
    Article,
    CorruptArchive,
    Duplicate,
    Issue,
    Reason,
    stable_id,
)
from reader.model import Page as IssuePage

# Reads one file's pages; raises CorruptArchive when nothing can be read.
PageReader = Callable[[bytes, str], list[OcrPage]]

_DIGITS = re.compile(r"(\d+)")
# Separators file names use between a date's parts (FAL_1762_12_07_0001_page_1.xml).
_NAME_SEPARATORS = str.maketrans({"_": "-", " ": "-"})
_PREFIX = re.compile(r"^([A-Za-z][A-Za-z0-9]{0,30})[-_ ]+\d")


def load_pages(
    source: Source,
    names: list[str],
    settings: ArchiveSettings,
    format_name: str,
    read: PageReader,
) -> Loaded:
    """Read every file's pages and group them into issues; a file that fails is a problem.

    Files that a METS beside or above them lists together with ALTO pages are skipped: that
    METS is the issue (the METS importer reads it from the ALTO), and reading them here would
    give the same pages twice.
    """
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
        groups.setdefault((folder, date.isoformat() if date else ""), []).append(name)
    for (folder, day), members in sorted(groups.items()):
        files = _issue_files(source, folder, day, sorted(members, key=_natural), settings)
        files.read_into(loaded, format_name, read)
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
        language: str,
    ) -> None:
        self.source = source
        self.folder = folder
        self.day = day
        self.members = members
        self.publication = publication
        self.language = language

    def read_into(self, loaded: Loaded, format_name: str, read: PageReader) -> None:
        """Read the files; the issue (if any page could be read) and problems go to ``loaded``."""
        day = self.day or "undated"
        issue_id = f"{day}-{stable_id(format_name, self.folder, day, length=8)}"
        articles: list[Article] = []
        in_issue: list[IssuePage] = []
        position = 0
        for name in self.members:
            try:
                pages = read(compressed.read_bytes(self.source, name), name)
            except CorruptArchive as exc:
                loaded.add_problem(name, exc.reason)
                continue
            for page_index, page in enumerate(pages, start=1):
                position += 1
                number = page.number or str(position)
                # Where the page view finds the page's words again (its image: read_layout).
                in_issue.append(IssuePage(position, page.number, name, str(page_index)))
                for index, part in enumerate(split_articles(page), start=1):
                    ref = f"{page_index}/{index}"
                    article = self._article(issue_id, name, ref, number, page, part)
                    articles.append(dataclasses.replace(article, pages=(position,)))
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
                pages=tuple(in_issue),
            )
        )

    def _article(
        self, issue_id: str, name: str, ref: str, number: str, page: OcrPage, part: PageArticle
    ) -> Article:
        paragraphs = tuple(part.paragraphs())
        # A page with no text at all still shows as a row, named by its number.
        title = part.title or ("" if paragraphs else f"Page {number}")
        return Article(
            id=f"{issue_id}-{stable_id(name, ref, length=8)}",
            issue_id=issue_id,
            title=title,
            page=number,
            paragraphs=paragraphs,
            language=self.language,
            source=name,
            ref=ref,
        )


def _issue_files(
    source: Source, folder: str, day: str, members: list[str], settings: ArchiveSettings
) -> _IssueFiles:
    publication = settings.publication or _publication(source, folder, members[0])
    return _IssueFiles(source, folder, day, members, publication, settings.language)


def _publication(source: Source, folder: str, first: str) -> str:
    """A name before the date in the file name (``FAL_1762_12_07…``), the folder's, the archive's."""
    prefix = _PREFIX.match(_stem(first))
    if prefix and find_date(_stem(first).translate(_NAME_SEPARATORS)):
        return prefix.group(1)
    return PurePosixPath(folder).name or default_publication(source.root)


def _stem(name: str) -> str:
    base = posixpath.basename(compressed.plain_name(name))
    return base.split(".", 1)[0]


def _natural(name: str) -> list[object]:
    """Sort key: page2 before page10."""
    return [int(p) if p.isdigit() else p.lower() for p in _DIGITS.split(name)]
