"""Finding an archive's files by the paths that METS and DIDL files give for them."""

from __future__ import annotations

import posixpath
from urllib.parse import unquote, urlsplit

from reader.formats.common.source import Source
from reader.model import CorruptArchive


class ArchiveNames:
    """Every file name in an archive, indexed by base name and by folder, to find files by.

    Built once per load from the source's listing. METS files list pages (and images that are often not there) by paths
    that may not match the archive's, and looking each of those up by scanning every name
    would cost an archive of ten thousand pages minutes.
    """

    def __init__(self, source: Source) -> None:
        self._source = source
        self.names = frozenset(source.names())
        self._by_base: dict[str, list[str]] = {}
        self._by_folder: dict[str, list[str]] = {}
        for name in sorted(self.names):
            folder, _, base = name.rpartition("/")
            self._by_base.setdefault(base, []).append(name)
            self._by_folder.setdefault(folder, []).append(name)

    def __contains__(self, name: object) -> bool:
        if name in self.names:
            return True
        # A single file opened on its own lists only itself; its pages are still beside it.
        if not isinstance(name, str) or not name:
            return False
        try:
            self._source.info(name)
        except (OSError, CorruptArchive):
            return False
        return True

    def in_folder(self, folder: str) -> list[str]:
        """The files directly in a folder ("" for the root), sorted."""
        return self._by_folder.get(folder, [])

    def resolve(self, href: str, relative_to: str) -> str:
        """The archive name of a file a METS (or DIDL) points at.

        ``file://./ALTO/p1.xml``, ``ALTO/p1.xml`` and ``p1.xml`` are taken relative to the
        folder of ``relative_to``. A URL, or a path leading out of the archive, cannot be read,
        so the file is looked for by its base name in that folder or below it instead. Returns
        the name even when no such file exists (so that it can be reported missing), or "" when
        the href names no file at all.
        """
        parts = urlsplit(href.strip())
        folder = posixpath.dirname(relative_to)
        candidate = ""
        if parts.scheme in ("", "file") and not parts.netloc.strip("."):
            path = unquote(parts.path)
            if parts.netloc == ".":
                path = path.lstrip("/")
            joined = posixpath.normpath(posixpath.join(folder, path)) if path else ""
            if joined and joined != ".." and not joined.startswith(("../", "/")):
                candidate = joined
                if candidate in self.names:
                    return candidate
        base = posixpath.basename(unquote(parts.path).rstrip("/"))
        if not base:
            return candidate
        prefix = f"{folder}/" if folder else ""
        found = [n for n in self._by_base.get(base, []) if n.startswith(prefix)]
        if found:
            return found[0]
        return candidate or (prefix + base)
