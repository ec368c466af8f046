"""One article per file, grouped into issues by date: the People's Daily 1946–2003 corpus layout.

A file ``1946-05-15_发刊词.md`` holds ``### headline``, an author line, a date line, a page line
``第1版(…)``, a column line ``专栏：…``, a blank line, then the body. Month index files
(``### 1946年05月`` then ``1946-05-15 headline`` lines) list the articles and are not articles.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import PurePosixPath

from reader.formats import prose
from reader.formats.dates import chinese_number, fold_digits
from reader.formats.loaded import Loaded
from reader.formats.source import Source
from reader.formats.textio import decode_text, peek_text
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
    by_date: dict[dt.date, list[tuple[str, dict[str, str], list[str]]]] = {}
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
            member: tuple[str, dict[str, str], list[str]], day: str = date.isoformat()
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


def _parse(text: str, name: str) -> tuple[dict[str, str], list[str]]:
    match = _HEADER.match(text)
    if match is None:
        raise CorruptArchive(name, Reason.of("no_article_header"))
    header = {k: (v or "").strip() for k, v in match.groupdict().items()}
    body = [line.strip(" \t\u3000") for line in text[match.end() :].split("\n")]
    return header, [line for line in body if line]


def _article(
    issue_id: str,
    name: str,
    header: dict[str, str],
    body: list[str],
    date: dt.date,
    language: str,
) -> Article:
    # Headline lines are separated by two spaces; one space keeps them apart when read as one.
    title = re.sub(r"[ \t\u3000]{2,}", " ", header["title"]).strip()
    authors = tuple(a for a in re.split(r"[\s、，,]+", header["author"]) if a)
    return Article(
        id=f"{issue_id}-{stable_id(name, length=6)}",
        issue_id=issue_id,
        title=title,
        column=header.get("column", ""),
        authors=authors,
        page=str(_page_number(header["page"]) or header["page"]),
        date=date,
        paragraphs=tuple(prose.reflow(body)),
        language=language,
        source=name,
        ref="body",
    )


def _page_number(page: str) -> int:
    return chinese_number(fold_digits(page)) or 0


def _squash(title: str) -> str:
    return re.sub(r"\s+", "", title)
