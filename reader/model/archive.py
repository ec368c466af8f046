"""Archive, Issue and Article: the catalogue every importer produces and every view reads."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from reader import digests
from reader.model.articles import Articles
from reader.model.pickling import quick_pickle
from reader.model.reasons import Reason
from reader.model.text import UNREAD_EMPTY, UNREAD_TEXT, Unread

if TYPE_CHECKING:  # a search that reads no catalogue builds no page classes
    from reader.model.pages import Page


def stable_id(*parts: str, length: int = 10) -> str:
    """Return a short hex digest of ``parts``: the same parts give the same id on every run.

    A file name that is not valid UTF-8 reaches Python with its bad bytes as lone surrogates
    (``surrogateescape``); it is hashed as those raw bytes, so it has an id like any other
    (and every valid name keeps the id it always had).
    """
    joined = "\x1f".join(parts)
    try:
        data = joined.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate no file name decodes to: still hash it, stably
        data = joined.encode("utf-8", "surrogatepass")
    digest = digests.blake2b(data, digest_size=16)
    return digest.hexdigest()[:length]


@dataclass(frozen=True, slots=True)
class Problem:
    """A file that could not be read, and why (a catalogue code the window translates)."""

    source: str
    cause: Reason

    def __post_init__(self) -> None:
        # Free text cannot be translated; a str here is a bug in the caller, caught at once.
        if not isinstance(self.cause, Reason):
            raise TypeError(f"a Problem's cause is a Reason, not {type(self.cause).__name__}")

    @property
    def reason(self) -> str:
        """Why, in English (what the command line prints)."""
        return self.cause.text

    @property
    def code(self) -> str:
        """The catalogue code of the reason."""
        return self.cause.code


@dataclass(frozen=True, slots=True)
class Duplicate:
    """A file that repeats one already read (a second copy of an issue METS or of a batch file).

    Not a problem: archives keep such copies on purpose (NDNP's ``_1`` files are the validated
    versions), and the issue is read once, from ``original``.
    """

    source: str
    original: str


@dataclass(frozen=True, slots=True)
class ArchiveSettings:
    """Per-archive settings from the optional ``archive.toml``.

    ``aliases`` maps every masthead spelling seen in the files (OCR misreads included)
    to the publication's display name.
    """

    publication: str = ""
    aliases: tuple[str, ...] = ()
    language: str = ""

    def publication_for(self, masthead: str) -> str:
        """Return the display name for a masthead as printed (or the masthead itself)."""
        cleaned = masthead.strip()
        if self.publication and (cleaned in self.aliases or cleaned == self.publication):
            return self.publication
        return cleaned or self.publication


@quick_pickle
@dataclass(frozen=True, slots=True)
class Article:
    """One article of an issue.

    ``paragraphs`` is the text as a reader wants it (column and page breaks joined);
    the original text is read on demand through the importer with ``source`` and ``ref``.
    A library's catalogue keeps articles :meth:`without_text` (``paragraphs`` a stand-in that
    raises :class:`~reader.model.text.TextNotRead` when read); the library hands out whole ones.
    ``title_derived`` says the title is the article's first words, not one the file gives
    (shown as such, and searched as body text only). ``pages`` are the numbers
    (:attr:`Page.number`) of the issue's pages the article is printed on, in reading order
    (empty when the format has no page images or coordinates).
    """

    id: str
    issue_id: str
    title: str
    kicker: str = ""
    subtitle: str = ""
    column: str = ""
    authors: tuple[str, ...] = ()
    page: str = ""
    date: dt.date | None = None
    paragraphs: tuple[str, ...] = ()
    language: str = ""
    source: str = ""
    ref: str = ""
    title_derived: bool = False
    pages: tuple[int, ...] = ()

    @property
    def has_text(self) -> bool:
        """Whether any body text survived (OCR sometimes keeps only a headline)."""
        if isinstance(self.paragraphs, Unread):
            return self.paragraphs.has_text
        return any(p.strip() for p in self.paragraphs)

    @property
    def holds_text(self) -> bool:
        """Whether this is the whole article, its text included (not a catalogue entry)."""
        return not isinstance(self.paragraphs, Unread)

    def without_text(self) -> Article:
        """This article's catalogue entry: everything but the text, which stays on disk."""
        if not self.holds_text:
            return self
        return replace(self, paragraphs=UNREAD_TEXT if self.has_text else UNREAD_EMPTY)

    @property
    def headline(self) -> str:
        """The title, or a stand-in for an untitled article."""
        return self.title or self.kicker or self.subtitle

    @property
    def text(self) -> str:
        """The reading text, paragraphs separated by blank lines."""
        return "\n\n".join(self.paragraphs)


@quick_pickle
@dataclass(frozen=True, slots=True)
class Issue:
    """One issue of a publication: its date, printed numbers and articles in print order.

    Parts only, no prose: each interface words the date and the numbers in its own language.
    ``text_digest`` is set when its articles leave their text out (a library's catalogue): a
    digest of that text, so two such issues are equal only when their text is too. A library's
    catalogue keeps ``articles`` compact, decoded when used (:class:`~reader.model.articles.Articles`);
    otherwise they are a tuple.
    """

    id: str
    publication: str
    date: dt.date | None
    number: str = ""
    numbers_printed: tuple[str, ...] = ()
    masthead: str = ""
    source: str = ""
    format: str = ""
    articles: Sequence[Article] = ()
    front_matter: tuple[str, ...] = ()
    problems: tuple[Problem, ...] = ()
    pages: tuple[Page, ...] = ()
    text_digest: str = ""

    def page(self, number: int) -> Page | None:
        """The page at this position in the issue (1 is the first), or None."""
        return next((p for p in self.pages if p.number == number), None)

    @property
    def files(self) -> set[str]:
        """The files the issue is read from: its own and its articles' (kept ones not decoded)."""
        if isinstance(self.articles, Articles):
            found = {self.source, *self.articles.sources}
        else:
            found = {self.source, *(a.source for a in self.articles)}
        found.discard("")
        return found


@dataclass(frozen=True, slots=True)
class Companion:
    """A file that travels with the archive to describe its other files, never an issue.

    ``kind`` is ``bagit`` (the bag's declaration), ``bag-info`` (its metadata), ``fetch``,
    ``manifest`` and ``tagmanifest`` (a BagIt bag's checksums) or ``checksums`` (a plain checksum
    list: ``sha256sum``/``md5sum`` output, or BSD-style ``SHA256 (FILE) = HASH`` lines).
    ``fields`` are a tag file's ``Name: value`` pairs in file order (``bagit.txt``, ``bag-info.txt``).
    """

    source: str
    kind: str
    algorithm: str = ""
    fields: tuple[tuple[str, str], ...] = ()

    @property
    def is_manifest(self) -> bool:
        """Whether the file lists checksums of other files."""
        return self.kind in ("manifest", "tagmanifest", "checksums")


@dataclass(frozen=True, slots=True)
class Archive:
    """Everything found under one archive location, plus the files that could not be read."""

    root: str
    settings: ArchiveSettings = field(default_factory=ArchiveSettings)
    issues: tuple[Issue, ...] = ()
    problems: tuple[Problem, ...] = ()
    duplicates: tuple[Duplicate, ...] = ()
    companions: tuple[Companion, ...] = ()

    def issue(self, issue_id: str) -> Issue | None:
        """Return the issue with this id, or None."""
        return next((i for i in self.issues if i.id == issue_id), None)

    def article(self, article_id: str) -> tuple[Issue, Article] | None:
        """Return the article with this id and its issue, or None."""
        for issue in self.issues:
            for article in issue.articles:
                if article.id == article_id:
                    return issue, article
        return None

    @property
    def article_count(self) -> int:
        """How many articles the archive holds."""
        return sum(len(i.articles) for i in self.issues)

    @property
    def manifests(self) -> tuple[Companion, ...]:
        """The companion files that list checksums of the archive's files."""
        return tuple(c for c in self.companions if c.is_manifest)

    @property
    def bag_info(self) -> tuple[tuple[str, str], ...]:
        """The fields of the archive's BagIt ``bag-info.txt`` files, in order (none: empty)."""
        return tuple(f for c in self.companions if c.kind == "bag-info" for f in c.fields)

    @property
    def all_problems(self) -> tuple[Problem, ...]:
        """The archive's problems and those of each issue."""
        nested = tuple(p for i in self.issues for p in i.problems)
        return self.problems + nested
