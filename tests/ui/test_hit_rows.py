"""The hit list shows where a name matched: a byline that matched is marked in the hit's row."""

from __future__ import annotations

from reader.ui.core.rows import HTML_ROLE
from tests.ui.test_search import search


def rows_html(window) -> list[str]:
    model = window.search_panel.model
    return [model.data(model.index(r, 0), HTML_ROLE) for r in range(model.rowCount())]


def test_a_reporters_name_is_marked_in_the_hit_row(qtbot, window, archive):
    window.open_path(str(archive))
    assert window.search_panel.index_ready
    search(qtbot, window, "刘洋")
    (row,) = rows_html(window)
    assert '<div class="meta">张伟 <span class="hit">刘洋</span></div>' in row
    # A search that matches only the text shows no byline line.
    search(qtbot, window, "协调会")
    (row,) = rows_html(window)
    assert "张伟" not in row and '<span class="hit">协调会</span>' in row
