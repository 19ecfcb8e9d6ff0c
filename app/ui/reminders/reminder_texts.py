"""How reminders read: their days and time, when one comes next, and the tray's line.

Every text that says when a reminder comes is made here from the plan's answer
(`app.core.reminder_plan`), so the tray, the reminders page and the notifications agree.
"""

from __future__ import annotations

from datetime import datetime, time
from typing import assert_never

from app.core.nights import EVENING_STARTS_HOUR, SMALL_HOURS_END_HOUR, is_night_hour
from app.core.reminder_plan import NextReminder, PlanStatus, Why
from app.ui.shell.format import date_text, time_of_day, weekday_name
from app.ui.shell.i18n import tr

EVERY_DAY = frozenset(range(7))
WEEKDAYS = frozenset(range(5))
WEEKEND = frozenset({5, 6})


def short_day(weekday: int) -> str:
    """A weekday's short name in the locale, 0 = Monday: "Mon", "пн"."""
    return weekday_name(weekday)


def days_text(days: frozenset[int]) -> str:
    """The chosen weekdays in a few words: "Every day", "Weekdays", "Mon, Wed, Fri"."""
    if days == EVERY_DAY:
        return tr("Every day")
    if days == WEEKDAYS:
        return tr("Weekdays")
    if days == WEEKEND:
        return tr("Weekends")
    if not days:
        return tr("No days")
    return ", ".join(short_day(day) for day in sorted(days))


def time_text(at: time) -> str:
    """A reminder's time as the locale writes it: "22:30", "10:30 PM"."""
    return time_of_day(at)


def when_text(moment: datetime | None, now: datetime) -> str:
    """When a reminder fires, in words: "tonight 22:30", "tomorrow 07:00", "Mon 22:30"."""
    if moment is None:
        return tr("off")
    local_now = now.astimezone(moment.tzinfo)
    clock = time_of_day(moment)
    days = (moment.date() - local_now.date()).days
    small_hours_now = local_now.hour < SMALL_HOURS_END_HOUR
    if days == 0:
        if small_hours_now and moment.hour >= 12:
            # At 00:30, "tonight 22:30" could be read as in a few minutes, and "today" as
            # the day just ended: the weekday is the one way to say it plainly.
            return f"{short_day(moment.weekday())} {clock}"
        if is_night_hour(moment.hour):
            return tr("tonight {time}").format(time=clock)
        return tr("today {time}").format(time=clock)
    if days == 1:
        # At 23:00, 00:15 is still tonight to a person, though the date has turned.
        if moment.hour < SMALL_HOURS_END_HOUR and local_now.hour >= EVENING_STARTS_HOUR:
            return tr("tonight {time}").format(time=clock)
        return tr("tomorrow {time}").format(time=clock)
    if days < 7:
        return f"{short_day(moment.weekday())} {clock}"
    if days == 7:
        return tr("next {day} {time}").format(day=short_day(moment.weekday()), time=clock)
    return tr("{date}, {time}").format(date=date_text(moment.date()), time=clock)


def next_text(upcoming: NextReminder, now: datetime) -> str:
    """A reminder's line in the list: "Next: tomorrow 22:30", "Off" or "Paused"."""
    match upcoming.why:
        case Why.OFF:
            return tr("Off")
        case Why.PAUSED:
            return tr("Paused")
        case Why.SCHEDULED | Why.SNOOZED | Why.SKIPPED | Why.DONE | Why.AFTER_PAUSE:
            return tr("Next: {when}").format(when=when_text(upcoming.at, now))
        case unreachable:
            assert_never(unreachable)


def status_text(status: PlanStatus) -> str:
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
