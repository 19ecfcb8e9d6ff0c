"""What the diary may tell you: nights with a routine against nights without, as figures
(the words are the interface's: tests/ui/diary/test_pattern_words.py)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from app.core.diary_pattern import (
    MIN_NIGHTS,
    NO_PATTERN,
    NightGroup,
    Pattern,
    Rate,
    compare,
    nights_compared,
    rate_of,
)
from app.core.diary_stats import DiaryIndex, Period, summarize
from app.core.journal import Episode, SessionRecord

BERLIN = ZoneInfo("Europe/Berlin")
WINTER = timezone(timedelta(hours=1))
FIRST = date(2026, 3, 1)


def session(started: datetime, finished: bool = True) -> SessionRecord:
    return SessionRecord(
        id=0,
        routine_id="evening-stretch",
        started=started,
        ended=started + timedelta(minutes=9),
        completed=1.0 if finished else 0.4,
        skipped_steps=(),
        finished=finished,
    )


def cramp(started: datetime) -> Episode:
    return Episode(started, timedelta(minutes=5), "left", "mild")


def diary(evenings: list[tuple[int, int]], zone: timezone | ZoneInfo = WINTER) -> DiaryIndex:
    """A diary from (routines, cramps) per night from FIRST: a routine at 22:00, cramps from
    03:00 the next morning."""
    sessions, episodes = [], []
    for back, (routines, cramps) in enumerate(evenings):
        day = FIRST + timedelta(days=back)
        evening = datetime(day.year, day.month, day.day, 22, 0, tzinfo=zone)
        sessions += [session(evening)] * routines
        episodes += [cramp(evening + timedelta(hours=5, minutes=m)) for m in range(cramps)]
    return DiaryIndex.build(sessions, episodes)


def test_both_figures_come_with_the_nights_behind_them() -> None:
    pattern = compare(FIRST, FIRST, [(1, 0)] * 8 + [(1, 1)] * 2 + [(0, 1)] * 9 + [(0, 2)] * 11)
    assert pattern.with_routine == NightGroup(nights=10, cramps=2)
    assert pattern.without_routine == NightGroup(nights=20, cramps=31)
    assert pattern.enough
    assert rate_of(pattern.with_routine) == (Rate.PER_NIGHT, 0.2)
    assert rate_of(pattern.without_routine) == (Rate.PER_NIGHT, 1.6)


def test_nothing_is_compared_until_each_kind_of_night_reaches_the_threshold() -> None:
    assert MIN_NIGHTS == 7
    just_enough = compare(FIRST, FIRST, [(1, 0)] * 7 + [(0, 1)] * 7)
    assert just_enough.enough
    one_short = compare(FIRST, FIRST, [(1, 0)] * 6 + [(0, 1)] * 30)
    assert not one_short.enough
    assert (one_short.with_routine.nights, one_short.without_routine.nights) == (6, 30)


def test_a_range_with_only_one_kind_of_night_says_nothing() -> None:
    every_night = compare(FIRST, FIRST, [(1, 2)] * 40)
    assert every_night.without_routine == NightGroup(0, 0)
    assert not every_night.enough
    never = compare(FIRST, FIRST, [(0, 1)] * 40)
    assert not never.enough
    assert never.with_routine == NightGroup(0, 0)
    assert not NO_PATTERN.enough


def test_rates_say_none_under_a_tenth_or_the_figure_to_one_place() -> None:
    assert rate_of(NightGroup(12, 0)) == (Rate.NONE, 0.0)
    assert rate_of(NightGroup(30, 1)) == (Rate.UNDER_A_TENTH, 0.1)
    assert rate_of(NightGroup(12, 5)) == (Rate.PER_NIGHT, 0.4)
    assert rate_of(NightGroup(7, 7)) == (Rate.PER_NIGHT, 1.0)


def test_only_nights_that_are_over_and_that_the_diary_covers_are_compared() -> None:
    tonight = date(2026, 3, 31)
    assert nights_compared(date(2026, 1, 1), tonight, date(2026, 3, 10)) == (
        date(2026, 3, 10),
        date(2026, 3, 30),
    )
    assert nights_compared(date(2026, 3, 4), tonight, date(2025, 1, 1)) == (
        date(2026, 3, 4),
        date(2026, 3, 30),
    )
    assert nights_compared(date(2026, 3, 4), tonight, None) is None  # an empty diary
    assert nights_compared(date(2026, 3, 4), tonight, tonight) is None  # began tonight


def test_the_summary_compares_the_range_shown_from_the_diary_s_first_night() -> None:
    # 10 nights with a routine and no cramp, then 10 without with one cramp each; tonight
    # (the 21st night) has a cramp that is left out, as the night is not over.
    index = diary([(1, 0)] * 10 + [(0, 1)] * 10 + [(0, 1)])
    now = datetime(2026, 3, 21, 23, 0, tzinfo=WINTER)
    pattern = summarize(index, Period.TWELVE_WEEKS, now).pattern
    assert pattern == Pattern(
        date(2026, 3, 1), date(2026, 3, 20), NightGroup(10, 0), NightGroup(10, 10)
    )
    # Four weeks back reaches before the diary began: still only the 20 nights it covers.
    assert summarize(index, Period.FOUR_WEEKS, now).pattern == pattern
    assert summarize(index, Period.ALL, now).pattern == pattern


def test_a_routine_stopped_early_makes_a_night_without() -> None:
    evenings = [datetime(2026, 3, 1 + n, 22, 0, tzinfo=WINTER) for n in range(14)]
    sessions = [session(e, finished=n >= 7) for n, e in enumerate(evenings)]
    index = DiaryIndex.build(sessions, [cramp(evenings[0] + timedelta(hours=4))])
    pattern = index.pattern(date(2026, 3, 1), date(2026, 3, 15))
    assert pattern.with_routine == NightGroup(7, 0)
    assert pattern.without_routine == NightGroup(7, 1)


def test_nights_across_changes_of_clocks_count_once_each() -> None:
    # Berlin's clocks go forward in the night of 28 March 2026 and back in that of 24
    # October. A cramp at 03:30 in each of those nights, a routine at 22:00 before it.
    for change in (date(2026, 3, 28), date(2026, 10, 24)):
        sessions, episodes = [], []
        for back in range(-10, 10):
            day = change + timedelta(days=back)
            evening = datetime(day.year, day.month, day.day, 22, 0, tzinfo=BERLIN)
            if back % 2 == 0:
                sessions.append(session(evening))
            morning = day + timedelta(days=1)
            episodes.append(
                cramp(datetime(morning.year, morning.month, morning.day, 3, 30, tzinfo=BERLIN))
            )
        index = DiaryIndex.build(sessions, episodes)
        pattern = index.pattern(change - timedelta(days=10), change + timedelta(days=10))
        assert pattern.first == change - timedelta(days=10)
        assert pattern.last == change + timedelta(days=9)
        assert pattern.with_routine == NightGroup(10, 10), change
        assert pattern.without_routine == NightGroup(10, 10), change
        assert pattern.enough
        assert rate_of(pattern.with_routine) == (Rate.PER_NIGHT, 1.0), change


def test_an_empty_diary_has_no_pattern() -> None:
    index = DiaryIndex.build([], [])
    assert index.pattern(date(2026, 1, 1), date(2026, 3, 1)) == NO_PATTERN
    assert not NO_PATTERN.enough
