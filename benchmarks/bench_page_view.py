"""The page view on a large scan: time to the first picture, to sharp, and to sharp at 100 %.

    QT_QPA_PLATFORM=offscreen python -m benchmarks.bench_page_view [--size 7000x10000] [--runs 5]

A JPEG of the given size (paper with lines of dark word-shaped bars, so it compresses like a
scan) is written to a temporary folder; each run opens it in a fresh page view with an empty
cache and measures, with QElapsedTimer, from ``show_article`` to the first paint with a picture,
to the first sharp paint at fit-width, and from a zoom to 100 % at the page's middle to sharp.
Pixels come from the library's renderer (``reader.library.images.render``, Pillow with
JPEG draft scaling, a fresh ``RasterCache`` each run), as in the window; ``--qt`` uses
``tests.ui.page_images.FilePages`` (QImageReader in the view's workers) for comparison.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
from PySide6.QtGui import QColor, QImage, QImageReader, QPainter
from PySide6.QtWidgets import QApplication

from reader.formats.common.source import FolderSource
from reader.library import images
from reader.library.image_cache import RasterCache
from reader.library.pages import PageView
from reader.library.rasters import Raster
from reader.model import Article, Issue, Page
from reader.ui.pages.pane import PagePane
from reader.ui.pages.source import Clip
from tests.ui.page_images import FilePages


def write_scan(path: Path, width: int, height: int) -> None:
    """A grey-paper page with rows of word-like bars, saved as JPEG (quality 85)."""
    image = QImage(width, height, QImage.Format.Format_RGB888)
    image.fill(QColor(236, 232, 220))
    painter = QPainter(image)
    rng = random.Random(12)
    line = height // 160
    for top in range(line * 4, height - line * 4, line * 2):
        x = width // 20
        while x < width - width // 20:
            word = rng.randint(line, line * 5)
            shade = rng.randint(20, 70)
            painter.fillRect(x, top, word, line, QColor(shade, shade, shade))
            x += word + line // 2
    painter.end()
    image.save(str(path), "JPEG", 85)


def wait_for(signal, done, timeout_ms: int = 60_000) -> None:
    """Run the event loop until ``done()`` (checked each time ``signal`` comes), or give up."""
    clock = QElapsedTimer()
    clock.start()
    while not done():
        if clock.elapsed() > timeout_ms:
            raise TimeoutError("the page never became sharp")
        loop = QEventLoop()
        signal.connect(loop.quit)
        QTimer.singleShot(200, loop.quit)
        loop.exec()
        signal.disconnect(loop.quit)


class LibraryRenderer(FilePages):
    """The test provider's page views, with pixels from the library's renderer."""

    def __init__(self, folder: Path, views: dict[tuple[str, int], PageView]) -> None:
        super().__init__(folder, views)
        self.source = FolderSource(folder)
        self.cache = RasterCache()

    def render(self, page: Page, scale: float, clip: Clip | None) -> Raster:  # type: ignore[override]
        return images.render(self.source, page, scale, clip, self.cache)


def run_once(folder: Path, size: tuple[int, int], qt: bool) -> tuple[float, float, float]:
    page = Page(1, image="scan.jpg", width=size[0], height=size[1])
    views = {("b", 1): PageView("b", page, size)}
    provider = FilePages(folder, views) if qt else LibraryRenderer(folder, views)
    issue = Issue("b", "Bench", None, articles=(Article("A", "b", "A", pages=(1,)),), pages=(page,))
    pane = PagePane(provider)
    pane.resize(900, 1000)
    pane.show()
    QApplication.processEvents()
    times: dict[str, float] = {}
    clock = QElapsedTimer()
    pane.canvas.first_picture.connect(lambda: times.setdefault("first", clock.nsecsElapsed() / 1e6))
    pane.canvas.sharp.connect(lambda: times.setdefault("sharp", clock.nsecsElapsed() / 1e6))
    clock.start()
    pane.show_article(issue, "A", "")
    wait_for(pane.canvas.sharp, lambda: "sharp" in times)
    full: dict[str, float] = {}
    pane.canvas.sharp.connect(lambda: full.setdefault("sharp", clock.nsecsElapsed() / 1e6))
    clock.restart()
    pane.canvas.zoom_to(1.0)
    pane.canvas.ensure_visible(
        (size[0] / 2 - 10, size[1] / 2 - 10, size[0] / 2 + 10, size[1] / 2 + 10)
    )
    wait_for(pane.canvas.sharp, lambda: "sharp" in full)
    pane.shutdown()
    pane.deleteLater()
    return times["first"], times["sharp"], full["sharp"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="7000x10000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--qt", action="store_true", help="decode with QImageReader instead")
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.split("x"))
    QApplication.instance() or QApplication([])
    # Qt refuses images over 256 MB by default; the benchmark's decoder keeps a whole page.
    QImageReader.setAllocationLimit(1024)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        write_scan(folder / "scan.jpg", width, height)
        megabytes = (folder / "scan.jpg").stat().st_size / 1e6
        print(f"scan {width}×{height} JPEG, {megabytes:.1f} MB; {args.runs} runs, fresh cache each")
        runs = [run_once(folder, (width, height), args.qt) for _ in range(args.runs)]
    for index, name in enumerate(
        ("first picture", "sharp at fit-width", "sharp at 100 % (after zoom)")
    ):
        values = sorted(run[index] for run in runs)
        print(
            f"{name:28} median {statistics.median(values):7.0f} ms  (runs: {', '.join(f'{v:.0f}' for v in values)})"
        )


if __name__ == "__main__":
    main()
