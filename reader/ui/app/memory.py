"""What the window remembers between runs: the reading position per archive, and its own layout."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QMainWindow, QSplitter

from reader.model import Issue
from reader.ui.core import settings
from reader.ui.reading.text_pane import TextPane


@dataclass(frozen=True)
class Position:
    """Where the reader was in an archive: an issue, an article of it, how far down."""

    issue_id: str
    article_id: str = ""
    scroll: float = 0.0


def save_position(path: str, pane: TextPane) -> None:
    """Remember the issue, article and scroll position ``pane`` shows for the archive at ``path``."""
    if not path or pane.issue is None:
        return
    positions = settings.read("positions")
    # Re-inserted last, so the archives read longest ago are the first to be forgotten.
    positions.pop(path, None)
    positions[path] = {
        "issue": pane.issue.id,
        "article": pane.article.id if pane.article else "",
        "scroll": round(pane.scroll_fraction(), 4),
    }
    while len(positions) > settings.MAX_POSITIONS:
        positions.pop(next(iter(positions)))
    settings.write(positions=positions)


def saved_position(path: str, issues: tuple[Issue, ...]) -> Position | None:
    """Where to start reading the archive at ``path``: the saved place, else its first issue.

    None when the archive has no issues. A saved issue no longer in the archive is forgotten.
    """
    position = settings.read("positions").get(path, {})
    if not isinstance(position, dict):
        position = {}
    issue_id = position.get("issue", "")
    if issue_id not in {i.id for i in issues}:
        return Position(issues[0].id) if issues else None
    try:
        scroll = float(position.get("scroll", 0.0))
    except (TypeError, ValueError):
        scroll = 0.0
    return Position(issue_id, str(position.get("article", "")), scroll)


def restore_window(window: QMainWindow, pane: TextPane) -> bool:
    """Give ``window`` its saved geometry and dock state and ``pane`` its zoom.

    Returns whether the text was last shown with its original line breaks.
    """
    geometry = settings.read("geometry")
    if geometry:
        window.restoreGeometry(QByteArray.fromHex(geometry.encode()))
    else:
        window.resize(1280, 800)
    state = settings.read("window_state")
    if state:
        window.restoreState(QByteArray.fromHex(state.encode()))
    pane.set_zoom(settings.read("zoom"))
    return bool(settings.read("original_text"))


def restore_splitter(splitter: QSplitter) -> bool:
    """Give ``splitter`` its saved sizes (once the window has its restored geometry).

    Returns:
        Whether there were sizes saved to give it.
    """
    sizes = settings.read("splitter")
    if len(sizes) == splitter.count() and all(isinstance(s, int) for s in sizes):
        splitter.setSizes(sizes)
        return True
    return False


def save_window(
    window: QMainWindow, splitter: QSplitter | None, pane: TextPane, original: bool
) -> None:
    """Remember the window's geometry, docks, splitter sizes, the zoom and the text mode.

    ``splitter`` is None when it was never on screen (only the start page was): its sizes
    then are not the reader's, and the saved ones stay.
    """
    settings.write(
        geometry=window.saveGeometry().toHex().toStdString(),
        window_state=window.saveState().toHex().toStdString(),
        zoom=pane.zoom,
        original_text=original,
    )
    if splitter is not None:
        settings.write(splitter=splitter.sizes())
