"""Terminal tables count CJK characters as two columns."""

from __future__ import annotations

from reader.cli.tables import clip, clip_left, render, render_reasons, width, wrap


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


def test_wrap_breaks_at_spaces_and_inside_what_is_wider_than_a_line():
    assert wrap("aaa bbb  ccc", 7) == ["aaa bbb", "ccc"]
    assert wrap("今日长子报", 4) == ["今日", "长子", "报"]
    assert wrap("x" * 10, 4) == ["xxxx", "xxxx", "xx"]
    assert wrap("a 长长长", 3) == ["a", "长", "长", "长"]
    assert wrap("", 5) == [""]


REASON = "not well-formed XML (damaged or cut off?): AttValue: ' expected, line 59, column 62"


def test_reasons_are_whole_when_piped_and_wrapped_on_a_terminal():
    rows = [("alto/truncated_alto.xml", REASON), ("长长的文件名/第一期.txt", "the file is empty")]
    piped = render_reasons(("FILE", "PROBLEM"), rows, None).splitlines()
    assert piped[1] == f"alto/truncated_alto.xml  {REASON}"
    assert len(piped) == 3
    shown = render_reasons(("FILE", "PROBLEM"), rows, 60).splitlines()
    assert all(width(line) <= 60 for line in shown)
    # The reason's lines start under PROBLEM and, joined, are the reason.
    at = shown[0].index("PROBLEM")
    assert " ".join(line[at:] for line in shown[1:-1]) == REASON
    assert (
        shown[-1].startswith("长长的文件名/第一期.txt")
        and width(shown[-1][: shown[-1].index("the")]) == at
    )
    # A terminal too narrow for both cuts the file from the left, never the reason.
    narrow = render_reasons(("FILE", "PROBLEM"), rows, 44).splitlines()
    assert all(width(line) <= 44 for line in narrow)
    assert narrow[1].startswith("…")
    assert " ".join(line.split("  ", 1)[1].strip() for line in narrow[1:-1]) == REASON
