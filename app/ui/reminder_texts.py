"""How a reminder's days and time read in the reminders list and its messages."""

from __future__ import annotations

from datetime import time

from app.ui.reminder_scheduler import short_day, tr

EVERY_DAY = frozenset(range(7))
WEEKDAYS = frozenset(range(5))
WEEKEND = frozenset({5, 6})


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
    return f"{at.hour:02d}:{at.minute:02d}"
