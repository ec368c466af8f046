"""Library of Congress NDNP batches: ``batch.xml`` → issue METS → ALTO pages, one article per page.

A batch folder opens as one archive of many issues, read through its batch file
(:mod:`reader.formats.mets.batches`), each issue once however many copies of its METS the batch
holds. ``batch.xml`` lists each issue's METS with its LCCN, date and edition (and the microfilm
reels, whose METS hold no issues); each issue METS gives the publication (its label), date,
volume, issue and edition numbers, and its pages in order with their printed numbers. An issue
METS without a batch is read too, its LCCN and date taken from its path when its MODS lacks
them. NDNP pages are not cut into articles, so each page is one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from reader.formats.common.dates import parse_record_date
from reader.formats.common.loaded import Loaded
from reader.formats.common.source import Source
from reader.formats.common.xmlhead import RootTag, read_root, root_tag
from reader.formats.mets import issue as mets_issue
from reader.formats.mets.archive_names import ArchiveNames
from reader.formats.mets.batches import IssueKey, Listed, copy_order, issue_key, read_listing
from reader.formats.mets.claims import read_mets_layout
from reader.formats.mets.conventions import full_path, path_facts
from reader.formats.mets.document import MetsDocument, Mods, is_ndnp, read_mets
from reader.formats.mets.issue_metadata import issue_date, issue_records, issue_title
from reader.model import (
    ArchiveSettings,
    Article,
    CorruptArchive,
    Duplicate,
    Issue,
    Page,
    PageLayout,
    Reason,
)

NAME = "ndnp"
EXTENSIONS = (".xml",)
NDNP_NAMESPACE = "http://www.loc.gov/ndnp"


def is_batch(root: RootTag | None) -> bool:
    """Whether a root element is an NDNP ``batch``."""
    return root is not None and root.name == "batch" and root.namespace == NDNP_NAMESPACE


def score(name: str, head: bytes) -> int:
    """95 for a batch file and for an NDNP issue or reel METS (over the generic METS importer)."""
    if not name.lower().endswith(EXTENSIONS):
        return 0
    root = root_tag(head)
    return 95 if is_batch(root) or is_ndnp(root) else 0


def load(source: Source, names: list[str], settings: ArchiveSettings) -> Loaded:
    """Each issue once: those the batch files list, in their order, then other issue METS.

    Copies of an issue (same LCCN, date and edition) are read once, from the file the batch file
    names (else the name without a copy suffix: ``x.xml`` before ``x_1.xml``); the others are
    duplicates, not problems. A listed issue that is missing, with no copy read, is a problem.
    """
    loaded = Loaded()
    everything = ArchiveNames(source)
    roots = {name: read_root(source, name) for name in names}
    listing = read_listing(source, [n for n in names if is_batch(roots[n])])
    loaded.problems.extend(listing.problems)
    loaded.duplicates.extend(listing.duplicates)
    issue_files = {n for n in names if _is_issue(roots[n])}
    listed = [path for path in listing.issues if path in issue_files]
    read: dict[IssueKey, str] = {}
    for name in listed + sorted(issue_files.difference(listed), key=copy_order):
        try:
            document = read_mets(source.read_bytes(name), name)
        except CorruptArchive as exc:
            loaded.add_problem(name, exc.reason)
            continue
        known = _identity(document, listing.issues.get(name), full_path(source.root, name))
        key = issue_key(known.lccn, known.date, known.edition)
        if key is not None and key in read:
            # Checked before the pages are read: a copy costs one METS parse, not its ALTO.
            loaded.duplicates.append(Duplicate(name, read[key]))
            continue
        issue = _issue(source, document, settings, everything, known)
        if issue is None:
            loaded.add_problem(name, Reason.of("ndnp_without_pages"))
            continue
        loaded.issues.append(issue)
        if key is not None:
            read[key] = name
    for path, entry in listing.issues.items():
        if path not in everything and (entry.key is None or entry.key not in read):
            loaded.add_problem(entry.batch, Reason.of("batch_issue_missing", path=path))
    return loaded


def read_original(source: Source, article: Article) -> str:
    """The page's OCR text as the ALTO has it, line by line."""
    return mets_issue.read_original(source, article)


def read_layout(source: Source, issue: Issue, page: Page) -> PageLayout:
    """One page's words and blocks with their boxes (the whole page is its article)."""
    return read_mets_layout(source, issue, page)


@dataclass(frozen=True)
class Known:
    """What identifies an issue: from its MODS, else its batch file's entry, else its path."""

    lccn: str
    date: dt.date | None
    edition: str
    records: list[Mods]


def _is_issue(root: RootTag | None) -> bool:
    # Reel METS describe microfilm, not issues.
    return root is not None and is_ndnp(root) and "reel" not in root.attribute("PROFILE").lower()


def _identity(document: MetsDocument, listed: Listed | None, path: str) -> Known:
    records = issue_records(document)
    facts = path_facts(path)
    lccn = next((m.identifier("lccn") for m in records if m.identifier("lccn")), "")
    lccn = lccn or (listed.lccn if listed else "") or (facts.title_id if facts else "")
    edition = next((m.detail("edition") for m in records if m.detail("edition")), "")
    edition = edition or (listed.edition if listed else "") or (facts.edition if facts else "")
    date = (
        issue_date(records)
        or (parse_record_date(listed.date) if listed else None)
        or (facts.date if facts else None)
        or issue_date([], document.label)
    )
    return Known(lccn, date, edition, records)


def _issue(
    source: Source,
    document: MetsDocument,
    settings: ArchiveSettings,
    names: ArchiveNames,
    known: Known,
) -> Issue | None:
    lccn, edition, records = known.lccn, known.edition, known.records
    front = tuple(
        line
        for line in (f"LCCN {lccn}" if lccn else "", f"Edition {edition}" if edition else "")
        if line
    )
    built = mets_issue.build_issue(source, document, settings, names, NAME, front, known.date)
    if built.issue is None:
        return None
    volume = next((m.detail("volume") for m in records if m.detail("volume")), "")
    printed = [
        f"Vol. {volume}" if volume else "",
        f"No. {built.issue.number}" if built.issue.number else "",
    ]
    if edition and edition != "1":
        printed.append(f"Ed. {edition}")
    publication = settings.publication or issue_title(records, document.label) or lccn
    return dataclasses.replace(
        built.issue,
        publication=publication or built.issue.publication,
        numbers_printed=tuple(p for p in printed if p),
    )
