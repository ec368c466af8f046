"""Index terms: CJK characters and bigrams, words, marks and spaces at unit positions."""

from __future__ import annotations

import pickle
from array import array

import pytest

from reader.index import units
from reader.index.analysis import (
    LONG_FIELD,
    PART_GAP,
    FoldedText,
    FoldingAnalyzer,
    PositionsFormat,
    chain,
    is_word_char,
    pack_positions,
    term_positions,
)


def test_cjk_run_gives_characters_and_bigrams() -> None:
    assert term_positions(["供热工程"]) == {
        "供": [0],
        "热": [1],
        "工": [2],
        "程": [3],
        "供热": [0],
        "热工": [1],
        "工程": [2],
    }


def test_words_marks_and_spaces_are_units() -> None:
    terms = term_positions(["PM2.5 超标, COVID-19"])
    assert terms["pm2"] == [0]
    assert terms["."] == [1]
    assert terms["5"] == [2]
    assert terms[" "] == [3, 7]
    assert terms["超标"] == [4]
    assert terms[","] == [6]
    assert terms["covid"] == [8]
    assert terms["-"] == [9]
    assert terms["19"] == [10]


def test_mixed_latin_and_cjk() -> None:
    terms = term_positions(["2022年5G基站"])
    assert terms["2022"] == [0]
    assert terms["年"] == [1]
    assert terms["5g"] == [2]
    assert terms["基站"] == [3]
    assert "年5" not in terms


def test_ocr_line_break_inside_a_word_is_bridged() -> None:
    assert term_positions(["供热\n工程"]) == term_positions(["供热工程"])


def test_parts_never_join() -> None:
    terms = term_positions(["精卫湖", "康养"])
    assert "湖康" not in terms
    assert terms["康养"] == [3 + PART_GAP]


def test_traditional_and_full_width_fold_to_the_same_terms() -> None:
    assert term_positions(["長子縣ＰＭ２．５"]) == term_positions(["长子县pm2.5"])


def test_chain_links() -> None:
    found = chain("人民银行")
    assert found is not None
    assert found.links == ((0, "人民"), (2, "银行"))
    odd = chain("全县经济社会发展会")
    assert odd is not None
    assert odd.links == ((0, "全县"), (2, "经济"), (4, "社会"), (6, "发展"), (7, "展会"))
    assert chain("李") is not None and chain("李").links == ((0, "李"),)  # type: ignore[union-attr]
    mixed = chain("2022年")
    assert mixed is not None and mixed.links == ((0, "2022"), (1, "年"))
    spaced = chain(" new  york ")
    assert spaced is not None and spaced.folded == "new york"
    assert spaced.links == ((0, "new"), (1, " "), (2, "york"))
    assert chain("\u200b") is None


def test_chain_offsets_agree_with_indexed_positions() -> None:
    text = "今年，全县PM2.5平均浓度下降；5G基站建成。"
    indexed = term_positions([text])
    for term in ("PM2.5平均", "5G基站建成。", "浓度下降", "，全县"):
        found = chain(term)
        assert found is not None
        starts = [set(p - off for p in indexed.get(t, [])) for off, t in found.links]
        assert set.intersection(*starts), term


def test_word_characters() -> None:
    assert is_word_char("a") and is_word_char("7") and is_word_char("é")
    assert not is_word_char("长") and not is_word_char("_") and not is_word_char("-")


def test_positions_format_round_trip() -> None:
    fmt = PositionsFormat(field_boost=2.0)
    value = pack_positions([3, 70000, 5])
    assert fmt.decode_positions(value) == [3, 70000, 5]
    assert fmt.decode_frequency(value) == 3
    assert fmt.decode_weight(value) == 6.0
    assert fmt.decode_positions(pack_positions([9])) == [9]
    many = list(range(0, 300, 3))
    assert fmt.decode_positions(pack_positions(many)) == many
    assert fmt.decode_positions(fmt.combine([pack_positions([1, 5]), pack_positions([3])])) == [
        1,
        3,
        5,
    ]


def test_analyzer_yields_what_the_field_indexes() -> None:
    text = ("标题", "长子县PM2.5 达标")
    tokens = [(t.text, t.pos) for t in FoldingAnalyzer()(text, positions=True)]
    expected = sorted((p, t) for t, ps in term_positions(text).items() for p in ps)
    assert [(p, t) for t, p in tokens] == expected
    field = FoldedText(field_boost=3.0)
    postings = {t: (f, w) for t, f, w, _ in field.index(text)}
    assert postings["长子".encode()] == (1, 3.0)


def test_field_type_pickles_at_a_stable_path() -> None:
    data = pickle.dumps(FoldedText(field_boost=5.0))
    assert b"reader.index.analysis" in data
    restored = pickle.loads(data)
    assert restored.format.field_boost == 5.0
    assert isinstance(restored.analyzer, FoldingAnalyzer)


def test_a_long_field_keeps_the_same_positions_in_arrays(monkeypatch: pytest.MonkeyPatch) -> None:
    text = ("县委书记在PM2.5监测站调研。 The council met, 2022年。\n" * 9000)[:300_000]
    long = term_positions([text, "标题"])
    assert len(text) > LONG_FIELD
    assert all(isinstance(p, array) for p in long.values())
    monkeypatch.setattr(units, "LONG_FIELD", 10**9)
    short = term_positions([text, "标题"])
    assert all(isinstance(p, list) for p in short.values())
    assert {t: list(p) for t, p in long.items()} == short
    for term in ("县", "县委", "pm2", " ", "标题"):
        assert pack_positions(long[term]) == pack_positions(short[term])
        assert len(pack_positions(long[term])) == 4 * len(short[term])
