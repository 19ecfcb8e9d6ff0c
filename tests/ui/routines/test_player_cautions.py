"""A routine's cautions are on screen before its first step plays, however it was started:
a reminder's Start, `unknot --routine ID`, Play again. Step cautions show on their steps."""

from __future__ import annotations

import argparse

import windows
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from app.core.storage import AppPaths, socket_path
from app.core.timeline import SegmentKind
from app.desktop.instance_client import PrimaryLock
from app.ui.routines.player_view import PlayerView
from app.ui.shell import application
from app.ui.shell.main_window import MainWindow

GENTLE = (
    "Check with your midwife or doctor first. Stop and get advice if you have bleeding, "
    "dizziness, chest pain, breathlessness, or pain or swelling in one calf.\n"
    "Gentle stretch, never pain. Stop if you feel pain, dizziness or numbness."
)
STRONG = "Strong stretch, never pain. Stop if you feel pain, dizziness or numbness."


def player_of(window: MainWindow) -> PlayerView:
    player = window._player_page
    assert player is not None and player.player is not None and player._timeline is not None
    return player


def assert_in_the_lead_in_with(player: PlayerView, cautions: str) -> None:
    assert player.player is not None and player._timeline is not None
    segment = player._timeline.segment_at(player.player.position_ms())
    assert (segment.kind, segment.step_index) == (SegmentKind.PREPARE, 0)
    assert player.caution.isVisible()
    assert player.caution.text() == cautions
    # As large as the instruction, in the instruction's colour.
    assert player.caution.font().pixelSize() == player.instruction.font().pixelSize()
    assert f"color: {player._colors.text}" in player.caution.styleSheet()  # type: ignore[union-attr]


def test_a_reminders_start_shows_the_routines_cautions_in_the_lead_in(
    qtbot: QtBot, paths: AppPaths
) -> None:
    window, clock, _ = windows.make_window(qtbot, paths)
    window.start_routine_safely("gentle")  # what a reminder's Start calls
    player = player_of(window)
    assert window.pages.currentWidget() is player
    assert_in_the_lead_in_with(player, GENTLE)
    clock.advance(5)  # the lead-in is over: the first step still says them
    player.advance()
    assert player.caution.text() == GENTLE
    player.next()  # the second step has no caution of its own
    assert player.caution.isHidden() and player.caution.text() == ""


def test_unknot_routine_id_shows_them_too(qtbot: QtBot, paths: AppPaths) -> None:
    window, _, _ = windows.make_window(qtbot, paths)
    lock = PrimaryLock(socket_path(paths.basedir))
    assert lock.acquire()
    args = argparse.Namespace(routine="before-sleep", basedir=paths.basedir, emergency=False)
    startup = application.Startup(QApplication.instance(), window, paths, lock, args)  # type: ignore[arg-type]
    ok, message = startup.handle_request({"command": "routine", "id": "before-sleep"})
    assert ok, message
    assert_in_the_lead_in_with(player_of(window), STRONG)
    lock.release()


def test_play_again_shows_them_again(qtbot: QtBot, paths: AppPaths) -> None:
    window, clock, _ = windows.make_window(qtbot, paths)
    window.start_routine("before-sleep")
    player = player_of(window)
    assert player._timeline is not None
    clock.advance(player._timeline.total_ms / 1000 + 1)
    player.advance()
    finished = window._finished_page
    assert finished is not None and window.pages.currentWidget() is finished
    again = next(b for b in finished.findChildren(QPushButton) if b.text() == "Play again")
    qtbot.mouseClick(again, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is player
    assert_in_the_lead_in_with(player, STRONG)


def test_a_steps_own_caution_is_on_that_step(qtbot: QtBot, paths: AppPaths) -> None:
    window, _, _ = windows.make_window(qtbot, paths)
    window.start_routine_safely("strength")
    player = player_of(window)
    for _ in range(200):  # Skip moves a set or a step at a time
        player.next()
        if player.step_name.text() == "Calf raises":
            break
    assert player.step_name.text() == "Calf raises"
    assert player.caution.isVisible()
    assert player.caution.text() == "Hold on to something steady."
