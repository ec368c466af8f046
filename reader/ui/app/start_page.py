"""The start page: what the window shows until an archive is open, and the ways to open one."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QFont, QIcon, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from reader.library import resources
from reader.ui.app.shortcuts import shortcut_text
from reader.ui.core import settings
from reader.ui.core.actions import Actions
from reader.ui.i18n import fill

# The column the page's content keeps to, however wide the window.
PAGE_WIDTH = 560
ICON_SIZE = 96
# The archives opened last that the page offers (File › Open Recent has them all).
MAX_RECENT_SHOWN = 5


class DropZone(QFrame):
    """A dashed box that says a folder, a zip or an issue file may be dropped here.

    The window takes the drop (it accepts drops anywhere); this only shows where. It draws its
    border in the palette's colours, so it follows a switch to dark mode.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drop_zone")
        self.label = QLabel(self)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 20, 16, 20)
        layout.addWidget(self.label)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Qt override: a dashed, rounded border in the palette's mid-tone."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(self.palette().color(QPalette.ColorRole.Mid), 1.5, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 8, 8)
        painter.end()


class StartPage(QWidget):
    """The first thing a new reader sees: what the app does, and how to open an archive.

    Open Folder…, Open Zip…, the sample archive that ships with the program, the archives
    opened before (a click opens one) and a place to drop one. Its texts are translated in
    the ``StartPage`` context.

    Signals:
        open_folder(): the reader asked for a folder (File › Open Folder… does the asking).
        open_zip(): the reader asked for a zip of an archive.
        open_sample(): the reader asked for the sample archive.
        open_recent(str): the path of an archive opened before, clicked.
    """

    open_folder = Signal()
    open_zip = Signal()
    open_sample = Signal()
    open_recent = Signal(str)

    def __init__(self, actions: Actions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("start_page")
        self._actions = actions
        self.icon = QLabel(self)
        icon_path = _icon_path()
        if icon_path:
            self.icon.setPixmap(QIcon(icon_path).pixmap(ICON_SIZE, ICON_SIZE))
        self.icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = QLabel(self)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.what = QLabel(self)
        self.what.setWordWrap(True)
        self.what.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.folder_button = QPushButton(self)
        self.folder_button.setObjectName("start_open_folder")
        self.folder_button.setDefault(True)
        self.zip_button = QPushButton(self)
        self.zip_button.setObjectName("start_open_zip")
        self.sample_button = QPushButton(self)
        self.sample_button.setObjectName("start_open_sample")
        self.sample_button.setVisible(_has_sample())
        self.recent_label = QLabel(self)
        self.recent_box = QWidget(self)
        self.recent_box.setObjectName("start_recent")
        self.recent_layout = QVBoxLayout(self.recent_box)
        self.recent_layout.setContentsMargins(0, 0, 0, 0)
        self.recent_layout.setSpacing(0)
        self.recent_buttons: list[QCommandLinkButton] = []
        self.drop_zone = DropZone(self)
        self.folder_button.clicked.connect(self.open_folder)
        self.zip_button.clicked.connect(self.open_zip)
        self.sample_button.clicked.connect(self.open_sample)
        self._lay_out()
        self.retranslate()

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        buttons.setSpacing(12)
        for button in (self.folder_button, self.zip_button, self.sample_button):
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setMinimumHeight(button.sizeHint().height() + 8)
            buttons.addWidget(button)
        column = QWidget(self)
        column.setMaximumWidth(PAGE_WIDTH)
        inner = QVBoxLayout(column)
        inner.setContentsMargins(24, 24, 24, 24)
        inner.setSpacing(10)
        inner.addWidget(self.icon)
        inner.addWidget(self.title)
        inner.addWidget(self.what)
        inner.addSpacing(18)
        inner.addLayout(buttons)
        inner.addSpacing(18)
        inner.addWidget(self.recent_label)
        inner.addWidget(self.recent_box)
        inner.addSpacing(12)
        inner.addWidget(self.drop_zone)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        middle = QVBoxLayout()
        middle.addStretch(1)
        middle.addWidget(column)
        middle.addStretch(2)
        outer.addLayout(middle, 4)
        outer.addStretch(1)

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.title.setText(self.tr("Issue Reader"))
        self.what.setText(
            self.tr(
                "Read the issues of a newspaper archive one by one, and search all of them at "
                "once. Your archive is never changed."
            )
        )
        keys = shortcut_text(self._actions.open_folder).split(", ")[0]
        self.folder_button.setText(fill(self.tr("Open Folder… (%1)"), keys))
        self.zip_button.setText(self.tr("Open Zip…"))
        self.sample_button.setText(self.tr("Open the Sample Archive"))
        self.folder_button.setToolTip(self.tr("Open a folder of issue files"))
        self.zip_button.setToolTip(self.tr("Open an archive packed as a zip file"))
        self.sample_button.setToolTip(
            self.tr("One issue of a Chinese county weekly that ships with Issue Reader")
        )
        self.recent_label.setText(self.tr("Recent archives"))
        self.drop_zone.label.setText(
            self.tr("Or drop a folder, a zip or an issue file anywhere in this window.")
        )
        for widget, name in (
            (self.folder_button, self.tr("Open Folder…")),
            (self.zip_button, self.zip_button.text()),
            (self.sample_button, self.sample_button.text()),
            (self.icon, self.tr("Issue Reader")),
        ):
            widget.setAccessibleName(name)
        self.fill_recent()

    def fill_recent(self) -> None:
        """List the archives opened last, a button each (they and their heading go when none)."""
        for button in self.recent_buttons:
            button.deleteLater()
        self.recent_buttons = []
        for path in settings.read("recent")[:MAX_RECENT_SHOWN]:
            name = Path(path).name or path
            button = QCommandLinkButton(name, path, self.recent_box)
            button.setIcon(self.style().standardIcon(_recent_icon(path)))
            button.setAccessibleName(fill(self.tr("Open %1"), name))
            button.setAccessibleDescription(path)
            button.clicked.connect(partial(self.open_recent.emit, path))
            self.recent_layout.addWidget(button)
            self.recent_buttons.append(button)
        self.recent_label.setVisible(bool(self.recent_buttons))
        self.recent_box.setVisible(bool(self.recent_buttons))

    def changeEvent(self, event: QEvent) -> None:
        """Qt override: follow a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _recent_icon(path: str) -> QStyle.StandardPixmap:
    """A folder for a folder, a file for a zip or an issue file (by its name: no disk access)."""
    suffix = Path(path).suffix.lower()
    is_file = suffix in {".zip", ".txt", ".md", ".xml", ".html", ".htm"}
    return QStyle.StandardPixmap.SP_FileIcon if is_file else QStyle.StandardPixmap.SP_DirIcon


def _icon_path() -> str:
    """The app icon's file (the large PNG, else the SVG), or "" when it is not installed."""
    try:
        for candidate in (resources.icon_file(256), resources.icon_file()):
            if candidate.is_file():
                return str(candidate)
    except FileNotFoundError:
        pass
    return ""


def _has_sample() -> bool:
    """Whether the sample archive shipped with this installation."""
    try:
        return resources.sample_archive().is_dir()
    except FileNotFoundError:
        return False
