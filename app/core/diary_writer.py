"""The one way records reach the diary, and the only judge of whether they did.

Every record (a cramp, a routine done, a change or a deletion made by hand) goes through
`DiaryWriter`. It tries the diary at once; what the diary cannot take now (busy, full disk,
read-only, not open) is appended to a small pending file in the state folder, flushed to disk
per record, and written at the next retry or start. If even that file cannot be written, the
record waits in memory and the interface asks before quitting. Only SAVED may be shown to the
user as "saved": it means the diary's transaction committed.

Writes are keyed by the record's uid, so a pending write replayed after a crash (the diary
committed, the pending file not yet trimmed) replaces the stored record instead of adding a
second copy.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum
from pathlib import Path
from typing import assert_never

from app.core.errors import DiaryError, DiaryFault, DiaryWriteError, WriteError
from app.core.journal import (
    MAX_EPISODE,
    Episode,
    Journal,
    RecordRefusedError,
    SessionRecord,
    new_uid,
)
from app.core.storage import atomic_write

log = logging.getLogger(__name__)

# The pending file's format: one JSON object a line, with this version in each.
PENDING_VERSION = 1


class Saved(Enum):
    """Where a record is after a write was asked for."""

    SAVED = "saved"  # committed to the diary
    KEPT_ON_DISK = "kept_on_disk"  # in the pending file: survives quit and crash
    KEPT_IN_MEMORY = "kept_in_memory"  # only in this process: lost if it ends


class Table(Enum):
    SESSION = "session"
    EPISODE = "episode"


Record = Episode | SessionRecord


@dataclass(frozen=True)
class PendingChange:
    """A write the diary has not taken yet: a record to store, or a uid to delete."""

    table: Table
    uid: str
    record: Record | None  # None: delete the record with this uid
    checked: bool = False  # entered by hand: checked like a form before it is stored


@dataclass(frozen=True)
class WriteOutcome:
    saved: Saved
    problem: DiaryError | WriteError | None = None  # why it is not SAVED
    record_id: int = 0  # the diary's id once SAVED (0 for a deletion)


class DiaryWriter:
    """Stores records, or keeps them until the diary can take them."""

    def __init__(
        self,
        journal: Callable[[], Journal | None],
        pending_file: Path,
        now: Callable[[], datetime],
    ) -> None:
        self._journal = journal
        self._pending_file = pending_file
        self._now = now
        self._pending: dict[tuple[Table, str], PendingChange] = {}  # in the order asked
        self._in_memory_only: set[tuple[Table, str]] = set()
        self.last_problem: DiaryError | WriteError | None = None
        self.unreadable_pending_lines = 0  # lines of the pending file that made no sense

    # -- asking for writes -----------------------------------------------------------

    def put(self, record: Record, *, checked: bool = False) -> WriteOutcome:
        """Store the record (added, or replacing the stored one with its uid).

        `checked`: entered by hand, so refused (RecordRefusedError) at once if it cannot
        be right; nothing is kept then. A record without a uid is given one; read it back
        from `uid_of` if it is needed later.
        """
        if checked:
            problems = record.problems(self._now())
            if problems:
                raise RecordRefusedError("; ".join(problems))
        if isinstance(record, Episode) and record.duration > MAX_EPISODE:
            # A relief screen left open for days: keep the start, not an impossible length.
            record = dataclasses.replace(record, duration=MAX_EPISODE)
        if not record.uid:
            record = dataclasses.replace(record, uid=new_uid())
        table = Table.EPISODE if isinstance(record, Episode) else Table.SESSION
        return self._ask(PendingChange(table, record.uid, record, checked))

    def delete(self, record: Record) -> WriteOutcome:
        """Delete the stored record (found by its uid, else by its id)."""
        table = Table.EPISODE if isinstance(record, Episode) else Table.SESSION
        if not record.uid:
            # Only records read from the diary are deleted, and every stored row has a uid
            # since schema 2; this is for a record made some other way.
            return self._delete_by_id(table, record.id)
        return self._ask(PendingChange(table, record.uid, None))

    def _ask(self, change: PendingChange) -> WriteOutcome:
        key = (change.table, change.uid)
        # A newer write of the same record replaces the older one still waiting.
        self._pending.pop(key, None)
        self._pending[key] = change
        outcome = self._write_one(change)
        if outcome.saved is Saved.SAVED:
            self._done(key)
            return outcome
        if self._append(change):
            self._in_memory_only.discard(key)
            return dataclasses.replace(outcome, saved=Saved.KEPT_ON_DISK)
        self._in_memory_only.add(key)
        return dataclasses.replace(outcome, saved=Saved.KEPT_IN_MEMORY)

    # -- retrying ----------------------------------------------------------------------

    def load_pending(self) -> int:
        """Read what a previous run left waiting; how many writes wait now."""
        try:
            text = self._pending_file.read_text(encoding="utf-8")
        except FileNotFoundError:
            return len(self._pending)
        except (OSError, UnicodeDecodeError) as error:
            log.warning("pending records not read: %s", error)
            return len(self._pending)
        for line in text.splitlines():
            if not line.strip():
                continue
            try:
                change = change_from_json(json.loads(line))
            except (ValueError, KeyError, TypeError) as error:
                # A line cut short by a crash or power cut; the rest are still good.
                self.unreadable_pending_lines += 1
                log.warning("a pending record could not be read: %s", error)
                continue
            key = (change.table, change.uid)
            self._pending.pop(key, None)
            self._pending[key] = change
        return len(self._pending)

    def flush(self) -> bool:
        """Write whatever waits, oldest first; True when nothing is left waiting."""
        if not self._pending:
            return True
        for key, change in list(self._pending.items()):
            outcome = self._write_one(change)
            if outcome.saved is not Saved.SAVED:
                break
            self._done(key, rewrite=False)
        self._rewrite_pending_file()
        return not self._pending

    # -- what waits ----------------------------------------------------------------------

    @property
    def waiting(self) -> list[PendingChange]:
        return list(self._pending.values())

    @property
    def waiting_in_memory(self) -> list[PendingChange]:
        """What would be lost if the process ended now."""
        return [self._pending[key] for key in self._pending if key in self._in_memory_only]

    def write_pending_to(self, path: Path) -> int:
        """Save what waits to a file the user chose (the pending format); how many."""
        changes = list(self._pending.values())
        atomic_write(path, "".join(_json_line(change) for change in changes), mode=0o600)
        return len(changes)

    # -- the parts -------------------------------------------------------------------------

    def _write_one(self, change: PendingChange) -> WriteOutcome:
        journal = self._journal()
        if journal is None:
            problem = self.last_problem or DiaryWriteError(
                self._pending_file, "the diary is not open", DiaryFault.CANNOT_OPEN
            )
            return WriteOutcome(Saved.KEPT_IN_MEMORY, problem)
        try:
            record_id = self._store(journal, change)
        except (DiaryError, WriteError) as error:
            log.warning("diary: %s kept for later: %s", change.table.value, error)
            self.last_problem = error
            return WriteOutcome(Saved.KEPT_IN_MEMORY, error)
        except RecordRefusedError as error:
            # Checked before it was kept, so only a clock set back could make it fail now;
            # dropping it would lose it, so it is stored without the check.
            log.warning("diary: stored unchecked after a refusal: %s", error)
            record_id = self._store(journal, dataclasses.replace(change, checked=False))
        self.last_problem = None
        return WriteOutcome(Saved.SAVED, None, record_id)

    def _store(self, journal: Journal, change: PendingChange) -> int:
        record = change.record
        now = self._now()
        if record is None:
            journal.delete_uid(change.table.value, change.uid)
            return 0
        match change.table:
            case Table.EPISODE:
                assert isinstance(record, Episode)
                if not change.checked:
                    # Measured by the app, not typed: never refused for its times.
                    now = max(now, record.started + record.duration)
                return journal.put_episode(record, now)
            case Table.SESSION:
                assert isinstance(record, SessionRecord)
                return journal.put_session(record, now if change.checked else None)
            case _ as never:
                assert_never(never)

    def _delete_by_id(self, table: Table, record_id: int) -> WriteOutcome:
        journal = self._journal()
        try:
            if journal is None:
                raise DiaryWriteError(
                    self._pending_file, "the diary is not open", DiaryFault.CANNOT_OPEN
                )
            if table is Table.EPISODE:
                journal.delete_episode(record_id)
            else:
                journal.delete_session(record_id)
        except (DiaryError, WriteError) as error:
            return WriteOutcome(Saved.KEPT_IN_MEMORY, error)
        return WriteOutcome(Saved.SAVED)

    def _done(self, key: tuple[Table, str], rewrite: bool = True) -> None:
        self._pending.pop(key, None)
        self._in_memory_only.discard(key)
        if rewrite and self._pending_file.exists():
            self._rewrite_pending_file()

    def _append(self, change: PendingChange) -> bool:
        """Add the change to the pending file, on disk before this returns; False if not."""
        try:
            self._pending_file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd = os.open(self._pending_file, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
            try:
                data = _json_line(change).encode("utf-8")
                if os.write(fd, data) != len(data):
                    raise OSError("short write")
                os.fsync(fd)
            finally:
                os.close(fd)
        except OSError as error:
            log.warning("pending record kept in memory only: %s", error)
            return False
        return True

    def _rewrite_pending_file(self) -> None:
        """The pending file as what still waits: removed when nothing does."""
        try:
            if not self._pending:
                self._pending_file.unlink(missing_ok=True)
                return
            atomic_write(self._pending_file, "".join(_json_line(c) for c in self._pending.values()))
        except (OSError, WriteError) as error:
            # Left longer than it should be is harmless: replaying a stored record by its
            # uid replaces it with itself.
            log.warning("pending file not trimmed: %s", error)
            return
        self._in_memory_only.clear()


def describe(changes: Iterable[PendingChange]) -> tuple[int, int, int]:
    """How many cramps, routines done and other changes (deletions) are in `changes`."""
    cramps = routines = other = 0
    for change in changes:
        if change.record is None:
            other += 1
        elif change.table is Table.EPISODE:
            cramps += 1
        else:
            routines += 1
    return cramps, routines, other


# -- the pending file's lines ------------------------------------------------------------


def _json_line(change: PendingChange) -> str:
    return json.dumps(change_to_json(change), ensure_ascii=False, separators=(",", ":")) + "\n"


def change_to_json(change: PendingChange) -> dict[str, object]:
    record = change.record
    data: dict[str, object] = {
        "v": PENDING_VERSION,
        "table": change.table.value,
        "uid": change.uid,
        "checked": change.checked,
        "record": None,
    }
    if isinstance(record, Episode):
        data["record"] = {
            "started": record.started.isoformat(),
            "duration_s": record.duration.total_seconds(),
            "leg": record.leg,
            "severity": record.severity,
            "helped": list(record.helped),
            "note": record.note,
            "finished": record.finished,
        }
    elif isinstance(record, SessionRecord):
        data["record"] = {
            "routine_id": record.routine_id,
            "started": record.started.isoformat(),
            "ended": record.ended.isoformat(),
            "completed": record.completed,
            "skipped_steps": list(record.skipped_steps),
            "finished": record.finished,
        }
    return data


def change_from_json(data: object) -> PendingChange:
    """A pending change from its JSON; ValueError, KeyError or TypeError if it is not one."""
    if not isinstance(data, dict) or data.get("v") != PENDING_VERSION:
        raise ValueError("not a pending change of this version")
    table = Table(data["table"])
    uid = data["uid"]
    if not isinstance(uid, str) or not uid:
        raise ValueError("no uid")
    fields = data["record"]
    checked = bool(data.get("checked", False))
    if fields is None:
        return PendingChange(table, uid, None, checked)
    if not isinstance(fields, dict):
        raise TypeError("record is not an object")
    record: Record
    if table is Table.EPISODE:
        record = Episode(
            _aware(fields["started"]),
            timedelta(seconds=float(fields["duration_s"])),
            _optional_text(fields.get("leg")),
            _optional_text(fields.get("severity")),
            tuple(str(h) for h in fields.get("helped", [])),
            str(fields.get("note", "")),
            bool(fields.get("finished", True)),
            0,
            uid,
        )
    else:
        record = SessionRecord(
            0,
            str(fields["routine_id"]),
            _aware(fields["started"]),
            _aware(fields["ended"]),
            float(fields["completed"]),
            tuple(int(i) for i in fields.get("skipped_steps", [])),
            bool(fields["finished"]),
            uid,
        )
    return PendingChange(table, uid, record, checked)


def _aware(text: object) -> datetime:
    moment = datetime.fromisoformat(str(text))
    if moment.tzinfo is None:
        raise ValueError("a time without its offset")
    return moment


def _optional_text(value: object) -> str | None:
    return None if value is None else str(value)
