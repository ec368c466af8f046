"""The window itself: startup, the main window and its chrome, opening, watching, errors."""

from reader.ui.app.startup import main

__all__ = ["main"]
