"""The calendar of nights: each night said in words for its tooltip."""

from __future__ import annotations

from datetime import date

from app.core.diary_stats import Night
from app.ui.diary.night_calendar import night_text


def test_a_night_is_said_in_words_with_counts_in_the_right_number() -> None:
    evening = date(2026, 11, 20)
    assert night_text(Night(evening, routines=1, cramps=1, worst="severe")) == (
        "Night of Fri, 20 Nov 2026; 1 routine done; 1 cramp, worst: severe"
    )
    assert night_text(Night(evening, routines=0, cramps=2)) == (
        "Night of Fri, 20 Nov 2026; no routine; 2 cramps, severity not noted"
    )
