"""The page view: fits the width, zooms, turns pages, steps through hits, answers clicks, says
what is missing; decoding happens in worker threads, tiles come sharp, the cache keeps a bound."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap, QWheelEvent
from PySide6.QtWidgets import QApplication

from reader.library.pages import HitBox, PageView
from reader.model import Article, Issue, Page, Region, Word
from reader.ui.pages.pane import PagePane
from reader.ui.pages.tiles import TileCache, level_for, preview_scale
from tests.ui.page_images import FilePages

SIZE = (1200, 1700)
# Article A runs over pages 1 and 2, article B is on page 1; the words are black bars.
WORDS_1 = [
    Word("alpha", (100, 100, 300, 140), "r1", "A"),
    Word("beta", (320, 100, 480, 140), "r1", "A"),
    Word("alpha", (100, 1500, 300, 1540), "r1", "A"),
    Word("alpha", (700, 200, 900, 240), "r2", "B"),
    Word("gamma", (700, 260, 900, 300), "r2", "B"),
]
WORDS_2 = [
    Word("delta", (100, 100, 300, 140), "r3", "A"),
    Word("alpha", (100, 1200, 300, 1240), "r3", "A"),
]
REGIONS_1 = (Region("r1", (80, 80, 600, 1600), "A"), Region("r2", (680, 180, 1100, 700), "B"))
REGIONS_2 = (Region("r3", (80, 80, 600, 1600), "A"),)


def hits(words: list[Word], number: int) -> tuple[HitBox, ...]:
    return tuple(
        HitBox(w.article, "body", i, i + 5, w.text, (w.box,))
        for i, w in enumerate(words)
        if w.text == "alpha"
    )


def scan(path, words: list[Word], size=SIZE) -> None:
    """A page image: white paper, a black bar where each word is."""
    image = QImage(size[0], size[1], QImage.Format.Format_RGB888)
    image.fill(QColor("white"))
    painter = QPainter(image)
    for word in words:
        left, top, right, bottom = word.box
        painter.fillRect(int(left), int(top), int(right - left), int(bottom - top), QColor("black"))
    painter.end()
    assert image.save(str(path))


@pytest.fixture
def issue_pages(tmp_path):
    """A three-page issue: two scans in tmp_path, the third's scan missing."""
    scan(tmp_path / "0001.png", WORDS_1)
    scan(tmp_path / "0002.jpg", WORDS_2)
    pages = (
        Page(1, image="0001.png", width=SIZE[0], height=SIZE[1]),
        Page(2, label="2", image="0002.jpg", width=SIZE[0], height=SIZE[1]),
        Page(3, image="0003.jpg", width=SIZE[0], height=SIZE[1]),
    )
    views = {
        ("i", 1): PageView("i", pages[0], SIZE, REGIONS_1, tuple(WORDS_1), hits(WORDS_1, 1)),
        ("i", 2): PageView("i", pages[1], SIZE, REGIONS_2, tuple(WORDS_2), hits(WORDS_2, 2)),
        ("i", 3): PageView("i", pages[2], SIZE, image_expected="0003.jpg"),
    }
    articles = (Article("A", "i", "A", pages=(1, 2)), Article("B", "i", "B", pages=(1,)))
    issue = Issue("i", "Paper", dt.date(1878, 1, 3), articles=articles, pages=pages)
    return issue, FilePages(tmp_path, views)


@pytest.fixture
def pane(qtbot, issue_pages):
    _issue, provider = issue_pages
    pane = PagePane(provider)
    qtbot.addWidget(pane)
    pane.resize(500, 600)
    pane.show()
    qtbot.waitExposed(pane)
    yield pane
    pane.shutdown()


def open_article(qtbot, pane, issue, article="A", query=""):
    with qtbot.waitSignal(pane.canvas.sharp, timeout=10_000):
        pane.show_article(issue, article, query)


def fit_scale(pane) -> float:
    return (pane.canvas.viewport().width() - 24) / SIZE[0]


def test_opens_on_the_articles_first_page_fitting_the_width(qtbot, pane, issue_pages):
    issue, provider = issue_pages
    open_article(qtbot, pane, issue, "A")
    assert pane.number == 1 and pane.indicator.text() == "Page 1 of 3"
    assert pane.canvas.scale == pytest.approx(fit_scale(pane))
    assert pane.canvas.marks.outlined == (REGIONS_1[0].box,)  # A's region, B's dimmed
    assert pane.note.text == ""
    assert all(thread != "MainThread" for thread in provider.threads)


def test_pixels_on_screen_are_the_scan_and_the_marks(qtbot, pane, issue_pages):
    issue, _ = issue_pages
    open_article(qtbot, pane, issue, "A", "alpha")
    shot = pane.canvas.viewport().grab().toImage()
    canvas = pane.canvas
    word = canvas.to_view_rect(WORDS_1[1].box).center().toPoint()  # "beta": black, no mark
    hit = canvas.to_view_rect(WORDS_1[0].box).center().toPoint()  # a hit: black under yellow
    paper_a = canvas.to_view_rect((400, 800, 420, 820)).center().toPoint()  # A: white
    paper_b = canvas.to_view_rect((1000, 1200, 1020, 1220)).center().toPoint()  # dimmed
    assert QColor(shot.pixel(word)).lightness() < 40
    assert QColor(shot.pixel(hit)).red() > QColor(shot.pixel(hit)).blue() + 10
    assert QColor(shot.pixel(paper_a)).lightness() > 240
    assert 120 < QColor(shot.pixel(paper_b)).lightness() < 230


def test_zoom_keys_and_ctrl_wheel_and_ctrl_0_fits(qtbot, pane, issue_pages):
    issue, _ = issue_pages
    open_article(qtbot, pane, issue)
    canvas, fit = pane.canvas, pane.canvas.scale
    qtbot.keyClick(canvas, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert canvas.scale == pytest.approx(fit * 1.25)
    qtbot.keyClick(canvas, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(canvas, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert canvas.scale == pytest.approx(fit / 1.25)
    at = QPointF(canvas.viewport().rect().center()) + QPointF(20, 30)
    before = canvas.to_image(at)
    wheel = QWheelEvent(
        at,
        canvas.mapToGlobal(at),
        QPoint(),
        QPoint(0, 240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(canvas.viewport(), wheel)
    assert canvas.scale == pytest.approx(fit / 1.25 * 1.25**2)
    after = canvas.to_image(at)
    assert abs(after.x() - before.x()) < 2 and abs(after.y() - before.y()) < 2  # zoomed there
    qtbot.keyClick(canvas, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert canvas.scale == pytest.approx(fit) and canvas.fit
    pane.resize(700, 600)
    qtbot.waitUntil(lambda: canvas.scale == pytest.approx(fit_scale(pane)))


def test_f3_steps_through_the_articles_hits_across_its_pages(qtbot, pane, issue_pages):
    issue, _ = issue_pages
    open_article(qtbot, pane, issue, "A", "alpha")
    canvas = pane.canvas
    # Opened at its first hit, as the text is: that hit is current and outlined, so the first
    # F3 goes on to the second (it outlined the first and stayed on "Match 1").
    assert pane.current_hit == 0 and canvas.marks.hits[canvas.marks.current] == (WORDS_1[0].box,)
    canvas.zoom_to(1.0)
    visible = canvas.viewport().rect()
    expected = [(1, WORDS_1[2]), (2, WORDS_2[1]), (1, WORDS_1[0]), (1, WORDS_1[2])]
    for index, (number, word) in enumerate(expected, start=1):
        qtbot.keyClick(canvas, Qt.Key.Key_F3)
        assert pane.number == number
        assert pane.current_hit == index % 3
        assert visible.contains(canvas.to_view_rect(word.box).toRect())
        assert canvas.marks.hits[canvas.marks.current] == (word.box,)
    qtbot.keyClick(canvas, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert pane.number == 1 and pane.current_hit == 0
    # Shown again for the same article and query (the view switched), the hit stays current.
    qtbot.keyClick(canvas, Qt.Key.Key_F3)
    pane.show_article(issue, "A", "alpha")
    assert pane.current_hit == 1 and pane.number == 1


def test_keyboard_zoom_keeps_the_current_hit_in_view(qtbot, pane, issue_pages):
    issue, _ = issue_pages
    open_article(qtbot, pane, issue, "B", "alpha")  # B's hit is right of the page's centre
    canvas = pane.canvas
    qtbot.keyClick(canvas, Qt.Key.Key_F3)
    hit = WORDS_1[3].box
    for _ in range(4):
        qtbot.keyClick(canvas, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
        assert canvas.viewport().rect().contains(canvas.to_view_rect(hit).toRect())
    assert canvas.scale == pytest.approx(fit_scale(pane) * 1.25**4)
    # With no current hit, the view's centre stays where it is.
    pane.show_article(issue, "B", "")
    centre = QPointF(canvas.viewport().rect().center())
    before = canvas.to_image(centre)
    qtbot.keyClick(canvas, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    after = canvas.to_image(centre)
    assert abs(after.x() - before.x()) < 2 and abs(after.y() - before.y()) < 2


def test_f3_centres_a_hit_out_of_view_and_leaves_one_in_view(qtbot, pane, issue_pages):
    issue, _ = issue_pages
    open_article(qtbot, pane, issue, "A", "alpha")
    canvas = pane.canvas
    canvas.zoom_to(2.0)  # the first hit, current since the article opened at it, kept in view
    # The next hit: right of the view, and low in it (as find in page left it, only moved
    # sideways: at the view's bottom edge).
    canvas.horizontalScrollBar().setValue(canvas.horizontalScrollBar().maximum())
    bottom = canvas.viewport().height() - 60
    canvas.verticalScrollBar().setValue(round(12 + 1540 * 2 - bottom))
    assert canvas.to_view_rect(WORDS_1[2].box).bottom() == pytest.approx(bottom, abs=1)
    qtbot.keyClick(canvas, Qt.Key.Key_F3)
    view = canvas.to_view_rect(WORDS_1[2].box)
    centre = QPointF(canvas.viewport().rect().center())
    assert abs(view.center().x() - centre.x()) < 2 and abs(view.center().y() - centre.y()) < 2
    # A hit already wholly in view is left where it is (B has one: F3 comes back to it).
    pane.show_article(issue, "B", "alpha")
    canvas.zoom_to(1.0)
    qtbot.keyClick(canvas, Qt.Key.Key_F3)
    canvas.verticalScrollBar().setValue(canvas.verticalScrollBar().value() + 60)
    place = canvas.to_view_rect(WORDS_1[3].box)
    assert canvas.viewport().rect().contains(place.toRect())
    qtbot.keyClick(canvas, Qt.Key.Key_F3)
    assert canvas.to_view_rect(WORDS_1[3].box) == place


def test_page_keys_turn_the_pages_and_the_missing_scan_is_named(qtbot, pane, issue_pages):
    issue, _ = issue_pages
    open_article(qtbot, pane, issue, "B")
    qtbot.keyClick(pane.canvas, Qt.Key.Key_PageDown)
    assert pane.number == 2 and pane.indicator.text() == "Page 2 of 3"
    assert pane.canvas.marks.outlined == ()  # B is not on page 2
    qtbot.keyClick(pane.canvas, Qt.Key.Key_PageDown)
    assert pane.number == 3
    assert pane.note.text.startswith("The scan of this page, 0003.jpg, is not in the archive.")
    assert "no text layer" in pane.note.text
    # Said in a bar above the page, which it no longer covers: the page's top is paper.
    assert pane.note.isVisible()
    qtbot.waitUntil(lambda: pane.note.geometry().bottom() < pane.canvas.geometry().top())
    shot = pane.canvas.viewport().grab().toImage()
    top = pane.canvas.to_view_rect((0, 0, SIZE[0], 60)).center().toPoint()
    assert QColor(shot.pixel(top)) == QColor("white")
    assert not pane.next_button.isEnabled()
    qtbot.keyClick(pane.canvas, Qt.Key.Key_PageDown)
    assert pane.number == 3
    qtbot.keyClick(pane.canvas, Qt.Key.Key_PageUp)
    assert pane.number == 2 and pane.note.text == ""


def test_space_scrolls_then_turns_the_page(qtbot, pane, issue_pages):
    issue, _ = issue_pages
    open_article(qtbot, pane, issue)
    bar = pane.canvas.verticalScrollBar()
    qtbot.keyClick(pane.canvas, Qt.Key.Key_Space)
    assert pane.number == 1 and bar.value() > 0
    bar.setValue(bar.maximum())
    qtbot.keyClick(pane.canvas, Qt.Key.Key_Space)
    assert pane.number == 2 and bar.value() == 0
    value = bar.value()
    qtbot.keyClick(pane.canvas, Qt.Key.Key_Down)
    assert bar.value() > value


def test_a_click_on_a_word_or_region_names_the_article_and_place(qtbot, pane, issue_pages):
    issue, _ = issue_pages
    open_article(qtbot, pane, issue)
    canvas = pane.canvas
    gamma = canvas.to_view_rect(WORDS_1[4].box).center().toPoint()
    with qtbot.waitSignal(pane.text_clicked) as clicked:
        qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=gamma)
    assert clicked.args == ["B", "body", len("alpha ")]
    empty = canvas.to_view_rect((1000, 600, 1010, 610)).center().toPoint()  # in B's region
    with qtbot.waitSignal(pane.text_clicked) as clicked:
        qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=empty)
    assert clicked.args == ["B", "", 0]


def test_a_drag_pans_and_is_no_click(qtbot, pane, issue_pages):
    issue, _ = issue_pages
    open_article(qtbot, pane, issue)
    canvas = pane.canvas
    canvas.zoom_to(1.0)
    bar = canvas.verticalScrollBar()
    start = bar.value()
    with qtbot.assertNotEmitted(pane.text_clicked):
        qtbot.mousePress(canvas.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(200, 400))
        qtbot.mouseMove(canvas.viewport(), QPoint(200, 300))
        qtbot.mouseMove(canvas.viewport(), QPoint(200, 200))
        qtbot.mouseRelease(canvas.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(200, 200))
    assert bar.value() == start + 200


def test_sharp_tiles_at_the_zoom_come_from_workers(qtbot, tmp_path, pane):
    """A large scan: a reduced picture first, then tiles of the part in view, off the UI thread."""
    size = (4000, 5600)
    words = [Word("alpha", (2000, 3000, 2400, 3080), "r", "A")]
    scan(tmp_path / "big.jpg", words, size)
    page = Page(1, image="big.jpg", width=size[0], height=size[1])
    provider = FilePages(tmp_path, {("big", 1): PageView("big", page, size, words=tuple(words))})
    pane.set_provider(provider)
    issue = Issue(
        "big", "Paper", None, articles=(Article("A", "big", "A", pages=(1,)),), pages=(page,)
    )
    open_article(qtbot, pane, issue)
    assert [r[1:] for r in provider.renders] == [(0.25, None)]  # the preview was enough
    with qtbot.waitSignal(pane.canvas.sharp, timeout=20_000):
        pane.canvas.zoom_to(1.0)
        pane.canvas.ensure_visible(words[0].box)
    tiles = [r for r in provider.renders if r[1] == 1.0]
    assert tiles and all(clip is not None and clip[2] - clip[0] <= 512 for _, _, clip in tiles)
    assert len(tiles) < (4000 // 512) * (5600 // 512) // 4  # the part in view, not the page
    assert all(thread != "MainThread" for thread in provider.threads)
    shot = pane.canvas.viewport().grab().toImage()
    centre = pane.canvas.to_view_rect(words[0].box).center().toPoint()
    assert QColor(shot.pixel(centre)).lightness() < 40


def test_the_tile_cache_keeps_its_bound():
    cache = TileCache(limit=3 * 512 * 512 * 4)
    for i in range(10):
        cache.put(("p", 1.0, i, 0), QPixmap(512, 512))
    assert len(cache) == 3 and cache.used <= cache.limit
    assert ("p", 1.0, 9, 0) in cache and ("p", 1.0, 0, 0) not in cache
    assert preview_scale((7000, 10000)) == 0.125 and preview_scale((1200, 1600)) == 1.0
    assert level_for(0.3) == 0.5 and level_for(1.7) == 1.0 and level_for(0.125) == 0.125


def test_an_issue_without_pages_says_so(qtbot, pane):
    issue = Issue("t", "Paper", None, articles=(Article("X", "t", "X"),))
    pane.show_article(issue, "X", "")
    assert pane.indicator.text() == "No page"
    assert "only text" in pane.note.text
    assert not pane.previous_button.isEnabled() and not pane.next_button.isEnabled()


def test_a_scan_that_cannot_be_decoded_is_said_so_over_the_page(qtbot, tmp_path, pane):
    (tmp_path / "torn.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    page = Page(1, image="torn.png", width=SIZE[0], height=SIZE[1])
    view = PageView("torn", page, SIZE, REGIONS_1, tuple(WORDS_1))
    pane.set_provider(FilePages(tmp_path, {("torn", 1): view}))
    issue = Issue(
        "torn", "Paper", None, articles=(Article("A", "torn", "A", pages=(1,)),), pages=(page,)
    )
    pane.show_article(issue, "A", "")
    qtbot.waitUntil(lambda: "could not be decoded" in pane.note.text)
    assert pane.canvas.marks.outlined == (REGIONS_1[0].box,)  # the words still show where
