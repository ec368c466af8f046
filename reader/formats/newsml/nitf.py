"""Standalone NITF files (News Industry Text Format), and the NITF reading NewsML-G2 shares.

One file is one story: ``head/pubdata`` names the publication, its date, edition, section and
page; ``body.head`` holds the headlines, bylines and dateline; ``body.content`` the text.
Stories are grouped into issues by publication, date and edition.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from lxml import etree

from reader.formats.common import markup
from reader.formats.common.dates import parse_date
from reader.formats.common.loaded import Loaded
from reader.formats.common.source import Source
from reader.formats.common.stories import Story, build_issues, default_publication
from reader.formats.common.xmlhead import root_tag
from reader.formats.common.xmltree import XML_LANG
from reader.model import ArchiveSettings, Article, CorruptArchive, Reason

NAME = "nitf"
EXTENSIONS = (".xml", ".nitf")
_BY = re.compile(r"^\s*(?:by|von|par|por|door|av)\s+", re.I)
_NAME_SEPARATORS = re.compile(r"\s*(?:,|;|\band\b|\bund\b|\bet\b|&|、|，|；)\s*")


@dataclass(frozen=True)
class NitfText:
    """What an ``<nitf>`` element says about its story."""

    title: str = ""
    subtitle: str = ""
    authors: tuple[str, ...] = ()
    dateline: str = ""
    date: dt.date | None = None
    issue_date: dt.date | None = None
    paragraphs: tuple[str, ...] = ()
    masthead: str = ""
    edition: str = ""
    page: str = ""
    column: str = ""
    language: str = ""
    doc_id: str = ""


def score(name: str, head: bytes) -> int:
    """High for an XML document whose root element is ``<nitf>``."""
    root = root_tag(head)
    return 85 if root is not None and root.name.lower() == "nitf" else 0


def load(source: Source, names: list[str], settings: ArchiveSettings) -> Loaded:
    """One story per file; a file that is not readable NITF is a problem, the rest still load."""
    loaded = Loaded()
    stories = []
    for position, name in enumerate(names):
        try:
            stories.append(_story(source.read_bytes(name), name, position))
        except CorruptArchive as exc:
            loaded.add_problem(name, exc.reason)
    loaded.issues.extend(build_issues(stories, settings, NAME, default_publication(source.root)))
    return loaded


def read_original(source: Source, article: Article) -> str:
    """The story's ``body.content`` markup exactly as the file has it."""
    root = markup.parse_xml(source.read_bytes(article.source), article.source)
    return original_markup(root)


def original_markup(nitf: etree._Element) -> str:
    """The XML of an ``<nitf>`` element's text: ``body.content`` or, lacking it, the headline."""
    body = markup.child(nitf, "body")
    part = markup.child(body, "body.content")
    if part is None:
        part = markup.child(body, "body.head", "hedline")
    if part is None:
        return ""
    return etree.tostring(part, encoding="unicode", with_tail=False)


def read_nitf(nitf: etree._Element) -> NitfText:
    """Read the headlines, bylines, dates, publication data and paragraphs of an ``<nitf>``."""
    head = markup.child(nitf, "head")
    body = markup.child(nitf, "body")
    docdata = markup.child(head, "docdata")
    pubdata = markup.child(head, "pubdata")
    body_head = markup.child(body, "body.head")
    hedline = markup.child(body_head, "hedline")
    dateline = markup.child(body_head, "dateline")
    story_date = _norm_date(markup.child(dateline, "story.date"))
    issue_date = (
        _attribute_date(pubdata, "date.publication")
        or _norm_date(markup.child(docdata, "date.issue"))
        or story_date
        or _norm_date(markup.child(docdata, "date.release"))
    )
    dateline_text = markup.text_of(dateline)
    paragraphs = _paragraphs(body, dateline_text)
    title = markup.title_of(markup.child(hedline, "hl1")) or markup.title_of(
        markup.child(head, "title")
    )
    doc_id = markup.child(docdata, "doc-id")
    return NitfText(
        title=title,
        subtitle=markup.title_of(markup.child(hedline, "hl2")),
        authors=tuple(a for b in markup.children(body_head, "byline") for a in byline_names(b)),
        dateline=dateline_text,
        date=story_date or issue_date,
        issue_date=issue_date,
        paragraphs=tuple(paragraphs),
        masthead=_attribute(pubdata, "name"),
        edition=_attribute(pubdata, "edition.name"),
        page=_attribute(pubdata, "position.sequence"),
        column=_attribute(pubdata, "position.section"),
        language=nitf.get(XML_LANG, "") or (body.get(XML_LANG, "") if body is not None else ""),
        doc_id=doc_id.get("id-string", "") if doc_id is not None else "",
    )


def byline_names(byline: etree._Element) -> tuple[str, ...]:
    """The people of a byline: its ``<person>`` elements, else its text without the job title.

    ``By Meredith Jameson, <byttl>Staff Reporter</byttl>`` gives ("Meredith Jameson",); a
    byline that is only a title (``<byttl>Sports Network</byttl>``) gives that title.
    """
    people = tuple(
        p for p in (markup.text_of(e) for e in markup.descendants(byline, "person")) if p
    )
    if people:
        return people
    text = markup.text_of(byline, markup.SKIPPED | {"byttl"})
    names = [n.strip(" .") for n in _NAME_SEPARATORS.split(_BY.sub("", text))]
    found = tuple(n for n in names if n)
    if found:
        return found
    title = markup.text_of(markup.child(byline, "byttl"))
    return (title,) if title else ()


def _story(data: bytes, name: str, position: int) -> Story:
    root = markup.parse_xml(data, name)
    if markup.local(root) != "nitf":
        raise CorruptArchive(name, Reason.of("not_nitf", element=root.tag))
    text = read_nitf(root)
    story = Story(
        source=name,
        key=text.doc_id or "nitf",
        ref="body",
        title=text.title,
        subtitle=text.subtitle,
        column=text.column,
        authors=text.authors,
        page=text.page,
        date=text.date,
        paragraphs=text.paragraphs,
        language=text.language,
        masthead=text.masthead,
        issue_date=text.issue_date,
        edition=text.edition,
        order=(position,),
    )
    if story.is_empty:
        raise CorruptArchive(name, Reason.of("nitf_empty"))
    return story


def _paragraphs(body: etree._Element | None, dateline: str) -> list[str]:
    content = markup.child(body, "body.content")
    found = markup.paragraphs(content)
    if not found:
        # A story with an abstract only (a brief, or an item whose text is elsewhere).
        found = markup.paragraphs(markup.child(body, "body.head", "abstract"))
    if found and dateline and not found[0].startswith(dateline):
        found.insert(0, dateline)
    found.extend(markup.paragraphs(markup.child(body, "body.end")))
    return found


def _attribute(element: etree._Element | None, name: str) -> str:
    return (element.get(name) or "").strip() if element is not None else ""


def _attribute_date(element: etree._Element | None, name: str) -> dt.date | None:
    value = _attribute(element, name)
    return parse_date(value) if value else None


def _norm_date(element: etree._Element | None) -> dt.date | None:
    """A date element's ``norm`` attribute (ISO 8601), else its text."""
    if element is None:
        return None
    return _attribute_date(element, "norm") or parse_date(markup.text_of(element))
