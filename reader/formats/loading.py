"""Opening an archive and loading it: each file to the importer that claims it, problems kept."""

from __future__ import annotations

import logging
import zlib
from collections.abc import Callable

from reader.formats.common.loaded import Loaded
from reader.formats.common.manifests import recognise as recognise_companion
from reader.formats.common.settings import read_settings
from reader.formats.common.source import Source, is_ignored
from reader.formats.common.titles import with_derived_titles
from reader.formats.containment import load_contained, printable_issue
from reader.formats.pdf import pdf_pages
from reader.formats.publications import issue_order, unify_publications
from reader.formats.registry import IMPORTERS, Importer, pick_importer
from reader.model import (
    Archive,
    ArchiveSettings,
    Article,
    Companion,
    CorruptArchive,
    Duplicate,
    Issue,
    Problem,
    Progress,
    Reason,
    printable,
)

log = logging.getLogger(__name__)

# Enough to get past long XML prologs and HTML <head>s to the markers importers look for.
HEAD_BYTES = 16384

# Tar archives, plain or compressed: named so, or (for .tar and gzip) told by their bytes.
TAR_SUFFIXES = (
    ".tar",
    ".tgz",
    ".tar.gz",
    ".taz",
    ".tbz",
    ".tbz2",
    ".tar.bz2",
    ".txz",
    ".tar.xz",
    ".tzst",
    ".tar.zst",
    ".tlz",
    ".tar.lz",
    ".tar.lzma",
    ".tar.z",
)


# The importers that read each file as one issue on its own: their files are loaded in batches
# as they are detected, so a caller sees the first issues long before the last file is read.
# The others may join files into an issue (a METS and its pages), and load all theirs at once.
PER_FILE = frozenset({"text-issue"})
# Files per batch: the first small, so the first issues come quickly; then twice as many each
# time up to the largest. A batch's text is in memory at once (200 issues of a daily: 10 M
# characters), until the listener lets it go.
FIRST_BATCH = 40
BATCH = 200

# Called with each batch of issues read (titles derived, names printable; no problems), as an
# archive of its own, before the end; returns the issues to keep for the archive (the same, or
# the same without their text once it is written elsewhere).
BatchListener = Callable[[Archive], tuple[Issue, ...]]


def load_archive(
    source: Source, progress: Progress | None = None, on_batch: BatchListener | None = None
) -> Archive:
    """Read every issue in ``source``; unreadable files become problems, never exceptions.

    ``on_batch`` hears the issues as they are read, in batches (see :data:`PER_FILE`), and
    gives back those to keep: the archive returned is the same with it or without, but for
    what ``on_batch`` left out of the issues (their text, written elsewhere).
    """
    settings, problems = read_settings(source)
    listing = source.listing()
    names = [n for n in listing.names if not is_ignored(n)]
    # Folders that cannot be opened and links to nothing or out of the archive: each a problem.
    problems.extend(Problem(n, reason) for n, reason in listing.problems if not is_ignored(n))
    claimed: dict[Importer, list[str]] = {}
    loaded: dict[Importer, Loaded] = {}
    companions: list[Companion] = []
    readable = any(printable(name) != name for name in names)
    pending: list[str] = []

    def flush(importer: Importer) -> None:
        """Load the text files detected so far, and tell ``on_batch``."""
        batch = load_contained(importer, source, pending, settings)
        pending.clear()
        if readable:
            batch.issues = [printable_issue(issue) for issue in batch.issues]
        batch.issues = with_derived_titles(batch.issues)
        if on_batch is not None and batch.issues:
            kept = on_batch(
                Archive(root=source.root, settings=settings, issues=tuple(batch.issues))
            )
            batch.issues = list(kept)
        into = loaded.setdefault(importer, Loaded())
        into.issues.extend(batch.issues)
        into.problems.extend(batch.problems)
        into.duplicates.extend(batch.duplicates)

    per_file: Importer | None = None
    size = FIRST_BATCH
    for done, name in enumerate(names, start=1):
        if progress is not None:
            progress(done, len(names))
        try:
            head = source.read_bytes(name, HEAD_BYTES)
        except CorruptArchive as exc:
            problems.append(Problem(name, exc.reason))
            continue
        # Checksum manifests and BagIt tag files describe the issues' files: set aside, not problems.
        companion = recognise_companion(name, head)
        if companion is not None:
            companions.append(companion)
            continue
        try:
            importer = pick_importer(name, head)
        except Exception as exc:  # a bug in one score function: this file only, not the archive
            log.info("detecting the format of %r failed", name, exc_info=True)
            problems.append(Problem(name, Reason.of("importer_failed", importer="?", detail=exc)))
            continue
        if importer is None:
            problems.append(Problem(name, _unknown_reason(name, head)))
            continue
        claimed.setdefault(importer, []).append(name)
        if importer.NAME in PER_FILE:
            per_file = importer
            pending.append(name)
            if len(pending) >= size:
                flush(importer)
                size = min(size * 2, BATCH)
    if per_file is not None and pending:
        flush(per_file)
    issues: list[Issue] = []
    duplicates: list[Duplicate] = []
    # PDFs last: those beside an issue another format read are that issue's pages, not a copy.
    pdfs = claimed.pop(pdf_pages, [])
    # In the order the formats were first met, as when every format loaded at the end.
    for importer, members in claimed.items():
        if importer in loaded:
            _take(loaded[importer], (issues, problems, duplicates))
        else:
            _load_into(importer, source, members, settings, (issues, problems, duplicates))
    if pdfs:
        pdfs, pages_read = pdf_pages.beside_issues(pdfs, issues)
        duplicates.extend(pages_read)
        _load_into(pdf_pages, source, pdfs, settings, (issues, problems, duplicates))
    # The batches' issues were made printable and titled as they came (and may have left their
    # text with ``on_batch``); the others now. Then one name per publication, over them all.
    batched = {id(issue) for each in loaded.values() for issue in each.issues}
    issues = [i if id(i) in batched else _finished(i, readable) for i in issues]
    issues = unify_publications(issues, settings)
    issues.sort(key=issue_order)
    return Archive(
        root=source.root,
        settings=settings,
        issues=tuple(issues),
        # In path order, whatever found them (the listing, an importer, the settings).
        problems=tuple(sorted(problems, key=lambda problem: problem.source)),
        duplicates=tuple(duplicates),
        companions=tuple(companions),
    )


def _finished(issue: Issue, readable: bool) -> Issue:
    """The issue made printable (when a name in the archive is not) and its untitled articles titled."""
    if readable:
        issue = printable_issue(issue)
    return with_derived_titles([issue])[0]


def _load_into(
    importer: Importer,
    source: Source,
    members: list[str],
    settings: ArchiveSettings,
    into: tuple[list[Issue], list[Problem], list[Duplicate]],
) -> None:
    """Load ``members`` with ``importer``, adding what it read to ``into``; a crash costs only
    the files that cause it (:func:`load_contained`)."""
    _take(load_contained(importer, source, members, settings), into)


def _take(loaded: Loaded, into: tuple[list[Issue], list[Problem], list[Duplicate]]) -> None:
    """Add what an importer read to ``into``."""
    issues, problems, duplicates = into
    issues.extend(loaded.issues)
    problems.extend(loaded.problems)
    duplicates.extend(loaded.duplicates)


def read_original(source: Source, issue: Issue, article: Article) -> str:
    """The article's text exactly as its file has it."""
    importer = next((i for i in IMPORTERS if issue.format == i.NAME), None)
    if importer is None:
        raise CorruptArchive(issue.source, Reason.of("unknown_importer", format=issue.format))
    try:
        return importer.read_original(source, article)
    except CorruptArchive:
        raise
    except Exception as exc:  # whatever a parser or decoder raises on bad bytes
        log.info("reading the original of %r failed", article.id, exc_info=True)
        reason = Reason.of("importer_failed", importer=importer.NAME, detail=exc)
        raise CorruptArchive(article.source or issue.source, reason) from exc


def is_tar(name: str, head: bytes) -> bool:
    """Whether a file is a tar archive (plain or compressed), by its name or its first bytes."""
    if name.lower().endswith(TAR_SUFFIXES):
        return True
    if _is_tar_header(head):
        return True
    if head.startswith(b"\x1f\x8b"):
        # A gzip: the tar header sits in the first block, which the head is enough to inflate.
        try:
            inner = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 512)
        except zlib.error:
            return False
        return _is_tar_header(inner)
    return False


def _is_tar_header(block: bytes) -> bool:
    # POSIX "ustar\0" and GNU "ustar  \0" both start with these bytes at offset 257.
    return block[257:262] == b"ustar"


def _unknown_reason(name: str, head: bytes) -> Reason:
    if not head.strip():
        return Reason.of("empty_file")
    if head.startswith(b"PK\x03\x04"):
        return Reason.of("nested_zip")
    if is_tar(name, head):
        return Reason.of("tar_archive")
    if b"\x00" in head[:1024]:
        return Reason.of("unknown_format_binary")
    return Reason.of("unknown_format")
