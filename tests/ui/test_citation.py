"""Edit › Copy with Citation: the article's own style (GB/T 7714 for Chinese), or the one chosen.

The forms themselves are tested in tests/library/test_citations.py.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from tests.conftest import SAMPLE_ISSUES


def test_copy_menu_chooses_the_style(window):
    window.open_path(str(SAMPLE_ISSUES))
    window.action_set.copy_citation.trigger()
    text = QGuiApplication.clipboard().text()
    assert text.startswith("我县召开供热工程项目协调会\n张晓明 郭强\n\n本报讯 9月11日")
    # The standard's form: authors, title[N], paper, date; no "— 今日长子, …, 《…》".
    assert text.endswith("\n\n张晓明, 郭强. 我县召开供热工程项目协调会[N]. 今日长子, 2022-09-19.\n")
    window.action_set.copy_chicago.trigger()
    assert (
        QGuiApplication.clipboard()
        .text()
        .endswith(
            "\n\n张晓明 and 郭强. “我县召开供热工程项目协调会.” 今日长子, September 19, 2022.\n"
        )
    )
    window.action_set.copy_gbt.trigger()
    assert QGuiApplication.clipboard().text().endswith("今日长子, 2022-09-19.\n")
