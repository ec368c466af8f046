"""Reading the pages of a Founder (方正) digital newspaper: article blocks (listings: founder_listing).

An article page (``content_N.htm``) has a caption (``intro-title``, ``main-title``,
``sub-title``, ``author``, the page number in ``nowLayout``) and the text between
``<!--enpcontent-->`` and ``<!--/enpcontent-->`` inside ``<founder-content>``, followed by an
``<!--enpproperty <date>…<title>…<paperarticleid>… /enpproperty-->`` comment. A saved file may
hold several such blocks one after another. A page listing (``node_N.htm``) names the page
(``第01版：今日要闻``), lists its articles as ``content_N.htm`` links and links every page.
"""

from __future__ import annotations

import codecs
import copy
import html
import re
from dataclasses import dataclass, field

import lxml.html
from lxml import etree

from reader.formats.common import markup
from reader.formats.common.dates import chinese_number, fold_digits
from reader.formats.common.textio import decode_text
from reader.model import CorruptArchive, Reason

CAPTION_IDS = ("intro-title", "main-title", "sub-title", "author", "nowlayout")
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)
# GB2312 and GBK pages are decoded as GB18030, their superset (pages often use GBK characters
# while declaring GB2312); Big5 likewise as Big5-HKSCS.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "big5": "big5hkscs"}
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_PROPERTY_START = re.compile(r"<(\w+)>")
PAGE_LABEL = re.compile(r"第\s*([A-Za-z]?\d{1,3}|[一二三四五六七八九十]{1,3})\s*版\s*[:：]?\s*(.*)")
_TITLE_SEPARATORS = re.compile(r"\s*(?:--|—|-|_|\||｜|·)\s*")
_EDITION_WORDS = re.compile(r"(?:数字报纸?|电子版|数字版|电子报|网络版|epaper)$", re.I)
_MASTHEAD = re.compile(r"[\u4e00-\u9fff]{1,10}报")
_COPYRIGHT = (
    re.compile(
        r"(?:Copyright|版权所有)?\s*(?:©|\(c\)|Copyright)\s*([\u4e00-\u9fff]{1,10}?报)", re.I
    ),
    re.compile(r"([\u4e00-\u9fff]{1,10}?报)社?\s*版权所有"),
)
_BYLINE_ROLE = re.compile(r"(?:记者|通讯员|评论员|特约撰稿人?|撰稿人?|摄影|摄|编辑)$")
_HAN_NAME = re.compile(r"^[\u4e00-\u9fff·]{2,4}$")


@dataclass
class Block:
    """One article block of a page, before it becomes a story."""

    caption: dict[str, str]
    start: etree._Element
    end: etree._Element | None = None
    properties: dict[str, str] = field(default_factory=dict)

    @property
    def marked(self) -> bool:
        """Whether the text is marked by enpcontent comments (else it is a founder-content element)."""
        return isinstance(self.start, etree._Comment)

    def body(self) -> list[etree._Element]:
        """The nodes of the article text: between the enpcontent comments, or the whole element."""
        if not self.marked:
            return [self.start]
        nodes = []
        for node in self.start.itersiblings():
            if node is self.end:
                break
            nodes.append(node)
        return nodes


def decode_page(data: bytes, name: str) -> str:
    """A page's text, decoded.

    A BOM decides first; then valid UTF-8, which wins over the page's label because GBK text is
    almost never valid UTF-8 (and labels are often wrong); then the charset its ``<meta>``
    declares (GB2312 and GBK read as GB18030); then detection. Raises CorruptArchive for an
    empty or binary file.
    """
    if not data.strip():
        raise CorruptArchive(name, Reason.of("empty_file"))
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_text(data, name)
    data = _without_cut_character(data)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(data[:8192])
    if declared:
        label = declared.group(1).decode("ascii").lower()
        try:
            encoding = codecs.lookup(_SUPERSETS.get(label, label)).name
            return data.decode(_SUPERSETS.get(encoding, encoding))
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown label: detect instead
    return decode_text(data, name)


def _without_cut_character(data: bytes) -> bytes:
    """The bytes without a multi-byte character cut off at the end of a truncated page.

    Without this, a cut GBK page fails to decode as GBK and detection guesses another script.
    """
    for encoding in ("utf-8", "gb18030"):
        try:
            data.decode(encoding)
        except UnicodeDecodeError as exc:
            at_end = exc.start >= len(data) - 3
            if at_end and exc.reason in ("unexpected end of data", "incomplete multibyte sequence"):
                return data[: exc.start]
        else:
            return data
    return data


def parse_page(data: bytes, name: str) -> etree._Element:
    """Parse a page with lxml's HTML parser (no network, comments kept)."""
    text = _XML_DECLARATION.sub("", decode_page(data, name), count=1)
    if "\x00" in text:
        raise CorruptArchive(name, Reason.of("binary_web_page"))
    parser = lxml.html.HTMLParser(remove_comments=False, no_network=True)
    try:
        return lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise CorruptArchive(name, Reason.of("bad_web_page", detail=exc)) from exc


def find_blocks(root: etree._Element) -> list[Block]:
    """The article blocks of a page in document order, each with the caption just before it."""
    blocks: list[Block] = []
    caption: dict[str, str] = {}
    for node in root.iter():
        if isinstance(node, etree._Comment):
            text = (node.text or "").strip()
            if text == "enpcontent":
                blocks.append(Block(caption, node))
                caption = {}
            elif text == "/enpcontent" and blocks and blocks[-1].end is None:
                blocks[-1].end = node
            elif text.startswith("enpproperty") and blocks and not blocks[-1].properties:
                blocks[-1].properties = _properties(text)
            continue
        if not isinstance(node.tag, str):
            continue
        identifier = (node.get("id") or "").lower()
        if identifier in CAPTION_IDS:
            caption[identifier] = markup.title_of(node)
        elif node.tag == "founder-content" and not _has_marker(node):
            blocks.append(Block(caption, node))
            caption = {}
    return blocks


def block_markup(block: Block) -> str:
    """The article text's HTML exactly as the page has it."""
    parts = [block.start.tail or ""] if block.marked else []
    parts.extend(
        etree.tostring(node, encoding="unicode", method="html", with_tail=block.marked)
        for node in block.body()
    )
    return "".join(parts).strip()


def block_paragraphs(block: Block) -> list[str]:
    """The article's paragraphs, ``<br>`` and ``<p>`` splitting them, empty ones dropped."""
    wrapper = lxml.html.Element("div")
    if block.marked:
        wrapper.text = block.start.tail  # text right after <!--enpcontent-->
    for node in block.body():
        copied = copy.deepcopy(node)
        if not block.marked:
            copied.tail = None  # after </founder-content> is the page, not the article
        wrapper.append(copied)
    return markup.paragraphs(wrapper)


def split_byline(paragraphs: list[str]) -> tuple[list[str], tuple[str, ...]]:
    """Take a lead byline (``□ 湖北日报评论员``, ``湖北日报全媒记者 左晨 通讯员 刘涛``) out of the text."""
    if not paragraphs:
        return paragraphs, ()
    text = paragraphs[0].lstrip("□■●◆ ").strip()
    tokens = text.split()
    if len(text) > 40 or not tokens or not _BYLINE_ROLE.search(tokens[0]):
        return paragraphs, ()
    names = byline_names(text)
    return (paragraphs[1:], names) if names else (paragraphs, ())


def byline_names(text: str) -> tuple[str, ...]:
    """The people of a byline, roles left out: ``本报记者 王小明 通讯员 钱进`` → (王小明, 钱进).

    A byline of a role only (``湖北日报评论员``) is its own author; text that is not a list of
    two-to-four-character names (prose, a date) gives ().
    """
    tokens = text.lstrip("□■●◆ ").replace("、", " ").replace("，", " ").split()
    names = [t for t in tokens if not _BYLINE_ROLE.search(t)]
    if not all(_HAN_NAME.match(n) for n in names):
        return ()
    if names:
        return tuple(names)
    return (tokens[0],) if len(tokens) == 1 else ()


def page_number(text: str) -> str:
    """``01`` → ``1``, ``第三版`` → ``3``, ``A2`` → ``A2``: the page as the reader counts it."""
    folded = fold_digits(text).strip()
    label = PAGE_LABEL.match(folded)
    if label:
        folded = label.group(1)
    number = chinese_number(folded)
    return str(number) if number is not None else folded


def masthead(root: etree._Element) -> str:
    """The newspaper's name from the page title (``科技日报--数字报``) or its copyright line."""
    title = markup.text_of(next(root.iter("title"), None))
    for part in _TITLE_SEPARATORS.split(title):
        stripped = _EDITION_WORDS.sub("", part).strip()
        if _MASTHEAD.fullmatch(stripped):
            return stripped
    footer = " ".join(str(text) for text in root.itertext())[-4000:]
    for pattern in _COPYRIGHT:
        match = pattern.search(footer)
        if match:
            return match.group(1)
    return ""


def _properties(comment: str) -> dict[str, str]:
    return {
        key.lower(): html.unescape(value).strip()
        for key, value in _tag_pairs(comment)
        if value.strip()
    }


def _tag_pairs(text: str) -> list[tuple[str, str]]:
    """``<key>value</key>`` pairs, as ``<(\\w+)>(.*?)</\\1>`` would find them, in linear time.

    That pattern looks for each opening tag's end to the end of the text: 100,000 unclosed
    ``<div>`` in a comment took minutes. Here a tag whose end is missing is looked for once.
    """
    pairs = []
    unclosed: set[str] = set()
    at = 0
    while (opening := _PROPERTY_START.search(text, at)) is not None:
        key = opening.group(1)
        close = -1 if key in unclosed else text.find(f"</{key}>", opening.end())
        if close < 0:
            unclosed.add(key)
            at = opening.start() + 1
            continue
        pairs.append((key, text[opening.end() : close]))
        at = close + len(key) + 3
    return pairs


def _has_marker(element: etree._Element) -> bool:
    return any(
        (node.text or "").strip() == "enpcontent"
        for node in element.iter()
        if isinstance(node, etree._Comment)
    )
