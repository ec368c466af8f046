"""Stories read from markup (NewsML-G2, NITF, Founder HTML) and their grouping into issues."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, fields
from pathlib import PurePosixPath
from typing import Any

from reader.formats.common import prose
from reader.formats.common.dates import whole_number
from reader.model import ArchiveSettings, Article, Issue, stable_id

_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u2002\u2003\u2009\u3000]+")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")


@dataclass(frozen=True, kw_only=True)
class Story(Article):
    """One article as an importer read it, before it is placed in an issue.

    It has every field of :class:`~reader.model.Article`; ``id`` and ``issue_id`` stay empty
    until :func:`build_issues` places the story. ``key`` tells the story apart from the others
    of its file (a guid, an article number or a position) and makes the article id; ``ref``
    lets the importer find it again in the file. ``masthead``, ``issue_date`` and ``edition``
    decide the issue the story belongs to.
    """

    # Given by build_issues; the title may be missing until the markup is read.
    id: str = ""
    issue_id: str = ""
    title: str = ""
    # Every importer knows these; Article's defaults of "" would hide a forgotten one.
    source: str
    ref: str
    key: str
    masthead: str = ""
    issue_date: dt.date | None = None
    edition: str = ""
    order: tuple[int, ...] = ()
    front_matter: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        """Whether there is nothing to read: no headline and no text."""
        return not (self.title or self.kicker or self.subtitle) and not any(self.paragraphs)


def clean_text(text: str) -> str:
    """One paragraph from markup text: source line breaks joined, runs of spaces made one."""
    joined = ""
    for raw in _INVISIBLE.sub("", text).split("\n"):
        line = _SPACES.sub(" ", raw).strip()
        if line:
            joined = prose.join_lines(joined, line) if joined else line
    return joined


def clean_title(text: str) -> str:
    """A headline from markup: its printed lines kept apart by one space."""
    lines = (_SPACES.sub(" ", line).strip() for line in _INVISIBLE.sub("", text).split("\n"))
    return " ".join(line for line in lines if line)


def default_publication(root: str) -> str:
    """The name an archive goes by when its files name no publication: the folder or zip."""
    path = PurePosixPath(root.replace("\\", "/"))
    return path.stem if path.suffix.lower() == ".zip" else path.name


# File and folder names that say what a file is, not which paper it is from: a METS is often
# mets.xml in a BagIt bag's data/ folder, and neither is a publication.
_GENERIC_NAMES = frozenset(
    {"mets", "index", "page", "pages", "document", "doc", "issue", "issues", "manifest", "main"}
    | {"content", "contents", "data", "text", "xml", "alto", "ocr", "files", "images", "output"}
    | {"img", "pagexml", "page-xml", "hocr"}
)
# OCR-D's workspace folders (OCR-D-IMG, OCR-D-GT-PAGE, OCR-D-OCR-TESS…) and ground-truth sets'
# (GT-PAGE, GT-ALTO) name a processing step or a format, never the paper.
_GENERIC_PATTERN = re.compile(r"(?:ocr-d|gt)[-_].*")


def generic_name(name: str) -> bool:
    """Whether a file or folder name says what its files are (mets, data, OCR-D-GT-PAGE…),
    not which paper they are from."""
    folded = name.casefold()
    return folded in _GENERIC_NAMES or bool(_GENERIC_PATTERN.fullmatch(folded))


def name_from_path(name: str, root: str) -> str:
    """A publication's name from where its file is, when the file names none.

    The file's stem, else the nearest folder's name, that is more than a generic word (mets,
    index, data…); else the archive's (:func:`default_publication`).
    """
    path = PurePosixPath(name.replace("\\", "/"))
    if path.stem and not generic_name(path.stem):
        return path.stem
    return folder_name(str(path.parent), root)


def folder_name(folder: str, root: str) -> str:
    """A publication's name from the folder its files are in: the nearest folder's name that is
    more than a generic word (data, alto, pages…); else the archive's."""
    path = PurePosixPath(folder.replace("\\", "/"))
    for candidate in (path.name, *(parent.name for parent in path.parents)):
        if candidate and candidate != "." and not generic_name(candidate):
            return candidate
    return default_publication(root)


def build_issues(
    stories: list[Story], settings: ArchiveSettings, format_name: str, default_publication: str
) -> list[Issue]:
    """Group stories into issues by publication, issue date and edition; pages then order inside.

    The publication is the masthead (through ``archive.toml``'s aliases), else the archive's
    ``publication`` setting, else ``default_publication``. Ids depend only on the file names,
    story keys, publication, date and edition, so reopening the same files gives the same ids.
    """
    groups: dict[tuple[str, str, str], list[Story]] = {}
    for story in stories:
        publication = settings.publication_for(story.masthead) or default_publication
        day = story.issue_date.isoformat() if story.issue_date else "undated"
        groups.setdefault((publication, day, story.edition), []).append(story)
    issues = []
    for (publication, day, edition), members in groups.items():
        members.sort(key=lambda s: (_page_key(s.page), s.order, s.source, s.key))
        issue_id = f"{day}-{stable_id(format_name, publication, day, edition, length=8)}"
        articles = []
        seen: set[str] = set()
        for story in members:
            article_id = f"{issue_id}-{stable_id(story.source, story.key, length=8)}"
            if article_id in seen:  # importers keep keys unique per file; never lose a story
                article_id = f"{article_id}-{len(seen)}"
            seen.add(article_id)
            articles.append(_article(story, article_id, issue_id, settings.language))
        front = tuple(dict.fromkeys(line for s in members for line in s.front_matter))
        sources = sorted({s.source for s in members})
        issues.append(
            Issue(
                id=issue_id,
                publication=publication,
                date=members[0].issue_date,
                masthead=next((s.masthead for s in members if s.masthead), ""),
                source=sources[0] if len(sources) == 1 else _common_folder(sources),
                format=format_name,
                articles=tuple(articles),
                front_matter=front,
            )
        )
    return issues


def _article(story: Story, article_id: str, issue_id: str, language: str) -> Article:
    shared: dict[str, Any] = {f.name: getattr(story, f.name) for f in fields(Article)}
    shared.update(
        id=article_id,
        issue_id=issue_id,
        paragraphs=tuple(p for p in story.paragraphs if p),
        language=story.language or language,
    )
    return Article(**shared)


def _page_key(page: str) -> tuple[str, int]:
    """``3`` → ("", 3), ``A2`` → ("A", 2): section letters first, then the number."""
    match = re.match(r"([A-Za-z]*)\s*(\d*)", page.strip())
    letters, digits = match.groups() if match else ("", "")
    return letters.upper(), whole_number(digits) or 0


def _common_folder(names: list[str]) -> str:
    parts = [PurePosixPath(n).parent.parts for n in names]
    common: list[str] = []
    for level in zip(*parts, strict=False):
        if len(set(level)) != 1:
            break
        common.append(level[0])
    return "/".join(common) or "."
