"""CSV export of ten years of diary: about 3,650 sessions and 2,000 cramp episodes.

    uv run python tests/benchmarks/bench_diary_export.py

Figure to reach: under 0.5 s. The floor: the same rows, already in memory, written with the
csv module to a file, in the same run.
"""

from __future__ import annotations

import csv
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))

from app.core.diary_export import diary_csv, export_csv
from app.core.journal import Episode, Journal
from app.core.player import SessionReport

ZONE = timezone(timedelta(hours=1))


def fill(journal: Journal) -> None:
    start = datetime(2016, 1, 1, 22, 0, tzinfo=ZONE)
    now = datetime(2026, 1, 1, tzinfo=ZONE)
    for day in range(3650):
        began = start + timedelta(days=day)
        journal.add_session(
            SessionReport("evening-stretch", began, began + timedelta(minutes=9), 1.0, (), True)
        )
        if day % 18 < 10:  # about 2,000 cramps
            journal.add_episode(
                Episode(began + timedelta(hours=5), timedelta(minutes=4), "left", "moderate"),
                now,
            )


def main() -> int:
    folder = Path(tempfile.mkdtemp(prefix="unknot-diary-"))
    journal, _ = Journal.open(folder / "journal.sqlite3")
    fill(journal)
    rows = [line.split(",") for line in diary_csv(journal)[0].splitlines()]
    ours, floor = [], []
    for _ in range(5):
        started = time.perf_counter()
        count = export_csv(journal, folder / "diary.csv")
        ours.append(time.perf_counter() - started)
        started = time.perf_counter()
        with (folder / "floor.csv").open("w", newline="") as handle:
            csv.writer(handle).writerows(rows)
        floor.append(time.perf_counter() - started)
    ours_s, floor_s = statistics.median(ours), statistics.median(floor)
    print(f"{count} records")
    print(
        f"CSV export: ours {ours_s * 1000:.1f} ms, floor {floor_s * 1000:.1f} ms, "
        f"ratio {ours_s / floor_s:.1f} (limit 500 ms)"
    )
    journal.close()
    return 0 if ours_s < 0.5 else 1


if __name__ == "__main__":
    sys.exit(main())
