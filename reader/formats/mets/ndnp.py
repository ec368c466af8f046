"""Library of Congress NDNP batches: ``batch.xml`` → issue METS → ALTO pages, one article per page.

A batch folder opens as one archive of many issues. ``batch.xml`` lists each issue's METS with
its LCCN, date and edition (and the microfilm reels, whose METS hold no issues); each issue
METS gives the publication (its label), date, volume, issue and edition numbers, and its pages
in order with their printed numbers. NDNP pages are not cut into articles, so each page is one.
"""

from __future__ import annotations

import dataclasses
import posixpath
from dataclasses import dataclass

from reader.formats.common import xmlsafe
from reader.formats.common.dates import parse_record_date
from reader.formats.common.loaded import Loaded
from reader.formats.common.source import Source
from reader.formats.common.xmlhead import RootTag, read_root, root_tag
from reader.formats.mets import issue as mets_issue
from reader.formats.mets.archive_names import ArchiveNames
from reader.formats.mets.articles import issue_records, issue_title
from reader.formats.mets.document import MetsDocument, is_ndnp, read_mets
from reader.model import ArchiveSettings, Article, CorruptArchive, Issue, Reason

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


@dataclass(frozen=True)
class Listed:
    """An issue as ``batch.xml`` lists it."""

    lccn: str
    date: str
    edition: str


def load(source: Source, names: list[str], settings: ArchiveSettings) -> Loaded:
    """Every issue METS of the batch (listed or not); listed issues that are missing are problems."""
    loaded = Loaded()
    everything = ArchiveNames(source)
    roots = {name: read_root(source, name) for name in names}
    listed: dict[str, Listed] = {}
    for name in (n for n in names if is_batch(roots[n])):
        try:
            entries = read_batch(source.read_bytes(name), name)
        except CorruptArchive as exc:
            loaded.add_problem(name, exc.reason)
            continue
        for path, entry in entries.items():
            if path not in everything:
                loaded.add_problem(name, Reason.of("batch_issue_missing", path=path))
            listed.setdefault(path, entry)
    for name in names:
        root = roots[name]
        if not is_ndnp(root) or root is None or "reel" in root.attribute("PROFILE").lower():
            continue  # reel METS describe microfilm, not issues
        try:
            document = read_mets(source.read_bytes(name), name)
        except CorruptArchive as exc:
            loaded.add_problem(name, exc.reason)
            continue
        issue = _issue(source, document, settings, everything, listed.get(name))
        if issue is None:
            loaded.add_problem(name, Reason.of("ndnp_without_pages"))
        else:
            loaded.issues.append(issue)
    return loaded


def read_original(source: Source, article: Article) -> str:
    """The page's OCR text as the ALTO has it, line by line."""
    return mets_issue.read_original(source, article)


def read_batch(data: bytes, name: str) -> dict[str, Listed]:
    """The issues a ``batch.xml`` lists: archive name of the issue METS → LCCN, date, edition."""
    folder = posixpath.dirname(name)
    entries: dict[str, Listed] = {}
    for _, element in xmlsafe.iterparse(data, name, ("end",), "{*}issue"):
        path = (element.text or "").strip()
        if path:
            joined = posixpath.normpath(posixpath.join(folder, path))
            entries[joined] = Listed(
                element.get("lccn", ""),
                element.get("issueDate", ""),
                element.get("editionOrder", ""),
            )
        element.clear()
    return entries


def _issue(
    source: Source,
    document: MetsDocument,
    settings: ArchiveSettings,
    names: ArchiveNames,
    listed: Listed | None,
) -> Issue | None:
    records = issue_records(document)
    lccn = next((m.identifier("lccn") for m in records if m.identifier("lccn")), "")
    lccn = lccn or (listed.lccn if listed else "")
    edition = next((m.detail("edition") for m in records if m.detail("edition")), "")
    edition = edition or (listed.edition if listed else "")
    front = tuple(
        line
        for line in (f"LCCN {lccn}" if lccn else "", f"Edition {edition}" if edition else "")
        if line
    )
    built = mets_issue.build_issue(source, document, settings, names, NAME, front)
    if built.issue is None:
        return None
    volume = next((m.detail("volume") for m in records if m.detail("volume")), "")
    printed = [
        f"Vol. {volume}" if volume else "",
        f"No. {built.issue.number}" if built.issue.number else "",
    ]
    if edition and edition != "1":
        printed.append(f"Ed. {edition}")
    issue = built.issue
    if issue.date is None and listed is not None:
        issue = dataclasses.replace(issue, date=parse_record_date(listed.date))
    publication = settings.publication or issue_title(records, document.label) or lccn
    return dataclasses.replace(
        issue,
        publication=publication or issue.publication,
        numbers_printed=tuple(p for p in printed if p),
    )
