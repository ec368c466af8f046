"""OCR's confusable letters and characters, and an edit distance that knows them.

Which letters OCR mistakes for each other (rn for m, b for d, 1 for l…) and which Han
characters (子 for 孑…), for :mod:`reader.library.misreads`: a confusion costs half an edit.
"""

from __future__ import annotations

# Latin OCR confusions (both ways): a substitution of one for the other costs half an edit.
_LATIN_PAIRS = (
    ("rn", "m"),
    ("l", "1"),
    ("l", "i"),
    ("i", "1"),
    ("b", "d"),
    ("b", "h"),
    ("cl", "d"),
    ("o", "0"),
    ("c", "e"),
    ("u", "n"),
    ("vv", "w"),
    ("ri", "n"),
    ("li", "h"),
    ("ii", "u"),
    ("f", "t"),
    ("s", "5"),
    ("b", "8"),
)
LATIN_CONFUSIONS = frozenset(_LATIN_PAIRS) | frozenset((b, a) for a, b in _LATIN_PAIRS)
# The confusions of two letters with one (rn/m), which a one-letter substitution cannot see.
_LONG_CONFUSIONS = tuple((a, b) for a, b in LATIN_CONFUSIONS if len(a) + len(b) > 2)

# Han characters OCR takes for one another (形近字): a pair here needs only the text's word for
# it; any other one-character difference must lead to another masthead of the archive, and be
# the text's clear favourite.
_HAN_GROUPS = (
    "子孑孓",
    "己已巳",
    "末未",
    "土士",
    "日曰",
    "人入八",
    "干千于",
    "天夭",
    "刀力",
    "戊戌戍",
    "候侯",
    "晴睛",
    "拔拨",
    "汩汨",
    "崇祟",
    "王玉主",
    "大太犬",
    "今令",
    "免兔",
    "鸟乌",
    "折拆",
    "苦若",
    "壁璧",
    "辨辩辫",
    "货贷",
    "晚晩",
    "洲州",
    "报捉",
    "元无",
    "工土",
    "口日",
    "田由甲申",
)
HAN_CONFUSIONS = frozenset((a, b) for group in _HAN_GROUPS for a in group for b in group if a != b)


def variants(word: str) -> set[str]:
    """``word`` with one OCR confusion undone, at each place it could be."""
    found = set()
    lower = word.casefold()
    for wrong, right in LATIN_CONFUSIONS:
        at = lower.find(wrong)
        while at >= 0:
            replaced = right.upper() if word[at : at + len(wrong)].isupper() else right
            found.add(word[:at] + replaced + word[at + len(wrong) :])
            at = lower.find(wrong, at + 1)
    found.discard(word)
    return found


def edit_cost(a: str, b: str) -> float:
    """Edit distance between two names (case folded); an OCR confusion costs half an edit."""
    a, b = a.casefold(), b.casefold()
    row = [float(j) for j in range(len(b) + 1)]
    rows = [row]
    for i in range(1, len(a) + 1):
        row = [float(i)] + [0.0] * len(b)
        for j in range(1, len(b) + 1):
            same = a[i - 1] == b[j - 1]
            swap = 0.0 if same else (0.5 if (a[i - 1], b[j - 1]) in LATIN_CONFUSIONS else 1.0)
            row[j] = min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + swap)
            for wrong, right in _LONG_CONFUSIONS:
                if a[:i].endswith(wrong) and b[:j].endswith(right):
                    row[j] = min(row[j], rows[i - len(wrong)][j - len(right)] + 0.5)
        rows.append(row)
    return rows[-1][-1]
