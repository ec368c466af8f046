"""Articles as plain-text or Markdown files, one per article, for text mining: a folder or a zip.

Each file opens with YAML front matter (every value a JSON string or list, so any YAML or JSON
reader takes it as it is; ``kicker``, ``subtitle`` and ``column`` only when the article has
them) and a stable, safe name: ``DATE_PUBLICATION_ID.txt`` (``.md``), the publication cut to
a few letters or characters, nothing a file system or zip tool could misread (no separators,
no reserved names), the same name on every export of the same article.
Files are written one at a time: a zip holds only its directory in memory.
"""

from __future__ import annotations

import json
import re
import unicodedata
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from reader.model import Progress

if TYPE_CHECKING:
    from reader.library.export_entries import Entry

SUFFIXES = {"text": ".txt", "markdown": ".md"}
# Characters of the publication kept in a file name.
_NAME_PART = 40
_UNSAFE = re.compile(r"[^\w.-]+")
# Front matter keys left out when empty: the heading's parts beyond the title.
_HEADING_PARTS = ("kicker", "subtitle", "column")
# The zip's members carry one fixed time, so the same export is the same zip.
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def file_name(item: Entry, fmt: str) -> str:
    """``2022-09-19_今日长子_2022-09-19-f6b602d7-01.txt``: date, publication, id, suffix."""
    day = item.date.isoformat() if item.date else "undated"
    return (
        f"{day}_{_safe(item.issue.publication)[:_NAME_PART]}_{_safe(item.article.id)}"
        + (SUFFIXES[fmt])
    )


def front_matter(item: Entry) -> str:
    """The YAML front matter of an entry: ``---``, one ``key: value`` a line, ``---``."""
    issue, article = item.issue, item.article
    values: list[tuple[str, object]] = [
        ("id", article.id),
        ("title", item.title),
        ("kicker", article.kicker),
        ("subtitle", article.subtitle),
        ("authors", list(article.authors)),
        ("publication", issue.publication),
        ("date", item.date.isoformat() if item.date else ""),
        ("issue", issue.number),
        ("page", article.page),
        ("column", article.column),
        ("language", item.language),
        ("citation", item.citation),
        ("source", item.location),
    ]
    # The heading's other parts only where the file gives them (most articles have none).
    values = [(key, value) for key, value in values if value or key not in _HEADING_PARTS]
    if item.collection:  # a collection's item: where it is kept, the reader's note and tags
        values += [("collection", item.collection), ("note", item.note), ("tags", list(item.tags))]
    lines = ["---"]
    lines += [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in values]
    lines.append("---")
    return "\n".join(lines) + "\n"


def document(item: Entry, fmt: str) -> str:
    """The whole file: front matter, then the article (Markdown: headings, byline in italics)."""
    article = item.article
    body = "\n\n".join(p.strip() for p in article.paragraphs if p.strip())
    if fmt == "markdown":
        head = [f"# {_flat(item.title)}"]
        head += [f"**{_flat(text)}**" for text in (article.kicker, article.subtitle) if text]
        if article.authors:
            head.append(f"*{_flat(' '.join(article.authors))}*")
        return front_matter(item) + "\n" + "\n\n".join([*head, body]).rstrip() + "\n"
    head = [text for text in (article.kicker, item.title, article.subtitle) if text]
    if article.authors:
        head.append(" ".join(article.authors))
    return front_matter(item) + "\n" + "\n".join(head) + "\n\n" + body.rstrip() + "\n"


def write_folder(
    items: Iterable[Entry], folder: Path, fmt: str, progress: Progress | None = None
) -> int:
    """Write one file per entry into ``folder``; return how many.

    The folder is made when missing, but not the one it is in: the caller checks that it exists.
    """
    folder.mkdir(exist_ok=True)
    count = 0
    for item in items:
        (folder / file_name(item, fmt)).write_text(document(item, fmt), encoding="utf-8")
        count += 1
        if progress is not None:
            progress(count, 0)
    return count


def write_zip(
    items: Iterable[Entry], path: Path, fmt: str, progress: Progress | None = None
) -> int:
    """Write one member per entry into the zip ``path`` (deflated, UTF-8 names); return how many."""
    count = 0
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for item in items:
            info = zipfile.ZipInfo(file_name(item, fmt), _ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, document(item, fmt).encode("utf-8"))
            count += 1
            if progress is not None:
                progress(count, 0)
    return count


def _safe(text: str) -> str:
    """Letters, digits, ``.``, ``-`` and ``_`` only, runs of anything else one ``-``."""
    cleaned = _UNSAFE.sub("-", unicodedata.normalize("NFC", text)).strip("-.")
    return cleaned or "untitled"


def _flat(text: str) -> str:
    return " ".join(text.split())
