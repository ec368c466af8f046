"""Folding text for search: NFKC, case, accents, Traditional→Simplified, OCR breaks bridged.

Index and query go through the same :func:`fold`, so 長子 finds 长子, ＰＭ２．５ finds pm2.5 and
供热\\n工程 (a line break from OCR) finds 供热工程. ``fold_with_offsets`` (:mod:`.fold_offsets`)
also says where each folded character came from, so highlights land on the exact characters
of the original text.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

from reader import versions

log = logging.getLogger(__name__)


# Where the t2s table is kept between runs: the library says (it knows the per-user folders);
# None keeps it in memory only. A callable, so the folder is read when the table is first built.
def _no_cache_root() -> Path | None:
    return None


_cache_root: Callable[[], Path | None] = _no_cache_root

# Bump when the folding changes: indexes built with another version are rebuilt.
FOLD_VERSION = 3  # 3: hyphens folded to "-"

# Hyphens no keyboard types, folded to the one every keyboard has: Fraktur's double oblique
# hyphen (⸗, in Verkehrs⸗Anſtalten), the typographic hyphen (and the non-breaking one, which
# NFKC makes it), the figure and en dashes (1914–1918), the double hyphen and the hyphen with
# diaeresis. The em dash, a break in a sentence, stays itself.
_HYPHENS = dict.fromkeys("\u2010\u2012\u2013\u2e17\u2e1a\u2e40", "-")

# Letters written without spaces between words: Han (with 々 and 〇), kana, bopomofo, Hangul.
# Runs of them are indexed as characters and bigrams; whitespace between two of them is an OCR
# artefact and is dropped ("bridged").
CJK_CLASS = (
    "\u3005\u3007\u3040-\u309f\u30a0-\u30fa\u30fc-\u30ff\u3100-\u312f\u3131-\u318e"
    "\u31a0-\u31bf\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
    "\U00020000-\U000323af"
)
_SPACES = re.compile(" {2,}")
# Ranges of Han characters that may have a Traditional form.
_HAN_RANGES = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00), (0x20000, 0x323B0))


@functools.cache
def _bridge() -> re.Pattern[str]:
    """A space between two CJK letters (compiled when first needed: see ``_cjk_table``)."""
    return re.compile(f"(?<=[{CJK_CLASS}]) (?=[{CJK_CLASS}])")


def _cjk_table() -> tuple[bytearray, tuple[tuple[int, int], ...]]:
    """``CJK_CLASS`` as a flag per BMP code point and the ranges beyond: a lookup, where the
    class compiled into a regular expression costs 2–3 ms at import (``re`` fills its own
    table one code point at a time in Python), more than a command-line search can spare."""
    flags = bytearray(0x10000)
    wide = []
    for first, last in re.findall(r"(.)(?:-(.))?", CJK_CLASS, re.S):
        low, high = ord(first), ord(last or first)
        if high < 0x10000:
            flags[low : high + 1] = b"\x01" * (high - low + 1)
        else:
            wide.append((low, high))
    return flags, tuple(wide)


_CJK_FLAGS, _CJK_WIDE = _cjk_table()


def is_cjk(ch: str) -> bool:
    """Whether a (folded) character is a CJK letter: indexed per character, never split by
    spaces (a match of ``[CJK_CLASS]`` at its start; False for "")."""
    if not ch:
        return False
    code = ord(ch[0])
    if code < 0x10000:
        return bool(_CJK_FLAGS[code])
    return any(low <= code <= high for low, high in _CJK_WIDE)


@functools.cache
def t2s_table() -> dict[str, str]:
    """Traditional (and variant) → Simplified, one character to one character.

    Built from opencc-purepy's ``t2s`` conversion of every Han character on its own (phrase
    rules never apply across characters), closed so that applying it twice changes nothing.
    Building takes most of a second, so the table is also kept in the folder given to
    :func:`use_cache_root`.
    """
    cache = _t2s_cache_file()
    if cache is None:
        return _build_t2s_table()
    table = _read_cached(cache)
    if table is not None:
        return table
    table = _build_t2s_table()
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        temp = cache.with_name(f"{cache.name}.{os.getpid()}.tmp")
        temp.write_text(json.dumps(table, ensure_ascii=False), encoding="utf-8")
        os.replace(temp, cache)
    except OSError as exc:
        log.info("cannot cache the t2s table in %s: %s", cache, exc)
    return table


def _read_cached(cache: Path) -> dict[str, str] | None:
    """The cached table, or None when there is none (or it is unreadable: it is rebuilt)."""
    try:
        table = json.loads(cache.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return table if isinstance(table, dict) and table else None


def use_cache_root(root: Callable[[], Path | None]) -> None:
    """Keep the t2s table in the folder ``root()`` names (asked when the table is first built)."""
    global _cache_root
    _cache_root = root


def cache_root() -> Path | None:
    """The per-user cache folder set with :func:`use_cache_root` (None: keep nothing)."""
    return _cache_root()


def _t2s_cache_file() -> Path | None:
    folder = _cache_root()
    if folder is None:
        return None
    version = versions.version("opencc-purepy")
    return folder / f"t2s-fold{FOLD_VERSION}-opencc{version}.json"


def _build_t2s_table() -> dict[str, str]:
    from opencc_purepy import OpenCC

    chars = [chr(code) for low, high in _HAN_RANGES for code in range(low, high)]
    # One character per line: OpenCC never matches a phrase across a line break.
    converted = OpenCC("t2s").convert("\n".join(chars)).split("\n")
    if len(converted) != len(chars):
        raise RuntimeError("opencc t2s changed the number of lines")
    table = {c: s for c, s in zip(chars, converted, strict=True) if s != c and len(s) == 1}
    for char, target in table.items():
        seen = {char}
        while target in table and target not in seen:
            seen.add(target)
            target = table[target]
        table[char] = target
    return table


class _FoldTable(dict[int, str]):
    """``str.translate`` table filled on first sight of each character (then C speed)."""

    def __init__(self) -> None:
        super().__init__()
        # Characters that fold to zero or several characters: their offsets need the slow path.
        self.irregular: set[str] = set()

    def __missing__(self, code: int) -> str:
        if 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF:
            # A unified ideograph: NFKC and case leave it as it is (what _fold_char finds,
            # in a tenth of its time; a search's snippets meet a thousand new characters).
            folded = t2s_table().get(chr(code), chr(code))
        else:
            folded = _fold_char(chr(code))
        self[code] = folded
        if len(folded) != 1:
            self.irregular.add(chr(code))
        return folded


def _fold_char(ch: str) -> str:
    if ch.isspace() or unicodedata.category(ch) == "Cc":
        return " "
    if unicodedata.category(ch) == "Cf":  # zero-width space, soft hyphen, BOM: invisible
        return ""
    if "\u0300" <= ch <= "\u036f":  # a combining accent: décembre finds decembre
        return ""
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", ch).casefold())
    table = t2s_table()
    return "".join(
        " " if c.isspace() else _HYPHENS.get(c) or table.get(c, _unaccented(c)) for c in folded
    )


def _unaccented(ch: str) -> str:
    """A Latin, Greek or Cyrillic letter without its accents (é → e, ё → е); others as they are.

    Only these scripts: in kana the combining marks are letters of their own (が is not か).
    """
    if ch < "\u00c0" or not (ch < "\u0530" or "\u1e00" <= ch <= "\u1fff"):
        return ch
    base = unicodedata.normalize("NFD", ch)
    stripped = "".join(c for c in base if not "\u0300" <= c <= "\u036f")
    return unicodedata.normalize("NFC", stripped)


# The folding as a ``str.translate`` table (``TABLE.irregular``: what folds to zero or several).
TABLE = _FoldTable()


def fold(text: str) -> str:
    """The searchable form of ``text``.

    NFKC (full-width → half-width), case-folded, Latin/Greek/Cyrillic accents dropped
    (DÉCEMBRE → decembre), hyphens made "-" (General⸗Synode → general-synode),
    Traditional → Simplified per character, invisible format
    characters dropped, every run of whitespace made one space, and the space
    between two CJK letters dropped (a line break inside a word, from OCR).
    """
    if not unicodedata.is_normalized("NFC", text):
        # Imported here: fold_offsets imports this module's table.
        from reader.index.fold_offsets import fold_with_offsets

        return fold_with_offsets(text).text
    folded = _SPACES.sub(" ", text.translate(TABLE))
    return _bridge().sub("", folded) if " " in folded else folded
