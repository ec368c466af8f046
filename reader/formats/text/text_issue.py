"""One issue per Markdown/text file: masthead and front matter, then ``## headline`` articles."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from reader.formats.common import prose
from reader.formats.common.dates import chinese_number, find_date, find_numbers
from reader.formats.common.loaded import Loaded
from reader.formats.common.source import Source
from reader.formats.common.textio import decode_text, iter_lines, peek_text
from reader.model import ArchiveSettings, Article, CorruptArchive, Issue, Reason, stable_id

NAME = "text-issue"
EXTENSIONS = (".md", ".markdown", ".txt", ".text")

# The closing #s and spaces are stripped in code: a lazy group before ``[ \t#]*$`` takes
# quadratic time on a long line of "# # # ...".
_HEADING = re.compile(r"^(#{1,3})[ \t\u3000]+(.*)$")
# No two unbounded runs of white space may meet (``\s*[:：·]?\s*`` took quadratic time on a
# long run of spaces): the second one only follows the colon.
_PAGE_MARK = re.compile(
    r"^第?\s*([A-Z]?[0-9０-９一二三四五六七八九十]{1,3})\s*版(?:\s*(?:[:：·]\s*)?\S{0,12})?$"
)
_ARTICLE_HEADING = re.compile(r"^\ufeff?##[ \t\u3000]", re.M)
_DATELINE_DATE = re.compile(r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日")


def score(name: str, head: bytes) -> int:
    """High for a text file with ``## `` article headings, 0 otherwise."""
    if PurePosixPath(name).suffix.lower() not in EXTENSIONS:
        return 0
    return 50 if _ARTICLE_HEADING.search(peek_text(head)) else 0


def load(source: Source, names: list[str], settings: ArchiveSettings) -> Loaded:
    """Each file is one issue; a file that cannot be read is a problem, the rest still load."""
    loaded = Loaded()
    for name in names:
        try:
            # Decoded here, so that the file's bytes are freed before the text is parsed.
            text = decode_text(source.read_bytes(name), name)
            loaded.issues.append(parse_text(text, name, settings))
            del text
        except CorruptArchive as exc:
            loaded.add_problem(name, exc.reason)
    return loaded


def read_original(source: Source, article: Article) -> str:
    """The article's body lines exactly as in the file (OCR breaks and all), headings left out."""
    text = decode_text(source.read_bytes(article.source), article.source)
    first, last = (int(n) for n in article.ref.removeprefix("L").split("-L"))
    return "\n".join(text.split("\n")[first - 1 : last]).strip("\n")


@dataclass
class _Block:
    """A heading (level 1–3) or a paragraph, with its first and last line numbers.

    ``pieces`` gathers a paragraph's lines until it ends.
    """

    level: int
    text: str
    first: int
    last: int
    pieces: list[str] | None = None


@dataclass
class _Draft:
    """An article being assembled from blocks."""

    title: str = ""
    kicker: str = ""
    subtitle: str = ""
    column: str = ""
    page: str = ""
    body_first: int = 0
    last: int = 0
    paragraphs: list[str] = field(default_factory=list)


def _heading_text(heading: re.Match[str]) -> str:
    return heading.group(2).rstrip(" \t#").strip()


def parse_issue(data: bytes, name: str, settings: ArchiveSettings) -> Issue:
    """Parse one issue file into an Issue with its articles."""
    return parse_text(decode_text(data, name), name, settings)


def parse_text(text: str, name: str, settings: ArchiveSettings) -> Issue:
    """Parse an issue file's decoded text into an Issue with its articles.

    The text is read a line at a time and each paragraph joined once, so a huge issue is held
    about twice (its text and its paragraphs), never once per line as well.
    """
    head: list[str] = []
    blocks = _blocks(iter_lines(text), head)
    start = next((i for i, b in enumerate(blocks) if b.level == 2), None)
    if start is None:
        raise CorruptArchive(name, Reason.of("no_article_headings"))
    front = blocks[:start]
    front_lines = [ln.strip() for b in front for ln in head[b.first - 1 : b.last]]
    masthead = next((b.text for b in front if b.level == 1), "")
    front_text = "\n".join(front_lines)
    date = find_date(front_text) or find_date(PurePosixPath(name).name)
    number, printed = find_numbers(front_text)
    publication = settings.publication_for(masthead) or PurePosixPath(name).stem
    issue_id = f"{date.isoformat() if date else 'undated'}-{stable_id(name, length=8)}"
    articles = tuple(
        _finish(draft, n, issue_id, name, date, settings.language)
        for n, draft in enumerate(_drafts(blocks[start:], _page_mark(front)), start=1)
    )
    return Issue(
        id=issue_id,
        publication=publication,
        date=date,
        number=number,
        numbers_printed=printed,
        masthead=masthead,
        source=name,
        format=NAME,
        articles=articles,
        front_matter=tuple(ln for ln in front_lines if ln and not ln.startswith("#")),
    )


def _blocks(lines: Iterator[str], head: list[str]) -> list[_Block]:
    """Headings, and paragraphs made of consecutive non-blank lines joined as one sentence.

    The lines up to the first article heading are kept in ``head`` (for the front matter).
    """
    blocks: list[_Block] = []
    paragraph: _Block | None = None
    in_front = True
    for number, raw in enumerate(lines, start=1):
        if in_front:
            head.append(raw)
        line = raw.strip().strip("\ufeff")
        heading = _HEADING.match(line)
        if not line or heading:
            if paragraph is not None and paragraph.pieces is not None:
                _end_paragraph(paragraph)
            paragraph = None
            if heading:
                level = len(heading.group(1))
                in_front = in_front and level != 2
                blocks.append(_Block(level, _heading_text(heading), number, number))
            continue
        if paragraph is None:
            paragraph = _Block(0, line, number, number)
            blocks.append(paragraph)
        else:
            if paragraph.pieces is None:
                paragraph.pieces = [paragraph.text]
            paragraph.pieces.append(line)
            paragraph.last = number
    if paragraph is not None and paragraph.pieces is not None:
        _end_paragraph(paragraph)
    return blocks


def _end_paragraph(paragraph: _Block) -> None:
    paragraph.text = prose.join_all(paragraph.pieces or [paragraph.text])
    paragraph.pieces = None


def _page_mark(blocks: list[_Block]) -> str:
    """The page named by the last page mark (第2版, A3版) among ``blocks``, or ""."""
    page = ""
    for block in blocks:
        mark = _PAGE_MARK.match(block.text) if block.level == 0 else None
        if mark:
            page = str(chinese_number(mark.group(1)) or mark.group(1))
    return page


def _drafts(blocks: list[_Block], page: str) -> list[_Draft]:
    """Group blocks into articles: kicker + title pairs, column labels, page marks."""
    drafts: list[_Draft] = []
    column = ""
    i = 0
    while i < len(blocks):
        block = blocks[i]
        following = blocks[i + 1] if i + 1 < len(blocks) else None
        if block.level == 0:
            if _PAGE_MARK.match(block.text):
                page = _page_mark([block])
            elif drafts:
                drafts[-1].paragraphs.append(block.text)
                drafts[-1].last = block.last
            i += 1
            continue
        if block.level == 2 and following is not None and following.level == 2:
            # A heading with no text of its own, followed by another: a column label (栏目).
            column = block.text
            i += 1
            continue
        draft = _Draft(title=block.text, column=column, page=page, last=block.last)
        column = ""
        if block.level == 2 and following is not None and following.level == 1:
            draft.kicker, draft.title, draft.last = block.text, following.text, following.last
            i += 1
        if i + 1 < len(blocks) and blocks[i + 1].level == 3:
            draft.subtitle, draft.last = blocks[i + 1].text, blocks[i + 1].last
            i += 1
        draft.body_first = draft.last + 1
        drafts.append(draft)
        i += 1
    return drafts


def _finish(
    draft: _Draft, n: int, issue_id: str, name: str, issue_date: dt.date | None, language: str
) -> Article:
    paragraphs, authors = _split_byline(draft.paragraphs)
    subtitle = draft.subtitle
    if (
        not subtitle
        and paragraphs
        and paragraphs[0].startswith(("——", "—"))
        and len(paragraphs[0]) < 60
    ):
        subtitle = paragraphs.pop(0).lstrip("—").strip()
    reflowed = prose.reflow(paragraphs)
    return Article(
        id=f"{issue_id}-{n:02d}",
        issue_id=issue_id,
        title=draft.title,
        kicker=draft.kicker,
        subtitle=subtitle,
        column=draft.column,
        authors=authors,
        page=draft.page,
        date=_dateline_date(reflowed[0], issue_date) if reflowed else None,
        paragraphs=tuple(reflowed),
        language=language,
        source=name,
        ref=f"L{draft.body_first}-L{draft.last}",
    )


def _split_byline(paragraphs: list[str]) -> tuple[list[str], tuple[str, ...]]:
    """Take the byline out of the body.

    The byline is the last paragraph when it is only names. OCR sometimes reads the lead column
    last: a names-only paragraph followed by a 本报讯 paragraph is the byline, and what follows
    it is the start of the article, put back in front.
    """
    if not paragraphs:
        return [], ()
    names = prose.byline_names(paragraphs[-1])
    if names:
        return paragraphs[:-1], names
    for i in range(len(paragraphs) - 1):
        names = prose.byline_names(paragraphs[i])
        if names and prose.is_dateline(paragraphs[i + 1]):
            return paragraphs[i + 1 :] + paragraphs[:i], names
    return list(paragraphs), ()


def _dateline_date(lead: str, issue_date: dt.date | None) -> dt.date | None:
    """The date of 本报讯 9月11日 in the lead: the year is the issue's (or the one before)."""
    if not prose.is_dateline(lead):
        return None
    match = _DATELINE_DATE.search(lead[:40])
    if match is None:
        return None
    year_text, month, day = match.groups()
    if year_text:
        year = int(year_text)
    elif issue_date is not None:
        # A January issue reporting 12月30日 speaks of last year.
        year = issue_date.year - (1 if int(month) > issue_date.month else 0)
    else:
        return None
    try:
        return dt.date(year, int(month), int(day))
    except ValueError:
        return None
