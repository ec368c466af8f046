"""Finding the query's matches in an article's text and cutting a snippet around them.

Computed over the stored text by the same folding and word rules as the index, so a
highlighted span is exactly a match: never a neighbouring character, never half of one.
"""

from __future__ import annotations

import bisect
import html
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from reader.index.analysis import is_word_char
from reader.index.fold import fold_with_offsets

# About this many characters of context in a snippet.
SNIPPET_CHARS = 120
ELLIPSIS = "…"
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


def find_matches(text: str, needles: Sequence[str]) -> list[Span]:
    """Where the folded ``needles`` match ``text``: sorted, overlapping matches merged.

    A needle matches where the folded text contains it, except that a needle starting
    (ending) with a letter or digit must start (end) at a word boundary — the index's rule.
    """
    if not text or not needles:
        return []
    folded = fold_with_offsets(text)
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
    return merge_spans(found)


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
