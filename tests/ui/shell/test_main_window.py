"""The main window's flows: list, start screen, player, finished; notices and first run."""

from __future__ import annotations

import argparse
from datetime import timedelta
from typing import TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from windows import make_window

from app.core.player import PlayerState
from app.core.settings import SettingsStore, Theme
from app.core.storage import AppPaths, socket_path
from app.desktop.instance_client import PrimaryLock
from app.ui.shell import application
from app.ui.shell.main_window import MainWindow
from app.ui.shell.theme import NIGHT

T = TypeVar("T", bound=QWidget)

# The relief sequence is played by "Cramp now", not listed.
ALL_ROUTINES = ["before-sleep", "evening-stretch", "gentle", "strength"]


def test_list_to_start_screen_to_player_to_finished(qtbot: QtBot, paths: AppPaths) -> None:
    window, clock, _ = make_window(qtbot, paths)
    assert [card.routine_id for card in window.list_page.cards] == ALL_ROUTINES
    window.list_page.focus_first()
    qtbot.keyClick(window.list_page.cards[0], Qt.Key.Key_Return)
    detail = window.pages.currentWidget()
    assert detail is window._detail_page
    assert (
        "Strong stretch, never pain."
        in detail._cautions.findChildren(type(detail._title))[0].text()
    )
    qtbot.mouseClick(detail.start_button, Qt.MouseButton.LeftButton)
    player = window._player_page
    assert window.pages.currentWidget() is player and player is not None
    assert player.player is not None
    while player.player.state is PlayerState.PLAYING:
        clock.advance((player.player.ms_until_next_wake() or 1) / 1000)
        player.advance()
    finished = window._finished_page
    assert window.pages.currentWidget() is finished and finished is not None
    assert finished.headline.text() == "Well done"
    # "Sleep well" in the night hours, by the machine's zone: the fake clock is in UTC.
    assert finished.words.text() in (
        "Before-sleep stretch, 2:40. Sleep well.",
        "Before-sleep stretch, 2:40. Take it easy.",
    )
    assert finished.skipped.isHidden()
    assert len(window.session_reports) == 1
    qtbot.keyClick(finished, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.list_page


def test_stopping_early_says_so(qtbot: QtBot, paths: AppPaths) -> None:
    window, clock, _ = make_window(qtbot, paths)
    window.start_routine("before-sleep")
    clock.advance(10)
    assert window._player_page is not None
    window._player_page.advance()
    window._player_page.stop()
    assert window._finished_page is not None
    assert window._finished_page.headline.text() == "Stopped early"


def test_theme_choice_is_saved_and_applied(qtbot: QtBot, paths: AppPaths) -> None:
    window, _, _ = make_window(qtbot, paths)
    window.set_theme(Theme.NIGHT)
    palette = QApplication.palette()
    assert palette.color(palette.ColorRole.Window).name() == NIGHT.window
    assert SettingsStore(paths.settings_file).load()[0].theme is Theme.NIGHT


def test_load_problems_are_shown_in_a_notice_not_a_traceback(qtbot: QtBot, paths: AppPaths) -> None:
    paths.user_routines_dir.mkdir(parents=True)
    (paths.user_routines_dir / "typo.yaml").write_text(
        "schema_version: 1\nid: typo\ntitle: Typo\nsteps:\n  - exercise: bs_01\n    rpes: 3\n"
    )
    window, _, _ = make_window(qtbot, paths)
    window.show_load_problems_notice()
    assert window.list_page.notice("problems").isVisible()
    assert window.list_page.notice("problems").text == (
        "typo.yaml has a problem, so part of it is left out. Everything else works as usual."
    )
    assert [card.routine_id for card in window.list_page.cards] == ALL_ROUTINES


def test_a_corrupt_settings_file_is_set_aside_and_the_app_starts(
    qtbot: QtBot, paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths.settings_file.write_text("theme: [oops\n")
    store = SettingsStore(paths.settings_file)
    _, problem = store.load()
    assert problem is not None
    window, _, _ = make_window(qtbot, paths, disclaimer_accepted=False)
    monkeypatch.setattr(MainWindow, "show_disclaimer", lambda self, first_run=False: True)
    lock = PrimaryLock(socket_path(paths.basedir))
    assert lock.acquire()
    args = argparse.Namespace(routine=None, basedir=paths.basedir)
    startup = application.Startup(QApplication.instance(), window, paths, lock, args)  # type: ignore[arg-type]
    startup.loaded = application.LoadedState([], window.settings, [], window.library, problem)
    startup.after_first_paint()
    assert problem.moved_to is not None and problem.moved_to.exists()
    notice = window.list_page.notice("settings")
    assert notice.isVisible()
    assert notice.text == (
        "Your settings.yaml could not be read (did not find expected ',' or ']' at line 2, "
        f"column 1). It was kept as "
        f"{problem.moved_to.name}, and Unknot is using default settings for now."
    )
    assert window.pages.currentWidget() is window.list_page
    assert SettingsStore(paths.settings_file).load()[0].disclaimer_accepted
    startup.server.close()
    lock.release()


def test_routine_request_from_a_second_launch_starts_it(qtbot: QtBot, paths: AppPaths) -> None:
    window, _, cues = make_window(qtbot, paths)
    lock = PrimaryLock(socket_path(paths.basedir))
    assert lock.acquire()
    args = argparse.Namespace(routine=None, basedir=paths.basedir)
    startup = application.Startup(QApplication.instance(), window, paths, lock, args)  # type: ignore[arg-type]
    assert startup.handle_request({"command": "routine", "id": "before-sleep"}) == (True, "")
    assert window.pages.currentWidget() is window._player_page
    assert cues.opened == 1
    ok, message = startup.handle_request({"command": "routine", "id": "nope"})
    assert not ok and message == "There is no routine called “nope”."
    assert startup.handle_request({"command": "dance"}) == (False, "unknown command 'dance'")
    lock.release()


def shown(page: QWidget | None, kind: type[T]) -> list[T]:
    """The widgets of `kind` on `page` now (replaced ones wait hidden for deletion)."""
    assert page is not None
    return [w for w in page.findChildren(kind) if not w.isHidden()]


def test_answers_on_the_start_screen_shape_the_session_and_are_remembered(
    qtbot: QtBot, paths: AppPaths
) -> None:
    from PySide6.QtWidgets import QCheckBox

    window, _, _ = make_window(qtbot, paths)
    window.open_routine("strength")
    page = window._detail_page
    assert page is not None
    (hops,) = shown(page, QCheckBox)
    assert hops.text() == "Yes: include “Light hops”"
    steps_before = page._steps.count()
    hops.setChecked(True)
    assert window.settings.answered_yes("strength") == frozenset({6})
    assert SettingsStore(paths.settings_file).load()[0].yes_answers == ("strength:6",)
    page = window._detail_page
    assert page is not None and page._steps.count() > steps_before
    window.start_routine("strength")
    assert window._session_routine is not None
    assert "st_07" in [s.exercise.id for s in window._session_routine.steps]

    window.open_routine("evening-stretch")
    (longer,) = shown(window._detail_page, QCheckBox)
    assert longer.text() == "Hold each stretch for 20 seconds"
    longer.setChecked(True)
    window.start_routine("evening-stretch")
    assert window._session_routine is not None
    assert window._session_routine.steps[1].dose.hold == 20


def test_finished_sessions_go_to_the_diary_and_wait_if_it_is_busy(
    qtbot: QtBot, paths: AppPaths
) -> None:
    import sqlite3

    from app.core.journal import Journal

    window, clock, _ = make_window(qtbot, paths)
    journal, _ = Journal.open(paths.journal_file, busy_timeout_s=0.05)
    window.journal = journal
    other = sqlite3.connect(paths.journal_file, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another program holds the diary

    def play_and_stop(seconds: float) -> None:
        window.start_routine("before-sleep")
        clock.advance(seconds)
        assert window._player_page is not None
        window._player_page.advance()
        window._player_page.stop()

    play_and_stop(10)  # the diary is locked: the session waits, on disk
    assert journal.sessions() == []
    assert window.statusBar().currentMessage() == (
        "Not saved yet: Unknot keeps it and tries again."
    )
    assert window.saving.retrying
    assert not window.list_page.notice("diary").isHidden()  # said on the first screen too
    other.execute("ROLLBACK")
    other.close()
    play_and_stop(20)  # this one is written; the one waiting goes at the next retry
    window.flush_episodes()
    records = journal.sessions()
    assert sorted(r.ended - r.started for r in records) == [
        timedelta(seconds=10),
        timedelta(seconds=20),
    ]
    assert window.saving.store.writer.waiting == []
    assert not window.saving.retrying
