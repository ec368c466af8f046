"""A malformed query is told in the window's language: each query error code translated."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from reader.library.query_errors import WHY, QueryError
from reader.ui import i18n
from reader.ui.search import query_errors
from tests.ui.test_search import search


def placeholders(text: str) -> set[str]:
    return set(re.findall(r"\{([a-z]+)\}", text))


def message(window) -> str:
    return window.search_panel.summary.message.text()


def test_every_code_has_the_same_words_in_the_window():
    # A code the window lacks would show the English in every language.
    words = query_errors.templates()
    assert words == WHY


def test_every_code_is_translated_with_its_values(qapp):
    i18n.install(qapp, "zh_CN")
    try:
        words = query_errors.templates()
        for code, english in WHY.items():
            assert words[code] != english, code
            assert placeholders(words[code]) == placeholders(english), code
        assert query_errors.date_help().startswith("请写成")
    finally:
        i18n.install(qapp, "en")


def test_a_malformed_query_is_said_in_chinese(qtbot, window, archive, qapp):
    window.open_path(str(archive))
    i18n.install(qapp, "zh_CN")
    try:
        QCoreApplication.processEvents()
        search(qtbot, window, '"供热')
        assert message(window) == '引号 " 没有闭合'
        search(qtbot, window, "date:2022-13")
        assert message(window).startswith("date:2022-13 不是有效的日期；请写成 date:2022、")
        search(qtbot, window, "page:abc")
        assert message(window).startswith("page:abc 不是版次；")
        search(qtbot, window, "number:x")
        assert message(window) == "number:x 不是期号；请写成 number:1810"
    finally:
        i18n.install(qapp, "en")
    search(qtbot, window, '"供热')
    assert message(window) == 'the quote " is not closed'


def test_an_error_without_a_code_keeps_its_words(qapp):
    i18n.install(qapp, "zh_CN")
    try:
        assert query_errors.said(QueryError("--limit must be 0 or more")) == (
            "--limit must be 0 or more"
        )
        assert query_errors.said(ValueError("x")) == "x"
    finally:
        i18n.install(qapp, "en")
