"""A month of nights with marks: a tick for a routine done, triangles for a cramp's severity.

Marks differ in shape and number, not only colour: one filled triangle is a mild cramp, two
moderate, three severe, an outlined one a cramp whose severity was not noted.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from app.core.diary_stats import DiaryIndex, Night, NightState
from app.core.journal import SEVERITIES
from app.ui.shell import icons
from app.ui.shell.format import date_text, first_weekday, month_title, weekday_name
from app.ui.shell.i18n import tr
from app.ui.shell.theme import LIGHT, Colors

# The grid is painted in the theme's colours, not the palette's, so it looks the same whether
# or not its window is the active one; Qt repaints a widget whenever its window becomes
# active or inactive if the palette differs between the two.
_FOCUS_CHANGES = (QEvent.Type.WindowActivate, QEvent.Type.WindowDeactivate)


def severity_level(night: Night) -> int:
    """0: severity not noted; 1 to 3: mild to severe."""
    return SEVERITIES.index(night.worst) + 1 if night.worst in SEVERITIES else 0


def night_text(night: Night) -> str:
    """A night in words, for its tooltip."""
    day = night.evening
    parts = [tr("Night of {day}").format(day=date_text(day))]
    if night.routines:
        parts.append(tr("%n routine(s) done", None, night.routines))
    else:
        parts.append(tr("no routine"))
    cramps = tr("%n cramp(s)", None, night.cramps)
    if night.cramps and night.worst:
        parts.append(tr("{cramps}, worst: {worst}").format(cramps=cramps, worst=night.worst))
    elif night.cramps:
        parts.append(tr("{cramps}, severity not noted").format(cramps=cramps))
    else:
        parts.append(tr("no cramp"))
    return "; ".join(parts)


def paint_tick(painter: QPainter, box: QRectF, color: str) -> None:
    pen = QPen(QColor(color), max(1.5, box.height() * 0.16))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    w, h = box.width(), box.height()
    painter.drawPolyline(
        QPolygonF(
            [
                QPointF(box.left() + w * 0.12, box.top() + h * 0.55),
                QPointF(box.left() + w * 0.4, box.top() + h * 0.82),
                QPointF(box.left() + w * 0.9, box.top() + h * 0.18),
            ]
        )
    )


def paint_triangles(painter: QPainter, box: QRectF, level: int, color: str) -> float:
    """`level` filled triangles (or one outlined if 0) from box's left; returns the width."""
    size = box.height()
    count = max(1, level)
    painter.setPen(QPen(QColor(color), max(1.2, size * 0.12)))
    painter.setBrush(QColor(color) if level else Qt.BrushStyle.NoBrush)
    for index in range(count):
        left = box.left() + index * size * 0.95
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(left + size * 0.45, box.top() + size * 0.1),
                    QPointF(left + size * 0.88, box.bottom() - size * 0.1),
                    QPointF(left + size * 0.02, box.bottom() - size * 0.1),
                ]
            )
        )
    return count * size * 0.95


class MonthGrid(QWidget):
    """Seven columns from the locale's first weekday (Sunday in the US, Monday in Russia);
    each day cell stands for the night that starts that evening."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._colors = LIGHT
        self._index = DiaryIndex()
        self._tonight = date.today()
        self.year, self.month = self._tonight.year, self._tonight.month
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def minimumSizeHint(self) -> QSize:
        return QSize(7 * 36, 7 * 30)

    def sizeHint(self) -> QSize:
        return QSize(7 * 52, 7 * 44)

    def set_data(self, index: DiaryIndex, tonight: date) -> None:
        # Switching the range hands over the same diary: nothing to repaint.
        if index is self._index and tonight == self._tonight:
            return
        self._index = index
        self._tonight = tonight
        self.update()

    def set_colors(self, colors: Colors) -> None:
        self._colors = colors
        self.update()

    def show_month(self, year: int, month: int) -> None:
        self.year, self.month = year, month
        self.update()

    def _cells(self) -> list[tuple[date, QRectF]]:
        width = self.width() / 7
        height = self.height() / 7  # a row of weekday names, then up to six weeks
        first = date(self.year, self.month, 1)
        days = calendar.monthrange(self.year, self.month)[1]
        offset = (first.weekday() - first_weekday()) % 7  # Sunday first in the US
        cells = []
        for number in range(days):
            slot = offset + number
            row, column = divmod(slot, 7)
            cells.append(
                (
                    first + timedelta(days=number),
                    QRectF(column * width, (row + 1) * height, width, height).adjusted(
                        2, 2, -2, -2
                    ),
                )
            )
        return cells

    def cell_of(self, day: date) -> QRectF | None:
        """Where `day` is drawn; None if it is not in the month shown."""
        return next((box for shown, box in self._cells() if shown == day), None)

    def night_at(self, x: float, y: float) -> Night | None:
        for day, box in self._cells():
            if box.contains(QPointF(x, y)):
                return self._index.night(day)
        return None

    def paintEvent(self, event: QPaintEvent) -> None:
        c = self._colors
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width, height = self.width() / 7, self.height() / 7
        painter.setPen(QColor(c.muted))
        start = first_weekday()
        for column in range(7):
            painter.drawText(
                QRectF(column * width, 0, width, height),
                int(Qt.AlignmentFlag.AlignCenter),
                weekday_name((start + column) % 7),
            )
        metrics = painter.fontMetrics()
        for day, box in self._cells():
            future = day > self._tonight
            painter.setPen(QPen(QColor(c.accent if day == self._tonight else c.border), 1.5))
            painter.setBrush(QColor(c.window if future else c.surface))
            painter.drawRoundedRect(box, 6, 6)
            painter.setPen(QColor(c.muted if future else c.text))
            painter.drawText(
                box.adjusted(6, 3, -4, -2),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
                str(day.day),
            )
            night = self._index.night(day)
            if night.state is NightState.NEITHER:
                continue
            mark = min(box.height() * 0.38, box.width() * 0.26, metrics.height() * 1.1)
            row = QRectF(box.left() + 6, box.bottom() - mark - 4, mark, mark)
            if night.routines:
                paint_tick(painter, row, c.rest)
                row.translate(mark * 1.1, 0)
            if night.cramps:
                paint_triangles(painter, row, severity_level(night), c.hold)
        painter.end()

    def event(self, event: QEvent) -> bool:
        if event.type() in _FOCUS_CHANGES:
            return True
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            night = self.night_at(event.pos().x(), event.pos().y())
            if night is not None:
                QToolTip.showText(event.globalPos(), night_text(night), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)


class _LegendMark(QWidget):
    """The mark itself, drawn as in the grid, beside its words in the legend."""

    def __init__(self, level: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._level = level  # None: the routine tick
        self._colors = LIGHT
        size = self.fontMetrics().height()
        count = 1 if level is None else max(1, level)
        self.setFixedSize(round(size * 0.95 * count) + 2, size)

    def set_colors(self, colors: Colors) -> None:
        self._colors = colors
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        size = self.height() * 0.85
        box = QRectF(1, (self.height() - size) / 2, size, size)
        if self._level is None:
            paint_tick(painter, box, self._colors.rest)
        else:
            paint_triangles(painter, box, self._level, self._colors.hold)
        painter.end()


class NightCalendar(QWidget):
    """The month grid with its month switcher and a legend in words."""

    month_changed = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        header = QHBoxLayout()
        self.previous_button = QPushButton()
        icons.set_icon(self.previous_button, "chevron-left")
        self.previous_button.setAccessibleName(tr("Previous month"))
        self.previous_button.setToolTip(tr("Previous month"))
        self.previous_button.clicked.connect(lambda: self.step_month(-1))
        self.next_button = QPushButton()
        icons.set_icon(self.next_button, "chevron-right")
        self.next_button.setAccessibleName(tr("Next month"))
        self.next_button.setToolTip(tr("Next month"))
        self.next_button.clicked.connect(lambda: self.step_month(1))
        self.title = QLabel()
        self.title.setProperty("role", "heading")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        header.addWidget(self.previous_button)
        header.addWidget(self.title, 1)
        header.addWidget(self.next_button)
        layout.addLayout(header)
        self.grid = MonthGrid()
        layout.addWidget(self.grid, 1)
        # Two short rows rather than one long one, so the page still fits a narrow window.
        self._marks: list[_LegendMark] = []
        for row in (
            ((None, tr("routine done")), (0, tr("cramp, severity not noted"))),
            ((1, tr("mild")), (2, tr("moderate")), (3, tr("severe"))),
        ):
            legend = QHBoxLayout()
            legend.setSpacing(6)
            for level, words in row:
                mark = _LegendMark(level)
                self._marks.append(mark)
                legend.addWidget(mark)
                label = QLabel(words)
                label.setProperty("role", "muted")
                legend.addWidget(label)
                legend.addSpacing(10)
            legend.addStretch(1)
            layout.addLayout(legend)
        self._tonight = date.today()

    def set_colors(self, colors: Colors) -> None:
        self.grid.set_colors(colors)
        for mark in self._marks:
            mark.set_colors(colors)

    def set_data(self, index: DiaryIndex, tonight: date) -> None:
        moved = tonight != self._tonight
        self._tonight = tonight
        self.grid.set_data(index, tonight)
        if moved or not self.title.text():
            self.show_month(tonight.year, tonight.month)

    def show_month(self, year: int, month: int) -> None:
        self.grid.show_month(year, month)
        self.title.setText(month_title(year, month))
        self.next_button.setEnabled((year, month) < (self._tonight.year, self._tonight.month))
        self.month_changed.emit(year, month)

    def step_month(self, step: int) -> None:
        year, month = divmod(self.grid.year * 12 + self.grid.month - 1 + step, 12)
        self.show_month(year, month + 1)
