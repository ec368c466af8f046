"""Suggested publication aliases in the Problems panel: a masthead that looks like an OCR misread.

One row per suggestion, above the unreadable files: what was found and why, with Accept (the
alias is kept for this reader, never in the archive), Dismiss (the masthead is right as
printed) and Copy archive.toml Text (the lines that make it the archive's own, for everyone).
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from reader.library.aliases import toml_text
from reader.library.misreads import Suggestion
from reader.model import ArchiveSettings
from reader.ui.i18n import fill


def difference(misread: str, meant: str) -> tuple[str, str]:
    """The parts of two names that differ: 孑 and 子 in 今日长孑 and 今日长子.

    Shown beside the names: the glyphs OCR confuses are so alike that on screen the two names
    cannot be told apart without them.
    """
    start = 0
    while start < min(len(misread), len(meant)) and misread[start] == meant[start]:
        start += 1
    end = 0
    while end < min(len(misread), len(meant)) - start and misread[-1 - end] == meant[-1 - end]:
        end += 1
    return misread[start : len(misread) - end], meant[start : len(meant) - end]


class SuggestionRow(QFrame):
    """One suggested alias: its explanation and its three buttons.

    Signals:
        accepted(object): Accept was clicked (the :class:`Suggestion`).
        dismissed(object): Dismiss was clicked.
    """

    accepted = Signal(object)
    dismissed = Signal(object)

    def __init__(
        self, suggestion: Suggestion, settings: ArchiveSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("alias_suggestion")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.suggestion = suggestion
        self.toml = toml_text(settings, suggestion.masthead, suggestion.name)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.accept_button = QPushButton(self)
        self.dismiss_button = QPushButton(self)
        self.copy_button = QPushButton(self)
        self.accept_button.clicked.connect(lambda: self.accepted.emit(self.suggestion))
        self.dismiss_button.clicked.connect(lambda: self.dismissed.emit(self.suggestion))
        self.copy_button.clicked.connect(self.copy_toml)
        buttons = QVBoxLayout()
        for button in (self.accept_button, self.dismiss_button, self.copy_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QHBoxLayout(self)
        layout.addWidget(self.label, 1)
        layout.addLayout(buttons)
        self.retranslate()

    def _evidence(self) -> str:
        """How often the text of the masthead's issues has the name's piece, and in how many."""
        s = self.suggestion
        evidence, times, read = html.escape(s.evidence), f"{s.occurrences:,}", f"{s.issues_read:,}"
        if s.issues_read == 1 == s.masthead_issues:  # not "in 1 of the 1 issues read"
            return fill(self.tr("In the text of its issue: “%1” ×%2."), evidence, times)
        if s.issues_with == s.issues_read:
            text = self.tr("In the text of its issues: “%1” ×%2, in each of the %3 issues read.")
            return fill(text, evidence, times, read)
        text = self.tr("In the text of its issues: “%1” ×%2, in %3 of the %4 issues read.")
        return fill(text, evidence, times, f"{s.issues_with:,}", read)

    def copy_toml(self) -> None:
        """Put the ``archive.toml`` lines of this alias on the clipboard."""
        QGuiApplication.clipboard().setText(self.toml)

    def retranslate(self) -> None:
        """Set the texts in the current language."""
        s = self.suggestion
        masthead, name = html.escape(s.masthead), html.escape(s.name)
        misread, meant = difference(s.masthead, s.name)
        lines = [
            fill(
                self.tr("The masthead %1 looks like an OCR misread of %2 (“%3” for “%4”)."),
                f"<b>{masthead}</b>",
                f"<b>{name}</b>",
                html.escape(misread),
                html.escape(meant),
            ),
            fill(
                self.tr("Issues under each spelling: %1 under %2, %3 under %4."),
                f"{s.masthead_issues:,}",
                masthead,
                f"{s.name_issues:,}",
                name,
            ),
        ]
        if s.evidence:
            lines.append(self._evidence())
        self.label.setText("<br>".join(lines))
        # Code points, for glyphs too alike to tell apart at the interface's size.
        points = (" ".join(f"{ch} U+{ord(ch):04X}" for ch in part) for part in (misread, meant))
        self.label.setToolTip(" → ".join(points))
        self.accept_button.setText(self.tr("Accept"))
        self.accept_button.setToolTip(
            fill(
                self.tr("Read %1 as %2 from now on: kept for you, the archive is not changed"),
                s.masthead,
                s.name,
            )
        )
        self.dismiss_button.setText(self.tr("Dismiss"))
        self.dismiss_button.setToolTip(
            self.tr("The masthead is right as printed: do not suggest it again")
        )
        self.copy_button.setText(self.tr("Copy archive.toml Text"))
        self.copy_button.setToolTip(
            self.tr("Copy the lines that make this alias part of the archive, for everyone")
        )
        for button in (self.accept_button, self.dismiss_button, self.copy_button):
            button.setAccessibleName(f"{button.text()}: {s.masthead}")


class SuggestionsView(QWidget):
    """The suggested aliases, one :class:`SuggestionRow` each; hidden while there are none.

    Signals:
        accepted(object): a row's Accept was clicked (the :class:`Suggestion`).
        dismissed(object): a row's Dismiss was clicked.
    """

    accepted = Signal(object)
    dismissed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alias_suggestions")
        self.rows: list[SuggestionRow] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.hide()

    def set_suggestions(self, suggestions: Sequence[Suggestion], settings: ArchiveSettings) -> None:
        """Show these suggestions (none: hide)."""
        for row in self.rows:
            self._layout.removeWidget(row)
            row.deleteLater()
        self.rows = [SuggestionRow(s, settings, self) for s in suggestions]
        for row in self.rows:
            row.accepted.connect(self.accepted)
            row.dismissed.connect(self.dismissed)
            self._layout.addWidget(row)
        self.setVisible(bool(self.rows))
