"""The scrolling, zooming picture of one page: a preview first, then sharp tiles, and its marks."""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from reader.model import Box, Page, Word
from reader.ui.pages import keys, overlay
from reader.ui.pages.drag import Drag
from reader.ui.pages.overlay import Marks
from reader.ui.pages.picture import TiledPicture
from reader.ui.pages.tiles import TileLoader

MARGIN = 12
# Around the page, the dark grey of PDF viewers: the dimmed parts of a page stay apart from it.
DESK = QColor("#525659")
ZOOM_STEP = 1.25
MIN_SCALE, MAX_SCALE = 0.02, 8.0
K, M = Qt.Key, Qt.KeyboardModifier


class PageCanvas(QAbstractScrollArea):
    """One page at a scale (screen pixels per image pixel), fitting the width until zoomed.

    Signals:
        clicked(float, float): a click (not a drag) on the page, at this image point.
        turn(int): PgDn (1) or PgUp (-1), or Space past the end of the page (Shift: start).
        step_hit(int): F3 (1) or Shift+F3 (-1).
        zoomed(float): the scale now.

    ``picture`` (a :class:`TiledPicture`) has the signals that say when it was first painted
    and when sharp; ``first_picture`` and ``sharp`` here are those same signals.
    """

    clicked = Signal(float, float)
    turn = Signal(int)
    step_hit = Signal(int)
    zoomed = Signal(float)

    def __init__(self, loader: TileLoader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loader = loader
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
        self.fit = True
        self.marks = Marks()
        self.picture = TiledPicture(loader, self)
        self._size = (0, 0)
        self._scale = 1.0
        self._drag = Drag(self)
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._schedule)
        self.picture.changed.connect(self.viewport().update)
        self.first_picture, self.sharp = self.picture.first_picture, self.picture.sharp
        for bar in (self.horizontalScrollBar(), self.verticalScrollBar()):
            bar.setSingleStep(40)
            # Not straight to start(): valueChanged's value would become the timer's interval.
            bar.valueChanged.connect(self._soon)

    # --- the page and the view ------------------------------------------------------------

    @property
    def scale(self) -> float:
        """Screen pixels per image pixel."""
        return self._scale

    @property
    def size_px(self) -> tuple[int, int]:
        """The page's size in image pixels."""
        return self._size

    def set_page(
        self,
        key: Hashable,
        page: Page | None,
        size: tuple[int, int],
        has_image: bool,
        words: Sequence[Word] = (),
    ) -> None:
        """Show ``page`` (None: only the message) at the top, fitting the width if it did;
        without an image, its ``words`` in their boxes (an OCR'd page without its scan reads)."""
        self._size = size
        self.picture.set_page(key, page, size, has_image, words)
        self.marks = Marks()
        if self.fit:
            self._scale = self._fit_scale()
        self._update_range()
        self.verticalScrollBar().setValue(0)
        self._center_horizontally()
        self._soon()
        self.viewport().update()

    def set_marks(self, marks: Marks) -> None:
        """Draw these regions and hits over the page."""
        self.marks = marks
        self.viewport().update()

    def zoom_to(self, scale: float, anchor: QPointF | None = None) -> None:
        """Show the page at ``scale``, the image point under ``anchor`` kept there.

        With no ``anchor`` (the keyboard's zoom), the current hit is kept in view if it is in
        view, as PDF readers keep theirs; else the view's centre stays where it is.
        """
        hit = self.marks.current_box()
        seen = hit is not None and self.to_view_rect(hit).intersects(QRectF(self.viewport().rect()))
        if anchor is None:
            view = self.to_view_rect(hit) if hit is not None and seen else self.viewport().rect()
            anchor = QPointF(view.center())
        point = self.to_image(anchor)
        self.fit = False
        self._scale = max(MIN_SCALE, min(MAX_SCALE, scale))
        self._update_range()
        self.horizontalScrollBar().setValue(round(MARGIN + point.x() * self._scale - anchor.x()))
        self.verticalScrollBar().setValue(round(MARGIN + point.y() * self._scale - anchor.y()))
        if hit is not None and seen:
            self.ensure_visible(hit)  # zoomed in, it may have grown past the view's edge
        self.zoomed.emit(self._scale)
        self._soon()
        self.viewport().update()

    def zoom_by(self, steps: float, anchor: QPointF | None = None) -> None:
        """Zoom in (positive) or out (negative) by ``steps`` steps of 25 %."""
        self.zoom_to(self._scale * ZOOM_STEP**steps, anchor)

    def fit_width(self) -> None:
        """Fit the page's width to the view again (and keep doing so as it is resized)."""
        self.zoom_to(self._fit_scale())
        self.fit = True
        self._center_horizontally()
        self.zoomed.emit(self._scale)  # again, fitting now (zoom_to's said it was zoomed)

    def ensure_visible(self, box: Box, margin: int = 48) -> None:
        """Scroll so that ``box`` (image pixels) is in view: left where it is if it is wholly
        in view (``margin`` inside its edges), else centred, both ways, as far as the page goes
        (as find in page does in PDF readers: centred only one way, it was left at an edge)."""
        view = self.to_view_rect(box)
        area = QRectF(self.viewport().rect()).adjusted(margin, margin, -margin, -margin)
        if area.contains(view):
            return
        centre = QRectF(self.viewport().rect()).center()
        self.horizontalScrollBar().setValue(
            round(self.horizontalScrollBar().value() + view.center().x() - centre.x())
        )
        self.verticalScrollBar().setValue(
            round(self.verticalScrollBar().value() + view.center().y() - centre.y())
        )

    def origin(self) -> QPointF:
        """Where the image's (0, 0) is in the viewport."""
        width = self._size[0] * self._scale
        spare = self.viewport().width() - width
        x = spare / 2 if spare > 2 * MARGIN else MARGIN - self.horizontalScrollBar().value()
        return QPointF(x, MARGIN - self.verticalScrollBar().value())

    def to_image(self, point: QPointF) -> QPointF:
        """A viewport point in image pixels."""
        return (point - self.origin()) / self._scale

    def to_view_rect(self, box: Box) -> QRectF:
        """An image box in viewport coordinates."""
        o, s = self.origin(), self._scale
        return QRectF(
            o.x() + box[0] * s, o.y() + box[1] * s, (box[2] - box[0]) * s, (box[3] - box[1]) * s
        )

    def _fit_scale(self) -> float:
        if self._size[0] <= 0:
            return 1.0
        return max(MIN_SCALE, (self.viewport().width() - 2 * MARGIN) / self._size[0])

    def _update_range(self) -> None:
        view = self.viewport().size()
        width = self._size[0] * self._scale + 2 * MARGIN
        height = self._size[1] * self._scale + 2 * MARGIN
        for bar, content, page in (
            (self.horizontalScrollBar(), width, view.width()),
            (self.verticalScrollBar(), height, view.height()),
        ):
            bar.setRange(0, max(0, round(content - page)))
            bar.setPageStep(page)

    def _center_horizontally(self) -> None:
        bar = self.horizontalScrollBar()
        bar.setValue(bar.maximum() // 2)

    # --- tiles ----------------------------------------------------------------------------

    def _level(self) -> float:
        return self.picture.level(self._scale * self.devicePixelRatioF())

    def _in_view(self, rect: QRect, grow: float = 0.0) -> QRectF:
        """The image pixels under a viewport rectangle (grown by ``grow`` of its size)."""
        dx, dy = rect.width() * grow, rect.height() * grow
        area = QRectF(rect).adjusted(-dx, -dy, dx, dy)
        return QRectF(self.to_image(area.topLeft()), self.to_image(area.bottomRight()))

    @Slot()
    def _soon(self) -> None:
        """Ask for tiles once the events of the moment are handled (many scrolls: one ask)."""
        self._timer.start(0)

    @Slot()
    def _schedule(self) -> None:
        """Ask for the sharp tiles in (and just around) the view, the middle ones first."""
        view = self.viewport().rect()
        centre = self.to_image(QPointF(view.center()))
        self.picture.schedule(self._level(), self._in_view(view, 0.25), centre)

    # --- painting -------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        """Qt override: the page, its picture as sharp as the cache has it, the marks."""
        painter = QPainter(self.viewport())
        painter.fillRect(event.rect(), DESK)
        if self.picture.page is not None and self._size[0] > 0:
            origin, s = self.origin(), self._scale
            painter.fillRect(
                QRectF(origin.x(), origin.y(), self._size[0] * s, self._size[1] * s),
                Qt.GlobalColor.white,
            )
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            area = self._in_view(event.rect())
            self.picture.paint(painter, self._level(), area, self._snapped)
            painter.setTransform(QTransform(s, 0, 0, s, origin.x(), origin.y()))
            overlay.draw(painter, self.marks, self._size, self.palette())
            painter.resetTransform()
        painter.end()

    def _snapped(self, clip: tuple[int, int, int, int]) -> QRectF:
        """An image rectangle on whole screen pixels, so that tiles meet without seams."""
        view = self.to_view_rect(clip)
        left, top = round(view.left()), round(view.top())
        return QRectF(left, top, round(view.right()) - left, round(view.bottom()) - top)

    # --- keys and the mouse ---------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        """Qt override: the page's keys win over the window's shortcuts while it has focus."""
        shortcut = event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
        if shortcut and keys.command(self, event) is not None:  # type: ignore[arg-type]
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Qt override: zoom, pan, turn pages, step through hits."""
        command = keys.command(self, event)
        if command is None:
            super().keyPressEvent(event)
        else:
            command()

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Qt override: Ctrl+wheel zooms at the pointer; the wheel alone scrolls."""
        if event.modifiers() & M.ControlModifier:
            self.zoom_by(event.angleDelta().y() / 120, event.position())
            event.accept()
        else:
            super().wheelEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Qt override: start a drag (or a click)."""
        self._drag.press(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Qt override: drag the page."""
        self._drag.move(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """Qt override: a release where the press was is a click on the page."""
        self._drag.release(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Qt override: keep fitting the width, at the same place down the page."""
        bar = self.verticalScrollBar()
        fraction = bar.value() / max(1, bar.maximum())
        super().resizeEvent(event)
        if self.fit:
            self._scale = self._fit_scale()
            self._update_range()
            bar.setValue(round(fraction * bar.maximum()))
            self._center_horizontally()
        else:
            self._update_range()
        self._soon()
