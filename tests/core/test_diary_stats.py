"""Diary figures: nights across midnight and changes of clocks, weeks, streaks, an empty diary."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from app.core.diary_stats import (
    HOURS_FROM_NOON,
    DiaryIndex,
    Night,
    NightState,
    Period,
    local_moment,
    most_recent,
    night_of,
    summarize,
    summarize_since,
)
from app.core.journal import Episode, SessionRecord

BERLIN = ZoneInfo("Europe/Berlin")
WINTER = timezone(timedelta(hours=1))
SUMMER = timezone(timedelta(hours=2))


def session(
    started: datetime, finished: bool = True, routine_id: str = "evening-stretch"
) -> SessionRecord:
    return SessionRecord(
        id=0,
        routine_id=routine_id,
        started=started,
        ended=started + timedelta(minutes=9),
        completed=1.0 if finished else 0.3,
        skipped_steps=(),
        finished=finished,
    )


def cramp(started: datetime, severity: str | None = "moderate") -> Episode:
    return Episode(started, timedelta(minutes=5), "left", severity)


def test_a_routine_in_the_evening_and_a_cramp_before_dawn_are_the_same_night() -> None:
    routine = datetime(2026, 3, 3, 22, 0, tzinfo=WINTER)
    pain = datetime(2026, 3, 4, 3, 0, tzinfo=WINTER)
    assert night_of(routine) == night_of(pain) == date(2026, 3, 3)
    index = DiaryIndex.build([session(routine)], [cramp(pain, "severe")])
    assert index.night(date(2026, 3, 3)) == Night(date(2026, 3, 3), 1, 1, "severe")
    assert index.night(date(2026, 3, 3)).state is NightState.BOTH
    assert index.night(date(2026, 3, 4)).state is NightState.NEITHER


def test_noon_is_the_cut_off_between_nights() -> None:
    assert night_of(datetime(2026, 3, 4, 11, 59, tzinfo=WINTER)) == date(2026, 3, 3)
    assert night_of(datetime(2026, 3, 4, 12, 0, tzinfo=WINTER)) == date(2026, 3, 4)
    assert night_of(datetime(2026, 3, 4, 0, 5, tzinfo=WINTER)) == date(2026, 3, 3)


def test_times_are_read_in_the_offset_they_were_lived_in() -> None:
    # 02:30 in Berlin is 00:30 UTC: still the night before, not a day-time event in UTC.
    lived = datetime(2026, 7, 2, 2, 30, tzinfo=SUMMER)
    assert night_of(lived) == date(2026, 7, 1)
    hours = summarize_since(DiaryIndex.build([], [cramp(lived)]), date(2026, 7, 1), lived).hours
    assert hours[2] == 1 and sum(hours) == 1


def test_nights_across_the_change_of_clocks_stay_whole() -> None:
    # Clocks go back in Berlin at 03:00 on 25 Oct 2026: 02:30 happens twice that night.
    first = datetime(2026, 10, 25, 2, 30, tzinfo=BERLIN, fold=0)
    second = datetime(2026, 10, 25, 2, 30, tzinfo=BERLIN, fold=1)
    assert first.utcoffset() != second.utcoffset()
    routines = [session(datetime(2026, 10, d, 22, 0, tzinfo=BERLIN)) for d in (24, 25, 26)]
    index = DiaryIndex.build(routines, [cramp(first), cramp(second)])
    assert index.night(date(2026, 10, 24)).cramps == 2
    now = datetime(2026, 10, 26, 23, 0, tzinfo=BERLIN)
    summary = summarize(index, Period.FOUR_WEEKS, now)
    assert summary.hours[2] == 2
    assert summary.streak == 3
    # Spring forward (29 Mar 2026): the short night is still one night.
    spring = [session(datetime(2026, 3, d, 21, 30, tzinfo=BERLIN)) for d in (28, 29)]
    after = datetime(2026, 3, 30, 1, 0, tzinfo=BERLIN)
    assert DiaryIndex.build(spring, []).streak(night_of(after)) == 2


def test_only_routines_played_to_the_end_count() -> None:
    evening = datetime(2026, 3, 3, 21, 0, tzinfo=WINTER)
    index = DiaryIndex.build([session(evening, finished=False)], [])
    assert index.night(date(2026, 3, 3)).state is NightState.NEITHER
    summary = summarize(index, Period.ALL, evening + timedelta(hours=1))
    assert summary.counts.routines_done == 0
    assert len(summary.sessions) == 1  # still listed, to review or delete


def test_streak_counts_back_from_tonight_and_tonight_not_yet_done_does_not_break_it() -> None:
    routines = [session(datetime(2026, 3, d, 22, 0, tzinfo=WINTER)) for d in (1, 2, 4, 5, 6)]
    index = DiaryIndex.build(routines, [])
    assert index.streak(date(2026, 3, 6)) == 3  # 4, 5, 6
    assert index.streak(date(2026, 3, 7)) == 3  # the 7th's evening is still to come
    assert index.streak(date(2026, 3, 8)) == 0  # the 7th was missed
    assert index.streak(date(2026, 3, 2)) == 2
    assert index.streak(date(2026, 3, 3)) == 2


def test_two_routines_in_one_evening_are_one_night_in_the_weekly_bars() -> None:
    evening = datetime(2026, 3, 3, 21, 0, tzinfo=WINTER)
    index = DiaryIndex.build([session(evening), session(evening + timedelta(hours=1))], [])
    (week,) = index.weekly(date(2026, 3, 5), 1)
    assert (week.first, week.last, week.routine_nights) == (date(2026, 2, 27), date(2026, 3, 5), 1)
    summary = summarize(index, Period.FOUR_WEEKS, datetime(2026, 3, 5, 20, 0, tzinfo=WINTER))
    assert summary.counts.routines_done == 2
    assert summary.counts.routine_nights == 1


def test_weeks_are_runs_of_seven_nights_ending_tonight() -> None:
    tonight = date(2026, 3, 31)
    routines = [
        session(datetime(2026, 3, 31, 22, 0, tzinfo=WINTER) - timedelta(days=d))
        for d in range(0, 84, 2)  # every other night for twelve weeks
    ]
    cramps = [cramp(datetime(2026, 3, 20, 4, 0, tzinfo=WINTER))]
    index = DiaryIndex.build(routines, cramps)
    summary = summarize(index, Period.TWELVE_WEEKS, datetime(2026, 3, 31, 23, 0, tzinfo=WINTER))
    assert len(summary.weeks) == 12
    assert summary.weeks[-1].last == tonight
    assert summary.weeks[0].first == tonight - timedelta(days=83) == summary.first
    assert [w.routine_nights for w in summary.weeks] == [3, 4] * 6
    assert [w.cramps for w in summary.weeks] == [0] * 10 + [1, 0]  # night of the 19th
    assert summary.counts.nights == 84
    assert summary.counts.routine_nights == 42
    short = summarize(index, Period.FOUR_WEEKS, datetime(2026, 3, 31, 23, 0, tzinfo=WINTER))
    assert len(short.weeks) == 4


def test_counts_by_severity_and_period_bounds() -> None:
    now = datetime(2026, 3, 31, 20, 0, tzinfo=WINTER)
    cramps = [
        cramp(datetime(2026, 3, 30, 3, 0, tzinfo=WINTER), "mild"),
        cramp(datetime(2026, 3, 29, 23, 0, tzinfo=WINTER), "severe"),
        cramp(datetime(2026, 3, 30, 1, 0, tzinfo=WINTER), None),
        cramp(datetime(2025, 12, 1, 3, 0, tzinfo=WINTER), "mild"),  # outside four weeks
    ]
    index = DiaryIndex.build([], cramps)
    summary = summarize(index, Period.FOUR_WEEKS, now)
    assert summary.counts.cramps == 3
    assert summary.counts.cramp_nights == 1
    assert dict(summary.counts.by_severity) == {
        "mild": 1,
        "moderate": 0,
        "severe": 1,
        None: 1,
    }
    assert index.night(date(2026, 3, 29)).worst == "severe"
    assert [e.started.hour for e in summary.episodes] == [3, 1, 23]  # most recent first
    everything = summarize(index, Period.ALL, now)
    assert everything.first == date(2025, 11, 30)
    assert everything.counts.cramps == 4
    year = summarize(index, Period.YEAR, now)
    assert year.counts.nights == 365


def test_hours_list_every_hour_and_the_night_centred_order_starts_at_noon() -> None:
    assert HOURS_FROM_NOON[0] == 12 and HOURS_FROM_NOON[12] == 0 and len(HOURS_FROM_NOON) == 24
    assert sorted(HOURS_FROM_NOON) == list(range(24))


def test_an_empty_diary_has_zero_everywhere() -> None:
    now = datetime(2026, 1, 5, 21, 0, tzinfo=UTC)
    summary = summarize(DiaryIndex.build([], []), Period.ALL, now)
    assert summary.first == summary.last == date(2026, 1, 5)
    assert summary.counts.nights == 1
    assert (summary.counts.routines_done, summary.counts.cramps, summary.streak) == (0, 0, 0)
    assert len(summary.weeks) == 1 and summary.weeks[0].cramps == 0
    assert summary.hours == [0] * 24
    assert summary.episodes == [] and summary.sessions == []


def test_summary_since_a_date_counts_routines_by_routine() -> None:
    start = datetime(2026, 3, 1, 22, 0, tzinfo=WINTER)
    routines = [session(start + timedelta(days=d), routine_id="evening-stretch") for d in range(5)]
    routines += [session(start + timedelta(days=1), routine_id="before-sleep")]
    routines += [session(start + timedelta(days=2), finished=False, routine_id="gentle")]
    now = start + timedelta(days=6)
    summary = summarize_since(DiaryIndex.build(routines, []), date(2026, 3, 2), now)
    assert summary.first == date(2026, 3, 2)
    assert dict(summary.routines_by_id) == {"evening-stretch": 4, "before-sleep": 1}
    # A --since in the future is the same as tonight.
    later = summarize_since(DiaryIndex.build(routines, []), date(2027, 1, 1), now)
    assert later.first == later.last == date(2026, 3, 7)


def test_a_typed_time_gets_the_zone_now_speaks() -> None:
    now = datetime(2026, 3, 30, 9, 0, tzinfo=BERLIN)  # summer time since the 29th
    typed = local_moment(datetime(2026, 3, 29, 1, 30), now)  # before the change: winter
    assert typed.utcoffset() == timedelta(hours=1)
    fixed = datetime(2026, 3, 30, 9, 0, tzinfo=timezone(timedelta(hours=-7)))
    assert local_moment(datetime(2026, 3, 30, 3, 0), fixed).utcoffset() == timedelta(hours=-7)


def test_most_recent_hour_is_never_in_the_future() -> None:
    morning = datetime(2026, 3, 30, 9, 0, tzinfo=WINTER)
    assert most_recent(3, morning) == datetime(2026, 3, 30, 3, 0, tzinfo=WINTER)
    early = datetime(2026, 3, 30, 2, 0, tzinfo=WINTER)
    assert most_recent(3, early) == datetime(2026, 3, 29, 3, 0, tzinfo=WINTER)
