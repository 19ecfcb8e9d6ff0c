"""Dates, times and numbers in the locale's own forms: order, names, clock, decimal mark and
the first day of the week, as in the US, Britain, Russia and Germany."""

# ruff: noqa: RUF001 -- Russian expected on screen, its Cyrillic letters meant
from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time

import pytest
from PySide6.QtCore import QLocale

from app.ui.diary.night_calendar import MonthGrid
from app.ui.shell import format as fmt

DAY = date(2025, 3, 14)  # a Friday


@pytest.fixture
def locale() -> Iterator[object]:
    def use(name: str) -> None:
        QLocale.setDefault(QLocale(name))

    yield use
    QLocale.setDefault(QLocale.c())


@pytest.mark.parametrize(
    ("name", "when", "short", "clock", "number", "month"),
    [
        (
            "en_US",
            "Fri, Mar 14, 2025, 10:43\u202fPM",
            "Mar 14",
            "10:43\u202fPM",
            "0.4",
            "December 2026",
        ),
        ("en_GB", "Fri, 14 Mar 2025, 22:43", "14 Mar", "22:43", "0.4", "December 2026"),
        ("ru_RU", "пт, 14 мар. 2025\u202fг., 22:43", "14 мар.", "22:43", "0,4", "Декабрь 2026"),
        ("de_DE", "Fr., 14. März 2025, 22:43", "14. März", "22:43", "0,4", "Dezember 2026"),
    ],
)
def test_each_locale_writes_dates_times_and_numbers_its_own_way(  # noqa: PLR0917
    locale, name: str, when: str, short: str, clock: str, number: str, month: str
) -> None:  # type: ignore[no-untyped-def]
    locale(name)
    assert fmt.date_time_text(datetime(2025, 3, 14, 22, 43)) == when
    assert fmt.day_month_text(DAY) == short
    assert fmt.time_of_day(time(22, 43)) == clock
    assert fmt.number_text(0.42) == number
    assert fmt.month_title(2026, 12) == month


def test_the_week_starts_on_sunday_in_the_us_and_on_monday_in_russia(locale) -> None:  # type: ignore[no-untyped-def]
    locale("en_US")
    assert fmt.first_weekday() == 6
    grid = MonthGrid()
    grid.resize(700, 700)
    grid.show_month(2026, 3)  # 1 March 2026 is a Sunday
    first = grid.cell_of(date(2026, 3, 1))
    assert first is not None and first.left() < 10  # the first column
    locale("ru_RU")
    assert fmt.first_weekday() == 0
    assert fmt.weekday_name(0) == "пн"
    first = grid.cell_of(date(2026, 3, 1))
    assert first is not None and first.left() > 600  # the seventh column
