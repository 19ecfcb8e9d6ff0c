"""A reminder fires on time by the real clock and real timers: within a second of its due
moment, and never before it.

Reminders are set to the minute, so waiting for a real 22:30 would take up to a minute (or
a day). The scheduler instead gets the system clock shifted by a fixed offset, chosen so
that its 22:30 comes 1.5 s from now; time still passes at the real rate, and the scheduler's
own QTimers have to wake it.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from datetime import time as time_of_day
from pathlib import Path
from zoneinfo import ZoneInfo

from pytestqt.qtbot import QtBot

from app.core.clock import SystemClock
from app.core.reminders import HandledState, Reminder, save_reminders
from app.ui.reminders.reminder_scheduler import ReminderScheduler

BERLIN = ZoneInfo("Europe/Berlin")  # fixed, whatever the machine's zone
DUE = datetime(2026, 1, 5, 22, 30, tzinfo=BERLIN)  # no DST change near it
EVERY_DAY = frozenset(range(7))
LEAD_S = 1.5  # real seconds from the scheduler's start to the due moment
WAIT_MS = 4000
MAX_DELAY_S = 1.0


class ShiftedClock:
    """The system clock, running at the real rate but reading `offset` later."""

    def __init__(self, offset: timedelta) -> None:
        self._system = SystemClock()
        self.offset = offset

    def monotonic(self) -> float:
        return self._system.monotonic()

    def now(self) -> datetime:
        return self._system.now() + self.offset


def test_a_reminder_fires_within_a_second_of_its_time(qtbot: QtBot, tmp_path: Path) -> None:
    reminders_file = tmp_path / "config" / "reminders.yaml"
    save_reminders(reminders_file, [Reminder("bedtime", time_of_day(22, 30), EVERY_DAY)])
    # The monotonic clock is read first, so `due_mono` is at or before the real moment the
    # shifted clock reaches DUE: the delay measured is never less than the true one.
    started_mono = time.monotonic()
    clock = ShiftedClock(DUE - timedelta(seconds=LEAD_S) - datetime.now(UTC))
    due_mono = started_mono + LEAD_S
    scheduler = ReminderScheduler(
        clock,
        reminders_file,
        HandledState(tmp_path / "state" / "reminders-state.json"),
        lambda: None,
        zone=BERLIN,
    )
    fired: list[tuple[float, datetime, Reminder, datetime, bool]] = []
    scheduler.reminder_due.connect(
        lambda reminder, occurrence, late: fired.append(
            (time.monotonic(), clock.now(), reminder, occurrence, late)
        )
    )
    try:
        with qtbot.waitSignal(scheduler.reminder_due, timeout=WAIT_MS):
            scheduler.start()
            assert fired == []  # not at the start, 1.5 s early
            assert 0 < scheduler.wake_in_ms() <= LEAD_S * 1000  # the precise timer is armed
    finally:
        scheduler.stop()

    ((at_mono, at_wall, reminder, occurrence, late),) = fired
    delay = at_mono - due_mono
    print(f"\nreminder due at {DUE:%H:%M:%S} fired {delay * 1000:.1f} ms after it")
    assert (reminder.id, occurrence, late) == ("bedtime", DUE, False)
    assert at_wall >= DUE  # not early, by the clock the scheduler reads
    assert 0 <= delay < MAX_DELAY_S
