"""Turning a METS issue and its ALTO pages into articles: logical divs, titles, pages, paragraphs.

Shared by the METS/ALTO and NDNP importers. The logical structMap says which ALTO blocks make
each article (``ARTICLE``, ``ADVERTISEMENT``…) and in which order; MODS records give titles,
authors and languages. The issue's own title, date and number, and the printed page of every
ALTO file, are :mod:`reader.formats.mets.issue_metadata`'s.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from reader.formats.common import prose
from reader.formats.common.titles import is_cut_label, mend_cut_label
from reader.formats.mets.alto import AltoPage
from reader.formats.mets.document import Area, Div, MetsDocument

ARTICLE_KINDS = frozenset({"article", "obituary", "announcement", "letter", "review"})
ADVERT_KINDS = frozenset({"advertisement", "advertising", "advert"})
SECTION_KINDS = frozenset({"section", "chapter", "supplement"})
FRONT_KINDS = frozenset({"title_section", "masthead"})
ADVERT_COLUMN = "Advertisement"
_KICKER_KINDS = frozenset({"overline", "kicker"})
_TITLE_KINDS = frozenset({"title", "headline", "main_title"})
_SUBTITLE_KINDS = frozenset({"subheadline", "subtitle", "subheading"})
_AUTHOR_KINDS = frozenset({"author", "byline"})
_HEADING_KINDS = frozenset({"heading"}) | _KICKER_KINDS | _TITLE_KINDS | _SUBTITLE_KINDS

# Block texts for an area, or None when the area points at nothing that was read.
Resolve = Callable[[Area], "list[str] | None"]


@dataclass
class Pages:
    """The ALTO pages of one issue: file ID → archive name → parsed page, and printed numbers."""

    names: dict[str, str] = field(default_factory=dict)
    numbers: dict[str, str] = field(default_factory=dict)
    parsed: dict[str, AltoPage] = field(default_factory=dict)
    unresolved: int = 0

    def resolve(self, area: Area) -> list[str] | None:
        """The block texts an area points at; counts the ones that point at nothing."""
        page = self.parsed.get(self.names.get(area.file_id, ""))
        if page is None:
            return None
        texts = page.all_texts() if not area.begin else page.texts(area.begin, area.end)
        if texts is None:
            self.unresolved += 1
        return texts


@dataclass
class Piece:
    """An article found in the logical structMap, with the section it sits in."""

    div: Div
    column: str
    advert: bool


def find_pieces(root: Div | None, document: MetsDocument) -> tuple[list[Piece], list[Div]]:
    """The article divs in reading (document) order, and the title-section divs."""
    pieces: list[Piece] = []
    front: list[Div] = []

    def visit(div: Div, column: str) -> None:
        kind = div.kind
        if kind in ARTICLE_KINDS or kind in ADVERT_KINDS:
            advert = kind in ADVERT_KINDS
            pieces.append(Piece(div, ADVERT_COLUMN if advert else column, advert))
            return
        if kind in FRONT_KINDS:
            front.append(div)
            return
        if kind in SECTION_KINDS:
            column = section_title(div, document) or column
        for child in div.children:
            visit(child, column)

    if root is not None:
        visit(root, "")
    return pieces, front


def section_title(div: Div, document: MetsDocument) -> str:
    """A section's name: its MODS titles (both languages of a bilingual paper) or its label."""
    titles = [t for m in document.mods_for(div) for t, _ in m.titles if wordy(t)]
    return " / ".join(dict.fromkeys(titles)) or div.label


@dataclass
class Parts:
    """What an article div holds, by role, as text."""

    kicker: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    subtitles: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    first_file: str = ""


def article_parts(div: Div, resolve: Resolve) -> Parts:
    """Read an article div's headings, byline and body paragraphs from its ALTO blocks.

    Every div with pointers makes one paragraph of the blocks it lists (a paragraph continued in
    the next column is one div with two areas); an area naming a whole ComposedBlock or page
    gives one paragraph per block in it.
    """
    parts = Parts()
    for role, inner in _roles(div, "body"):
        if not inner.areas:
            continue
        if not parts.first_file:
            parts.first_file = inner.areas[0].file_id
        paragraphs = _div_paragraphs(inner, resolve)
        target = {
            "kicker": parts.kicker,
            "title": parts.titles,
            "subtitle": parts.subtitles,
            "author": parts.authors,
        }.get(role, parts.paragraphs)
        target.extend(paragraphs)
    return parts


def _roles(div: Div, role: str) -> Iterator[tuple[str, Div]]:
    """Each div under an article with the role its nearest typed ancestor gives it."""
    kind = div.kind
    if kind in _KICKER_KINDS:
        role = "kicker"
    elif kind in _TITLE_KINDS:
        role = "title"
    elif kind in _SUBTITLE_KINDS:
        role = "subtitle"
    elif kind in _AUTHOR_KINDS:
        role = "author"
    elif kind in _HEADING_KINDS:
        role = "title"
    yield role, div
    for child in div.children:
        yield from _roles(child, role)


def _div_paragraphs(div: Div, resolve: Resolve) -> list[str]:
    paragraphs: list[str] = []
    running = ""
    for area in div.areas:
        texts = resolve(area)
        if not texts:
            continue
        if len(texts) == 1 and area.begin:
            running = prose.join_lines(running, texts[0]) if running else texts[0]
            continue
        if running:
            paragraphs.append(running)
            running = ""
        paragraphs.extend(texts)
    if running:
        paragraphs.append(running)
    return paragraphs


@dataclass(frozen=True)
class Heading:
    """An article's title, kicker, subtitle, authors and language."""

    title: str
    kicker: str = ""
    subtitle: str = ""
    authors: tuple[str, ...] = ()
    language: str = ""


def article_heading(piece: Piece, parts: Parts, document: MetsDocument) -> Heading:
    """Title, kicker, subtitle, authors and language of an article, MODS first, then its text."""
    records = document.mods_for(piece.div)
    titles = [t for m in records for t, _ in m.titles if wordy(t)]
    kicker = " ".join(parts.kicker)
    if parts.kicker and len(titles) > 1:
        # The first MODS title is the overline (FEUILLETON.) when the heading has one.
        kicker, titles = titles[0], titles[1:]
    title = " ".join(titles) or _label(piece.div.label, parts) or " ".join(parts.titles)
    if piece.advert and not title:
        title = ADVERT_COLUMN
    subtitle = " ".join(s for m in records for s in m.subtitles) or " ".join(parts.subtitles)
    authors = tuple(a for m in records for a in m.authors)
    if not authors and parts.authors and len(" ".join(parts.authors)) <= 80:
        authors = (" ".join(parts.authors),)
    language = next((lang for m in records for lang in m.languages), "")
    language = language or next((lang for m in records for _, lang in m.titles if lang), "")
    return Heading(title, kicker, subtitle, authors, language)


def _label(label: str, parts: Parts) -> str:
    """A div's LABEL as a title; one cut at a line-end hyphen gives way to the heading's text."""
    if is_cut_label(label) and parts.titles:
        return " ".join(parts.titles)
    return mend_cut_label(label, parts.paragraphs[:1])


def wordy(text: str) -> bool:
    """Whether a title has a letter or digit (MODS keeps OCR'd dashes such as "–" as titles)."""
    return any(ch.isalnum() for ch in text)
