"""What the status bar says of the open article's matches: the search's, or the find bar's."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from reader.ui.core.formatting import count
from reader.ui.i18n import fill
from reader.ui.reading.text_pane import TextPane


def match_text(pane: TextPane) -> str:
    """Where the reader is among the matches of ``pane``'s article ("": nothing to say).

    The find bar's places when it is open with text (F3 steps through those then), else the
    search's matches: which is current of how many, and how many are not marked. Worded in
    the ``MainWindow`` context, where these texts were first written.
    """
    if pane.finding:
        if pane.found_current < 0:
            return ""  # the find bar says "Not found"
        template = QCoreApplication.translate("MainWindow", "Found in the article: %1 of %2")
        return fill(template, count(pane.found_current + 1), count(pane.found_count))
    current, total = pane.current_match, pane.match_count
    everything = pane.match_total  # past MOST_MARKED, more than ``total`` marked
    if total == 0:
        return ""
    if everything <= total:
        if current < 0:
            return ""  # nothing to say until one is current
        template = QCoreApplication.translate("MainWindow", "Match %1 of %2")
        return fill(template, str(current + 1), str(total))
    if current < 0:
        template = QCoreApplication.translate(
            "MainWindow", "The article has %1 matches: the first %2 are marked."
        )
        return fill(template, count(everything), count(total))
    template = QCoreApplication.translate(
        "MainWindow", "Match %1 of the first %2 marked (the article has %3)"
    )
    return fill(template, count(current + 1), count(total), count(everything))
