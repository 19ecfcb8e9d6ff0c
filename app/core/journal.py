"""The diary: routine sessions and cramp episodes in SQLite, safe against crashes and damage.

One transaction per record; WAL journal; the schema version in `PRAGMA user_version`, moved
forward by small migration functions with a backup copy taken first. Only a file proven
damaged (not a database, or failing SQLite's integrity check) is set aside (never
overwritten) and a new one started; a diary that is busy, on a full or read-only disk, or
from a newer Unknot is left exactly as it is and the reason returned (see `Journal.open`).
Times are stored in UTC with the local offset they were recorded in, so they can be shown as
the user lived them. Every record carries a `uid`, so that a write retried after a crash
(see diary_writer.py) replaces itself instead of adding a copy.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import logging
import os
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from app.core.errors import (
    DiaryError,
    DiaryFault,
    DiaryUnavailableError,
    DiaryWriteError,
    WriteError,
)
from app.core.storage import set_aside

if TYPE_CHECKING:
    from app.core.player import SessionReport

log = logging.getLogger(__name__)


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


def _add_uids_v2(db: sqlite3.Connection) -> None:
    """A unique id for every record, so a retried write replaces itself (diary_writer.py)."""
    for table in ("session", "episode"):
        db.execute(f"ALTER TABLE {table} ADD COLUMN uid TEXT")
        db.execute(f"UPDATE {table} SET uid = lower(hex(randomblob(16)))")
        db.execute(f"CREATE UNIQUE INDEX {table}_uid ON {table} (uid)")


# MIGRATIONS[n] takes a database at version n to version n + 1.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_create_v1, _add_uids_v2]
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
    uid: str = ""  # unique for ever; "" until it is first written

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
    uid: str = ""  # unique for ever; "" until it is first written

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
    "id, routine_id, started_utc, utc_offset_min, ended_utc, completed, skipped_steps, finished,"
    " uid"
)
_EPISODE_READ = (
    "id, started_utc, utc_offset_min, duration_s, leg, severity, helped, note, finished, uid"
)
Row = tuple[Any, ...]

# A UTC time exactly as _utc() writes it, checked by SQLite without making any object:
# strftime() with a modifier gives back the same text only for a real date and time (it
# turns 02-30 into 03-02), and the rest must be an optional fraction and "+00:00".
_TIME_PATTERN = (
    "(typeof({0}) = 'text'"
    " AND strftime('%Y-%m-%dT%H:%M:%S', substr({0}, 1, 19), '+0 days') = substr({0}, 1, 19)"
    " AND ({0} GLOB '???????????????????+00:00'"
    " OR {0} GLOB '???????????????????.[0-9][0-9][0-9][0-9][0-9][0-9]+00:00'))"
)
# A UTC offset a clock can have (timezone() takes less than a day either way).
_OFFSET_PATTERN = "(typeof(utc_offset_min) = 'integer' AND utc_offset_min BETWEEN -1439 AND 1439)"
# Rows the diary can read: what was edited by hand into something else is counted, not read.
SESSION_READABLE = (
    f"({_TIME_PATTERN.format('started_utc')} AND {_TIME_PATTERN.format('ended_utc')}"
    f" AND {_OFFSET_PATTERN} AND typeof(routine_id) = 'text'"
    " AND typeof(skipped_steps) = 'text' AND skipped_steps GLOB '*[^0-9,]*' = 0)"
)
EPISODE_READABLE = (
    f"({_TIME_PATTERN.format('started_utc')} AND {_OFFSET_PATTERN}"
    " AND (duration_s IS NULL OR (typeof(duration_s) IN ('integer', 'real')"
    " AND duration_s BETWEEN 0 AND 864000))"
    " AND typeof(helped) = 'text' AND typeof(note) = 'text')"
)
# What a row that fails those checks, or cannot be made into a record, raises.
_ROW_ERRORS = (ValueError, TypeError, OverflowError, AttributeError)


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
        row[8] or "",
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
        row[9] or "",
    )


@dataclass(frozen=True)
class UnreadableRow:
    """A stored row that cannot be read as a record; it is left in the diary as it is."""

    table: str  # "session" or "episode"
    id: int
    reason: str


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


def new_uid() -> str:
    """A record's unique id: random, so two devices or two retries never pick the same."""
    return uuid.uuid4().hex


EPISODE_COLUMNS = (
    "started_utc",
    "utc_offset_min",
    "duration_s",
    "leg",
    "severity",
    "helped",
    "note",
    "finished",
    "uid",
)


def _episode_row(episode: Episode) -> tuple[object, ...]:
    """The episode's values in EPISODE_COLUMNS order (it must carry its uid)."""
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
        episode.uid or new_uid(),
    )


def _episode_values(episode: Episode, now: datetime) -> tuple[object, ...]:
    """The episode's values in EPISODE_COLUMNS order; RecordRefusedError if it cannot be."""
    problems = episode.problems(now)
    if problems:
        raise RecordRefusedError("; ".join(problems))
    return _episode_row(episode)


SESSION_COLUMNS = (
    "routine_id",
    "started_utc",
    "utc_offset_min",
    "ended_utc",
    "completed",
    "skipped_steps",
    "finished",
    "uid",
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
        session.uid or new_uid(),
    )


def _session_values(session: SessionRecord, now: datetime) -> tuple[object, ...]:
    """The session's values in SESSION_COLUMNS order; RecordRefusedError if it cannot be."""
    problems = session.problems(now)
    if problems:
        raise RecordRefusedError("; ".join(problems))
    return _session_row(session)


def session_from_report(report: SessionReport, uid: str = "") -> SessionRecord:
    """The record of a routine played in the app, as the diary keeps it."""
    return SessionRecord(
        0,
        report.routine_id,
        report.started_at,
        report.ended_at,
        min(1.0, max(0.0, report.completed_fraction)),
        report.skipped_steps,
        report.finished,
        uid,
    )


# How long a write waits for another program's lock before it is called busy: long enough
# for a backup tool's snapshot, short enough that the relief screen never seems to hang.
BUSY_TIMEOUT_S = 2.0
# Free space under which a failing write is put down to a full disk.
LOW_SPACE_BYTES = 4 * 1024 * 1024


class Journal:
    """The open diary database."""

    def __init__(self, connection: sqlite3.Connection, path: Path, writable: bool = True) -> None:
        self._db = connection
        self.path = path
        # False: opened only to read (the disk is full or read-only); every write is refused
        # with the reason, and the writer keeps the record for later.
        self.writable = writable
        self.read_only_reason: DiaryError | None = None
        # Rows found unreadable by the last full read (sessions(), episodes(), dated_*).
        self._unreadable: dict[str, list[UnreadableRow]] = {"session": [], "episode": []}

    @classmethod
    def open(
        cls, path: Path, busy_timeout_s: float = BUSY_TIMEOUT_S
    ) -> tuple[Journal, DiaryError | None]:
        """Open (or create) the diary, and what was wrong, if anything.

        - Proven damaged: set aside (never overwritten), a new diary started, the problem
          names the kept file.
        - Full disk, read-only, or otherwise refused: opened to read only, if it can be read;
          the problem says why it cannot be written.
        - Busy (locked by another program), from a newer Unknot, or not readable at all:
          DiaryUnavailableError, and the file is left exactly as it is.
        """
        try:
            return cls._open_checked(path, busy_timeout_s), None
        except _DamagedError as damaged:
            moved = _set_aside_database(path)
            if moved is None:
                raise DiaryUnavailableError(
                    path, DiaryFault.CANNOT_OPEN, f"{damaged}; it could not be set aside"
                ) from damaged
            log.warning("diary damaged (%s), kept as %s", damaged, moved)
            problem = DiaryError(path, DiaryFault.DAMAGED, str(damaged), kept_as=moved)
            try:
                return cls._open_checked(path, busy_timeout_s), problem
            except DiaryError as again:
                # The damaged file is safe beside it; a new one could not be made (yet).
                raise DiaryUnavailableError(
                    path, again.fault, again.detail, kept_as=moved
                ) from again
        except DiaryUnavailableError:
            raise
        except DiaryError as problem:
            if problem.fault in (DiaryFault.BUSY, DiaryFault.NEWER) or not path.is_file():
                raise DiaryUnavailableError(
                    path, problem.fault, problem.detail, schema=problem.schema
                ) from problem
            journal = cls._open_read_only(path)
            if journal is None:
                raise DiaryUnavailableError(path, problem.fault, problem.detail) from problem
            journal.read_only_reason = problem
            return journal, problem

    @classmethod
    def _open_checked(cls, path: Path, busy_timeout_s: float) -> Journal:
        """The diary, open to write, checked and migrated; _DamagedError or DiaryError if not."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            if not path.exists():
                # Create it private before SQLite does, with the process's default mode.
                os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        except OSError as error:
            raise _problem_from_os(path, error) from error
        try:
            db = sqlite3.connect(path, timeout=busy_timeout_s, isolation_level=None)
        except sqlite3.Error as error:
            raise _problem_from_sqlite(path, error) from error
        try:
            result = db.execute("PRAGMA integrity_check").fetchone()
            if result is None or result[0] != "ok":
                raise _DamagedError(f"the integrity check found: {result[0] if result else None}")
            version = int(db.execute("PRAGMA user_version").fetchone()[0])
            if version > SCHEMA_VERSION:
                raise DiaryError(
                    path,
                    DiaryFault.NEWER,
                    f"it was written by a newer version of Unknot (schema {version})",
                    schema=version,
                )
            if db.execute("PRAGMA journal_mode = WAL").fetchone()[0] != "wal":
                raise DiaryError(path, DiaryFault.CANNOT_OPEN, "it cannot use its journal")
            db.execute("PRAGMA foreign_keys = ON")
            _migrate(db, path, version)
        except sqlite3.Error as error:
            db.close()
            raise _problem_from_sqlite(path, error) from error
        except BaseException:
            db.close()
            raise
        return cls(db, path)

    @classmethod
    def open_to_read(cls, path: Path) -> Journal:
        """The diary for an export: read only (an older one is migrated first, with its
        backup), never set aside; DiaryUnavailableError says why it cannot be read."""
        from urllib.parse import quote

        if not path.exists():
            try:  # no diary yet: an empty one, as the app would start
                return cls._open_checked(path, BUSY_TIMEOUT_S)
            except DiaryError as problem:
                raise DiaryUnavailableError(path, problem.fault, problem.detail) from problem

        try:
            db = sqlite3.connect(
                f"file:{quote(str(path))}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S
            )
            try:
                version = int(db.execute("PRAGMA user_version").fetchone()[0])
            finally:
                db.close()
        except sqlite3.Error as error:
            try:
                found = _problem_from_sqlite(path, error)
            except _DamagedError as damaged:
                raise DiaryUnavailableError(path, DiaryFault.DAMAGED, str(damaged)) from error
            if found.fault is DiaryFault.BUSY:
                raise DiaryUnavailableError(path, found.fault, found.detail) from error
            journal = cls._open_read_only(path)  # a read-only or full disk
            if journal is None:
                raise DiaryUnavailableError(path, found.fault, found.detail) from error
            return journal
        if version > SCHEMA_VERSION:
            raise DiaryUnavailableError(
                path,
                DiaryFault.NEWER,
                f"it was written by a newer version of Unknot (schema {version})",
                schema=version,
            )
        if version < SCHEMA_VERSION:
            try:  # an older diary is brought up to date first, with its backup
                return cls._open_checked(path, BUSY_TIMEOUT_S)
            except _DamagedError as damaged:
                raise DiaryUnavailableError(path, DiaryFault.DAMAGED, str(damaged)) from damaged
            except DiaryError as problem:
                raise DiaryUnavailableError(path, problem.fault, problem.detail) from problem
        journal = cls._open_read_only(path)
        if journal is None:
            raise DiaryUnavailableError(path, DiaryFault.CANNOT_OPEN, "it cannot be read")
        return journal

    @classmethod
    def _open_read_only(cls, path: Path) -> Journal | None:
        """The diary open only to read; None if even that fails.

        `mode=ro` first (it sees the WAL). On a full or read-only file system a WAL diary
        cannot make its shared-memory file, so `immutable=1` then reads the main file alone.
        """
        from urllib.parse import quote

        for query in ("mode=ro", "immutable=1"):
            uri = f"file:{quote(str(path))}?{query}"
            try:
                db = sqlite3.connect(uri, uri=True, isolation_level=None)
            except sqlite3.Error:
                continue
            try:
                version = int(db.execute("PRAGMA user_version").fetchone()[0])
                if version != SCHEMA_VERSION:
                    # An older diary cannot be migrated read-only; its columns differ.
                    db.close()
                    return None
                db.execute("SELECT COUNT(*) FROM session").fetchone()
            except sqlite3.Error:
                db.close()
                continue
            return cls(db, path, writable=False)
        return None

    def close(self) -> None:
        self._db.close()

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        if not self.writable:
            problem = self.read_only_reason
            fault = problem.fault if problem else DiaryFault.READ_ONLY
            detail = problem.detail if problem else "it is open only to read"
            raise DiaryWriteError(self.path, detail, fault)
        try:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
        except sqlite3.Error as error:
            with contextlib.suppress(sqlite3.Error):
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
            problem = _problem_from_sqlite(self.path, error)
            raise DiaryWriteError(self.path, problem.detail, problem.fault) from error

    def _insert(self, table: str, columns: tuple[str, ...], values: tuple[object, ...]) -> int:
        with self._transaction() as db:
            cursor = db.execute(
                f"INSERT INTO {table} ({', '.join(columns)})"
                f" VALUES ({', '.join('?' for _ in columns)})",
                values,
            )
            return int(cursor.lastrowid or 0)

    def _upsert(self, table: str, columns: tuple[str, ...], values: tuple[object, ...]) -> int:
        """Insert the record, or replace the stored one with the same uid; its id."""
        assignments = ", ".join(f"{c} = excluded.{c}" for c in columns if c != "uid")
        with self._transaction() as db:
            db.execute(
                f"INSERT INTO {table} ({', '.join(columns)})"
                f" VALUES ({', '.join('?' for _ in columns)})"
                f" ON CONFLICT (uid) DO UPDATE SET {assignments}",
                values,
            )
            row = db.execute(
                f"SELECT id FROM {table} WHERE uid = ?", (values[columns.index("uid")],)
            ).fetchone()
            return int(row[0])

    def _update(
        self, table: str, columns: tuple[str, ...], values: tuple[object, ...], record_id: int
    ) -> None:
        # The uid never changes once stored: a record changed by hand keeps its own.
        kept = tuple(c for c in columns if c != "uid")
        with self._transaction() as db:
            cursor = db.execute(
                f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in kept)} WHERE id = ?",
                (*values[: len(kept)], record_id),
            )
            if cursor.rowcount != 1:
                raise WriteError(self.path, f"no {table} {record_id} to change")

    def add_session(self, report: SessionReport) -> int:
        """Record a finished or stopped routine; raises WriteError if it cannot be saved."""
        return self._insert("session", SESSION_COLUMNS, _session_row(session_from_report(report)))

    def put_session(self, session: SessionRecord, now: datetime | None = None) -> int:
        """Store the session under its uid, adding it or replacing the one stored; its id.

        With `now`, it is checked like a session entered by hand (RecordRefusedError).
        """
        values = _session_row(session) if now is None else _session_values(session, now)
        return self._upsert("session", SESSION_COLUMNS, values)

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

    def put_episode(self, episode: Episode, now: datetime) -> int:
        """Store the episode under its uid, adding it or replacing the one stored; its id."""
        return self._upsert("episode", EPISODE_COLUMNS, _episode_values(episode, now))

    def update_episode(self, episode: Episode, now: datetime) -> None:
        """Replace the stored episode with the same id; refused like add_episode."""
        self._update("episode", EPISODE_COLUMNS, _episode_values(episode, now), episode.id)

    def delete_episode(self, episode_id: int) -> None:
        with self._transaction() as db:
            db.execute("DELETE FROM episode WHERE id = ?", (episode_id,))

    def delete_session(self, session_id: int) -> None:
        with self._transaction() as db:
            db.execute("DELETE FROM session WHERE id = ?", (session_id,))

    def delete_uid(self, table: str, uid: str) -> None:
        """Delete the record with this uid from `table` ("session" or "episode"), if stored."""
        if table not in ("session", "episode"):
            raise ValueError(table)
        with self._transaction() as db:
            db.execute(f"DELETE FROM {table} WHERE uid = ?", (uid,))

    # -- reading -----------------------------------------------------------------------

    @property
    def unreadable(self) -> list[UnreadableRow]:
        """Rows the last reads could not make into records; they are left as they are."""
        rows = [*self._unreadable["session"], *self._unreadable["episode"]]
        return sorted(rows, key=lambda row: (row.table, row.id))

    def _read_all(
        self, table: str, columns: str, readable: str, make: Callable[[Row], R]
    ) -> list[R]:
        rows = self._db.execute(
            f"SELECT {columns}, {readable} FROM {table} ORDER BY started_utc"
        ).fetchall()
        records: list[R] = []
        bad: list[UnreadableRow] = []
        for row in rows:
            if not row[-1]:
                bad.append(UnreadableRow(table, int(row[0]), "a time or value it cannot read"))
                continue
            try:
                records.append(make(row[:-1]))
            except _ROW_ERRORS as error:
                bad.append(UnreadableRow(table, int(row[0]), f"{type(error).__name__}: {error}"))
        if bad:
            log.warning("%d %s row(s) could not be read: %s", len(bad), table, bad[:5])
        self._unreadable[table] = bad
        # Sorted by the instant: a row whose time was edited may sort oddly as text.
        return records

    def episodes(self) -> list[Episode]:
        """Every cramp that can be read; unreadable rows are skipped and counted."""
        return self._read_all("episode", _EPISODE_READ, EPISODE_READABLE, _episode_from_row)

    def last_finished_session_end(self) -> datetime | None:
        """When the last routine played to its end ended; None if none ever was."""
        row = self._db.execute(
            f"SELECT ended_utc, utc_offset_min FROM session WHERE finished = 1"
            f" AND {SESSION_READABLE} ORDER BY ended_utc DESC LIMIT 1"
        ).fetchone()
        return _local(row[0], row[1]) if row else None

    def sessions(self) -> list[SessionRecord]:
        """Every routine done that can be read; unreadable rows are skipped and counted."""
        return self._read_all("session", _SESSION_READ, SESSION_READABLE, _session_from_row)

    def session(self, session_id: int) -> SessionRecord | None:
        """The stored session with this id; None if there is none or it cannot be read."""
        row = self._db.execute(
            f"SELECT {_SESSION_READ} FROM session WHERE id = ?", (session_id,)
        ).fetchone()
        return _made(_session_from_row, row)

    def episode(self, episode_id: int) -> Episode | None:
        """The stored episode with this id; None if there is none or it cannot be read."""
        row = self._db.execute(
            f"SELECT {_EPISODE_READ} FROM episode WHERE id = ?", (episode_id,)
        ).fetchone()
        return _made(_episode_from_row, row)

    def _dated(self, table: str, readable: str, columns: str, started_utc: int) -> list[Row]:
        rows = self._db.execute(f"SELECT {columns}, {readable} FROM {table} ORDER BY id").fetchall()
        good = [row[:-1] for row in rows if row[-1]]
        self._unreadable[table] = [
            UnreadableRow(table, int(row[0]), "a time or value it cannot read")
            for row in rows
            if not row[-1]
        ]
        return _oldest_first(good, started_utc)

    def dated_sessions(self, day_start_hour: int) -> list[Row]:
        """Every readable session, oldest first, as what counting it needs rather than a
        record: (id, routine_id, started_utc, finished, day).

        `day` is the ordinal (date.toordinal()) of the day its start falls on by the clock it
        was recorded in, counting days from `day_start_hour` o'clock to the next. Ten years of
        rows like these read in a fraction of the time it takes to make the records, which
        session() makes one at a time when they are shown. Rows that cannot be read are
        skipped and counted in `unreadable`.
        """
        day = f"{_seconds_since_day_start(day_start_hour)} / 86400 + {_JULIAN_DAY_TO_ORDINAL}"
        return self._dated(
            "session", SESSION_READABLE, f"id, routine_id, started_utc, finished, {day}", 2
        )

    def dated_episodes(self, day_start_hour: int) -> list[Row]:
        """Every readable episode, oldest first, as (id, started_utc, severity, day, hour).

        `day` as in dated_sessions; `hour` (0 to 23) is the hour of its start by the clock it
        was recorded in.
        """
        seconds = _seconds_since_day_start(day_start_hour)
        day = f"{seconds} / 86400 + {_JULIAN_DAY_TO_ORDINAL}"
        hour = f"({seconds} + {day_start_hour * 3600}) % 86400 / 3600"
        return self._dated(
            "episode", EPISODE_READABLE, f"id, started_utc, severity, {day}, {hour}", 1
        )


R = TypeVar("R")


def _made(make: Callable[[Row], R], row: Row | None) -> R | None:
    if row is None:
        return None
    try:
        return make(row)
    except _ROW_ERRORS as error:
        log.warning("row %s could not be read: %s", row[0], error)
        return None


def _oldest_first(rows: list[Row], started_utc: int) -> list[Row]:
    """Rows read in the order stored, sorted by the UTC text in column `started_utc`.

    The same order as ORDER BY started_utc, ties included (the index holds the id after the
    time), for less than SQLite takes to look each row up from the index: the stored order
    is mostly the order of time already.
    """
    rows.sort(key=itemgetter(started_utc))
    return rows


class _DamagedError(Exception):
    """The file is proven not to be a sound diary: the only case that is set aside."""


# SQLite's primary result codes (the low byte of the extended code Python gives).
_SQLITE_PERM = 3
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_READONLY = 8
_SQLITE_IOERR = 10
_SQLITE_CORRUPT = 11
_SQLITE_FULL = 13
_SQLITE_CANTOPEN = 14
_SQLITE_NOTADB = 26


def _problem_from_sqlite(path: Path, error: sqlite3.Error) -> DiaryError:
    """What an SQLite error means for the diary; _DamagedError (raised) only when proven."""
    code = getattr(error, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(error)
    if primary in (_SQLITE_NOTADB, _SQLITE_CORRUPT):
        raise _DamagedError(text)
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return DiaryError(path, DiaryFault.BUSY, "it is in use by another program")
    if primary == _SQLITE_FULL:
        return DiaryError(path, DiaryFault.NO_SPACE, "the disk is full")
    if primary == _SQLITE_READONLY:
        return DiaryError(path, DiaryFault.READ_ONLY, "it can only be read, not written")
    if primary in (_SQLITE_IOERR, _SQLITE_CANTOPEN, _SQLITE_PERM, None):
        # SQLite says "disk I/O error" or "unable to open" for both a full and a read-only
        # disk: the file system tells which.
        fault = _fault_of_folder(path.parent)
        if fault is not None:
            return _problem_for(path, fault)
    return DiaryError(path, DiaryFault.CANNOT_OPEN, text)


def _problem_from_os(path: Path, error: OSError) -> DiaryError:
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return _problem_for(path, DiaryFault.NO_SPACE)
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return _problem_for(path, DiaryFault.READ_ONLY)
    return DiaryError(path, DiaryFault.CANNOT_OPEN, error.strerror or str(error))


def _problem_for(path: Path, fault: DiaryFault) -> DiaryError:
    detail = {
        DiaryFault.NO_SPACE: "the disk is full",
        DiaryFault.READ_ONLY: "its folder can only be read, not written",
    }.get(fault, fault.value)
    return DiaryError(path, fault, detail)


def _fault_of_folder(folder: Path) -> DiaryFault | None:
    """NO_SPACE or READ_ONLY if the folder's file system says so; None if it cannot tell."""
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    try:
        stats = os.statvfs(folder)
    except OSError:
        return None
    if stats.f_flag & os.ST_RDONLY:
        return DiaryFault.READ_ONLY
    if stats.f_bavail * stats.f_frsize < LOW_SPACE_BYTES:
        return DiaryFault.NO_SPACE
    if not os.access(folder, os.W_OK):
        return DiaryFault.READ_ONLY
    return None


def _migrate(db: sqlite3.Connection, path: Path, version: int) -> None:
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
