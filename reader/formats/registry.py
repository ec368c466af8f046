"""The importers, one per archive format, as one typed list, and the rule that picks one per file.

Every importer is a module that satisfies :class:`Importer`; mypy checks each against it where
:data:`IMPORTERS` lists them, so a missing or misspelt member fails the type check, not a load.

Importers whose files have coordinates also satisfy :class:`PageSource`: they fill
``Issue.pages`` and ``Article.pages`` when loading, and read one page's words and regions back
on demand. :data:`PAGE_SOURCES` lists them, so text-only importers need no stubs and the
library asks for a layout only where one exists.
"""

from __future__ import annotations

from typing import Protocol

from reader.formats.common.loaded import Loaded
from reader.formats.common.source import Source
from reader.formats.epaper import founder
from reader.formats.mets import didl, mets_alto, ndnp
from reader.formats.newsml import newsml, nitf
from reader.formats.ocr import abbyy, hocr, page_xml
from reader.formats.pdf import pdf_pages
from reader.formats.text import rmrb, text_issue
from reader.model import ArchiveSettings, Article, Issue, Page, PageLayout

__all__ = [
    "IMPORTERS",
    "PAGE_SOURCES",
    "Importer",
    "PageSource",
    "file_suffixes",
    "page_source",
    "pick_importer",
]


class Importer(Protocol):
    """What the loader needs of one archive format: detect its files, load them, read text back."""

    @property
    def NAME(self) -> str:  # a module constant in every importer, hence the capitals
        """The format's name, stored in ``Issue.format`` to find the importer again."""
        ...

    @property
    def EXTENSIONS(self) -> tuple[str, ...]:
        """The lower-case endings its files' names have (``.xml.bz2`` too), for file dialogs.

        Detection is by :meth:`score`; a file named otherwise may still be read.
        """
        ...

    def score(self, name: str, head: bytes) -> int:
        """Detect the format: how sure the importer is that a file is one of its own.

        Args:
            name: The file's name inside the archive.
            head: The file's first bytes (enough to get past XML prologs and HTML heads).

        Returns:
            0 when the file is not this format's; otherwise a bid, the highest bid winning
            (a specific format bids over a generic one that also accepts the file).
        """
        ...

    def load(self, source: Source, names: list[str], settings: ArchiveSettings) -> Loaded:
        """Load every file this importer won, grouped into issues.

        Args:
            source: The archive the files are in.
            names: The files this importer scored highest for, in the archive's order.
            settings: The archive's ``archive.toml`` settings (publication, aliases, language).

        Returns:
            The issues read and, for each file that could not be read, a problem; a bad file
            never raises.
        """
        ...

    def read_original(self, source: Source, article: Article) -> str:
        """Read an article's text back exactly as its file has it.

        Args:
            source: The archive the article was loaded from.
            article: An article this importer loaded (its ``source`` and ``ref`` find it).

        Returns:
            The original text, unreflowed.

        Raises:
            CorruptArchive: When the file is gone or no longer holds the article.
        """
        ...


class PageSource(Protocol):
    """What the page view needs of a format with coordinates: one page's words, read lazily."""

    @property
    def NAME(self) -> str:
        """The format's name, as in ``Issue.format``."""
        ...

    def read_layout(self, source: Source, issue: Issue, page: Page) -> PageLayout:
        """Read one page's words and regions, and which article each belongs to.

        Args:
            source: The archive the issue was loaded from.
            issue: An issue this importer loaded (its articles' ids are the ones to assign).
            page: One of ``issue.pages``.

        Returns:
            The layout, boxes in ``page.unit``; each article's words in the order its text
            was built from them.

        Raises:
            CorruptArchive: When the file is gone, unreadable, or no longer holds the page.
        """
        ...


# Order breaks ties: the first importer with the highest score wins.
IMPORTERS: tuple[Importer, ...] = (
    text_issue,
    rmrb,
    mets_alto,
    didl,
    ndnp,
    newsml,
    nitf,
    founder,
    hocr,
    page_xml,
    abbyy,
    pdf_pages,
)


# The importers that can read a page's layout, by format name (filled as formats gain it).
PAGE_SOURCES: dict[str, PageSource] = {
    mets_alto.NAME: mets_alto,
    ndnp.NAME: ndnp,
    didl.NAME: didl,
    hocr.NAME: hocr,
    page_xml.NAME: page_xml,
    abbyy.NAME: abbyy,
    pdf_pages.NAME: pdf_pages,
}


def page_source(format_name: str) -> PageSource | None:
    """The importer that reads page layouts for issues of this format, or None."""
    return PAGE_SOURCES.get(format_name)


def pick_importer(name: str, head: bytes) -> Importer | None:
    """The importer that scores a file highest.

    Args:
        name: The file's name inside the archive.
        head: The file's first bytes.

    Returns:
        The winning importer, or None when none recognises the file.
    """
    best, best_score = None, 0
    for importer in IMPORTERS:
        score = importer.score(name, head)
        if score > best_score:
            best, best_score = importer, score
    return best


def file_suffixes() -> tuple[str, ...]:
    """Every ending an importer's files have, each once, in the importers' order."""
    return tuple(dict.fromkeys(s for importer in IMPORTERS for s in importer.EXTENSIONS))
