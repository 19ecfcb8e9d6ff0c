"""The relief screen in the main window: one press, one step at a time, the episode kept."""

from __future__ import annotations

import argparse
import os
import sqlite3
from datetime import timedelta

import pytest
import windows
from fakes import RecordingCuePlayer
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from app.core.clock import FakeClock
from app.core.content import load_content
from app.core.journal import Journal
from app.core.library import load_all
from app.core.player import PlayerState
from app.core.resources import ASSETS_DIR
from app.core.routines import Library
from app.core.settings import SettingsStore
from app.core.storage import AppPaths, socket_path
from app.core.timeline import CueKind
from app.desktop.instance_client import PrimaryLock
from app.ui.relief.relief_view import TEXT_PT, ReliefView
from app.ui.shell import application
from app.ui.shell.main_window import MainWindow


def make_window(
    qtbot: QtBot, paths: AppPaths, library: Library | None = None, **settings: object
) -> tuple[MainWindow, FakeClock, RecordingCuePlayer]:
    """A window as the relief tests want it: not full screen, warning signs loaded."""
    made = windows.make_window(qtbot, paths, library, **{"relief_full_screen": False, **settings})
    made[0].set_content(load_content(ASSETS_DIR / "content", ASSETS_DIR))
    return made


def open_journal(window: MainWindow, paths: AppPaths) -> Journal:
    journal, problem = Journal.open(paths.journal_file)
    assert problem is None
    window.journal = journal
    return journal


def relief_of(window: MainWindow) -> ReliefView:
    relief = window._relief
    assert relief is not None
    return relief


def test_cramp_now_to_its_gone_records_the_episode(qtbot: QtBot, paths: AppPaths) -> None:
    window, clock, cues = make_window(qtbot, paths, volume=70, night_volume=20)
    journal = open_journal(window, paths)
    assert window.cramp_button.isVisible()
    qtbot.mouseClick(window.cramp_button, Qt.MouseButton.LeftButton)
    relief = relief_of(window)
    assert window.relief_showing and relief.pages.currentWidget() is relief.choice
    assert not window.menuBar().isVisible()  # nothing but the relief screen
    qtbot.keyClick(relief, Qt.Key.Key_Right)  # offer "Standing"
    qtbot.keyClick(relief, Qt.Key.Key_Return)
    steps = relief._steps
    assert steps is not None and relief.pages.currentWidget() is steps
    assert window.settings.relief_position == "standing"
    assert SettingsStore(paths.settings_file).load()[0].relief_position == "standing"
    assert steps.name.text() == "Breathe"
    assert steps.countdown.text() == "10"
    assert cues.is_open and cues.volume == 20  # the night volume, whatever the hour
    # Stored at once, as unfinished, in case the app is closed or killed.
    (stored,) = journal.episodes()
    assert not stored.finished
    clock.advance(10)
    steps.refresh()
    assert steps.name.text() == "Toes up"
    assert cues.played == [(CueKind.GET_READY, 0)]  # one soft chime for the new step
    clock.advance(30 + 40 + 30 + 60)  # toes up, rub, stand, walk: back to toes up
    steps.refresh()
    assert steps.name.text() == "Toes up"
    assert steps.round.text() == "Round 2"
    clock.advance(5)
    qtbot.keyClick(relief, Qt.Key.Key_Return)  # "It's gone"
    (stored,) = journal.episodes()
    assert stored.finished and stored.duration == timedelta(seconds=175)
    assert stored.started == clock.now() - timedelta(seconds=175)
    assert not cues.is_open
    form = relief._form
    assert form is not None and relief.pages.currentWidget() is form
    helped = [b.text() for b in form._helped]
    assert helped == ["Breathe", "Toes up", "Rub", "Stand on it", "Walk it off"]
    next(b for b in form.legs.buttons() if b.text() == "Left").click()
    next(b for b in form.severities.buttons() if b.text() == "Severe").click()
    form._helped[2].click()
    qtbot.keyClick(relief, Qt.Key.Key_Return)  # Save
    (stored,) = journal.episodes()
    assert (stored.leg, stored.severity, stored.helped) == ("left", "severe", ("Rub",))
    aftercare = relief._aftercare
    assert aftercare is not None and relief.pages.currentWidget() is aftercare
    assert "warm (not hot) pack" in aftercare.text.text()
    qtbot.keyClick(relief, Qt.Key.Key_Return)  # Close
    assert window.pages.currentWidget() is window.list_page
    assert window.menuBar().isVisible()
    journal.close()


def test_the_last_position_is_offered_first(qtbot: QtBot, paths: AppPaths) -> None:
    window, _, _ = make_window(qtbot, paths, relief_position="standing")
    relief = window.show_relief()
    assert relief.choice.offered == "standing"
    assert relief.choice.standing.isDefault() and relief.choice.standing.styleSheet()
    assert not relief.choice.bed.isDefault() and not relief.choice.bed.styleSheet()


def test_every_text_on_the_relief_screen_is_large(qtbot: QtBot, paths: AppPaths) -> None:
    window, _, _ = make_window(qtbot, paths)
    relief = window.show_relief()
    qtbot.keyClick(relief, Qt.Key.Key_Return)
    checked = 0
    for widget in [*relief.findChildren(QLabel), *relief.findChildren(QPushButton)]:
        if widget.isVisible() and widget.text() and widget.property("role") != "hint":
            assert widget.font().pointSizeF() >= TEXT_PT, widget.text()
            checked += 1
    assert checked >= 6  # the name, instruction, countdown and the four buttons


def test_esc_never_ends_the_guidance_and_not_now_records_nothing(
    qtbot: QtBot, paths: AppPaths
) -> None:
    window, _, _ = make_window(qtbot, paths)
    journal = open_journal(window, paths)
    relief = window.show_relief()
    qtbot.keyClick(relief, Qt.Key.Key_Escape)  # "Not now", before choosing
    assert window.pages.currentWidget() is window.list_page
    assert journal.episodes() == []
    relief = window.show_relief()
    qtbot.keyClick(relief, Qt.Key.Key_Return)
    qtbot.keyClick(relief, Qt.Key.Key_Escape)  # a sleepy key press
    assert relief.pages.currentWidget() is relief._steps
    assert relief.in_progress
    journal.close()


def test_warning_signs_are_one_key_away_and_the_steps_go_on(qtbot: QtBot, paths: AppPaths) -> None:
    window, clock, _ = make_window(qtbot, paths, region="GB")
    relief = window.show_relief()
    qtbot.keyClick(relief, Qt.Key.Key_Return)
    qtbot.keyClick(relief, Qt.Key.Key_F1)
    signs = relief._signs
    assert signs is not None and relief.pages.currentWidget() is signs
    titles = [label.text() for label in signs.findChildren(QLabel) if label.text()]
    assert titles[0] == "Call emergency services (999) if"
    clock.advance(12)
    qtbot.keyClick(relief, Qt.Key.Key_Escape)
    steps = relief._steps
    assert steps is not None and relief.pages.currentWidget() is steps
    steps.refresh()
    assert steps.name.text() == "Toes up"  # time went on while the signs were read


def test_after_ten_minutes_it_says_so_and_the_steps_continue(qtbot: QtBot, paths: AppPaths) -> None:
    window, clock, _ = make_window(qtbot, paths, region="US")
    relief = window.show_relief()
    qtbot.keyClick(relief, Qt.Key.Key_Return)
    steps = relief._steps
    assert steps is not None
    clock.advance(9 * 60 + 59)
    steps.refresh()
    assert steps.urgent.isHidden() and relief.pages.currentWidget() is steps
    clock.advance(1)
    steps.refresh()
    urgent = relief._urgent
    assert urgent is not None and relief.pages.currentWidget() is urgent
    assert urgent.heading.text() == "This cramp has lasted 10 minutes."
    assert urgent.title.text() == (
        "Get urgent care today (a same-day doctor or an urgent-care service) if:"
    )
    assert relief.in_progress and steps._timer.isActive()
    qtbot.keyClick(relief, Qt.Key.Key_Escape)  # back to the steps, not the end
    assert relief.pages.currentWidget() is steps and relief.in_progress


def test_a_routine_in_progress_pauses_and_is_there_afterwards(
    qtbot: QtBot, paths: AppPaths
) -> None:
    window, clock, _ = make_window(qtbot, paths)
    window.start_routine("before-sleep")
    player = window._player_page
    assert player is not None and player.player is not None
    clock.advance(3)
    player.advance()
    relief = window.show_relief()
    assert player.player.state is PlayerState.PAUSED
    qtbot.keyClick(relief, Qt.Key.Key_Escape)
    assert window.pages.currentWidget() is player


def test_closing_the_window_mid_relief_keeps_an_unfinished_episode(
    qtbot: QtBot, paths: AppPaths
) -> None:
    window, clock, _ = make_window(qtbot, paths)
    open_journal(window, paths)
    relief = window.show_relief()
    qtbot.keyClick(relief, Qt.Key.Key_Return)
    clock.advance(90)
    window.close()
    journal, _ = Journal.open(paths.journal_file)
    (episode,) = journal.episodes()
    assert not episode.finished and episode.duration == timedelta(seconds=90)
    journal.close()


def test_a_locked_diary_keeps_the_episode_until_it_can_be_written(
    qtbot: QtBot, paths: AppPaths
) -> None:
    window, clock, _ = make_window(qtbot, paths)
    journal = open_journal(window, paths)
    journal._db.execute("PRAGMA busy_timeout = 50")  # do not wait 2 s in a test
    other = sqlite3.connect(paths.journal_file, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    relief = window.show_relief()
    qtbot.keyClick(relief, Qt.Key.Key_Return)
    clock.advance(60)
    qtbot.keyClick(relief, Qt.Key.Key_Return)  # "It's gone" goes on to the form all the same
    assert relief.pages.currentWidget() is relief._form
    assert window.episodes.waiting == 1
    assert relief._form is not None
    assert relief._form.saved_label.text() == (
        "Not saved yet: Unknot keeps it and tries again. If you like, say a little more:"
    )
    assert window.saving.retrying
    other.execute("ROLLBACK")
    other.close()
    window.flush_episodes()  # what the retry timer does
    assert not window.saving.retrying
    (episode,) = journal.episodes()
    assert episode.finished and episode.duration == timedelta(seconds=60)
    journal.close()


def test_a_missing_relief_routine_falls_back_to_the_built_in_steps(
    qtbot: QtBot, paths: AppPaths
) -> None:
    library = load_all(paths)
    del library.routines["emergency"]
    window, _, _ = make_window(qtbot, paths, library)
    relief = window.show_relief()
    qtbot.keyClick(relief, Qt.Key.Key_Return)
    steps = relief._steps
    assert steps is not None and steps.plan is not None and steps.plan.built_in
    assert steps.name.text() == "Breathe"
    assert steps.picture.has_pictures  # the bundled pictures are still found
    qtbot.keyClick(relief, Qt.Key.Key_Return)
    qtbot.keyClick(relief, Qt.Key.Key_Escape)
    qtbot.keyClick(relief, Qt.Key.Key_Escape)
    assert window.pages.currentWidget() is window.list_page
    assert "built-in steps" in window.statusBar().currentMessage()


def test_an_emergency_request_is_acknowledged_once_painted(qtbot: QtBot, paths: AppPaths) -> None:
    window, _, _ = make_window(qtbot, paths)
    window.hide()  # in the tray, say
    lock = PrimaryLock(socket_path(paths.basedir))
    assert lock.acquire()
    args = argparse.Namespace(routine=None, basedir=paths.basedir, emergency=False)
    startup = application.Startup(QApplication.instance(), window, paths, lock, args)  # type: ignore[arg-type]
    replies: list[tuple[bool, str]] = []
    result = startup.handle_request(
        {"command": "emergency", "activation_token": "launcher-token"},
        lambda ok, error: replies.append((ok, error)),
    )
    assert os.environ.pop("XDG_ACTIVATION_TOKEN") == "launcher-token"  # for Qt's Wayland plugin
    assert result is None and replies == []  # not before the paint
    qtbot.waitUntil(lambda: replies == [(True, "")], timeout=2000)
    assert window.isVisible() and window.relief_showing
    # A routine request does not push the relief screen aside.
    ok, message = startup.handle_request({"command": "routine", "id": "before-sleep"})
    assert not ok and "relief screen is open" in message
    assert window.relief_showing
    lock.release()


def test_warning_signs_are_one_click_away_beside_cramp_now(
    qtbot: QtBot, paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, _, _ = make_window(qtbot, paths, region="AU")
    shown: list[list[str]] = []
    monkeypatch.setattr(
        "app.ui.shell.warning_signs.show_warning_signs",
        lambda parent, tiers, language: shown.append([t.title.get(language) for t in tiers]),
    )
    assert window.signs_button.isVisible() and window.signs_button.text() == "Warning signs"
    assert window.signs_button.parent() is window.cramp_button.parent()  # side by side
    qtbot.mouseClick(window.signs_button, Qt.MouseButton.LeftButton)
    assert shown == [
        [
            "Call emergency services (000) if",
            "Get urgent care today (a same-day doctor or an urgent-care service) if",
            "See a doctor if",
        ]
    ]
    window.fill_menus()
    help_signs = next(a for a in window.menus.help.actions() if a.text() == "Warning signs")
    help_signs.trigger()  # Help > Warning signs (F1) opens the same
    assert shown[1] == shown[0]


def test_the_view_menu_holds_the_gentle_profile_and_the_region(
    qtbot: QtBot, paths: AppPaths
) -> None:
    window, _, _ = make_window(qtbot, paths, region="")
    window.fill_menus()
    view = window.menus.view
    gentle = next(
        a for a in view.actions() if a.text() == "Pregnant, older or unsteady on your feet"
    )
    assert gentle.isCheckable() and not gentle.isChecked()
    gentle.trigger()
    assert window.settings.relief_gentle
    assert SettingsStore(paths.settings_file).load()[0].relief_gentle
    relief = window.show_relief()
    assert relief.choice.gentle.isChecked()  # the same setting on the relief screen
    qtbot.mouseClick(relief.choice.gentle, Qt.MouseButton.LeftButton)
    assert not window.settings.relief_gentle and not gentle.isChecked()
    qtbot.keyClick(relief, Qt.Key.Key_Escape)

    numbers = next(a.menu() for a in view.actions() if a.text() == "Emergency numbers")
    names = [a.text() for a in numbers.actions()]
    assert names[1:] == [
        "United Kingdom (999)",
        "European Union (112)",
        "United States (911)",
        "Canada (911)",
        "Australia (000)",
        "Russia (112)",
        "Somewhere else (112)",
    ]
    assert names[0].startswith("From the system (") and numbers.actions()[0].isChecked()
    next(a for a in numbers.actions() if a.text() == "United Kingdom (999)").trigger()
    assert window.settings.region == "GB"
    assert SettingsStore(paths.settings_file).load()[0].region == "GB"
    relief = window.show_relief()
    qtbot.keyClick(relief, Qt.Key.Key_F1)
    signs = relief._signs
    assert signs is not None
    titles = [label.text() for label in signs.findChildren(QLabel) if label.text()]
    assert titles[0] == "Call emergency services (999) if"


def test_the_region_follows_the_locale_when_not_chosen(
    qtbot: QtBot, paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    for variable in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "en_CA.UTF-8")
    window, _, _ = make_window(qtbot, paths, region="")
    assert window.region().emergency == "911"
    monkeypatch.setenv("LC_ALL", "ru_RU.UTF-8")
    assert window.local_warning_tiers()[1].title.get() == (
        "Get urgent care today (a same-day doctor or an urgent-care service; in Russia 103) if"
    )
