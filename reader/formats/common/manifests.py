"""Checksum manifests and BagIt tag files: told apart from issues, and read into entries.

Three layouts of checksum lists are understood, all with plain string operations (no regex that
could backtrack on hostile input):

- ``HASH  FILE`` / ``HASH *FILE``: ``sha256sum``/``md5sum`` output, and BagIt's
  ``manifest-<alg>.txt`` and ``tagmanifest-<alg>.txt`` (``HASH FILE``);
- ``SHA256 (FILE) = HASH``: BSD ``sha256``, ``openssl dgst`` and ``sha256sum --tag`` output,
  as the British Library's ``…_manifest.txt`` has it;
- a file holding one bare hash, named after the file it checks (``page.jp2.md5``).

Tag files (``bagit.txt``, ``bag-info.txt``) are parsed by the Library of Congress's ``bagit``.
"""

from __future__ import annotations

import io
import posixpath
import string
from dataclasses import dataclass

import bagit

from reader.model import Companion

# Hash lengths in hex digits, and the algorithm each stands for when nothing else says.
ALGORITHM_BY_LENGTH = {
    32: "md5",
    40: "sha1",
    56: "sha224",
    64: "sha256",
    96: "sha384",
    128: "sha512",
}
ALGORITHMS = frozenset(ALGORITHM_BY_LENGTH.values())
_HEX = frozenset(string.hexdigits)
_TAG_FILES = {"bagit.txt": "bagit", "bag-info.txt": "bag-info", "package-info.txt": "bag-info"}
# The names tools give plain checksum lists: MD5SUMS, SHA256SUMS, sha1sum.txt...
_LIST_NAMES = {f"{a}{s}": a for a in ALGORITHMS for s in ("sums", "sum")}
_SUFFIX_ALGORITHMS = {f".{a}": a for a in ALGORITHMS} | {f".{a}sum": a for a in ALGORITHMS}
# A tag file is a few kB: more is not read for the archive's properties.
MAX_TAG_BYTES = 256 * 1024


@dataclass(frozen=True)
class Entry:
    """One line of a checksum list: a file (relative to the list's folder) and its hash."""

    path: str
    algorithm: str
    digest: str


@dataclass(frozen=True)
class ChecksumList:
    """The entries of one checksum list, and how many of its lines could not be read."""

    entries: tuple[Entry, ...]
    bad_lines: int = 0


def recognise(name: str, head: bytes) -> Companion | None:
    """The companion file ``name`` is, judged by its name and its first bytes; None for others.

    BagIt's files are known by their names; other checksum lists by their lines (each one a
    hash and a file), whatever they are called, a damaged line allowed when the name says
    checksums (``SHA256SUMS``, ``x.md5``). Tag files' fields are read from ``head``.
    """
    lower = posixpath.basename(name).lower()
    kind = _TAG_FILES.get(lower)
    if kind is not None:
        return Companion(name, kind, fields=read_tags(head))
    bag_kind, algorithm = _bag_manifest(lower)
    if bag_kind:
        return Companion(name, bag_kind, algorithm)
    if lower == "fetch.txt" and _is_fetch_list(head):
        return Companion(name, "fetch")
    hinted = algorithm_hint(name)
    # Most files are an issue's XML or text: told at their first line, unless named as a list.
    first = head[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").split(b"\n", 1)[0]
    if not hinted and not parse(name, first, stop_at_bad=True).entries:
        return None
    listed = parse(name, head, partial=True, stop_at_bad=not hinted)
    # A list named as one (SHA256SUMS, x.md5) may have a damaged line: verify reports it.
    if listed.entries and (not listed.bad_lines or hinted):
        return Companion(name, "checksums", listed.entries[0].algorithm)
    return None


def parse(name: str, data: bytes, partial: bool = False, stop_at_bad: bool = False) -> ChecksumList:
    """The entries of the checksum list ``name`` whose bytes are ``data``.

    With ``partial``, ``data`` may stop mid-line (the head of a longer file): its last line is
    left out unless it is the only one; with ``stop_at_bad``, reading stops at the first line
    that is not a checksum line. Paths stay as written, relative to the list's folder.
    """
    text = data.decode("utf-8-sig", errors="replace")
    lines = text.splitlines()
    if partial and len(lines) > 1 and not text.endswith(("\n", "\r")):
        lines.pop()
    hinted = algorithm_hint(name)
    entries: list[Entry] = []
    bad = 0
    for raw in lines:
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        entry = _bsd_line(line) or _gnu_line(line, hinted)
        if entry is None and len(lines) == 1:
            entry = _bare_hash(name, line, hinted)
        if entry is None:
            bad += 1
            if stop_at_bad:
                break
        else:
            entries.append(entry)
    return ChecksumList(tuple(entries), bad)


def algorithm_hint(name: str) -> str:
    """The algorithm a list's name gives (``manifest-md5.txt``, ``SHA256SUMS``, ``x.sha1``), or ""."""
    lower = posixpath.basename(name).lower()
    _kind, algorithm = _bag_manifest(lower)
    if algorithm:
        return algorithm
    stem, suffix = posixpath.splitext(lower)
    if suffix in _SUFFIX_ALGORITHMS:
        return _SUFFIX_ALGORITHMS[suffix]
    return _LIST_NAMES.get(lower) or _LIST_NAMES.get(stem, "")


def read_tags(data: bytes) -> tuple[tuple[str, str], ...]:
    """A BagIt tag file's ``Name: value`` fields, in order (folded lines joined); () if unreadable."""
    text = data[:MAX_TAG_BYTES].decode("utf-8-sig", errors="replace")
    lines = _NamedLines(text)
    try:
        # bagit parses tag files only from a file; its parser takes any named iterable of lines.
        return tuple((key, value) for key, value in bagit._parse_tags(lines))
    except bagit.BagError:
        return ()


class _NamedLines(io.StringIO):
    """Text lines with the ``name`` bagit puts in its messages."""

    name = "tag file"


def _bag_manifest(lower_base: str) -> tuple[str, str]:
    for prefix, kind in (("tagmanifest-", "tagmanifest"), ("manifest-", "manifest")):
        if lower_base.startswith(prefix) and lower_base.endswith(".txt"):
            algorithm = lower_base[len(prefix) : -len(".txt")]
            if algorithm in ALGORITHMS:
                return kind, algorithm
    return "", ""


def _is_hex(text: str) -> bool:
    return len(text) in ALGORITHM_BY_LENGTH and all(c in _HEX for c in text)


def _gnu_line(line: str, hinted: str) -> Entry | None:
    """``HASH  FILE`` or ``HASH *FILE`` (a leading backslash: the name is escaped)."""
    escaped = line.startswith("\\")
    parts = line.removeprefix("\\").split(None, 1)
    if len(parts) != 2 or not _is_hex(parts[0]):
        return None
    digest, path = parts
    path = path.removeprefix("*")
    if escaped:
        path = path.replace("\\\\", "\x00").replace("\\n", "\n").replace("\x00", "\\")
    algorithm = hinted if hinted else ALGORITHM_BY_LENGTH[len(digest)]
    return Entry(path, algorithm, digest.lower())


def _bsd_line(line: str) -> Entry | None:
    """``SHA256 (FILE) = HASH`` (also ``SHA256(FILE)= HASH``, as openssl writes it)."""
    opening = line.find("(")
    closing = line.rfind(")")
    if opening <= 0 or closing <= opening:
        return None
    algorithm = line[:opening].strip().lower().replace("-", "")
    rest = line[closing + 1 :].strip()
    if algorithm not in ALGORITHMS or not rest.startswith("="):
        return None
    digest = rest[1:].strip()
    if not _is_hex(digest) or ALGORITHM_BY_LENGTH[len(digest)] != algorithm:
        return None
    return Entry(line[opening + 1 : closing], algorithm, digest.lower())


def _bare_hash(name: str, line: str, hinted: str) -> Entry | None:
    """A lone hash in ``page.jp2.md5``: the hash of ``page.jp2`` beside it."""
    base = posixpath.basename(name)
    stem, suffix = posixpath.splitext(base)
    if not hinted or suffix.lower() not in _SUFFIX_ALGORITHMS or not stem or not _is_hex(line):
        return None
    return Entry(stem, hinted, line.lower())


def _is_fetch_list(head: bytes) -> bool:
    """BagIt's ``fetch.txt``: ``URL LENGTH FILE`` lines."""
    lines = [line.split(None, 2) for line in head.decode("utf-8", "replace").splitlines() if line]
    return bool(lines) and all(len(p) == 3 and "://" in p[0] for p in (lines[:-1] or lines))
