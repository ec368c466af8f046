"""What an XML file's first bytes say: its root element, namespace and attributes, for scoring."""

from __future__ import annotations

from dataclasses import dataclass

from reader.formats.common.source import Source
from reader.formats.common.textio import peek_text
from reader.model import CorruptArchive

# Enough for the root element of any archive file seen so far, prolog and namespaces included.
ROOT_BYTES = 4096


@dataclass(frozen=True)
class RootTag:
    """The root element as written: local name, namespace URI ("" for none) and attributes."""

    name: str
    namespace: str
    attributes: dict[str, str]

    def attribute(self, name: str) -> str:
        """An attribute's value, whatever its prefix (``PROFILE``, ``xsi:type``…); "" if absent."""
        for key, value in self.attributes.items():
            if key == name or key.endswith(f":{name}"):
                return value
        return ""


def root_tag(head: bytes) -> RootTag | None:
    """The root element of an XML document from its first bytes, or None when it is not XML.

    A scanner, not a regular expression: every file of an archive passes through here, and a
    pattern that backtracks takes quadratic time on a head built for it (a long unterminated
    attribute value); each step below moves forward, and each search for a closing delimiter
    is made at most once per kind, so the time is linear in the head's length.
    """
    text = peek_text(head)
    start = _skip_prolog(text)
    if not text.startswith("<", start):
        return None
    first, at = _name(text, start + 1)
    if not first:
        return None
    prefix, name = "", first
    if text.startswith(":", at):
        local, after = _name(text, at + 1)
        if local:
            prefix, name, at = first, local, after
    rest = ""
    if at < len(text) and text[at].isspace():
        close = text.find(">", at)
        rest = text[at:] if close < 0 else text[at:close]
    attributes = _attributes(rest)
    namespace = attributes.get(f"xmlns:{prefix}" if prefix else "xmlns", "")
    return RootTag(name, namespace, attributes)


def read_root(source: Source, name: str) -> RootTag | None:
    """The root element of an archive file from its first bytes; None when unreadable or not XML."""
    try:
        return root_tag(source.read_bytes(name, ROOT_BYTES))
    except CorruptArchive:
        return None


def _skip_prolog(text: str) -> int:
    """Where the root element may start: after the BOM, white space, declaration, comments,
    processing instructions and a DOCTYPE (with or without an internal subset)."""
    at = 0
    while at < len(text):
        if text[at] == "\ufeff" or text[at].isspace():
            at += 1
            continue
        if text.startswith("<?", at):
            end = text.find("?>", at + 2)
            end = end + 2 if end >= 0 else -1
        elif text.startswith("<!--", at):
            end = text.find("-->", at + 4)
            end = end + 3 if end >= 0 else -1
        elif text.startswith("<!DOCTYPE", at):
            end = _doctype_end(text, at + len("<!DOCTYPE"))
        else:
            return at
        if end < 0:  # unterminated: no root element follows
            return at
        at = end
    return at


def _doctype_end(text: str, at: int) -> int:
    """Just past a DOCTYPE whose name starts at ``at``; -1 when it is not closed."""
    close = text.find(">", at)
    subset = text.find("[", at)
    if subset < 0 or close < subset:
        return close + 1 if close >= 0 else -1
    subset_end = text.find("]", subset + 1)
    if subset_end < 0:  # an unclosed subset: the DOCTYPE ends at its first ">"
        return close + 1 if close >= 0 else -1
    close = text.find(">", subset_end + 1)
    return close + 1 if close >= 0 else -1


def _is_name_char(char: str) -> bool:
    return char.isalnum() or char in "_.-"


def _name(text: str, at: int) -> tuple[str, int]:
    """The element name (letters, digits, ``_.-``) starting at ``at``, and where it ends."""
    end = at
    while end < len(text) and _is_name_char(text[end]):
        end += 1
    return text[at:end], end


def _attributes(rest: str) -> dict[str, str]:
    """``name="value"`` and ``name='value'`` pairs in the rest of a start tag, in one pass.

    A name not followed by ``=`` and a closed quoted value is skipped, and scanning goes on
    after it; once a quote is known not to close, no later value in that quote is looked for.
    """
    found: dict[str, str] = {}
    unclosed: set[str] = set()
    at, size = 0, len(rest)
    while at < size:
        if not (_is_name_char(rest[at]) or rest[at] == ":"):
            at += 1
            continue
        end = at
        while end < size and (_is_name_char(rest[end]) or rest[end] == ":"):
            end += 1
        name, at = rest[at:end], end
        while at < size and rest[at].isspace():
            at += 1
        if at >= size or rest[at] != "=":
            at = end
            continue
        at += 1
        while at < size and rest[at].isspace():
            at += 1
        if at >= size or rest[at] not in "\"'" or rest[at] in unclosed:
            at = end
            continue
        quote = rest[at]
        close = rest.find(quote, at + 1)
        if close < 0:
            unclosed.add(quote)
            at = end
            continue
        found[name] = rest[at + 1 : close]
        at = close + 1
    return found
