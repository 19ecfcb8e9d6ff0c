"""Routine sessions in the diary: changed by hand, refused when wrong, added when done elsewhere."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.core.clock import FakeClock
from app.core.journal import Journal, SessionRecord
from app.core.player import SessionReport
from app.ui.diary.diary_view import DiaryView
from app.ui.diary.session_dialog import SessionDialog

HOME = timezone(timedelta(hours=1))
TRIP = timezone(timedelta(hours=3))  # where the diary is opened: the sessions were lived at home
NOW = datetime(2026, 3, 31, 9, 0, tzinfo=TRIP)
TITLES = {"evening-stretch": "Evening calf stretch", "morning-calves": "Morning calves"}
# The player measures to the second; the form shows minutes.
YESTERDAY = datetime(2026, 3, 30, 22, 0, 30, tzinfo=HOME)
STOPPED = datetime(2026, 3, 28, 22, 15, tzinfo=HOME)


def utc_text(lived: datetime) -> str:
    """How SQLite holds a moment: in UTC (the offset is a column of its own)."""
    return lived.astimezone(UTC).isoformat()


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    opened, _ = Journal.open(tmp_path / "journal.sqlite3")
    opened.add_session(
        SessionReport(
            "evening-stretch", YESTERDAY, YESTERDAY + timedelta(minutes=9), 0.8, (1,), True
        )
    )
    opened.add_session(
        SessionReport("evening-stretch", STOPPED, STOPPED + timedelta(minutes=4), 0.4, (), False)
    )
    yield opened
    opened.close()


def make_view(qtbot: QtBot, journal: Journal, titles: dict[str, str]) -> DiaryView:
    widget = DiaryView(journal, FakeClock(NOW), titles)
    qtbot.addWidget(widget)
    widget.resize(1100, 720)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def view(qtbot: QtBot, journal: Journal) -> DiaryView:
    return make_view(qtbot, journal, TITLES)


def stored(journal: Journal) -> list[tuple[object, ...]]:
    """The session table as SQLite holds it, in the order added: yesterday's, the stopped one."""
    with contextlib.closing(sqlite3.connect(journal.path)) as db:
        return db.execute(
            "SELECT routine_id, started_utc, utc_offset_min, ended_utc, completed,"
            " skipped_steps, finished FROM session ORDER BY id"
        ).fetchall()


def open_session(view: DiaryView, journal: Journal, started: datetime) -> SessionDialog:
    """Select the session that started then, and press Change."""
    (session,) = [s for s in journal.sessions() if s.started == started]
    view.records_view.selectRow(view.records.row_of(session.id, SessionRecord))
    assert view.change_button.isEnabled()
    dialog = view.change_selected()
    assert isinstance(dialog, SessionDialog)
    assert dialog.isVisible()
    return dialog


def shown(dialog: SessionDialog) -> tuple[str, str, str, str, str, bool]:
    return (
        dialog.routine_box.currentText(),
        dialog.start_edit.dateTime().toString("yyyy-MM-dd HH:mm"),
        dialog.end_edit.dateTime().toString("yyyy-MM-dd HH:mm"),
        dialog.done_box.currentText(),
        dialog.percent_edit.text(),
        dialog.percent_edit.isEnabled(),
    )


def test_a_double_click_on_a_routine_opens_it_and_the_change_is_saved(
    qtbot: QtBot, view: DiaryView, journal: Journal
) -> None:
    row = view.records.row_of(journal.sessions()[-1].id, SessionRecord)  # yesterday's
    cell = view.records_view.visualRect(view.records.index(row, 1)).center()
    qtbot.mouseClick(view.records_view.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.mouseDClick(view.records_view.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    dialog = view.session_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "Change a routine"
    # As lived at home, not as the clock on the trip would put it.
    assert shown(dialog) == (
        "Evening calf stretch",
        "2026-03-30 22:00",
        "2026-03-30 22:09",
        "All of it",
        "100 %",
        False,
    )
    assert dialog.length_label.text() == "9 min"
    dialog.routine_box.setCurrentIndex(dialog.routine_box.findData("morning-calves"))
    dialog.start_edit.setDateTime(dialog.start_edit.dateTime().addSecs(-10 * 60))
    with qtbot.waitSignal(view.diary_changed):
        dialog.save_button.click()
    assert not dialog.isVisible()
    assert stored(journal)[0] == (
        "morning-calves",
        utc_text(datetime(2026, 3, 30, 21, 50, tzinfo=HOME)),
        60,  # still the offset it was done in
        utc_text(YESTERDAY + timedelta(minutes=9)),  # untouched: the seconds the player measured
        0.8,  # played to the end with a step skipped: not rounded to "all of it"
        "1",
        1,
    )
    assert stored(journal)[1][0] == "evening-stretch"  # the other one is as it was
    assert view.status_label.text() == "Routine changed."
    assert view.records.cells(0)[1:3] == ("Routine: Morning calves", "20 min")


def test_how_much_was_done_can_be_changed_both_ways(
    qtbot: QtBot, view: DiaryView, journal: Journal
) -> None:
    dialog = open_session(view, journal, YESTERDAY)
    dialog.done_box.setCurrentIndex(dialog.done_box.findData(False))
    assert (dialog.percent_edit.isEnabled(), dialog.percent_edit.value()) == (True, 50)
    with qtbot.waitSignal(view.diary_changed):
        dialog.save_button.click()
    assert stored(journal)[0][4:] == (0.5, "1", 0)
    assert view.routines_tile.value.text() == "0"  # a stopped routine is not one done
    dialog = open_session(view, journal, STOPPED)
    assert shown(dialog)[3:] == ("Stopped part-way", "40 %", True)
    dialog.done_box.setCurrentIndex(dialog.done_box.findData(True))
    assert (dialog.percent_edit.isEnabled(), dialog.percent_edit.value()) == (False, 100)
    with qtbot.waitSignal(view.diary_changed):
        dialog.save_button.click()
    assert stored(journal)[1][4:] == (1.0, "", 1)
    assert view.routines_tile.value.text() == "1"


def test_a_refused_change_says_why_and_changes_nothing(
    qtbot: QtBot, view: DiaryView, journal: Journal
) -> None:
    before = stored(journal)
    dialog = open_session(view, journal, STOPPED)
    with qtbot.assertNotEmitted(view.diary_changed):
        dialog.end_edit.setDateTime(dialog.start_edit.dateTime().addSecs(-60))
        assert dialog.length_label.text() == "–"
        dialog.save_button.click()
        assert dialog.isVisible()
        assert dialog.problem_label.isVisible()
        assert dialog.problem_label.text() == "It ends before it starts."
        dialog.end_edit.setDateTime(dialog.start_edit.dateTime().addDays(2))
        dialog.save_button.click()
        assert dialog.problem_label.text() == (
            "A routine of more than a day cannot be right; check the times."
        )
        dialog.start_edit.setDateTime(dialog.start_edit.dateTime().addDays(3))
        dialog.end_edit.setDateTime(dialog.start_edit.dateTime().addSecs(60))
        dialog.save_button.click()
        assert dialog.problem_label.text() == "The start is in the future."
        assert dialog.isVisible()
        dialog.reject()
    assert stored(journal) == before
    assert view.status_label.text() == ""


def test_a_routine_done_without_the_app_is_added_from_the_diary(
    qtbot: QtBot, view: DiaryView, journal: Journal
) -> None:
    view.add_session_button.click()
    dialog = view.session_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "Add a routine done"
    # Just done, on the clock where the user is now.
    assert shown(dialog) == (
        "Evening calf stretch",
        "2026-03-31 08:50",
        "2026-03-31 09:00",
        "All of it",
        "100 %",
        False,
    )
    dialog.end_edit.setDateTime(dialog.end_edit.dateTime().addSecs(60))
    dialog.save_button.click()
    assert dialog.problem_label.text() == "The end is in the future."
    assert len(stored(journal)) == 2
    dialog.routine_box.setCurrentIndex(dialog.routine_box.findData("morning-calves"))
    dialog.end_edit.setDateTime(dialog.end_edit.dateTime().addSecs(-60))
    with qtbot.waitSignal(view.diary_changed):
        dialog.save_button.click()
    assert stored(journal)[2] == (
        "morning-calves",
        utc_text(NOW - timedelta(minutes=10)),
        180,
        utc_text(NOW),
        1.0,
        "",
        1,
    )
    assert view.status_label.text() == "Routine saved."
    assert view.records.cells(0)[1] == "Routine: Morning calves"
    assert view.routines_tile.value.text() == "2"


def test_without_routines_to_choose_from_nothing_is_added(qtbot: QtBot, journal: Journal) -> None:
    view = make_view(qtbot, journal, {})
    dialog = view.add_routine_done()
    assert dialog.routine_box.count() == 0
    dialog.save_button.click()
    assert dialog.problem_label.text() == "No routine is chosen."
    assert len(stored(journal)) == 2


def test_a_routine_gone_from_the_library_stays_the_routine_of_its_session(
    qtbot: QtBot, journal: Journal
) -> None:
    view = make_view(qtbot, journal, {"morning-calves": "Morning calves"})
    dialog = open_session(view, journal, YESTERDAY)
    assert dialog.routine_box.currentText() == "evening-stretch"
    dialog.end_edit.setDateTime(dialog.end_edit.dateTime().addSecs(60))
    with qtbot.waitSignal(view.diary_changed):
        dialog.save_button.click()
    assert stored(journal)[0][0] == "evening-stretch"
    assert stored(journal)[0][3] == utc_text(datetime(2026, 3, 30, 22, 10, tzinfo=HOME))


def test_without_a_diary_no_routine_can_be_added(qtbot: QtBot) -> None:
    widget = DiaryView(None, FakeClock(NOW), TITLES)
    qtbot.addWidget(widget)
    widget.show()
    assert not widget.add_session_button.isEnabled()
