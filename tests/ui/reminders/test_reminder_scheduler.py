"""The reminder scheduler driven by a fake clock: on time, once, late, missed, snoozed, paused,
and following the file as it is edited."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot

from app.core.clock import FakeClock
from app.core.reminders import MAX_SNOOZES, HandledState, Reminder, save_reminders
from app.ui.reminders.reminder_scheduler import (
    PauseLength,
    ReminderScheduler,
    SchedulerStatus,
    status_text,
    when_text,
)

BERLIN = ZoneInfo("Europe/Berlin")
WEEKDAYS = frozenset(range(5))
BEDTIME = Reminder("bedtime", time(22, 30), WEEKDAYS, routine="evening-stretch")
# Wednesday 25 November 2026, 21:00 in Berlin.
START = datetime(2026, 11, 25, 21, 0, tzinfo=BERLIN)
TONIGHT = datetime(2026, 11, 25, 22, 30, tzinfo=BERLIN)


class Harness:
    """A scheduler on a fake clock, recording what it says; `restart()` makes a new one on
    the same files, as a new run of the app would."""

    def __init__(self, folder: Path, clock: FakeClock) -> None:
        self.folder = folder
        self.clock = clock
        self.reminders_file = folder / "config" / "reminders.yaml"
        self.state_file = folder / "state" / "reminders-state.json"
        self.last_done: datetime | None = None
        self.due: list[tuple[str, datetime, bool]] = []
        self.missed: list[tuple[str, datetime]] = []
        self.problems: list[list[object]] = []
        self.not_saved: list[object] = []
        self.scheduler: ReminderScheduler | None = None

    def write(self, *reminders: Reminder) -> None:
        save_reminders(self.reminders_file, reminders)

    def restart(self) -> ReminderScheduler:
        if self.scheduler is not None:
            self.scheduler.stop()
        scheduler = ReminderScheduler(
            self.clock,
            self.reminders_file,
            HandledState(self.state_file),
            lambda: self.last_done,
            zone=BERLIN,
        )
        scheduler.reminder_due.connect(lambda r, at, late: self.due.append((r.id, at, late)))
        scheduler.reminder_missed.connect(lambda r, at: self.missed.append((r.id, at)))
        scheduler.problems.connect(self.problems.append)
        scheduler.state_not_saved.connect(self.not_saved.append)
        scheduler.start()
        self.scheduler = scheduler
        return scheduler

    def at(self, moment: datetime) -> None:
        """Move the fake clock to `moment` and let the scheduler look, as its timer would."""
        self.clock.advance((moment - self.clock.now()).total_seconds())
        assert self.scheduler is not None
        self.scheduler.check_now()


@pytest.fixture
def harness(tmp_path: Path, qtbot: QtBot) -> Iterator[Harness]:
    made = Harness(tmp_path, FakeClock(START))
    made.write(BEDTIME)
    yield made
    if made.scheduler is not None:
        made.scheduler.stop()


def test_fires_when_the_clock_reaches_the_time_and_only_once(harness: Harness) -> None:
    scheduler = harness.restart()
    # Armed for 22:30, not polling: one wake in ninety minutes.
    assert abs(scheduler.wake_in_ms() - 90 * 60_000) < 2_000
    harness.at(TONIGHT - timedelta(seconds=1))
    assert harness.due == []
    harness.at(TONIGHT)
    assert harness.due == [("bedtime", TONIGHT, False)]
    harness.at(TONIGHT + timedelta(minutes=1))
    assert len(harness.due) == 1
    # Then armed for tomorrow's.
    assert abs(scheduler.wake_in_ms() - (24 * 60 - 1) * 60_000) < 2_000


def test_not_twice_after_a_restart(harness: Harness) -> None:
    harness.restart()
    harness.at(TONIGHT + timedelta(seconds=2))
    assert len(harness.due) == 1
    harness.restart()
    harness.at(TONIGHT + timedelta(minutes=5))
    assert len(harness.due) == 1


def test_a_restart_inside_the_grace_window_reminds_late(harness: Harness) -> None:
    harness.restart()  # seen once, before it was due
    harness.scheduler.stop()  # type: ignore[union-attr]
    harness.clock.advance(timedelta(hours=1, minutes=50).total_seconds())  # 22:50
    harness.restart()
    assert harness.due == [("bedtime", TONIGHT, True)]


def test_late_within_the_grace_window(harness: Harness) -> None:
    harness.restart()
    harness.at(TONIGHT + timedelta(minutes=20))  # asleep at 22:30, woke at 22:50
    assert harness.due == [("bedtime", TONIGHT, True)]
    assert harness.missed == []


def test_a_week_of_suspend_records_missed_and_does_not_remind(harness: Harness) -> None:
    harness.restart()
    harness.at(START + timedelta(days=7, hours=3))  # the next Thursday, 00:00
    assert harness.due == []
    assert harness.missed == [("bedtime", TONIGHT + timedelta(days=7))]
    harness.at(START + timedelta(days=7, hours=4))
    assert len(harness.missed) == 1


def test_done_tonight_skips_and_says_so(harness: Harness) -> None:
    scheduler = harness.restart()
    assert status_text(scheduler.status()) == "Next reminder: tonight 22:30"
    harness.last_done = START + timedelta(minutes=30)  # finished a routine at 21:30
    harness.at(START + timedelta(minutes=31))
    assert scheduler.status().done_tonight
    assert status_text(scheduler.status()) == "Done tonight"
    harness.at(TONIGHT + timedelta(seconds=1))
    assert harness.due == [] and harness.missed == []
    harness.at(TONIGHT + timedelta(hours=3))  # still the same night after midnight
    assert status_text(scheduler.status()) == "Done tonight"
    harness.at(TONIGHT + timedelta(hours=14))  # Thursday 12:30: a new day
    assert status_text(scheduler.status()) == "Next reminder: tonight 22:30"


def test_snooze_reminds_again_in_ten_minutes_at_most_three_times(harness: Harness) -> None:
    scheduler = harness.restart()
    harness.at(TONIGHT)
    assert scheduler.snoozes_left("bedtime", TONIGHT) == MAX_SNOOZES == 3
    for number in range(1, MAX_SNOOZES + 1):
        assert scheduler.snooze("bedtime", TONIGHT)
        again = TONIGHT + timedelta(minutes=10 * number)
        assert status_text(scheduler.status()) == f"Next reminder: tonight {again:%H:%M}"
        harness.at(TONIGHT + timedelta(minutes=10 * number) - timedelta(seconds=1))
        assert len(harness.due) == number
        harness.at(TONIGHT + timedelta(minutes=10 * number))
        assert harness.due[-1] == ("bedtime", TONIGHT, False)
    assert scheduler.snoozes_left("bedtime", TONIGHT) == 0
    assert not scheduler.snooze("bedtime", TONIGHT)
    harness.at(TONIGHT + timedelta(hours=1))
    assert len(harness.due) == 1 + MAX_SNOOZES


def test_a_snooze_survives_a_restart_and_its_limit_too(harness: Harness) -> None:
    scheduler = harness.restart()
    harness.at(TONIGHT)
    scheduler.snooze("bedtime", TONIGHT)
    scheduler.snooze("bedtime", TONIGHT)  # a second snooze replaces the first
    scheduler = harness.restart()
    assert scheduler.snoozes_left("bedtime", TONIGHT) == 1
    harness.at(TONIGHT + timedelta(minutes=10))
    assert harness.due == [("bedtime", TONIGHT, False), ("bedtime", TONIGHT, False)]


def test_skip_tonight_drops_snoozes_and_later_reminders(harness: Harness) -> None:
    late = Reminder("late", time(23, 30), frozenset(range(7)))
    harness.write(BEDTIME, late)
    scheduler = harness.restart()
    harness.at(TONIGHT)
    scheduler.snooze("bedtime", TONIGHT)
    scheduler.skip_tonight()
    harness.at(TONIGHT + timedelta(hours=2))
    assert harness.due == [("bedtime", TONIGHT, False)]
    assert harness.missed == []
    assert status_text(scheduler.status()) == "Next reminder: Thu 22:30"  # it is 00:30


def test_pause_for_an_hour_then_reminders_come_back(harness: Harness) -> None:
    scheduler = harness.restart()
    harness.at(TONIGHT - timedelta(minutes=10))  # 22:20
    scheduler.pause(PauseLength.HOUR)
    assert status_text(scheduler.status()) == "Reminders paused until tonight 23:20"
    assert abs(scheduler.wake_in_ms() - 60 * 60_000) < 2_000
    harness.at(TONIGHT)
    assert harness.due == []
    # Slept through the end of the pause: 22:30 was inside the pause, so it stays quiet.
    harness.at(TONIGHT + timedelta(minutes=55))
    assert harness.due == [] and harness.missed == []
    assert not scheduler.is_paused()
    harness.at(TONIGHT + timedelta(days=1))
    assert harness.due == [("bedtime", TONIGHT + timedelta(days=1), False)]


def test_pause_tonight_lasts_until_the_morning_and_survives_a_restart(harness: Harness) -> None:
    scheduler = harness.restart()
    scheduler.pause(PauseLength.TONIGHT)
    scheduler = harness.restart()
    status = scheduler.status()
    assert status.paused and status.paused_until == datetime(2026, 11, 26, 7, 0, tzinfo=BERLIN)
    assert status_text(status) == "Reminders paused until tomorrow 07:00"
    harness.at(TONIGHT)
    harness.at(datetime(2026, 11, 26, 7, 0, tzinfo=BERLIN))
    assert not scheduler.is_paused()
    assert harness.due == []


def test_pause_until_resumed(harness: Harness) -> None:
    scheduler = harness.restart()
    scheduler.pause(PauseLength.UNTIL_RESUMED)
    assert scheduler.wake_in_ms() == -1  # nothing to wake for
    assert status_text(scheduler.status()) == "Reminders paused"
    harness.at(TONIGHT + timedelta(days=2))
    assert harness.due == []
    harness.at(TONIGHT + timedelta(days=2, minutes=5))
    scheduler.resume()
    assert harness.due == []  # what came during the pause is not reminded late
    assert status_text(scheduler.status()) == "Next reminder: Mon 22:30"  # it is Friday


def test_a_reminder_made_after_its_time_waits_for_the_next_day(harness: Harness) -> None:
    scheduler = harness.restart()
    harness.at(TONIGHT + timedelta(minutes=1))
    early = Reminder("early", time(22, 0), frozenset(range(7)))
    harness.write(BEDTIME, early)
    scheduler.reload()
    assert len(harness.due) == 1  # bedtime, at 22:30; the new one not at all
    assert status_text(scheduler.status()) == "Next reminder: tomorrow 22:00"


def test_a_file_edited_while_running_is_picked_up(harness: Harness, qtbot: QtBot) -> None:
    scheduler = harness.restart()
    moved = Reminder("bedtime", time(21, 30), WEEKDAYS)
    with qtbot.waitSignal(scheduler.reminders_changed, timeout=5_000):
        harness.write(moved)
    assert scheduler.reminders() == [moved]
    assert status_text(scheduler.status()) == "Next reminder: tonight 21:30"
    # And again: the watch on the file follows each atomic replace.
    with qtbot.waitSignal(scheduler.reminders_changed, timeout=5_000):
        harness.write(moved, Reminder("two", time(23, 0), WEEKDAYS))
    assert len(scheduler.reminders()) == 2


def test_an_invalid_file_keeps_the_last_reminders(harness: Harness) -> None:
    scheduler = harness.restart()
    harness.reminders_file.write_text('schema_version: 1\nreminders:\n  - {id: x, time: "25:00"')
    scheduler.reload()
    assert scheduler.reminders() == [BEDTIME]
    assert len(harness.problems) == 1 and harness.problems[0]
    assert "invalid YAML" in str(harness.problems[0][0])
    harness.at(TONIGHT)
    assert harness.due == [("bedtime", TONIGHT, False)]
    harness.write(BEDTIME)
    scheduler.reload()
    assert harness.problems[-1] == []  # fixed: the notice can go


def test_problems_found_at_start_are_reported_on_start(harness: Harness) -> None:
    harness.reminders_file.write_text(
        'schema_version: 1\nreminders:\n  - {id: ok, time: "22:00", days: [mon]}\n'
        "  - {id: bad, time: 22:00, days: [mon]}\n"
    )
    scheduler = harness.restart()
    assert [r.id for r in scheduler.reminders()] == ["ok"]  # the good ones, until fixed
    assert len(harness.problems) == 1
    assert "reminders[1].time" in str(harness.problems[0][0])


def test_status_changed_only_when_the_text_would(harness: Harness, qtbot: QtBot) -> None:
    scheduler = harness.restart()
    with qtbot.assertNotEmitted(scheduler.status_changed):
        harness.at(START + timedelta(minutes=1))
    with qtbot.waitSignal(scheduler.status_changed, timeout=100):
        scheduler.pause(PauseLength.HOUR)


@pytest.mark.parametrize(
    ("moment", "now", "expected"),
    [
        (TONIGHT, START, "tonight 22:30"),
        (datetime(2026, 11, 25, 9, 0, tzinfo=BERLIN), START.replace(hour=8), "today 09:00"),
        (TONIGHT + timedelta(days=1), TONIGHT, "tomorrow 22:30"),
        (datetime(2026, 11, 26, 0, 15, tzinfo=BERLIN), TONIGHT, "tonight 00:15"),
        (TONIGHT, datetime(2026, 11, 25, 0, 30, tzinfo=BERLIN), "Wed 22:30"),
        (datetime(2026, 11, 30, 22, 30, tzinfo=BERLIN), START, "Mon 22:30"),
        (TONIGHT + timedelta(days=7), TONIGHT, "next Wed 22:30"),
        (None, START, "off"),
    ],
)
def test_when_text(moment: datetime | None, now: datetime, expected: str) -> None:
    assert when_text(moment, now) == expected


def test_status_text_without_reminders() -> None:
    status = SchedulerStatus(START, None, None, False, False, None)
    assert status_text(status) == "No reminders set"


def test_a_state_file_that_cannot_be_written_is_told_once(harness: Harness, qtbot: QtBot) -> None:
    harness.state_file.parent.parent.mkdir(parents=True, exist_ok=True)
    harness.state_file.parent.write_text("a file where the state folder should be")
    scheduler = harness.restart()
    harness.at(TONIGHT)
    harness.at(TONIGHT + timedelta(minutes=1))
    scheduler.pause(PauseLength.HOUR)
    assert harness.due == [("bedtime", TONIGHT, False)]  # still reminded, and only once
    assert len(harness.not_saved) == 1
