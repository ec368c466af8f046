"""One publication per paper: masthead spellings compared folded (script, width and case).

A weekly printed 今日长子 in one file and 今日長子 in another, or typed in full-width letters,
would otherwise be a publication per spelling. The loader (``loading.py``) runs :func:`unify_publications`
once over every importer's issues. This is the formats side's own folding of short names:
``reader.index`` folds whole texts for search, and the two packages never import each other.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Protocol

from reader.formats.common.prose import is_cjk
from reader.model import ArchiveSettings, Issue


class _Converter(Protocol):
    def convert(self, text: str) -> str: ...


@functools.cache
def _t2s() -> _Converter:
    # Imported and built on first use: OpenCC reads its dictionaries (about 0.2 s), and most
    # archives name their publications in ASCII or in one script only.
    from opencc_purepy import OpenCC

    converter: _Converter = OpenCC("t2s")
    return converter


def simplified(name: str) -> str:
    """``name`` with Traditional characters in their Simplified form (the rest unchanged).

    Character by character, as the search index folds: a phrase rule would fold a character one
    way in one name and another way in the next, and two spellings must fold alike.
    """
    if not any(is_cjk(ch) for ch in name):
        return name
    return "".join(_simplified_char(ch) if is_cjk(ch) else ch for ch in name)


@functools.cache
def _simplified_char(ch: str) -> str:
    return _t2s().convert(ch)


@functools.lru_cache(maxsize=4096)
def fold_name(name: str) -> str:
    """The form two spellings of one name share.

    Full-width letters and digits become ASCII (NFKC), case is folded, Traditional characters
    become Simplified, runs of whitespace become one space, and spaces between two CJK
    characters (an OCR or typesetting artefact) are dropped: 今日長子, 今日 长子 and 今日长子 all
    fold to 今日长子, ＰＥＯＰＬＥ'Ｓ Daily to people's daily.
    """
    text = " ".join(unicodedata.normalize("NFKC", name).casefold().split())
    text = simplified(text)
    kept = [
        ch
        for i, ch in enumerate(text)
        if not (ch == " " and 0 < i < len(text) - 1 and is_cjk(text[i - 1]) and is_cjk(text[i + 1]))
    ]
    return "".join(kept)


def unify_publications(issues: list[Issue], settings: ArchiveSettings) -> list[Issue]:
    """Give every issue of one paper the same publication name.

    An issue whose publication (or masthead) folds equal to ``archive.toml``'s publication or
    one of its mastheads takes the settings' name. Other issues whose names fold equal are one
    publication, named by the spelling most of them have (on a tie, the Simplified spelling,
    then the first in code-point order, so every load names it the same).
    """
    declared = {fold_name(m) for m in (settings.publication, *settings.aliases) if m.strip()}
    named: list[str] = []
    for issue in issues:
        if settings.publication and (
            fold_name(issue.publication) in declared
            or (issue.masthead and fold_name(issue.masthead) in declared)
        ):
            named.append(settings.publication)
        else:
            named.append(issue.publication)
    spellings: dict[str, Counter[str]] = {}
    for name in named:
        spellings.setdefault(fold_name(name), Counter())[name] += 1
    chosen = {key: _most_common(counts) for key, counts in spellings.items()}
    unified = []
    for issue, name in zip(issues, named, strict=True):
        publication = chosen[fold_name(name)]
        if issue.publication != publication:
            issue = dataclasses.replace(issue, publication=publication)
        unified.append(issue)
    return unified


def _most_common(counts: Counter[str]) -> str:
    return min(counts, key=lambda name: (-counts[name], simplified(name) != name, name))


def apply_aliases(issues: Sequence[Issue], aliases: Mapping[str, str]) -> list[Issue]:
    """Rename the issues whose publication (or masthead) is one of ``aliases``' mastheads.

    ``aliases`` maps a masthead spelling to the publication it means (a reader's own choice,
    kept beside their settings, on top of ``archive.toml``). Spellings are compared folded, as
    :func:`unify_publications` compares them; the result is unified and in catalogue order.
    """
    wanted = {
        fold_name(m): name.strip() for m, name in aliases.items() if m.strip() and name.strip()
    }
    if not wanted:
        return list(issues)
    renamed = []
    for issue in issues:
        name = wanted.get(fold_name(issue.publication))
        if name is None and issue.masthead:
            name = wanted.get(fold_name(issue.masthead))
        if name is not None and name != issue.publication:
            issue = dataclasses.replace(issue, publication=name)
        renamed.append(issue)
    unified = unify_publications(renamed, ArchiveSettings())
    unified.sort(key=issue_order)
    return unified


def issue_order(issue: Issue) -> tuple[str, str, dt.date, str, str]:
    """The catalogue's order of issues: by publication, date, number, then file.

    Publications as a person looks them up, without case: iptc-newsml-g2-examples between
    Top UK… and UK News Service, not after every capital (the tree and ``issues`` list them
    so). Names equal but for case keep a fixed order, by their code points.
    """
    name = issue.publication
    day = issue.date or dt.date.min
    return (name.casefold(), name, day, issue.number.zfill(8), issue.source)
