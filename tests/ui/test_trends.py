"""The trends view: whole years on the axis (1813 unclipped), bars never thin, clicks, keys, export."""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMessageBox

from reader.ui import i18n
from reader.ui.app.shortcuts import ShortcutsDialog
from reader.ui.app.window import MainWindow
from reader.ui.core.colours import contrast, dark_palette, is_dark
from reader.ui.search.trends_export import EXPORT_SIZE
from reader.ui.search.trends_layout import MIN_BAR, Look
from tests.ui.conftest import write_archive

# A weekly paper's few surviving issues, from 1813 to 2022: a span of 210 years.
SPAN = [
    (dt.date(1813, 11, 16), 1, [("", "城中报纸告白", ["报纸今日刊出告白。"], "甲")]),
    (dt.date(1850, 3, 1), 2, [("", "河工", ["河工告竣。"], "乙")]),
    (
        dt.date(1946, 5, 15),
        3,
        [("", "报纸创刊", ["报纸今日创刊。"], "丙"), ("", "春耕", ["供热之外，春耕忙。"], "丁")],
    ),
    (dt.date(1946, 5, 16), 4, [("", "报纸二期", ["报纸二期出版。"], "戊")]),
    (dt.date(2022, 9, 19), 5, [("", "供热工程", ["供热工程报纸报道。"], "己")]),
]


@pytest.fixture
def trends(qtbot, window, tmp_path):
    """The window on the 1813–2022 archive, searching 报纸, with the trends view shown."""
    window.open_path(str(write_archive(tmp_path / "span", SPAN)))
    window.search_panel.search("报纸")
    window.action_set.trends.trigger()
    assert window.trends.isVisible()
    return window.trends


def hit_years(panel) -> set[int]:
    return {panel.model.hit(r).date.year for r in range(panel.model.rowCount())}


def chart_at(trends, width: int):
    """The chart after its view is made ``width`` pixels wide."""
    trends.view.resize(width, 320)
    trends.view.redraw()
    return trends.view.chart


def assert_labels_fit(texts_and_boxes, widget_rect: QRect, metrics) -> None:
    boxes = []
    for text, left, width in texts_and_boxes:
        assert width >= metrics.horizontalAdvance(text), text  # the whole text fits its box
        assert widget_rect.left() <= left and left + width <= widget_rect.right() + 1, text
        boxes.append((left, left + width))
    for (_l1, right), (left, _r2) in itertools.pairwise(boxes):
        assert right < left  # no label runs into the next


@pytest.mark.parametrize("width", [260, 480, 900, 1600])
def test_the_axis_of_1813_to_2022_reads_1813_whole(trends, width):
    chart = chart_at(trends, width)
    ticks = chart.layout_now().ticks
    texts = [t.text for t in ticks]
    assert texts[0] == "1813"
    assert all(len(t) == 4 and t.isdigit() for t in texts)
    assert_labels_fit([(t.text, t.left, t.width) for t in ticks], chart.rect(), chart.fontMetrics())
    # The steps between labels are whole 1, 2, 5, 10, 20, 50… years.
    steps = {int(b) - int(a) for a, b in itertools.pairwise(texts[1:])}
    assert len(steps) <= 1 and steps <= {1, 2, 5, 10, 20, 50, 100}
    assert all(int(text) % min(steps or {1}) == 0 for text in texts[1:])


def test_the_small_hits_chart_labels_whole_years_too(trends, window):
    chart = window.search_panel.chart
    for width in (200, 320, 600):
        chart.resize(width, chart.height())
        labels = chart.labels()
        assert labels[0][0] == "1813"
        assert_labels_fit(labels, chart.rect(), chart.fontMetrics())
    # Over 210 years its bars are decades, each several pixels wide.
    assert [bar.key for bar in chart.bars][:2] == ["1810s", "1820s"]
    assert all(rect.width() >= MIN_BAR for rect in chart._bar_rects())


@pytest.mark.parametrize("width", [260, 700, 1400])
@pytest.mark.parametrize("compared", [[], ["供热", "河工"]])
def test_no_bar_is_thinner_than_the_minimum(trends, width, compared):
    for query in compared:
        trends.view.add_query(query)
    chart = chart_at(trends, width)
    assert len(chart.trend.series) == 1 + len(compared)
    bars = [rect for group in chart.layout_now().bars for rect in group]
    assert bars and min(rect.width() for rect in bars) >= MIN_BAR


def test_a_period_too_fine_to_draw_is_made_coarser_and_said(trends):
    chart_at(trends, 700)
    trends.view.set_period("day")
    assert trends.view.trend.period in ("year", "decade")
    assert "shown per" in trends.view.note.text()
    trends.view.set_period("decade")
    assert trends.view.trend.period == "decade"
    assert trends.view.trend.keys[0] == "1810s"


def test_several_queries_are_several_series_with_a_legend(trends):
    trends.view.add_query("供热")
    trends.view.add_query("供热")  # once only
    chart = chart_at(trends, 900)
    assert [s.query for s in chart.trend.series] == ["报纸", "供热"]
    assert [text for _swatch, _box, text in chart.layout_now().legend] == ["报纸", "供热"]
    assert chart.trend.series[1].counts == {"1940s": 1, "2020s": 1}
    trends.view.compared.setCurrentRow(0)
    trends.view.remove_chosen()
    assert [s.query for s in trends.view.trend.series] == ["报纸"]


def test_normalised_by_the_articles_of_each_period(trends):
    chart = chart_at(trends, 900)
    trends.view.set_scale("percent")
    trend = chart.trend
    (series,) = trend.series
    # Two of the three articles of 1946 say 报纸.
    assert trend.totals["1940s"] == 3 and series.count("1940s") == 2
    assert trend.value(series, "1940s", "percent") == pytest.approx(200 / 3)
    assert "66.7%" in chart.period_words(trend.keys.index("1940s"))


def test_a_click_or_enter_on_a_bar_shows_its_hits(qtbot, trends, window):
    chart = chart_at(trends, 900)
    lay = chart.layout_now()
    n = chart.trend.keys.index("1940s")
    centre = lay.bars[n][0].center().toPoint()
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=centre)
    panel = window.search_panel
    assert panel.request.year == "1940s"
    assert hit_years(panel) == {1946}
    assert chart.selected == "1940s"
    # The keyboard: End goes to the last period, Enter narrows to it.
    chart.setFocus()
    qtbot.keyClick(chart, Qt.Key.Key_End)
    qtbot.keyClick(chart, Qt.Key.Key_Left)
    qtbot.keyClick(chart, Qt.Key.Key_Right)
    qtbot.keyClick(chart, Qt.Key.Key_Return)
    assert panel.request.year == "2020s"
    assert hit_years(panel) == {2022}
    description = chart.accessibleDescription()
    assert "1810s — 报纸: 1 article; 1 article in all" in description
    assert "1850s" not in description  # a period without hits is not read out
    assert chart.period_at(QPoint(-5, 0).x()) == -1


def test_view_menu_and_shortcut(qtbot, trends, window):
    action = window.action_set.trends
    assert action in window.menus.view.actions()
    dialog = ShortcutsDialog(window.menus.all_actions(), window)
    rows = [
        [dialog.model.item(r, c).text() for c in range(3)] for r in range(dialog.model.rowCount())
    ]
    assert ["Trends over Time", "Ctrl+Shift+T", "View"] in rows
    qtbot.keyClick(
        window,
        Qt.Key.Key_T,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert not window.trends.isVisible()
    assert not action.isChecked()


def test_export_png_svg_and_csv(trends, tmp_path, monkeypatch):
    trends.view.add_query("供热")
    chart_at(trends, 900)
    assert trends.save(tmp_path / "t.png", "png")
    image = QImage(str(tmp_path / "t.png"))
    assert image.size() == EXPORT_SIZE
    assert trends.save(tmp_path / "t", "svg")  # the suffix is added
    root = ET.parse(tmp_path / "t.svg").getroot()
    assert root.tag.endswith("svg")
    texts = "".join(root.itertext())
    assert "1813" in texts and "供热" in texts
    assert trends.save(tmp_path / "t.csv", "csv")
    with open(tmp_path / "t.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {row["query"] for row in rows} == {"报纸", "供热"}
    counts = {(r["period"], r["query"]): int(r["count"]) for r in rows}
    assert counts[("1940s", "报纸")] == 2 and counts[("1810s", "报纸")] == 1
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warned.append(args[2]))
    assert not trends.save(tmp_path / "missing" / "t.csv", "csv")
    assert "t.csv" in warned[0]


def test_in_chinese_decades_and_labels_read_whole(qtbot, qapp, trends):
    view = trends.view
    view.add_query("供热")
    chart_at(trends, 900)
    trends.window().grab()  # laid out and painted in English first, as on screen
    try:
        i18n.install(qapp, "zh_CN")
        qtbot.waitUntil(lambda: trends.windowTitle() == "时间趋势")
        qtbot.wait(50)
        assert view.period_label.text() == "时段(&P)："
        # A label longer in Chinese is laid out at its new width, not cut to the English one.
        for label in (view.compare_label, view.period_label, view.scale_label):
            assert label.width() >= label.sizeHint().width(), label.text()
        n = view.chart.trend.keys.index("1940s")
        assert view.chart.period_words(n).startswith("1940年代——报纸：2 篇、供热：1 篇；共 3 篇")
        ticks = [t.text for t in view.chart.layout_now().ticks]
        assert ticks[0] == "1813"
    finally:
        i18n.install(qapp, "en")
        qtbot.waitUntil(lambda: trends.windowTitle() == "Trends over Time")


@pytest.mark.parametrize("dark", [False, True])
def test_series_colours_stand_out_on_light_and_dark_pages(qapp, dark):
    palette = dark_palette() if dark else qapp.palette()
    look = Look.of(palette)
    assert is_dark(palette) == dark
    colours = look.series
    assert len({c.name() for c in colours}) == len(colours) >= 6
    for colour in colours:
        assert contrast(colour, look.plot) >= 3.0, colour.name()  # WCAG 1.4.11, graphics


def test_the_dock_says_it_is_counting_until_the_chart_comes(qtbot, tmp_path):
    from tests.ui.test_live import QueuedExecutor  # jobs held until run: the wait made visible

    executor = QueuedExecutor()
    window = MainWindow(index_root=tmp_path / "index", executor=executor, index_in_process=False)
    qtbot.addWidget(window)
    window.show()
    window.open_path(str(write_archive(tmp_path / "span", SPAN)))
    executor.run_all()
    panel = window.search_panel
    panel.search("报纸")

    def searched() -> bool:
        executor.run_all()
        return panel.model.rowCount() > 0

    qtbot.waitUntil(searched)
    window.action_set.trends.trigger()
    view = window.trends.view
    # Not "Search the archive…" while the search's hits are being counted.
    assert view.note.text() == "Counting the hits…" and not view.note.isHidden()
    assert view.trend is None
    executor.run_all()
    qtbot.waitUntil(lambda: view.trend is not None)
    assert "Counting" not in view.note.text()
