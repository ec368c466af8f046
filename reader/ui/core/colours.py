"""Colours that follow the palette: light or dark, and text on highlights readable in both.

Every colour here is chosen for the palette it is drawn on, so a switch to the system's dark
mode (Qt sends ``ApplicationPaletteChange``) only has to ask again. Text on a highlight keeps
the WCAG AA contrast of at least 4.5:1 in both (``tests/ui/test_look.py`` computes it).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

# WCAG 2's minimum contrast for body text (level AA).
AA_CONTRAST = 4.5


@dataclass(frozen=True)
class Marks:
    """The backgrounds of the marks in an article, and the text colour drawn on them."""

    match: QColor
    current: QColor
    find: QColor
    find_current: QColor
    text: QColor

    @property
    def backgrounds(self) -> tuple[QColor, ...]:
        """Every background, for checking contrast."""
        return (self.match, self.current, self.find, self.find_current)


# Light palette: bright marker colours under black text (as a highlighter pen on paper).
LIGHT_MARKS = Marks(
    QColor("#ffe066"), QColor("#ff9f1c"), QColor("#b3e5fc"), QColor("#29b6f6"), QColor("#000000")
)
# Dark palette: deep marker colours under white text; bright ones would glare on a dark page.
DARK_MARKS = Marks(
    QColor("#6b5300"), QColor("#a34700"), QColor("#0d4a6b"), QColor("#00699e"), QColor("#ffffff")
)
# The column label (栏目) in newspaper red; a lighter red on a dark page.
LIGHT_COLUMN = QColor("#a61b29")
DARK_COLUMN = QColor("#ff8a8a")
# A query error shown above the hits.
LIGHT_ERROR = QColor("#b00020")
DARK_ERROR = QColor("#ff8080")


def is_dark(palette: QPalette) -> bool:
    """Whether ``palette`` draws light text on a dark page (the system's dark mode)."""
    base = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    return luminance(base) < luminance(text)


def marks(palette: QPalette) -> Marks:
    """The search and find marks for text drawn on ``palette``."""
    return DARK_MARKS if is_dark(palette) else LIGHT_MARKS


def column_colour(palette: QPalette) -> QColor:
    """The colour of an article's column label (栏目) on ``palette``."""
    return DARK_COLUMN if is_dark(palette) else LIGHT_COLUMN


def error_colour(palette: QPalette) -> QColor:
    """The colour of an error message on ``palette``."""
    return DARK_ERROR if is_dark(palette) else LIGHT_ERROR


def luminance(colour: QColor) -> float:
    """WCAG 2's relative luminance of ``colour`` (0 for black, 1 for white)."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * linear(colour.red())
        + 0.7152 * linear(colour.green())
        + 0.0722 * linear(colour.blue())
    )


def contrast(first: QColor, second: QColor) -> float:
    """WCAG 2's contrast ratio of two colours, from 1 (the same) to 21 (black on white)."""
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def dark_palette() -> QPalette:
    """A dark palette like the systems' dark modes (for screenshots, tests, and styles without one)."""
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Window, "#2b2b2b"),
        (roles.WindowText, "#e6e6e6"),
        (roles.Base, "#1e1e1e"),
        (roles.AlternateBase, "#262626"),
        (roles.Text, "#e6e6e6"),
        (roles.PlaceholderText, "#9a9a9a"),
        (roles.Button, "#353535"),
        (roles.ButtonText, "#e6e6e6"),
        (roles.BrightText, "#ffffff"),
        (roles.Highlight, "#2f65ca"),
        (roles.HighlightedText, "#ffffff"),
        (roles.ToolTipBase, "#353535"),
        (roles.ToolTipText, "#e6e6e6"),
        (roles.Link, "#8ab4f8"),
        (roles.Light, "#505050"),
        (roles.Midlight, "#404040"),
        (roles.Mid, "#6a6a6a"),
        (roles.Dark, "#202020"),
        (roles.Shadow, "#000000"),
    ):
        palette.setColor(role, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(disabled, role, QColor("#7a7a7a"))
    return palette
