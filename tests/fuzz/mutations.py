"""Ways to break a file: each takes its bytes and a seeded random source and returns new bytes."""

from __future__ import annotations

import random
import re
from collections.abc import Callable

Mutation = Callable[[bytes, random.Random], bytes]

# A start tag, for finding elements to copy, drop or nest into (a mutation, not a parser).
_START = re.compile(rb"<([A-Za-z_][\w.:-]{0,40})[^<>]{0,400}>")
_DECLARED = re.compile(rb"(encoding|charset)\s*=\s*[\"']?[\w.:-]{1,40}", re.I)
REPEAT_BYTES = 3_000_000
ENCODINGS = ("utf-16", "utf-16-be", "utf-32", "gb18030", "big5", "shift_jis", "latin-1", "cp1252")
DECLARED = (b"ISO-8859-1", b"UTF-16", b"GBK", b"Big5", b"EBCDIC-CP-US", b"no-such-charset", b"")


def flip_bytes(data: bytes, rng: random.Random) -> bytes:
    """Change a few bytes anywhere."""
    if not data:
        return bytes([rng.randrange(256)])
    out = bytearray(data)
    for _ in range(rng.randint(1, 24)):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def flip_markup(data: bytes, rng: random.Random) -> bytes:
    """Change a few bytes into markup characters (more damage per byte than random bytes)."""
    out = bytearray(data or b" ")
    for _ in range(rng.randint(1, 12)):
        out[rng.randrange(len(out))] = rng.choice(b"<>&;\"'=/!?[]#\n\x00")
    return bytes(out)


def truncate(data: bytes, rng: random.Random) -> bytes:
    """Cut the file short (mid-character, mid-tag, anywhere)."""
    return data[: rng.randrange(len(data) + 1)]


def _element(data: bytes, rng: random.Random) -> tuple[int, int] | None:
    """Where a random element (start tag to its end tag) or, in text, a few lines are."""
    starts = list(_START.finditer(data, 0, 2_000_000))
    if starts:
        start = rng.choice(starts)
        close = data.find(b"</" + start.group(1) + b">", start.end())
        end = close + len(start.group(1)) + 3 if close >= 0 else start.end()
        return start.start(), end
    lines = data.split(b"\n")
    if len(lines) < 2:
        return None
    first = rng.randrange(len(lines))
    last = min(len(lines), first + rng.randint(1, 8))
    begin = sum(len(line) + 1 for line in lines[:first])
    return begin, begin + sum(len(line) + 1 for line in lines[first:last])


def duplicate_element(data: bytes, rng: random.Random) -> bytes:
    """Repeat an element (or some lines) up to a few times, in place."""
    span = _element(data, rng)
    if span is None:
        return data + data
    start, end = span
    return data[:end] + data[start:end] * rng.randint(1, 4) + data[end:]


def drop_element(data: bytes, rng: random.Random) -> bytes:
    """Take an element (or some lines) out."""
    span = _element(data, rng)
    if span is None:
        return data[: len(data) // 2]
    start, end = span
    return data[:start] + data[end:]


def huge_attribute(data: bytes, rng: random.Random) -> bytes:
    """An attribute of up to a few megabytes in a start tag, closed or not; in text, a huge line."""
    size = rng.choice((20_000, 300_000, 3_000_000))
    quote = rng.choice((b'"', b""))
    value = rng.choice((b"x", b"a=", b" a='", b"&#", "字".encode()))
    value = (value * (size // len(value)))[:size]
    starts = list(_START.finditer(data, 0, 100_000))
    if not starts:
        return data[: len(data) // 2] + b"\n" + value + b"\n" + data[len(data) // 2 :]
    start = rng.choice(starts[:3])
    at = start.start() + 1 + len(start.group(1))
    return data[:at] + b' huge="' + value + quote + data[at:]


def wrong_encoding(data: bytes, rng: random.Random) -> bytes:
    """The text re-encoded in another encoding, its declaration (if any) left as it was."""
    text = data.decode("utf-8", errors="replace")
    return text.encode(rng.choice(ENCODINGS), errors="replace")


def wrong_declared_encoding(data: bytes, rng: random.Random) -> bytes:
    """The declared encoding (XML declaration, HTML charset) changed to a wrong or unknown one."""
    declared = rng.choice(DECLARED)
    if _DECLARED.search(data, 0, 4096):
        return _DECLARED.sub(lambda m: m.group(1) + b'="' + declared, data, count=1)
    return b'<?xml version="1.0" encoding="' + declared + b'"?>\n' + data


def deep_nesting(data: bytes, rng: random.Random) -> bytes:
    """Up to 100,000 nested elements (or quote and list levels in text), closed or not."""
    depth = rng.choice((300, 5_000, 100_000))
    starts = list(_START.finditer(data, 0, 100_000))
    if not starts:
        nest = rng.choice((b">", b"#", b"- ", b"  ", b"["))
        return data[: len(data) // 2] + b"\n" + nest * depth + b" deep\n" + data[len(data) // 2 :]
    tag = rng.choice((b"div", b"TextBlock", b"p", starts[-1].group(1)))
    opened = b"<" + tag + b">"
    closed = b"</" + tag + b">" if rng.random() < 0.5 else b""
    at = rng.choice(starts).end()
    return data[:at] + opened * depth + b"deep" + closed * depth + data[at:]


def odd_bytes(data: bytes, rng: random.Random) -> bytes:
    """Insert what decoders trip on: NULs, BOMs, lone surrogates in UTF-8, CRs, invalid UTF-8."""
    pieces = (
        b"\x00",
        b"\xef\xbb\xbf",
        b"\xff\xfe",
        b"\xed\xa0\x80",
        b"\r",
        b"\xc3",
        b"\xf4\x90\x80\x80",
    )
    out = data
    for _ in range(rng.randint(1, 6)):
        at = rng.randrange(len(out) + 1)
        out = out[:at] + rng.choice(pieces) * rng.randint(1, 3) + out[at:]
    return out


def entities(data: bytes, rng: random.Random) -> bytes:
    """A DOCTYPE declaring entities (billion laughs) or an external DTD, ahead of the root."""
    doctype = rng.choice(
        (
            b'<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>',
            b'<!DOCTYPE r SYSTEM "file:///etc/passwd">',
            b'<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
        )
    )
    starts = list(_START.finditer(data, 0, 100_000))
    at = starts[0].start() if starts else 0
    return data[:at] + doctype + data[at:]


def repeat(data: bytes, rng: random.Random) -> bytes:
    """The whole file up to a few hundred times over (up to about 3 MB).

    Larger files are the memory benchmarks' subject (``benchmarks/``): here a case must stay
    well inside its time limit, and reading a 20 MB page costs seconds without being a hang.
    """
    times = max(2, min(rng.choice((10, 200, 2000)), REPEAT_BYTES // max(1, len(data))))
    return data * times


# Values that parsers of numbers, dates and references trip on.
ODD_VALUES = (
    b"",
    b"-1",
    b"0",
    b"1e309",
    b"NaN",
    b"0x1F",
    b"9" * 5000,
    "\uff19\uff10".encode(),
    b"2022-13-45",
    b"0000-00-00",
    b"9999-12-31T99:99",
    "\u4e8c\u3007\u4e8c\u4e8c\u5e74\u5341\u4e09\u6708".encode(),
    b"../../etc/passwd",
    b"#x",
    "\u202e\u200b".encode(),
    b"&amp;&lt;",
    b" a b ",
)
_ATTRIBUTE_VALUE = re.compile(rb'(=\s*")([^"<>]{0,200})(")')
_TEXT_VALUE = re.compile(rb">([^<>]{1,200})<")
_NUMBER = re.compile(rb"\d{1,12}")


def odd_values(data: bytes, rng: random.Random) -> bytes:
    """Attribute values, element texts or numbers replaced by values parsers trip on."""
    pattern = rng.choice((_ATTRIBUTE_VALUE, _TEXT_VALUE, _NUMBER))
    found = list(pattern.finditer(data, 0, 3_000_000))
    if not found:
        return data
    out = data
    for match in sorted(
        rng.sample(found, min(len(found), rng.randint(1, 20))), key=lambda m: -m.start()
    ):
        value = rng.choice(ODD_VALUES)
        group = 2 if pattern is _ATTRIBUTE_VALUE else 1 if pattern is _TEXT_VALUE else 0
        out = out[: match.start(group)] + value + out[match.end(group) :]
    return out


def empty(data: bytes, rng: random.Random) -> bytes:
    """Nothing, or only white space."""
    return rng.choice((b"", b" \n", b"\xef\xbb\xbf"))


MUTATIONS: dict[str, Mutation] = {
    "flip_bytes": flip_bytes,
    "flip_markup": flip_markup,
    "truncate": truncate,
    "duplicate_element": duplicate_element,
    "drop_element": drop_element,
    "huge_attribute": huge_attribute,
    "wrong_encoding": wrong_encoding,
    "wrong_declared_encoding": wrong_declared_encoding,
    "deep_nesting": deep_nesting,
    "odd_bytes": odd_bytes,
    "entities": entities,
    "repeat": repeat,
    "empty": empty,
    "odd_values": odd_values,
    "odd_values_again": odd_values,  # the structure-aware damage, twice as often
}
