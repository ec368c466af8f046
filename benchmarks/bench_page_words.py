"""The page view of a 7,040-word page whose scan is missing: its words drawn, and how it pans.

    QT_QPA_PLATFORM=offscreen python -m benchmarks.bench_page_words [--runs 5] [--frames 40]

The words of ``benchmarks/page_hits.py`` (44 blocks of 20 lines of 8 words, 11 articles, METS +
ALTO) are set as a broadsheet at 300 dpi would print them (4500 × 6900, six columns, boxes as
wide as the words' letters and 24 pixels high, lines 40 apart; ``page_hits`` packs them in
7-pixel lines) with no scan, opened through the library (``reader.library.pages``, as the
window does, the page read again each run) and shown in a fresh page view (900 × 1000) with
the hits of ``Hafen``. Each run measures, with QElapsedTimer, from ``show_article`` to the
first paint with a picture and to sharp at fit-width, then paints ``--frames`` frames of a pan
(the view scrolled 40 pixels and repainted at once: the cost of one frame on the UI thread,
with the workers drawing tiles meanwhile), the same at 100 % once sharp there, and the frames
of zooming in and out a step. Medians over the runs; frames as median and worst. Nothing is
asserted: the figures are for reading. A page view without the words (before they were
drawn) shows "—" for the pictures.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from benchmarks.page_hits import QUERY, grid, mets
from reader.library import Library, pages
from reader.library.pages import HitBox, PageView
from reader.library.unmarked import unmarked
from reader.model import Issue, Page
from reader.ui.pages.pane import PagePane
from reader.ui.pages.source import Clip

WIDTH, HEIGHT, PER_COLUMN = 4500, 6900, 8


def block_at(block: int) -> tuple[int, int]:
    """Where a block starts: blocks down six columns 700 pixels apart, eight to a column."""
    column, row = divmod(block, PER_COLUMN)
    return 150 + column * 700, 150 + row * 825


def boxes(block: int, line: int, words: list[str]) -> list[tuple[int, int, int, int]]:
    """The boxes of a line's words: as wide as their letters (10 pixels each, a 7-point face
    at 300 dpi), 12 apart, the line condensed to its column's 680 pixels when longer; lines
    40 pixels apart, each word's box 24 high (ascenders to descenders)."""
    left, top = block_at(block)
    top += line * 40
    widths = [10 * len(word) + 6 for word in words]
    room = 680 - 12 * (len(words) - 1)
    if sum(widths) > room:
        widths = [width * room // sum(widths) for width in widths]
    found = []
    for width in widths:
        found.append((left, top, left + width, top + 24))
        left += width + 12
    return found


def write(folder: Path) -> None:
    """The issue's METS and its one ALTO page; the scan the METS names is not written."""
    blocks = grid(random.Random(1878))
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<alto xmlns="http://www.loc.gov/standards/alto/ns-v3#">'
        "<Description><MeasurementUnit>pixel</MeasurementUnit></Description><Layout>"
        f'<Page ID="P1" PHYSICAL_IMG_NR="1" WIDTH="{WIDTH}" HEIGHT="{HEIGHT}"><PrintSpace>'
    ]
    for b, lines in enumerate(blocks):
        left, top = block_at(b)
        out.append(
            f'<TextBlock ID="TB{b + 1}" HPOS="{left}" VPOS="{top}" WIDTH="680" HEIGHT="800">'
        )
        for n, words in enumerate(lines):
            out.append("<TextLine>")
            for word, (x, y, right, bottom) in zip(words, boxes(b, n, words), strict=True):
                out.append(
                    f'<String HPOS="{x}" VPOS="{y}" WIDTH="{right - x}" HEIGHT="{bottom - y}" '
                    f'CONTENT="{word}"/><SP/>'
                )
            out.append("</TextLine>")
        out.append("</TextBlock>")
    out.append("</PrintSpace></Page></Layout></alto>\n")
    (folder / "alto").mkdir(parents=True)
    (folder / "alto" / "00001.xml").write_text("".join(out), encoding="utf-8")
    (folder / "mets.xml").write_text(mets(), encoding="utf-8")


class LibraryWords:
    """The window's provider without a session: pages of an open library, no image to render."""

    def __init__(self, library: Library) -> None:
        self.library = library

    def page_view(self, issue_id: str, number: int, query: str) -> PageView:
        return pages.page_view(self.library, issue_id, number, query)

    def article_hits(self, article_id: str, query: str) -> list[tuple[int, HitBox]]:
        return pages.article_hits(self.library, article_id, query)

    def unmarked(self, article_id: str, query: str) -> list[tuple[str, int, int]]:
        return unmarked(self.library, article_id, query)

    def text_at(self, view: PageView, x: float, y: float) -> tuple[str, str, int] | None:
        return pages.text_at(view, x, y)

    def render(self, page: Page, scale: float, clip: Clip | None) -> object:
        raise OSError("the scan is missing")


def wait(pane: PagePane, done: Callable[[], bool], timeout_ms: int = 5_000) -> bool:
    """Run the event loop until ``done()`` or the timeout; whether it came."""
    clock = QElapsedTimer()
    clock.start()
    while not done():
        if clock.elapsed() > timeout_ms:
            return False
        loop = QEventLoop()
        pane.canvas.picture.changed.connect(loop.quit)
        QTimer.singleShot(50, loop.quit)
        loop.exec()
        pane.canvas.picture.changed.disconnect(loop.quit)
    return True


def frames(pane: PagePane, count: int, move: Callable[[int], None]) -> list[float]:
    """Milliseconds of each of ``count`` frames: ``move(i)``, then a paint at once."""
    viewport, clock, times = pane.canvas.viewport(), QElapsedTimer(), []
    for index in range(count):
        clock.start()
        move(index)
        viewport.repaint()
        times.append(clock.nsecsElapsed() / 1e6)
        QApplication.processEvents()  # tiles asked for come in between frames, as in use
    return times


def run_once(library: Library, issue: Issue, count: int) -> dict[str, float | list[float]]:
    pages.forget(library)  # each run reads and aligns the page, as its first showing does
    pane = PagePane(LibraryWords(library))
    pane.resize(900, 1000)
    pane.show()
    QApplication.processEvents()
    canvas, figures = pane.canvas, {}
    clock = QElapsedTimer()
    canvas.first_picture.connect(lambda: figures.setdefault("first", clock.nsecsElapsed() / 1e6))
    canvas.sharp.connect(lambda: figures.setdefault("sharp", clock.nsecsElapsed() / 1e6))
    clock.start()
    pane.show_article(issue, issue.articles[0].id, QUERY)
    figures["view"] = clock.nsecsElapsed() / 1e6
    wait(pane, lambda: "sharp" in figures)
    figures["sharp fit"] = figures.pop("sharp", float("nan"))
    bar = canvas.verticalScrollBar()
    figures["pan fit"] = frames(pane, count, lambda i: bar.setValue(bar.value() + 40))
    clock.restart()
    canvas.zoom_to(1.0)
    wait(pane, lambda: "sharp" in figures)
    figures["sharp 100"] = figures.pop("sharp", float("nan"))
    figures["pan 100"] = frames(pane, count, lambda i: bar.setValue(bar.value() + 40))
    figures["zoom"] = frames(pane, count, lambda i: canvas.zoom_by(1 if i % 2 else -1))
    pane.shutdown()
    pane.deleteLater()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--frames", type=int, default=40)
    args = parser.parse_args()
    QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name) / "issue"
        write(folder)
        with Library.open(folder, use_cache=False) as library:
            issue = library.issues[0]
            runs = [run_once(library, issue, args.frames) for _ in range(args.runs)]
    print(f"7,040 words, no scan; {args.runs} runs, {args.frames} frames each")
    for key, name in (
        ("view", "show_article (layout, hits)"),
        ("first", "first picture"),
        ("sharp fit", "sharp at fit-width"),
        ("sharp 100", "sharp at 100 % (after zoom)"),
    ):
        values = [v for run in runs if isinstance(v := run.get(key), float) and v == v]
        shown = f"{statistics.median(values):7.0f} ms" if values else "      —"
        print(f"{name:32} median {shown}")
    for key, name in (
        ("pan fit", "frame, pan at fit-width"),
        ("pan 100", "frame, pan at 100 %"),
        ("zoom", "frame, zoom a step"),
    ):
        values = [t for run in runs for t in run[key]]  # type: ignore[union-attr]
        print(f"{name:32} median {statistics.median(values):7.1f} ms   worst {max(values):6.1f} ms")


if __name__ == "__main__":
    main()
