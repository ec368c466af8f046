"""The small dialog of Ctrl+B: which collection to keep an article in, with a note and tags."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from reader.library.collections_schema import clean_tags


class KeepDialog(QDialog):
    """Choose a collection (or type a new name), write a note and tags.

    Args:
        what: what is kept, as the reader sees it (a title, or "3 hits").
        collections: the collections there are; the first is chosen.
        note: the note so far (editing an article kept before).
        tags: its tags so far.
    """

    def __init__(
        self,
        what: str,
        collections: Sequence[str],
        note: str = "",
        tags: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("keep_dialog")
        self.setWindowTitle(self.tr("Save to Collection"))
        self.what = QLabel(what, self)
        self.what.setWordWrap(True)
        self.collection = QComboBox(self)
        self.collection.setEditable(True)
        self.collection.addItems(list(collections) or [self.tr("Reading list")])
        self.note = QPlainTextEdit(note, self)
        self.note.setTabChangesFocus(True)
        self.tags = QLineEdit(", ".join(tags), self)
        self.tags.setPlaceholderText(self.tr("comma-separated, e.g. heating, 1946"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        form = QFormLayout(self)
        form.addRow(self.what)
        form.addRow(self.tr("&Collection:"), self.collection)
        form.addRow(self.tr("&Note:"), self.note)
        form.addRow(self.tr("&Tags:"), self.tags)
        form.addRow(buttons)
        self.collection.setFocus()

    def _accept(self) -> None:
        if self.chosen:
            self.accept()

    @property
    def chosen(self) -> str:
        """The collection chosen or typed."""
        return self.collection.currentText().strip()

    @property
    def chosen_tags(self) -> tuple[str, ...]:
        """The tags typed (commas, or the Chinese comma, between them)."""
        return clean_tags(self.tags.text().replace("，", ",").replace("、", ","))

    @property
    def chosen_note(self) -> str:
        """The note written."""
        return self.note.toPlainText().strip()
