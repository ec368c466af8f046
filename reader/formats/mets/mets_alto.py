"""METS/ALTO issues: an issue METS with its ALTO pages, or loose ALTO pages, one issue per folder.

A METS with a logical structMap gives articles in reading order, built from the ALTO blocks
its areas point at (adverts are kept, in the column "Advertisement"); a METS without one, and
a folder of ALTO pages with no METS, give one article per page. ALTO files beside a DIDL or an
NDNP issue METS belong to those importers and are left to them.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import PurePosixPath

from reader.formats.common.dates import find_date
from reader.formats.common.loaded import Loaded
from reader.formats.common.source import Source
from reader.formats.common.stories import folder_name
from reader.formats.common.xmlhead import RootTag, read_root, root_tag
from reader.formats.mets import alto, didl
from reader.formats.mets import issue as mets_issue
from reader.formats.mets.archive_names import ArchiveNames
from reader.formats.mets.claims import read_mets_layout
from reader.formats.mets.conventions import full_path, path_facts
from reader.formats.mets.document import is_mets, is_ndnp, read_mets
from reader.formats.mets.issue import page_article
from reader.model import (
    ArchiveSettings,
    Article,
    CorruptArchive,
    Issue,
    Page,
    PageLayout,
    Problem,
    Reason,
    stable_id,
)

NAME = "mets-alto"
EXTENSIONS = (".xml",)
_DIGITS = re.compile(r"(\d+)")


def score(name: str, head: bytes) -> int:
    """60 for a METS file, 40 for an ALTO page (other importers outbid both for their own)."""
    if not name.lower().endswith(EXTENSIONS):
        return 0
    root = root_tag(head)
    if is_mets(root):
        return 60
    return 40 if alto.is_alto(root) else 0


def load(source: Source, names: list[str], settings: ArchiveSettings) -> Loaded:
    """One issue per METS; ALTO pages no METS lists make one issue per folder."""
    loaded = Loaded()
    everything = ArchiveNames(source)
    roots = {name: read_root(source, name) for name in names}
    used: set[str] = set()
    for name in (n for n in names if is_mets(roots[n])):
        try:
            document = read_mets(source.read_bytes(name), name)
        except CorruptArchive as exc:
            # Its pages are not lost: they load below as pages without a METS.
            loaded.add_problem(name, exc.reason)
            continue
        built = mets_issue.build_issue(source, document, settings, everything, NAME)
        used |= built.page_names
        if built.issue is None:
            loaded.add_problem(name, Reason.of("mets_without_alto"))
        else:
            loaded.issues.append(built.issue)
    loose = [n for n in names if alto.is_alto(roots[n]) and n not in used]
    loaded.issues.extend(_page_issues(source, loose, everything, settings, loaded))
    return loaded


def read_original(source: Source, article: Article) -> str:
    """The article's OCR text as the ALTO has it: line by line, words and hyphens untouched."""
    return mets_issue.read_original(source, article)


def read_layout(source: Source, issue: Issue, page: Page) -> PageLayout:
    """One page's words and blocks with their boxes, and each article's words on it."""
    return read_mets_layout(source, issue, page)


def _page_issues(
    source: Source,
    loose: list[str],
    names: ArchiveNames,
    settings: ArchiveSettings,
    loaded: Loaded,
) -> list[Issue]:
    """ALTO pages without a METS: one issue per folder, one article per page, in name order."""
    by_folder: dict[str, list[str]] = {}
    for name in loose:
        by_folder.setdefault(posixpath.dirname(name), []).append(name)
    owners: dict[str, bool] = {}
    ours = set(loose)
    issues = []
    for folder, members in sorted(by_folder.items()):
        if _owned_elsewhere(source, folder, names, ours, owners):
            continue
        issue = _page_issue(source, folder, sorted(members, key=_natural), settings, loaded)
        if issue is not None:
            issues.append(issue)
    return issues


def _page_issue(
    source: Source, folder: str, members: list[str], settings: ArchiveSettings, loaded: Loaded
) -> Issue | None:
    # NDNP and BL folders name the title id and the date that ALTO pages never carry.
    facts = path_facts(full_path(source.root, members[0]))
    title = facts.title_id if facts else folder_name(folder, source.root)
    date = find_date(folder) or find_date(PurePosixPath(members[0]).name)
    date = date or (facts.date if facts else None)
    issue_id = f"{date.isoformat() if date else 'undated'}-{stable_id(folder, 'alto', length=8)}"
    articles = []
    problems = []
    pages: list[Page] = []
    for index, name in enumerate(members, start=1):
        try:
            page, note = alto.read_page(source.read_bytes(name), name)
        except CorruptArchive as exc:
            loaded.add_problem(name, exc.reason)
            continue
        if note is not None:
            problems.append(Problem(name, note))
        number = page.printed_number or page.physical_number or str(index)
        # No METS names a scan for a loose page: one beside it with the same name is its scan,
        # else the page view shows its text boxes alone.
        on = len(pages) + 1
        image = _scan_beside(source, name)
        pages.append(Page(on, number, name, "", image, 0, page.width, page.height, page.unit))
        articles.append(page_article(issue_id, name, page, number, settings.language, (on,)))
    if not articles:
        loaded.problems.extend(problems)
        return None
    return Issue(
        id=issue_id,
        publication=settings.publication or title,
        date=date,
        source=folder or members[0],
        format=NAME,
        articles=tuple(articles),
        problems=tuple(problems),
        pages=tuple(pages),
    )


def _owned_elsewhere(
    source: Source, folder: str, names: ArchiveNames, ours: set[str], cache: dict[str, bool]
) -> bool:
    """Whether a folder (or the one above) holds a DIDL or NDNP issue file: its pages are theirs."""
    for place in dict.fromkeys((folder, posixpath.dirname(folder))):
        if place not in cache:
            candidates = (
                n for n in names.in_folder(place) if n.lower().endswith(".xml") and n not in ours
            )
            cache[place] = any(_owner(read_root(source, n)) for n in candidates)
        if cache[place]:
            return True
    return False


def _owner(root: RootTag | None) -> bool:
    return didl.is_didl(root) or is_ndnp(root)


def _natural(name: str) -> list[object]:
    """Sort key: page2 before page10."""
    # Digits by their value (fewer digits first, then digit by digit): int() refuses runs of
    # over 4,300 digits, and a name is anything a file system allows.
    return [
        (len(p.lstrip("0")), p.lstrip("0")) if p.isdigit() else p.lower()
        for p in _DIGITS.split(name)
    ]


# The image types a scan beside a loose ALTO page may have, most common first.
_SCAN_SUFFIXES = (".jp2", ".tif", ".tiff", ".jpg", ".jpeg", ".png")


def _scan_beside(source: Source, name: str) -> str:
    """An image with the ALTO file's name (``0001.xml`` → ``0001.jp2``) in its folder, or ""."""
    stem = name.rsplit(".", 1)[0]
    for suffix in _SCAN_SUFFIXES:
        for candidate in (stem + suffix, stem + suffix.upper()):
            try:
                source.info(candidate)
            except (OSError, CorruptArchive):
                continue
            return candidate
    return ""
