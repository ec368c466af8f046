"""OCR pages kept bzip2-compressed (``page_1.xml.bz2``, as impresso and BCUL store ABBYY pages).

The loader gives importers a file's first bytes, and a bzip2 stream yields nothing until a
whole block (up to 900 kB of text) is in: such files are claimed by name and magic, and
their root element is checked once they are read whole, here, with a bound on the size.
"""

from __future__ import annotations

import bz2

from reader.formats.common.source import Source
from reader.model import CorruptArchive, Reason

SUFFIX = ".bz2"
MAGIC = b"BZh"
# An OCR page is a few MB at most; a whole ABBYY issue some hundreds. Past this: a bomb.
MAX_BYTES = 1 << 30
_CHUNK = 1 << 20


def is_bzip2(name: str, head: bytes) -> bool:
    """Whether a file is bzip2-compressed XML, by its name and its first bytes."""
    return name.lower().endswith(".xml" + SUFFIX) and head.startswith(MAGIC)


def read_bytes(source: Source, name: str) -> bytes:
    """A file's bytes, decompressed when it is bzip2 (refused past :data:`MAX_BYTES`)."""
    data = source.read_bytes(name)
    if not (name.lower().endswith(SUFFIX) and data.startswith(MAGIC)):
        return data
    decompressor = bz2.BZ2Decompressor()
    parts: list[bytes] = []
    size = 0
    pending = data
    try:
        while not decompressor.eof:
            part = decompressor.decompress(pending, _CHUNK)
            pending = b""
            size += len(part)
            if size > MAX_BYTES:
                raise CorruptArchive(name, Reason.of("file_too_large", size=f"> {MAX_BYTES:,}"))
            parts.append(part)
            if not part and decompressor.needs_input:
                raise CorruptArchive(
                    name, Reason.of("not_well_formed_xml", detail="bzip2 cut short")
                )
    except (OSError, EOFError, ValueError) as exc:
        raise CorruptArchive(name, Reason.of("cannot_read_file", detail=exc)) from exc
    return b"".join(parts)


def plain_name(name: str) -> str:
    """The name without ``.bz2``."""
    return name[: -len(SUFFIX)] if name.lower().endswith(SUFFIX) else name
