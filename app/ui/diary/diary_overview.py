"""The diary's overview tab: three figures, what the diary may tell you, the calendar of nights
and the two charts.

The tab scrolls rather than squeeze: below the size its parts need (a window of 960 by 510 at
200%, say), the calendar and the charts keep their least readable size and the page moves.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core.diary_stats import DiaryIndex, Summary
from app.core.journal import SEVERITIES
from app.ui.diary.charts import AdherenceChart, HourChart
from app.ui.diary.night_calendar import NightCalendar
from app.ui.diary.pattern_words import pattern_text
from app.ui.shell.i18n import tr
from app.ui.shell.theme import Colors


def severity_text(summary: Summary) -> str:
    """The period's cramps by severity: "1 mild · 0 moderate · 2 severe · 1 not noted"."""
    by = summary.counts.by_severity
    parts = [tr("{n} {severity}").format(n=by[name], severity=tr(name)) for name in SEVERITIES]
    if by[None]:
        parts.append(tr("{n} not noted").format(n=by[None]))
    return " · ".join(parts)


# The page width from which the pattern sits beside the figures rather than below them.
PATTERN_BESIDE_WIDTH = 880


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


class PatternPanel(QFrame):
    """Cramps on nights with a routine against nights without, in words; or why not yet."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("tile")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(4)
        caption = QLabel(tr("What your diary shows"))
        caption.setProperty("role", "muted")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(caption)
        layout.addWidget(self.text)
        layout.addStretch(1)  # at the top, as the figures beside it are

    def show_summary(self, summary: Summary) -> None:
        self.text.setText(pattern_text(summary.pattern))
        # Said only while it means something: a figure in muted text reads as a hint.
        self.text.setProperty("role", "" if summary.pattern.enough else "muted")
        self.text.style().unpolish(self.text)
        self.text.style().polish(self.text)


class _Content(QWidget):
    """The scrolled page: as tall as the viewport, or as its parts need at the least.

    A scroll area asks a page whose labels wrap for its height at a width, and a layout
    answers with the height its parts would like; the calendar and the charts would then
    scroll at any window size. The least they need is the right answer: they grow into
    whatever room there is beyond it.
    """

    def heightForWidth(self, width: int) -> int:
        layout = self.layout()
        return layout.totalMinimumHeightForWidth(width) if layout is not None else -1


class DiaryOverview(QScrollArea):
    """The figures of the period shown, the month's nights, and the weekly and hourly charts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setAccessibleName(self.tr("Overview"))  # a Tab stop: named
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.content = _Content()
        self.setWidget(self.content)
        grid = QGridLayout(self.content)
        grid.setContentsMargins(8, 12, 8, 8)
        grid.setHorizontalSpacing(20)
        grid.setVerticalSpacing(12)
        # The tiles in a widget of their own, so that their style sheet reaches only them.
        self.tiles = QWidget()
        self._tiles_grid = QGridLayout(self.tiles)
        self._tiles_grid.setContentsMargins(0, 0, 0, 0)
        self._tiles_grid.setSpacing(12)
        self.routines_tile = Tile(tr("Routines done"))
        self.cramps_tile = Tile(tr("Cramps"))
        self.streak_tile = Tile(tr("Streak"))
        for column, tile in enumerate((self.routines_tile, self.cramps_tile, self.streak_tile)):
            self._tiles_grid.addWidget(tile, 0, column)
            self._tiles_grid.setColumnStretch(column, 2)
        self.pattern_panel = PatternPanel()
        self._pattern_beside: bool | None = None  # None: not placed yet
        self._place_pattern(wide=True)
        grid.addWidget(self.tiles, 0, 0, 1, 2)
        self.calendar = NightCalendar()
        grid.addWidget(self.calendar, 1, 0, 4, 1)
        self.adherence_heading = QLabel(tr("Nights with a routine and cramps, per week"))
        self.adherence_heading.setProperty("role", "heading")
        self.adherence_heading.setWordWrap(True)
        self.adherence_chart = AdherenceChart()
        self.hour_heading = QLabel(tr("When the cramps started"))
        self.hour_heading.setProperty("role", "heading")
        self.hour_heading.setWordWrap(True)
        self.hour_chart = HourChart()
        # The charts straight in the grid, not in a column of their own: a nested layout
        # with a wrapping heading counts its charts' comfortable heights as the least they
        # need, and the page would scroll in any window.
        grid.addWidget(self.adherence_heading, 1, 1)
        grid.addWidget(self.adherence_chart, 2, 1)
        grid.addWidget(self.hour_heading, 3, 1)
        grid.addWidget(self.hour_chart, 4, 1)
        grid.setColumnStretch(0, 4)
        grid.setColumnStretch(1, 5)
        grid.setRowStretch(2, 3)
        grid.setRowStretch(4, 2)

    def _place_pattern(self, wide: bool) -> None:
        """The pattern beside the three figures in a wide page, where its few lines cost no
        height; below them in a narrow one, where beside them it would be a tall column."""
        if wide is self._pattern_beside:
            return
        self._pattern_beside = wide
        if wide:
            self._tiles_grid.addWidget(self.pattern_panel, 0, 3)
            self._tiles_grid.setColumnStretch(3, 5)
        else:
            self._tiles_grid.addWidget(self.pattern_panel, 1, 0, 1, 3)
            self._tiles_grid.setColumnStretch(3, 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._place_pattern(event.size().width() >= PATTERN_BESIDE_WIDTH)
        super().resizeEvent(event)

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
        self.pattern_panel.show_summary(summary)
