"""The diary screen and the PDF report with ten years of diary (3,650 routines, ~2,000 cramps).

    uv run pytest tests/benchmarks/bench_diary.py -s

Figures to reach: opening the screen (reading the diary included) and switching its range
under 100 ms each, the PDF report under 1 s. Each is printed beside a floor measured in the
same run: for opening, the raw SQL read of both tables plus a bare QWidget with a
QTableWidget of the same rows shown; for switching, refilling that table; for the report, a
QPdfWriter page with one line of text.
"""

from __future__ import annotations

import sqlite3
import statistics
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QPainter, QPdfWriter
from PySide6.QtWidgets import QApplication, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from app.core.clock import FakeClock
from app.core.diary_stats import DiaryIndex, Period, summarize
from app.core.journal import Episode, Journal
from app.core.player import SessionReport
from app.ui.diary.diary_view import DiaryView
from app.ui.diary.report_pdf import report_pdf
from app.ui.shell.theme import DARK

pytestmark = pytest.mark.benchmark

ZONE = timezone(timedelta(hours=1))
NOW = datetime(2026, 1, 1, 21, 0, tzinfo=ZONE)
ROUNDS = 7


@pytest.fixture(scope="module")
def journal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Journal]:
    path = tmp_path_factory.mktemp("diary") / "journal.sqlite3"
    opened, _ = Journal.open(path)
    start = NOW - timedelta(days=3650)
    severities = ("mild", "moderate", "severe", None)
    for day in range(3650):
        began = start.replace(hour=22) + timedelta(days=day)
        opened.add_session(
            SessionReport("evening-stretch", began, began + timedelta(minutes=9), 1.0, (), True)
        )
        if day % 18 < 10:  # about 2,000 cramps
            opened.add_episode(
                Episode(
                    began + timedelta(hours=5, minutes=day % 60),
                    timedelta(minutes=4),
                    "left",
                    severities[day % 4],
                ),
                NOW,
            )
    yield opened
    opened.close()


def median_ms(action: Callable[[], object], rounds: int = ROUNDS) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def report(name: str, ours: float, floor: float, limit: float) -> None:
    print(
        f"\n{name}: ours {ours:.1f} ms, floor {floor:.1f} ms, ratio {ours / floor:.1f} "
        f"(limit {limit:.0f} ms)"
    )


def test_opening_switching_and_the_report(qapp: QApplication, journal: Journal) -> None:
    clock = FakeClock(NOW)
    views: list[QWidget] = []

    def open_view() -> DiaryView:
        view = DiaryView(journal, clock)
        view.apply_colors(DARK)
        view.resize(1100, 720)
        view.show()
        view.repaint()  # painted, not only laid out
        qapp.processEvents()
        views.append(view)
        return view

    shown = summarize(
        DiaryIndex.build(journal.sessions(), journal.episodes()), Period.TWELVE_WEEKS, NOW
    )
    summary_rows = len(shown.sessions) + len(shown.episodes)

    def floor_open() -> QTableWidget:
        db = sqlite3.connect(journal.path)
        db.execute("SELECT * FROM session").fetchall()
        db.execute("SELECT * FROM episode").fetchall()
        db.close()
        window = QWidget()
        table = QTableWidget(summary_rows, 6)
        QVBoxLayout(window).addWidget(table)
        fill(table)
        window.resize(1100, 720)
        window.show()
        window.repaint()
        qapp.processEvents()
        views.append(window)
        return table

    def fill(table: QTableWidget) -> None:
        for row in range(table.rowCount()):
            for column in range(6):
                table.setItem(row, column, QTableWidgetItem(f"{row}:{column}"))

    open_view()  # warm: the first construction loads Qt's styles and fonts
    floor_open()
    ours_open = median_ms(open_view)
    floor_open_ms = median_ms(floor_open)

    def open_preloaded() -> float:
        view = DiaryView(journal, clock)
        view.apply_colors(DARK)
        view.resize(1100, 720)
        view.preload()  # what the main window does at idle after start-up
        started = time.perf_counter()
        view.show()
        view.repaint()
        qapp.processEvents()
        views.append(view)
        return (time.perf_counter() - started) * 1000

    ours_preloaded = statistics.median(open_preloaded() for _ in range(ROUNDS))

    view = open_view()
    periods = [Period.FOUR_WEEKS, Period.ALL, Period.YEAR, Period.TWELVE_WEEKS]
    switch_times = []
    for _ in range(ROUNDS):
        for period in periods:
            started = time.perf_counter()
            view.range_buttons[period].click()
            view.repaint()
            qapp.processEvents()
            switch_times.append((time.perf_counter() - started) * 1000)
    ours_switch = statistics.median(switch_times)
    worst_switch = max(switch_times)
    table = floor_open()

    def refill() -> None:
        fill(table)
        table.repaint()
        qapp.processEvents()

    floor_switch = median_ms(refill)

    everything = summarize(
        DiaryIndex.build(journal.sessions(), journal.episodes()), Period.ALL, NOW
    )

    def one_line_pdf() -> bytes:
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QPdfWriter(buffer)
        painter = QPainter(writer)
        painter.drawText(100, 100, "Calf cramp diary")
        painter.end()
        return bytes(buffer.data().data())

    ours_pdf = median_ms(lambda: report_pdf(everything, NOW))
    floor_pdf = median_ms(one_line_pdf)

    print(f"\n{len(journal.sessions())} sessions, {len(journal.episodes())} cramps")
    report("open the diary screen, reading the diary", ours_open, floor_open_ms, 100)
    report("open the diary screen, preloaded", ours_preloaded, floor_open_ms, 100)
    report("switch range (median)", ours_switch, floor_switch, 100)
    print(f"switch range (worst of {len(switch_times)}): {worst_switch:.1f} ms")
    report("PDF report (all ten years)", ours_pdf, floor_pdf, 1000)
    for widget in views:
        widget.close()
        widget.deleteLater()
    assert ours_preloaded < 100
    assert worst_switch < 100
    assert ours_pdf < 1000
    # The app reads the diary while idle after start-up (preload), so the preloaded figure is
    # the one a user meets; an opening that must read ten years first is held to the same
    # limit and fails until the read is faster.
    assert ours_open < 100, f"a first opening that reads the diary took {ours_open:.0f} ms"


def test_where_the_opening_time_goes(journal: Journal) -> None:
    """Reading rows into records (Journal), sorting them into nights, one summary; and the
    screen's own read, rows straight into an index."""
    read = median_ms(lambda: (journal.sessions(), journal.episodes()))
    sessions, episodes = journal.sessions(), journal.episodes()
    build = median_ms(lambda: DiaryIndex.build(sessions, episodes))
    index = DiaryIndex.build(sessions, episodes)
    switch = median_ms(lambda: summarize(index, Period.ALL, NOW))
    print(f"\nread {read:.1f} ms, index {build:.1f} ms, summary of all {switch:.1f} ms")
    # The screen reads rows with their nights worked out by SQLite, not records.
    rows = median_ms(lambda: DiaryIndex.read(journal))
    print(f"read as rows into an index (the screen's way) {rows:.1f} ms")
    assert build + switch < 100
