"""The diary's numbers tab: the overview's figures as lists, exact and readable aloud.

The lists are filled when the tab is on screen: most visits to the diary never open it, and
filling them took as long as summing a range. Each list is as tall as its rows, and the tab
scrolls: three short scrolling boxes side by side read worse than one page. They stand side
by side when the page is wide enough for all three, else in two columns, else in one.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.diary_stats import HOURS_FROM_NOON, Summary
from app.core.journal import SEVERITIES
from app.ui.diary.charts import short_date
from app.ui.diary.list_style import list_style_sheet, make_list
from app.ui.shell.format import count_text, hour_span_text
from app.ui.shell.i18n import tr
from app.ui.shell.theme import Colors

NUMBER_ALIGNMENT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
SPACING = 20


def _numbers_table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    for column in range(1, len(headers)):
        item = table.horizontalHeaderItem(column)
        if item is not None:  # set just above
            item.setTextAlignment(NUMBER_ALIGNMENT)  # over the numbers it names
    make_list(table)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    header = table.horizontalHeader()
    # A few dozen rows at most: each column as wide as its header and cells need, the names
    # taking what is left, so the numbers stand at the right edge.
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for row, cells in enumerate(rows):
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if column:
                item.setTextAlignment(NUMBER_ALIGNMENT)
            table.setItem(row, column, item)
    _fit(table)


def _fit(table: QTableWidget) -> None:
    """The table as tall as all its rows and at least as wide as its columns."""
    frame = 2 * table.frameWidth()
    header = table.horizontalHeader()
    table.setFixedHeight(header.sizeHint().height() + table.verticalHeader().length() + frame)
    # The names' column measured as the others are, then stretched again.
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    table.setMinimumWidth(header.length() + frame)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)


class _Section(QWidget):
    """A heading and its list."""

    def __init__(self, heading: str, table: QTableWidget) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        label = QLabel(heading)
        label.setProperty("role", "heading")
        label.setWordWrap(True)
        layout.addWidget(label)
        layout.addWidget(table)
        table.setAccessibleName(heading)


class DiaryNumbers(QScrollArea):
    """Counts for the period, nights and cramps per week, and cramps per hour of the night."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.content = QWidget()
        self.setWidget(self.content)
        self._grid = QGridLayout(self.content)
        self._grid.setContentsMargins(8, 12, 8, 8)
        self._grid.setSpacing(SPACING)
        self._grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.counts_table = _numbers_table([tr("Figure"), tr("Number")])
        self.weeks_table = _numbers_table([tr("Week"), tr("Nights with a routine"), tr("Cramps")])
        self.hours_table = _numbers_table([tr("Hour"), tr("Cramps")])
        self._sections = [
            _Section(tr("Counts for the period"), self.counts_table),
            _Section(tr("Per week"), self.weeks_table),
            _Section(tr("Cramps by the hour they started"), self.hours_table),
        ]
        self._columns = 0  # how many columns the lists stand in; 0: not placed yet
        self._arrange(self.width())
        self._unshown: Summary | None = None  # figures not yet in the tables

    def set_colors(self, colors: Colors) -> None:
        sheet = list_style_sheet(colors)
        for table in (self.counts_table, self.weeks_table, self.hours_table):
            table.setStyleSheet(sheet)

    def _arrange(self, width: int) -> None:
        """The lists in as many columns (three, two or one) as `width` has room for."""
        needed = [section.minimumSizeHint().width() for section in self._sections]
        margins = 16 + SPACING
        if width >= sum(needed) + 2 * SPACING + 16:
            columns = 3
        elif width >= max(needed[0], needed[1]) + needed[2] + margins:
            columns = 2
        else:
            columns = 1
        if columns == self._columns:
            return
        self._columns = columns
        counts, weeks, hours = self._sections
        places = {
            3: ((counts, 0, 0, 1), (weeks, 0, 1, 1), (hours, 0, 2, 1)),
            2: ((counts, 0, 0, 1), (weeks, 1, 0, 1), (hours, 0, 1, 2)),
            1: ((counts, 0, 0, 1), (weeks, 1, 0, 1), (hours, 2, 0, 1)),
        }[columns]
        for section, row, column, rows in places:
            self._grid.addWidget(section, row, column, rows, 1, Qt.AlignmentFlag.AlignTop)
        for column in range(3):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # The room beside the scroll bar, which the page of lists nearly always has.
        self._arrange(event.size().width() - self.verticalScrollBar().sizeHint().width())
        super().resizeEvent(event)

    def show_summary(self, summary: Summary) -> None:
        """Put `summary` in the tables: now if they are on screen, else when next shown."""
        if self.isVisible():
            self._unshown = None
            self._fill_tables(summary)
        else:
            self._unshown = summary

    def showEvent(self, event: QShowEvent) -> None:
        if self._unshown is not None:
            self._fill_tables(self._unshown)
            self._unshown = None
        super().showEvent(event)

    def _fill_tables(self, summary: Summary) -> None:
        counts = summary.counts
        rows = [
            [tr("Nights"), str(counts.nights)],
            [tr("Routines done"), str(counts.routines_done)],
            [tr("Nights with a routine"), str(counts.routine_nights)],
            [tr("Cramps"), str(counts.cramps)],
            [tr("Nights with a cramp"), str(counts.cramp_nights)],
        ]
        rows += [
            [tr("Cramps: {s}").format(s=tr(s)), str(counts.by_severity[s])] for s in SEVERITIES
        ]
        rows.append([tr("Cramps: severity not noted"), str(counts.by_severity[None])])
        rows.append([tr("Streak (nights in a row)"), str(summary.streak)])
        _fill(self.counts_table, rows)
        _fill(
            self.weeks_table,
            [
                [
                    f"{short_date(w.first)} – {short_date(w.last)}",
                    str(w.routine_nights),
                    str(w.cramps),
                ]
                for w in summary.weeks
            ],
        )
        _fill(
            self.hours_table,
            [[hour_span_text(h), count_text(summary.hours[h])] for h in HOURS_FROM_NOON],
        )
        self._columns = 0  # the lists' widths may have changed
        self._arrange(self.width() - self.verticalScrollBar().sizeHint().width())
