"""The head of the search results: the count, the order, a message, the year facets and the chart."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from reader.library.searching import SearchOutcome
from reader.model import UNDATED
from reader.ui.core import formatting
from reader.ui.core.colours import error_colour
from reader.ui.i18n import fill
from reader.ui.search.axis import decade, first_year_of
from reader.ui.search.chart import Bar, HitsChart
from reader.ui.search.periods import period_text
from reader.ui.search.widgets import FacetStrip


class SearchSummary(QWidget):
    """What a search found, above its hits; a click on a facet or a bar narrows it.

    Its texts are translated in the ``SearchPanel`` context, where they were first written.

    Signals:
        filter_chosen(str): a facet or bar key (``2022``, ``2022-09``, ``publication:NAME``,
            "" for all).
        sort_chosen(int): the row chosen in the order box.
    """

    filter_chosen = Signal(str)
    sort_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.count_label = QLabel(self)
        # A row of its own: beside the scope box, the order and Export Hits it was squeezed to a
        # character a line ("No / hits"); only a count longer than the panel is wide wraps.
        self.count_label.setWordWrap(True)
        self.sort_box = QComboBox(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setObjectName("search_message")
        self.message.hide()
        self.facets = FacetStrip(self)
        self.chart = HitsChart(self)
        # The names of the archives of a library search, by key (for the archive facet).
        self.archive_names: dict[str, str] = {}
        # The order, under the count; the panel adds its scope box and Export Hits button here.
        self.header = header = QHBoxLayout()
        header.addWidget(self.sort_box)
        header.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.count_label)
        layout.addLayout(header)
        layout.addWidget(self.message)
        layout.addWidget(self.facets)
        layout.addWidget(self.chart)
        self.facets.chosen.connect(self.filter_chosen)
        self.chart.bar_clicked.connect(self.filter_chosen)
        self.sort_box.activated.connect(self.sort_chosen)
        self.retranslate()

    def retranslate(self) -> None:
        """Set the order box and the tooltips in the current language."""
        current = self.sort_box.currentIndex()
        self.sort_box.clear()
        self.sort_box.addItems(
            [
                QCoreApplication.translate("SearchPanel", "Relevance"),
                QCoreApplication.translate("SearchPanel", "Newest first"),
                QCoreApplication.translate("SearchPanel", "Oldest first"),
            ]
        )
        self.sort_box.setCurrentIndex(max(0, current))
        self.sort_box.setToolTip(QCoreApplication.translate("SearchPanel", "Sort the hits"))
        self.chart.setToolTip(
            QCoreApplication.translate(
                "SearchPanel", "Hits over time; click a bar to show only its hits"
            )
        )

    def show_outcome(self, outcome: SearchOutcome) -> None:
        """The count, the facet strip and the chart of a search."""
        result = outcome.result
        request = outcome.request
        self.message.hide()
        if result.total == 0:
            self.count_label.setText(QCoreApplication.translate("SearchPanel", "No hits"))
        elif result.total > len(result.hits):
            self.count_label.setText(
                fill(
                    QCoreApplication.translate("SearchPanel", "%1 hits, the first %2 shown"),
                    f"{result.total:,}",
                    f"{len(result.hits):,}",
                )
            )
        else:
            self.count_label.setText(
                fill(QCoreApplication.translate("SearchPanel", "Hits: %1"), f"{result.total:,}")
            )
        years = [(y, self._year_label(y), n) for y, n in result.facets.year.items()]
        publications = result.facets.publication
        if len(publications) > 1 or request.publication:
            years += [(f"publication:{p}", p, n) for p, n in publications.items()]
        # A library search: the archives first (named as in the library), when more than one.
        # An archive without hits is no choice to offer (unless chosen: it can be let go).
        archives = {k: n for k, n in result.facets.archive.items() if n or k == request.archive}
        if len(archives) > 1 or request.archive:
            names = self.archive_names
            years[:0] = [(f"archive:{k}", names.get(k, k), n) for k, n in archives.items()]
        selected = request.month or request.year
        self.facets.set_facets(years, request.year, request.publication, request.archive)
        first = first_year_of(list(result.facets.year))
        self.chart.set_bars(bars_for(outcome), selected, None if outcome.year else first)
        self.facets.setVisible(bool(years))
        self.chart.setVisible(bool(years))
        if outcome.provisional:
            self.show_message(provisional_text(outcome))

    def show_failure(self, text: str) -> None:
        """No hits, and why (a query error, shown where the hits would be)."""
        self.count_label.setText(QCoreApplication.translate("SearchPanel", "No hits"))
        self.facets.hide()
        self.chart.hide()
        self.show_message(text, error=True)

    def show_message(self, text: str, *, error: bool = False) -> None:
        """A line of news above the hits (red for an error)."""
        self.message.setText(text)
        colour = error_colour(self.palette()).name()
        self.message.setStyleSheet(f"color: {colour};" if error else "")
        self.message.show()

    def clear(self) -> None:
        """Show nothing (no search of this archive has run)."""
        self.count_label.clear()
        self.message.hide()
        self.facets.hide()
        self.chart.hide()

    @staticmethod
    def _year_label(year: str) -> str:
        return QCoreApplication.translate("SearchPanel", "Undated") if year == UNDATED else year


def provisional_text(outcome: SearchOutcome) -> str:
    """What a search run while the index is built covers (the line above its hits)."""
    coverage = outcome.coverage
    assert coverage is not None  # only asked for a provisional outcome
    if not coverage.complete:
        return fill(
            QCoreApplication.translate(
                "SearchPanel",
                "Provisional: covers %1 % of the archive so far, while it is being indexed; "
                "the hits are refreshed as the rest is read.",
            ),
            f"{int(coverage.share * 100)}",
        )
    if coverage.indexed == 0:
        return fill(
            QCoreApplication.translate(
                "SearchPanel",
                "Provisional: the archive is being indexed, so its %1 articles were scanned; "
                "the hits are refreshed when the index is ready.",
            ),
            f"{coverage.articles:,}",
        )
    return fill(
        QCoreApplication.translate(
            "SearchPanel",
            "Provisional: %1 of %2 articles from the index, the rest scanned; "
            "the hits are refreshed when indexing ends.",
        ),
        f"{coverage.indexed:,}",
        f"{coverage.articles:,}",
    )


# More years than this are drawn a decade a bar, so no bar is thinner than a few pixels.
MOST_YEARS = 40


def bars_for(outcome: SearchOutcome) -> list[Bar]:
    """Bars per year (per decade over more than 40 years), or per month inside one year.

    Months read ``9月`` / ``Sep`` under the axis, ``9月：12 篇`` / ``September: 12 articles``
    in their tooltips; years read ``2022`` (``2022年：12 篇``).
    """
    if outcome.year:
        bars = []
        for key, count in sorted(outcome.months.items()):
            month = int(key[5:])
            tip = formatting.labelled(formatting.month(month), formatting.articles(count))
            bars.append(Bar(formatting.month(month, short=True), count, key, tip))
        return bars
    years = {int(y): n for y, n in outcome.result.facets.year.items() if y.isdigit()}
    if not years:
        return []
    if max(years) - min(years) >= MOST_YEARS:
        decades: dict[str, int] = {}
        for y, n in years.items():
            decades[decade(y)] = decades.get(decade(y), 0) + n
        keys = [decade(y) for y in range(min(years) // 10 * 10, max(years) + 1, 10)]
        return [
            Bar(key, decades.get(key, 0), key, bar_tip(key, decades.get(key, 0))) for key in keys
        ]
    return [
        Bar(
            str(y),
            years.get(y, 0),
            str(y),
            formatting.labelled(formatting.year(y), formatting.articles(years.get(y, 0))),
        )
        for y in range(min(years), max(years) + 1)
    ]


def bar_tip(key: str, count: int) -> str:
    """A bar's words: ``1810s: 4 articles`` (``1810年代：4 篇``)."""
    return formatting.labelled(period_text(key), formatting.articles(count))
