"""Diary figures: nights across midnight and changes of clocks, weeks, streaks, an empty diary."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

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
from app.core.journal import Episode, Journal, SessionRecord

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


def test_nights_out_of_the_order_of_time_are_still_counted_in_their_period() -> None:
    # Flying west at noon: 12:30 in Berlin is the night of the 3rd; fifteen minutes later,
    # 09:45 in the Azores is still the night of the 2nd.
    azores = timezone(timedelta(hours=-1))
    east = cramp(datetime(2026, 3, 3, 12, 30, tzinfo=SUMMER))
    west = cramp(datetime(2026, 3, 3, 9, 45, tzinfo=azores))
    later = cramp(datetime(2026, 3, 4, 3, 0, tzinfo=azores))
    assert east.started < west.started < later.started
    index = DiaryIndex.build([], [later, west, east])
    assert list(index.summary(date(2026, 3, 2), date(2026, 3, 2)).episodes) == [west]
    assert list(index.summary(date(2026, 3, 3), date(2026, 3, 3)).episodes) == [later, east]
    assert list(index.summary(date(2026, 3, 2), date(2026, 3, 3)).episodes) == [later, west, east]


def test_records_of_both_kinds_come_most_recent_first_and_a_cramp_before_a_routine() -> None:
    evening = datetime(2026, 3, 3, 22, 0, tzinfo=WINTER)
    routines = [session(evening), session(evening + timedelta(days=1))]
    cramps = [cramp(evening), cramp(evening + timedelta(hours=5))]
    summary = summarize(DiaryIndex.build(routines, cramps), Period.ALL, evening + timedelta(days=2))
    assert list(summary.records) == [routines[1], cramps[1], cramps[0], routines[0]]
    assert summary.records[1:3] == [cramps[1], cramps[0]]
    assert summary.records == list(summary.records)


def diary(tmp_path: Path) -> Journal:
    """A diary with a bit of everything: changes of clocks, travel west across noon, routines
    stopped early or twice in an evening, cramps with and without a severity, and a cramp
    and a routine at the same moment."""
    journal, _ = Journal.open(tmp_path / "journal.sqlite3")
    now = datetime(2026, 11, 1, 21, 0, tzinfo=BERLIN)
    start = datetime(2026, 3, 20, 22, 0, tzinfo=BERLIN)
    for day in range(0, 220):
        began = (start + timedelta(days=day)).replace(hour=22 if day % 9 else 23)
        if day % 11 != 3:
            journal.add_session_by_hand(session(began, finished=day % 13 != 5), now)
        if day % 4 == 0:
            severity = (None, "mild", "moderate", "severe")[day % 16 // 4]
            journal.add_episode(cramp(began + timedelta(hours=5), severity), now)
    journal.add_session_by_hand(session(start + timedelta(days=30, hours=1)), now)
    journal.add_episode(cramp(start + timedelta(days=31)), now)  # with the routine
    journal.add_episode(cramp(datetime(2026, 10, 25, 2, 30, tzinfo=BERLIN, fold=1)), now)
    journal.add_episode(cramp(datetime(2026, 8, 3, 12, 30, tzinfo=SUMMER)), now)
    journal.add_episode(
        cramp(datetime(2026, 8, 3, 9, 45, tzinfo=timezone(-timedelta(hours=1)))), now
    )
    return journal


def test_reading_the_journal_gives_the_figures_of_its_records(tmp_path: Path) -> None:
    journal = diary(tmp_path)
    read = DiaryIndex.read(journal)
    built = DiaryIndex.build(journal.sessions(), journal.episodes())
    now = datetime(2026, 11, 1, 21, 0, tzinfo=BERLIN)
    assert read.earliest == built.earliest == date(2026, 3, 20)
    for period in Period:
        assert summarize(read, period, now) == summarize(built, period, now)
    for since in (date(2026, 8, 2), date(2026, 8, 3), date(2026, 10, 24)):
        assert summarize_since(read, since, now) == summarize_since(built, since, now)
    day = date(2026, 3, 20)
    while day <= date(2026, 11, 1):
        assert read.night(day) == built.night(day)
        day += timedelta(days=1)
    journal.close()


def test_records_are_read_only_when_looked_at(tmp_path: Path) -> None:
    journal = diary(tmp_path)
    asked: list[int] = []
    read_session = journal.session

    def counted(session_id: int) -> SessionRecord | None:
        asked.append(session_id)
        return read_session(session_id)

    journal.session = counted  # type: ignore[method-assign]
    summary = summarize(DiaryIndex.read(journal), Period.ALL, datetime(2026, 11, 2, tzinfo=UTC))
    assert len(summary.sessions) > 200 and asked == []
    newest = summary.sessions[0]
    assert newest == journal.sessions()[-1]
    assert summary.sessions[0] is newest and len(asked) == 1  # kept once read
    journal.close()


def test_a_record_gone_from_the_diary_since_it_was_read_is_said_to_be_gone(
    tmp_path: Path,
) -> None:
    journal = diary(tmp_path)
    summary = summarize(DiaryIndex.read(journal), Period.ALL, datetime(2026, 11, 2, tzinfo=UTC))
    journal.delete_episode(journal.episodes()[-1].id)
    with pytest.raises(LookupError, match="no longer in the diary"):
        _ = summary.episodes[0]
    journal.close()
