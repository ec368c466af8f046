"""Terminal tables count CJK characters as two columns."""

from __future__ import annotations

from reader.cli.tables import clip, clip_left, render, width


def test_width_counts_wide_characters_twice():
    assert width("abc") == 3
    assert width("今日长子") == 8
    assert width("２０２２") == 8


def test_clips_keep_within_the_columns():
    assert clip("今日长子报", 7) == "今日长…"
    assert width(clip("今日长子报", 7)) <= 7
    assert clip_left("a/b/c/issue-METS.xml", 12) == "…ue-METS.xml"
    assert clip_left("short", 12) == "short"
    assert width(clip_left("长长长长长长.txt", 9)) <= 9


def test_render_aligns_columns_after_cjk_cells():
    table = render(("A", "B"), [("今日长子", "x"), ("ab", "y")]).splitlines()
    assert [width(line[: line.index(end)]) for line, end in zip(table, "Bxy", strict=True)] == [
        10,
        10,
        10,
    ]
