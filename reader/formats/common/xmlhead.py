"""What an XML file's first bytes say: its root element, namespace and attributes, for scoring."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.formats.common.source import Source
from reader.formats.common.textio import peek_text
from reader.model import CorruptArchive

# Everything that may come before the root element: declaration, comments, PIs, a DOCTYPE
# (with or without an internal subset), whitespace and a BOM.
_PROLOG = re.compile(
    r"(?:\ufeff|\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE(?:[^\[>]*\[.*?\])?[^>]*>)*",
    re.S,
)
_START_TAG = re.compile(r"<(?:([\w.-]+):)?([\w.-]+)((?:\s+[^>]*)?)/?>?", re.S)
# Enough for the root element of any archive file seen so far, prolog and namespaces included.
ROOT_BYTES = 4096
_ATTRIBUTE = re.compile(r"([\w.:-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")


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
    """The root element of an XML document from its first bytes, or None when it is not XML."""
    text = peek_text(head)
    prolog = _PROLOG.match(text)
    start = prolog.end() if prolog else 0
    match = _START_TAG.match(text, start)
    if match is None:
        return None
    prefix, name, rest = match.groups()
    attributes = {
        m.group(1): m.group(2) if m.group(2) is not None else m.group(3) or ""
        for m in _ATTRIBUTE.finditer(rest)
    }
    namespace = attributes.get(f"xmlns:{prefix}" if prefix else "xmlns", "")
    return RootTag(name, namespace, attributes)


def read_root(source: Source, name: str) -> RootTag | None:
    """The root element of an archive file from its first bytes; None when unreadable or not XML."""
    try:
        return root_tag(source.read_bytes(name, ROOT_BYTES))
    except CorruptArchive:
        return None
