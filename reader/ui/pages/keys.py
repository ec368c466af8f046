"""The page view's keys: zoom, pan, turn the page, step through hits.

While the page has the focus they win over the window's shortcuts of the same keys (F3 steps
through the page's hits, Ctrl+0 fits the page's width rather than the text's size).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent

if TYPE_CHECKING:
    from reader.ui.pages.canvas import PageCanvas

K, M = Qt.Key, Qt.KeyboardModifier


def command(canvas: PageCanvas, event: QKeyEvent) -> Callable[[], object] | None:
    """What a key does on the page, or None when it is not one of the page's keys."""
    key, mods = event.key(), event.modifiers() & ~M.KeypadModifier
    vbar = canvas.verticalScrollBar()
    if mods & M.ControlModifier and key in (K.Key_Equal, K.Key_Plus):
        return lambda: canvas.zoom_by(1)  # Ctrl+= and Ctrl++ (with or without the Shift)
    commands: dict[tuple[object, object], Callable[[], object]] = {
        (M.ControlModifier, K.Key_Minus): lambda: canvas.zoom_by(-1),
        (M.ControlModifier, K.Key_0): canvas.fit_width,
        (M.NoModifier, K.Key_F3): lambda: canvas.step_hit.emit(1),
        (M.ShiftModifier, K.Key_F3): lambda: canvas.step_hit.emit(-1),
        (M.NoModifier, K.Key_PageDown): lambda: canvas.turn.emit(1),
        (M.NoModifier, K.Key_PageUp): lambda: canvas.turn.emit(-1),
        (M.NoModifier, K.Key_Space): lambda: page_step(canvas, 1),
        (M.ShiftModifier, K.Key_Space): lambda: page_step(canvas, -1),
        (M.NoModifier, K.Key_Down): lambda: vbar.setValue(vbar.value() + vbar.singleStep()),
        (M.NoModifier, K.Key_Up): lambda: vbar.setValue(vbar.value() - vbar.singleStep()),
        (M.NoModifier, K.Key_Right): lambda: side_step(canvas, 1),
        (M.NoModifier, K.Key_Left): lambda: side_step(canvas, -1),
    }
    return commands.get((mods, key))


def page_step(canvas: PageCanvas, direction: int) -> None:
    """Space: a screenful on; at the page's end, the next page (Shift+Space: back)."""
    bar = canvas.verticalScrollBar()
    at_end = bar.value() >= bar.maximum() if direction > 0 else bar.value() <= 0
    if at_end:
        canvas.turn.emit(direction)
    else:
        bar.setValue(bar.value() + direction * round(bar.pageStep() * 0.9))


def side_step(canvas: PageCanvas, direction: int) -> None:
    """Left, Right: a step sideways."""
    bar = canvas.horizontalScrollBar()
    bar.setValue(bar.value() + direction * bar.singleStep())
