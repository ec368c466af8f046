"""Which mastheads are suspected misreads: the county weekly's, a British paper's, and real titles left alone."""

from __future__ import annotations

import pytest

from reader.library import Library
from reader.library.confusions import edit_cost
from reader.library.misreads import suggest
from tests.library.weekly import write_weekly

ENGLISH = (
    ("Shipping news", "The Standard reports that three ships arrived from New York this week."),
    (
        "Markets",
        "Cotton rose again, the Standard learns, and the Modern market and the Modern shops were busy.",
    ),
)


def found(tmp_path, mastheads, articles=None, **kwargs):
    extra = {} if articles is None else {"articles": articles}
    archive = write_weekly(tmp_path / "archive", mastheads, **extra)
    with Library.open(archive, use_cache=False) as library:
        return [(s.masthead, s.name) for s in suggest(library.issues, **kwargs)]


def test_a_latin_misread_beside_the_majority_spelling(tmp_path):
    mastheads = ["Liverpool Standard"] * 3 + ["Liverpool Standarb"]
    assert found(tmp_path, mastheads, ENGLISH) == [("Liverpool Standarb", "Liverpool Standard")]


def test_a_latin_misread_told_by_the_text_alone(tmp_path):
    # No issue is spelled right; the articles say Modern, never Modem (rn read as m).
    assert found(tmp_path, ["The Modem Times"] * 2, ENGLISH) == [
        ("The Modem Times", "The Modern Times")
    ]


def test_the_misread_without_text_support_is_told_by_the_majority(tmp_path):
    articles = (("Shipping news", "Three ships arrived from New York this week."),)
    mastheads = ["Liverpool Standard"] * 3 + ["Liverpool Standarb"]
    assert found(tmp_path, mastheads, articles) == [("Liverpool Standarb", "Liverpool Standard")]


@pytest.mark.parametrize(
    ("mastheads", "articles"),
    [
        # Different real titles of one archive.
        (
            ["人民日报"] * 5 + ["人民日报海外版"] * 2,
            (("要闻", "人民日报海外版今日出版，人民群众关心人民生活。"),),
        ),
        (
            ["北京日报"] * 6 + ["北京晚报"] * 2,
            (("要闻", "北京日报记者报道，晚上北京晚报也报道了日报的消息。"),),
        ),
        (["Evening Post"] * 4 + ["Evening Star"], ENGLISH),
        (["Daily News"] * 5 + ["Daily Mews"], ENGLISH),
        (["The Times"] * 5 + ["The Tines"], ENGLISH),
        # The majority spelling is never suggested away towards a word of its text (今年).
        (["今日长子"] * 4, (("秋收", "今年长子县收成好，今年长子县的供热也通了。"),)),
        # The masthead's odd character is a common one of its own text: no misread.
        (["今日长孑"] * 2, (("孑", "长子县的孑孓很多，孑孓是蚊子的幼虫，孑然一身的孑。"),)),
        # An equal share and no word of the text for either: nothing to tell them apart.
        (["Liverpool Standard", "Liverpool Standarb"], (("News", "Ships arrived."),)),
    ],
)
def test_real_titles_are_left_alone(tmp_path, mastheads, articles):
    assert found(tmp_path, mastheads, articles) == []


def test_declared_and_dismissed_names_are_not_suggested(tmp_path):
    mastheads = ["今日长子"] * 4 + ["今日长孑"]
    assert found(tmp_path, mastheads) == [("今日长孑", "今日长子")]
    assert found(tmp_path, mastheads, dismissed=["今日长孑"]) == []
    assert found(tmp_path, mastheads, declared=["今日长孑"]) == []


def test_ocr_confusions_cost_half_an_edit():
    assert edit_cost("Liverpool Standarb", "Liverpool Standard") == 0.5
    assert edit_cost("The Modem Times", "The Modern Times") == 0.5
    assert edit_cost("Daily Mews", "Daily News") == 1.0
    assert edit_cost("Evening Post", "Evening Star") == 4.0
