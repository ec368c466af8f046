"""Dates, numbers, bylines and paragraph joining as they appear in OCR'd newspapers."""

from __future__ import annotations

import datetime as dt
import functools
import random

import pytest

from reader.formats.common import prose
from reader.formats.common.dates import (
    chinese_number,
    find_date,
    find_numbers,
    parse_date,
    parse_record_date,
)
from reader.formats.common.prose import byline_names, is_dateline, join_lines, reflow


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2022年9月19日  总1810期", dt.date(2022, 9, 19)),
        ("２０２２年９月１９日", dt.date(2022, 9, 19)),
        ("2022 年 09 月 19 日", dt.date(2022, 9, 19)),
        ("2022-09-19", dt.date(2022, 9, 19)),
        ("2022/9/19", dt.date(2022, 9, 19)),
        ("September 19, 2022", dt.date(2022, 9, 19)),
        ("Mon., Sept. 19th 2022", dt.date(2022, 9, 19)),
        ("19 September 2022", dt.date(2022, 9, 19)),
        ("20220919.txt", dt.date(2022, 9, 19)),
        ("2022年2月30日", None),
        ("no date here", None),
    ],
)
def test_find_date(text, expected):
    assert find_date(text) == expected


# The two parsers of dates written by machines differ on purpose: NewsML/NITF write ISO 8601
# basic as well as extended; library records write ISO extended or day.month.year.
@pytest.mark.parametrize(
    ("text", "metadata", "record"),
    [
        ("2016-10-18T11:12:00-05:00", dt.date(2016, 10, 18), dt.date(2016, 10, 18)),
        ("20161018T120000", dt.date(2016, 10, 18), dt.date(2016, 10, 18)),
        ("18581207", dt.date(1858, 12, 7), None),
        ("2016-10-181", None, dt.date(2016, 10, 18)),
        ("01.08.1821", None, dt.date(1821, 8, 1)),
        ("2016-02-30", None, None),
        ("printed September 19, 2022", dt.date(2022, 9, 19), dt.date(2022, 9, 19)),
        ("", None, None),
    ],
)
def test_parse_date_and_parse_record_date(text, metadata, record):
    assert parse_date(text) == metadata
    assert parse_record_date(text) == record


def test_find_numbers():
    assert find_numbers("总1810期") == ("1810", ("总1810期",))
    assert find_numbers("第 3 期") == ("3", ("第3期",))
    assert find_numbers("Vol. 2, No. 45") == ("45", ("No. 45",))
    assert find_numbers("no number") == ("", ())


@pytest.mark.parametrize(
    ("text", "n"), [("一", 1), ("十", 10), ("十五", 15), ("二十", 20), ("3", 3)]
)
def test_chinese_number(text, n):
    assert chinese_number(text) == n


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("张晓明 郭强", ("张晓明", "郭强")),
        ("燕慧 瑞杰 刘", ("燕慧", "瑞杰", "刘")),
        ("马丽虹", ("马丽虹",)),
        ("本报记者 王小明", ("王小明",)),
        ("阿依古丽·买买提 李四", ("阿依古丽·买买提", "李四")),
        ("会议结束了", None),
        ("刘", None),
        ("待续", None),
        ("郭强指出，供热工程是一项重要的民生工程", None),
        ("甲 乙 丙 丁 戊", None),
        ("John Smith", None),
    ],
)
def test_byline_names(line, names):
    assert byline_names(line) == names


def test_join_lines():
    assert join_lines("各级各部门要", "高度重视") == "各级各部门要高度重视"
    assert join_lines("a hyphen-", "ated word") == "a hyphenated word"
    assert join_lines("New-", "York") == "New- York"
    assert join_lines("two", "words") == "two words"


def test_reflow_joins_only_mid_sentence_breaks():
    assert reflow(["一句话没有说", "完。", "新的一段。", "本报讯 另起"]) == [
        "一句话没有说完。",
        "新的一段。",
        "本报讯 另起",
    ]
    assert reflow(["没有结束", "本报讯 新闻"]) == ["没有结束", "本报讯 新闻"]


@pytest.mark.parametrize(
    ("paragraph", "dateline"),
    [
        ("本报讯 9月11日，", True),
        ("新华社北京电 记者", True),
        ("【新华社延安十日电】记者顷以", True),
        ("【新华社晋冀鲁豫总分社邯郸讯】民营银行", True),
        ("【本市消息】军区文艺工作团", True),
        ("【注】本文有删节。", False),
        ("大公报北平讯：沈阳", False),
    ],
)
def test_is_dateline(paragraph, dateline):
    assert is_dateline(paragraph) is dateline
    # A dateline opens a paragraph of its own, even after a sentence left unfinished.
    assert len(reflow(["没有结束", paragraph])) == (2 if dateline else 1)


def test_join_all_joins_as_join_lines_one_after_another() -> None:
    rng = random.Random(5)
    alphabet = ["a", "Z", "-", "- ", " ", "中", "。", "x-", " -", "é", "\u3000", "\ufeff"]
    for _ in range(20_000):
        pieces = [
            "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 4)))
            for _ in range(rng.randint(1, 40))
        ]
        assert prose.join_all(pieces) == functools.reduce(prose.join_lines, pieces), pieces


def test_a_paragraph_of_many_lines_is_joined_with_one_space_between_them() -> None:
    lines = [f"line {n} of a very long paragraph cut by OCR" for n in range(20_000)]
    text = prose.join_all(lines)
    assert text.startswith("line 0 of") and text.endswith(
        "line 19999 of a very long paragraph cut by OCR"
    )
    assert len(text) == sum(map(len, lines)) + len(lines) - 1
