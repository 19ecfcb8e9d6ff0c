"""A one-page A4 report of the diary for a doctor, drawn with QPdfWriter.

Only facts from the diary: the period, the counts, cramps on nights with a routine against
nights without (with the nights behind each figure, and "not proof"), the weekly chart of
routines against cramps, the routines done, the cramps themselves (most recent first, as
many as fit) and the disclaimer. The page is painted into memory and written atomically, so
a failed write leaves the previous file (or none) and never half a PDF.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from app import APP_NAME, __version__
from app.core.diary_pattern import MIN_NIGHTS
from app.core.diary_stats import Summary
from app.core.disclaimer import disclaimer
from app.core.journal import SEVERITIES, Episode
from app.core.nights import NIGHT_CUTOFF_HOUR, night_of
from app.core.storage import atomic_write
from app.ui.diary.charts import ChartColors, paint_adherence
from app.ui.diary.episode_dialog import length_text
from app.ui.diary.pattern_words import pattern_text
from app.ui.shell.format import date_text, hour_text, leg_name, long_date_text, time_of_day
from app.ui.shell.i18n import active_language, tr

RESOLUTION = 300  # dots per inch; text and lines are vectors, this only sets the grid
UNIT = RESOLUTION / 96  # one screen pixel's worth of length, for lines and gaps


@dataclass(frozen=True)
class _Ink:
    """Print colours: dark text on white whatever the screen theme."""

    text: str = "#1f2328"
    muted: str = "#5b6169"
    rule: str = "#c9c4bb"
    band: str = "#f2efe9"  # every other table row


INK = _Ink()
PRINT_CHART = ChartColors(
    text=INK.text,
    muted=INK.muted,
    grid="#dedad3",
    routine="#2f6f7e",
    cramp="#b4532a",
    hatch="#ffffff",
)


def long_date(day: date) -> str:
    return long_date_text(day)


def period_text(summary: Summary) -> str:
    return tr("Nights of {first} to {last} (%n night(s))", None, summary.counts.nights).format(
        first=long_date(summary.first), last=long_date(summary.last)
    )


def severity_text(summary: Summary) -> str:
    by = summary.counts.by_severity
    parts = [f"{tr(name)} {by.get(name, 0)}" for name in SEVERITIES]
    if by.get(None, 0):
        parts.append(tr("not noted {n}").format(n=by[None]))
    return " · ".join(parts)


class _Page:
    """A cursor down the page, with the fonts of the report."""

    def __init__(self, painter: QPainter, area: QRectF, base: QFont) -> None:
        self.painter = painter
        self.area = area
        self.y = area.top()
        self.base = base

    def font(self, points: float, bold: bool = False) -> QFont:
        font = QFont(self.base)
        font.setPointSizeF(points)
        font.setBold(bold)
        return font

    def line(self, text: str, points: float, bold: bool = False, color: str = INK.text) -> None:
        self.painter.setFont(self.font(points, bold))
        self.painter.setPen(QColor(color))
        height = self.painter.fontMetrics().height()
        self.painter.drawText(
            QRectF(self.area.left(), self.y, self.area.width(), height),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            text,
        )
        self.y += height

    def paragraph(self, text: str, points: float, color: str = INK.text) -> None:
        """`text` wrapped to the width of the page."""
        self.painter.setFont(self.font(points))
        self.painter.setPen(QColor(color))
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
        box = QRectF(self.area.left(), self.y, self.area.width(), self.area.height())
        used = self.painter.boundingRect(box, flags, text)
        self.painter.drawText(box, flags, text)
        self.y += used.height()

    def gap(self, pixels: float) -> None:
        self.y += pixels * UNIT


def paint_report(
    painter: QPainter,
    area: QRectF,
    summary: Summary,
    made: datetime,
    routine_titles: Mapping[str, str] | None = None,
) -> int:
    """Everything on the page, inside `area` (device units of the painter).

    Returns how many cramps the table had room for.
    """
    titles = routine_titles or {}
    page = _Page(painter, area, QFont(painter.font()))
    made_text = tr("{app} {version}, made {day}").format(
        app=APP_NAME, version=__version__, day=long_date(made.date())
    )
    painter.setFont(page.font(8))
    painter.setPen(QColor(INK.muted))
    painter.drawText(area, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop), made_text)
    page.line(tr("Calf cramp diary"), 18, bold=True)
    page.line(period_text(summary), 11)
    page.paragraph(
        tr(
            "A night runs from noon to noon ({hour}): a cramp at {example} belongs to the night "
            "before. Times are local, as lived."
        ).format(hour=hour_text(NIGHT_CUTOFF_HOUR), example=hour_text(3)),
        8,
        color=INK.muted,
    )
    page.gap(10)
    counts = summary.counts
    facts = [
        (
            tr("Routines done"),
            tr("{n} (on {nights} of %n night(s))", None, counts.nights).format(
                n=counts.routines_done, nights=counts.routine_nights
            ),
        ),
        (
            tr("Cramps"),
            tr("{n} (on %n night(s))", None, counts.cramp_nights).format(n=counts.cramps),
        ),
        (tr("By severity"), severity_text(summary)),
        (
            tr("Current streak"),
            tr("%n night(s) in a row with a routine", None, summary.streak),
        ),
    ]
    _facts(page, facts)
    page.gap(10)
    page.line(tr("Nights with a routine and nights without"), 11, bold=True)
    page.paragraph(pattern_text(summary.pattern), 9.5)
    page.gap(2)
    page.paragraph(
        tr(
            "Compared: the nights of the period that are over, from the diary's first record. "
            "A night counts as one with a routine when a routine was played to the end. "
            "Nothing is compared with fewer than {n} nights of either kind."
        ).format(n=MIN_NIGHTS),
        8,
        color=INK.muted,
    )
    page.gap(12)
    page.line(
        tr("Nights with a routine and cramps, per week, last {n} weeks").format(
            n=len(summary.weeks)
        ),
        11,
        bold=True,
    )
    painter.setFont(page.font(8))
    chart = QRectF(area.left(), page.y + 4 * UNIT, area.width(), 190 * UNIT)
    paint_adherence(painter, chart, summary.weeks, PRINT_CHART, UNIT)
    page.y = chart.bottom() + 10 * UNIT
    page.line(tr("Routines done"), 11, bold=True)
    done = " · ".join(
        f"{titles.get(routine_id, routine_id)} × {n}"
        for routine_id, n in summary.routines_by_id.items()
    )
    page.line(done or tr("none in this period"), 9)
    page.gap(10)
    page.line(tr("Cramps, most recent first"), 11, bold=True)
    disclaimer_top = _disclaimer(page)
    return _episode_table(page, summary.episodes, disclaimer_top - 8 * UNIT)


def _facts(page: _Page, facts: list[tuple[str, str]]) -> None:
    painter = page.painter
    painter.setFont(page.font(10, bold=True))
    label_width = max(painter.fontMetrics().horizontalAdvance(label) for label, _ in facts)
    height = painter.fontMetrics().height() * 1.25
    for label, value in facts:
        painter.setFont(page.font(10, bold=True))
        painter.setPen(QColor(INK.text))
        row = QRectF(page.area.left(), page.y, page.area.width(), height)
        painter.drawText(row, int(Qt.AlignmentFlag.AlignVCenter), label)
        painter.setFont(page.font(10))
        painter.drawText(
            row.adjusted(label_width + 16 * UNIT, 0, 0, 0),
            int(Qt.AlignmentFlag.AlignVCenter),
            value,
        )
        page.y += height


def _disclaimer(page: _Page) -> float:
    """The disclaimer at the foot of the page; returns where it starts."""
    painter = page.painter
    painter.setFont(page.font(7.5))
    flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
    text = disclaimer(active_language())
    needed = painter.fontMetrics().boundingRect(QRectF(page.area).toRect(), flags, text).height()
    box = QRectF(page.area.left(), page.area.bottom() - needed, page.area.width(), needed)
    painter.setPen(QColor(INK.muted))
    painter.drawText(box, flags, text)
    painter.setPen(QPen(QColor(INK.rule), UNIT))
    line_y = box.top() - 6 * UNIT
    painter.drawLine(QPointF(box.left(), line_y), QPointF(box.right(), line_y))
    return box.top() - 6 * UNIT


def _columns() -> tuple[tuple[str, float], ...]:
    """The cramp table's headings and their shares of the width; literal tr() calls, so
    lupdate finds them. The shares leave room for a Russian date and "Длительность"."""
    return (
        (tr("Night of"), 0.22),
        (tr("Started"), 0.12),
        (tr("Length"), 0.16),
        (tr("Leg"), 0.13),
        (tr("Severity"), 0.13),
        (tr("Note"), 0.24),
    )


def _episode_row(episode: Episode) -> list[str]:
    night = night_of(episode.started)
    return [
        date_text(night),
        time_of_day(episode.started),
        length_text(episode.duration),
        leg_name(episode.leg) if episode.leg else "–",
        tr(episode.severity) if episode.severity else "–",
        episode.note,
    ]


def _episode_table(page: _Page, episodes: Sequence[Episode], bottom: float) -> int:
    painter = page.painter
    area = page.area
    painter.setFont(page.font(9))
    height = painter.fontMetrics().height() * 1.35
    if not episodes:
        page.line(tr("No cramps recorded in this period."), 9)
        return 0
    lefts = []
    x = area.left()
    for _, share in _columns():
        lefts.append(x)
        x += area.width() * share
    widths = [area.width() * share for _, share in _columns()]

    def row(cells: list[str], bold: bool, band: bool) -> None:
        if band:
            painter.fillRect(QRectF(area.left(), page.y, area.width(), height), QColor(INK.band))
        painter.setFont(page.font(9, bold))
        painter.setPen(QColor(INK.text))
        metrics = painter.fontMetrics()
        for text, left, width in zip(cells, lefts, widths, strict=True):
            box = QRectF(left + 4 * UNIT, page.y, width - 8 * UNIT, height)
            shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, round(box.width()))
            painter.drawText(box, int(Qt.AlignmentFlag.AlignVCenter), shown)
        page.y += height

    row([name for name, _ in _columns()], bold=True, band=False)
    # Room for the rows, keeping one line for "and N more" when not all fit.
    room = int((bottom - page.y) // height)
    shown = episodes if len(episodes) <= room else episodes[: max(0, room - 1)]
    for number, episode in enumerate(shown):
        row(_episode_row(episode), bold=False, band=number % 2 == 0)
    if len(shown) < len(episodes):
        page.line(
            tr("and {n} more (all are in the CSV export)").format(n=len(episodes) - len(shown)),
            9,
            color=INK.muted,
        )
    return len(shown)


def report_pdf(
    summary: Summary, made: datetime, routine_titles: Mapping[str, str] | None = None
) -> tuple[bytes, int]:
    """The report as the bytes of a one-page PDF, and how many cramps it lists."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(16, 14, 16, 14), QPageLayout.Unit.Millimeter)
    writer.setTitle(tr("Calf cramp diary"))
    writer.setCreator(f"{APP_NAME} {__version__}")
    painter = QPainter(writer)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    area = QRectF(writer.pageLayout().paintRectPixels(RESOLUTION))
    area.moveTo(0, 0)  # the painter's origin is already inside the margins
    listed = paint_report(painter, area, summary, made, routine_titles)
    painter.end()
    buffer.close()
    return bytes(buffer.data().data()), listed


def write_report(
    path: Path,
    summary: Summary,
    made: datetime,
    routine_titles: Mapping[str, str] | None = None,
) -> int:
    """Write the report to `path` atomically; WriteError (plain reason) if it cannot be.

    Returns how many cramps the page lists (the most recent ones).
    """
    data, listed = report_pdf(summary, made, routine_titles)
    atomic_write(path, data, mode=0o644)
    return listed
