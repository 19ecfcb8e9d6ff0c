"""Replaying 1,000 records that waited for the diary (the pending file), against a floor.

    uv run python tests/benchmarks/bench_pending.py

Figure to reach: under 1 s for 1,000 records. The floor, measured in the same run, is the
same 1,000 rows written by plain sqlite3 into a WAL database, one transaction each (what
the diary needs to promise each record on its own), without reading any file.
"""

from __future__ import annotations

import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from app.core.diary_writer import DiaryWriter  # noqa: E402
from app.core.journal import Episode, Journal  # noqa: E402

COUNT = 1000
ROUNDS = 5
NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


def ours(folder: Path) -> float:
    pending = folder / "pending.jsonl"
    waiting = DiaryWriter(lambda: None, pending, lambda: NOW)
    for minute in range(COUNT):
        waiting.put(Episode(NOW - timedelta(minutes=minute + 10), timedelta(minutes=3)))
    journal, _ = Journal.open(folder / "journal.sqlite3")
    started = time.perf_counter()
    replay = DiaryWriter(lambda: journal, pending, lambda: NOW)
    assert replay.load_pending() == COUNT
    assert replay.flush()
    took = time.perf_counter() - started
    assert len(journal.episodes()) == COUNT
    journal.close()
    return took


def floor(folder: Path) -> float:
    db = sqlite3.connect(folder / "floor.sqlite3", isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("CREATE TABLE episode (id INTEGER PRIMARY KEY, started TEXT, duration REAL)")
    started = time.perf_counter()
    for minute in range(COUNT):
        db.execute("BEGIN IMMEDIATE")
        db.execute(
            "INSERT INTO episode (started, duration) VALUES (?, ?)",
            ((NOW - timedelta(minutes=minute)).isoformat(), 180.0),
        )
        db.execute("COMMIT")
    took = time.perf_counter() - started
    db.close()
    return took


def main() -> None:
    ours_times, floor_times = [], []
    for round_number in range(ROUNDS):
        with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
            # Taken in turns, so neither always meets a warm or a cold disk first.
            if round_number % 2:
                ours_times.append(ours(Path(a)))
                floor_times.append(floor(Path(b)))
            else:
                floor_times.append(floor(Path(b)))
                ours_times.append(ours(Path(a)))
    mine, base = statistics.median(ours_times), statistics.median(floor_times)
    print(
        f"replay {COUNT} pending records: ours {mine * 1000:.0f} ms, floor {base * 1000:.0f} ms,"
        f" ratio {mine / base:.2f} (limit 1000 ms), median of {ROUNDS}"
    )


if __name__ == "__main__":
    main()
