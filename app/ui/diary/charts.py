"""Diary charts painted with QPainter: routines against cramps per week, and time of night.

The painting functions take any QPainter, so the diary screen and the PDF report draw the
same chart. Cramp bars are hatched as well as coloured, so the two series differ without
colour. Each function returns the boxes it drew per bar, for tooltips.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from app.core.diary_stats import HOURS_FROM_NOON, WeekCount
from app.ui.shell.format import day_month_text, hour_span_text
from app.ui.shell.format import hour_text as format_hour
from app.ui.shell.i18n import tr
from app.ui.shell.theme import LIGHT, Colors


@dataclass(frozen=True)
class ChartColors:
    text: str
    muted: str
    grid: str
    routine: str
    cramp: str
    hatch: str  # the lines across cramp bars

    @classmethod
    def from_colors(cls, colors: Colors) -> ChartColors:
        return cls(
            text=colors.text,
            muted=colors.muted,
            grid=colors.border,
            routine=colors.rest,
            cramp=colors.hold,
            hatch=colors.surface,
        )


def short_date(day: date) -> str:
    """A week's first day on the axis: "14 Mar", "Mar 14", "14 мар."."""
    return day_month_text(day)


def week_text(week: WeekCount) -> str:
    return tr(
        "{first} – {last}: {routines} of 7 nights with a routine, %n cramp(s)", None, week.cramps
    ).format(
        first=short_date(week.first),
        last=short_date(week.last),
        routines=week.routine_nights,
    )


def hour_text(hour: int, cramps: int) -> str:
    return tr("{hours}: %n cramp(s)", None, cramps).format(hours=hour_span_text(hour))


def _nice_top(value: int) -> int:
    """An axis top at or above `value` that divides into whole steps."""
    for top in (1, 2, 4, 5, 6, 7, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60, 80, 100):
        if value <= top:
            return top
    return -(-value // 50) * 50


MAX_AXIS_INTERVALS = 8  # more grid lines than this clutter even a tall chart
LABEL_GAP_LINES = 1.5  # from one axis number to the next, in lines of text


def _round_steps(below: int) -> list[int]:
    """The round steps for an axis of counts: 1, 2, 5, 10, 20, 25, 50, 100, ... < `below`."""
    steps: set[int] = set()
    power = 1
    while power < below:
        steps.update(step for step in (power, 2 * power, 5 * power, 25 * power) if step < below)
        power *= 10
    return sorted(steps)


def _step_choices(top: int) -> list[int]:
    """The steps that divide `top`, smallest first, so that the top falls on a step.

    The round steps that divide it, half of it (a middle line where no round step does),
    and the top itself.
    """
    choices = {step for step in _round_steps(top) if top % step == 0}
    if top % 2 == 0:
        choices.add(top // 2)
    choices.add(top)
    return sorted(choices)


def _axis_ticks(top: int, plot_height: float, line_height: float) -> list[int]:
    """The counts to number on an axis from 0 to `top`, as many as fit in `plot_height`.

    Numbers stay LABEL_GAP_LINES lines of text apart, so a short chart or a large font
    does not crowd them. 0 and `top` are always numbered, and only whole counts are.
    """
    top = max(1, top)
    if plot_height <= 0:
        return [0, top]
    # The smallest step, in counts, that keeps both the grid sparse and the numbers apart.
    least_step = max(top / MAX_AXIS_INTERVALS, top * line_height * LABEL_GAP_LINES / plot_height)
    step = next(step for step in _step_choices(top) if step >= least_step or step == top)
    if step < top:
        return list(range(0, top + 1, step))
    # Only 0 and the top so far: 7 nights, say, in a short chart. A round step that does
    # not divide the top still puts numbers between them; the last of those is left out
    # when it would crowd the top.
    step = next((step for step in _round_steps(top) if step >= least_step), top)
    ticks = list(range(0, top, step))
    if top - ticks[-1] < least_step:
        ticks.pop()
    return [*ticks, top] if ticks else [0, top]


def _swatch(
    painter: QPainter, box: QRectF, fill: str, hatched: ChartColors | None, unit: float
) -> None:
    painter.fillRect(box, QColor(fill))
    if hatched is None:
        return
    # Drawn lines rather than a pattern brush: a brush pattern is sized in device pixels,
    # invisible at the resolution of a PDF.
    painter.save()
    painter.setClipRect(box)
    painter.setPen(QPen(QColor(hatched.hatch), 1.4 * unit))
    gap = 5 * unit
    x = box.left() - box.height()
    while x < box.right():
        painter.drawLine(QPointF(x, box.bottom()), QPointF(x + box.height(), box.top()))
        x += gap
    painter.restore()


def _legend(
    painter: QPainter,
    area: QRectF,
    items: list[tuple[str, str, bool]],
    colors: ChartColors,
    unit: float,
) -> float:
    """Swatches with their names along the top of `area`; returns the height used."""
    metrics = painter.fontMetrics()
    height = metrics.height()
    x = area.left()
    for name, fill, hatched in items:
        box = QRectF(x, area.top() + height * 0.15, height * 0.7 * 1.4, height * 0.7)
        _swatch(painter, box, fill, colors if hatched else None, unit)
        painter.setPen(QColor(colors.text))
        text_x = box.right() + height * 0.35
        painter.drawText(
            QRectF(text_x, area.top(), area.right() - text_x, height),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            name,
        )
        x = text_x + metrics.horizontalAdvance(name) + height * 1.2
    return height * 1.5


@dataclass(frozen=True)
class _Plot:
    """The inner rectangle of a chart and its vertical scale."""

    box: QRectF
    top: int
    unit: float

    def y(self, value: float) -> float:
        return self.box.bottom() - self.box.height() * value / self.top


def _axes(painter: QPainter, area: QRectF, top: int, colors: ChartColors, unit: float) -> _Plot:
    """Grid lines with their numbers on the left; room for labels underneath."""
    metrics = painter.fontMetrics()
    label_width = metrics.horizontalAdvance(str(top)) + 6 * unit
    box = QRectF(
        area.left() + label_width,
        area.top() + metrics.height() * 1.1,  # room for the tallest bar's number
        area.width() - label_width,
        area.height() - metrics.height() * 2.4,
    )
    plot = _Plot(box, max(1, top), unit)
    for value in _axis_ticks(plot.top, box.height(), metrics.height()):
        y = plot.y(value)
        painter.setPen(QPen(QColor(colors.grid), unit))
        painter.drawLine(QPointF(box.left(), y), QPointF(box.right(), y))
        painter.setPen(QColor(colors.muted))
        painter.drawText(
            QRectF(area.left(), y - metrics.height() / 2, label_width - 4 * unit, metrics.height()),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            str(value),
        )
    return plot


def _bar(
    painter: QPainter,
    plot: _Plot,
    x: float,
    width: float,
    value: int,
    *,
    fill: str,
    hatched: ChartColors | None = None,
) -> QRectF:
    box = QRectF(x, plot.y(value), width, plot.box.bottom() - plot.y(value))
    if value:
        _swatch(painter, box, fill, hatched, plot.unit)
    return box


def _value_label(
    painter: QPainter, bar: QRectF, value: int, colors: ChartColors, room: float
) -> None:
    """The number above a bar, if there is `room` (a width centred on the bar) for it."""
    metrics = painter.fontMetrics()
    if not value or metrics.horizontalAdvance(str(value)) > room:
        return  # nothing to see, or too narrow; the tooltip and the table carry the number
    painter.setPen(QColor(colors.text))
    painter.drawText(
        QRectF(bar.center().x() - room / 2, bar.top() - metrics.height(), room, metrics.height()),
        int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom),
        str(value),
    )


def _x_label(painter: QPainter, plot: _Plot, center: float, text: str, colors: ChartColors) -> None:
    metrics = painter.fontMetrics()
    width = metrics.horizontalAdvance(text) + metrics.height()
    painter.setPen(QColor(colors.muted))
    painter.drawText(
        QRectF(
            center - width / 2, plot.box.bottom() + metrics.height() * 0.2, width, metrics.height()
        ),
        int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
        text,
    )


def _label_every(painter: QPainter, slot: float, sample: str) -> int:
    """Label every n-th slot so that labels do not touch."""
    needed = painter.fontMetrics().horizontalAdvance(sample) * 1.3
    every = 1
    while slot * every < needed:
        every += 1
    return every


def paint_adherence(
    painter: QPainter,
    area: QRectF,
    weeks: Sequence[WeekCount],
    colors: ChartColors,
    unit: float = 1.0,
) -> list[QRectF]:
    """Per week: nights with a routine (solid) beside cramps (hatched). Boxes per week."""
    used = _legend(
        painter,
        area,
        [
            (tr("Nights with a routine"), colors.routine, False),
            (tr("Cramps"), colors.cramp, True),
        ],
        colors,
        unit,
    )
    area = area.adjusted(0, used, 0, 0)
    top = _nice_top(max([7, *(w.cramps for w in weeks)]))
    plot = _axes(painter, area, top, colors, unit)
    slot = plot.box.width() / max(1, len(weeks))
    bar_width = min(slot * 0.36, 28 * unit)
    every = _label_every(painter, slot, "30 Dec")
    boxes = []
    for index, week in enumerate(weeks):
        center = plot.box.left() + slot * (index + 0.5)
        routine = _bar(
            painter, plot, center - bar_width, bar_width, week.routine_nights, fill=colors.routine
        )
        cramps = _bar(
            painter, plot, center, bar_width, week.cramps, fill=colors.cramp, hatched=colors
        )
        _value_label(painter, routine, week.routine_nights, colors, bar_width + 2 * unit)
        _value_label(painter, cramps, week.cramps, colors, bar_width + 2 * unit)
        if (len(weeks) - 1 - index) % every == 0:  # the newest week is always labelled
            _x_label(painter, plot, center, short_date(week.first), colors)
        boxes.append(QRectF(center - slot / 2, plot.box.top(), slot, plot.box.height()))
    return boxes


def paint_hours(
    painter: QPainter, area: QRectF, hours: Sequence[int], colors: ChartColors, unit: float = 1.0
) -> list[QRectF]:
    """Cramps by the hour they started, noon to noon. Boxes in HOURS_FROM_NOON order."""
    plot = _axes(painter, area, _nice_top(max([1, *hours])), colors, unit)
    slot = plot.box.width() / 24
    every = max(3, _label_every(painter, slot, format_hour(22)))
    boxes = []
    for index, hour in enumerate(HOURS_FROM_NOON):
        left = plot.box.left() + slot * index
        bar = _bar(
            painter,
            plot,
            left + slot * 0.12,
            slot * 0.76,
            hours[hour],
            fill=colors.cramp,
            hatched=colors,
        )
        _value_label(painter, bar, hours[hour], colors, slot)
        # No label for noon, on the left edge: centred there it ran into the axis's numbers,
        # and moved right it crowded the next; the labels after it say where the hours are.
        if index % every == 0 and index:
            _x_label(painter, plot, left, format_hour(hour), colors)
        boxes.append(QRectF(left, plot.box.top(), slot, plot.box.height()))
    return boxes


class _Chart(QWidget):
    """A chart on screen: paints with the functions above and explains a bar on hover."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._colors = ChartColors.from_colors(LIGHT)
        self._boxes: list[QRectF] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)

    def set_colors(self, colors: Colors) -> None:
        self._colors = ChartColors.from_colors(colors)
        self.update()

    def minimumSizeHint(self) -> QSize:
        return QSize(240, 150)

    def sizeHint(self) -> QSize:
        return QSize(520, 220)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._boxes = self.paint(painter, QRectF(self.rect()).adjusted(4, 4, -8, -4))
        painter.end()

    def paint(self, painter: QPainter, area: QRectF) -> list[QRectF]:
        raise NotImplementedError

    def bar_text(self, index: int) -> str:
        raise NotImplementedError

    def tooltip_at(self, position: QPoint) -> str:
        """What the bar under `position` stands for, in words and numbers; "" if none."""
        for index, box in enumerate(self._boxes):
            if box.contains(QPointF(position)):
                return self.bar_text(index)
        return ""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)


class AdherenceChart(_Chart):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.weeks: list[WeekCount] = []
        self.setAccessibleName(tr("Nights with a routine and cramps, per week"))

    def set_weeks(self, weeks: list[WeekCount]) -> None:
        self.weeks = weeks
        self.setAccessibleDescription("; ".join(week_text(w) for w in weeks))
        self.update()

    def paint(self, painter: QPainter, area: QRectF) -> list[QRectF]:
        return paint_adherence(painter, area, self.weeks, self._colors)

    def bar_text(self, index: int) -> str:
        return week_text(self.weeks[index])


class HourChart(_Chart):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hours = [0] * 24
        self.setAccessibleName(tr("Cramps by the hour they started"))

    def set_hours(self, hours: list[int]) -> None:
        self.hours = hours
        self.setAccessibleDescription(
            "; ".join(hour_text(h, hours[h]) for h in HOURS_FROM_NOON if hours[h])
        )
        self.update()

    def paint(self, painter: QPainter, area: QRectF) -> list[QRectF]:
        return paint_hours(painter, area, self.hours, self._colors)

    def bar_text(self, index: int) -> str:
        hour = HOURS_FROM_NOON[index]
        return hour_text(hour, self.hours[hour])
