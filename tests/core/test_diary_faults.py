"""The diary under ordinary faults: nothing set aside unless proven damaged, nothing lost.

Each fault is real where the machine allows it: a second connection holding a lock, a real
`user_version`, a row edited with plain SQL, and a small tmpfs filled up or made read-only.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.core.diary_export import diary_csv
from app.core.diary_stats import NIGHT_CUTOFF_HOUR, DiaryIndex
from app.core.diary_store import DiaryStore
from app.core.diary_writer import DiaryWriter, Saved
from app.core.errors import DiaryFault, DiaryUnavailableError
from app.core.journal import SCHEMA_VERSION, Episode, Journal, SessionRecord
from tests.core.diary_faults import fill, free, locked_by_another_program, remount, small_disk

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
NIGHT = datetime(2026, 11, 25, 3, 0, tzinfo=UTC)


def cramp(minutes: int = 3, note: str = "") -> Episode:
    return Episode(NIGHT, timedelta(minutes=minutes), "left", "mild", (), note)


def routine(hour: int = 21) -> SessionRecord:
    start = datetime(2026, 11, 24, hour, 0, tzinfo=UTC)
    return SessionRecord(0, "evening-stretch", start, start + timedelta(minutes=9), 1.0, (), True)


def diary_with(path: Path, *records: Episode | SessionRecord) -> None:
    journal, _ = Journal.open(path)
    for record in records:
        if isinstance(record, Episode):
            journal.add_episode(record, NOW)
        else:
            journal.add_session_by_hand(record, NOW)
    journal.close()


def siblings(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if not p.name.endswith(("-wal", "-shm")))


# -- busy ---------------------------------------------------------------------------------


@pytest.mark.parametrize("exclusive_mode", [False, True], ids=["begin-exclusive", "locking-mode"])
def test_a_diary_locked_by_another_program_is_busy_and_never_set_aside(
    tmp_path: Path, exclusive_mode: bool
) -> None:
    path = tmp_path / "journal.sqlite3"
    diary_with(path, cramp())
    with locked_by_another_program(path, exclusive_mode):
        if exclusive_mode:
            with pytest.raises(DiaryUnavailableError) as raised:
                Journal.open(path, busy_timeout_s=0.05)
            assert raised.value.fault is DiaryFault.BUSY
            assert raised.value.detail == "it is in use by another program"
        else:
            # In WAL mode a writer's lock still lets the diary be opened and read; the
            # write then waits, and is called busy.
            journal, problem = Journal.open(path, busy_timeout_s=0.05)
            assert problem is None and len(journal.episodes()) == 1
            writer = DiaryWriter(lambda: journal, tmp_path / "pending.jsonl", lambda: NOW)
            outcome = writer.put(cramp(5))
            assert outcome.saved is Saved.KEPT_ON_DISK
            assert getattr(outcome.problem, "fault", None) is DiaryFault.BUSY
            journal.close()
    assert siblings(path) == ["journal.sqlite3", *(["pending.jsonl"] if not exclusive_mode else [])]
    journal, problem = Journal.open(path)
    assert problem is None and len(journal.episodes()) == 1
    journal.close()


def test_the_store_keeps_retrying_a_busy_diary_and_then_saves_what_waited(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    diary_with(path, cramp())
    store = DiaryStore(path, tmp_path / "pending.jsonl", lambda: NOW, busy_timeout_s=0.05)
    with locked_by_another_program(path, exclusive_mode=True):
        store.open()
        assert store.journal is None
        assert store.problem is not None and store.problem.fault is DiaryFault.BUSY
        assert store.writer.put(cramp(7)).saved is Saved.KEPT_ON_DISK
        assert store.needs_retry
        assert not store.retry()  # still locked
    assert store.retry()
    assert store.problem is None and not store.needs_retry
    assert store.journal is not None
    assert sorted(e.duration for e in store.journal.episodes()) == [
        timedelta(minutes=3),
        timedelta(minutes=7),
    ]
    assert not (tmp_path / "pending.jsonl").exists()
    store.close()


# -- newer --------------------------------------------------------------------------------


def test_a_diary_from_a_newer_unknot_is_never_touched_and_not_retried(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    diary_with(path, cramp())
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    before = path.read_bytes()
    store = DiaryStore(path, tmp_path / "pending.jsonl", lambda: NOW)
    store.open()
    assert store.journal is None
    assert store.problem is not None and store.problem.fault is DiaryFault.NEWER
    assert store.problem.schema == SCHEMA_VERSION + 1
    assert store.writer.put(cramp(2)).saved is Saved.KEPT_ON_DISK  # kept for a newer Unknot
    assert not store.needs_retry
    assert path.read_bytes() == before
    assert siblings(path) == ["journal.sqlite3", "pending.jsonl"]


# -- damaged --------------------------------------------------------------------------------


def test_only_a_file_proven_damaged_is_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    path.write_bytes(b"SQLite format 3\0" + b"\x13" * 8000)  # a header, then rubbish
    store = DiaryStore(path, tmp_path / "pending.jsonl", lambda: NOW)
    store.open()
    assert store.problem is None and store.writable
    assert store.set_aside is not None and store.set_aside.fault is DiaryFault.DAMAGED
    assert store.set_aside.kept_as is not None
    assert store.set_aside.kept_as.read_bytes().startswith(b"SQLite format 3\0\x13")
    store.close()


# -- unreadable rows ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("table", "column", "value"),
    [
        ("episode", "started_utc", "not a date"),
        ("episode", "started_utc", "2026-02-30T03:00:00+00:00"),
        ("episode", "utc_offset_min", 100000),
        ("episode", "note", b"\xff\x00"),
        ("session", "ended_utc", "yesterday"),
        ("session", "skipped_steps", "two"),
    ],
)
def test_a_row_edited_into_nonsense_is_skipped_counted_and_left_as_it_is(
    tmp_path: Path, table: str, column: str, value: object
) -> None:
    path = tmp_path / "journal.sqlite3"
    diary_with(path, cramp(1), cramp(2), routine(20), routine(21))
    with sqlite3.connect(path) as db:
        db.execute(f"UPDATE {table} SET {column} = ? WHERE id = 1", (value,))
    db.close()
    journal, problem = Journal.open(path)
    assert problem is None
    index = DiaryIndex.read(journal)
    assert [(row.table, row.id) for row in journal.unreadable] == [(table, 1)]
    summary_records = index  # the index reads; the records are made lazily when shown
    assert summary_records is not None
    text, count = diary_csv(journal)
    assert count == 3
    assert [(row.table, row.id) for row in journal.unreadable] == [(table, 1)]
    sessions = journal.sessions()
    episodes = journal.episodes()
    assert len(sessions) + len(episodes) == 3
    assert "not a date" not in text
    rows = journal._db.execute(f"SELECT {column} FROM {table} WHERE id = 1").fetchall()
    assert rows == [(value,)]  # left exactly as it was
    assert (
        len(journal.dated_sessions(NIGHT_CUTOFF_HOUR))
        + len(journal.dated_episodes(NIGHT_CUTOFF_HOUR))
        == 3
    )
    journal.close()


# -- a full disk ------------------------------------------------------------------------


def test_a_full_disk_at_start_keeps_the_diary_readable_and_new_records_pending(
    tmp_path: Path,
) -> None:
    with small_disk(tmp_path / "disk", 1024) as disk:
        if disk is None:
            pytest.skip("this machine does not let the test mount a tmpfs (see the seam test)")
        path = disk / "data" / "journal.sqlite3"
        diary_with(path, cramp(1), routine())
        pending = tmp_path / "state" / "pending.jsonl"  # the state folder, on another disk
        fill(disk)
        for _ in range(2):  # every start alike: nothing renamed, nothing used up
            store = DiaryStore(path, pending, lambda: NOW)
            store.open()
            assert store.problem is not None and store.problem.fault is DiaryFault.NO_SPACE
            assert store.problem.detail == "the disk is full"
            assert store.journal is not None and not store.writable
            assert len(store.journal.episodes()) == 1  # what can be read is shown
            assert store.writer.put(cramp(9)).saved is Saved.KEPT_ON_DISK
            store.close()
        assert siblings(path) == ["journal.sqlite3"]
        free(disk)
        store = DiaryStore(path, pending, lambda: NOW)
        store.open()  # replays what waited: the cramp logged at each of the two starts
        assert store.problem is None and store.writable
        assert store.journal is not None
        assert [e.duration for e in store.journal.episodes()] == [
            timedelta(minutes=1),
            timedelta(minutes=9),
            timedelta(minutes=9),
        ]
        assert not pending.exists()
        store.close()


def test_the_disk_filling_while_open_keeps_the_record_then_saves_it(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", 1024) as disk:
        if disk is None:
            pytest.skip("this machine does not let the test mount a tmpfs (see the seam test)")
        path = disk / "journal.sqlite3"
        store = DiaryStore(path, tmp_path / "pending.jsonl", lambda: NOW)
        store.open()
        fill(disk)
        big = cramp(4, note="x" * 200_000)  # needs pages the disk no longer has
        outcome = store.writer.put(big)
        assert outcome.saved is Saved.KEPT_ON_DISK
        assert getattr(outcome.problem, "fault", None) is DiaryFault.NO_SPACE
        free(disk)
        assert store.retry()
        assert store.journal is not None
        assert [e.note for e in store.journal.episodes()] == ["x" * 200_000]
        store.close()


def test_a_read_only_disk_keeps_the_diary_readable_and_says_why(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", 1024) as disk:
        if disk is None:
            pytest.skip("this machine does not let the test mount a tmpfs (see the seam test)")
        path = disk / "journal.sqlite3"
        diary_with(path, cramp(1))
        remount(disk, "ro")
        try:
            store = DiaryStore(path, tmp_path / "pending.jsonl", lambda: NOW)
            store.open()
            assert store.problem is not None and store.problem.fault is DiaryFault.READ_ONLY
            assert store.journal is not None and len(store.journal.episodes()) == 1
            assert store.writer.put(routine()).saved is Saved.KEPT_ON_DISK
            store.close()
        finally:
            remount(disk, "rw")
        store.open()
        assert store.writable and store.journal is not None
        assert len(store.journal.sessions()) == 1
        store.close()


def test_a_full_disk_at_the_storage_seam_is_named_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same as the tmpfs tests, for machines that cannot mount one: SQLite's own error
    for a full disk, and the file system reporting no space."""
    import os as os_module

    path = tmp_path / "journal.sqlite3"
    diary_with(path, cramp(1))
    journal, _ = Journal.open(path)

    class FullStats:
        f_flag = 0
        f_bavail = 0
        f_frsize = 4096

    monkeypatch.setattr(os_module, "statvfs", lambda _: FullStats())
    error = sqlite3.OperationalError("disk I/O error")
    error.sqlite_errorcode = 4874  # type: ignore[attr-defined]  # SQLITE_IOERR_SHMSIZE
    from app.core import journal as journal_module

    problem = journal_module._problem_from_sqlite(path, error)
    assert (problem.fault, problem.detail) == (DiaryFault.NO_SPACE, "the disk is full")
    journal.close()


# -- the pending file -----------------------------------------------------------------------


def test_pending_records_survive_a_restart_and_are_replayed_once(tmp_path: Path) -> None:
    pending = tmp_path / "pending.jsonl"
    writer = DiaryWriter(lambda: None, pending, lambda: NOW)
    first = writer.put(cramp(1))
    second = writer.put(routine())
    assert (first.saved, second.saved) == (Saved.KEPT_ON_DISK, Saved.KEPT_ON_DISK)
    # A new process: the diary now opens.
    journal, _ = Journal.open(tmp_path / "journal.sqlite3")
    again = DiaryWriter(lambda: journal, pending, lambda: NOW)
    assert again.load_pending() == 2
    assert again.flush()
    # A crash after the commit but before the pending file was trimmed: replayed again.
    pending.write_text(
        "".join(
            __import__("app.core.diary_writer", fromlist=["_json_line"])._json_line(c)
            for c in writer.waiting
        )
    )
    third = DiaryWriter(lambda: journal, pending, lambda: NOW)
    assert third.load_pending() == 2
    assert third.flush()
    assert len(journal.episodes()) == 1 and len(journal.sessions()) == 1  # no copies
    journal.close()


def test_a_line_cut_short_by_a_crash_costs_only_itself(tmp_path: Path) -> None:
    pending = tmp_path / "pending.jsonl"
    writer = DiaryWriter(lambda: None, pending, lambda: NOW)
    writer.put(cramp(1))
    writer.put(cramp(2))
    with pending.open("a") as handle:
        handle.write('{"v":1,"table":"episode","uid":"abc","rec')  # the power went
    again = DiaryWriter(lambda: None, pending, lambda: NOW)
    assert again.load_pending() == 2
    assert again.unreadable_pending_lines == 1


def test_when_not_even_the_pending_file_can_be_written_the_record_waits_in_memory(
    tmp_path: Path,
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("")
    writer = DiaryWriter(lambda: None, blocked / "pending.jsonl", lambda: NOW)
    outcome = writer.put(cramp(1))
    assert outcome.saved is Saved.KEPT_IN_MEMORY
    assert len(writer.waiting_in_memory) == 1
    saved_to = tmp_path / "kept.jsonl"
    assert writer.write_pending_to(saved_to) == 1
    journal, _ = Journal.open(tmp_path / "journal.sqlite3")
    rescued = DiaryWriter(lambda: journal, saved_to, lambda: NOW)
    assert rescued.load_pending() == 1 and rescued.flush()
    assert [e.duration for e in journal.episodes()] == [timedelta(minutes=1)]
    journal.close()


def test_a_change_and_a_deletion_made_while_the_diary_is_away_are_applied_in_order(
    tmp_path: Path,
) -> None:
    path = tmp_path / "journal.sqlite3"
    diary_with(path, cramp(1), cramp(2))
    journal, _ = Journal.open(path)
    first, second = journal.episodes()
    opened: list[Journal] = []
    writer = DiaryWriter(lambda: opened[0] if opened else None, tmp_path / "p.jsonl", lambda: NOW)
    import dataclasses

    writer.put(dataclasses.replace(first, note="changed"), checked=True)
    writer.delete(second)
    assert len(writer.waiting) == 2
    opened.append(journal)
    assert writer.flush()
    assert [(e.id, e.note) for e in journal.episodes()] == [(first.id, "changed")]
    journal.close()


def test_replaying_a_thousand_pending_records_takes_well_under_a_second(tmp_path: Path) -> None:
    import time

    pending = tmp_path / "pending.jsonl"
    writer = DiaryWriter(lambda: None, pending, lambda: NOW)
    for minute in range(1000):
        writer.put(Episode(NIGHT - timedelta(minutes=minute), timedelta(minutes=1)))
    journal, _ = Journal.open(tmp_path / "journal.sqlite3")
    replay = DiaryWriter(lambda: journal, pending, lambda: NOW)
    started = time.perf_counter()
    assert replay.load_pending() == 1000
    assert replay.flush()
    took = time.perf_counter() - started
    assert len(journal.episodes()) == 1000
    assert took < 1.0, f"{took:.3f} s"
    journal.close()
