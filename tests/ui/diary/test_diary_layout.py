"""The diary in a small window: 960 by 510 (1080p at 200%) and 760 wide. Every tab's parts
keep at least the size they need, none is cut by its parent or lies over a sibling, and what
cannot fit scrolls."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.core.clock import FakeClock
from app.core.journal import Episode, Journal
from app.core.player import SessionReport
from app.ui.diary.charts import AdherenceChart, HourChart
from app.ui.diary.diary_view import DiaryView
from app.ui.diary.night_calendar import MonthGrid
from app.ui.shell.theme import NIGHT

ZONE = timezone(timedelta(hours=1))
NOW = datetime(2026, 3, 31, 21, 0, tzinfo=ZONE)
SIZES = [(960, 510), (760, 600)]
TABS = ["Overview", "Numbers", "Records"]


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    opened, _ = Journal.open(tmp_path / "journal.sqlite3")
    for back in range(1, 60):
        evening = NOW.replace(hour=22) - timedelta(days=back)
        if back % 3:
            opened.add_session(
                SessionReport(
                    "evening-stretch", evening, evening + timedelta(minutes=9), 1.0, (), True
                )
            )
        if back % 4 == 0:
            opened.add_episode(
                Episode(evening + timedelta(hours=5), timedelta(minutes=4), "left", "severe"), NOW
            )
    yield opened
    opened.close()


def inside_qt_widget(widget: QWidget) -> bool:
    """Parts Qt's own widgets build and place themselves (a table's header, a tab bar's
    scroll buttons, a scroll area's page, larger than its window on purpose)."""
    parent = widget.parentWidget()
    if parent is None:
        return False
    if isinstance(parent, QAbstractButton | QTabBar):
        return True
    built_by_qt = type(parent).__module__.startswith("PySide6") and parent.layout() is None
    return built_by_qt and not isinstance(parent, QAbstractScrollArea)


def problems(page: QWidget) -> list[str]:
    found = []
    shown = [
        w
        for w in page.findChildren(QWidget)
        if w.isVisibleTo(page) and not inside_qt_widget(w) and w.width() and w.height()
    ]
    for widget in shown:
        name = f"{type(widget).__name__} {widget.objectName() or ''}".strip()
        if isinstance(widget, QLabel | QAbstractButton) and widget.text():
            name += f" {widget.text()[:30]!r}"
        parent = widget.parentWidget()
        if parent is not None and not parent.rect().contains(widget.geometry()):
            found.append(f"{name} is cut by its parent: {widget.geometry()}")
        least = widget.minimumSizeHint()
        if isinstance(widget, MonthGrid | AdherenceChart | HourChart) and (
            widget.width() < least.width() or widget.height() < least.height()
        ):
            found.append(f"{name} is squeezed to {widget.size()}, below {least}")
        if (
            isinstance(widget, QAbstractButton)
            and widget.text()
            and widget.width() < widget.sizeHint().width()
        ):
            found.append(f"{name} is narrower than its words: {widget.width()}")
    by_parent: dict[int, list[QWidget]] = {}
    for widget in shown:
        by_parent.setdefault(id(widget.parentWidget()), []).append(widget)
    for siblings in by_parent.values():
        for n, first in enumerate(siblings):
            for second in siblings[n + 1 :]:
                overlap: QRect = first.geometry().intersected(second.geometry())
                if overlap.width() > 1 and overlap.height() > 1:
                    found.append(
                        f"{type(first).__name__} and {type(second).__name__} overlap: {overlap}"
                    )
    return found


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("tab", range(len(TABS)), ids=TABS)
def test_nothing_is_cut_squeezed_or_overlapping(
    qtbot: QtBot, journal: Journal, size: tuple[int, int], tab: int
) -> None:
    view = DiaryView(journal, FakeClock(NOW), {"evening-stretch": "Evening calf stretch"})
    qtbot.addWidget(view)
    view.apply_colors(NIGHT)
    view.resize(*size)
    view.show()
    qtbot.waitExposed(view)
    view.tabs.setCurrentIndex(tab)
    QApplication.processEvents()
    assert view.tabs.tabText(tab) == TABS[tab]
    assert problems(view) == []


def test_the_overview_scrolls_in_a_short_window_and_not_in_a_tall_one(
    qtbot: QtBot, journal: Journal
) -> None:
    view = DiaryView(journal, FakeClock(NOW))
    qtbot.addWidget(view)
    view.apply_colors(NIGHT)
    view.resize(960, 510)
    view.show()
    qtbot.waitExposed(view)
    bar = view.overview.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    view.resize(1280, 800)
    qtbot.waitUntil(lambda: bar.maximum() == 0)


def test_the_check_finds_buttons_cut_and_charts_squeezed(qtbot: QtBot) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    row = QHBoxLayout(page)
    for words in ("Export report (PDF)…", "Add routine done…", "Add a cramp…"):
        row.addWidget(QPushButton(words))
    row.addWidget(HourChart())
    row.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
    page.resize(300, 80)  # below what the layout needs: Qt squeezes rather than refuses
    page.show()
    qtbot.waitExposed(page)
    found = problems(page)
    assert any("narrower than its words" in line for line in found)
    assert any("HourChart is squeezed" in line for line in found)
