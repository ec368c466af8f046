"""The trends view: the current search and the queries compared with it, per period, on one chart.

It keeps each query's hits per day (counted in the worker) and makes the chart from them in
the window's thread, so choosing another period or scale, or resizing, needs no new search.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from reader.library.trends import PERIODS, SCALES, Period, Scale, Trend, build_trend
from reader.model import Issue
from reader.ui.i18n import fill
from reader.ui.search.trends_chart import TrendsChart
from reader.ui.search.trends_layout import room_for

Counts = list[tuple[str, Mapping[str, int]]]


class CompareList(QListWidget):
    """The queries compared with the search, side by side; Delete removes the chosen one."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Qt override: Delete or Backspace removes the query chosen."""
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.currentItem():
            self.takeItem(self.currentRow())
            self.model().layoutChanged.emit()
        else:
            super().keyPressEvent(event)


class TrendsView(QWidget):
    """A chart of the search and the compared queries, with its period, scale and export.

    Signals:
        queries_changed(): a query was added to or removed from the comparison.
        period_chosen(str): a period was clicked or chosen with the keyboard.
        export_chosen(str): ``png``, ``svg`` or ``csv``.
    """

    queries_changed = Signal()
    period_chosen = Signal(str)
    export_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.query = ""
        self.publication = ""
        self.selected = ""
        self.issues: Sequence[Issue] = ()
        self.counts: Counts = []
        self.trend: Trend | None = None
        self.compare_label = QLabel(self)
        self.compare_field = QLineEdit(self)
        self.compare_field.setClearButtonEnabled(True)
        self.add_button = QPushButton(self)
        self.compared = CompareList(self)
        self.compared.setFlow(QListWidget.Flow.LeftToRight)
        self.compared.setMaximumHeight(self.fontMetrics().height() * 2 + 6)
        self.remove_button = QPushButton(self)
        self.period_label, self.period_box = QLabel(self), QComboBox(self)
        self.scale_label, self.scale_box = QLabel(self), QComboBox(self)
        self.exports = {name: QPushButton(self) for name in ("png", "svg", "csv")}
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.chart = TrendsChart(self)
        self.scroller = QScrollArea(self)
        self.scroller.setWidget(self.chart)
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Never shorter than the chart may be: with no vertical scroll bar, a dock squeezed by
        # another beside it showed only the top of the bars, no axis (the chart drew below).
        bar = self.scroller.horizontalScrollBar().sizeHint().height()
        self.scroller.setMinimumHeight(self.chart.minimumHeight() + bar)
        self.compare_label.setBuddy(self.compare_field)
        self.period_label.setBuddy(self.period_box)
        self.scale_label.setBuddy(self.scale_box)

        top = QHBoxLayout()
        top.addWidget(self.compare_label)
        top.addWidget(self.compare_field, 1)
        top.addWidget(self.add_button)
        top.addWidget(self.compared, 2)
        top.addWidget(self.remove_button)
        second = QHBoxLayout()
        for widget in (self.period_label, self.period_box, self.scale_label, self.scale_box):
            second.addWidget(widget)
        second.addStretch(1)
        for button in self.exports.values():
            second.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addLayout(second)
        layout.addWidget(self.note)
        layout.addWidget(self.scroller, 1)

        self.compare_field.returnPressed.connect(self.add_typed)
        self.add_button.clicked.connect(self.add_typed)
        self.remove_button.clicked.connect(self.remove_chosen)
        self.compared.model().layoutChanged.connect(self.queries_changed)
        self.period_box.activated.connect(self.redraw)
        self.scale_box.activated.connect(self.redraw)
        self.chart.period_chosen.connect(self.period_chosen)
        for name, button in self.exports.items():
            button.clicked.connect(lambda _=False, name=name: self.export_chosen.emit(name))
        self.retranslate()

    def retranslate(self) -> None:
        """Set the visible texts in the current language."""
        self.compare_label.setText(self.tr("&Compare:"))
        self.compare_field.setPlaceholderText(self.tr("Another query, then Enter"))
        self.add_button.setText(self.tr("Add"))
        self.remove_button.setText(self.tr("Remove"))
        self.compared.setToolTip(self.tr("Queries compared with the search (Delete removes one)"))
        self.period_label.setText(self.tr("&Per:"))
        self.scale_label.setText(self.tr("&Show:"))
        names = {
            "": self.tr("Automatic"),
            "day": self.tr("Day"),
            "month": self.tr("Month"),
            "year": self.tr("Year"),
            "decade": self.tr("Decade"),
        }
        _refill(self.period_box, [("", names[""])] + [(p, names[p]) for p in PERIODS])
        scales = {
            "count": self.tr("Hits"),
            "per_thousand": self.tr("Hits per 1,000 articles"),
            "percent": self.tr("Percent of articles"),
        }
        _refill(self.scale_box, [(s, scales[s]) for s in SCALES])
        self.exports["png"].setText(self.tr("Save PNG…"))
        self.exports["svg"].setText(self.tr("Save SVG…"))
        self.exports["csv"].setText(self.tr("Save CSV…"))
        # The labels' widths changed with the language: lay the rows out again (else a longer
        # Chinese label keeps the English one's width and is cut off).
        layout = self.layout()
        if layout is not None:
            layout.invalidate()
            layout.activate()
        self.redraw()

    def changeEvent(self, event: QEvent) -> None:
        """Qt override: follow a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Qt override: the automatic period follows the room there is for bars."""
        super().resizeEvent(event)
        self.redraw()

    @property
    def queries(self) -> list[str]:
        """The search's query, then each compared one (each once, in order)."""
        found = [self.query] if self.query else []
        for row in range(self.compared.count()):
            text = self.compared.item(row).text()
            if text not in found:
                found.append(text)
        return found

    def add_query(self, text: str) -> None:
        """Compare ``text`` with the search too (nothing happens for an empty or known query)."""
        text = text.strip()
        if text and text not in self.queries:
            self.compared.addItem(text)
            self.queries_changed.emit()

    def add_typed(self) -> None:
        """Add the query typed in the Compare field, and empty it."""
        self.add_query(self.compare_field.text())
        self.compare_field.clear()

    def remove_chosen(self) -> None:
        """Stop comparing the query chosen in the list."""
        if self.compared.currentItem() is not None:
            self.compared.takeItem(self.compared.currentRow())
            self.queries_changed.emit()

    def set_scale(self, scale: Scale) -> None:
        """Draw raw counts, or counts per 1,000 articles or in percent of the period's articles."""
        self.scale_box.setCurrentIndex(SCALES.index(scale))
        self.redraw()

    def set_period(self, period: Period | None) -> None:
        """Draw a bar per day, month, year or decade (None: the finest that fits)."""
        self.period_box.setCurrentIndex(0 if period is None else PERIODS.index(period) + 1)
        self.redraw()

    @property
    def scale(self) -> Scale:
        """The scale shown."""
        return SCALES[max(0, self.scale_box.currentIndex())]

    def show_counts(self, issues: Sequence[Issue], counts: Counts) -> None:
        """Chart these hits per day (from the worker) over the archive's ``issues``."""
        self.issues, self.counts = issues, counts
        self.redraw()

    def show_message(self, text: str) -> None:
        """Say why there is no chart (no search yet, a malformed query, no index)."""
        self.counts, self.trend = [], None
        self.chart.show_trend(None, self.scale)
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def redraw(self) -> None:
        """Make the chart again from the counts kept (period, scale or size changed)."""
        if not self.counts:
            return
        room = room_for(self.scroller.viewport().width(), len(self.counts))
        chosen = self.period_box.currentIndex()
        wanted = PERIODS[chosen - 1] if chosen > 0 else None
        fitting = build_trend(self.issues, self.counts, room=room, publication=self.publication)
        notes = []
        if wanted is not None and PERIODS.index(wanted) >= PERIODS.index(fitting.period):
            trend = build_trend(
                self.issues, self.counts, period=wanted, publication=self.publication
            )
        else:
            trend = fitting
            if wanted is not None:
                shown = self.period_box.itemText(PERIODS.index(trend.period) + 1)
                text = self.tr("Too many bars to draw per %1: shown per %2.")
                notes.append(fill(text, self.period_box.currentText().lower(), shown.lower()))
        undated = sum(s.undated for s in trend.series)
        if undated:
            notes.append(fill(self.tr("%1 hits in undated issues are not drawn."), f"{undated:,}"))
        self.trend = trend
        self.note.setText(" ".join(notes))
        self.note.setVisible(bool(notes))
        self.chart.show_trend(trend, self.scale, self.selected)


def _refill(box: QComboBox, items: list[tuple[str, str]]) -> None:
    """Put ``items`` (data, text) in ``box``, keeping the row chosen."""
    row = box.currentIndex()
    box.clear()
    for data, text in items:
        box.addItem(text, data)
    box.setCurrentIndex(max(0, row))
