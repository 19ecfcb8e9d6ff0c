"""The reminders in the running app: one timer armed for the next one, the file watched.

The timing rules live in `app.core.reminders`; this module only decides when to look. A
QTimer measures monotonic time, which may stop while the machine sleeps and never follows a
wall-clock change, so every wake recomputes everything from the wall clock: a single-shot
timer armed for the next due moment, a coarse once-a-minute look that bounds what a lost
wake can cost, and `check_now()` for the application to call on resume from sleep.
"""

from __future__ import annotations

import enum
import logging
import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta, tzinfo
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QFileSystemWatcher, QObject, Qt, QTimer, Signal

from app.core.clock import Clock
from app.core.errors import WriteError
from app.core.reminders import (
    DEFAULT_GRACE,
    DONE_WINDOW,
    MAX_SNOOZES,
    ON_TIME,
    SNOOZE,
    Action,
    HandledState,
    Pause,
    Reminder,
    Snooze,
    decide,
    load_reminders,
    local_zone,
    next_fire,
    previous_fire,
    wall_time_on,
)
from app.core.routines import Problem

log = logging.getLogger(__name__)

COARSE_CHECK_MS = 60_000  # a missed wake costs at most this
MAX_ARM_MS = 86_400_000  # QTimer takes a 32-bit int; a day is well inside it
RELOAD_DELAY_MS = 200  # an editor's save, or an atomic replace, touches the folder twice
MORNING = time(7, 0)  # "Tonight" lasts until this time
NIGHT_TURNS = time(12, 0)  # a routine done after noon counts for the coming night


def tr(text: str) -> str:
    return QCoreApplication.translate("reminders", text)


class PauseLength(enum.Enum):
    HOUR = "hour"
    TONIGHT = "tonight"
    UNTIL_RESUMED = "until-resumed"


@dataclass(frozen=True)
class SchedulerStatus:
    """What the tray says: the next reminder, or that tonight is done, or paused."""

    now: datetime  # when this was worked out, in the user's zone
    next_time: datetime | None
    next_reminder: Reminder | None
    done_tonight: bool
    paused: bool
    paused_until: datetime | None  # None while paused: until resumed


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
        self._state = state
        self._last_routine_done = last_routine_done
        self._fixed_zone = zone
        self._grace = grace
        self._morning = morning
        self._reminders: list[Reminder] = []
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
        return list(self._reminders)

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
        zone = self._zone()
        self._end_pause_if_over(now, zone)
        paused = self._state.pause is not None
        done = self._last_routine_done()
        for reminder in self._reminders:
            decision = decide(
                reminder,
                now,
                zone,
                last_handled=self._state.last_handled(reminder.id),
                last_routine_done=done,
                grace=self._grace,
            )
            occurrence = decision.occurrence
            if occurrence is None:
                continue
            # Marked before anyone hears of it, so a slot that fails, or re-enters, can
            # never cause a second reminder.
            self._saved(self._state.mark, reminder.id, occurrence)
            if decision.action in (Action.NOTIFY, Action.NOTIFY_LATE):
                self._drop_snooze(reminder.id)  # a new occurrence replaces an old snooze
                if paused:
                    log.info("reminder %s at %s: paused, not reminded", reminder.id, occurrence)
                else:
                    self.reminder_due.emit(
                        reminder, occurrence, decision.action is not Action.NOTIFY
                    )
            elif decision.action is Action.RECORD_MISSED:
                self._drop_snooze(reminder.id)
                log.info("reminder %s at %s: missed", reminder.id, occurrence)
                self.reminder_missed.emit(reminder, occurrence)
            elif decision.action is Action.SKIP_DONE:
                self._drop_snooze(reminder.id)
                log.info("reminder %s at %s: routine already done", reminder.id, occurrence)
        self._fire_snoozes(now, paused)
        self._arm(now, zone)
        self._emit_status_if_changed()

    def _fire_snoozes(self, now: datetime, paused: bool) -> None:
        by_id = {reminder.id: reminder for reminder in self._reminders}
        for reminder_id, snooze in self._state.snoozes().items():
            reminder = by_id.get(reminder_id)
            if reminder is None or not reminder.enabled:
                self._saved(self._state.set_snooze, reminder_id, None)
                continue
            if snooze.until is None or snooze.until > now:
                continue
            # The count stays, so the limit holds for this occurrence.
            self._saved(
                self._state.set_snooze, reminder_id, Snooze(snooze.occurrence, None, snooze.count)
            )
            late = now - snooze.until
            if paused or late > self._grace:
                continue
            self.reminder_due.emit(reminder, snooze.occurrence, late > ON_TIME)

    def _arm(self, now: datetime, zone: tzinfo) -> None:
        wake = self._next_wake(now, zone)
        if wake is None:
            self._wake.stop()
            return
        milliseconds = math.ceil((wake - now).total_seconds() * 1000)
        self._wake.start(max(0, min(milliseconds, MAX_ARM_MS)))

    def _next_wake(self, now: datetime, zone: tzinfo) -> datetime | None:
        pause = self._state.pause
        if pause is not None:
            return pause.until  # the pause's end; the reminders after it are worked out then
        moments = [moment for moment, _ in self._upcoming(zone, now)]
        moments += [s.until for s in self._state.snoozes().values() if s.until is not None]
        return min(moments, default=None)

    def _upcoming(self, zone: tzinfo, after: datetime) -> list[tuple[datetime, Reminder]]:
        """Each enabled reminder's next time after `after` and after what it has handled."""
        found = []
        for reminder in self._reminders:
            if not reminder.enabled:
                continue
            handled = self._state.last_handled(reminder.id)
            start = max(after, handled) if handled is not None else after
            moment = next_fire(reminder, start, zone)
            if moment is not None:
                found.append((moment, reminder))
        return found

    # -- what the tray shows ----------------------------------------------

    def status(self) -> SchedulerStatus:
        now = self._clock.now()
        zone = self._zone()
        local_now = now.astimezone(zone)
        pause = self._state.pause
        if pause is not None and pause.until is None:
            return SchedulerStatus(local_now, None, None, False, True, None)
        after = max(now, pause.until) if pause is not None and pause.until is not None else now
        candidates = self._upcoming(zone, after)
        if pause is None:
            by_id = {reminder.id: reminder for reminder in self._reminders}
            for reminder_id, snooze in self._state.snoozes().items():
                if snooze.until is not None and reminder_id in by_id:
                    candidates.append((snooze.until, by_id[reminder_id]))
        next_time, next_reminder = min(candidates, key=lambda pair: pair[0], default=(None, None))
        done = self._done_tonight(local_now, zone, next_time)
        return SchedulerStatus(
            local_now,
            None if next_time is None else next_time.astimezone(zone),
            next_reminder,
            done,
            pause is not None,
            None if pause is None or pause.until is None else pause.until.astimezone(zone),
        )

    def _done_tonight(self, now: datetime, zone: tzinfo, next_time: datetime | None) -> bool:
        done = self._last_routine_done()
        if done is None or done > now:
            return False
        # "Tonight" runs from noon to noon, so after midnight it is still the same night.
        night_starts = wall_time_on(now.date(), NIGHT_TURNS, zone)
        if now < night_starts:
            night_starts = wall_time_on(now.date() - timedelta(days=1), NIGHT_TURNS, zone)
        if done < night_starts:
            return False
        if next_time is None:
            return True
        night_ends = wall_time_on(night_starts.date() + timedelta(days=1), NIGHT_TURNS, zone)
        # Done tonight if no reminder is left tonight, or the next one will be let off.
        return next_time >= night_ends or next_time - DONE_WINDOW <= done

    def _emit_status_if_changed(self) -> None:
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
        if key != self._last_status_key:
            self._last_status_key = key
            self.status_changed.emit()

    # -- snooze, skip, pause ----------------------------------------------

    def snoozes_left(self, reminder_id: str, occurrence: datetime) -> int:
        return max(0, MAX_SNOOZES - self._state.snooze_count(reminder_id, occurrence))

    def snooze(self, reminder_id: str, occurrence: datetime) -> bool:
        """Remind again in SNOOZE; False (and nothing done) once MAX_SNOOZES are used."""
        count = self._state.snooze_count(reminder_id, occurrence)
        if count >= MAX_SNOOZES:
            return False
        until = self._clock.now() + SNOOZE
        self._saved(self._state.set_snooze, reminder_id, Snooze(occurrence, until, count + 1))
        self._rearm()
        return True

    def skip_tonight(self) -> None:
        """No more reminders until the morning: snoozes dropped, tonight's ones let off."""
        now = self._clock.now()
        zone = self._zone()
        morning = self._next_morning(now, zone)
        self._saved(self._state.clear_snoozes)
        for reminder in self._reminders:
            last = previous_fire(reminder, morning, zone) if reminder.enabled else None
            handled = self._state.last_handled(reminder.id)
            if last is not None and last > now and (handled is None or last > handled):
                self._saved(self._state.mark, reminder.id, last)
        self._rearm()

    def pause(self, length: PauseLength) -> None:
        now = self._clock.now()
        if length is PauseLength.HOUR:
            until: datetime | None = now + timedelta(hours=1)
        elif length is PauseLength.TONIGHT:
            until = self._next_morning(now, self._zone())
        else:
            until = None
        self._saved(self._state.clear_snoozes)
        self._saved(self._state.set_pause, Pause(until))
        self._rearm()

    def resume(self) -> None:
        if self._state.pause is None:
            return
        self._let_off_until(self._clock.now(), self._zone())
        self._saved(self._state.set_pause, None)
        self._rearm()

    def is_paused(self) -> bool:
        return self._state.pause is not None

    def _end_pause_if_over(self, now: datetime, zone: tzinfo) -> None:
        pause = self._state.pause
        if pause is not None and pause.until is not None and pause.until <= now:
            # Reminders due during the pause stay quiet even if the machine slept through
            # its end and would otherwise find them inside the grace window.
            self._let_off_until(pause.until, zone)
            self._saved(self._state.set_pause, None)

    def _let_off_until(self, moment: datetime, zone: tzinfo) -> None:
        for reminder in self._reminders:
            self._baseline(reminder, moment, zone)

    def _baseline(self, reminder: Reminder, moment: datetime, zone: tzinfo) -> None:
        """Count every occurrence up to `moment` as handled."""
        last = previous_fire(reminder, moment, zone)
        handled = self._state.last_handled(reminder.id)
        if last is not None and (handled is None or last > handled):
            self._saved(self._state.mark, reminder.id, last)

    def _next_morning(self, now: datetime, zone: tzinfo) -> datetime:
        local = now.astimezone(zone)
        morning = wall_time_on(local.date(), self._morning, zone)
        if morning <= now:
            morning = wall_time_on(local.date() + timedelta(days=1), self._morning, zone)
        return morning

    def _drop_snooze(self, reminder_id: str) -> None:
        if reminder_id in self._state.snoozes():
            self._saved(self._state.set_snooze, reminder_id, None)

    def _saved(self, change: Callable[..., None], *args: object) -> None:
        """Change the state and save it; a failed save is logged and told once.

        The change holds in memory either way, so nothing is reminded twice while the app
        runs; only a restart could repeat a reminder inside the grace window.
        """
        try:
            change(*args)
        except WriteError as error:
            log.warning("reminder state not saved: %s", error)
            if not self._told_not_saved:
                self._told_not_saved = True
                self.state_not_saved.emit(error)

    def _rearm(self) -> None:
        self._arm(self._clock.now(), self._zone())
        self._emit_status_if_changed()

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
        now = self._clock.now()
        zone = self._zone()
        before = {reminder.id: reminder for reminder in self._reminders}
        for reminder in reminders:
            old = before.get(reminder.id)
            if first:
                new = self._state.last_handled(reminder.id) is None
            else:
                new = old is None or (old.at, old.days, old.enabled) != (
                    reminder.at,
                    reminder.days,
                    reminder.enabled,
                )
            # A reminder just made, moved or switched on does not fire at once for a time
            # already past: the user set it for the future.
            if new and reminder.enabled:
                self._baseline(reminder, now, zone)
        changed = reminders != self._reminders
        self._reminders = list(reminders)
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


def short_day(weekday: int) -> str:
    """A weekday's short name, 0 = Monday."""
    names = (
        tr("Mon"),
        tr("Tue"),
        tr("Wed"),
        tr("Thu"),
        tr("Fri"),
        tr("Sat"),
        tr("Sun"),
    )
    return names[weekday]


def _is_night_hour(hour: int) -> bool:
    return hour >= 17 or hour < 5


def when_text(moment: datetime | None, now: datetime) -> str:
    """When a reminder fires, in words: "tonight 22:30", "tomorrow 07:00", "Mon 22:30"."""
    if moment is None:
        return tr("off")
    local_now = now.astimezone(moment.tzinfo)
    clock = f"{moment.hour:02d}:{moment.minute:02d}"
    days = (moment.date() - local_now.date()).days
    if days == 0:
        if local_now.hour < 5 and moment.hour >= 12:
            # At 00:30, "tonight 22:30" could be read as in a few minutes, and "today" as
            # the day just ended: the weekday is the one way to say it plainly.
            return f"{short_day(moment.weekday())} {clock}"
        if _is_night_hour(moment.hour):
            return tr("tonight {time}").format(time=clock)
        return tr("today {time}").format(time=clock)
    if days == 1:
        # At 23:00, 00:15 is still tonight to a person, though the date has turned.
        if moment.hour < 5 and local_now.hour >= 17:
            return tr("tonight {time}").format(time=clock)
        return tr("tomorrow {time}").format(time=clock)
    if days < 7:
        return f"{short_day(moment.weekday())} {clock}"
    if days == 7:
        return tr("next {day} {time}").format(day=short_day(moment.weekday()), time=clock)
    return f"{moment.date().isoformat()} {clock}"


def status_text(status: SchedulerStatus) -> str:
    """The tray's information line."""
    if status.paused:
        if status.paused_until is None:
            return tr("Reminders paused")
        return tr("Reminders paused until {when}").format(
            when=when_text(status.paused_until, status.now)
        )
    if status.done_tonight:
        return tr("Done tonight")
    if status.next_time is None:
        return tr("No reminders set")
    return tr("Next reminder: {when}").format(when=when_text(status.next_time, status.now))
