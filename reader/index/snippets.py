"""Finding the query's matches in an article's text and cutting a snippet around them.

Computed over the stored text by the same folding and word rules as the index, so a
highlighted span is exactly a match: never a neighbouring character, never half of one.
:func:`find_folded` is the reader's find bar: the same folding, without the word rule.
"""

from __future__ import annotations

import bisect
import functools
import html
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from reader.index.fold import fold
from reader.index.fold_offsets import Folded, fold_with_offsets
from reader.index.units import is_word_char

# About this many characters of context in a snippet.
SNIPPET_CHARS = 120
ELLIPSIS = "…"
# A hyphen at a line's end (OCR text in its original lines): the word goes on after the break.
_LINE_END_HYPHENS = "-\u2010\u00ad"
# Where a sentence ends: CJK 。！？ (and ；), Latin .!? before a space, or a line break.
_SENTENCE_END = re.compile(r"[。！？；!?]+[”’」』）)]*|\.(?=\s)|\n+")

Span = tuple[int, int]


@dataclass(frozen=True)
class Snippet:
    """A short passage of an article with the query's matches marked.

    Attributes:
        text: The passage, exactly as in the article, with ``…`` where it was cut.
        spans: ``(start, end)`` of each match in ``text``, in order and not overlapping.
            Offsets are Python ``str`` indexes, i.e. code points: 𠮷 (beyond the BMP) counts
            as one. A UI that counts UTF-16 code units (Qt) must convert them.
    """

    text: str
    spans: tuple[Span, ...] = ()


# The texts matched last, folded: the page view matches each article of a page again for
# every query typed, and F3 and the text pane match the same article again.
_folded = functools.lru_cache(maxsize=32)(fold_with_offsets)


def find_matches(text: str, needles: Sequence[str], *, merge: bool = True) -> list[Span]:
    """Where the folded ``needles`` match ``text``: sorted, overlapping matches merged.

    A needle matches where the folded text contains it, except that a needle starting
    (ending) with a letter or digit must start (end) at a word boundary — the index's rule.
    With ``merge=False`` each occurrence stays apart (a concordance's lines): two that touch
    are two, and of overlapping ones the first (the longest where they start together) wins.
    """
    if not text or not needles:
        return []
    folded = _folded(text)
    haystack = folded.text
    found: list[Span] = []
    for needle in needles:
        if not needle:
            continue
        check_start = is_word_char(needle[0])
        check_end = is_word_char(needle[-1])
        at = haystack.find(needle)
        while at >= 0:
            end = at + len(needle)
            if not (check_start and at > 0 and is_word_char(haystack[at - 1])) and not (
                check_end and end < len(haystack) and is_word_char(haystack[end])
            ):
                found.append(folded.span(at, end))
            at = haystack.find(needle, at + 1)
    return merge_spans(found) if merge else apart(found)


def find_folded(text: str, needle: str) -> list[Span]:
    """Where ``needle`` occurs in ``text``, both folded as for search: a browser's find.

    Plain substring matching on the folded text (no word boundaries): 长子 finds 長子,
    pm2.5 finds ＰＭ２．５, decembre finds DÉCEMBRE, and 供热 finds 供\\n热. A word hyphenated
    at a line's end (infor-\\nmation) is found as information, or as typed with its hyphen.
    The folding of ``text`` is cached, so finding in the same text again is quick.

    Returns:
        ``(start, end)`` spans of ``text`` (Python ``str`` offsets: 𠮷 counts one), in order
        and not overlapping; a span covers the original characters exactly.
    """
    wanted = fold(needle)
    if not text or not wanted:
        return []
    findable = _findable(text)
    folded = findable.folded
    found = _occurrences(folded.text, wanted)
    for joined, to_folded in findable.joined:
        found += [(to_folded[a], to_folded[b - 1] + 1) for a, b in _occurrences(joined, wanted)]
    spans: list[Span] = []
    for start, end in sorted(found, key=lambda span: (span[0], -span[1])):
        span = folded.span(start, end)
        # Two matches inside one original character (a ligature) highlight it once.
        if not spans or span[0] >= spans[-1][1]:
            spans.append(span)
    return spans


@dataclass(frozen=True)
class _Findable:
    """A text folded for :func:`find_folded`.

    ``joined`` holds the folded text with its words hyphenated at a line's end joined: once
    without the hyphen (information), once with it (well-known), each with a map from its
    characters to the folded text's. It is empty when no line ends with a hyphen.
    """

    folded: Folded
    joined: tuple[tuple[str, tuple[int, ...]], ...]


# The find bar asks again on each key typed, in the same article: keep its last few texts.
@functools.lru_cache(maxsize=8)
def _findable(text: str) -> _Findable:
    folded = fold_with_offsets(text)
    breaks: set[int] = set()  # the folded spaces that are line breaks after a hyphen
    hyphens: set[int] = set()  # the folded hyphens before them
    at = folded.text.find(" ")
    while at >= 0:
        start, end = folded.span(at, at + 1)
        if start > 0 and text[start - 1] in _LINE_END_HYPHENS and "\n" in text[start:end]:
            breaks.add(at)
            if at > 0 and folded.text[at - 1] in _LINE_END_HYPHENS:
                hyphens.add(at - 1)
        at = folded.text.find(" ", at + 1)
    if not breaks:
        return _Findable(folded, ())
    views = []
    for dropped in (breaks | hyphens, breaks):
        kept = tuple(i for i in range(len(folded.text)) if i not in dropped)
        views.append(("".join(folded.text[i] for i in kept), kept))
    return _Findable(folded, tuple(views))


def _occurrences(haystack: str, needle: str) -> list[Span]:
    """Non-overlapping ``(start, end)`` of ``needle`` in ``haystack``, left to right."""
    found: list[Span] = []
    at = haystack.find(needle)
    while at >= 0:
        found.append((at, at + len(needle)))
        at = haystack.find(needle, at + len(needle))
    return found


def apart(spans: Sequence[Span]) -> list[Span]:
    """Sort spans and drop each that overlaps one kept before it (touching ones both stay)."""
    kept: list[Span] = []
    for start, end in sorted(spans, key=lambda span: (span[0], -span[1])):
        if not kept or start >= kept[-1][1]:
            kept.append((start, end))
    return kept


def merge_spans(spans: Sequence[Span]) -> list[Span]:
    """Sort spans and merge those that overlap or touch."""
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def make_snippet(text: str, spans: Sequence[Span], width: int = SNIPPET_CHARS) -> Snippet:
    """The passage of ``text`` that shows the matches best, about ``width`` characters long.

    The sentence with the most matches (the first of equals) is shown, followed by the next
    sentences of its paragraph while they fit; a sentence longer than ``width`` is cut around
    its first match. A match is never cut in two.
    """
    if not text:
        return Snippet("")
    sentences = _sentences(text)
    best = 0
    if spans:
        firsts = [start for start, _ in sentences]
        counts = Counter(bisect.bisect_right(firsts, s[0]) - 1 for s in spans)
        best = min(counts, key=lambda n: (-counts[n], n))
    start, end = sentences[best]
    paragraph_end = _paragraph_end(text, start)
    for following in sentences[best + 1 :]:
        if following[1] > paragraph_end or following[1] - start > width:
            break
        end = following[1]
    if end - start > width:
        first = next((s for s in spans if _inside(s, (start, end))), None)
        if first is not None and first[0] - start > width // 3:
            start = max(start, first[0] - width // 3)
        end = min(end, start + width)
    start, end = _widen_to_spans(spans, start, end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    prefix = ELLIPSIS if start > 0 else ""
    suffix = ELLIPSIS if end < len(text) else ""
    shift = len(prefix) - start
    inside = tuple((s + shift, e + shift) for s, e in spans if start <= s and e <= end)
    return Snippet(prefix + text[start:end] + suffix, inside)


def snippet_html(snippet: Snippet) -> str:
    """The snippet as HTML: text escaped, each match wrapped in ``<mark>…</mark>``."""
    parts = []
    last = 0
    for start, end in snippet.spans:
        parts.append(html.escape(snippet.text[last:start]))
        parts.append(f"<mark>{html.escape(snippet.text[start:end])}</mark>")
        last = end
    parts.append(html.escape(snippet.text[last:]))
    return "".join(parts)


def _sentences(text: str) -> list[Span]:
    """Spans of the sentences of ``text`` (the end mark stays with its sentence)."""
    spans = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if match.end() > start:
            spans.append((start, match.end()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans or [(0, len(text))]


def _paragraph_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def _inside(span: Span, window: Span) -> bool:
    return window[0] <= span[0] < window[1]


def _widen_to_spans(spans: Sequence[Span], start: int, end: int) -> Span:
    """Move the window's edges out so no match is cut."""
    for s, e in spans:
        if s < start < e:
            start = s
        if s < end < e:
            end = e
    return start, end
