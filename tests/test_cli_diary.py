"""Exports of a diary that is busy, from a newer Unknot, or holds unreadable rows: one line
on stderr, the right exit code, and the diary left exactly as it was."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from app.cli import main
from app.core.journal import SCHEMA_VERSION, Episode, Journal
from app.core.storage import AppPaths
from tests.core.diary_faults import locked_by_another_program


def kept_files(path: Path) -> list[str]:
    """The diary's folder, less SQLite's own -wal and -shm companions."""
    return sorted(p.name for p in path.parent.iterdir() if not p.name.endswith(("-wal", "-shm")))


def diary(unknot_home: Path, cramps: int = 2) -> Path:
    path = AppPaths.resolve(unknot_home).journal_file
    journal, _ = Journal.open(path)
    night = datetime.now().astimezone() - timedelta(days=1)
    for minutes in range(1, cramps + 1):
        journal.add_episode(Episode(night, timedelta(minutes=minutes)), night + timedelta(hours=1))
    journal.close()
    return path


def test_a_locked_diary_is_not_exported_as_empty(
    unknot_home: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app.core import journal as journal_module

    monkeypatch.setattr(journal_module, "BUSY_TIMEOUT_S", 0.05)
    path = diary(unknot_home)
    with locked_by_another_program(path, exclusive_mode=True):
        assert main(["--export-diary", str(tmp_path / "d.csv")]) == 1
    captured = capsys.readouterr()
    assert captured.err == "unknot: The diary is in use by another program; try again.\n"
    assert "record" not in captured.out
    assert not (tmp_path / "d.csv").exists()
    assert kept_files(path) == ["journal.sqlite3"]


def test_a_diary_from_a_newer_unknot_is_named_and_left_alone(
    unknot_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = diary(unknot_home)
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 3}")
    db.close()
    before = path.read_bytes()
    for command in (
        ["--export-diary", str(tmp_path / "d.csv")],
        ["--export-report", str(tmp_path / "r.pdf")],
    ):
        assert main(command) == 1
        assert capsys.readouterr().err == (
            "unknot: This diary was written by a newer version of Unknot "
            f"(schema {SCHEMA_VERSION + 3}); it was left as it is.\n"
        )
    assert path.read_bytes() == before
    assert kept_files(path) == ["journal.sqlite3"]


def test_unreadable_rows_are_named_and_the_good_ones_exported(
    unknot_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = diary(unknot_home, cramps=3)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE episode SET started_utc = 'not a date' WHERE id = 2")
        db.execute("UPDATE episode SET utc_offset_min = 99999 WHERE id = 3")
    db.close()
    target = tmp_path / "d.csv"
    assert main(["--export-diary", str(target)]) == 0
    captured = capsys.readouterr()
    assert captured.err == (
        "unknot: 2 records could not be read and were left out (episode 2, episode 3); "
        "the diary keeps them as they are\n"
    )
    assert captured.out == f"1 record(s) written to {target}\n"
    assert len(target.read_text().splitlines()) == 2  # the header and the good cramp
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT COUNT(*) FROM episode").fetchone()[0] == 3
    db.close()


def test_a_damaged_diary_is_not_set_aside_by_an_export(
    unknot_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = AppPaths.resolve(unknot_home).journal_file
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a database at all" * 100)
    assert main(["--export-diary", str(tmp_path / "d.csv")]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"unknot: cannot read the diary {path}: ")
    assert err.count("\n") == 1
    assert kept_files(path) == ["journal.sqlite3"]
