"""Exporting articles: the selected hits, all hits of a search, or any list of article ids.

Formats: ``csv`` (metadata and the snippet, for spreadsheets), ``ris`` and ``csl-json``
(Zotero, EndNote, Mendeley import both), ``bibtex``, and ``text`` or ``markdown`` (a folder or a
``.zip`` of one file per article, for text mining). The single-file formats are written to a
text stream; the text formats to a folder or a zip.

Everything streams: entries are made one article at a time, a search's hits are read a page at
a time (:func:`search_entries`), and each writer writes an entry before it asks for the next,
so exporting every hit of a large search never holds all of them at once.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO, TypedDict

from reader.index import Hit
from reader.library import bibliography, corpus, spreadsheet
from reader.library.choices import FILE_FORMATS as FILE_FORMATS
from reader.library.choices import FOLDER_FORMATS as FOLDER_FORMATS
from reader.library.choices import FORMATS as FORMATS
from reader.library.citations import citation, cited_title, day_of, is_chinese
from reader.library.library import Library
from reader.library.searching import SearchRequest, years_of
from reader.model import Article, Issue, NotFound, Progress, ReaderError

# The file name ending each format's file has (a folder format's zip: ``.zip``).
SUFFIXES = {"csv": ".csv", "ris": ".ris", "csl-json": ".json", "bibtex": ".bib"}
# How much of an article stands in for a snippet when there is no search: its first words.
FIRST_WORDS = 200
# Hits are read a page at a time, each page this many times the last.
_FIRST_PAGE = 100
_GROWTH = 4


@dataclass(frozen=True)
class Entry:
    """One exported article: the issue and article, and a passage (the snippet, or first words).

    ``location`` is where the article's file is on disk (an absolute path; inside a zip
    archive, the zip), ``archive`` the archive's folder or file name. An article kept in a
    collection also carries the collection's name and the reader's note and tags.
    """

    issue: Issue
    article: Article
    passage: str
    location: str
    archive: str
    collection: str = ""
    note: str = ""
    tags: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        """The title, or the stand-in for an untitled article."""
        return self.article.title or self.article.headline

    @property
    def cited_title(self) -> str:
        """The title a bibliographic entry gives: one from the first words in ``[…]``."""
        return cited_title(self.article)

    @property
    def date(self) -> dt.date | None:
        """The day of publication."""
        return day_of(self.issue, self.article)

    @property
    def language(self) -> str:
        """The article's language code (``zh`` when only its characters say Chinese), or ""."""
        if self.article.language:
            return self.article.language
        return "zh" if is_chinese(self.article, self.issue) else ""

    @property
    def citation(self) -> str:
        """The citation in the article's own style (GB/T 7714 or Chicago)."""
        return citation(self.issue, self.article)


def entry(library: Library, article_id: str, passage: str | None = None) -> Entry:
    """The entry of one article (``passage`` None: its first words).

    Raises:
        NotFound: There is no such article.
    """
    issue, article = library.article(article_id)
    root = library.root
    # A zip archive's articles are inside the zip: the zip is where they are on disk.
    inside = root / article.source if article.source and not root.is_file() else root
    location = str(inside)
    words = passage if passage is not None else first_words(article.text)
    return Entry(issue, article, words, location, root.name)


def entries(library: Library, article_ids: Iterable[str]) -> Iterator[Entry]:
    """The entries of these articles in order; an id the archive no longer has is left out."""
    for article_id in article_ids:
        try:
            yield entry(library, article_id)
        except NotFound:
            continue


def hit_entries(library: Library, hits: Iterable[Hit]) -> Iterator[Entry]:
    """The entries of search hits, each with its snippet; a hit gone from the archive is left out."""
    for hit in hits:
        try:
            yield entry(library, hit.article_id, " ".join(hit.snippet.text.split()))
        except NotFound:  # the index predates a change: the next update drops it
            continue


def search_hits(
    library: Library, request: SearchRequest, limit: int | None = None
) -> tuple[int, Iterator[Hit]]:
    """How many hits a search has (at most ``limit``), and the hits, read a page at a time.

    The order is the request's; every order is total (ties go by the index's order), so a
    longer page of the same search begins with the shorter one's hits.

    Raises:
        QueryError: The query is malformed.
        IndexUnavailable: There is no index to search.
    """
    narrow = narrowing(request)
    total = library.search(request.query, limit=0, sort=request.sort, **narrow).total
    wanted = total if limit is None else min(total, max(limit, 0))

    def pages() -> Iterator[Hit]:
        read = 0
        page = _FIRST_PAGE
        while read < wanted:
            page = min(page, wanted)
            found = library.search(request.query, limit=page, sort=request.sort, **narrow)
            for hit in found.hits[read:]:
                read += 1
                yield hit
            if len(found.hits) < page:
                return  # the index changed under us: fewer hits than counted
            page *= _GROWTH

    return wanted, pages()


class Narrowing(TypedDict):
    """The filters of :meth:`Library.search`, as keyword arguments."""

    years: tuple[str, ...]
    publications: tuple[str, ...]
    months: tuple[str, ...]
    days: tuple[str, ...]


def narrowing(request: SearchRequest) -> Narrowing:
    """The filters of :meth:`Library.search` that ``request`` asks for (a decade's ten years too)."""
    return Narrowing(
        years=years_of(request.year),
        publications=(request.publication,) if request.publication else (),
        months=(request.month,) if request.month else (),
        days=(request.day,) if request.day else (),
    )


def search_entries(
    library: Library, request: SearchRequest, limit: int | None = None
) -> tuple[int, Iterator[Entry]]:
    """How many hits a search exports (at most ``limit``), and their entries, streamed."""
    total, hits = search_hits(library, request, limit)
    return total, hit_entries(library, hits)


def first_words(text: str, size: int = FIRST_WORDS) -> str:
    """The first ``size`` characters of ``text``, whitespace made single spaces, cut at a space.

    A Chinese text has no spaces to cut at: it is cut at ``size``. ``…`` marks a cut.
    """
    flat = " ".join(text.split())
    if len(flat) <= size:
        return flat
    cut = flat[:size]
    space = cut.rfind(" ")
    if space > size // 2:
        cut = cut[:space]
    return cut.rstrip() + "…"


_STREAM_WRITERS: dict[str, Callable[[Iterable[Entry], TextIO, Progress | None], int]] = {
    "ris": bibliography.write_ris,
    "csl-json": bibliography.write_csl_json,
    "bibtex": bibliography.write_bibtex,
}


def write_stream(
    items: Iterable[Entry],
    fmt: str,
    stream: TextIO,
    progress: Progress | None = None,
    *,
    kept: bool = False,
) -> int:
    """Write the entries in a single-file format to ``stream``; return how many.

    ``kept``: the entries are a collection's items (CSV gets its collection, note and tags
    columns; the other formats carry a note or tags whenever an entry has them).

    Raises:
        ValueError: ``fmt`` is not one of ``FILE_FORMATS``.
    """
    if fmt == "csv":
        columns = spreadsheet.KEPT_COLUMNS if kept else spreadsheet.CSV_COLUMNS
        return spreadsheet.write_csv(items, stream, progress, columns)
    if fmt not in _STREAM_WRITERS:
        raise ValueError(f"format must be one of {', '.join(FILE_FORMATS)}, not {fmt!r}")
    return _STREAM_WRITERS[fmt](items, stream, progress)


def export(
    library: Library,
    items: Iterable[Entry],
    fmt: str,
    out: Path | str,
    progress: Progress | None = None,
) -> int:
    """Write the entries of ``library``'s articles to ``out`` in ``fmt``; return how many.

    As :func:`write`, after refusing an ``out`` inside the archive.

    Raises:
        ReaderError: ``out`` is inside the archive (nothing is ever written there).
        ValueError: ``fmt`` is not one of ``FORMATS``.
        OSError: ``out`` cannot be written.
    """
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    target = Path(out).expanduser().absolute()
    refuse_archive(library, target)
    return write(items, fmt, target, progress)


def write(
    items: Iterable[Entry],
    fmt: str,
    out: Path | str,
    progress: Progress | None = None,
    *,
    kept: bool = False,
) -> int:
    """Write the entries to ``out`` in ``fmt``; return how many articles were written.

    A single-file format goes to the file ``out`` (CSV with a byte-order mark, for
    spreadsheets); ``text`` and ``markdown`` go to a ``.zip`` when ``out`` ends so, else into
    the folder ``out`` (made when missing). A file is written beside its final name and moved
    there once complete. ``progress`` is called with (articles written, 0) and may raise
    Cancelled. ``kept`` as for :func:`write_stream`. The caller refuses an archive's folder.

    Raises:
        ValueError: ``fmt`` is not one of ``FORMATS``.
        OSError: ``out`` cannot be written.
    """
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    target = Path(out).expanduser().absolute()
    if fmt in FOLDER_FORMATS and target.suffix.lower() != ".zip":
        return corpus.write_folder(items, target, fmt, progress)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        if fmt in FOLDER_FORMATS:
            os.close(fd)
            count = corpus.write_zip(items, Path(temporary), fmt, progress)
        else:
            encoding = "utf-8-sig" if fmt == "csv" else "utf-8"
            with open(fd, "w", encoding=encoding, newline="") as stream:
                count = write_stream(items, fmt, stream, progress, kept=kept)
        # mkstemp makes a private file; the export is the user's, as any file they save.
        os.chmod(temporary, _NEW_FILE_MODE & ~_umask())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return count


_NEW_FILE_MODE = 0o666


@functools.cache
def _umask() -> int:
    """The process's umask (read once: reading it means setting it for a moment)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def refuse_archive(library: Library, target: Path) -> None:
    """Raise ReaderError when ``target`` is the archive or inside it (never written into)."""
    root = library.root.resolve()
    resolved = target.resolve()
    if resolved == root or (not library.single_file and resolved.is_relative_to(root)):
        raise ReaderError(f"will not write into the archive: {target}")


def refuse_archives(locations: Iterable[str | os.PathLike[str]], target: Path) -> None:
    """Raise ReaderError when ``target`` is one of these archives (a folder, zip or file) or inside one."""
    resolved = Path(target).expanduser().absolute().resolve()
    for location in locations:
        root = Path(location).expanduser().resolve()
        if resolved == root or (root.is_dir() and resolved.is_relative_to(root)):
            raise ReaderError(f"will not write into the archive: {target}")
