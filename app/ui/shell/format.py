"""Small formatting helpers shared by the views, in the interface's language and locale.

The routine list uses this before the first paint, so the routine model is imported only
inside the helpers that need it (they run later).
"""

from __future__ import annotations

import math
from datetime import date, datetime, time
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale, QTime

from app.ui.shell.i18n import tr

if TYPE_CHECKING:
    from app.core.routines import Routine, Side, Step


def clock_text(milliseconds: int) -> str:
    """Whole seconds, rounded up so "0" shows only at the very end: 75 s -> "1:15", 9 s -> "9"."""
    seconds = math.ceil(max(0, milliseconds) / 1000)
    if seconds < 60:
        return str(seconds)
    return f"{seconds // 60}:{seconds % 60:02d}"


def minutes_seconds(milliseconds: int) -> str:
    """Always m:ss, for a time taken: 2 s -> "0:02"."""
    seconds = round(max(0, milliseconds) / 1000)
    return f"{seconds // 60}:{seconds % 60:02d}"


def duration_text(milliseconds: int) -> str:
    """A routine's length for a person, always in minutes: "3 min", never "68 s" beside it."""
    return tr("{n} min").format(n=max(1, round(milliseconds / 60_000)))


def routine_duration_ms(routine: Routine) -> int:
    """How long a session of `routine` as it will play takes (its default choices)."""
    from app.core.timeline import build_timeline

    return build_timeline(routine).total_ms


def side_text(side: Side | None) -> str:
    from app.core.routines import Side

    if side is Side.LEFT:
        return tr("left leg")
    if side is Side.RIGHT:
        return tr("right leg")
    return ""


def leg_name(leg: str) -> str:
    """A diary's leg ("left", "right", "both") in the interface's language."""
    names = {"left": tr("left"), "right": tr("right"), "both": tr("both legs")}
    return names.get(leg, leg)


def seconds_text(seconds: float) -> str:
    return tr("{n} s").format(n=f"{seconds:g}")


def dose_text(step: Step) -> str:
    """How a step is done, in a few words: "2 × 15 s hold · each leg"."""
    from app.core.routines import Sides

    dose = step.dose
    if dose.duration is not None:
        parts = [seconds_text(dose.duration)]
    elif dose.hold is not None and dose.reps == 1:
        parts = [tr("{hold} hold").format(hold=seconds_text(dose.hold))]
    elif dose.hold is not None:
        parts = [tr("{reps} × {hold} hold").format(reps=dose.reps, hold=seconds_text(dose.hold))]
    else:
        parts = [tr("{reps} reps").format(reps=dose.reps)]
    if dose.sets > 1:
        parts.insert(0, tr("{sets} sets").format(sets=dose.sets))
    if step.sides is Sides.BOTH:
        parts.append(tr("each leg"))
    elif step.sides is Sides.LEFT:
        parts.append(tr("left leg"))
    elif step.sides is Sides.RIGHT:
        parts.append(tr("right leg"))
    return " · ".join(parts)


# Dates, times and numbers in the interface's locale: the default QLocale, which
# i18n.install() sets to the desktop's when it speaks the interface's language (en_US keeps
# its 12-hour clock and its month-first dates, en_GB its 24 hours), else the language's own.


def _locale() -> QLocale:
    return QLocale()


def _short_pattern() -> str:
    """The locale's long date pattern with short names: "ddd, MMM d, yyyy" (en_US),
    "ddd, d MMM yyyy" (en_GB), the same with the year's abbreviation after it (ru). Qt has
    no medium format; the long one shortened keeps each locale's order and punctuation."""
    return (
        _locale()
        .dateFormat(QLocale.FormatType.LongFormat)
        .replace("dddd", "ddd")
        .replace("MMMM", "MMM")
    )


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def time_of_day(at: time | datetime) -> str:
    """A clock time as the locale writes it: "22:43" in Russia, "10:43 PM" in the US."""
    return _locale().toString(QTime(at.hour, at.minute), QLocale.FormatType.ShortFormat)


def hour_text(hour: int) -> str:
    """The start of an hour: "22:00", "10:00 PM"."""
    return time_of_day(time(hour % 24))


def hour_span_text(hour: int) -> str:
    """An hour from its first to its last minute: "22:00–22:59"."""
    return f"{time_of_day(time(hour % 24))}–{time_of_day(time(hour % 24, 59))}"


def weekday_name(weekday: int) -> str:
    """A weekday's short name, 0 = Monday: "Mon", "пн", "Mo."."""
    return _locale().dayName(weekday + 1, QLocale.FormatType.ShortFormat)


def first_weekday() -> int:
    """The first day of the week in the locale, 0 = Monday: Sunday (6) in the US."""
    return _locale().firstDayOfWeek().value - 1


def date_text(day: date) -> str:
    """A day with its weekday: "Fri, 14 Mar 2025", "Fri, Mar 14, 2025"."""
    return _locale().toString(_qdate(day), _short_pattern())


def date_time_text(moment: datetime) -> str:
    """A day and its clock time: "Fri, 14 Mar 2025, 22:43"."""
    return f"{date_text(moment.date())}, {time_of_day(moment)}"


def long_date_text(day: date) -> str:
    """A day without its weekday: "14 Mar 2025", "Mar 14, 2025"."""
    pattern = _short_pattern().replace("ddd, ", "").replace("ddd ", "").replace("ddd", "")
    return _locale().toString(_qdate(day), pattern.strip())


def day_month_text(day: date) -> str:
    """A day and its month, for an axis or a week: "14 Mar", "Mar 14", "14 мар."."""
    pattern = _short_pattern()
    if pattern.find("M") < pattern.find("d", pattern.find("ddd") + 3 if "ddd" in pattern else 0):
        return _locale().toString(_qdate(day), "MMM d")
    return _locale().toString(_qdate(day), "d. MMM" if "d. " in pattern else "d MMM")


def month_title(year: int, month: int) -> str:
    """A month and its year, as a heading: "December 2026", "Декабрь 2026"."""
    name = _locale().standaloneMonthName(month, QLocale.FormatType.LongFormat)
    return f"{name[:1].upper()}{name[1:]} {year}"


def number_text(value: float, decimals: int = 1) -> str:
    """A number with the locale's decimal mark: "0.4", "0,4"."""
    return _locale().toString(float(value), "f", decimals)


def count_text(value: int) -> str:
    """A whole number with the locale's digit groups: "1,204", "1 204"."""
    return _locale().toString(int(value))
