"""Folding: width, case, accents, Traditional→Simplified, invisible characters, OCR breaks; offsets."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from reader.index import fold as fold_module
from reader.index.fold import fold, is_cjk, t2s_table
from reader.index.fold_offsets import fold_with_offsets


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("ＰＭ２．５", "pm2.5"),
        ("COVID-19", "covid-19"),
        ("長子縣", "长子县"),
        ("长子县", "长子县"),
        ("頭髮", "头发"),
        ("供热\n工程", "供热工程"),
        ("供热 \u3000 \n工程", "供热工程"),
        ("供 热", "供热"),
        ("5G 基站", "5g 基站"),
        ("new   york\n\ncity", "new york city"),
        ("零\u200b宽", "零宽"),
        ("soft\xadhyphen", "softhyphen"),
        ("\ufeff本报讯", "本报讯"),
        ("Straße", "strasse"),
        ("（区）", "(区)"),
        # Hyphens a keyboard cannot type are its own: Fraktur's ⸗, the typographic ones,
        # the en dash; the em dash (a break in a sentence) is not a hyphen.
        ("General⸗Synode", "general-synode"),
        ("Verkehrs⸗Anſtalten", "verkehrs-anstalten"),
        ("e‐mail", "e-mail"),
        ("e‑mail", "e-mail"),
        ("1914–1918", "1914-1918"),
        ("a—b", "a—b"),
        # Accents go (Latin, Greek, Cyrillic), as on the library portals: décembre is decembre.
        ("café", "cafe"),
        ("cafe\u0301", "cafe"),
        ("DÉCEMBRE", "decembre"),
        ("Müller", "muller"),
        ("Ελλάδα", "ελλαδα"),
        ("ёлка", "елка"),
        # ... but a kana's voicing mark is part of the letter.
        ("がくせい", "がくせい"),
        ("か\u3099", "が"),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_space_between_cjk_and_latin_is_kept() -> None:
    assert fold("2022 年") == "2022 年"
    assert fold("年 2022") == "年 2022"


def test_t2s_table_is_closed_and_one_to_one() -> None:
    table = t2s_table()
    assert table["長"] == "长"
    assert all(len(k) == 1 and len(v) == 1 for k, v in table.items())
    assert all(v not in table or table[v] == v for v in table.values())


def test_fold_is_idempotent_on_every_bmp_character() -> None:
    for code in range(0x20, 0x10000):
        if 0xD800 <= code < 0xE000:
            continue
        once = fold(chr(code))
        assert fold(once) == once, hex(code)


def test_cjk_class_includes_characters_beyond_the_bmp() -> None:
    assert is_cjk("𠮷") and is_cjk("长") and is_cjk("か") and is_cjk("한")
    assert not is_cjk("a") and not is_cjk("，") and not is_cjk("1")


@pytest.mark.parametrize(
    "text",
    [
        "吉野家の𠮷野家\n\n𠮷 田",
        "ＰＭ２．５ 超标㎡①ﬁ",
        "cafe\u0301 vs café, İstanbul ß",
        "零\u200b宽 \ufeff字符\xad",
        "  leading and trailing  ",
        "",
    ],
)
def test_offsets_map_each_folded_character_to_its_source(text: str) -> None:
    folded = fold_with_offsets(text)
    assert folded.text == fold(text)
    for i, char in enumerate(folded.text):
        start, end = folded.span(i, i + 1)
        assert 0 <= start < end <= len(text)
        source = text[start:end]
        assert char in fold(source) or (char == " " and not source.strip())


def test_offsets_of_a_match_beyond_the_bmp() -> None:
    text = "前文𠮷野家，後文"
    folded = fold_with_offsets(text)
    at = folded.text.find("𠮷野")
    assert folded.span(at, at + 2) == (2, 4)
    assert text[2:4] == "𠮷野"
    at = folded.text.find("后文")
    assert text[slice(*folded.span(at, at + 2))] == "後文"


def test_offsets_agree_with_fold_on_random_text() -> None:
    rnd = random.Random(5)
    alphabet = "供热工程長子縣𠮷 \n\u3000ＡＢab12，。·-\u200b\u0301é"
    for _ in range(300):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 30)))
        folded = fold_with_offsets(text)
        assert folded.text == fold(text), repr(text)
        spans = [folded.span(i, i + 1) for i in range(len(folded.text))]
        assert spans == sorted(spans)
        for i, (start, end) in enumerate(spans):
            assert folded.text[i] in fold(text[start:end]) or folded.text[i] == " "


def test_t2s_table_is_cached_where_the_caller_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fold_module, "_cache_root", lambda: tmp_path / "cache")
    cache = fold_module._t2s_cache_file()
    assert cache is not None and cache.is_relative_to(tmp_path / "cache")
    built = t2s_table.__wrapped__()
    assert cache.exists()
    assert t2s_table.__wrapped__() == built == t2s_table()
    cache.write_text("not json", encoding="utf-8")
    assert t2s_table.__wrapped__() == built


def test_without_a_cache_root_the_table_stays_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fold_module, "_cache_root", lambda: None)
    monkeypatch.chdir(tmp_path)
    assert fold_module._t2s_cache_file() is None
    assert t2s_table.__wrapped__() == t2s_table()
    assert list(tmp_path.iterdir()) == []
