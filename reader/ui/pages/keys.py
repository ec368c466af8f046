"""The page view's keys: zoom, pan, turn the page, step through hits.

While the page has the focus they win over the window's shortcuts of the same keys (F3 steps
through the page's hits, Ctrl+0 fits the page's width rather than the text's size). One
table, ``KEYS``, says both what the page does with a key and what the shortcuts list shows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QKeyCombination, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence

from reader.ui.core import formatting

if TYPE_CHECKING:
    from reader.ui.pages.canvas import PageCanvas

K, M = Qt.Key, Qt.KeyboardModifier

# (keys, command): in the order the shortcuts list shows them; each command takes the canvas.
KEYS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("PgDown", "PgUp"), "turn"),
    (("Space", "Shift+Space"), "screenful"),
    (("Down", "Up", "Right", "Left"), "pan"),
    (("F3", "Shift+F3"), "hit"),
    (("Ctrl+=", "Ctrl++", "Ctrl+-"), "zoom"),
    (("Ctrl+0",), "fit"),
)


def _commands(canvas: PageCanvas) -> dict[str, Callable[[], object]]:
    """What each key does, by its text in ``KEYS``."""
    vbar, hbar = canvas.verticalScrollBar(), canvas.horizontalScrollBar()
    return {
        "PgDown": lambda: canvas.turn.emit(1),
        "PgUp": lambda: canvas.turn.emit(-1),
        "Space": lambda: page_step(canvas, 1),
        "Shift+Space": lambda: page_step(canvas, -1),
        "Down": lambda: vbar.setValue(vbar.value() + vbar.singleStep()),
        "Up": lambda: vbar.setValue(vbar.value() - vbar.singleStep()),
        "Right": lambda: hbar.setValue(hbar.value() + hbar.singleStep()),
        "Left": lambda: hbar.setValue(hbar.value() - hbar.singleStep()),
        "F3": lambda: canvas.step_hit.emit(1),
        "Shift+F3": lambda: canvas.step_hit.emit(-1),
        "Ctrl+=": lambda: canvas.zoom_by(1),
        "Ctrl++": lambda: canvas.zoom_by(1),
        "Ctrl+-": lambda: canvas.zoom_by(-1),
        "Ctrl+0": canvas.fit_width,
    }


def described() -> list[tuple[str, str]]:
    """(keys as the user reads them, what they do) for the shortcuts list, mouse included."""
    what = {
        "turn": QCoreApplication.translate("PageKeys", "Next page, previous page"),
        "screenful": QCoreApplication.translate(
            "PageKeys", "A screenful down, up (at the end: the next page)"
        ),
        "pan": QCoreApplication.translate("PageKeys", "Move the page"),
        "hit": QCoreApplication.translate("PageKeys", "Next match on the page, previous match"),
        "zoom": QCoreApplication.translate(
            "PageKeys", "Zoom in, out (the current match kept in view)"
        ),
        "fit": QCoreApplication.translate("PageKeys", "Fit the page's width"),
    }
    rows = [(key_names(keys), what[name]) for keys, name in KEYS]
    rows.append(
        (
            QCoreApplication.translate("PageKeys", "Ctrl+wheel"),
            QCoreApplication.translate("PageKeys", "Zoom at the pointer"),
        )
    )
    rows.append(
        (
            QCoreApplication.translate("PageKeys", "Drag"),
            QCoreApplication.translate("PageKeys", "Move the page"),
        )
    )
    rows.append(
        (
            QCoreApplication.translate("PageKeys", "Click"),
            QCoreApplication.translate("PageKeys", "Read the text of the word clicked"),
        )
    )
    return rows


def key_names(keys: tuple[str, ...]) -> str:
    """Keys in the interface language, as menus name them (``Ctrl+PgDown``, ``Alt+←``)."""
    native = QKeySequence.SequenceFormat.NativeText
    return formatting.listing([QKeySequence(k).toString(native) for k in keys])


def command(canvas: PageCanvas, event: QKeyEvent) -> Callable[[], object] | None:
    """What a key does on the page, or None when it is not one of the page's keys."""
    key, mods = event.key(), event.modifiers() & ~M.KeypadModifier
    if key == K.Key_Plus:
        mods &= ~M.ShiftModifier  # Ctrl++ however the layout makes its "+"
    pressed = QKeySequence(QKeyCombination(mods, K(key)))
    commands = _commands(canvas)
    for keys, _name in KEYS:
        for text in keys:
            if QKeySequence(text) == pressed:
                return commands[text]
    return None


def page_step(canvas: PageCanvas, direction: int) -> None:
    """Space: a screenful on; at the page's end, the next page (Shift+Space: back)."""
    bar = canvas.verticalScrollBar()
    at_end = bar.value() >= bar.maximum() if direction > 0 else bar.value() <= 0
    if at_end:
        canvas.turn.emit(direction)
    else:
        bar.setValue(bar.value() + direction * round(bar.pageStep() * 0.9))
