"""The diary's numbers tab: the overview's figures as tables, exact and readable aloud.

The tables are filled when the tab is on screen: most visits to the diary never open it, and
filling them took as long as summing a range.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from app.core.diary_stats import HOURS_FROM_NOON, Summary
from app.core.journal import SEVERITIES
from app.ui.diary.charts import short_date


def tr(text: str) -> str:
    return QCoreApplication.translate("diary", text)


def _numbers_table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    header = table.horizontalHeader()
    # A few dozen rows at most: the names sized to their contents, the numbers share the rest.
    header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return table


NUMBER_ALIGNMENT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for row, cells in enumerate(rows):
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if column:
                item.setTextAlignment(NUMBER_ALIGNMENT)
            table.setItem(row, column, item)


class DiaryNumbers(QWidget):
    """Counts for the period, nights and cramps per week, and cramps per hour of the night."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 12, 8, 8)
        layout.setSpacing(16)
        self.counts_table = _numbers_table([tr("In the period"), tr("Number")])
        self.weeks_table = _numbers_table([tr("Week"), tr("Nights with a routine"), tr("Cramps")])
        self.hours_table = _numbers_table([tr("Hour"), tr("Cramps")])
        self.counts_table.setAccessibleName(tr("Counts for the period"))
        self.weeks_table.setAccessibleName(tr("Nights with a routine and cramps, per week"))
        self.hours_table.setAccessibleName(tr("Cramps by the hour they started"))
        layout.addWidget(self.counts_table, 3)
        layout.addWidget(self.weeks_table, 5)
        layout.addWidget(self.hours_table, 3)
        self._unshown: Summary | None = None  # figures not yet in the tables

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
            [[f"{h:02d}:00–{h:02d}:59", str(summary.hours[h])] for h in HOURS_FROM_NOON],
        )
