"""Figures from the diary: nights, weekly counts, time of night, streak; pure and Qt-free.

A *night* is named by the date of its evening. Anything that happens before NIGHT_CUTOFF_HOUR
(noon) belongs to the night that began the evening before: a routine at 22:00 on the 3rd and
a cramp at 03:00 on the 4th are both the night of the 3rd. Noon is the cut-off because it is
as far as a day gets from both bedtime and the small hours, so a late routine after midnight
and a cramp at dawn stay with their evening.

Every moment is read in the UTC offset it was recorded in, that is the wall-clock time the
person lived it. A cramp at 03:00 stays at 03:00 whatever the offset now, and the nights on
both sides of a change of clocks come out as whole nights.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo

from app.core.journal import SEVERITIES, Episode, SessionRecord

NIGHT_CUTOFF_HOUR = 12
CHART_WEEKS = 12
# The hours of a night-centred day, for the time-of-night chart: noon to noon, so the
# evening, the small hours and the morning read left to right without a break at midnight.
HOURS_FROM_NOON = tuple(range(NIGHT_CUTOFF_HOUR, 24)) + tuple(range(NIGHT_CUTOFF_HOUR))
_SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES, start=1)}


def night_of(moment: datetime) -> date:
    """The night `moment` belongs to, by the wall-clock time it was recorded in."""
    if moment.hour < NIGHT_CUTOFF_HOUR:
        return moment.date() - timedelta(days=1)
    return moment.date()


def routine_done(session: SessionRecord) -> bool:
    """Whether a session counts as the night's routine.

    Only sessions played to the end count (steps skipped on the way are allowed): a
    routine stopped after a minute is an attempt, and counting it would flatter the
    adherence figures a doctor reads. The completed fraction is deliberately not used,
    because a routine with a skipped step is still a routine done.
    """
    return session.finished


class NightState(enum.Enum):
    NEITHER = "neither"
    ROUTINE = "routine"  # a routine done, no cramp
    CRAMP = "cramp"  # a cramp, no routine
    BOTH = "both"


@dataclass(frozen=True)
class Night:
    """What the diary holds for one night."""

    evening: date
    routines: int = 0  # sessions played to the end
    cramps: int = 0
    worst: str | None = None  # the worst severity noted; None if none was noted

    @property
    def state(self) -> NightState:
        if self.routines and self.cramps:
            return NightState.BOTH
        if self.routines:
            return NightState.ROUTINE
        if self.cramps:
            return NightState.CRAMP
        return NightState.NEITHER


class Period(enum.Enum):
    """The spans the diary can be looked at over, each ending tonight."""

    FOUR_WEEKS = 28
    TWELVE_WEEKS = 84
    YEAR = 365
    ALL = 0  # from the first night with anything recorded

    def first_night(self, tonight: date, earliest: date | None) -> date:
        if self is Period.ALL:
            return min(earliest, tonight) if earliest is not None else tonight
        return tonight - timedelta(days=self.value - 1)


@dataclass(frozen=True)
class WeekCount:
    """Seven nights, `first` to `last`, and what was recorded in them."""

    first: date
    last: date
    routine_nights: int  # 0 to 7: nights with at least one routine done
    cramps: int


@dataclass(frozen=True)
class Counts:
    nights: int  # nights in the period
    routines_done: int
    routine_nights: int
    cramps: int
    cramp_nights: int
    by_severity: Mapping[str | None, int]  # "mild", "moderate", "severe", None (not noted)


@dataclass(frozen=True)
class Summary:
    """Everything the diary screen and the report show for one period."""

    first: date  # first night of the period
    last: date  # last night of the period: tonight
    counts: Counts
    weeks: list[WeekCount]  # oldest first
    hours: list[int]  # cramps starting in each local hour, index 0 = 00:00-00:59
    streak: int
    episodes: list[Episode]  # in the period, most recent first
    sessions: list[SessionRecord]  # in the period, most recent first
    routines_by_id: Mapping[str, int]  # routines done, per routine id


@dataclass
class DiaryIndex:
    """The diary sorted into nights once, so each period is summed without re-reading it."""

    nights: dict[date, Night] = field(default_factory=dict)
    sessions: list[tuple[date, SessionRecord]] = field(default_factory=list)
    episodes: list[tuple[date, Episode]] = field(default_factory=list)

    @classmethod
    def build(cls, sessions: Iterable[SessionRecord], episodes: Iterable[Episode]) -> DiaryIndex:
        index = cls()
        routines: Counter[date] = Counter()
        cramps: Counter[date] = Counter()
        worst: dict[date, str | None] = {}
        for session in sessions:
            evening = night_of(session.started)
            index.sessions.append((evening, session))
            if routine_done(session):
                routines[evening] += 1
        for episode in episodes:
            evening = night_of(episode.started)
            index.episodes.append((evening, episode))
            cramps[evening] += 1
            if _SEVERITY_RANK.get(episode.severity or "", 0) > _SEVERITY_RANK.get(
                worst.get(evening) or "", 0
            ):
                worst[evening] = episode.severity
        for evening in routines.keys() | cramps.keys():
            index.nights[evening] = Night(
                evening, routines[evening], cramps[evening], worst.get(evening)
            )
        # Sorted by the instant: offsets differ across changes of clocks and travel.
        index.sessions.sort(key=lambda item: item[1].started)
        index.episodes.sort(key=lambda item: item[1].started)
        return index

    @property
    def earliest(self) -> date | None:
        """The first night with anything recorded, even a routine stopped early."""
        firsts = [items[0][0] for items in (self.sessions, self.episodes) if items]
        return min(firsts, default=None)

    def night(self, evening: date) -> Night:
        return self.nights.get(evening) or Night(evening)

    def summary(self, first: date, last: date) -> Summary:
        """The figures for the nights `first` to `last` (tonight), both included."""
        nights = [n for n in self.nights.values() if first <= n.evening <= last]
        episodes = [e for evening, e in self.episodes if first <= evening <= last]
        sessions = [s for evening, s in self.sessions if first <= evening <= last]
        by_severity: Counter[str | None] = Counter(e.severity for e in episodes)
        counts = Counts(
            nights=(last - first).days + 1,
            routines_done=sum(n.routines for n in nights),
            routine_nights=sum(1 for n in nights if n.routines),
            cramps=len(episodes),
            cramp_nights=sum(1 for n in nights if n.cramps),
            by_severity={name: by_severity[name] for name in (*SEVERITIES, None)},
        )
        done: Counter[str] = Counter(s.routine_id for s in sessions if routine_done(s))
        return Summary(
            first=first,
            last=last,
            counts=counts,
            weeks=self.weekly(last, min(CHART_WEEKS, -(-counts.nights // 7))),
            hours=cramp_hours(episodes),
            streak=self.streak(last),
            episodes=episodes[::-1],
            sessions=sessions[::-1],
            routines_by_id=dict(done.most_common()),
        )

    def weekly(self, last: date, weeks: int) -> list[WeekCount]:
        """`weeks` runs of seven nights, the newest ending with `last`; oldest first.

        Runs end tonight rather than on a calendar Sunday, so the newest bar is a whole week
        and does not look like a drop just because the week has only begun.
        """
        result = []
        for back in range(weeks - 1, -1, -1):
            week_last = last - timedelta(days=7 * back)
            nights = [self.night(week_last - timedelta(days=d)) for d in range(7)]
            result.append(
                WeekCount(
                    first=week_last - timedelta(days=6),
                    last=week_last,
                    routine_nights=sum(1 for n in nights if n.routines),
                    cramps=sum(n.cramps for n in nights),
                )
            )
        return result

    def streak(self, tonight: date) -> int:
        """Nights in a row with a routine done, up to tonight.

        Tonight not done yet does not break the streak (the evening may still come); it
        then counts up to last night.
        """
        evening = tonight if self.night(tonight).routines else tonight - timedelta(days=1)
        count = 0
        while self.night(evening).routines:
            count += 1
            evening -= timedelta(days=1)
        return count


def summarize(index: DiaryIndex, period: Period, now: datetime) -> Summary:
    """The figures for `period`, ending with tonight's night as of `now`."""
    tonight = night_of(now)
    return index.summary(period.first_night(tonight, index.earliest), tonight)


def summarize_since(index: DiaryIndex, since: date, now: datetime) -> Summary:
    """The figures from the night of `since` to tonight."""
    tonight = night_of(now)
    return index.summary(min(since, tonight), tonight)


def cramp_hours(episodes: Iterable[Episode]) -> list[int]:
    """How many cramps started in each hour of the day, by the local time they were lived."""
    hours = [0] * 24
    for episode in episodes:
        hours[episode.started.hour] += 1
    return hours


def local_moment(wall_clock: datetime, now: datetime) -> datetime:
    """A wall-clock time typed by the user, made aware in the zone `now` speaks.

    When `now` is in the system's own zone, that zone's rules are used, so "3:00 last night"
    gets the offset that was in force last night even across a change of clocks. Otherwise
    (a fixed zone from elsewhere, as in tests) `now`'s own zone is used.
    """
    naive = wall_clock.replace(tzinfo=None)
    zone: tzinfo | None = now.tzinfo
    if isinstance(zone, ZoneInfo):
        return naive.replace(tzinfo=zone)
    if now.utcoffset() == now.astimezone().utcoffset():
        return naive.astimezone()
    return naive.replace(tzinfo=zone)


def most_recent(hour: int, now: datetime) -> datetime:
    """The latest moment at `hour`:00 that is not after `now`, in `now`'s zone."""
    candidate = datetime.combine(now.date(), time(hour), tzinfo=now.tzinfo)
    return candidate if candidate <= now else candidate - timedelta(days=1)
