"""Relief episodes reach the diary even when it is locked, damaged or not open yet."""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.core.diary_writer import DiaryWriter, Saved
from app.core.episode_keeper import EpisodeKeeper
from app.core.journal import MAX_EPISODE, Episode, Journal

NOW = datetime(2026, 11, 25, 3, 30, tzinfo=UTC)
STARTED = NOW - timedelta(minutes=4)


def keeper_for(tmp_path: Path, journal: Journal | list[Journal] | None) -> EpisodeKeeper:
    if isinstance(journal, list):
        opened = journal
        writer = DiaryWriter(
            lambda: opened[0] if opened else None, tmp_path / "p.jsonl", lambda: NOW
        )
    else:
        writer = DiaryWriter(lambda: journal, tmp_path / "p.jsonl", lambda: NOW)
    return EpisodeKeeper(writer)


def test_an_episode_is_stored_then_completed_in_place(tmp_path: Path) -> None:
    journal, _ = Journal.open(tmp_path / "journal.sqlite3")
    keeper = keeper_for(tmp_path, journal)
    number = keeper.new()
    assert keeper.save(number, Episode(STARTED, timedelta(0), finished=False)).saved is Saved.SAVED
    done = Episode(STARTED, timedelta(minutes=4), "left", "severe", ("Toes up",))
    assert keeper.save(number, done).saved is Saved.SAVED
    [stored] = journal.episodes()
    assert stored == dataclasses.replace(done, id=keeper.stored_id(number), uid=stored.uid)
    journal.close()


def test_a_locked_diary_keeps_the_episode_on_disk_until_it_frees(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    journal, _ = Journal.open(path, busy_timeout_s=0.05)  # do not wait 2 s in a test
    keeper = keeper_for(tmp_path, journal)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another process holds the write lock
    number = keeper.new()
    outcome = keeper.save(number, Episode(STARTED, timedelta(minutes=2)))
    assert outcome.saved is Saved.KEPT_ON_DISK
    assert keeper.waiting == 1
    other.execute("ROLLBACK")
    other.close()
    assert keeper.flush()
    assert keeper.waiting == 0
    assert [e.duration for e in journal.episodes()] == [timedelta(minutes=2)]
    journal.close()


def test_no_diary_yet_then_one_opens(tmp_path: Path) -> None:
    opened: list[Journal] = []
    keeper = keeper_for(tmp_path, opened)
    first, second = keeper.new(), keeper.new()
    assert keeper.save(first, Episode(STARTED, timedelta(minutes=1), finished=False)).saved is (
        Saved.KEPT_ON_DISK
    )
    assert keeper.save(second, Episode(STARTED, timedelta(minutes=3))).saved is Saved.KEPT_ON_DISK
    journal, _ = Journal.open(tmp_path / "journal.sqlite3")
    opened.append(journal)
    assert keeper.flush()
    assert [e.finished for e in journal.episodes()] == [False, True]
    journal.close()


def test_a_screen_left_open_for_days_is_stored_as_a_day(tmp_path: Path) -> None:
    journal, _ = Journal.open(tmp_path / "journal.sqlite3")
    keeper = keeper_for(tmp_path, journal)
    long_ago = NOW - timedelta(days=3)
    keeper.save(keeper.new(), Episode(long_ago, timedelta(days=3), finished=False))
    assert journal.episodes()[0].duration == MAX_EPISODE
    journal.close()
