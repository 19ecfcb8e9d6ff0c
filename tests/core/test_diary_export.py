"""The diary's CSV export: one header, ISO 8601 with offsets, in time order, written whole."""

from __future__ import annotations

import csv
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from app.core.diary_export import COLUMNS, export_csv
from app.core.errors import WriteError
from app.core.journal import Episode, Journal
from app.core.player import SessionReport

WINTER = timezone(timedelta(hours=1))
SUMMER = timezone(timedelta(hours=2))


def filled(tmp_path: Path) -> Journal:
    journal, _ = Journal.open(tmp_path / "journal.sqlite3")
    start = datetime(2026, 7, 1, 22, 0, tzinfo=SUMMER)
    journal.add_session(
        SessionReport("evening-stretch", start, start + timedelta(minutes=9), 1.0, (), True)
    )
    journal.add_episode(
        Episode(datetime(2026, 7, 2, 3, 0, tzinfo=SUMMER), timedelta(minutes=4), "right", "mild"),
        datetime(2026, 7, 2, 9, 0, tzinfo=SUMMER),
    )
    earlier = datetime(2026, 1, 10, 22, 30, tzinfo=WINTER)
    journal.add_session(
        SessionReport("before-sleep", earlier, earlier + timedelta(minutes=3), 0.5, (1,), False)
    )
    return journal


def test_csv_has_one_header_and_every_record_in_time_order(tmp_path: Path) -> None:
    journal = filled(tmp_path)
    target = tmp_path / "diary.csv"
    assert export_csv(journal, target) == 3
    rows = list(csv.reader(target.read_text().splitlines()))
    assert tuple(rows[0]) == COLUMNS
    assert [row[0] for row in rows[1:]] == ["routine", "routine", "cramp"]
    assert rows[1][1:7] == [
        "2026-01-10T22:30:00+01:00",
        "2026-01-10T22:33:00+01:00",
        "3.0",
        "before-sleep",
        "50",
        "no",
    ]
    assert rows[3][1] == "2026-07-02T03:00:00+02:00"  # the offset it was lived in
    assert rows[3][7:9] == ["right", "mild"]
    journal.close()


def test_an_unwritable_path_gets_a_clear_error_and_leaves_nothing(tmp_path: Path) -> None:
    journal = filled(tmp_path)
    missing = tmp_path / "no-such-folder" / "sub" / "diary.csv"
    (tmp_path / "no-such-folder").write_text("a file where a folder should be")
    with pytest.raises(WriteError) as error:
        export_csv(journal, missing)
    assert error.value.reason
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "journal.sqlite3",
        "journal.sqlite3-shm",
        "journal.sqlite3-wal",
        "no-such-folder",
    ]
    journal.close()
