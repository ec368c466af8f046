"""Which OCR files a METS already describes as an issue with ALTO pages (OCR-D workspaces).

An OCR-D workspace lists its PAGE-XML beside the ALTO of the same pages in one ``mets.xml``;
the METS importer reads that issue from the ALTO, so the PAGE files must not make a second
issue. A METS that lists no ALTO leaves its PAGE files to this family.
"""

from __future__ import annotations

import posixpath
from urllib.parse import unquote, urlsplit

from lxml import etree

from reader.formats.common import xmlsafe
from reader.formats.common.source import Source
from reader.formats.common.xmlhead import read_root
from reader.formats.common.xmltree import drop_read
from reader.model import CorruptArchive


class MetsClaims:
    """The METS files of an archive, read (only their file lists) the first time they matter."""

    def __init__(self, source: Source) -> None:
        self._source = source
        self._by_folder: dict[str, list[str]] = {}
        for name in source.names():
            if name.lower().endswith(".xml"):
                self._by_folder.setdefault(posixpath.dirname(name), []).append(name)
        self._listed: dict[str, frozenset[str]] = {}

    def claimed(self, name: str) -> bool:
        """Whether a METS in the file's folder or the two above lists it and ALTO pages too."""
        folder = posixpath.dirname(name)
        for place in dict.fromkeys((folder, posixpath.dirname(folder), _up(folder, 2))):
            for mets in self._by_folder.get(place, []):
                if mets != name and name in self._files(mets):
                    return True
        return False

    def _files(self, mets: str) -> frozenset[str]:
        if mets not in self._listed:
            self._listed[mets] = self._read(mets)
        return self._listed[mets]

    def _read(self, mets: str) -> frozenset[str]:
        """The files a METS lists, or none when it is no METS or lists no ALTO."""
        root = read_root(self._source, mets)
        if root is None or root.name.lower() != "mets":
            return frozenset()
        folder = posixpath.dirname(mets)
        files: set[str] = set()
        has_alto = False
        try:
            data = self._source.read_bytes(mets)
            for _, element in xmlsafe.iterparse(data, mets, tag=("{*}file",)):
                kind = f"{element.get('MIMETYPE', '')} {_group(element)}".lower()
                for locat in element.iter("{*}FLocat"):
                    href = next(
                        (str(v) for k, v in locat.attrib.items() if str(k).endswith("href")), ""
                    )
                    path = _resolve(folder, href)
                    if path:
                        files.add(path)
                        has_alto = has_alto or "alto" in kind or "alto" in path.lower()
                drop_read(element)
        except CorruptArchive:
            return frozenset()
        return frozenset(files) if has_alto else frozenset()


def _group(element: etree._Element) -> str:
    """The ``USE`` of the file's ``fileGrp`` (OCR-D names its groups ``OCR-D-GT-ALTO`` and so on)."""
    parent = element.getparent()
    return parent.get("USE", "") if parent is not None else ""


def _up(folder: str, levels: int) -> str:
    for _ in range(levels):
        folder = posixpath.dirname(folder)
    return folder


def _resolve(folder: str, href: str) -> str:
    """An href as an archive name, relative to the METS's folder ("" for a URL or outside)."""
    parts = urlsplit(href.strip())
    if parts.scheme not in ("", "file") or parts.netloc.strip("."):
        return ""
    path = unquote(parts.path).lstrip("/") if parts.netloc == "." else unquote(parts.path)
    joined = posixpath.normpath(posixpath.join(folder, path)) if path else ""
    return "" if not joined or joined.startswith(("..", "/")) else joined
