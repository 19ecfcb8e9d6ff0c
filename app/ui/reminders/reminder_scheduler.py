"""The reminders in the running app: one timer armed for the next one, the file watched.

The rules (what is due, snooze, pause, skip tonight, done tonight) live in
`app.core.reminder_plan`; this module only decides when to look and turns what the plan
finds into signals. A QTimer measures monotonic time, which may stop while the machine
sleeps and never follows a wall-clock change, so every wake asks the plan afresh from the
wall clock: a single-shot timer armed for the next due moment, a coarse once-a-minute look
that bounds what a lost wake can cost, and `check_now()` for the application to call on
resume from sleep.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from datetime import datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import assert_never

from PySide6.QtCore import QFileSystemWatcher, QObject, Qt, QTimer, Signal

from app.core.clock import Clock
from app.core.errors import WriteError
from app.core.nights import MORNING
from app.core.reminder_plan import (
    Heard,
    NextReminder,
    PauseLength,
    PlanStatus,
    ReminderPlan,
)
from app.core.reminders import DEFAULT_GRACE, HandledState, Reminder, load_reminders, local_zone
from app.core.routines import Problem

# The tray and the tests know these by their old home.
from app.ui.reminders.reminder_texts import short_day, status_text, when_text
from app.ui.shell.i18n import tr

__all__ = [
    "PauseLength",
    "ReminderScheduler",
    "SchedulerStatus",
    "short_day",
    "status_text",
    "tr",
    "when_text",
]

log = logging.getLogger(__name__)

COARSE_CHECK_MS = 60_000  # a missed wake costs at most this
MAX_ARM_MS = 86_400_000  # QTimer takes a 32-bit int; a day is well inside it
RELOAD_DELAY_MS = 200  # an editor's save, or an atomic replace, touches the folder twice

SchedulerStatus = PlanStatus


class ReminderScheduler(QObject):
    """Fires reminders from `reminders.yaml` at their time, once each, across restarts.

    Build it, connect its signals, then call `start()`: the first load may report problems
    in the file, and the first look a reminder that came due while the app was not running.
    """

    reminder_due = Signal(object, object, bool)  # Reminder, occurrence (datetime), late
    reminder_missed = Signal(object, object)  # Reminder, occurrence: too late to remind
    problems = Signal(list)  # list[Problem] after each load; empty once the file is fine
    reminders_changed = Signal()  # a load changed the reminders
    status_changed = Signal()  # status() reads differently now
    # The plan changed (snooze, skip, pause, a reminder given) or status() reads
    # differently: each reminder's "next" may read differently now.
    plan_changed = Signal()
    state_not_saved = Signal(object)  # a WriteError: the state file could not be written

    def __init__(
        self,
        clock: Clock,
        reminders_file: Path,
        state: HandledState,
        last_routine_done: Callable[[], datetime | None],
        *,
        zone: tzinfo | None = None,
        grace: timedelta = DEFAULT_GRACE,
        morning: time = MORNING,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._path = reminders_file
        self._fixed_zone = zone
        self.plan = ReminderPlan(
            state, last_routine_done, grace=grace, morning=morning, not_saved=self._not_saved
        )
        self._loaded_clean = False
        self._problems: list[Problem] = []
        self._signature: tuple[int, int, int] | None = None
        self._last_status_key: object = None
        self._started = False
        self._told_not_saved = False

        self._wake = QTimer(self)
        self._wake.setSingleShot(True)
        # Precise: a bedtime reminder at 22:30 should not arrive at 22:31.
        self._wake.setTimerType(Qt.TimerType.PreciseTimer)
        self._wake.timeout.connect(self.check_now)
        self._coarse = QTimer(self)
        self._coarse.setInterval(COARSE_CHECK_MS)
        self._coarse.setTimerType(Qt.TimerType.VeryCoarseTimer)
        self._coarse.timeout.connect(self.check_now)
        self._reload_later = QTimer(self)
        self._reload_later.setSingleShot(True)
        self._reload_later.setInterval(RELOAD_DELAY_MS)
        self._reload_later.timeout.connect(self._reload_if_changed)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._file_touched)
        self._watcher.directoryChanged.connect(self._file_touched)

    # -- running ---------------------------------------------------------

    def start(self) -> None:
        """Read the file, watch it, start the timers and look at once."""
        self._started = True
        self._load(first=True)
        self._watch()
        self._coarse.start()
        self.check_now()

    def stop(self) -> None:
        self._started = False
        self._wake.stop()
        self._coarse.stop()
        self._reload_later.stop()
        paths = self._watcher.files() + self._watcher.directories()
        if paths:
            self._watcher.removePaths(paths)

    def reminders(self) -> list[Reminder]:
        return self.plan.reminders

    def wake_in_ms(self) -> int:
        """How long until the single-shot timer looks again; -1 if nothing is due."""
        return self._wake.remainingTime() if self._wake.isActive() else -1

    def current_problems(self) -> list[Problem]:
        """The problems found in the file at the last load; empty when it was fine."""
        return list(self._problems)

    def check_now(self) -> None:
        """Act on whatever is due by the wall clock, then arm the timer for the next one.

        Call on resume from sleep and after a clock or zone change; the timers call it too.
        """
        now = self._clock.now()
        happenings = self.plan.look(now, self._zone())
        for happening in happenings:
            match happening.heard:
                case Heard.DUE | Heard.DUE_LATE:
                    late = happening.heard is Heard.DUE_LATE
                    self.reminder_due.emit(happening.reminder, happening.occurrence, late)
                case Heard.MISSED:
                    self.reminder_missed.emit(happening.reminder, happening.occurrence)
                case unreachable:
                    assert_never(unreachable)
        self._rearm(plan_changed=bool(happenings))

    def _arm(self, now: datetime, zone: tzinfo) -> None:
        wake = self.plan.next_wake(now, zone)
        if wake is None:
            self._wake.stop()
            return
        milliseconds = math.ceil((wake - now).total_seconds() * 1000)
        self._wake.start(max(0, min(milliseconds, MAX_ARM_MS)))

    # -- what the tray and the list show ------------------------------------------

    def status(self) -> PlanStatus:
        return self.plan.status(self._clock.now(), self._zone())

    def next_for(self, reminder: Reminder) -> NextReminder:
        """When `reminder` next comes, and why, as the tray and notifications see it."""
        return self.plan.next_for(reminder, self._clock.now(), self._zone())

    def _emit_status_if_changed(self) -> bool:
        status = self.status()
        # The date too: "tomorrow 22:30" becomes "tonight 22:30" at midnight.
        key = (
            status.now.date(),
            status.next_time,
            status.next_reminder,
            status.done_tonight,
            status.paused,
            status.paused_until,
        )
        if key == self._last_status_key:
            return False
        self._last_status_key = key
        self.status_changed.emit()
        return True

    # -- snooze, skip, pause ----------------------------------------------

    def snoozes_left(self, reminder_id: str, occurrence: datetime) -> int:
        return self.plan.snoozes_left(reminder_id, occurrence)

    def snooze(self, reminder_id: str, occurrence: datetime) -> bool:
        """Remind again in SNOOZE; False (and nothing done) once MAX_SNOOZES are used."""
        if not self.plan.snooze(reminder_id, occurrence, self._clock.now()):
            return False
        self._rearm(plan_changed=True)
        return True

    def skip_tonight(self) -> None:
        """No more reminders until the morning: snoozes dropped, tonight's ones let off."""
        self.plan.skip_tonight(self._clock.now(), self._zone())
        self._rearm(plan_changed=True)

    def pause(self, length: PauseLength) -> None:
        self.plan.pause(length, self._clock.now(), self._zone())
        self._rearm(plan_changed=True)

    def resume(self) -> None:
        if self.plan.resume(self._clock.now(), self._zone()):
            self._rearm(plan_changed=True)

    def is_paused(self) -> bool:
        return self.plan.is_paused()

    def _not_saved(self, error: WriteError) -> None:
        """Told once: the change holds in memory, so nothing is reminded twice while the app
        runs; only a restart could repeat a reminder inside the grace window."""
        if not self._told_not_saved:
            self._told_not_saved = True
            self.state_not_saved.emit(error)

    def _rearm(self, *, plan_changed: bool = False) -> None:
        self._arm(self._clock.now(), self._zone())
        if self._emit_status_if_changed() or plan_changed:
            self.plan_changed.emit()

    def _zone(self) -> tzinfo:
        # Looked up each time: the user may travel, or change the zone, while the app runs.
        return self._fixed_zone if self._fixed_zone is not None else local_zone()

    # -- the file ----------------------------------------------------------

    def reload(self) -> None:
        """Read `reminders.yaml` again and act on it at once."""
        self._load(first=False)
        if self._started:
            self._watch()
            self.check_now()

    def _load(self, *, first: bool) -> None:
        self._signature = self._file_signature()
        reminders, problems = load_reminders(self._path)
        for problem in problems:
            log.warning("%s", problem)
        if not problems:
            self._loaded_clean = True
        # With problems, keep the last good reminders: a half-edited file must not cancel
        # tonight's. Until there are good ones, the valid entries are better than none.
        if not problems or not self._loaded_clean:
            self._apply(reminders, first=first)
        had_problems = bool(self._problems)
        self._problems = list(problems)
        if self._started and (problems or had_problems):
            self.problems.emit(list(problems))

    def _apply(self, reminders: list[Reminder], *, first: bool) -> None:
        changed = self.plan.set_reminders(reminders, self._clock.now(), self._zone(), first=first)
        if changed and not first:
            self.reminders_changed.emit()

    def _file_signature(self) -> tuple[int, int, int] | None:
        try:
            info = self._path.stat()
        except OSError:
            return None
        return (info.st_ino, info.st_mtime_ns, info.st_size)

    def _watch(self) -> None:
        # The folder too: an atomic save replaces the file, and the watch on the old one
        # ends with it; the folder's change brings the new one back under watch.
        folder = self._path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError:
            return
        wanted = [str(folder)]
        if self._path.exists():
            wanted.append(str(self._path))
        watched = set(self._watcher.files() + self._watcher.directories())
        missing = [path for path in wanted if path not in watched]
        if missing:
            self._watcher.addPaths(missing)

    def _file_touched(self, _path: str) -> None:
        self._reload_later.start()

    def _reload_if_changed(self) -> None:
        self._watch()
        if self._file_signature() != self._signature:
            self.reload()
