"""Texts fit where they are shown at the default window size: no label squeezed out of sight."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from reader.ui import i18n
from tests.ui.test_search import search


@pytest.fixture
def english():
    yield
    i18n.install(QApplication.instance(), "en")


def one_line(label) -> bool:
    """``label`` needs no more than one line at the width it has."""
    return label.heightForWidth(label.width()) < 2 * label.fontMetrics().lineSpacing()


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_hit_count_is_one_line_at_the_default_width(
    qtbot, qapp, window, archive, english, language
):
    i18n.install(qapp, language)
    window.open_path(str(archive))
    panel = window.search_panel
    label = panel.count_label
    for query, count in [("供热", "3"), ("zzzz", "")]:
        search(qtbot, window, query)
        qtbot.waitUntil(lambda q=query: panel.request is not None and panel.request.query == q)
        qtbot.waitUntil(lambda c=count: c in label.text() and label.isVisible())
        assert one_line(label), (label.text(), label.width(), label.height())
