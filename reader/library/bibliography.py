"""Bibliographic exports of newspaper articles: RIS, CSL-JSON and BibTeX, one entry at a time.

- RIS (the RefMan tagged format): ``TY  - NEWS``, ``AU`` per author (``Family, Given``),
  ``TI``, ``T2`` (the newspaper), ``PY``/``DA`` (``2022`` / ``2022/09/19``), ``SP`` (the page),
  ``IS`` (the issue number), ``SE`` (the column, 栏目: a newspaper article's Section, as Zotero
  and EndNote import it), ``LA``, ``N1`` (the reader's note, then the printed numbers, then
  ``Kicker: …`` and ``Subtitle: …``, which have no tag), ``KW`` per tag, ``AN`` (the article's
  id), ``DB`` (the archive), ``UR`` (the article's file as a ``file:`` URL), ``ER``. Lines end
  in CR LF, as the format asks.
- CSL-JSON (citeproc's input, what Zotero reads): one array of ``article-newspaper`` items
  with ``container-title``, ``issued`` date-parts, ``page``, ``issue``, ``section`` (the
  column, 栏目), ``author`` as ``family``/``given`` or ``literal`` (a Chinese name or a name of
  one word), ``language``, ``note`` (the reader's note, then the printed numbers), ``keyword``
  (the tags, joined by ``, ``), ``custom`` (``kicker`` and ``subtitle``, which no CSL variable
  holds), ``archive`` and ``archive_location``; only variables of the CSL 1.0 schema.
- BibTeX: ``@article`` with ``subtitle``, ``titleaddon`` (the kicker), ``journal`` (biblatex
  reads it as ``journaltitle``), ``issuetitle`` (the column, 栏目), ``year``, ``month``,
  ``date``, ``pages``, ``number``, ``language``, ``note``, ``keywords`` (the tags, as biblatex
  reads them); special characters escaped, a name that must stay whole in braces.

A title made from the article's first words (``Article.title_derived``) is given in square
brackets, as a cataloguer gives a title they supplied: ``[First words…]``.

Each writer takes the entries (``reader.library.export_entries.Entry``) as an iterable and writes one
before asking for the next.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from reader.library.citations import is_cjk_name, split_name
from reader.model import Progress

if TYPE_CHECKING:
    from reader.library.export_entries import Entry

_EOL = "\r\n"
# BibTeX's month macros (unquoted: a style prints them in its own language).
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_LATEX = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_LATEX_PATTERN = re.compile("|".join(re.escape(c) for c in _LATEX))


def ris_record(item: Entry) -> list[tuple[str, str]]:
    """The RIS tags of one entry, in order, ``TY`` first and ``ER`` last."""
    issue, article = item.issue, item.article
    tags = [("TY", "NEWS")]
    for name in article.authors:
        split = split_name(name)
        tags.append(("AU", f"{split[0]}, {split[1]}" if split else name.strip()))
    tags += [("TI", item.cited_title), ("T2", issue.publication)]
    if item.date:
        tags += [("PY", f"{item.date.year:04d}"), ("DA", item.date.strftime("%Y/%m/%d"))]
    if article.page:
        tags.append(("SP", article.page))
    if issue.number:
        tags.append(("IS", issue.number))
    if article.column:
        tags.append(("SE", article.column))
    if item.language:
        tags.append(("LA", item.language))
    if item.note.strip():
        tags.append(("N1", item.note))
    if issue.numbers_printed:
        tags.append(("N1", " ".join(issue.numbers_printed)))
    # RIS has no tag for a kicker or a subtitle: each is a note of its own, named.
    headings = (("Kicker", article.kicker), ("Subtitle", article.subtitle))
    tags += [("N1", f"{name}: {text}") for name, text in headings if text]
    tags += [("KW", tag) for tag in item.tags]
    tags += [("AN", article.id), ("DB", item.archive), ("UR", _file_url(item.location))]
    tags.append(("ER", ""))
    return [(tag, _one_line(value)) for tag, value in tags]


def write_ris(items: Iterable[Entry], stream: TextIO, progress: Progress | None = None) -> int:
    """Write the entries as RIS records; return how many."""
    count = 0
    for item in items:
        for tag, value in ris_record(item):
            stream.write(f"{tag}  - {value}".rstrip() + _EOL)
        stream.write(_EOL)
        count += 1
        if progress is not None:
            progress(count, 0)
    return count


def csl_item(item: Entry) -> dict[str, object]:
    """One entry as a CSL-JSON item (the variables of the CSL 1.0 input schema only)."""
    issue, article = item.issue, item.article
    data: dict[str, object] = {
        "id": article.id,
        "type": "article-newspaper",
        "title": item.cited_title,
        "container-title": issue.publication,
    }
    if article.authors:
        data["author"] = [_csl_name(name) for name in article.authors]
    if item.date:
        data["issued"] = {"date-parts": [[item.date.year, item.date.month, item.date.day]]}
    if article.page:
        data["page"] = article.page
    if issue.number:
        data["issue"] = issue.number
    if article.column:
        data["section"] = article.column
    if item.language:
        data["language"] = item.language
    note = _notes(item, "\n")
    if note:
        data["note"] = note
    if item.tags:
        data["keyword"] = ", ".join(item.tags)
    # CSL has no variable for a kicker or a subtitle; its schema keeps such data in custom,
    # not in note, which annotated bibliographies print as the reader's annotation.
    heading = {"kicker": article.kicker, "subtitle": article.subtitle}
    if any(heading.values()):
        data["custom"] = {name: text for name, text in heading.items() if text}
    data["archive"] = item.archive
    data["archive_location"] = item.location
    return data


def write_csl_json(items: Iterable[Entry], stream: TextIO, progress: Progress | None = None) -> int:
    """Write the entries as one CSL-JSON array, an item at a time; return how many."""
    count = 0
    stream.write("[")
    for item in items:
        stream.write(",\n  " if count else "\n  ")
        stream.write(json.dumps(csl_item(item), ensure_ascii=False))
        count += 1
        if progress is not None:
            progress(count, 0)
    stream.write("\n]\n" if count else "]\n")
    return count


def bibtex_entry(item: Entry) -> str:
    """One entry as a BibTeX ``@article``, its key made from the article's id."""
    issue, article = item.issue, item.article
    fields: list[tuple[str, str]] = []
    if article.authors:
        fields.append(("author", " and ".join(_bibtex_name(n) for n in article.authors)))
    fields.append(("title", _latex(item.cited_title)))
    # The heading's other parts in fields biblatex knows (BibTeX's own styles pass over them):
    # subtitle; titleaddon, the title's annex, for the kicker; and for the column (栏目), as
    # biblatex has no section field, issuetitle, which its styles print after the paper and
    # the date, where a section goes.
    for name, text in (("subtitle", article.subtitle), ("titleaddon", article.kicker)):
        if text:
            fields.append((name, _latex(text)))
    fields.append(("journal", _latex(issue.publication)))
    if article.column:
        fields.append(("issuetitle", _latex(article.column)))
    if item.date:
        fields += [("year", str(item.date.year)), ("date", item.date.isoformat())]
    if article.page:
        fields.append(("pages", _latex(article.page)))
    if issue.number:
        fields.append(("number", _latex(issue.number)))
    if item.language:
        fields.append(("language", _latex(item.language)))
    note = _notes(item, "; ")
    if note:
        fields.append(("note", _latex(note)))
    if item.tags:
        fields.append(("keywords", _latex(", ".join(item.tags))))
    lines = [f"@article{{{bibtex_key(item)},"]
    lines += [f"  {name} = {{{value}}}," for name, value in fields]
    if item.date:  # a macro, not braced: the style words the month
        lines.append(f"  month = {_MONTHS[item.date.month - 1]},")
    lines.append("}")
    return "\n".join(lines) + "\n"


def bibtex_key(item: Entry) -> str:
    """``weaver2024-<id>``: the first author's family name in ASCII (else ``article``), the year."""
    family = ""
    if item.article.authors:
        split = split_name(item.article.authors[0])
        family = split[0] if split else item.article.authors[0]
    stem = re.sub(r"[^a-z0-9]", "", family.lower().encode("ascii", "ignore").decode()) or "article"
    year = str(item.date.year) if item.date else "nd"
    safe_id = re.sub(r"[^A-Za-z0-9_-]", "-", item.article.id)
    return f"{stem}{year}-{safe_id}"


def write_bibtex(items: Iterable[Entry], stream: TextIO, progress: Progress | None = None) -> int:
    """Write the entries as BibTeX entries separated by blank lines; return how many."""
    count = 0
    for item in items:
        if count:
            stream.write("\n")
        stream.write(bibtex_entry(item))
        count += 1
        if progress is not None:
            progress(count, 0)
    return count


def _notes(item: Entry, between: str) -> str:
    """The reader's note and the issue's printed numbers, the ones there are, joined."""
    numbers = " ".join(item.issue.numbers_printed)
    return between.join(text for text in (item.note.strip(), numbers) if text)


def _csl_name(name: str) -> dict[str, str]:
    split = split_name(name)
    if split is None:
        return {"literal": name.strip()}
    return {"family": split[0], "given": split[1]}


def _bibtex_name(name: str) -> str:
    split = split_name(name)
    if split is None or is_cjk_name(name):
        # Braced, BibTeX takes it as one family name (an agency, a Chinese name).
        return "{" + _latex(name.strip()) + "}"
    return f"{_latex(split[0])}, {_latex(split[1])}"


def _latex(text: str) -> str:
    return _LATEX_PATTERN.sub(lambda m: _LATEX[m.group(0)], _one_line(text))


def _one_line(text: str) -> str:
    """A value on one line (a tag or field value cannot hold a line break)."""
    return " ".join(text.split())


def _file_url(location: str) -> str:
    path = Path(location)
    return path.as_uri() if path.is_absolute() else location
