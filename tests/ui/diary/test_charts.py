"""The diary charts: how many numbers the count axis gets, and painting at small sizes."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

import pytest
from pytestqt.qtbot import QtBot

from app.core.diary_stats import WeekCount
from app.ui.diary import charts
from app.ui.diary.charts import LABEL_GAP_LINES, MAX_AXIS_INTERVALS, AdherenceChart, _axis_ticks

LINE = 17.0  # a line of text at the usual font size, in pixels


def weeks(cramps: list[int]) -> list[WeekCount]:
    monday = date(2026, 1, 5)
    return [
        WeekCount(
            monday + timedelta(weeks=index),
            monday + timedelta(weeks=index, days=6),
            min(7, index + 2),
            count,
        )
        for index, count in enumerate(cramps)
    ]


def test_a_tall_plot_numbers_every_round_step() -> None:
    assert _axis_ticks(7, 400, LINE) == [0, 1, 2, 3, 4, 5, 6, 7]
    assert _axis_ticks(20, 400, LINE) == [0, 5, 10, 15, 20]
    assert _axis_ticks(100, 400, LINE) == [0, 20, 40, 60, 80, 100]


def test_a_short_plot_numbers_fewer() -> None:
    assert _axis_ticks(8, 70, LINE) == [0, 4, 8]
    assert _axis_ticks(20, 70, LINE) == [0, 10, 20]
    assert _axis_ticks(7, 70, LINE) == [0, 7]


def test_a_large_font_numbers_fewer_at_the_same_height() -> None:
    assert _axis_ticks(8, 220, LINE) == [0, 1, 2, 3, 4, 5, 6, 7, 8]
    assert _axis_ticks(8, 220, 2 * LINE) == [0, 2, 4, 6, 8]


def test_a_top_with_no_round_step_still_gets_numbers_between() -> None:
    # 7 nights: steps of 2, and 6 left out, being too close under the 7.
    assert _axis_ticks(7, 126, LINE) == [0, 2, 4, 7]


def test_no_room_at_all_keeps_zero_and_the_top() -> None:
    assert _axis_ticks(7, 10, LINE) == [0, 7]
    assert _axis_ticks(7, -5, LINE) == [0, 7]
    assert _axis_ticks(0, 100, LINE) == [0, 1]


@pytest.mark.parametrize("top", [1, 2, 4, 5, 6, 7, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60, 80])
@pytest.mark.parametrize("height", [30, 60, 90, 120, 160, 240, 400, 800])
def test_numbers_are_whole_and_never_crowded(top: int, height: int) -> None:
    ticks = _axis_ticks(top, height, LINE)
    assert ticks[0] == 0 and ticks[-1] == top
    assert all(isinstance(tick, int) for tick in ticks)
    assert ticks == sorted(set(ticks))
    assert len(ticks) - 1 <= MAX_AXIS_INTERVALS
    if len(ticks) > 2:  # with only 0 and the top there is nothing to leave out
        gaps = [height * (upper - lower) / top for lower, upper in pairwise(ticks)]
        assert min(gaps) >= LINE * LABEL_GAP_LINES


def test_a_short_chart_paints_its_numbers_apart(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    numbered: list[tuple[int, float, float, list[int]]] = []

    def recorded(top: int, plot_height: float, line_height: float) -> list[int]:
        ticks = _axis_ticks(top, plot_height, line_height)
        numbered.append((top, plot_height, line_height, ticks))
        return ticks

    monkeypatch.setattr(charts, "_axis_ticks", recorded)
    chart = AdherenceChart()
    qtbot.addWidget(chart)
    chart.set_weeks(weeks([0, 3, 1, 9, 2, 0, 4, 1]))
    font = chart.font()
    font.setPixelSize(12)  # the same room for the numbers whatever the system font
    chart.setFont(font)
    chart.resize(600, 140)
    image = chart.grab().toImage()  # paints it as on screen

    assert image.size().toTuple() == (600, 140)
    [(top, plot_height, line_height, ticks)] = numbered
    assert (ticks[0], ticks[-1]) == (0, top) == (0, 10)
    assert len(ticks) > 2
    gaps = [plot_height * (upper - lower) / top for lower, upper in pairwise(ticks)]
    assert min(gaps) >= line_height * LABEL_GAP_LINES
