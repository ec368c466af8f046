"""A page provider for the page view's tests: real image files decoded by Qt, real PageViews.

The library's page functions are another helper's work (issue 12); until they are merged the
tests give the view what ``reader.library.pages`` will: PageView objects built by the test,
and pixels decoded from real files (QImageReader, in the view's worker threads).
"""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QImage, QImageReader

from reader.library.pages import HitBox, PageView
from reader.model import Page


class FilePages:
    """PageViews given by the test; images read from ``folder`` (``Page.image`` names the file).

    ``text_at`` gives the clicked word's article and its offset in an article text made of the
    article's words joined by spaces, in the order the page lists them.
    """

    def __init__(self, folder: Path, views: dict[tuple[str, int], PageView]) -> None:
        self.folder = folder
        self.views = views
        self.renders: list[tuple[str, float, tuple[int, int, int, int] | None]] = []
        self.threads: list[str] = []  # the thread each render ran in
        self._lock = threading.Lock()
        self._decoded: dict[tuple[str, float], QImage] = {}
        self._decoding = threading.Lock()

    def page_view(self, issue_id: str, number: int, query: str) -> PageView:
        view = self.views[(issue_id, number)]
        if not query:
            return replace(view, hits=())
        return view

    def article_hits(self, article_id: str, query: str) -> tuple[list[tuple[int, HitBox]], int]:
        found = []
        for (_issue, number), view in sorted(self.views.items()):
            found.extend((number, hit) for hit in view.hits if hit.article_id == article_id)
        return found, 0  # the test's views hold every match of their articles

    def text_at(self, view: PageView, x: float, y: float) -> tuple[str, str, int] | None:
        offsets: dict[str, int] = {}
        for word in view.words:
            at = offsets.get(word.article, 0)
            left, top, right, bottom = word.box
            if left <= x <= right and top <= y <= bottom:
                return word.article, "body", at
            offsets[word.article] = at + len(word.text) + 1
        return None

    def render(self, page: Page, scale: float, clip: tuple[int, int, int, int] | None) -> QImage:
        """Decode the image at ``scale`` once (kept), and cut ``clip`` from it."""
        with self._lock:
            self.renders.append((page.image, scale, clip))
            self.threads.append(threading.current_thread().name)
            whole = self._decoded.get((page.image, scale))
        if whole is None:
            with self._decoding:  # one decode of each image and scale, however many tiles ask
                whole = self._decoded.get((page.image, scale)) or self._decode(page, scale)
        if clip is None:
            return whole
        left, top, right, bottom = (round(v * scale) for v in clip)
        return whole.copy(QRect(left, top, right - left, bottom - top))

    def _decode(self, page: Page, scale: float) -> QImage:
        reader = QImageReader(str(self.folder / page.image))
        size = reader.size()
        reader.setScaledSize(QSize(round(size.width() * scale), round(size.height() * scale)))
        whole = reader.read()
        if whole.isNull():
            raise OSError(reader.errorString())
        with self._lock:
            self._decoded[(page.image, scale)] = whole
        return whole
