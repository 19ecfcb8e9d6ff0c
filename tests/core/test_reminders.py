"""When reminders fire: weekdays, midnight, the DST gap and overlap, half-hour zones."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.core.reminders import Reminder, load_reminders, local_zone, next_fire, upcoming

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
LORD_HOWE = ZoneInfo("Australia/Lord_Howe")  # moves by 30 minutes
WEEKDAYS = frozenset(range(5))
EVERY_DAY = frozenset(range(7))


def at(zone: ZoneInfo, *args: int, fold: int = 0) -> datetime:
    return datetime(*args, tzinfo=zone, fold=fold)  # type: ignore[misc]


def test_fires_tonight_then_on_the_next_chosen_weekday() -> None:
    bedtime = Reminder("bedtime", time(22, 30), WEEKDAYS)
    friday_evening = at(BERLIN, 2026, 11, 27, 21, 0)
    assert next_fire(bedtime, friday_evening, BERLIN) == at(BERLIN, 2026, 11, 27, 22, 30)
    # At exactly 22:30 it has fired: the next one is Monday.
    assert next_fire(bedtime, at(BERLIN, 2026, 11, 27, 22, 30), BERLIN) == at(
        BERLIN, 2026, 11, 30, 22, 30
    )


def test_across_midnight() -> None:
    late = Reminder("late", time(0, 15), EVERY_DAY)
    assert next_fire(late, at(BERLIN, 2026, 11, 25, 23, 50), BERLIN) == at(
        BERLIN, 2026, 11, 26, 0, 15
    )


@pytest.mark.parametrize(
    ("zone", "day", "wall", "expected_wall", "expected_offset"),
    [
        # Berlin springs from 02:00 to 03:00: 02:30 does not exist; fire at 03:00.
        (BERLIN, (2026, 3, 29), time(2, 30), (3, 0), timedelta(hours=2)),
        # New York springs from 02:00 to 03:00 on 8 March 2026.
        (NEW_YORK, (2026, 3, 8), time(2, 15), (3, 0), timedelta(hours=-4)),
        # Lord Howe springs from 02:00 to 02:30 on 4 October 2026.
        (LORD_HOWE, (2026, 10, 4), time(2, 10), (2, 30), timedelta(hours=11)),
    ],
)
def test_a_time_in_the_spring_gap_fires_when_the_gap_ends(
    zone: ZoneInfo,
    day: tuple[int, int, int],
    wall: time,
    expected_wall: tuple[int, int],
    expected_offset: timedelta,
) -> None:
    reminder = Reminder("r", wall, EVERY_DAY)
    fired = next_fire(reminder, at(zone, *day, 0, 0), zone)
    assert fired is not None
    assert (fired.hour, fired.minute) == expected_wall
    assert fired.utcoffset() == expected_offset
    assert fired.date().timetuple()[:3] == day


@pytest.mark.parametrize(
    ("zone", "day", "wall"),
    [
        (BERLIN, (2026, 10, 25), time(2, 30)),  # 02:00-03:00 happens twice
        (NEW_YORK, (2026, 11, 1), time(1, 30)),
        (LORD_HOWE, (2026, 4, 5), time(1, 45)),  # 01:30-02:00 happens twice
    ],
)
def test_a_time_in_the_autumn_overlap_fires_once(
    zone: ZoneInfo, day: tuple[int, int, int], wall: time
) -> None:
    reminder = Reminder("r", wall, EVERY_DAY)
    times = upcoming(reminder, at(zone, *day, 0, 0), zone, 2)
    assert times[0].fold == 0  # the first occurrence
    assert times[1].date() == times[0].date() + timedelta(days=1)  # not again an hour later


def test_after_a_week_asleep_the_next_fire_is_in_the_future() -> None:
    bedtime = Reminder("bedtime", time(22, 30), WEEKDAYS)
    woke = at(BERLIN, 2026, 12, 4, 7, 0)  # a Friday morning, a week after the last one
    assert next_fire(bedtime, woke, BERLIN) == at(BERLIN, 2026, 12, 4, 22, 30)


def test_a_zone_change_is_followed() -> None:
    bedtime = Reminder("bedtime", time(22, 30), EVERY_DAY)
    instant = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
    in_berlin = next_fire(bedtime, instant, BERLIN)
    in_new_york = next_fire(bedtime, instant, NEW_YORK)
    assert in_berlin is not None and in_new_york is not None
    assert (in_berlin.hour, in_new_york.hour) == (22, 22)
    assert in_new_york - in_berlin == timedelta(hours=6)


def test_no_days_never_fires() -> None:
    assert (
        next_fire(Reminder("r", time(22, 0), frozenset()), at(BERLIN, 2026, 1, 1), BERLIN) is None
    )


def test_local_zone_follows_tz(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Australia/Lord_Howe")
    assert local_zone() == LORD_HOWE


def test_the_reminders_file_is_checked_and_located(tmp_path: Path) -> None:
    path = tmp_path / "reminders.yaml"
    path.write_text(
        "schema_version: 1\nreminders:\n"
        '  - {id: bedtime, time: "22:30", days: [mon, tue, wed, thu, fri],\n'
        "     routine: evening-stretch}\n"
        "  - {id: unquoted, time: 22:30, days: [sat]}\n"
        '  - {id: typo, time: "22:30", days: [fir]}\n'
    )
    reminders, problems = load_reminders(path)
    assert [r.id for r in reminders] == ["bedtime"]
    assert reminders[0].days == WEEKDAYS and reminders[0].at == time(22, 30)
    found = [str(p) for p in problems]
    assert any('reminders[1].time: write the time in quotes, like "22:30"' in f for f in found)
    assert any("reminders[2].days[0]: 'fir' is not one of mon, tue" in f for f in found)


def decide_at(now: datetime, **kwargs):  # type: ignore[no-untyped-def]
    from app.core.reminders import decide

    bedtime = Reminder("bedtime", time(22, 30), WEEKDAYS)
    kwargs.setdefault("last_handled", None)
    return decide(bedtime, now, BERLIN, **kwargs)


def test_due_now_notifies_once() -> None:
    from app.core.reminders import Action

    due = at(BERLIN, 2026, 11, 25, 22, 30)
    decision = decide_at(due + timedelta(seconds=1))
    assert (decision.action, decision.occurrence) == (Action.NOTIFY, due)
    assert decision.next_due == at(BERLIN, 2026, 11, 26, 22, 30)
    # Once handled, the same occurrence is never reminded again (also after a restart).
    again = decide_at(due + timedelta(minutes=2), last_handled=due)
    assert (again.action, again.next_due) == (Action.WAIT, decision.next_due)


def test_waking_from_sleep_within_the_grace_notifies_late_after_it_records_missed() -> None:
    from app.core.reminders import Action

    due = at(BERLIN, 2026, 11, 25, 22, 30)
    assert decide_at(due + timedelta(minutes=20)).action is Action.NOTIFY_LATE
    missed = decide_at(due + timedelta(hours=3))
    assert (missed.action, missed.occurrence) == (Action.RECORD_MISSED, due)


def test_a_week_switched_off_records_only_the_last_occurrence() -> None:
    from app.core.reminders import Action

    decision = decide_at(
        at(BERLIN, 2026, 12, 2, 23, 45), last_handled=at(BERLIN, 2026, 11, 25, 22, 30)
    )
    assert decision.action is Action.RECORD_MISSED
    assert decision.occurrence == at(BERLIN, 2026, 12, 2, 22, 30)


def test_no_nagging_once_tonights_routine_is_done() -> None:
    from app.core.reminders import Action

    due = at(BERLIN, 2026, 11, 25, 22, 30)
    done_at_nine = at(BERLIN, 2026, 11, 25, 21, 0)
    skip = decide_at(due + timedelta(seconds=1), last_routine_done=done_at_nine)
    assert skip.action is Action.SKIP_DONE
    done_yesterday = at(BERLIN, 2026, 11, 24, 21, 0)
    assert decide_at(due, last_routine_done=done_yesterday).action is Action.NOTIFY


def test_a_disabled_reminder_never_acts() -> None:
    from app.core.reminders import Action, decide

    off = Reminder("off", time(22, 30), WEEKDAYS, enabled=False)
    decision = decide(off, at(BERLIN, 2026, 11, 25, 22, 31), BERLIN, last_handled=None)
    assert (decision.action, decision.next_due) == (Action.WAIT, None)


def test_handled_occurrences_survive_a_restart(tmp_path: Path) -> None:
    from app.core.reminders import Action, HandledState

    path = tmp_path / "state" / "reminders-state.json"
    due = at(BERLIN, 2026, 11, 25, 22, 30)
    HandledState(path).mark("bedtime", due)
    restarted = HandledState(path)
    assert restarted.last_handled("bedtime") == due
    decision = decide_at(due + timedelta(minutes=3), last_handled=restarted.last_handled("bedtime"))
    assert decision.action is Action.WAIT
    path.write_text("{not json")
    assert HandledState(path).last_handled("bedtime") is None
