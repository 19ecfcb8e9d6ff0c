"""The diary: routine sessions and cramp episodes in SQLite, safe against crashes and damage.

One transaction per record; WAL journal; the schema version in `PRAGMA user_version`, moved
forward by small migration functions with a backup copy taken first. A file that is not a
sound database is set aside (never overwritten) and a new one started. Times are stored in
UTC with the local offset they were recorded in, so they can be shown as the user lived them.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.core.errors import FileSetAsideError, WriteError
from app.core.storage import set_aside

if TYPE_CHECKING:
    from app.core.player import SessionReport


def _run_statements(db: sqlite3.Connection, script: str) -> None:
    # Not executescript(): it commits first, which would split a migration from its
    # version bump. Statement by statement keeps both in one transaction.
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def _create_v1(db: sqlite3.Connection) -> None:
    """Sessions of routines, and cramp episodes."""
    _run_statements(
        db,
        """
        CREATE TABLE session (
            id INTEGER PRIMARY KEY,
            routine_id TEXT NOT NULL,
            started_utc TEXT NOT NULL,
            utc_offset_min INTEGER NOT NULL,
            ended_utc TEXT NOT NULL,
            completed REAL NOT NULL CHECK (completed BETWEEN 0 AND 1),
            skipped_steps TEXT NOT NULL DEFAULT '',
            finished INTEGER NOT NULL CHECK (finished IN (0, 1))
        );
        CREATE INDEX session_started ON session (started_utc);
        CREATE TABLE episode (
            id INTEGER PRIMARY KEY,
            started_utc TEXT NOT NULL,
            utc_offset_min INTEGER NOT NULL,
            duration_s REAL CHECK (duration_s >= 0),
            leg TEXT CHECK (leg IN ('left', 'right', 'both')),
            severity TEXT CHECK (severity IN ('mild', 'moderate', 'severe')),
            helped TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            finished INTEGER NOT NULL DEFAULT 1 CHECK (finished IN (0, 1))
        );
        CREATE INDEX episode_started ON episode (started_utc);
        """,
    )


# MIGRATIONS[n] takes a database at version n to version n + 1.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_create_v1]
SCHEMA_VERSION = len(MIGRATIONS)


# A routine takes minutes, and so does a cramp: over a day is a date mistyped in a form, not
# something that happened.
MAX_SESSION = timedelta(days=1)
MAX_EPISODE = timedelta(days=1)


def _time_problems(
    started: datetime, ended: datetime, now: datetime, longest: timedelta, what: str
) -> list[str]:
    """What is wrong with a record's times, in plain words; `what` names it ("a cramp")."""
    if started.tzinfo is None:
        return ["the start time has no time zone"]
    if ended.tzinfo is None:
        return ["the end time has no time zone"]
    found = []
    if started > now:
        found.append("the start is in the future")
    if ended < started:
        found.append("it ends before it starts")
    elif ended - started > longest:
        found.append(f"{what} of more than a day cannot be right; check the times")
    return found


@dataclass(frozen=True)
class SessionRecord:
    id: int  # 0 for one not stored yet
    routine_id: str
    started: datetime  # aware, in the offset it was recorded in
    ended: datetime
    completed: float  # the fraction of the routine played, 0 to 1
    skipped_steps: tuple[int, ...]
    finished: bool  # played to the end (skips allowed) rather than stopped

    def problems(self, now: datetime) -> list[str]:
        """Why this session cannot be recorded by hand, in plain words; empty if it can."""
        found = []
        if not self.routine_id.strip():
            found.append("no routine is chosen")
        found += _time_problems(self.started, self.ended, now, MAX_SESSION, "a routine")
        aware = self.started.tzinfo is not None and self.ended.tzinfo is not None
        # Named only when the start is fine: a start in the future already says it all.
        if aware and self.started <= now < self.ended:
            found.append("the end is in the future")
        # Written so that NaN is refused too.
        if not 0.0 <= self.completed <= 1.0:
            found.append("the part done must be between 0 and 100%")
        return found


LEGS = ("left", "right", "both")
SEVERITIES = ("mild", "moderate", "severe")


@dataclass(frozen=True)
class Episode:
    """A cramp, as the relief screen measured it or the user entered it by hand."""

    started: datetime  # aware
    duration: timedelta
    leg: str | None = None  # left, right or both; None if not said
    severity: str | None = None  # mild, moderate or severe; None if not said
    helped: tuple[str, ...] = ()  # what helped: the steps' names
    note: str = ""
    finished: bool = True  # False: the relief screen was closed before "It's gone"
    id: int = 0

    def problems(self, now: datetime) -> list[str]:
        """Why this episode cannot be recorded, in plain words; empty if it can."""
        ended = self.started + self.duration
        found = _time_problems(self.started, ended, now, MAX_EPISODE, "a cramp")
        if self.leg is not None and self.leg not in LEGS:
            found.append(f"leg must be one of {', '.join(LEGS)}")
        if self.severity is not None and self.severity not in SEVERITIES:
            found.append(f"severity must be one of {', '.join(SEVERITIES)}")
        return found


class RecordRefusedError(ValueError):
    """A hand-entered episode or session that cannot be right; the message says why."""


# The name from when only cramps could be entered by hand.
EpisodeRefusedError = RecordRefusedError


def _utc(moment: datetime) -> tuple[str, int]:
    offset = moment.utcoffset() or timedelta(0)
    return moment.astimezone(UTC).isoformat(), int(offset.total_seconds() // 60)


@functools.cache
def _zone(offset_min: int) -> timezone:
    return timezone(timedelta(minutes=offset_min))


def _local(utc_text: str, offset_min: int) -> datetime:
    # A diary holds a handful of offsets; one zone object each keeps ten years' read quick.
    # astimezone() is quicker than adding the offset and replace(tzinfo=...) in Python 3.11.
    return datetime.fromisoformat(utc_text).astimezone(_zone(offset_min))


# What every read of a whole record selects, in the order _session_from_row and
# _episode_from_row take it.
_SESSION_READ = (
    "id, routine_id, started_utc, utc_offset_min, ended_utc, completed, skipped_steps, finished"
)
_EPISODE_READ = "id, started_utc, utc_offset_min, duration_s, leg, severity, helped, note, finished"
Row = tuple[Any, ...]


# Both make records with positional arguments: for ten years of records, a frozen
# dataclass takes a third longer to make from keywords.
def _session_from_row(row: Row) -> SessionRecord:
    return SessionRecord(
        row[0],
        row[1],
        _local(row[2], row[3]),
        _local(row[4], row[3]),
        row[5],
        tuple(int(i) for i in row[6].split(",") if i) if row[6] else (),
        bool(row[7]),
    )


def _episode_from_row(row: Row) -> Episode:
    return Episode(
        _local(row[1], row[2]),
        timedelta(seconds=row[3] or 0),
        row[4],
        row[5],
        tuple(h for h in row[6].split("\n") if h) if row[6] else (),
        row[7],
        bool(row[8]),
        row[0],
    )


def _seconds_since_day_start(day_start_hour: int) -> str:
    """SQL: a row's start in whole seconds on the clock it was recorded in, counted so that
    `// 86400` is the Julian day number of its day, when days begin at `day_start_hour`.

    Julian days begin at noon UTC, hence the shift by 12 hours less the day's start. Only
    the first 19 characters of the stored UTC text ("YYYY-MM-DDTHH:MM:SS", before any
    fraction and the "+00:00") are read: SQLite rounds fractions of a second to the
    millisecond, which would carry 11:59:59.9996 over to noon, while whole seconds never
    cross the start of a day. julianday() is a double good to far less than a second here,
    so round() gives the exact whole second.
    """
    return (
        "(CAST(round(julianday(substr(started_utc, 1, 19)) * 86400) AS INTEGER)"
        f" + utc_offset_min * 60 + {(12 - day_start_hour) * 3600})"
    )


# Added to a Julian day number, gives date.toordinal() of the same day.
_JULIAN_DAY_TO_ORDINAL = -1721425


EPISODE_COLUMNS = (
    "started_utc",
    "utc_offset_min",
    "duration_s",
    "leg",
    "severity",
    "helped",
    "note",
    "finished",
)


def _episode_values(episode: Episode, now: datetime) -> tuple[object, ...]:
    """The episode's values in EPISODE_COLUMNS order; RecordRefusedError if it cannot be."""
    problems = episode.problems(now)
    if problems:
        raise RecordRefusedError("; ".join(problems))
    started, offset = _utc(episode.started)
    return (
        started,
        offset,
        episode.duration.total_seconds(),
        episode.leg,
        episode.severity,
        "\n".join(episode.helped),
        episode.note,
        int(episode.finished),
    )


SESSION_COLUMNS = (
    "routine_id",
    "started_utc",
    "utc_offset_min",
    "ended_utc",
    "completed",
    "skipped_steps",
    "finished",
)


def _session_row(session: SessionRecord) -> tuple[object, ...]:
    """A session's values in SESSION_COLUMNS order; the end is kept in the start's offset."""
    started, offset = _utc(session.started)
    ended, _ = _utc(session.ended)
    skipped = ",".join(str(i) for i in session.skipped_steps)
    return (
        session.routine_id,
        started,
        offset,
        ended,
        session.completed,
        skipped,
        int(session.finished),
    )


def _session_values(session: SessionRecord, now: datetime) -> tuple[object, ...]:
    """The session's values in SESSION_COLUMNS order; RecordRefusedError if it cannot be."""
    problems = session.problems(now)
    if problems:
        raise RecordRefusedError("; ".join(problems))
    return _session_row(session)


class Journal:
    """The open diary database."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._db = connection
        self.path = path

    @classmethod
    def open(cls, path: Path) -> tuple[Journal, FileSetAsideError | None]:
        """Open (or create) the diary; a damaged file is set aside and a new one started."""
        problem: FileSetAsideError | None = None
        try:
            return cls._open_checked(path), None
        except sqlite3.DatabaseError as error:
            moved = _set_aside_database(path)
            problem = FileSetAsideError(path, moved, f"the diary is damaged ({error})")
        return cls._open_checked(path), problem

    @classmethod
    def _open_checked(cls, path: Path) -> Journal:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not path.exists():
            # Create it private before SQLite does, with the process's default mode.
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        db = sqlite3.connect(path, timeout=2.0, isolation_level=None)
        try:
            result = db.execute("PRAGMA integrity_check").fetchone()
            if result is None or result[0] != "ok":
                raise sqlite3.DatabaseError(f"integrity check: {result}")
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA foreign_keys = ON")
            _migrate(db, path)
        except BaseException:
            db.close()
            raise
        return cls(db, path)

    def close(self) -> None:
        self._db.close()

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        try:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
        except sqlite3.Error as error:
            raise WriteError(self.path, str(error)) from error

    def _insert(self, table: str, columns: tuple[str, ...], values: tuple[object, ...]) -> int:
        with self._transaction() as db:
            cursor = db.execute(
                f"INSERT INTO {table} ({', '.join(columns)})"
                f" VALUES ({', '.join('?' for _ in columns)})",
                values,
            )
            return int(cursor.lastrowid or 0)

    def _update(
        self, table: str, columns: tuple[str, ...], values: tuple[object, ...], record_id: int
    ) -> None:
        with self._transaction() as db:
            cursor = db.execute(
                f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in columns)} WHERE id = ?",
                (*values, record_id),
            )
            if cursor.rowcount != 1:
                raise WriteError(self.path, f"no {table} {record_id} to change")

    def add_session(self, report: SessionReport) -> int:
        """Record a finished or stopped routine; raises WriteError if it cannot be saved."""
        session = SessionRecord(
            0,
            report.routine_id,
            report.started_at,
            report.ended_at,
            min(1.0, max(0.0, report.completed_fraction)),
            report.skipped_steps,
            report.finished,
        )
        return self._insert("session", SESSION_COLUMNS, _session_row(session))

    def add_session_by_hand(self, session: SessionRecord, now: datetime) -> int:
        """Record a routine the user did without the player (its id is not used).

        RecordRefusedError if it cannot be right, WriteError if it cannot be saved.
        """
        return self._insert("session", SESSION_COLUMNS, _session_values(session, now))

    def update_session(self, session: SessionRecord, now: datetime) -> None:
        """Replace the stored session with the same id; refused like add_session_by_hand."""
        self._update("session", SESSION_COLUMNS, _session_values(session, now), session.id)

    def add_episode(self, episode: Episode, now: datetime) -> int:
        """Record a cramp; RecordRefusedError if it cannot be right, WriteError if unsaved."""
        return self._insert("episode", EPISODE_COLUMNS, _episode_values(episode, now))

    def update_episode(self, episode: Episode, now: datetime) -> None:
        """Replace the stored episode with the same id; refused like add_episode."""
        self._update("episode", EPISODE_COLUMNS, _episode_values(episode, now), episode.id)

    def delete_episode(self, episode_id: int) -> None:
        with self._transaction() as db:
            db.execute("DELETE FROM episode WHERE id = ?", (episode_id,))

    def delete_session(self, session_id: int) -> None:
        with self._transaction() as db:
            db.execute("DELETE FROM session WHERE id = ?", (session_id,))

    def episodes(self) -> list[Episode]:
        rows = self._db.execute(
            f"SELECT {_EPISODE_READ} FROM episode ORDER BY started_utc"
        ).fetchall()
        return [_episode_from_row(row) for row in rows]

    def last_finished_session_end(self) -> datetime | None:
        """When the last routine played to its end ended; None if none ever was."""
        row = self._db.execute(
            "SELECT ended_utc, utc_offset_min FROM session WHERE finished = 1"
            " ORDER BY ended_utc DESC LIMIT 1"
        ).fetchone()
        return _local(row[0], row[1]) if row else None

    def sessions(self) -> list[SessionRecord]:
        rows = self._db.execute(
            f"SELECT {_SESSION_READ} FROM session ORDER BY started_utc"
        ).fetchall()
        return [_session_from_row(row) for row in rows]

    def session(self, session_id: int) -> SessionRecord | None:
        """The stored session with this id; None if there is none."""
        row = self._db.execute(
            f"SELECT {_SESSION_READ} FROM session WHERE id = ?", (session_id,)
        ).fetchone()
        return _session_from_row(row) if row else None

    def episode(self, episode_id: int) -> Episode | None:
        """The stored episode with this id; None if there is none."""
        row = self._db.execute(
            f"SELECT {_EPISODE_READ} FROM episode WHERE id = ?", (episode_id,)
        ).fetchone()
        return _episode_from_row(row) if row else None

    def dated_sessions(self, day_start_hour: int) -> list[Row]:
        """Every session, oldest first, as what counting it needs rather than a record:
        (id, routine_id, started_utc, finished, day).

        `day` is the ordinal (date.toordinal()) of the day its start falls on by the clock it
        was recorded in, counting days from `day_start_hour` o'clock to the next. Ten years of
        rows like these read in a fraction of the time it takes to make the records, which
        session() makes one at a time when they are shown.
        """
        day = f"{_seconds_since_day_start(day_start_hour)} / 86400 + {_JULIAN_DAY_TO_ORDINAL}"
        rows = self._db.execute(
            f"SELECT id, routine_id, started_utc, finished, {day} FROM session ORDER BY id"
        ).fetchall()
        return _oldest_first(rows, 2)

    def dated_episodes(self, day_start_hour: int) -> list[Row]:
        """Every episode, oldest first, as (id, started_utc, severity, day, hour).

        `day` as in dated_sessions; `hour` (0 to 23) is the hour of its start by the clock it
        was recorded in.
        """
        seconds = _seconds_since_day_start(day_start_hour)
        day = f"{seconds} / 86400 + {_JULIAN_DAY_TO_ORDINAL}"
        hour = f"({seconds} + {day_start_hour * 3600}) % 86400 / 3600"
        rows = self._db.execute(
            f"SELECT id, started_utc, severity, {day}, {hour} FROM episode ORDER BY id"
        ).fetchall()
        return _oldest_first(rows, 1)


def _oldest_first(rows: list[Row], started_utc: int) -> list[Row]:
    """Rows read in the order stored, sorted by the UTC text in column `started_utc`.

    The same order as ORDER BY started_utc, ties included (the index holds the id after the
    time), for less than SQLite takes to look each row up from the index: the stored order
    is mostly the order of time already.
    """
    rows.sort(key=itemgetter(started_utc))
    return rows


def _migrate(db: sqlite3.Connection, path: Path) -> None:
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise sqlite3.DatabaseError(f"made by a newer Unknot (schema {version})")
    if version == SCHEMA_VERSION:
        return
    if version > 0:
        # Keep a copy of the diary as it was before changing its shape.
        with contextlib.closing(sqlite3.connect(path.with_name(f"{path.name}.v{version}"))) as copy:
            db.backup(copy)
    for step in range(version, SCHEMA_VERSION):
        db.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[step](db)
            db.execute(f"PRAGMA user_version = {step + 1}")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")


def _set_aside_database(path: Path) -> Path | None:
    """Move a damaged diary (and its WAL files) aside; None if it could not be moved."""
    try:
        moved = set_aside(path)
    except OSError:
        return None
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            with contextlib.suppress(OSError):
                companion.rename(moved.with_name(moved.name + suffix))
    return moved
