"""A page whose scan is missing reads from its OCR: each word's text drawn in its box on white,
the hits over it; a page with its scan shows the scan alone, and a page without words stays
blank. Checked on the pixels the view paints."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage

from reader.library.pages import PageView
from reader.model import Article, Box, Issue, Page, Word
from reader.ui.pages.canvas import PageCanvas
from reader.ui.pages.facsimile import Facsimile
from reader.ui.pages.pane import PagePane
from reader.ui.pages.tiles import TileLoader, tile_clip
from tests.conftest import shared_path
from tests.library.page_files import BOXES, scaled, write_hocr_issue
from tests.ui.page_images import FilePages
from tests.ui.test_page_library import searched
from tests.ui.test_page_view import REGIONS_1, SIZE, WORDS_1, scan

BNL = "samples/bnl-luxzeit-1858"


def ink(image: QImage, rect: QRect) -> int:
    """How many pixels of ``rect`` are dark (text), of the image grabbed."""
    rect = rect.intersected(image.rect())
    return sum(
        QColor(image.pixel(x, y)).lightness() < 110
        for x in range(rect.left(), rect.right() + 1)
        for y in range(rect.top(), rect.bottom() + 1)
    )


def on_screen(canvas: PageCanvas, box: Box) -> QRect:
    """A word's box in the viewport, a pixel inside its edges (the outline is faint, not ink)."""
    return canvas.to_view_rect(box).toRect().adjusted(1, 1, -1, -1)


def shown(qtbot, tmp_path, words: tuple[Word, ...], *, image: bool) -> PagePane:
    """A one-page issue with ``words``, its scan a white PNG or missing, in a page view."""
    if image:
        scan(tmp_path / "page.png", [])  # white paper: anything dark on it was drawn over it
    page = Page(1, image="page.png", width=SIZE[0], height=SIZE[1])
    view = PageView("w", page, SIZE, REGIONS_1, words, image_expected="" if image else "page.png")
    pane = PagePane(FilePages(tmp_path, {("w", 1): view}))
    qtbot.addWidget(pane)
    pane.resize(600, 700)
    pane.show()
    qtbot.waitExposed(pane)
    articles = (Article("A", "w", "A", pages=(1,)),)
    issue = Issue("w", "Paper", dt.date(1858, 12, 7), articles=articles, pages=(page,))
    pane.show_article(issue, "A", "")
    return pane


def test_a_page_without_its_scan_draws_each_words_text_in_its_box(qtbot, tmp_path):
    pane = shown(qtbot, tmp_path, tuple(WORDS_1), image=False)
    canvas = pane.canvas
    first = on_screen(canvas, WORDS_1[0].box)
    qtbot.waitUntil(lambda: ink(canvas.viewport().grab().toImage(), first) > 0, timeout=10_000)
    shot = canvas.viewport().grab().toImage()
    seen = [w for w in WORDS_1 if shot.rect().contains(on_screen(canvas, w.box))]
    assert len(seen) == 4  # the one low on the page is out of view
    for word in seen:
        assert ink(shot, on_screen(canvas, word.box)) > 10, word.text
    # Between the words, white paper (A's region; B's is dimmed but as blank).
    assert ink(shot, on_screen(canvas, (100, 400, 500, 600))) == 0
    assert pane.note.text.endswith(
        "Shown instead: the page's words as the OCR read them, each where printed."
    )
    pane.shutdown()


@pytest.mark.parametrize("image", [True, False], ids=["its scan", "no scan"])
def test_no_words_are_drawn_over_a_scan_nor_without_words(qtbot, tmp_path, image):
    words = tuple(WORDS_1) if image else ()
    pane = shown(qtbot, tmp_path, words, image=image)
    canvas = pane.canvas
    if image:
        qtbot.waitUntil(lambda: len(canvas.picture.loader.cache) > 0, timeout=10_000)
    qtbot.wait(300)  # time enough for any words to have been drawn
    shot = canvas.viewport().grab().toImage()
    for word in WORDS_1:
        assert ink(shot, on_screen(canvas, word.box)) == 0, word.text
    assert canvas.picture.facsimile is None
    assert "Shown instead" not in pane.note.text
    pane.shutdown()


def test_the_window_draws_a_missing_scans_words_the_hits_on_top(qtbot, make_window, tmp_path):
    """An hOCR page without its PNG, read by the library: Latin and CJK words in their boxes."""
    window = make_window()
    pane = searched(qtbot, window, write_hocr_issue(tmp_path / "paper", image=False), "harbour")
    canvas = pane.canvas
    # No image to scale to: the boxes are the file's own pixels.
    boxes = {text: scaled(box, 1.0) for text, box in BOXES.items()}
    qtbot.waitUntil(
        lambda: ink(canvas.viewport().grab().toImage(), on_screen(canvas, boxes["Winter"])) > 0,
        timeout=20_000,
    )
    shot = canvas.viewport().grab().toImage()
    for text in ("Winter", "was", "solid.", "𠮷野家", "牛丼"):
        assert ink(shot, on_screen(canvas, boxes[text])) > 5, text
    hit = on_screen(canvas, boxes["harbour"])
    assert ink(shot, hit) > 5  # its text under the mark
    colours = [QColor(shot.pixel(x, hit.center().y())) for x in range(hit.left(), hit.right())]
    assert any(c.red() > c.blue() + 60 and c.lightness() > 110 for c in colours)  # yellow
    pane.shutdown()


def test_the_bnl_page_without_its_scan_reads_in_the_window(qtbot, make_window):
    """The 1858 Luxemburger Zeitung (METS/ALTO, its TIFFs not in the sample): the page view shows
    the searched title's words where the ALTO puts them."""
    window = make_window()
    pane = searched(qtbot, window, shared_path(BNL), "Zeitung")
    window.action_set.show_page.trigger()
    canvas = pane.canvas
    assert not pane.view.has_image and len(pane.view.words) > 1000
    (hit,) = [h for h in pane.view.hits if h.field == "title"]
    qtbot.waitUntil(lambda: canvas.isVisible() and canvas.viewport().width() > 300)
    canvas.zoom_to(0.5)
    canvas.ensure_visible(hit.boxes[0])
    qtbot.waitUntil(
        lambda: ink(canvas.viewport().grab().toImage(), on_screen(canvas, hit.boxes[0])) > 20,
        timeout=20_000,
    )
    pane.shutdown()


def test_a_tile_draws_only_the_words_reaching_into_it(qapp):
    """The words a tile draws, found by bisection, are the ones a look at every word finds."""
    rng = random.Random(7)
    words = []
    for n in range(3000):
        left, top = rng.uniform(0, 4000), rng.uniform(0, 6000)
        tall = 400 if n % 500 == 0 else rng.uniform(10, 60)  # a few tall words: vertical lines
        words.append(Word(f"w{n}", (left, top, left + rng.uniform(20, 200), top + tall)))
    facsimile = Facsimile(words, (4200, 6500))
    for _ in range(50):
        left, top = rng.uniform(0, 4000), rng.uniform(0, 6000)
        clip = (int(left), int(top), int(left) + 512, int(top) + 512)
        found = {w.text for w in facsimile.words_in(clip)}
        expected = {
            w.text
            for w in words
            if w.box[0] < clip[2]
            and w.box[2] > clip[0]
            and w.box[1] < clip[3]
            and w.box[3] > clip[1]
        }
        assert found == expected


def test_a_tall_cjk_word_is_set_top_to_bottom(qapp):
    """A vertical line of Japanese or Chinese print: a character under the other, in its box."""
    tall = Word("人民日报", (10, 10, 60, 230))
    image = Facsimile([tall], (80, 250)).render(1.0, None)
    quarters = [QRect(12, 12 + 54 * i, 46, 50) for i in range(4)]
    assert all(ink(image, quarter) > 10 for quarter in quarters)
    wide = Facsimile([dataclasses.replace(tall, box=(10, 10, 230, 60))], (250, 80))
    line = wide.render(1.0, None)
    assert ink(line, QRect(12, 12, 50, 46)) > 10 and ink(line, QRect(178, 12, 50, 46)) > 10
    assert QColor(image.pixel(70, 240)) == QColor("white")


def test_tiles_drawn_in_the_workers_at_once_are_those_drawn_alone(qtbot):
    """Two worker threads draw tiles of Latin and CJK words at the same time, as the view's
    loader does: each tile has the pixels it has when drawn alone on this thread."""
    words = [
        Word(
            text,
            (40 + 150 * (n % 12), 30 + 40 * (n // 12), 170 + 150 * (n % 12), 60 + 40 * (n // 12)),
        )
        for n, text in enumerate(["Zeitung", "人民日报", "décembre", "供热", "Ausgang"] * 120)
    ]
    size = (1900, 1600)
    facsimile = Facsimile(words, size)
    clips = [tile_clip(2.0, column, row, size) for row in range(6) for column in range(7)]
    alone = [facsimile.render(2.0, clip) for clip in clips]
    loader = TileLoader()
    for n, clip in enumerate(clips):
        loader.request(("words", 2.0, n, 0), lambda clip=clip: facsimile.render(2.0, clip), 5)
    qtbot.waitUntil(lambda: len(loader.cache) == len(clips), timeout=20_000)
    for n, image in enumerate(alone):
        drawn = loader.cache.get(("words", 2.0, n, 0))
        assert drawn is not None and drawn.toImage().convertToFormat(image.format()) == image, n
    loader.shutdown()


def ink_rows(image: QImage, left: int, right: int) -> tuple[int, int]:
    """The first and last rows with ink between columns ``left`` and ``right``."""
    rows = [
        y
        for y in range(image.height())
        if any(QColor(image.pixel(x, y)).lightness() < 110 for x in range(left, right))
    ]
    return rows[0], rows[-1]


def test_the_words_of_a_line_share_its_size_and_baseline(qapp):
    """The OCR's boxes of one line's words are a few pixels apart in height and place: the
    words are set on one baseline, in one size, not each centred in its own box."""
    texts = ("Hafen", "Rath", "Sturm", "Kiel")
    boxes = ((10, 40, 130, 80), (150, 44, 240, 76), (260, 36, 390, 84), (410, 42, 490, 78))
    words = [Word(t, b, "TB1") for t, b in zip(texts, boxes, strict=True)]
    image = Facsimile(words, (520, 120)).render(1.0, None)
    rows = [ink_rows(image, int(b[0]) + 2, int(b[2]) - 2) for b in boxes]
    assert max(r[1] for r in rows) - min(r[1] for r in rows) <= 1  # one baseline
    heights = [r[1] - r[0] for r in rows]
    assert max(heights) - min(heights) <= 2  # capitals of one size
