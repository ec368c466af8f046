"""The find bar's matching: search's folding, any substring, spans of the original text."""

from __future__ import annotations

import pytest

from reader.index import find_folded, snippets
from reader.library import Library

TEXT = "長子縣 ＰＭ２．５ 指数 DÉCEMBRE 2022\n供\n\n热工程 𠮷祥村 infor-\nmation well-\nknown"


def found(text: str, needle: str) -> list[str]:
    return [text[start:end] for start, end in find_folded(text, needle)]


@pytest.mark.parametrize(
    ("needle", "original"),
    [
        ("长子", "長子"),  # Simplified finds Traditional
        ("長子縣", "長子縣"),
        ("长子县", "長子縣"),
        ("pm2.5", "ＰＭ２．５"),  # width and case
        ("PM2.5", "ＰＭ２．５"),
        ("ＰＭ２", "ＰＭ２"),
        ("decembre", "DÉCEMBRE"),  # accents and case
        ("Décembre", "DÉCEMBRE"),
        ("cemb", "CEMB"),  # any substring, not only whole words
        ("ecembre 20", "ÉCEMBRE 20"),
        ("供热", "供\n\n热"),  # line breaks between CJK letters are bridged
        ("2022 供", "2022\n供"),  # ... between a digit and a letter they are a space
        ("祥村", "祥村"),
        ("information", "infor-\nmation"),  # a word hyphenated at a line's end
        ("infor-mation", "infor-\nmation"),
        ("well-known", "well-\nknown"),
    ],
)
def test_finds_the_folded_needle_and_gives_the_original_span(needle: str, original: str) -> None:
    assert found(TEXT, needle) == [original]


def test_offsets_count_code_points_so_after_a_supplementary_character_they_are_exact() -> None:
    text = "𠮷祥村，𠮷祥"
    assert find_folded(text, "祥") == [(1, 2), (5, 6)]
    assert find_folded(text, "𠮷祥") == [(0, 2), (4, 6)]


def test_matches_are_in_order_and_do_not_overlap() -> None:
    assert find_folded("aaaa", "aa") == [(0, 2), (2, 4)]
    assert find_folded("長长長", "长") == [(0, 1), (1, 2), (2, 3)]


def test_a_ligature_is_highlighted_once() -> None:
    assert find_folded("ﬀ", "f") == [(0, 1)]


def test_nothing_to_find() -> None:
    assert find_folded(TEXT, "") == []
    assert find_folded(TEXT, "\u200b") == []  # folds to nothing
    assert find_folded("", "长子") == []
    assert find_folded(TEXT, "长沙") == []
    assert find_folded(TEXT, "供 热 工程 x") == []


def test_a_space_typed_is_not_a_word_break_in_latin_text() -> None:
    assert found("new york", "newyork") == []
    assert found("new\nyork", "new york") == ["new\nyork"]


def test_the_same_text_folds_once() -> None:
    text = "长子县" * 1000 + "本报讯"
    snippets._findable.cache_clear()
    for needle in ("本", "本报", "本报讯"):
        assert len(find_folded(text, needle)) == 1
    assert snippets._findable.cache_info().misses == 1


def test_library_find_text_is_find_folded() -> None:
    assert Library.find_text(TEXT, "长子") == find_folded(TEXT, "长子") == [(0, 2)]
