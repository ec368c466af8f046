"""Titles an importer could not find: made from an article's first words, or mended when cut.

The loader (``loading.py``) runs :func:`with_derived_titles` once over every importer's issues,
so an untitled article is never an empty row whichever format it came from; the title is
marked ``title_derived`` (it is body text, shown and searched as such). :func:`mend_cut_label`
serves the library profiles whose labels stop at a line-end hyphen ("… VAN BOLHUIS, refide-").
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from reader.formats.common.prose import is_cjk, without_dateline
from reader.model import Article, Issue

# About this much text: eight words of a Latin-script paper, sixteen characters of a CJK one.
WORDS = 8
CJK_CHARACTERS = 16
ELLIPSIS = "…"
# Longer is OCR noise run together (no spaces): it is cut there.
MAX_CHARACTERS = 80
# A first sentence this long (in words, or CJK characters) is a title on its own.
_SHORTEST_SENTENCE_WORDS = 3
_SHORTEST_SENTENCE_CJK = 4
_LATIN_STOPS = ".!?"
_CJK_STOPS = frozenset("。！？；，、：")
# What may follow the end of a title without its being cut short.
_AFTER = " 。！？；，、：.!?;:,"
# What a title does not end with before its ellipsis.
_TRAILING = " ,;:.-–—(/"


def with_derived_titles(issues: Iterable[Issue]) -> list[Issue]:
    """The issues, each article with no heading at all given one from its first words."""
    result = []
    for issue in issues:
        if all(a.headline or not a.has_text for a in issue.articles):
            result.append(issue)
            continue
        articles = tuple(_titled(a) for a in issue.articles)
        result.append(dataclasses.replace(issue, articles=articles))
    return result


def _titled(article: Article) -> Article:
    if article.headline or not article.has_text:
        return article
    title = derived_title(article.text)
    if not title:
        return article
    return dataclasses.replace(article, title=title, title_derived=True)


def derived_title(text: str) -> str:
    """A title from the start of ``text``: about eight words or sixteen CJK characters.

    A dateline it opens with (本报讯 12月20日，) is left out. It is cut at a word boundary
    (between CJK characters, anywhere), at the end of a first sentence or paragraph when that
    comes first, and ends with an ellipsis when the text goes on.
    """
    first, _, rest = text.strip().partition("\n\n")
    first = without_dateline(first)
    flat = " ".join(first.split()[: WORDS * 4])
    budget = float(WORDS * CJK_CHARACTERS)
    words = cjk = 0
    end = position = 0
    while position < len(flat) and budget > 0:
        ch = flat[position]
        if ch == " ":
            position += 1
            continue
        if is_cjk(ch):
            position += 1
            if ch in _CJK_STOPS and cjk >= _SHORTEST_SENTENCE_CJK:
                break
            cjk += 1
            budget -= WORDS
            end = position
            continue
        stop = position
        while stop < len(flat) and flat[stop] != " " and not is_cjk(flat[stop]):
            stop += 1
        words += 1
        budget -= CJK_CHARACTERS
        end = position = stop
        if flat[stop - 1] in _LATIN_STOPS and words >= _SHORTEST_SENTENCE_WORDS:
            break
    if end > MAX_CHARACTERS:
        space = flat.rfind(" ", 0, MAX_CHARACTERS + 1)
        end = space if space > 0 else MAX_CHARACTERS
    title = flat[:end].rstrip(_TRAILING) or flat[:end]
    if flat[end:].strip(_AFTER) or rest.strip():
        return title + ELLIPSIS
    return title


def is_cut_label(label: str) -> bool:
    """Whether a label stops at a line-end hyphen: a letter, then ``-`` (``refide-``)."""
    return len(label) >= 2 and label[-1] in "-\u00ad" and label[-2].isalpha()


def mend_cut_label(label: str, texts: Iterable[str]) -> str:
    """A label cut at a line-end hyphen, completed from the text it was taken from.

    The first of ``texts`` that starts with the label (without its hyphen) completes the cut
    word: "De Notaris … VAN BOLHUIS, refide-" becomes "… BOLHUIS, refiderende". When no text
    continues it, the label ends in an ellipsis instead of a hyphen that joins nothing.
    """
    if not is_cut_label(label):
        return label
    stem = " ".join(label[:-1].split())
    for text in texts:
        flat = " ".join(text.split())
        if not flat.startswith(stem):
            continue
        rest = flat[len(stem) :].split(" ", 1)[0]
        if rest.strip("-\u00ad"):
            return stem + rest.rstrip(",;:")
    return stem + ELLIPSIS
