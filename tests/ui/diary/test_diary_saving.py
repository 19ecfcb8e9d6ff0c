"""The interface says "saved" only after the diary committed, asks before a quit would lose
a record, and shows a diary with unreadable rows without crashing."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import windows
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.core.content import load_content
from app.core.diary_store import DiaryStore
from app.core.journal import Episode, Journal
from app.core.resources import ASSETS_DIR
from app.core.storage import AppPaths
from app.ui.diary.diary_saving import DiarySaving, waiting_text
from app.ui.shell.main_window import MainWindow


def window_with_diary(qtbot: QtBot, paths: AppPaths) -> tuple[MainWindow, object]:
    window, clock, _ = windows.make_window(qtbot, paths, relief_full_screen=False)
    window.set_content(load_content(ASSETS_DIR / "content", ASSETS_DIR))
    store = DiaryStore(paths.journal_file, paths.pending_records_file, clock.now, 0.05)
    store.open()
    window.use_diary(DiarySaving(store, window))
    return window, clock


def relief_to_the_form(qtbot: QtBot, window: MainWindow, clock: object) -> None:
    relief = window.show_relief()
    qtbot.keyClick(relief, Qt.Key.Key_Return)  # the position offered
    clock.advance(60)  # type: ignore[attr-defined]
    qtbot.keyClick(relief, Qt.Key.Key_Return)  # "It's gone"
    assert relief.pages.currentWidget() is relief._form


def test_the_relief_form_says_in_your_diary_only_after_the_commit(
    qtbot: QtBot, paths: AppPaths
) -> None:
    window, clock = window_with_diary(qtbot, paths)
    relief_to_the_form(qtbot, window, clock)
    form = window._relief._form  # type: ignore[union-attr]
    assert form is not None
    assert form.saved_label.text() == "It is in your diary. If you like, say a little more:"
    journal, _ = Journal.open(paths.journal_file)
    (episode,) = journal.episodes()
    assert episode.finished and episode.duration == timedelta(seconds=60)
    journal.close()


def test_a_read_only_diary_never_claims_the_cramp_was_saved(qtbot: QtBot, paths: AppPaths) -> None:
    journal, _ = Journal.open(paths.journal_file)
    journal.close()
    window, clock, _ = windows.make_window(qtbot, paths, relief_full_screen=False)
    store = DiaryStore(paths.journal_file, paths.pending_records_file, clock.now)
    store.open()
    assert store.journal is not None
    store.journal.writable = False  # what a full or read-only disk leaves (tmpfs tests in core)
    window.use_diary(DiarySaving(store, window))
    relief_to_the_form(qtbot, window, clock)
    form = window._relief._form  # type: ignore[union-attr]
    assert form is not None
    assert form.saved_label.text() == (
        "Not saved yet: Unknot keeps it and tries again. If you like, say a little more:"
    )
    assert paths.pending_records_file.exists()  # kept on disk for the next start
    assert window.saving.retrying


def test_quit_with_a_cramp_only_in_memory_asks_and_keep_open_keeps_it(
    qtbot: QtBot, paths: AppPaths, tmp_path: Path
) -> None:
    window, clock, _ = windows.make_window(qtbot, paths, relief_full_screen=False)
    # Neither the diary nor the state folder can take it: the state folder is a file.
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("")
    store = DiaryStore(blocked / "j.sqlite3", blocked / "pending.jsonl", clock.now)
    saving = DiarySaving(store, window)
    window.use_diary(saving)
    saving.save(Episode(clock.now() - timedelta(minutes=5), timedelta(minutes=3)))
    assert waiting_text(store.writer.waiting_in_memory) == "1 cramp is not saved yet"

    answers: list[str] = []

    def answer(button_text: str) -> None:
        box = saving.quit_box
        answers.append(box.text())
        (button,) = [b for b in box.buttons() if b.text() == button_text]
        button.click()

    QTimer.singleShot(0, lambda: answer("Keep Unknot open"))
    window.quit_app()
    assert answers == ["1 cramp is not saved yet."]
    assert window.isVisible()  # still open, the cramp still kept
    assert len(store.writer.waiting_in_memory) == 1
    QTimer.singleShot(0, lambda: answer("Quit anyway"))
    window.quit_app()
    assert not window.isVisible()


def test_the_diary_page_opens_with_an_unreadable_row_and_says_so(
    qtbot: QtBot, paths: AppPaths
) -> None:
    journal, _ = Journal.open(paths.journal_file)
    from app.core.clock import FakeClock

    now = FakeClock().now()
    for minutes in (1, 2, 3):
        journal.add_episode(Episode(now - timedelta(days=minutes), timedelta(minutes=2)), now)
    journal.close()
    with sqlite3.connect(paths.journal_file) as db:
        db.execute("UPDATE episode SET started_utc = 'not a date' WHERE id = 2")
        db.execute("UPDATE episode SET utc_offset_min = 99999 WHERE id = 3")
    db.close()
    window, _ = window_with_diary(qtbot, paths)
    window.show_diary()
    page = window._diary_page
    assert page is not None
    qtbot.waitUntil(lambda: page.summary is not None)
    assert page.diary_status_label.text() == (
        "2 records could not be read and were left as they are."
    )
    assert page.diary_status_label.isVisible()
    page.grab()  # painted without a fault
    assert QApplication.instance() is not None


def test_closing_the_window_leaves_no_read_of_the_closed_diary(
    qtbot: QtBot, paths: AppPaths
) -> None:
    window, clock = window_with_diary(qtbot, paths)
    window.show_diary()
    page = window._diary_page
    assert page is not None
    window.show_list()
    relief_to_the_form(qtbot, window, clock)  # the diary changes: a read waits for idle
    assert page._index is None
    window.close()
    assert page.journal is None
    qtbot.waitUntil(lambda: not page._idle_read.isActive())  # and it ran without a fault
