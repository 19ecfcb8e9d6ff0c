"""The diary database: records survive, damage is set aside, a killed writer loses nothing."""

from __future__ import annotations

import contextlib
import dataclasses
import random
import signal
import sqlite3
import stat
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import TypeVar
from zoneinfo import ZoneInfo

import pytest

from app.core.diary_stats import NIGHT_CUTOFF_HOUR, night_of
from app.core.errors import DiaryFault, DiaryUnavailableError
from app.core.journal import SCHEMA_VERSION, Episode, Journal, RecordRefusedError, SessionRecord
from app.core.player import SessionReport

EVENING = timezone(timedelta(hours=1))
R = TypeVar("R")


def report(minute: int = 0, finished: bool = True) -> SessionReport:
    start = datetime(2026, 11, 25, 22, minute, tzinfo=EVENING)
    return SessionReport(
        routine_id="evening-stretch",
        started_at=start,
        ended_at=start + timedelta(minutes=9),
        completed_fraction=0.75,
        skipped_steps=(2, 4),
        finished=finished,
    )


def test_a_session_is_stored_in_utc_and_read_back_in_its_own_offset(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    journal, problem = Journal.open(path)
    assert problem is None
    journal.add_session(report())
    journal.close()
    again, _ = Journal.open(path)
    (record,) = again.sessions()
    assert record.started == datetime(2026, 11, 25, 22, 0, tzinfo=EVENING)
    assert record.started.utcoffset() == timedelta(hours=1)
    assert record.ended - record.started == timedelta(minutes=9)
    assert (record.completed, record.skipped_steps, record.finished) == (0.75, (2, 4), True)
    raw = sqlite3.connect(path).execute("SELECT started_utc FROM session").fetchone()[0]
    assert raw == datetime(2026, 11, 25, 21, 0, tzinfo=UTC).isoformat()
    again.close()


def test_new_diary_is_private_versioned_and_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "data" / "journal.sqlite3"
    journal, _ = Journal.open(path)
    journal.close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_damaged_diary_is_set_aside_and_a_new_one_started(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    path.write_bytes(b"this is not a database, but it is the user's" * 100)
    journal, problem = Journal.open(path)
    assert problem is not None and problem.kept_as is not None
    assert problem.fault is DiaryFault.DAMAGED
    assert problem.kept_as.read_bytes().startswith(b"this is not a database")
    assert journal.sessions() == []
    journal.add_session(report())
    assert len(journal.sessions()) == 1
    journal.close()


def test_a_diary_from_a_newer_version_is_left_exactly_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE future (x)")
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    db.close()
    before = path.read_bytes()
    with pytest.raises(DiaryUnavailableError) as raised:
        Journal.open(path)
    assert raised.value.fault is DiaryFault.NEWER
    assert raised.value.schema == SCHEMA_VERSION + 5
    assert raised.value.detail == (
        f"it was written by a newer version of Unknot (schema {SCHEMA_VERSION + 5})"
    )
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["journal.sqlite3"]


def test_a_killed_writer_leaves_a_consistent_diary(tmp_path: Path, project_root: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    code = f"""
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from app.core.journal import Journal
from app.core.player import SessionReport
journal, _ = Journal.open(Path({str(path)!r}))
start = datetime(2026, 1, 1, tzinfo=timezone.utc)
for n in range(1, 100000):
    journal.add_session(SessionReport("r", start, start + timedelta(minutes=1), 1.0, (), True))
    print(n, flush=True)
"""
    writer = subprocess.Popen(
        [sys.executable, "-c", code], cwd=project_root, stdout=subprocess.PIPE, text=True
    )
    assert writer.stdout is not None
    committed = 0
    for line in writer.stdout:
        committed = int(line)
        if committed >= 200:
            break
    writer.send_signal(signal.SIGKILL)
    writer.wait(10)
    writer.stdout.close()
    journal, problem = Journal.open(path)
    assert problem is None  # passed the integrity check
    count = len(journal.sessions())
    assert count >= committed  # every record reported as written is there
    journal.close()


NIGHT = datetime(2026, 11, 25, 3, 10, tzinfo=EVENING)
NOW = datetime(2026, 11, 25, 9, 0, tzinfo=EVENING)


def test_an_episode_round_trips(tmp_path: Path) -> None:
    from app.core.journal import Episode

    journal, _ = Journal.open(tmp_path / "journal.sqlite3")
    episode = Episode(
        NIGHT, timedelta(minutes=5), "left", "severe", ("Toes up", "Rub"), "woke me", True
    )
    episode_id = journal.add_episode(episode, NOW)
    (stored,) = without_uid(journal.episodes())
    assert stored == Episode(
        NIGHT,
        timedelta(minutes=5),
        "left",
        "severe",
        ("Toes up", "Rub"),
        "woke me",
        True,
        episode_id,
    )
    journal.close()


def test_hand_entered_episodes_that_cannot_be_right_are_refused(tmp_path: Path) -> None:
    import pytest

    from app.core.journal import Episode, EpisodeRefusedError

    journal, _ = Journal.open(tmp_path / "journal.sqlite3")
    cases = {
        "it ends before it starts": Episode(NIGHT, timedelta(minutes=-5)),
        "the start is in the future": Episode(NOW + timedelta(hours=1), timedelta(minutes=1)),
        "more than a day": Episode(NIGHT, timedelta(days=2)),
        "leg must be one of left, right, both": Episode(NIGHT, timedelta(minutes=1), "calf"),
    }
    for message, episode in cases.items():
        with pytest.raises(EpisodeRefusedError, match=message):
            journal.add_episode(episode, NOW)
    assert journal.episodes() == []
    journal.close()


def test_an_episode_can_be_completed_edited_and_deleted(tmp_path: Path) -> None:
    import dataclasses

    import pytest

    from app.core.errors import WriteError
    from app.core.journal import Episode, EpisodeRefusedError

    journal, _ = Journal.open(tmp_path / "journal.sqlite3")
    # The relief screen stores the episode at once, then the form fills it in.
    unfinished = Episode(NIGHT, timedelta(minutes=3), finished=False)
    episode_id = journal.add_episode(unfinished, NOW)
    completed = dataclasses.replace(
        unfinished, id=episode_id, leg="right", severity="moderate", finished=True
    )
    journal.update_episode(completed, NOW)
    assert without_uid(journal.episodes()) == [completed]
    with pytest.raises(EpisodeRefusedError, match="ends before it starts"):
        journal.update_episode(dataclasses.replace(completed, duration=timedelta(-1)), NOW)
    assert without_uid(journal.episodes()) == [completed]
    with pytest.raises(WriteError, match="no episode 999"):
        journal.update_episode(dataclasses.replace(completed, id=999), NOW)
    journal.delete_episode(episode_id)
    assert journal.episodes() == []
    journal.close()


def test_a_migration_keeps_a_backup_of_the_diary_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    from app.core import journal as journal_module
    from app.core.journal import Episode

    path = tmp_path / "journal.sqlite3"
    journal, _ = Journal.open(path)
    journal.add_episode(Episode(NIGHT, timedelta(minutes=2)), NOW)
    journal.close()

    def add_mood(db: sqlite3.Connection) -> None:  # a made-up version 2
        db.execute("ALTER TABLE episode ADD COLUMN mood TEXT")

    monkeypatch.setattr(journal_module, "MIGRATIONS", [*journal_module.MIGRATIONS, add_mood])
    monkeypatch.setattr(journal_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    journal, problem = Journal.open(path)
    assert problem is None
    assert journal._db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
    assert len(journal.episodes()) == 1  # nothing lost on the way
    journal.close()
    backup = sqlite3.connect(path.with_name(f"journal.sqlite3.v{SCHEMA_VERSION}"))
    assert backup.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert backup.execute("SELECT COUNT(*) FROM episode").fetchone()[0] == 1
    columns = [row[1] for row in backup.execute("PRAGMA table_info(episode)")]
    assert "mood" not in columns
    backup.close()


# The morning after report()'s evening session, when it is told or corrected by hand.
MORNING_AFTER = datetime(2026, 11, 26, 9, 0, tzinfo=EVENING)


def by_hand(**changes: object) -> SessionRecord:
    """An evening stretch done without the app, the evening before MORNING_AFTER."""
    start = datetime(2026, 11, 25, 21, 30, tzinfo=EVENING)
    session = SessionRecord(
        0, "evening-stretch", start, start + timedelta(minutes=12), 1.0, (), True
    )
    return dataclasses.replace(session, **changes)


def without_uid(records: list[R]) -> list[R]:
    """Records as they were given, before the diary gave each its uid."""
    assert all(record.uid for record in records)  # type: ignore[attr-defined]
    return [dataclasses.replace(record, uid="") for record in records]  # type: ignore[type-var]


def raw_sessions(path: Path) -> list[tuple[object, ...]]:
    with contextlib.closing(sqlite3.connect(path)) as db:
        return db.execute("SELECT * FROM session ORDER BY id").fetchall()


def test_a_routine_done_without_the_app_is_added_in_utc_with_its_offset(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    journal, _ = Journal.open(path)
    session_id = journal.add_session_by_hand(by_hand(id=77), MORNING_AFTER)
    assert session_id != 77  # the diary numbers its records itself
    assert without_uid(journal.sessions()) == [by_hand(id=session_id)]
    assert journal.last_finished_session_end() == datetime(2026, 11, 25, 21, 42, tzinfo=EVENING)
    journal.close()
    ((_, routine, started_utc, offset, ended_utc, completed, skipped, finished, _),) = raw_sessions(
        path
    )
    assert (routine, offset, completed, skipped, finished) == ("evening-stretch", 60, 1.0, "", 1)
    assert started_utc == datetime(2026, 11, 25, 20, 30, tzinfo=UTC).isoformat()
    assert ended_utc == datetime(2026, 11, 25, 20, 42, tzinfo=UTC).isoformat()


def test_hand_entered_sessions_that_cannot_be_right_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    journal, _ = Journal.open(path)
    start = by_hand().started
    cases = {
        "it ends before it starts": by_hand(ended=start - timedelta(minutes=1)),
        "the start is in the future": by_hand(
            started=MORNING_AFTER + timedelta(hours=1), ended=MORNING_AFTER + timedelta(hours=2)
        ),
        "the end is in the future": by_hand(ended=MORNING_AFTER + timedelta(minutes=1)),
        "a routine of more than a day cannot be right": by_hand(ended=start + timedelta(days=1.5)),
        "the part done must be between 0 and 100%": by_hand(completed=1.5),
        "no routine is chosen": by_hand(routine_id=" "),
        "the end time has no time zone": by_hand(ended=start.replace(tzinfo=None)),
    }
    for message, session in cases.items():
        with pytest.raises(RecordRefusedError, match=message):
            journal.add_session_by_hand(session, MORNING_AFTER)
    for fraction in (-0.1, float("nan")):
        assert by_hand(completed=fraction).problems(MORNING_AFTER) == [
            "the part done must be between 0 and 100%"
        ]
    # A start in the future is reason enough; its end is not named a second time.
    assert cases["the start is in the future"].problems(MORNING_AFTER) == [
        "the start is in the future"
    ]
    assert journal.sessions() == []
    journal.close()
    assert raw_sessions(path) == []


def test_a_session_changed_by_hand_keeps_its_offset_and_skipped_steps(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    journal, _ = Journal.open(path)
    journal.add_session(report(finished=False))
    (recorded,) = journal.sessions()
    # Corrected from a place two hours ahead: the times stay those of the evening lived.
    corrected = dataclasses.replace(
        recorded,
        started=recorded.started - timedelta(minutes=30),
        completed=0.4,
        finished=False,
    )
    journal.update_session(corrected, MORNING_AFTER.astimezone(timezone(timedelta(hours=3))))
    (stored,) = journal.sessions()
    assert stored == corrected
    assert stored.started == datetime(2026, 11, 25, 21, 30, tzinfo=EVENING)
    assert stored.started.utcoffset() == timedelta(hours=1)
    assert stored.skipped_steps == (2, 4)
    ((_, _, started_utc, offset, _, completed, skipped, _, _),) = raw_sessions(path)
    assert (started_utc, offset, completed, skipped) == (
        datetime(2026, 11, 25, 20, 30, tzinfo=UTC).isoformat(),
        60,
        0.4,
        "2,4",
    )
    journal.close()


def test_a_refused_or_missing_session_change_leaves_the_diary_as_it_was(tmp_path: Path) -> None:
    from app.core.errors import WriteError
    from app.core.journal import EpisodeRefusedError

    path = tmp_path / "journal.sqlite3"
    journal, _ = Journal.open(path)
    session_id = journal.add_session_by_hand(by_hand(), MORNING_AFTER)
    before = raw_sessions(path)
    stored = by_hand(id=session_id)
    # The old name still catches refusals, sessions' as well as cramps'.
    with pytest.raises(EpisodeRefusedError, match="ends before it starts"):
        journal.update_session(
            dataclasses.replace(stored, ended=stored.started - timedelta(1)), MORNING_AFTER
        )
    with pytest.raises(WriteError, match="no session 999"):
        journal.update_session(dataclasses.replace(stored, id=999), MORNING_AFTER)
    assert raw_sessions(path) == before
    journal.close()


# Moments where the night computed by SQLite could part from night_of: the last instants
# before noon (SQLite rounds fractions of a second to the millisecond), offsets with 30 and 45
# minutes, the ends of the range of offsets, both sides of the changes of clocks (02:30 twice
# in October), a leap day, the turn of a year in UTC but not locally, and before 1970.
BERLIN = ZoneInfo("Europe/Berlin")
TRICKY_MOMENTS = [
    datetime(2026, 3, 4, 11, 59, 59, 999999, tzinfo=EVENING),
    datetime(2026, 3, 4, 11, 59, 59, 999600, tzinfo=EVENING),
    datetime(2026, 3, 4, 11, 59, 59, 999500, tzinfo=EVENING),
    datetime(2026, 3, 4, 12, 0, tzinfo=EVENING),
    datetime(2026, 3, 4, 12, 0, 0, 1, tzinfo=EVENING),
    datetime(2026, 3, 4, 0, 0, tzinfo=EVENING),
    datetime(2026, 3, 3, 23, 59, 59, 999999, tzinfo=EVENING),
    datetime(2026, 3, 4, 3, 0, tzinfo=timezone(timedelta(hours=5, minutes=30))),
    datetime(2026, 3, 4, 11, 45, tzinfo=timezone(timedelta(hours=5, minutes=30))),
    datetime(2026, 3, 4, 12, 15, tzinfo=timezone(timedelta(hours=5, minutes=30))),
    datetime(2026, 3, 4, 11, 59, tzinfo=timezone(timedelta(hours=5, minutes=45))),
    datetime(2026, 3, 4, 12, 0, tzinfo=timezone(timedelta(hours=5, minutes=45))),
    datetime(2026, 3, 4, 11, 59, tzinfo=timezone(-timedelta(hours=3, minutes=30))),
    datetime(2026, 3, 4, 12, 0, tzinfo=timezone(-timedelta(hours=3, minutes=30))),
    datetime(2026, 3, 4, 23, 0, tzinfo=timezone(-timedelta(hours=3, minutes=30))),
    datetime(2026, 1, 1, 11, 0, tzinfo=timezone(timedelta(hours=14))),
    datetime(2026, 1, 1, 12, 0, tzinfo=timezone(timedelta(hours=14))),
    datetime(2025, 12, 31, 12, 0, tzinfo=timezone(timedelta(hours=-12))),
    datetime(2026, 1, 1, 11, 59, tzinfo=timezone(timedelta(hours=-12))),
    datetime(2026, 6, 1, 11, 50, tzinfo=timezone(timedelta(hours=12, minutes=45))),
    datetime(2026, 10, 25, 2, 30, tzinfo=BERLIN, fold=0),
    datetime(2026, 10, 25, 2, 30, tzinfo=BERLIN, fold=1),
    datetime(2026, 3, 29, 1, 59, tzinfo=BERLIN),
    datetime(2026, 3, 29, 3, 0, tzinfo=BERLIN),
    datetime(2026, 3, 29, 11, 59, 59, tzinfo=BERLIN),
    datetime(2028, 2, 29, 11, 0, tzinfo=EVENING),
    datetime(2028, 3, 1, 3, 0, tzinfo=EVENING),
    datetime(1969, 12, 31, 22, 0, tzinfo=timezone(timedelta(hours=-5))),
    datetime(1900, 6, 1, 3, 0, tzinfo=UTC),
]
FAR_FUTURE = datetime(2100, 1, 1, tzinfo=UTC)


def store_at(journal: Journal, moments: list[datetime]) -> None:
    """A session and an episode starting at each moment."""
    for moment in moments:
        journal.add_session(
            SessionReport("evening-stretch", moment, moment + timedelta(minutes=9), 1.0, (), True)
        )
        journal.add_episode(Episode(moment, timedelta(minutes=3), "left", "mild"), FAR_FUTURE)


def assert_days_match(journal: Journal, day_start_hour: int) -> None:
    """Each dated row's day and hour are those of its record, by the clock it was lived by."""
    shift = timedelta(hours=day_start_hour)
    sessions = {s.id: s for s in journal.sessions()}
    for session_id, _, _, _, day in journal.dated_sessions(day_start_hour):
        started = sessions[session_id].started
        assert day == (started - shift).date().toordinal(), started
    episodes = {e.id: e for e in journal.episodes()}
    for episode_id, _, _, day, hour in journal.dated_episodes(day_start_hour):
        started = episodes[episode_id].started
        assert day == (started - shift).date().toordinal(), started
        assert hour == started.hour, started


def test_sqlite_dates_every_record_as_night_of_does(tmp_path: Path) -> None:
    journal, _ = Journal.open(tmp_path / "journal.sqlite3")
    store_at(journal, TRICKY_MOMENTS)
    # The night, as the diary counts it, is the day that starts at noon.
    nights = [date.fromordinal(row[4]) for row in journal.dated_sessions(NIGHT_CUTOFF_HOUR)]
    assert sorted(nights) == sorted(night_of(moment) for moment in TRICKY_MOMENTS)
    assert night_of(TRICKY_MOMENTS[1]) == date(2026, 3, 3)  # 0.4 ms before noon
    for day_start_hour in (0, 4, NIGHT_CUTOFF_HOUR, 23):
        assert_days_match(journal, day_start_hour)
    journal.close()


def test_sqlite_dates_random_moments_in_any_offset_as_python_does(tmp_path: Path) -> None:
    journal, _ = Journal.open(tmp_path / "journal.sqlite3")
    rng = random.Random(20260331)
    moments = []
    for _ in range(400):
        offset = timezone(timedelta(minutes=rng.randrange(-12 * 60, 14 * 60 + 1, 15)))
        moment = datetime(2000, 1, 1, tzinfo=UTC) + timedelta(
            seconds=rng.randrange(40 * 365 * 86400), microseconds=rng.randrange(1_000_000)
        )
        if rng.random() < 0.3:  # many close to a local noon
            local = moment.astimezone(offset)
            moment = local.replace(hour=rng.choice((11, 12)), minute=rng.choice((0, 59)))
        moments.append(moment.astimezone(offset))
    store_at(journal, moments)
    for day_start_hour in (0, NIGHT_CUTOFF_HOUR):
        assert_days_match(journal, day_start_hour)
    journal.close()


def test_dated_rows_come_in_the_order_of_the_records(tmp_path: Path) -> None:
    journal, _ = Journal.open(tmp_path / "journal.sqlite3")
    # Stored out of time order (one entered by hand days later), and two at the same moment.
    store_at(journal, [TRICKY_MOMENTS[3], TRICKY_MOMENTS[0], TRICKY_MOMENTS[3]])
    journal.add_session_by_hand(by_hand(), MORNING_AFTER)
    assert [row[0] for row in journal.dated_sessions(12)] == [s.id for s in journal.sessions()]
    assert [row[0] for row in journal.dated_episodes(12)] == [e.id for e in journal.episodes()]
    assert [row[2] for row in journal.dated_episodes(12)] == ["mild"] * 3
    journal.close()


def test_a_record_is_read_by_its_id(tmp_path: Path) -> None:
    journal, _ = Journal.open(tmp_path / "journal.sqlite3")
    store_at(journal, TRICKY_MOMENTS[:2])
    for session in journal.sessions():
        assert journal.session(session.id) == session
    for episode in journal.episodes():
        assert journal.episode(episode.id) == episode
    assert journal.session(999) is None
    assert journal.episode(999) is None
    journal.close()
