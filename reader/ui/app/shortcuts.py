"""The Keyboard Shortcuts dialog: every action, its keys, and the menu that holds it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.ui.app import view_keys
from reader.ui.core import formatting


class ShortcutsDialog(QDialog):
    """Every action with its keyboard shortcuts and the menu that holds it.

    After the menu actions come the keys that work in one place only (the search field, the
    hits, the page…), where Qt has no action to list: :mod:`reader.ui.app.view_keys` has them.
    """

    def __init__(self, rows: Sequence[tuple[str, QAction]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys"), self.tr("Where")])
        for menu, action in rows:
            self._add(plain_text(action.text()), shortcut_text(action), plain_text(menu))
        for where, keys, what in view_keys.rows():
            self._add(what, keys, where)
        view = QTableView(self)
        view.setModel(self.model)
        view.verticalHeader().hide()
        # One line of text per row, not Qt's default of a roomy 30 pixels.
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 6)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setWordWrap(False)
        view.setTabKeyNavigation(False)  # Tab goes to the Close button
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setStretchLastSection(True)
        view.setAlternatingRowColors(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(view)
        layout.addWidget(buttons)
        # Tall enough for every row where the screen allows; the table scrolls otherwise.
        screen = (parent or self).screen().availableGeometry().height()
        lines = self.model.rowCount() + 4  # and the header, the margins, the button
        height = view.verticalHeader().defaultSectionSize() * lines
        self.resize(620, min(int(screen * 0.85), height))
        view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _add(self, name: str, keys: str, where: str) -> None:
        items = [QStandardItem(name), QStandardItem(keys), QStandardItem(where)]
        for item in items:
            item.setEditable(False)
        self.model.appendRow(items)


# Qt's codes from Key_Help on are the extra keys of multimedia (and old Unix) keyboards.
_MEDIA_KEYS = Qt.Key.Key_Help.value

_MNEMONIC = re.compile(r"\(&\w\)|&(?=\S)")


def plain_text(text: str) -> str:
    """A menu text without its mnemonic: ``&Open`` → ``Open``, ``打开(&O)…`` → ``打开…``."""
    return _MNEMONIC.sub("", text).replace("&&", "&")


def shortcut_text(action: QAction) -> str:
    """The action's shortcuts as the user types them, each once.

    ``Shift+?`` is left out beside ``?``: it is there only for keyboard layouts that report
    the Shift that makes the ``?``. So are the keys of multimedia keyboards that the
    platform's standard keys bring (Back, Refresh, Zoom In): they name themselves.
    """
    keys = [
        s.toString(QKeySequence.SequenceFormat.NativeText)
        for s in action.shortcuts()
        if not s.isEmpty() and s[0].key().value < _MEDIA_KEYS  # type: ignore[index]
    ]
    shown = []
    for key in keys:
        if key.startswith("Shift+") and key.removeprefix("Shift+") in keys:
            continue
        if key not in shown:
            shown.append(key)
    return formatting.listing(shown)
