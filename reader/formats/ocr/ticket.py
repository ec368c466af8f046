"""BCUL's ABBYY "tickets" (``…_mit.xml``): the issue's date, title and language beside its pages.

The Bibliothèque cantonale et universitaire de Lausanne ships each issue's ABBYY pages with a
``<ticket type="Abbyy">``: ``meta`` gives the date (``17621207``), the collection
(``publication``, the present-day paper: "24 Heures" for the Feuille d'Avis de Lausanne of
1762), the issue's printed ``title`` and its ``language``; ``images`` the page images' sizes
and names on BCUL's server (never in the archive: their paths are absolute). The date is used
when the file names have none, the title as the issue's masthead, the language when
``archive.toml`` gives none. The collection name is not the paper's name at the time, so the
publication stays the one the file names give (``FAL``).
"""

from __future__ import annotations

import posixpath

from reader.formats.common import xmlsafe
from reader.formats.common.dates import find_date
from reader.formats.common.loaded import Loaded
from reader.formats.common.source import Source
from reader.formats.common.xmlhead import RootTag, root_tag
from reader.formats.common.xmltree import children, text
from reader.formats.ocr.issues import IssueFacts
from reader.model import CorruptArchive

# A ticket is a kilobyte or two; read no more of a file named so.
MAX_BYTES = 1 << 20


def is_ticket(root: RootTag | None) -> bool:
    """Whether an XML root is a BCUL ticket (``<ticket type="Abbyy">``)."""
    return root is not None and root.name == "ticket" and root.attribute("type").lower() == "abbyy"


def read_tickets(
    source: Source, names: list[str], loaded: Loaded
) -> tuple[list[str], dict[str, IssueFacts]]:
    """Set the tickets apart from the pages: the pages, and what each folder's ticket says.

    A ticket that cannot be read is a problem; one that says nothing useful is passed over.
    """
    pages: list[str] = []
    facts: dict[str, IssueFacts] = {}
    for name in names:
        if not name.lower().endswith(".xml"):
            pages.append(name)
            continue
        try:
            head = source.read_bytes(name, 4096)
        except CorruptArchive as exc:
            loaded.add_problem(name, exc.reason)
            continue
        if not is_ticket(root_tag(head)):
            pages.append(name)
            continue
        try:
            found = read_ticket(source.read_bytes(name, MAX_BYTES), name)
        except CorruptArchive as exc:
            loaded.add_problem(name, exc.reason)
            continue
        facts.setdefault(posixpath.dirname(name), found)
    return pages, facts


def read_ticket(data: bytes, name: str) -> IssueFacts:
    """The date, title and language in a ticket's ``meta``.

    Raises:
        CorruptArchive: The ticket is not well-formed XML.
    """
    root = xmlsafe.parse_bytes(data, name)
    meta = next(children(root, "meta"), None)
    if meta is None:
        return IssueFacts()

    def field(tag: str) -> str:
        found = next(children(meta, tag), None)
        return text(found) if found is not None else ""

    day = field("date")
    # BCUL writes 17621207: put separators in, so it reads as a date and not as a number.
    if len(day) == 8 and day.isdigit():
        day = f"{day[:4]}-{day[4:6]}-{day[6:]}"
    return IssueFacts(find_date(day) if day else None, field("title"), field("language"))
