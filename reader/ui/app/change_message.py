"""The status bar's words for what reading the archive again changed (F5, or the watcher)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from reader.library.reloading import Changes
from reader.library.unreadable import files_and_folders
from reader.ui.i18n import fill


def describe_changes(changes: Changes) -> str:
    """What a reload changed, for the status bar ("2 issues added, 1 issue changed"); "" if nothing."""
    translate = QCoreApplication.translate
    # One text for one and one for more: English needs both, and Chinese has no plural.
    counted = (
        (
            len(changes.added),
            translate("Reloader", "1 issue added"),
            translate("Reloader", "%1 issues added"),
        ),
        (
            len(changes.changed),
            translate("Reloader", "1 issue changed"),
            translate("Reloader", "%1 issues changed"),
        ),
        (
            len(changes.removed),
            translate("Reloader", "1 issue removed"),
            translate("Reloader", "%1 issues removed"),
        ),
    )
    parts = [one if n == 1 else fill(many, f"{n:,}") for n, one, many in counted if n]
    unreadable = _unreadable(changes)
    if unreadable:
        parts.append(unreadable)
    if not parts:
        return ""
    text = parts[0]
    for part in parts[1:]:
        text = fill(translate("Reloader", "%1, %2"), text, part)
    return fill(translate("Reloader", "The archive changed: %1."), text)


def _unreadable(changes: Changes) -> str:
    """What newly could not be read: "2 files and 1 folder could not be read"; "" if nothing."""
    translate = QCoreApplication.translate
    files, folders = files_and_folders(changes.unreadable)
    counted = (
        (files, translate("Reloader", "1 file"), translate("Reloader", "%1 files")),
        (folders, translate("Reloader", "1 folder"), translate("Reloader", "%1 folders")),
    )
    nouns = [one if n == 1 else fill(many, f"{n:,}") for n, one, many in counted if n]
    if not nouns:
        return ""
    what = nouns[0] if len(nouns) == 1 else fill(translate("Reloader", "%1 and %2"), *nouns)
    return fill(translate("Reloader", "%1 could not be read"), what)
