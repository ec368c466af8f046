"""Aligning an article's text with its printed words: every change the importers make survives."""

from __future__ import annotations

import pytest

from reader.library.wordmap import align, word_at, words_in


def spans_text(text: str, words: list[str]) -> list[str | None]:
    return [None if s is None else text[s[0] : s[1]] for s in align(text, words)]


def test_plain_words_map_to_their_own_text() -> None:
    text = "Was ist Aufklärung?"
    assert spans_text(text, ["Was", "ist", "Aufklärung?"]) == ["Was", "ist", "Aufklärung?"]


@pytest.mark.parametrize("mark", ["-", "¬", "\u00ad", "⸗", "\u2010", "="])
def test_a_hyphenated_word_maps_to_both_halves(mark: str) -> None:
    text = "Die Aufklärung ist der Ausgang"
    words = ["Die", f"Aufklä{mark}", "rung", "ist", "der", "Ausgang"]
    spans = align(text, words)
    assert spans_text(text, words)[1:3] == ["Aufklä", "rung"]
    match = text.index("Aufklärung")
    assert words_in(spans, match, match + len("Aufklärung")) == [1, 2]


def test_a_kept_hyphen_before_a_capital_maps_to_both_halves() -> None:
    text = "Die General-Synode tagt"
    words = ["Die", "General-", "Synode", "tagt"]
    assert spans_text(text, words) == ["Die", "General", "Synode", "tagt"]
    assert words_in(align(text, words), 4, 18) == [1, 2]


def test_subs_content_the_whole_word_in_the_text_halves_on_the_page() -> None:
    # ALTO: HYP halves "Aufkla-" / "rung" with SUBS_CONTENT "Aufklärung" (the text uses it).
    text = "Beantwortung der Frage: Was ist Aufklärung?"
    words = ["Beantwortung", "der", "Frage:", "Was", "ist", "Aufkla-", "rung?"]
    spans = align(text, words)
    assert spans_text(text, words)[-2:] == ["Aufklä", "rung?"]
    match = text.index("Aufklärung")
    assert words_in(spans, match, match + 10) == [5, 6]


def test_an_ocr_substitution_gets_the_stretch_between_its_neighbours() -> None:
    text = "Caesar crossed the Rubicon"
    assert spans_text(text, ["Caesar", "cr0ssed", "the", "Rubicon"]) == [
        "Caesar",
        "crossed",
        "the",
        "Rubicon",
    ]


def test_a_misread_first_or_last_word_is_placed_at_the_edge() -> None:
    text = "Aufklärung ist der Ausgang"
    assert spans_text(text, ["Aufkl3-", "rung", "ist", "der", "Ausgang"])[0] == "Aufklä"
    assert spans_text(text, ["Aufklärung", "ist", "der", "Ausg4ng"])[-1] == "Ausgang"


def test_a_word_not_in_the_text_and_without_room_is_none() -> None:
    text = "alpha beta gamma"
    spans = align(text, ["alpha", "zzzzzz", "beta", "gamma"])
    assert spans[1] is None
    assert spans_text(text, ["alpha", "beta", "gamma"]) == ["alpha", "beta", "gamma"]


def test_words_missing_at_the_start_of_a_long_text_stay_unplaced() -> None:
    # Not a misreading at the edge: the stretch before is far longer than the words.
    text = "the long opening of the article " * 5 + "then our words"
    spans = align(text, ["xqzv", "our", "words"])
    assert spans[0] is None
    assert spans_text(text, ["our", "words"]) == ["our", "words"]


def test_line_joins_and_whitespace_do_not_matter() -> None:
    text = "so she was  considering\nin her own mind"
    words = ["so", "she", "was", "considering", "in", "her", "own", "mind"]
    assert spans_text(text, words) == words


def test_cjk_without_spaces_in_the_text_and_split_in_words() -> None:
    text = "北京市人民政府发布通知"
    words = ["北京", "市", "人民", "政府", "发布", "通知"]
    assert spans_text(text, words) == words


def test_cjk_with_ideographic_spaces_and_full_width_forms() -> None:
    text = "空气质量 PM2.5 指数"
    words = ["空气", "质量", "ＰＭ２．５", "指", "数"]
    assert spans_text(text, words) == ["空气", "质量", "PM2.5", "指", "数"]
    assert spans_text("北京\u3000市", ["北京市"]) == ["北京\u3000市"]


def test_offsets_are_python_str_offsets_past_astral_characters() -> None:
    text = "𠮷野家で牛丼を食べた"
    spans = align(text, ["𠮷野家", "で", "牛丼", "を", "食べた"])
    assert spans[0] == (0, 3)  # 𠮷 is one str character (two UTF-16 units)
    assert spans[2] == (4, 6)
    assert text[slice(*spans[2])] == "牛丼"  # type: ignore[misc]


def test_old_spellings_ligatures_and_case_fold() -> None:
    assert spans_text("Diese Straße", ["DIESE", "STRASSE"]) == ["Diese", "Straße"]
    assert spans_text("der Geiſt", ["der", "Geist"]) == ["der", "Geiſt"]
    assert spans_text("ﬁsh and chips", ["fish", "and", "chips"]) == ["ﬁsh", "and", "chips"]
    assert spans_text("fish and chips", ["ﬁsh", "and", "chips"]) == ["fish", "and", "chips"]


def test_decomposed_accents_in_either_text_or_words() -> None:
    decomposed = "Aufkla\u0308rung"
    assert spans_text(decomposed, ["Aufklärung"]) == [decomposed]
    assert spans_text("Aufklärung", [decomposed]) == ["Aufklärung"]


def test_words_that_are_only_marks_are_none() -> None:
    assert align("a b", ["a", "-", "", "b"])[1:3] == [None, None]


def test_the_words_of_a_second_page_start_far_into_the_text() -> None:
    first_page = " ".join(f"word{n}" for n in range(200))
    text = f"{first_page} Ausgang des Menschen aus seiner Unmündigkeit"
    words = ["Ausgang", "des", "Menschen", "aus", "seiner", "Unmündigkeit"]
    assert spans_text(text, words) == words


def test_reordered_blocks_are_found_behind_the_cursor() -> None:
    text = "first block words here. second block follows on"
    words = ["second", "block", "follows", "on", "first", "block", "words", "here."]
    assert spans_text(text, words) == words


def test_a_short_repeated_word_is_taken_where_the_text_goes_on() -> None:
    text = "a cat and a dog and a bird"
    spans = align(text, ["a", "cat", "and", "a", "dog", "and", "a", "bird"])
    assert [s[0] for s in spans if s] == [0, 2, 6, 10, 12, 16, 20, 22]


def test_words_in_and_word_at() -> None:
    text = "one two three"
    spans = align(text, ["one", "two", "three"])
    assert words_in(spans, 0, 3) == [0]
    assert words_in(spans, 2, 5) == [0, 1]
    assert words_in(spans, 3, 4) == []  # the space between them
    assert word_at(spans, 5) == 1
    assert word_at(spans, 3) == 1  # the space: the next word
    assert word_at(spans, 13) is None
    assert word_at([None, (4, 7)], 0) == 1


def test_empty_text_and_no_words() -> None:
    assert align("", ["a"]) == [None]
    assert align("text", []) == []


def test_a_second_pages_first_words_are_not_found_inside_the_title() -> None:
    # The Delpher sale notice of 1813: page 2 goes on "V Op MAANDAG"; V and Op were taken
    # from inside the title's VERKOOPING, and the page marked them as a title match.
    text = "EXTRA VERKOOPING.\n\nV* Op WOENSDAG den 17 November zal. V Op MAANDAG den 22"
    words = ["V", "Op", "MAANDAG", "den", "22"]
    spans = align(text, words)
    assert spans_text(text, words) == words
    assert spans[0] is not None and spans[0][0] == text.index("V Op MAANDAG")
