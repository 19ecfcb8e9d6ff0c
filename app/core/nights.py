"""Which night it is: the one definition the diary, the reminders and the settings share.

A *night* is named by the date of its evening and runs from noon to noon. Noon is as far as
a day gets from both bedtime and the small hours, so a late routine after midnight and a
cramp at dawn stay with their evening. Within a night, "tonight" as the reminders mean it
(skip tonight, pause for tonight) ends in the morning, at MORNING.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo

NIGHT_CUTOFF_HOUR = 12  # a night turns into the next at noon
NIGHT_TURNS = time(NIGHT_CUTOFF_HOUR)
MORNING = time(7, 0)  # "tonight" lasts until this time
# The hours a time reads as "tonight" rather than "today": the evening and the small hours.
EVENING_STARTS_HOUR = 17
SMALL_HOURS_END_HOUR = 5


def night_of(moment: datetime) -> date:
    """The night `moment` belongs to, by the wall-clock time it was recorded in."""
    if moment.hour < NIGHT_CUTOFF_HOUR:
        return moment.date() - timedelta(days=1)
    return moment.date()


def in_hours(hour: int, starts: int, ends: int) -> bool:
    """Whether `hour` is in [starts, ends), a span that may run across midnight."""
    if starts <= ends:
        return starts <= hour < ends
    return hour >= starts or hour < ends


def is_night_hour(hour: int) -> bool:
    """Whether a time at `hour` reads as "tonight": evening or the small hours."""
    return in_hours(hour, EVENING_STARTS_HOUR, SMALL_HOURS_END_HOUR)


def wall_time_on(day: date, at: time, zone: tzinfo) -> datetime:
    """`at` on `day` in `zone`: its first occurrence, or the end of a gap it falls into."""
    naive = datetime.combine(day, at)
    first = naive.replace(tzinfo=zone, fold=0)
    if first.astimezone(UTC).astimezone(zone).replace(tzinfo=None) == naive:
        return first.astimezone(zone)
    # In a spring-forward gap: the wall clock jumps over this time. Take the moment the
    # jump happens, the first that exists after it.
    early = naive.replace(tzinfo=zone, fold=1).astimezone(UTC)
    late = first.astimezone(UTC)
    low, high = min(early, late), max(early, late)
    after_jump = high.astimezone(zone).utcoffset()
    while high - low > timedelta(seconds=1):
        middle = low + (high - low) / 2
        if middle.astimezone(zone).utcoffset() == after_jump:
            high = middle
        else:
            low = middle
    return high.replace(microsecond=0).astimezone(zone)


def night_span(now: datetime, zone: tzinfo) -> tuple[datetime, datetime]:
    """The start and end (noon to noon, in `zone`) of the night `now` is in."""
    local = now.astimezone(zone)
    starts = wall_time_on(local.date(), NIGHT_TURNS, zone)
    if local < starts:
        starts = wall_time_on(local.date() - timedelta(days=1), NIGHT_TURNS, zone)
    ends = wall_time_on(starts.date() + timedelta(days=1), NIGHT_TURNS, zone)
    return starts, ends


def next_morning(now: datetime, zone: tzinfo, morning: time = MORNING) -> datetime:
    """The first `morning` (07:00) after `now`: when "tonight" ends."""
    local = now.astimezone(zone)
    moment = wall_time_on(local.date(), morning, zone)
    if moment <= now:
        moment = wall_time_on(local.date() + timedelta(days=1), morning, zone)
    return moment
