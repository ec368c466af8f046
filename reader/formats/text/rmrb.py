"""One article per file, grouped into issues by date: the People's Daily 1946–2003 corpus layout.

A file ``1946-05-15_发刊词.md`` holds ``### headline``, an author line, a date line, a page line
``第1版(…)``, a column line ``专栏：…``, a blank line, then the body. Month index files
(``### 1946年05月`` then ``1946-05-15 headline`` lines) list the articles and are not articles.

The body has one paragraph per line, indented four columns; it opens by repeating the headline
(one line per deck), sometimes a subtitle or the author, and lines set right or centred (a
signature, a date, a verse) are indented further.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from reader.formats.common import prose
from reader.formats.common.dates import chinese_number, fold_digits
from reader.formats.common.loaded import Loaded
from reader.formats.common.source import Source
from reader.formats.common.textio import decode_text, iter_lines, peek_text
from reader.model import ArchiveSettings, Article, CorruptArchive, Issue, Reason, stable_id

NAME = "article-per-file"
EXTENSIONS = (".md", ".markdown", ".txt")
# The corpus names no publication in its files; an archive.toml can say otherwise.
DEFAULT_PUBLICATION = "人民日报"

_HEADER = re.compile(
    r"^\ufeff?###[ \t]*(?P<title>[^\n]*)\n(?P<author>[^\n]*)\n[ \t]*(?P<date>\d{4}-\d{2}-\d{2})[ \t]*\n"
    r"[ \t]*第(?P<page>[^版\n]{1,4})版[^\n]*\n(?:[ \t]*专栏[:：](?P<column>[^\n]*)\n)?"
)
_MONTH_INDEX = re.compile(r"^\ufeff?###[ \t]*\d{4}年\d{1,2}月[ \t]*\n\d{4}-\d{2}-\d{2}[ \t]")
_INDEX_LINE = re.compile(r"^(\d{4}-\d{2}-\d{2})[ \t]+(.+?)[ \t]*$", re.M)
# Headline decks are separated by two or more spaces in the header line.
_DECKS = re.compile(r"[ \t\u3000]{2,}")
# Whitespace and punctuation: a repeated headline is compared without them.
_NOT_WORD = re.compile(r"[\W_]+")
# An ordinary paragraph's indent in columns (four spaces, or two ideographic spaces); a line
# indented further is set right or centred: a signature, a date, a verse, a section heading.
_PARAGRAPH_INDENT = 4
# A line this short ending in a letter rather than punctuation is a heading, a name or a date,
# never half of a sentence cut in two.
_SHORT_LINE = 20
_SUBTITLE_MAX = 30
_SUBTITLE_ENDS = tuple("。！？!?…；;：:")
_SECTION_NUMBER = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．])"
)


@dataclass(frozen=True)
class _Line:
    """A body line without its indent, and how many columns that indent was."""

    indent: int
    text: str


def score(name: str, head: bytes) -> int:
    """High for an article file or a month index of the corpus, 0 otherwise."""
    if PurePosixPath(name).suffix.lower() not in EXTENSIONS:
        return 0
    text = peek_text(head).replace("\r\n", "\n")
    return 80 if _HEADER.match(text) or _MONTH_INDEX.match(text) else 0


def load(source: Source, names: list[str], settings: ArchiveSettings) -> Loaded:
    """Group the article files by date into issues, in page order (index order within a page)."""
    loaded = Loaded()
    order: dict[tuple[str, str], int] = {}
    by_date: dict[dt.date, list[tuple[str, dict[str, str], list[_Line]]]] = {}
    for name in names:
        try:
            text = decode_text(source.read_bytes(name), name)
            if _MONTH_INDEX.match(text):
                for match in _INDEX_LINE.finditer(text):
                    order.setdefault((match.group(1), _squash(match.group(2))), len(order))
                continue
            header, body = _parse(text, name)
            date = dt.date.fromisoformat(header["date"])
        except CorruptArchive as exc:
            loaded.add_problem(name, exc.reason)
            continue
        except ValueError as exc:
            loaded.add_problem(name, Reason.of("bad_date_line", detail=exc))
            continue
        by_date.setdefault(date, []).append((name, header, body))
    publication = settings.publication or DEFAULT_PUBLICATION
    for date, members in sorted(by_date.items()):
        issue_id = f"{date.isoformat()}-{stable_id(publication, date.isoformat(), length=8)}"

        def rank(
            member: tuple[str, dict[str, str], list[_Line]], day: str = date.isoformat()
        ) -> tuple[int, int, str]:
            name, header, _ = member
            position = order.get((day, _squash(header["title"])), len(order))
            return (_page_number(header["page"]), position, name)

        articles = tuple(
            _article(issue_id, name, header, body, date, settings.language)
            for name, header, body in sorted(members, key=rank)
        )
        loaded.issues.append(
            Issue(
                id=issue_id,
                publication=publication,
                date=date,
                source=str(PurePosixPath(members[0][0]).parent),
                format=NAME,
                articles=articles,
            )
        )
    return loaded


def read_original(source: Source, article: Article) -> str:
    """The article file's body exactly as it is."""
    text = decode_text(source.read_bytes(article.source), article.source)
    match = _HEADER.match(text)
    return text[match.end() :].strip("\n") if match else text


def _parse(text: str, name: str) -> tuple[dict[str, str], list[_Line]]:
    match = _HEADER.match(text)
    if match is None:
        raise CorruptArchive(name, Reason.of("no_article_header"))
    header = {k: (v or "").strip() for k, v in match.groupdict().items()}
    body = [_line(raw) for raw in iter_lines(text, match.end())]
    return header, [line for line in body if line.text]


def _line(raw: str) -> _Line:
    text = raw.strip(" \t\u3000")
    lead = raw[: len(raw) - len(raw.lstrip(" \t\u3000"))]
    indent = sum(2 if ch == "\u3000" else 4 if ch == "\t" else 1 for ch in lead)
    return _Line(indent, text)


def _article(
    issue_id: str,
    name: str,
    header: dict[str, str],
    body: list[_Line],
    date: dt.date,
    language: str,
) -> Article:
    # Headline lines are separated by two spaces; one space keeps them apart when read as one.
    title = re.sub(r"[ \t\u3000]{2,}", " ", header["title"]).strip()
    authors = tuple(a for a in re.split(r"[\s、，,]+", header["author"]) if a)
    subtitle, paragraphs = _body(body, header["title"], header["author"])
    return Article(
        id=f"{issue_id}-{stable_id(name, length=6)}",
        issue_id=issue_id,
        title=title,
        subtitle=subtitle,
        column=header.get("column", ""),
        authors=authors,
        page=str(_page_number(header["page"]) or header["page"]),
        date=date,
        paragraphs=tuple(paragraphs),
        language=language,
        source=name,
        ref="body",
    )


def _body(lines: list[_Line], headline: str, author: str) -> tuple[str, list[str]]:
    """The subtitle and the paragraphs of a body, the repeated headline and author left out."""
    start = _repeated_headline(lines, headline)
    rest = lines[start:]
    subtitle = ""
    if rest and author and _squash(rest[0].text) == _squash(author):
        rest = rest[1:]  # the byline, already in the header
    elif start and len(rest) > 1 and _is_subtitle(rest[0].text):
        subtitle, rest = rest[0].text, rest[1:]
    return subtitle, _paragraphs(rest)


def _repeated_headline(lines: list[_Line], headline: str) -> int:
    """How many first lines repeat the headline, whole or its first decks (0 when they do not)."""
    decks = [_NOT_WORD.sub("", deck) for deck in _DECKS.split(headline)]
    wanted = "".join(decks)
    boundaries = set(itertools.accumulate(len(deck) for deck in decks if deck))
    seen, end = "", 0
    for number, line in enumerate(lines, start=1):
        seen += _NOT_WORD.sub("", line.text)
        if not seen or not wanted.startswith(seen):
            break
        if len(seen) in boundaries:
            end = number
    return end


def _is_subtitle(text: str) -> bool:
    """Whether a line right after the headline reads as a subtitle, not as the first sentence."""
    return (
        len(text) <= _SUBTITLE_MAX
        and not text.endswith(_SUBTITLE_ENDS)
        and "。" not in text
        and not prose.is_dateline(text)
        and not _SECTION_NUMBER.match(text)
    )


def _paragraphs(lines: list[_Line]) -> list[str]:
    """One paragraph per line, except that lines cut mid-sentence are joined again.

    Lines set apart (indented further, or short and ending without punctuation) are never
    joined to a neighbour; the runs of ordinary lines between them go through prose.reflow.
    """
    paragraphs: list[str] = []
    run: list[str] = []
    for line in lines:
        if _set_apart(line):
            paragraphs.extend(prose.reflow(run))
            paragraphs.append(line.text)
            run = []
        else:
            run.append(line.text)
    paragraphs.extend(prose.reflow(run))
    return paragraphs


def _set_apart(line: _Line) -> bool:
    if line.indent > _PARAGRAPH_INDENT:
        return True
    return len(line.text) <= _SHORT_LINE and line.text[-1].isalnum()


def _page_number(page: str) -> int:
    return chinese_number(fold_digits(page)) or 0


def _squash(title: str) -> str:
    return re.sub(r"\s+", "", title)
