"""Which night a moment belongs to, and the spans the reminders and settings use."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from app.core.nights import in_hours, is_night_hour, next_morning, night_of, night_span

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.mark.parametrize(
    ("moment", "night"),
    [
        (datetime(2026, 3, 3, 22, 0, tzinfo=BERLIN), date(2026, 3, 3)),
        (datetime(2026, 3, 4, 3, 0, tzinfo=BERLIN), date(2026, 3, 3)),
        (datetime(2026, 3, 4, 11, 59, tzinfo=BERLIN), date(2026, 3, 3)),
        (datetime(2026, 3, 4, 12, 0, tzinfo=BERLIN), date(2026, 3, 4)),
    ],
)
def test_a_night_runs_from_noon_to_noon(moment: datetime, night: date) -> None:
    assert night_of(moment) == night
    starts, ends = night_span(moment, BERLIN)
    assert starts.date() == night and starts.hour == ends.hour == 12
    assert starts <= moment < ends


def test_hours_across_midnight() -> None:
    assert [h for h in range(24) if in_hours(h, 21, 7)] == [0, 1, 2, 3, 4, 5, 6, 21, 22, 23]
    assert [h for h in range(24) if in_hours(h, 1, 3)] == [1, 2]
    assert [h for h in range(24) if is_night_hour(h)] == [0, 1, 2, 3, 4, 17, 18, 19, 20, 21, 22, 23]


def test_the_next_morning() -> None:
    evening = datetime(2026, 3, 3, 22, 0, tzinfo=BERLIN)
    assert next_morning(evening, BERLIN) == datetime(2026, 3, 4, 7, 0, tzinfo=BERLIN)
    early = datetime(2026, 3, 4, 3, 0, tzinfo=BERLIN)
    assert next_morning(early, BERLIN) == datetime(2026, 3, 4, 7, 0, tzinfo=BERLIN)
