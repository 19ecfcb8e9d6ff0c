"""Figures from the diary: nights, weekly counts, time of night, streak; pure and Qt-free.

A *night* is named by the date of its evening, as `app.core.nights` defines it: anything
before noon belongs to the night that began the evening before, so a routine at 22:00 on the
3rd and a cramp at 03:00 on the 4th are both the night of the 3rd.

Every moment is read in the UTC offset it was recorded in, that is the wall-clock time the
person lived it. A cramp at 03:00 stays at 03:00 whatever the offset now, and the nights on
both sides of a change of clocks come out as whole nights.
"""

from __future__ import annotations

import enum
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from itertools import compress, islice
from operator import attrgetter, itemgetter, le
from typing import Any, Generic, TypeVar, overload
from zoneinfo import ZoneInfo

from app.core.diary_pattern import NO_PATTERN, Pattern, compare, nights_compared
from app.core.journal import SEVERITIES, Episode, Journal, Row, SessionRecord
from app.core.nights import NIGHT_CUTOFF_HOUR, night_of

CHART_WEEKS = 12
# The hours of a night-centred day, for the time-of-night chart: noon to noon, so the
# evening, the small hours and the morning read left to right without a break at midnight.
HOURS_FROM_NOON = tuple(range(NIGHT_CUTOFF_HOUR, 24)) + tuple(range(NIGHT_CUTOFF_HOUR))
# Mild lowest; a severity not noted ranks 0.
_SEVERITY_RANK: dict[str | None, int] = {
    name: rank for rank, name in enumerate(SEVERITIES, start=1)
}


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
    episodes: Sequence[Episode]  # in the period, most recent first
    sessions: Sequence[SessionRecord]  # in the period, most recent first
    routines_by_id: Mapping[str, int]  # routines done, per routine id
    # Episodes and sessions together, most recent first; at the same moment, episodes first.
    records: Sequence[Episode | SessionRecord]
    # Cramps on nights with a routine against nights without (diary_pattern).
    pattern: Pattern = NO_PATTERN


R = TypeVar("R")


class _Records(Generic[R]):
    """One table's records in the order they started, by position.

    Either the records themselves, or their ids, each record read when first asked for and
    then kept: a summary lists every record of its period, but the screen shows a few dozen
    at a time, and making ten years of records would cost more than everything else the
    screen does.
    """

    def __init__(self, items: Sequence[Any], make: Callable[[Any], R] | None = None) -> None:
        self._items = items
        self._make = make
        self._made: list[R | None] = [None] * len(items) if make is not None else []

    def __call__(self, position: int) -> R:
        if self._make is None:
            record: R = self._items[position]
            return record
        made = self._made[position]
        if made is None:
            made = self._made[position] = self._make(self._items[position])
        return made


class RecordList(Sequence[R]):
    """Some of the diary's records in a given order, each made only when it is read."""

    __slots__ = ("_positions", "_record")

    def __init__(self, positions: list[int], record: Callable[[int], R]) -> None:
        self._positions = positions
        self._record = record

    def __len__(self) -> int:
        return len(self._positions)

    @overload
    def __getitem__(self, index: int) -> R: ...

    @overload
    def __getitem__(self, index: slice) -> list[R]: ...

    def __getitem__(self, index: int | slice) -> R | list[R]:
        if isinstance(index, slice):
            return [self._record(position) for position in self._positions[index]]
        return self._record(self._positions[index])

    def __iter__(self) -> Iterator[R]:
        return map(self._record, self._positions)

    def __eq__(self, other: object) -> bool:
        # Equal to a list (or another RecordList) of the same records, as a list would be.
        if not isinstance(other, list | RecordList):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]  # unhashable, as the list it stands for

    def __repr__(self) -> str:
        return f"RecordList({list(self)!r})"


@dataclass(frozen=True)
class _SessionColumns:
    """Per session, in the order they started: what the figures need, and the records."""

    nights: Sequence[int]  # the night's date.toordinal()
    # Sort keys for the moment it started: datetimes (build), or the stored UTC text (read).
    starts: Sequence[Any]
    done: Sequence[bool]  # routine_done
    routine_ids: Sequence[str]
    records: _Records[SessionRecord]


@dataclass(frozen=True)
class _EpisodeColumns:
    """Per episode, in the order they started: what the figures need, and the records."""

    nights: Sequence[int]
    starts: Sequence[Any]
    severities: Sequence[str | None]
    hours: Sequence[int]  # the hour it started, on the clock it was lived by
    records: _Records[Episode]


_NO_SESSIONS = _SessionColumns((), (), (), (), _Records(()))
_NO_EPISODES = _EpisodeColumns((), (), (), (), _Records(()))


class DiaryIndex:
    """The diary sorted into nights once, so each period is summed without re-reading it.

    Per record it keeps only its night, when it started and what the figures count; the
    records themselves are made when a summary's lists are read.
    """

    def __init__(
        self, sessions: _SessionColumns = _NO_SESSIONS, episodes: _EpisodeColumns = _NO_EPISODES
    ) -> None:
        self._sessions = sessions
        self._episodes = episodes
        self._routines: Counter[int] = Counter(compress(sessions.nights, sessions.done))
        self._cramps: Counter[int] = Counter(episodes.nights)
        self._worst: dict[int, int] = {}  # the worst severity's rank; absent: none noted
        ranks = [_SEVERITY_RANK.get(severity, 0) for severity in episodes.severities]
        for night, rank in compress(zip(episodes.nights, ranks, strict=True), ranks):
            if rank > self._worst.get(night, 0):
                self._worst[night] = rank
        # Nights follow the order of the moments unless the offset went back across noon
        # (travel west); while they do, a period's records are found by bisection.
        self._sessions_in_night_order = _ascending(sessions.nights)
        self._episodes_in_night_order = _ascending(episodes.nights)
        self._streaks: dict[date, int] = {}

    @classmethod
    def build(cls, sessions: Iterable[SessionRecord], episodes: Iterable[Episode]) -> DiaryIndex:
        # Sorted by the instant: offsets differ across changes of clocks and travel.
        by_start = sorted(sessions, key=attrgetter("started"))
        episodes_by_start = sorted(episodes, key=attrgetter("started"))
        return cls(
            _SessionColumns(
                nights=[night_of(s.started).toordinal() for s in by_start],
                starts=[s.started for s in by_start],
                done=[routine_done(s) for s in by_start],
                routine_ids=[s.routine_id for s in by_start],
                records=_Records(by_start),
            ),
            _EpisodeColumns(
                nights=[night_of(e.started).toordinal() for e in episodes_by_start],
                starts=[e.started for e in episodes_by_start],
                severities=[e.severity for e in episodes_by_start],
                hours=[e.started.hour for e in episodes_by_start],
                records=_Records(episodes_by_start),
            ),
        )

    @classmethod
    def read(cls, journal: Journal) -> DiaryIndex:
        """The whole diary, counted from its rows (SQLite works out the nights); each record
        is read from the journal only when a summary's list is read at its position."""
        ids, routine_ids, starts, finished, nights = _columns(
            journal.dated_sessions(NIGHT_CUTOFF_HOUR), 5
        )
        sessions = _SessionColumns(
            nights=nights,
            starts=starts,
            done=list(map(bool, finished)),  # as routine_done: played to the end
            routine_ids=routine_ids,
            records=_Records(ids, _stored(journal.session)),
        )
        ids, starts, severities, nights, hours = _columns(
            journal.dated_episodes(NIGHT_CUTOFF_HOUR), 5
        )
        episodes = _EpisodeColumns(
            nights=nights,
            starts=starts,
            severities=severities,
            hours=hours,
            records=_Records(ids, _stored(journal.episode)),
        )
        return cls(sessions, episodes)

    @property
    def earliest(self) -> date | None:
        """The first night with anything recorded, even a routine stopped early."""
        firsts = [table.nights[0] for table in (self._sessions, self._episodes) if table.nights]
        return date.fromordinal(min(firsts)) if firsts else None

    def night(self, evening: date) -> Night:
        day = evening.toordinal()
        rank = self._worst.get(day, 0)
        return Night(
            evening, self._routines[day], self._cramps[day], SEVERITIES[rank - 1] if rank else None
        )

    def summary(self, first: date, last: date) -> Summary:
        """The figures for the nights `first` to `last` (tonight), both included."""
        sessions, episodes = self._sessions, self._episodes
        session_positions = _positions_between(
            sessions.nights, self._sessions_in_night_order, first, last
        )
        episode_positions = _positions_between(
            episodes.nights, self._episodes_in_night_order, first, last
        )
        done = [p for p in session_positions if sessions.done[p]]
        by_severity: Counter[str | None] = Counter(
            map(episodes.severities.__getitem__, episode_positions)
        )
        hours = [0] * 24
        for hour in map(episodes.hours.__getitem__, episode_positions):
            hours[hour] += 1
        counts = Counts(
            nights=(last - first).days + 1,
            routines_done=len(done),
            routine_nights=len(set(map(sessions.nights.__getitem__, done))),
            cramps=len(episode_positions),
            cramp_nights=len(set(map(episodes.nights.__getitem__, episode_positions))),
            by_severity={name: by_severity[name] for name in (*SEVERITIES, None)},
        )
        by_routine: Counter[str] = Counter(map(sessions.routine_ids.__getitem__, done))
        return Summary(
            first=first,
            last=last,
            counts=counts,
            weeks=self.weekly(last, min(CHART_WEEKS, -(-counts.nights // 7))),
            hours=hours,
            streak=self.streak(last),
            episodes=RecordList(episode_positions[::-1], episodes.records),
            sessions=RecordList(session_positions[::-1], sessions.records),
            routines_by_id=dict(by_routine.most_common()),
            records=self._most_recent_first(episode_positions, session_positions),
            pattern=self.pattern(first, last),
        )

    def pattern(self, first: date, tonight: date) -> Pattern:
        """Cramps on nights with a routine and without, over the nights of `first` to
        `tonight` that are over and that the diary covers (see diary_pattern)."""
        span = nights_compared(first, tonight, self.earliest)
        if span is None:
            return NO_PATTERN
        routines, cramps = self._routines, self._cramps
        days = range(span[0].toordinal(), span[1].toordinal() + 1)
        return compare(*span, ((routines[day], cramps[day]) for day in days))

    def _most_recent_first(
        self, episode_positions: list[int], session_positions: list[int]
    ) -> RecordList[Episode | SessionRecord]:
        # Positions past the episodes' stand for sessions. The sort is stable, so at the same
        # moment episodes stay before sessions, and later-stored records before earlier.
        episodes, sessions = self._episodes, self._sessions
        past_episodes = len(episodes.nights)
        positions = episode_positions[::-1] + [past_episodes + p for p in session_positions[::-1]]
        starts = [episodes.starts[p] for p in episode_positions[::-1]]
        starts += [sessions.starts[p] for p in session_positions[::-1]]
        order = sorted(range(len(positions)), key=starts.__getitem__, reverse=True)

        def record(position: int) -> Episode | SessionRecord:
            if position < past_episodes:
                return episodes.records(position)
            return sessions.records(position - past_episodes)

        return RecordList([positions[i] for i in order], record)

    def weekly(self, last: date, weeks: int) -> list[WeekCount]:
        """`weeks` runs of seven nights, the newest ending with `last`; oldest first.

        Runs end tonight rather than on a calendar Sunday, so the newest bar is a whole week
        and does not look like a drop just because the week has only begun.
        """
        result = []
        for back in range(weeks - 1, -1, -1):
            week_last = last - timedelta(days=7 * back)
            days = range(week_last.toordinal() - 6, week_last.toordinal() + 1)
            result.append(
                WeekCount(
                    first=week_last - timedelta(days=6),
                    last=week_last,
                    routine_nights=sum(1 for day in days if self._routines[day]),
                    cramps=sum(self._cramps[day] for day in days),
                )
            )
        return result

    def streak(self, tonight: date) -> int:
        """Nights in a row with a routine done, up to tonight.

        Tonight not done yet does not break the streak (the evening may still come); it
        then counts up to last night.
        """
        if tonight not in self._streaks:
            self._streaks[tonight] = self._count_streak(tonight)
        return self._streaks[tonight]

    def _count_streak(self, tonight: date) -> int:
        day = tonight.toordinal()
        if not self._routines[day]:
            day -= 1
        count = 0
        while self._routines[day]:
            count += 1
            day -= 1
        return count


def _stored(read: Callable[[int], R | None]) -> Callable[[int], R]:
    """`read` for a record known to be stored: the index is read again after every change
    the application makes, so a record it counted is still there when it is shown."""

    def record(record_id: int) -> R:
        found = read(record_id)
        if found is None:
            raise LookupError(f"record {record_id} is no longer in the diary")
        return found

    return record


def _columns(rows: list[Row], width: int) -> list[list[Any]]:
    """The rows' values column by column."""
    return [list(map(itemgetter(column), rows)) for column in range(width)]


def _ascending(values: Sequence[int]) -> bool:
    return all(map(le, values, islice(values, 1, None)))


def _positions_between(
    nights: Sequence[int], ascending: bool, first: date, last: date
) -> list[int]:
    """The positions of the records whose night is `first` to `last`, both included."""
    low, high = first.toordinal(), last.toordinal()
    if ascending:
        return list(range(bisect_left(nights, low), bisect_right(nights, high)))
    return [position for position, night in enumerate(nights) if low <= night <= high]


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
