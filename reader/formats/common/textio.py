"""Turn the bytes of a text file into str: BOMs, UTF-8/16/32, GB18030/GBK and Big5, detected."""

from __future__ import annotations

import codecs
from collections.abc import Iterator

from reader.model import CorruptArchive, Reason

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Lead bytes of each encoding's "frequent characters" block: GB2312 level 1 (the 3,755 most
# used hanzi) and Big5's 常用字 (5,401 frequent characters). Short GBK text almost always also
# decodes as Big5 (and back), so which decoding lands in the frequent block decides.
# Characters of text split into lines at a time by iter_lines.
_LINES_CHUNK = 1 << 20
SHARE_SAMPLE_CHARS = 65536
_FREQUENT_LEADS = {"gb18030": range(0xB0, 0xD8), "big5": range(0xA4, 0xC7)}


def decode_text(data: bytes, name: str) -> str:
    """Decode a text file's bytes, or raise CorruptArchive saying why it is not text.

    Line endings are normalised to ``\\n``.
    """
    if not data.strip(b" \t\r\n\x00"):
        raise CorruptArchive(name, Reason.of("empty_file"))
    text = _decode(data, name)
    if "\x00" in text or _control_ratio(text) > 0.05:
        raise CorruptArchive(name, Reason.of("binary_data"))
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(data: bytes, name: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                reason = Reason.of("bad_encoding", encoding=encoding.upper().removesuffix("-SIG"))
                raise CorruptArchive(name, reason) from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A file cut off inside a multi-byte character is truncated UTF-8, not another encoding.
        if exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
            return data[: exc.start].decode("utf-8")
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    if b"\x00" in data:
        raise CorruptArchive(name, Reason.of("binary_data"))
    return _decode_legacy(data, name)


def _utf16_without_bom(data: bytes) -> str | None:
    """Recognise BOM-less UTF-16 by its NUL bytes falling on one side of each pair."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    encoding = None
    if odd_nuls > half * 0.3 and even_nuls < half * 0.05:
        encoding = "utf-16-le"
    elif even_nuls > half * 0.3 and odd_nuls < half * 0.05:
        encoding = "utf-16-be"
    if encoding is None:
        return None
    try:
        return data[: len(data) // 2 * 2].decode(encoding)
    except UnicodeDecodeError:
        return None


def _decode_legacy(data: bytes, name: str) -> str:
    decodings = {}
    for encoding in ("gb18030", "big5"):
        try:
            decodings[encoding] = data.decode(encoding)
        except UnicodeDecodeError:
            continue
    if len(decodings) == 2:
        best = max(decodings, key=lambda enc: _frequent_share(decodings[enc], enc))
        return decodings[best]
    if decodings:
        return next(iter(decodings.values()))
    # Imported here, for the rare file neither GB nor Big5: it takes 60 ms to import, which
    # every command that opens an archive would pay (archive.toml is read through this module).
    from charset_normalizer import from_bytes

    match = from_bytes(data).best()
    if match is None or match.encoding is None:
        raise CorruptArchive(name, Reason.of("unknown_encoding"))
    return str(match)


def _frequent_share(text: str, encoding: str) -> float:
    leads = _FREQUENT_LEADS[encoding]
    # A sample tells the encodings apart as well as the whole text, in bounded time (the
    # whole of a 3 MB file took seconds, and reading each article decodes its file again).
    wide = [ch for ch in text[:SHARE_SAMPLE_CHARS] if ord(ch) > 0x7F]
    if not wide:
        return 0.0
    frequent = 0
    for ch in wide:
        encoded = ch.encode(encoding)
        if len(encoded) == 2 and encoded[0] in leads:
            frequent += 1
    return frequent / len(wide)


def _control_ratio(text: str) -> float:
    sample = text[:8192]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
    return controls / max(1, len(sample))


def peek_text(head: bytes) -> str:
    """A best-effort reading of a file's first bytes, for recognising its format.

    Never raises: the head may end mid-character, and the whole file is decoded properly later.
    """
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return head.decode(encoding.removesuffix("-sig"), errors="ignore").lstrip("\ufeff")
    utf16 = _utf16_without_bom(head[: len(head) // 2 * 2])
    if utf16 is not None:
        return utf16
    try:
        return head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start >= len(head) - 3:
            return head[: exc.start].decode("utf-8")
    return head.decode("gb18030", errors="replace")


def iter_lines(text: str, start: int = 0) -> Iterator[str]:
    """The lines of ``text[start:]`` as ``split("\\n")`` gives them, a megabyte's worth at a time.

    A huge text is never copied whole nor held as one list of all its lines.
    """
    while True:
        end = text.find("\n", start + _LINES_CHUNK)
        if end < 0:
            yield from text[start:].split("\n")
            return
        yield from text[start:end].split("\n")
        start = end + 1
