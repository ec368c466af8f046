"""Which article each word of an ALTO page belongs to: the METS areas or DIDL zoning, read again.

The page view asks for one page's layout (:func:`read_mets_layout`, :func:`read_didl_layout`):
the ALTO file is streamed for its words (:mod:`reader.formats.mets.layout`) and each article of
the issue claims the words its areas point at, in the order its text was built from them. The
articles are the issue's own: a METS article is found again by its ``ref`` (the logical div's
ID, as the loader gave it), a whole-page article by its ALTO file, a DIDL article by its
identifier, so the ids are exactly the loader's.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from urllib.parse import unquote, urlsplit

from reader.formats.common import xmltree
from reader.formats.common.source import Source
from reader.formats.mets.articles import find_pieces
from reader.formats.mets.didl_items import items, parse_didl, read_record
from reader.formats.mets.document import Area, MetsDocument, read_mets
from reader.formats.mets.issue import piece_ref
from reader.formats.mets.layout import AltoLayout, Run, build_layout, read_alto_layout
from reader.model import Article, CorruptArchive, Issue, Page, PageLayout, Reason

# An article's claim on a page: its id, the word runs its areas point at, and the IDs named.
Claim = tuple[str, list[Run], list[str]]


def read_mets_layout(source: Source, issue: Issue, page: Page) -> PageLayout:
    """One page of a METS/ALTO or NDNP issue, or of a folder of ALTO pages.

    Raises:
        CorruptArchive: the ALTO file (or the METS, for an issue with articles) is gone or
            unreadable.
    """
    alto = _read_alto(source, issue, page)
    claims: list[Claim] = []
    pieces: dict[str, list[Area]] = {}
    if any(a.ref for a in issue.articles):
        document = read_mets(source.read_bytes(issue.source), issue.source)
        found, _ = find_pieces(document.logical, document)
        here = _file_ids(document, page.source)
        pieces = {
            piece_ref(piece, n): [a for a in piece.div.all_areas() if a.file_id in here]
            for n, piece in enumerate(found, 1)
        }
    for article in _on_page(issue, page):
        if not article.ref:
            if article.source == page.source:
                claims.append((article.id, [(0, len(alto.texts))], []))
            continue
        areas = pieces.get(article.ref, [])
        claims.append(_claim(article.id, alto, ((a.begin, a.end) for a in areas)))
    return build_layout(page, alto, claims)


def read_didl_layout(source: Source, issue: Issue, page: Page) -> PageLayout:
    """One page of a Delpher DIDL issue: each article's blocks on it, from its zoning.

    Raises:
        CorruptArchive: the ALTO file or the DIDL is gone or unreadable.
    """
    alto = _read_alto(source, issue, page)
    root = parse_didl(source.read_bytes(issue.source), issue.source)
    item = next(xmltree.children(root, "Item"), None)
    records = {}
    if item is not None:
        records = {r.identifier: r for r in (read_record(a) for a in items(item, "article"))}
    base = posixpath.basename(page.source)
    claims: list[Claim] = []
    for article in _on_page(issue, page):
        record = records.get(article.ref)
        if record is None:
            continue
        blocks = (
            (block, "")
            for alto_file, block_ids in record.parts
            if _base(alto_file) == base
            for block in block_ids
        )
        claims.append(_claim(article.id, alto, blocks))
    return build_layout(page, alto, claims)


def _read_alto(source: Source, issue: Issue, page: Page) -> AltoLayout:
    if not page.source:
        raise CorruptArchive(issue.source, Reason.of("page_missing", mets=issue.source))
    return read_alto_layout(source.read_bytes(page.source), page.source)


def _on_page(issue: Issue, page: Page) -> Iterator[Article]:
    """The issue's articles that may be on the page (all, for articles loaded without pages)."""
    return (a for a in issue.articles if not a.pages or page.number in a.pages)


def _claim(article_id: str, alto: AltoLayout, pointers: Iterator[tuple[str, str]]) -> Claim:
    runs: list[Run] = []
    ids: list[str] = []
    for begin, end in pointers:
        run = alto.words_of(begin, end)
        if run is None:
            continue  # points at nothing on this page (the loader counted it already)
        runs.append(run)
        ids.extend(i for i in (begin, end) if i)
    return article_id, runs, ids


def _file_ids(document: MetsDocument, name: str) -> set[str]:
    """The METS file IDs that name this archive file (as the loader resolved them).

    Matched by base name, the way :class:`ArchiveNames` falls back to when a path does not
    fit the archive; when several share it, those whose path fits exactly.
    """
    base = posixpath.basename(name)
    folder = posixpath.dirname(document.name)
    matches: dict[str, bool] = {}
    for file_id, listed in document.files.items():
        path = unquote(urlsplit(listed.href.strip()).path)
        if posixpath.basename(path.rstrip("/")) == base:
            joined = posixpath.normpath(posixpath.join(folder, path.lstrip("/")))
            matches[file_id] = joined == name
    exact = {file_id for file_id, fits in matches.items() if fits}
    return exact or set(matches)


def _base(href: str) -> str:
    return posixpath.basename(unquote(urlsplit(href.strip()).path).rstrip("/"))
