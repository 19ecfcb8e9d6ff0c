"""What a screen reader finds: every focus stop named with its role, on every page; the
countdowns as words with their numbers; announcements only at the moments that matter."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from windows import make_window

from app.core.clock import FakeClock
from app.core.player import PlayerState
from app.core.routines import Side
from app.core.settings import Posture
from app.core.storage import AppPaths
from app.core.timeline import Segment, SegmentKind
from app.ui.routines.player_view import PlayerView
from app.ui.shell.main_window import MainWindow

Role = QAccessible.Role
# What each kind of focus stop may be, for a screen reader.
ROLES = {
    # The view switcher's buttons are checkable; Export opens a menu.
    "QPushButton": {Role.Button, Role.CheckBox, Role.ButtonMenu},
    "RoutineCard": {Role.Button},
    "ChoiceButton": {Role.Button},
    "Switch": {Role.CheckBox},
}


@pytest.fixture
def window(qtbot: QtBot, paths: AppPaths) -> MainWindow:
    made, _, _ = make_window(qtbot, paths)
    made.fill_menus()
    made.header.draw_icons()
    return made


def to_first_sided_hold(player: PlayerView) -> Segment:
    """Skip, as the Right arrow does, to the first hold on one leg."""
    for _ in range(50):
        segment = player._current_segment()
        assert segment is not None
        if segment.kind is SegmentKind.HOLD and segment.side is Side.RIGHT:
            return segment
        player.next()
    raise AssertionError("no hold on the right leg")


def focus_stops(window: MainWindow) -> list[QWidget]:
    """The widgets Tab reaches on the page shown (and the one holding the focus)."""
    from PySide6.QtCore import Qt

    stops = [
        widget
        for widget in window.findChildren(QWidget)
        if widget.isVisible()
        and widget.isEnabled()
        and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
    ]
    focused = QApplication.focusWidget()
    if focused is not None and focused not in stops:
        stops.append(focused)
    return stops


def assert_named(window: MainWindow, page: str) -> None:
    for widget in focus_stops(window):
        iface = QAccessible.queryAccessibleInterface(widget)
        assert iface is not None, (page, widget)
        name = iface.text(QAccessible.Text.Name)
        kind = type(widget).__name__
        assert name.strip(), f"{page}: a {kind} without a name"
        if kind in ROLES:
            assert iface.role() in ROLES[kind], (page, kind, name, iface.role())


def name_of(widget: QWidget) -> str:
    iface = QAccessible.queryAccessibleInterface(widget)
    assert iface is not None
    return iface.text(QAccessible.Text.Name)


def test_every_focus_stop_on_every_page_has_a_name_and_its_role(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert_named(window, "routines")
    window.open_routine("before-sleep")
    assert_named(window, "start screen")
    window.start_routine("before-sleep")
    assert_named(window, "player")
    window.show_reminders()
    assert_named(window, "reminders")
    window.show_relief()
    assert_named(window, "relief: position")
    window.relief_view().choose(Posture.BED)
    assert_named(window, "relief: steps")
    window.relief_view().gone()
    assert_named(window, "relief: questions")


def test_the_diary_page_names_its_focus_stops(window: MainWindow) -> None:
    # On its own: a relief episode would make the diary read itself again as it closes.
    window.show_diary()
    assert_named(window, "diary")
    assert name_of(window.pages.currentWidget()) == "Diary"


def test_cramp_now_is_named_and_says_its_key(window: MainWindow) -> None:
    iface = QAccessible.queryAccessibleInterface(window.cramp_button)
    assert iface is not None
    assert iface.role() is Role.Button
    assert iface.text(QAccessible.Text.Name) == "Cramp now"
    assert iface.text(QAccessible.Text.Description) == (
        "Step-by-step relief for a cramp happening now (F2)"
    )


def test_the_player_countdown_is_read_as_seconds_phase_and_leg(
    window: MainWindow,
) -> None:
    window.start_routine("before-sleep")
    player = window._player_page
    assert player is not None and player.player is not None
    assert name_of(player.countdown) == "5 seconds left, Get ready"
    segment = to_first_sided_hold(player)
    seconds = (segment.end_ms - segment.start_ms) // 1000
    assert name_of(player.countdown) == f"{seconds} seconds left, Hold, Right leg"
    assert name_of(player) == "Routine player"


def test_announcements_come_at_each_part_and_the_last_three_seconds_only(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.start_routine("before-sleep")
    player = window._player_page
    assert player is not None and player.player is not None
    said: list[str] = []
    player.announced.connect(said.append)
    clock = window._clock
    assert isinstance(clock, FakeClock)
    segment = to_first_sided_hold(player)
    seconds = (segment.end_ms - segment.start_ms) // 1000
    assert said[-1] == f"{seconds} seconds left, Hold, Right leg"  # as the part begins
    said.clear()
    while player._current_segment() is segment:
        wait = player.player.ms_until_next_wake()
        assert wait is not None
        clock.advance(wait / 1000)
        player.advance()
    assert said[:3] == ["3", "2", "1"]
    assert len(said) == 4  # and the next part: nothing in between, not one a second
    assert player.player.state is PlayerState.PLAYING


def test_the_relief_countdown_is_read_with_its_number(window: MainWindow) -> None:
    relief = window.show_relief()
    relief.choose(Posture.BED)
    steps = relief._steps
    assert steps is not None and steps.session is not None
    left = round(steps.session.position().remaining_s)
    assert name_of(steps.countdown) == f"{left} seconds left on this step"
    assert name_of(steps.elapsed) == "Under a minute since it began"  # with its number
    assert name_of(relief) == "Cramp relief"
