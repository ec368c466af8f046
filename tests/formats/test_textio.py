"""Text files in every encoding a Chinese archive holds are read as the same text."""

from __future__ import annotations

import codecs
import random

import pytest

from reader.formats.common import textio
from reader.formats.common.textio import decode_text, peek_text
from reader.model import CorruptArchive

SIMPLIFIED = (
    "# 今日长子\n\n2022年9月19日\n\n## 我县召开供热工程项目协调会\n\n本报讯 县委书记出席会议。\n"
)
TRADITIONAL = (
    "# 今日長子\n\n2022年9月19日\n\n## 我縣召開供熱工程項目協調會\n\n本報訊 縣委書記出席會議。\n"
)


@pytest.mark.parametrize(
    ("text", "encoding", "bom"),
    [
        (SIMPLIFIED, "utf-8", b""),
        (SIMPLIFIED, "utf-8", codecs.BOM_UTF8),
        (SIMPLIFIED, "utf-16-le", codecs.BOM_UTF16_LE),
        (SIMPLIFIED, "utf-16-be", codecs.BOM_UTF16_BE),
        (SIMPLIFIED, "utf-16-le", b""),
        (SIMPLIFIED, "utf-32-le", codecs.BOM_UTF32_LE),
        (SIMPLIFIED, "gb18030", b""),
        (SIMPLIFIED, "gbk", b""),
        (TRADITIONAL, "big5", b""),
        (TRADITIONAL, "utf-8", b""),
    ],
)
def test_encodings_are_detected(text, encoding, bom):
    assert decode_text(bom + text.encode(encoding), "f.txt") == text


@pytest.mark.parametrize(("text", "encoding"), [("长子县", "gb18030"), ("長子縣", "big5")])
def test_short_text_that_decodes_both_ways_picks_the_plausible_one(text, encoding):
    data = text.encode(encoding)
    data.decode("gb18030")
    data.decode("big5")  # both decode without error: the choice is not by luck
    assert decode_text(data, "f.txt") == text


def test_crlf_and_lf_mixes_become_lf():
    assert decode_text(b"### a\r\nb\r\n\nc\rd\n", "f.md") == "### a\nb\n\nc\nd\n"


def test_truncated_utf8_keeps_what_is_there():
    data = "本报讯 完整的句子。".encode()[:-2]
    assert decode_text(data, "f.txt") == "本报讯 完整的句子"


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty_file"),
        (b"  \r\n\n", "empty_file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary_data"),
        (b"\x01\x02\x03\x04\x05\x06 abc \x07\x08\x0e\x0f" * 10, "binary_data"),
        (b"\xef\xbb\xbf## \xff\xfe", "bad_encoding"),
    ],
)
def test_not_text_is_refused_with_a_reason(data, code):
    with pytest.raises(CorruptArchive) as refused:
        decode_text(data, "f.txt")
    assert refused.value.reason.code == code


def test_peek_never_raises_on_a_cut_head():
    head = SIMPLIFIED.encode("utf-8")[:37]
    assert peek_text(head).startswith("# 今日长子")
    assert peek_text(codecs.BOM_UTF16_LE + "## 标题".encode("utf-16-le")[:5]).startswith("#")


def test_iter_lines_gives_the_lines_of_split_whatever_the_chunk(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rng = random.Random(11)
    for _ in range(2000):
        text = "".join(rng.choice("ab\n中") for _ in range(rng.randint(0, 40)))
        start = rng.randint(0, len(text))
        monkeypatch.setattr(textio, "_LINES_CHUNK", rng.randint(1, 8))
        assert list(textio.iter_lines(text, start)) == text[start:].split("\n")
