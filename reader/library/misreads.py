"""Mastheads that look like OCR misreads of a name the issues use often: suggested aliases.

A county weekly printed 今日长子, but the OCR of one masthead (or of all of them) read 今日长孑;
its articles say 长子 on every page and 孑 nowhere. A British paper's masthead read as
"Liverpool Standarb" beside a hundred issues of "Liverpool Standard". Each such masthead is a
publication of its own in the tree until someone names it an alias.

Pure: this reads the catalogue's issues, never a file. Conservative by design, because a
wrong suggestion would merge two real papers: a masthead is suspected only when

- it is at most one character from the likely name (CJK), or a small OCR-like edit from it
  (Latin: rn/m, l/1/I, b/d, c/e…; one other edit only in long names), and
- the likely name is not rarer than it in the archive, and
- its own odd piece is (almost) absent from the text of its issues, while the likely name's
  piece occurs often there (in at least half of them), or the likely name is the masthead of
  at least twice as many issues (Latin).

人民日报 and 人民日报海外版, or 北京日报 beside 北京晚报 (晚 is common in any text), are never
suggested.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass

from reader.formats import fold_name
from reader.library import confusions
from reader.model import Article, Issue

# The likely name's piece must occur this often in the masthead's issues, in at least half of them.
MIN_OCCURRENCES = 3
# The masthead's own odd character or word may occur at most this fraction as often.
RARITY = 10
# Bounded work on big archives: this many issues of a masthead are read (evenly spread) ...
MAX_ISSUES_READ = 300
# ... and this many characters of each.
MAX_TEXT = 200_000
# Longer names are not mastheads.
MAX_NAME = 40


@dataclass(frozen=True)
class Suggestion:
    """A masthead that looks like a misread of ``name``, and why.

    ``masthead`` is the publication as the archive shows it now; ``masthead_issues`` and
    ``name_issues`` count the issues under each spelling; ``evidence`` is the likely name's
    piece found in the text of the masthead's issues (``长子``; "" when the other masthead is the
    evidence), ``occurrences`` how often, in ``issues_with`` of the ``issues_read`` issues read.
    """

    masthead: str
    name: str
    masthead_issues: int
    name_issues: int
    evidence: str = ""
    occurrences: int = 0
    issues_with: int = 0
    issues_read: int = 0


@dataclass(frozen=True)
class _Piece:
    """A candidate correction at one spot, with how the text supports it."""

    name: str
    evidence: str
    occurrences: int
    issues_with: int
    likely: bool  # a known confusion, not only the text's favourite


def suggest(
    issues: Sequence[Issue],
    *,
    declared: Collection[str] = (),
    dismissed: Collection[str] = (),
    whole: Callable[[Article], Article] = lambda article: article,
) -> list[Suggestion]:
    """The mastheads of ``issues`` that look like misreads, with their likely names.

    Args:
        issues: The catalogue (its publications as shown, aliases already applied).
        declared: Names the archive's own settings give: never suggested away.
        dismissed: Mastheads the reader said are right: never suggested again.
        whole: The article with its text, for a catalogue entry (``Library.with_text``).
    """
    counts = Counter(issue.publication for issue in issues)
    skip = {fold_name(n) for n in (*declared, *dismissed) if n.strip()}
    found = []
    for masthead in sorted(counts):
        if not masthead.strip() or len(masthead) > MAX_NAME or fold_name(masthead) in skip:
            continue
        own = [issue for issue in issues if issue.publication == masthead]
        texts = _texts(own, whole)
        if _han_share(masthead) >= 0.5:
            piece = _han_piece(masthead, texts, counts)
        else:
            piece = _latin_piece(masthead, texts, counts)
        if piece is not None:
            found.append(
                Suggestion(
                    masthead,
                    piece.name,
                    counts[masthead],
                    counts.get(piece.name, 0),
                    piece.evidence,
                    piece.occurrences,
                    piece.issues_with,
                    len(texts),
                )
            )
    return found


def _texts(issues: Sequence[Issue], whole: Callable[[Article], Article]) -> list[str]:
    """The text of each issue (titles and paragraphs), at most :data:`MAX_ISSUES_READ` of them."""
    step = max(1, math.ceil(len(issues) / MAX_ISSUES_READ))
    texts = []
    for issue in issues[::step]:
        parts: list[str] = []
        size = 0
        for entry in issue.articles:
            article = whole(entry)
            for part in (article.kicker, article.title, article.subtitle, *article.paragraphs):
                parts.append(part)
                size += len(part)
            if size >= MAX_TEXT:
                break
        texts.append("\n".join(parts)[:MAX_TEXT])
    return texts


def is_han(ch: str) -> bool:
    """Whether ``ch`` is a Han ideograph (not CJK punctuation, kana or a digit)."""
    code = ord(ch)
    return 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x3134F


def _han_share(name: str) -> float:
    letters = [ch for ch in name if not ch.isspace()]
    return sum(is_han(ch) for ch in letters) / len(letters) if letters else 0.0


def _enough(occurrences: int, issues_with: int, issues_read: int) -> bool:
    return occurrences >= MIN_OCCURRENCES and issues_with * 2 >= issues_read


def _han_piece(masthead: str, texts: list[str], counts: Counter[str]) -> _Piece | None:
    """The best one-character correction of a CJK masthead the text supports, if any."""
    best: _Piece | None = None
    for i, ch in enumerate(masthead):
        if not is_han(ch):
            continue
        own = sum(text.count(ch) for text in texts)
        neighbours = []
        if i > 0 and is_han(masthead[i - 1]):
            neighbours.append((masthead[i - 1], True))
        if i + 1 < len(masthead) and is_han(masthead[i + 1]):
            neighbours.append((masthead[i + 1], False))
        for neighbour, before in neighbours:
            totals, spread = _next_to(neighbour, texts, after=before)
            ranked = [(o, t) for o, t in totals.most_common() if o != ch and is_han(o)]
            for rank, (other, total) in enumerate(ranked):
                if own * RARITY > total or total < MIN_OCCURRENCES:
                    break  # ranked by total: the rest are rarer still
                if spread[other] * 2 < len(texts):
                    continue
                likely = (ch, other) in confusions.HAN_CONFUSIONS
                name = masthead[:i] + other + masthead[i + 1 :]
                runner_up = ranked[rank + 1][1] if rank + 1 < len(ranked) else 0
                if not likely and (name not in counts or rank > 0 or total < 2 * runner_up):
                    # Not a known confusion: only towards another masthead of the archive
                    # that the text clearly favours (今日长子 is no misread of 今年长子).
                    continue
                piece = neighbour + other if before else other + neighbour
                candidate = _Piece(name, piece, total, spread[other], likely)
                if _acceptable(masthead, candidate, counts) and _better(candidate, best):
                    best = candidate
    return best


def _next_to(
    neighbour: str, texts: Iterable[str], *, after: bool
) -> tuple[Counter[str], Counter[str]]:
    """The characters right after (or before) ``neighbour`` in the texts: totals, and issues."""
    totals: Counter[str] = Counter()
    spread: Counter[str] = Counter()
    for text in texts:
        here: Counter[str] = Counter()
        at = text.find(neighbour)
        while at >= 0:
            spot = at + 1 if after else at - 1
            if 0 <= spot < len(text):
                here[text[spot]] += 1
            at = text.find(neighbour, at + 1)
        totals.update(here)
        spread.update(here.keys())
    return totals, spread


def _latin_piece(masthead: str, texts: list[str], counts: Counter[str]) -> _Piece | None:
    """The best OCR-like correction of a Latin masthead, from the text or the other mastheads."""
    words, spread = _word_counts(texts)
    best: _Piece | None = None
    for match in re.finditer(r"\w+", masthead):
        word = match.group()
        own = words[word.casefold()]
        for variant in confusions.variants(word):
            folded = variant.casefold()
            total = words[folded]
            if own * RARITY > total or not _enough(total, spread[folded], len(texts)):
                continue
            name = masthead[: match.start()] + variant + masthead[match.end() :]
            candidate = _Piece(name, variant, total, spread[folded], True)
            if _acceptable(masthead, candidate, counts) and _better(candidate, best):
                best = candidate
    if best is not None:
        return best
    for other, number in counts.most_common():
        if number < 2 * counts[masthead] or _han_share(other) >= 0.5:
            continue
        if confusions.edit_cost(masthead, other) > _latin_limit(masthead):
            continue
        odd = {w.casefold() for w in re.findall(r"\w+", masthead)}
        odd -= {w.casefold() for w in re.findall(r"\w+", other)}
        if sum(words[w] for w in odd) * RARITY > max(1, number):
            continue  # the masthead's own spelling is a word of its text
        return _Piece(other, "", 0, 0, True)
    return None


def _word_counts(texts: Iterable[str]) -> tuple[Counter[str], Counter[str]]:
    totals: Counter[str] = Counter()
    spread: Counter[str] = Counter()
    for text in texts:
        here = Counter(word.casefold() for word in re.findall(r"\w+", text))
        totals.update(here)
        spread.update(here.keys())
    return totals, spread


def _latin_limit(name: str) -> float:
    # A short name may differ by one OCR confusion; a long one by one edit of any kind.
    return 1.0 if len(name) >= 15 else 0.5


def _acceptable(masthead: str, candidate: _Piece, counts: Counter[str]) -> bool:
    if fold_name(candidate.name) == fold_name(masthead):
        return False
    # The likely name, if it is a masthead of the archive too, is not the rarer of the two.
    return candidate.name not in counts or counts[candidate.name] >= counts[masthead]


def _better(candidate: _Piece, best: _Piece | None) -> bool:
    if best is None:
        return True
    return (candidate.likely, candidate.occurrences) > (best.likely, best.occurrences)
