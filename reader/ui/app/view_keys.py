"""The keys that belong to one view (the search field, the hits, the page…): Qt has no action
to list for them, so the shortcuts list reads them from this table (the page's from its own).

Key names come from Qt (``QKeySequence``), as the menus show them, so a key reads the same
in the list, the menus and every language. Translated in the ``ShortcutsDialog`` context.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from reader.ui.i18n import fill
from reader.ui.pages import keys as page_keys
from reader.ui.pages.keys import key_names


def rows() -> list[tuple[str, str, str]]:
    """(where, keys, what they do) for every key that belongs to one view."""
    search_field, hits = (
        QCoreApplication.translate("ShortcutsDialog", "Search field"),
        QCoreApplication.translate("ShortcutsDialog", "Hits and article list"),
    )
    find_bar, chart, trends = (
        QCoreApplication.translate("ShortcutsDialog", "Find bar"),
        QCoreApplication.translate("ShortcutsDialog", "Hits chart"),
        QCoreApplication.translate("ShortcutsDialog", "Trends chart"),
    )
    enter, esc = key_names(("Enter",)), key_names(("Esc",))
    bars = key_names(("Left", "Right", "Home", "End"))
    table = [
        (search_field, enter, QCoreApplication.translate("ShortcutsDialog", "Search")),
        (
            search_field,
            fill(
                QCoreApplication.translate("ShortcutsDialog", "%1 (in an empty field)"),
                key_names(("Up",)),
            ),
            QCoreApplication.translate("ShortcutsDialog", "Earlier searches"),
        ),
        (
            search_field,
            key_names(("Down",)),
            QCoreApplication.translate("ShortcutsDialog", "Go to the hits"),
        ),
        (search_field, esc, QCoreApplication.translate("ShortcutsDialog", "Back to reading")),
        (
            QCoreApplication.translate("ShortcutsDialog", "Issue tree"),
            enter,
            QCoreApplication.translate("ShortcutsDialog", "Go to the articles"),
        ),
        (hits, enter, QCoreApplication.translate("ShortcutsDialog", "Read the article")),
        (
            hits,
            fill(
                QCoreApplication.translate("ShortcutsDialog", "%1 (on the first hit)"),
                key_names(("Up",)),
            ),
            QCoreApplication.translate("ShortcutsDialog", "Back to the search field"),
        ),
        (chart, bars, QCoreApplication.translate("ShortcutsDialog", "Choose a bar")),
        (
            chart,
            key_names(("Enter", "Space")),
            QCoreApplication.translate("ShortcutsDialog", "Show only the hits of that bar"),
        ),
        (
            QCoreApplication.translate("ShortcutsDialog", "Concordance"),
            enter,
            QCoreApplication.translate("ShortcutsDialog", "Read the article at this match"),
        ),
        (trends, bars, QCoreApplication.translate("ShortcutsDialog", "Choose a period")),
        (
            trends,
            key_names(("Enter", "Space")),
            QCoreApplication.translate("ShortcutsDialog", "Narrow the search to that period"),
        ),
        (
            QCoreApplication.translate("ShortcutsDialog", "Compared searches"),
            key_names(("Del", "Backspace")),
            QCoreApplication.translate("ShortcutsDialog", "Remove the search"),
        ),
        (
            QCoreApplication.translate("ShortcutsDialog", "Library and collections"),
            enter,
            QCoreApplication.translate("ShortcutsDialog", "Open the one chosen"),
        ),
        (
            QCoreApplication.translate("ShortcutsDialog", "Library and collections"),
            key_names(("Del",)),
            QCoreApplication.translate("ShortcutsDialog", "Remove it from the list"),
        ),
        (
            find_bar,
            key_names(("Enter", "Shift+Enter")),
            QCoreApplication.translate("ShortcutsDialog", "Next, previous"),
        ),
        (find_bar, esc, QCoreApplication.translate("ShortcutsDialog", "Close the find bar")),
        (
            QCoreApplication.translate("ShortcutsDialog", "Article"),
            key_names(("Space", "Shift+Space")),
            QCoreApplication.translate("ShortcutsDialog", "Page down, page up"),
        ),
    ]
    page = QCoreApplication.translate("ShortcutsDialog", "Scanned page")
    table += [(page, keys, what) for keys, what in page_keys.described()]
    return table
