"""The find bar folds as search does: 长子 finds 長子, decembre DÉCEMBRE, in either text mode."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from tests.ui.conftest import type_text, write_archive

PARAGRAPHS = ["𠮷祥村位于長\n子縣，DÉCEMBRE 2022 起供\n热，ＰＭ２．５ 下降。", "長子縣供热通知。"]
ISSUES = [(dt.date(2022, 12, 5), 120, [("", "县城供暖", PARAGRAPHS, "陈静")])]


@pytest.fixture
def window(make_window, tmp_path):
    window = make_window()
    window.open_path(str(write_archive(tmp_path / "folding", ISSUES)))
    return window


def find(qtbot, window, text: str) -> list[str]:
    """Open the find bar with Ctrl+F, type ``text``; the highlighted texts."""
    qtbot.keyClick(window.pane.browser, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.pane.find_bar
    assert bar.isVisible() and bar.field.hasFocus()
    bar.field.clear()
    type_text(bar.field, text)
    return [s.cursor.selectedText() for s in window.pane.browser.extraSelections()]


def test_simplified_finds_traditional(qtbot, window):
    assert find(qtbot, window, "长子县") == ["長子縣", "長子縣"]
    assert window.pane.find_bar.count.text() == "1/2"
    qtbot.keyClick(window.pane.find_bar.field, Qt.Key.Key_Return)
    assert window.pane.find_bar.count.text() == "2/2"


def test_case_width_and_accents_fold(qtbot, window):
    assert find(qtbot, window, "decembre") == ["DÉCEMBRE"]
    assert window.pane.find_bar.count.text() == "1/1"
    assert find(qtbot, window, "pm2.5") == ["ＰＭ２．５"]
    assert find(qtbot, window, "CEMB") == ["CEMB"]  # any part of a word, as a browser finds


def test_original_lines_mode_finds_across_the_breaks_and_after_a_supplementary_character(
    qtbot, window
):
    window.action_set.original_text.trigger()
    assert window.pane.original_text is not None
    assert find(qtbot, window, "长子") == ["長\u2029子", "長子"]
    assert window.pane.find_bar.count.text() == "1/2"
    # 𠮷 is two positions for Qt: the span after it is still exactly the characters found.
    assert find(qtbot, window, "祥村位于长") == ["祥村位于長"]
    assert find(qtbot, window, "起供热") == ["起供\u2029热"]
    assert find(qtbot, window, "长沙") == []
    assert window.pane.find_bar.count.text() == "Not found"
