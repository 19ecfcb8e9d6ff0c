"""The reminder plan: what the reminders have done, and when each one comes next, and why.

One answer for everyone who says when the next reminder is: the tray, the reminders page,
the notifications and `--next-reminders`. It holds the rules about snooze, pause, skip
tonight and a routine already done tonight, on top of `decide()`; the scheduler in the
interface only wakes it (timers, the file watch) and turns what it returns into signals.
Every method takes `now` and the zone, so the rules are tested on aware datetimes alone.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import assert_never

from app.core.errors import WriteError
from app.core.nights import MORNING, next_morning, night_span
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
    next_fire,
    previous_fire,
)

log = logging.getLogger(__name__)

STATE_FILE = "reminders-state.json"  # in the state folder, beside the log


class PauseLength(enum.Enum):
    HOUR = "hour"
    TONIGHT = "tonight"
    UNTIL_RESUMED = "until-resumed"


class Why(enum.Enum):
    """Why a reminder's next time is what it is."""

    OFF = "off"  # switched off, or on no day: it never comes
    PAUSED = "paused"  # all reminders paused until resumed: no time
    SCHEDULED = "scheduled"  # its time on the next of its days
    SNOOZED = "snoozed"  # put off by Snooze
    SKIPPED = "skipped"  # tonight's was skipped; this is the one after
    DONE = "done"  # tonight's routine is done, so the one it would nag about is let off
    AFTER_PAUSE = "after-pause"  # the first one after a pause ends


@dataclass(frozen=True)
class NextReminder:
    """When one reminder next reaches the user (None: not until something changes)."""

    reminder: Reminder
    at: datetime | None
    why: Why


class Heard(enum.Enum):
    DUE = "due"  # remind now, on time
    DUE_LATE = "due-late"  # remind now, though it was due a while ago (asleep, off)
    MISSED = "missed"  # too long ago to remind: note it only


@dataclass(frozen=True)
class Happening:
    """What a look at the clock found: a reminder to give, or one missed."""

    heard: Heard
    reminder: Reminder
    occurrence: datetime


@dataclass(frozen=True)
class PlanStatus:
    """What the tray says: the next reminder, or that tonight is done, or paused."""

    now: datetime  # when this was worked out, in the user's zone
    next_time: datetime | None
    next_reminder: Reminder | None
    done_tonight: bool
    paused: bool
    paused_until: datetime | None  # None while paused: until resumed


class ReminderPlan:
    """The reminders, what has been done about them, and every rule about the next one.

    `state` is kept on disk at each change. A change that cannot be saved still holds in
    memory, so nothing is reminded twice while the app runs; `not_saved` hears of it.
    """

    def __init__(
        self,
        state: HandledState,
        last_routine_done: Callable[[], datetime | None],
        *,
        grace: timedelta = DEFAULT_GRACE,
        morning: time = MORNING,
        not_saved: Callable[[WriteError], None] | None = None,
    ) -> None:
        self._state = state
        self._last_routine_done = last_routine_done
        self._grace = grace
        self._morning = morning
        self._not_saved = not_saved
        self._reminders: list[Reminder] = []

    @classmethod
    def read_only(
        cls,
        state_file: Path | None,
        reminders: Sequence[Reminder],
        last_routine_done: datetime | None = None,
    ) -> ReminderPlan:
        """A plan to ask, not to act on: the saved state as it is (None: nothing done yet),
        for `--next-reminders` and a reminders page with no scheduler running."""
        plan = cls(HandledState(state_file), lambda: last_routine_done)
        plan._reminders = list(reminders)
        return plan

    @property
    def reminders(self) -> list[Reminder]:
        return list(self._reminders)

    def set_reminders(
        self, reminders: Sequence[Reminder], now: datetime, zone: tzinfo, *, first: bool
    ) -> bool:
        """Take the reminders from the file; True if they differ from the ones held."""
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
        changed = list(reminders) != self._reminders
        self._reminders = list(reminders)
        return changed

    # -- looking at the clock ------------------------------------------------

    def look(self, now: datetime, zone: tzinfo) -> list[Happening]:
        """Everything due by `now`, each occurrence marked handled before it is returned.

        Marked first, so a listener that fails, or re-enters, can never cause a second
        reminder.
        """
        self._end_pause_if_over(now, zone)
        paused = self._state.pause is not None
        done = self._last_routine_done()
        found: list[Happening] = []
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
            self._saved(self._state.mark, reminder.id, occurrence)
            self._drop_snooze(reminder.id)  # a new occurrence replaces an old snooze
            match decision.action:
                case Action.NOTIFY | Action.NOTIFY_LATE:
                    if paused:
                        log.info("reminder %s at %s: paused, not reminded", reminder.id, occurrence)
                        continue
                    late = decision.action is Action.NOTIFY_LATE
                    found.append(
                        Happening(Heard.DUE_LATE if late else Heard.DUE, reminder, occurrence)
                    )
                case Action.RECORD_MISSED:
                    log.info("reminder %s at %s: missed", reminder.id, occurrence)
                    found.append(Happening(Heard.MISSED, reminder, occurrence))
                case Action.SKIP_DONE:
                    log.info("reminder %s at %s: routine already done", reminder.id, occurrence)
                case Action.WAIT:
                    pass
                case unreachable:
                    assert_never(unreachable)
        found += self._snoozes_due(now, paused)
        return found

    def _snoozes_due(self, now: datetime, paused: bool) -> list[Happening]:
        by_id = {reminder.id: reminder for reminder in self._reminders}
        found = []
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
            heard = Heard.DUE_LATE if late > ON_TIME else Heard.DUE
            found.append(Happening(heard, reminder, snooze.occurrence))
        return found

    def next_wake(self, now: datetime, zone: tzinfo) -> datetime | None:
        """When to look at the clock again; None if nothing will ever be due."""
        pause = self._state.pause
        if pause is not None:
            return pause.until  # the pause's end; the reminders after it are worked out then
        moments = [moment for moment, _ in self._scheduled(zone, now)]
        moments += [s.until for s in self._state.snoozes().values() if s.until is not None]
        return min(moments, default=None)

    def _scheduled(self, zone: tzinfo, after: datetime) -> list[tuple[datetime, Reminder]]:
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

    # -- what everyone is told -----------------------------------------------------

    def next_for(self, reminder: Reminder, now: datetime, zone: tzinfo) -> NextReminder:
        """When `reminder` will next reach the user, and why then."""
        return self.upcoming_for(reminder, now, zone, 1)[0]

    def upcoming_for(
        self, reminder: Reminder, now: datetime, zone: tzinfo, count: int
    ) -> list[NextReminder]:
        """The next `count` times `reminder` reaches the user (fewer if it stops), each with
        its reason; one entry with no time when it is off or paused until resumed."""
        if not reminder.enabled or not reminder.days:
            return [NextReminder(reminder, None, Why.OFF)]
        pause = self._state.pause
        if pause is not None and pause.until is None:
            return [NextReminder(reminder, None, Why.PAUSED)]
        found: list[NextReminder] = []
        after = now
        why = Why.SCHEDULED
        snooze = self._state.snoozes().get(reminder.id)
        if pause is not None and pause.until is not None and pause.until > now:
            # The pause's end lets off everything due during it.
            after, why = pause.until, Why.AFTER_PAUSE
        elif snooze is not None and snooze.until is not None:
            found.append(NextReminder(reminder, snooze.until.astimezone(zone), Why.SNOOZED))
        handled = self._state.last_handled(reminder.id)
        if handled is not None and handled > after:
            after = handled
            if handled > now and why is Why.SCHEDULED:
                why = Why.SKIPPED  # only skip tonight marks a time still to come
        done = self._last_routine_done()
        while len(found) < count:
            moment = next_fire(reminder, after, zone)
            if moment is None:
                break
            after = moment
            if done is not None and done <= now and moment - DONE_WINDOW <= done:
                why = Why.DONE  # decide() will let this one off
                continue
            found.append(NextReminder(reminder, moment, why))
            why = Why.SCHEDULED
        return found

    def status(self, now: datetime, zone: tzinfo) -> PlanStatus:
        """The next reminder of all, or that tonight is done, or that they are paused."""
        local_now = now.astimezone(zone)
        pause = self._state.pause
        paused_until = None if pause is None or pause.until is None else pause.until
        if pause is not None and paused_until is None:
            return PlanStatus(local_now, None, None, False, True, None)
        coming = [
            upcoming
            for reminder in self._reminders
            if (upcoming := self.next_for(reminder, now, zone)).at is not None
        ]
        first = min(coming, key=lambda found: found.at or now, default=None)
        next_time = None if first is None or first.at is None else first.at.astimezone(zone)
        return PlanStatus(
            local_now,
            next_time,
            None if first is None else first.reminder,
            self._done_tonight(local_now, zone, next_time),
            pause is not None,
            None if paused_until is None else paused_until.astimezone(zone),
        )

    def _done_tonight(self, now: datetime, zone: tzinfo, next_time: datetime | None) -> bool:
        done = self._last_routine_done()
        if done is None or done > now:
            return False
        night_starts, night_ends = night_span(now, zone)
        # Done tonight if it was done since noon and no reminder is left tonight.
        return done >= night_starts and (next_time is None or next_time >= night_ends)

    # -- snooze, skip, pause -------------------------------------------------

    def snoozes_left(self, reminder_id: str, occurrence: datetime) -> int:
        return max(0, MAX_SNOOZES - self._state.snooze_count(reminder_id, occurrence))

    def snooze(self, reminder_id: str, occurrence: datetime, now: datetime) -> bool:
        """Remind again in SNOOZE; False (and nothing done) once MAX_SNOOZES are used."""
        count = self._state.snooze_count(reminder_id, occurrence)
        if count >= MAX_SNOOZES:
            return False
        self._saved(
            self._state.set_snooze, reminder_id, Snooze(occurrence, now + SNOOZE, count + 1)
        )
        return True

    def skip_tonight(self, now: datetime, zone: tzinfo) -> None:
        """No more reminders until the morning: snoozes dropped, tonight's ones let off."""
        morning = next_morning(now, zone, self._morning)
        self._saved(self._state.clear_snoozes)
        for reminder in self._reminders:
            last = previous_fire(reminder, morning, zone) if reminder.enabled else None
            handled = self._state.last_handled(reminder.id)
            if last is not None and last > now and (handled is None or last > handled):
                self._saved(self._state.mark, reminder.id, last)

    def pause(self, length: PauseLength, now: datetime, zone: tzinfo) -> None:
        match length:
            case PauseLength.HOUR:
                until: datetime | None = now + timedelta(hours=1)
            case PauseLength.TONIGHT:
                until = next_morning(now, zone, self._morning)
            case PauseLength.UNTIL_RESUMED:
                until = None
            case unreachable:
                assert_never(unreachable)
        self._saved(self._state.clear_snoozes)
        self._saved(self._state.set_pause, Pause(until))

    def resume(self, now: datetime, zone: tzinfo) -> bool:
        """End a pause; False if there was none."""
        if self._state.pause is None:
            return False
        self._let_off_until(now, zone)
        self._saved(self._state.set_pause, None)
        return True

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

    def _drop_snooze(self, reminder_id: str) -> None:
        if reminder_id in self._state.snoozes():
            self._saved(self._state.set_snooze, reminder_id, None)

    def _saved(self, change: Callable[..., None], *args: object) -> None:
        try:
            change(*args)
        except WriteError as error:
            log.warning("reminder state not saved: %s", error)
            if self._not_saved is not None:
                self._not_saved(error)
