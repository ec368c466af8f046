"""The query language a person types, parsed into a small tree (no whoosh here).

    供热 工程            both terms (anywhere in title, body, authors or column)
    "供热工程"           an exact phrase (spaces inside match any whitespace)
    供热 OR 供暖         either
    -广告  NOT 广告      without
    (供热 OR 供暖) 工程  grouping
    title:供热  author:郭强  column:要闻  page:2  publication:今日长子  number:1810
    date:2022  date:2022-09  date:2022-09-19  date:2022-01..2022-06  date:2022..

Full-width forms work too (（）：＂), and so do “curly quotes”. A malformed query raises
:class:`QueryError` with a message meant for the person who typed it, and its code
(:mod:`reader.index.query_errors`) for the window to say it in its language.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from reader.index.layout import FIELD_PREFIXES
from reader.index.query_errors import EXAMPLES, query_error
from reader.index.query_values import date_bound, numbered

MAX_QUERY_CHARS = 1000
MAX_TERMS = 64
# Deeper groups are no query a person writes, and the parser recurses once a level.
MAX_DEPTH = 32
DATE_FIELD = "date"
_QUOTES = {'"': '"', "“": "”", "”": "”"}
_FIELD = re.compile(r"([A-Za-z]+):")


@dataclass(frozen=True)
class Term:
    """Text to find: in the plain-term fields (``field`` None) or in one field."""

    text: str
    field: str | None = None
    phrase: bool = False


@dataclass(frozen=True)
class DateSpan:
    """Issues dated from ``start`` to ``end``, both included."""

    start: dt.date
    end: dt.date


@dataclass(frozen=True)
class Not:
    """Documents that do not match ``node``."""

    node: Node


@dataclass(frozen=True)
class AllOf:
    """Documents matching every node."""

    nodes: tuple[Node, ...]


@dataclass(frozen=True)
class AnyOf:
    """Documents matching at least one node."""

    nodes: tuple[Node, ...]


Node = Term | DateSpan | Not | AllOf | AnyOf


@dataclass(frozen=True)
class _Token:
    kind: str  # "word", "phrase", "open", "close", "or", "and", "not", "minus"
    text: str = ""
    field: str | None = None


_SURROGATE = re.compile("[\ud800-\udfff]")


def parse(query: str) -> Node:
    """Parse a query; raise QueryError with a clear message when it is malformed."""
    text = unicodedata.normalize("NFKC", query).strip()
    if not text:
        raise query_error("empty")
    if len(text) > MAX_QUERY_CHARS:
        raise query_error("too_long", limit=MAX_QUERY_CHARS)
    if _SURROGATE.search(text):
        # Bytes that are not UTF-8, as Python hands on a command line's (a cut character):
        # no index term can hold them.
        raise query_error("not_text")
    tokens = _tokenize(text)
    if sum(1 for t in tokens if t.kind in ("word", "phrase")) > MAX_TERMS:
        raise query_error("too_many_terms", limit=MAX_TERMS)
    parser = _Parser(tokens)
    node = parser.expression()
    if parser.peek() is not None:
        raise query_error("unopened")
    from reader.index.page_titles import with_made_up_titles  # it builds this module's nodes

    return with_made_up_titles(node)


def _tokenize(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    i = 0
    depth = 0
    while i < len(text):
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        if ch == "(":
            tokens.append(_Token("open"))
            depth += 1
            if depth > MAX_DEPTH:
                raise query_error("too_deep", limit=MAX_DEPTH)
            i += 1
            continue
        if ch == ")":
            if depth <= 0:
                raise query_error("unopened")
            tokens.append(_Token("close"))
            depth -= 1
            i += 1
            continue
        if ch == "-" and i + 1 < len(text) and not text[i + 1].isspace():
            tokens.append(_Token("minus"))
            i += 1
            continue
        field = None
        prefix = _FIELD.match(text, i)
        if prefix and prefix.group(1).lower() in (*FIELD_PREFIXES, DATE_FIELD):
            field = prefix.group(1).lower()
            i = prefix.end()
            if i >= len(text) or text[i].isspace() or text[i] == ")":
                raise query_error("field_empty", field=field, example=EXAMPLES.get(field, "供热"))
            if text[i] == "(":
                raise query_error("field_group", field=field)
        elif prefix and prefix.end() < len(text) and text[prefix.end()] not in " \t\n/":
            # autor:郭强 finds nothing as text: more likely a mistyped field than a search
            # (http://… is a web address, searched as text).
            known = ", ".join(f"{name}:" for name in (*FIELD_PREFIXES, DATE_FIELD))
            raise query_error(
                "no_such_field", prefix=prefix.group(0), fields=known, text=text[i:].split()[0]
            )
        if text[i] in _QUOTES:
            close = text.find(_QUOTES[text[i]], i + 1)
            if close < 0:
                raise query_error("quote_open", quote=text[i])
            tokens.append(_Token("phrase", text[i + 1 : close], field))
            i = close + 1
            continue
        end = i
        while end < len(text) and not text[end].isspace():
            end += 1
        word = text[i:end]
        # A ")" at the end of a word closes a group unless the word opened it: 县(区) is a
        # word, (供热 供暖) a group.
        closing = 0
        while word.endswith(")") and word.count("(") < word.count(")"):
            if depth - closing <= 0:
                raise query_error("unopened_in_word")
            word = word[:-1]
            closing += 1
        if word:
            tokens.append(_word_token(word, field))
        tokens.extend(_Token("close") for _ in range(closing))
        depth -= closing
        i = end
    return tokens


def _word_token(word: str, field: str | None) -> _Token:
    if field is None and word in ("OR", "AND", "NOT"):
        return _Token(word.lower())
    return _Token("word", word, field)


class _Parser:
    """Recursive descent: expression = and-group ('OR' and-group)*."""

    def __init__(self, tokens: list[_Token]) -> None:
        self.tokens = tokens
        self.at = 0

    def peek(self) -> _Token | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self) -> _Token:
        token = self.tokens[self.at]
        self.at += 1
        return token

    def expression(self) -> Node:
        options = [self.group()]
        while (token := self.peek()) is not None and token.kind == "or":
            self.take()
            if self.peek() is None or self.peek().kind in ("or", "close"):  # type: ignore[union-attr]
                raise query_error("or_alone")
            options.append(self.group())
        return options[0] if len(options) == 1 else AnyOf(tuple(options))

    def group(self) -> Node:
        items: list[Node] = []
        while (token := self.peek()) is not None and token.kind not in ("or", "close"):
            if token.kind == "and":
                self.take()
                if not items or self.peek() is None or self.peek().kind in ("or", "close"):  # type: ignore[union-attr]
                    raise query_error("and_alone")
                continue
            items.append(self.unary())
        if not items:
            token = self.peek()
            if token is not None and token.kind == "or":
                raise query_error("or_alone")
            if token is not None and token.kind == "close":
                raise query_error("empty_group")
            raise query_error("no_terms")
        return items[0] if len(items) == 1 else AllOf(tuple(items))

    def unary(self) -> Node:
        token = self.take()
        if token.kind in ("not", "minus"):
            following = self.peek()
            if following is None or following.kind in ("or", "and", "close"):
                name = "NOT" if token.kind == "not" else "-"
                raise query_error("not_alone", operator=name)
            return Not(self.unary())
        if token.kind == "open":
            if self.peek() is None:
                raise query_error("unclosed")
            node = self.expression()
            if self.peek() is None:
                raise query_error("unclosed")
            self.take()
            return node
        if token.field == DATE_FIELD:
            return parse_date(token.text)
        if token.field in ("page", "number") and not numbered(token.field, token.text):
            raise query_error(f"{token.field}_unreadable", value=token.text)
        if token.kind == "phrase":
            if not token.text.strip():
                raise query_error("quote_empty")
            return Term(token.text, _field(token.field), phrase=True)
        return Term(token.text, _field(token.field))


def _field(prefix: str | None) -> str | None:
    return None if prefix is None else FIELD_PREFIXES[prefix]


def parse_date(value: str) -> DateSpan:
    """``2022``, ``2022-09``, ``2022-09-19`` or a range ``A..B`` (either end may be left out)."""
    text = value.strip()
    if ".." in text:
        low, _, high = text.partition("..")
        if not low and not high:
            raise query_error("date_none", value=value)
        start = date_bound(low, value, end=False) if low else dt.date(1, 1, 1)
        end = date_bound(high, value, end=True) if high else dt.date(9999, 12, 31)
        if start > end:
            raise query_error("date_backwards", value=value)
        return DateSpan(start, end)
    return DateSpan(date_bound(text, value, end=False), date_bound(text, value, end=True))


def positive_terms(node: Node) -> list[Term]:
    """The terms a matching document contains (those under a NOT are left out): what to highlight."""
    if isinstance(node, Term):
        return [node]
    if isinstance(node, AllOf | AnyOf):
        return [term for child in node.nodes for term in positive_terms(child)]
    return []
