"""The diary's overview tab: three figures, the calendar of nights and the two charts."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.core.diary_stats import DiaryIndex, Summary
from app.core.journal import SEVERITIES
from app.ui.diary.charts import AdherenceChart, HourChart
from app.ui.diary.night_calendar import NightCalendar
from app.ui.shell.theme import Colors


def tr(text: str) -> str:
    return QCoreApplication.translate("diary", text)


def severity_text(summary: Summary) -> str:
    """The period's cramps by severity: "1 mild · 0 moderate · 2 severe · 1 not noted"."""
    by = summary.counts.by_severity
    parts = [tr("{n} {severity}").format(n=by[name], severity=tr(name)) for name in SEVERITIES]
    if by[None]:
        parts.append(tr("{n} not noted").format(n=by[None]))
    return " · ".join(parts)


class Tile(QFrame):
    """One figure, large, with what it counts above and a detail below."""

    def __init__(self, caption: str) -> None:
        super().__init__()
        self.setObjectName("tile")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(2)
        label = QLabel(caption)
        label.setProperty("role", "muted")
        self.value = QLabel("–")
        self.value.setProperty("role", "title")
        self.detail = QLabel()
        self.detail.setProperty("role", "muted")
        self.detail.setWordWrap(True)
        for widget in (label, self.value, self.detail):
            layout.addWidget(widget)
        layout.addStretch(1)  # the figures of all tiles on one line, however long a detail

    def show_figure(self, value: int, detail: str) -> None:
        self.value.setText(str(value))
        self.detail.setText(detail)
        self.setAccessibleName(f"{value} {detail}")


class DiaryOverview(QWidget):
    """The figures of the period shown, the month's nights, and the weekly and hourly charts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 12, 8, 8)
        grid.setHorizontalSpacing(20)
        grid.setVerticalSpacing(12)
        # The tiles in a widget of their own, so that their style sheet reaches only them.
        self.tiles = QWidget()
        tiles = QHBoxLayout(self.tiles)
        tiles.setContentsMargins(0, 0, 0, 0)
        self.routines_tile = Tile(tr("Routines done"))
        self.cramps_tile = Tile(tr("Cramps"))
        self.streak_tile = Tile(tr("Streak"))
        for tile in (self.routines_tile, self.cramps_tile, self.streak_tile):
            tiles.addWidget(tile, 1)
        grid.addWidget(self.tiles, 0, 0, 1, 2)
        self.calendar = NightCalendar()
        grid.addWidget(self.calendar, 1, 0, 2, 1)
        self.adherence_heading = QLabel(tr("Nights with a routine and cramps, per week"))
        self.adherence_heading.setProperty("role", "heading")
        self.adherence_heading.setWordWrap(True)
        self.adherence_chart = AdherenceChart()
        self.hour_heading = QLabel(tr("When the cramps started"))
        self.hour_heading.setProperty("role", "heading")
        self.hour_heading.setWordWrap(True)
        self.hour_chart = HourChart()
        charts = QVBoxLayout()
        charts.addWidget(self.adherence_heading)
        charts.addWidget(self.adherence_chart, 3)
        charts.addSpacing(8)
        charts.addWidget(self.hour_heading)
        charts.addWidget(self.hour_chart, 2)
        grid.addLayout(charts, 1, 1, 2, 1)
        grid.setColumnStretch(0, 4)
        grid.setColumnStretch(1, 5)
        grid.setRowStretch(1, 1)

    def set_colors(self, colors: Colors) -> None:
        self.adherence_chart.set_colors(colors)
        self.hour_chart.set_colors(colors)
        self.calendar.set_colors(colors)
        # On the tiles alone: a style sheet re-polishes every widget below the one it is set
        # on, and on the whole page that took longer than reading ten years of diary.
        self.tiles.setStyleSheet(
            f"""
            QFrame#tile {{
                background: {colors.surface}; border: 1px solid {colors.border};
                border-radius: 10px;
            }}
            """
        )

    def show_summary(self, summary: Summary, index: DiaryIndex, tonight: date) -> None:
        counts = summary.counts
        self.routines_tile.show_figure(
            counts.routines_done,
            tr("on {nights} of {total} nights").format(
                nights=counts.routine_nights, total=counts.nights
            ),
        )
        self.cramps_tile.show_figure(counts.cramps, severity_text(summary))
        self.streak_tile.show_figure(summary.streak, tr("nights in a row with a routine"))
        self.calendar.set_data(index, tonight)
        self.adherence_heading.setText(
            tr("Nights with a routine and cramps, last {n} weeks").format(n=len(summary.weeks))
        )
        self.adherence_chart.set_weeks(summary.weeks)
        self.hour_chart.set_hours(summary.hours)
