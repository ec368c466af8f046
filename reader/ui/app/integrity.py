"""Verify Archive Integrity: the check off the GUI thread with progress and cancel, and its report."""

from __future__ import annotations

from concurrent.futures import Executor

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStatusBar,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.library.verify import CHANGED, STATUSES, UNREADABLE, FileCheck, Report
from reader.ui.core.session import Session
from reader.ui.core.tasks import Tasks
from reader.ui.i18n import fill
from reader.ui.problems.reasons import reason_text

# Files that need a look come first in the report.
ORDER = {status: n for n, status in enumerate((CHANGED, UNREADABLE, "missing", "unlisted"))}
STEPS = 1000


class IntegrityCheck(QObject):
    """Checks the open archive against its manifests on a thread of its own (hashing is long).

    Progress and a cancel button show in the status bar while it runs; the report opens in an
    :class:`IntegrityDialog`. Opening or closing an archive cancels it.

    Signals:
        reported(object): the check ended with this ``Report`` (the dialog is open).
        status(str): a one-off message for the status bar.
    """

    reported = Signal(object)
    status = Signal(str)

    def __init__(
        self, session: Session, bar: QStatusBar, parent: QWidget, executor: Executor | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._window = parent
        # Not the session's runner: a long check must not hold up opening and searching.
        self._tasks = Tasks(on_error=self._failed, executor=executor, parent=self)
        self.running = False
        self.dialog: IntegrityDialog | None = None
        self.widget = QWidget(bar)
        self.label = QLabel(self.widget)
        self.progress = QProgressBar(self.widget)
        self.progress.setMaximumWidth(140)
        self.progress.setTextVisible(False)
        self.cancel_button = QToolButton(self.widget)
        self.cancel_button.setObjectName("cancel_verify")
        self.cancel_button.clicked.connect(self.cancel)
        row = QHBoxLayout(self.widget)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addWidget(self.progress)
        row.addWidget(self.cancel_button)
        bar.addPermanentWidget(self.widget)
        self.widget.hide()
        session.opened.connect(self.cancel)
        session.closed.connect(self.cancel)
        self.retranslate()

    def retranslate(self) -> None:
        """Set the texts in the current language."""
        self.label.setText(self.tr("Verifying checksums…"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop verifying the archive"))
        self.progress.setAccessibleName(self.tr("Verification progress"))

    def start(self) -> None:
        """Verify the open archive (nothing happens while a check is running)."""
        library = self._session.library
        if library is None:
            self.status.emit(self.tr("No archive is open: there is nothing to verify."))
        if library is None or self.running:
            return
        self.running = True
        self.progress.setRange(0, 0)  # busy until the first report
        self.widget.show()
        self._tasks.run(
            library.verify,
            on_done=self._done,
            on_error=self._failed,
            on_progress=self._progressed,
            channel="verify",
        )

    @Slot()
    def cancel(self) -> None:
        """Stop the check running (it stops between two chunks of a file)."""
        if not self.running:
            return
        self._tasks.cancel("verify")
        self._stop()
        self.status.emit(self.tr("Verification cancelled."))

    def shutdown(self) -> None:
        """Stop for good (the window is closing)."""
        self._tasks.shutdown()
        self.running = False

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, STEPS)
        self.progress.setValue(round(STEPS * done / total) if total else 0)

    def _done(self, report: Report) -> None:
        self._stop()
        self.dialog = IntegrityDialog(report, self._window)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.destroyed.connect(self._forget_dialog)
        self.dialog.open()
        self.reported.emit(report)

    def _forget_dialog(self) -> None:
        self.dialog = None

    def _failed(self, exc: BaseException) -> None:
        self._stop()
        self._session.error.emit(exc)

    def _stop(self) -> None:
        self.running = False
        self.widget.hide()


class IntegrityDialog(QDialog):
    """The result of a check: a verdict, counts by status, and every file with its status.

    Copy Report puts the same as plain text on the clipboard.
    """

    def __init__(self, report: Report, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("integrity_dialog")
        self.setWindowTitle(self.tr("Archive Integrity"))
        self.report = report
        names = self.status_names()
        counts = report.counts()
        self.verdict = QLabel(self._verdict(counts), self)
        self.verdict.setWordWrap(True)
        self.verdict.setTextFormat(Qt.TextFormat.PlainText)
        font = self.verdict.font()
        font.setBold(True)
        self.verdict.setFont(font)
        self.counts = QLabel(self._counts_text(counts), self)
        self.counts.setTextFormat(Qt.TextFormat.PlainText)
        self.counts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTreeWidget(self)
        self.table.setObjectName("integrity_files")
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels([self.tr("Status"), self.tr("File"), self.tr("Details")])
        self.table.setAccessibleName(self.tr("Files checked"))
        for check in sorted(report.files, key=lambda c: (ORDER.get(c.status, 9), c.path)):
            item = QTreeWidgetItem([names[check.status], check.path, self.detail(check)])
            item.setToolTip(1, check.path)
            item.setToolTip(2, item.text(2))
            self.table.addTopLevelItem(item)
        self.table.resizeColumnToContents(0)
        self.table.setColumnWidth(1, 380)
        self.notes = QLabel(self._notes_text(), self)
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.PlainText)
        self.notes.setVisible(bool(report.notes))

        self.copy_button = QPushButton(self.tr("Copy Report"), self)
        self.copy_button.setObjectName("copy_report")
        self.copy_button.clicked.connect(self.copy)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.verdict)
        layout.addWidget(self.counts)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.notes)
        layout.addWidget(buttons)
        self.resize(860, 420)

    def status_names(self) -> dict[str, str]:
        """Each status in the interface language."""
        names = {
            "intact": self.tr("Intact"),
            "changed": self.tr("Changed"),
            "missing": self.tr("Missing"),
            "unlisted": self.tr("Unlisted"),
            "unreadable": self.tr("Unreadable"),
        }
        assert set(names) == set(STATUSES)
        return names

    def detail(self, check: FileCheck) -> str:
        """What a file's row adds: the checksums that differ, or why it could not be read."""
        if check.status == CHANGED:
            wrong = [d for d in check.digests if d.expected != d.actual]
            return "; ".join(
                fill(self.tr("%1 expected %2, found %3"), d.algorithm, d.expected, d.actual)
                for d in wrong
            )
        if check.status == UNREADABLE and check.reason is not None:
            return reason_text(check.reason)
        return ""

    def text(self) -> str:
        """The whole report as plain text (what Copy Report copies)."""
        names = self.status_names()
        lines = [self.verdict.text(), self.counts.text(), ""]
        for check in sorted(self.report.files, key=lambda c: (ORDER.get(c.status, 9), c.path)):
            detail = self.detail(check)
            lines.append("\t".join(p for p in (names[check.status], check.path, detail) if p))
        if self.report.notes:
            lines += ["", self._notes_text()]
        return "\n".join(lines) + "\n"

    def copy(self) -> None:
        """Put the report on the clipboard."""
        QGuiApplication.clipboard().setText(self.text())

    def _verdict(self, counts: dict[str, int]) -> str:
        if not self.report.manifests:
            return self.tr("The archive has no checksum manifest or BagIt bag: nothing to verify.")
        if counts[CHANGED] or counts[UNREADABLE]:
            return self.tr("Some files differ from their checksums or cannot be read.")
        if counts["missing"] or counts["unlisted"]:
            return self.tr(
                "Every file present agrees with its checksum, but some files are missing or unlisted."
            )
        return self.tr("Every listed file is present and agrees with its checksum.")

    def _counts_text(self, counts: dict[str, int]) -> str:
        names = self.status_names()
        parts = [fill(self.tr("%1: %2"), names[s], f"{counts[s]:,}") for s in STATUSES]
        manifests = fill(self.tr("Manifests: %1"), ", ".join(self.report.manifests) or "—")
        return " · ".join(parts) + "\n" + manifests

    def _notes_text(self) -> str:
        return "\n".join(
            fill(self.tr("%1: %2"), note.source, reason_text(note.cause))
            for note in self.report.notes
        )
