"""The reminder plan without Qt: each reminder's next time and the reason for it."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from app.core.reminder_plan import Heard, PauseLength, ReminderPlan, Why
from app.core.reminders import HandledState, Reminder

BERLIN = ZoneInfo("Europe/Berlin")
BEDTIME = Reminder("bedtime", time(22, 30), frozenset(range(7)))
OFF = Reminder("off", time(21, 0), frozenset(range(7)), enabled=False)
START = datetime(2026, 11, 25, 21, 0, tzinfo=BERLIN)  # a Wednesday
TONIGHT = datetime(2026, 11, 25, 22, 30, tzinfo=BERLIN)
TOMORROW = TONIGHT + timedelta(days=1)


def plan_in(folder: Path, done: datetime | None = None) -> ReminderPlan:
    plan = ReminderPlan(HandledState(folder / "state.json"), lambda: done)
    plan.set_reminders([BEDTIME, OFF], START, BERLIN, first=True)
    return plan


def next_of(plan: ReminderPlan, reminder: Reminder, now: datetime = START) -> tuple[object, Why]:
    found = plan.next_for(reminder, now, BERLIN)
    return found.at, found.why


def test_as_scheduled_and_off(tmp_path: Path) -> None:
    plan = plan_in(tmp_path)
    assert next_of(plan, BEDTIME) == (TONIGHT, Why.SCHEDULED)
    assert next_of(plan, OFF) == (None, Why.OFF)


def test_skip_tonight_moves_it_to_tomorrow(tmp_path: Path) -> None:
    plan = plan_in(tmp_path)
    plan.skip_tonight(START, BERLIN)
    assert next_of(plan, BEDTIME) == (TOMORROW, Why.SKIPPED)
    assert plan.look(TONIGHT, BERLIN) == []


def test_snooze_comes_first(tmp_path: Path) -> None:
    plan = plan_in(tmp_path)
    assert [h.heard for h in plan.look(TONIGHT, BERLIN)] == [Heard.DUE]
    assert plan.snooze("bedtime", TONIGHT, TONIGHT)
    again = TONIGHT + timedelta(minutes=10)
    assert next_of(plan, BEDTIME, TONIGHT) == (again, Why.SNOOZED)
    assert [u.at for u in plan.upcoming_for(BEDTIME, TONIGHT, BERLIN, 2)] == [again, TOMORROW]


def test_pauses(tmp_path: Path) -> None:
    plan = plan_in(tmp_path)
    plan.pause(PauseLength.TONIGHT, START, BERLIN)
    assert next_of(plan, BEDTIME) == (TOMORROW, Why.AFTER_PAUSE)
    plan.pause(PauseLength.UNTIL_RESUMED, START, BERLIN)
    assert next_of(plan, BEDTIME) == (None, Why.PAUSED)
    assert plan.status(START, BERLIN).paused
    plan.resume(START, BERLIN)
    assert next_of(plan, BEDTIME) == (TONIGHT, Why.SCHEDULED)


def test_a_routine_done_lets_tonight_s_off(tmp_path: Path) -> None:
    plan = plan_in(tmp_path, done=START - timedelta(minutes=5))
    assert next_of(plan, BEDTIME) == (TOMORROW, Why.DONE)
    status = plan.status(START, BERLIN)
    assert status.done_tonight and status.next_time == TOMORROW
    assert plan.look(TONIGHT, BERLIN) == []


def test_a_read_only_plan_reads_the_saved_state(tmp_path: Path) -> None:
    plan_in(tmp_path).skip_tonight(START, BERLIN)
    asked = ReminderPlan.read_only(tmp_path / "state.json", [BEDTIME])
    assert next_of(asked, BEDTIME) == (TOMORROW, Why.SKIPPED)
    assert ReminderPlan.read_only(None, []).next_for(BEDTIME, START, BERLIN).at == TONIGHT
