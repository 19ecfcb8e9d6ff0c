"""The header: the views marked and reachable by keyboard, back on inner pages, Cramp now and
Warning signs in one place, and out of the way on the relief screen and in focus mode."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from windows import make_window

from app.core.storage import AppPaths
from app.ui.shell.header import BACK_SLOT_WIDTH, Header, View
from app.ui.shell.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, paths: AppPaths) -> MainWindow:
    made, _, _ = make_window(qtbot, paths)
    made.fill_menus()
    made.header.draw_icons()
    return made


def marked(window: MainWindow) -> View | None:
    return window.header.current_view


def test_the_first_screen_marks_routines_and_offers_no_way_back(window: MainWindow) -> None:
    assert marked(window) is View.ROUTINES
    assert not window.header.back_button.isVisible()
    assert window.header.back_button.parentWidget().isVisible()  # its place is kept
    assert window.cramp_button.isVisible() and window.signs_button.isVisible()
    assert window.cramp_button.parentWidget() is window.header


def test_the_views_switch_pages_and_the_current_one_is_marked(
    qtbot: QtBot, window: MainWindow
) -> None:
    qtbot.mouseClick(window.header.views[View.REMINDERS], Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window._reminders_page
    assert marked(window) is View.REMINDERS
    assert window.header.back_button.isVisible()
    qtbot.mouseClick(window.header.views[View.DIARY], Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window._diary_page
    assert marked(window) is View.DIARY
    qtbot.mouseClick(window.header.views[View.ROUTINES], Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.list_page
    assert marked(window) is View.ROUTINES
    assert not window.header.back_button.isVisible()


@pytest.mark.parametrize(
    ("key", "view"),
    [(Qt.Key.Key_2, View.DIARY), (Qt.Key.Key_3, View.REMINDERS), (Qt.Key.Key_1, View.ROUTINES)],
)
def test_ctrl_and_a_number_still_switch_views(
    qtbot: QtBot, window: MainWindow, key: Qt.Key, view: View
) -> None:
    window.show_reminders() if view is View.ROUTINES else window.show_list()
    qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
    assert marked(window) is view


def test_tab_reaches_the_current_view_and_arrows_move_along_the_views(
    qtbot: QtBot, window: MainWindow
) -> None:
    # As in any row of tabs: Tab stops once, on the marked view; the arrows go along.
    buttons = list(window.header.views.values())
    tab = Qt.FocusPolicy.TabFocus.value
    assert [bool(b.focusPolicy().value & tab) for b in buttons] == [True, False, False]
    buttons[0].setFocus()
    qtbot.keyClick(buttons[0], Qt.Key.Key_Right)
    assert buttons[1].hasFocus()
    qtbot.keyClick(buttons[1], Qt.Key.Key_Space)
    assert window.pages.currentWidget() is window._diary_page
    assert marked(window) is View.DIARY


def test_back_goes_one_step_towards_the_list(qtbot: QtBot, window: MainWindow) -> None:
    window.open_routine("evening-stretch")
    assert marked(window) is View.ROUTINES  # the start screen belongs to the routines
    assert window.header.back_button.isVisible()
    qtbot.mouseClick(window.header.back_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.list_page
    window.show_reminders()
    page = window._reminders_page
    assert page is not None
    page.add_reminder()
    qtbot.mouseClick(window.header.back_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is page  # first out of the form
    qtbot.mouseClick(window.header.back_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.list_page


def test_no_back_arrow_while_a_routine_plays(window: MainWindow) -> None:
    window.start_routine("evening-stretch")
    assert window.pages.currentWidget() is window._player_page
    assert not window.header.back_button.isVisible()
    window.go_back()  # a stray Esc or click does not leave a routine that plays
    assert window.pages.currentWidget() is window._player_page


def test_back_from_a_paused_routine_stops_it_and_shows_its_start_screen(
    window: MainWindow,
) -> None:
    window.start_routine("evening-stretch")
    player = window._player_page
    assert player is not None
    player.pause()  # the player says it paused; the window offers the way back
    assert window.header.back_button.isVisible()
    window.go_back()
    assert window.pages.currentWidget() is window._detail_page
    assert len(window.session_reports) == 1 and not window.session_reports[0].finished


def test_going_on_after_a_pause_hides_the_back_arrow_again(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.start_routine("evening-stretch")
    player = window._player_page
    assert player is not None
    with qtbot.waitSignal(player.paused_changed) as paused:
        player.toggle_pause()
    assert paused.args == [True] and window.header.back_button.isVisible()
    with qtbot.waitSignal(player.paused_changed) as resumed:
        player.toggle_pause()
    assert resumed.args == [False] and not window.header.back_button.isVisible()


def test_the_finished_page_goes_back_to_the_list(window: MainWindow) -> None:
    window.start_routine("before-sleep")
    assert window._player_page is not None
    window._player_page.stop()
    assert window.pages.currentWidget() is window._finished_page
    assert window.header.back_button.isVisible()
    window.go_back()
    assert window.pages.currentWidget() is window.list_page


def test_the_relief_screen_hides_the_header_and_brings_it_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    qtbot.mouseClick(window.cramp_button, Qt.MouseButton.LeftButton)
    assert window.relief_showing
    assert not window.header.isVisible() and not window.menuBar().isVisible()
    window.leave_relief()
    assert window.header.isVisible() and window.menuBar().isVisible()


def test_f11_on_the_player_is_a_focus_mode_without_menus_or_header(window: MainWindow) -> None:
    window.start_routine("evening-stretch")
    window.toggle_full_screen()
    assert window.isFullScreen()
    assert not window.header.isVisible() and not window.menuBar().isVisible()
    window.toggle_full_screen()  # in focus mode F11 comes from the player: the same call
    assert not window.isFullScreen()
    assert window.header.isVisible() and window.menuBar().isVisible()
    window.toggle_full_screen()
    assert window._player_page is not None
    window._player_page.stop()  # the finished page brings the chrome back
    assert window.header.isVisible() and not window.isFullScreen()


def test_esc_in_focus_mode_leaves_it_first_and_a_second_esc_stops(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.show()
    window.start_routine("evening-stretch")
    player = window._player_page
    assert player is not None
    window.toggle_full_screen()
    assert window.isFullScreen() and not window.header.isVisible()
    window.activateWindow()
    player.setFocus()
    qtbot.waitUntil(player.hasFocus)
    qtbot.keyClick(player, Qt.Key.Key_Escape)
    assert not window.isFullScreen() and window.header.isVisible()
    assert window.pages.currentWidget() is player  # the routine goes on
    assert player.player is not None and player.player.state.name == "PLAYING"
    qtbot.keyClick(player, Qt.Key.Key_Escape)
    assert window.pages.currentWidget() is not player
    assert len(window.session_reports) == 1 and not window.session_reports[0].finished


def test_warning_signs_gives_up_its_words_before_anything_is_cut(qtbot: QtBot) -> None:
    header = Header()
    qtbot.addWidget(header)
    header.draw_icons()
    header.resize(1100, 60)
    header.show()
    QApplication.processEvents()
    wide = header.sizeHint().width()
    assert not header.compact and header.signs_button.text() == "Warning signs"
    header.resize(wide - 40, 60)  # larger desktop fonts, or longer words
    QApplication.processEvents()
    assert header.compact and header.signs_button.text() == ""
    assert header.signs_button.toolTip().startswith("When to get help")
    assert not header.signs_button.icon().isNull()
    header.resize(1100, 60)
    QApplication.processEvents()
    assert header.signs_button.text() == "Warning signs"


def test_the_header_draws_its_icons_only_after_the_first_paint(qtbot: QtBot) -> None:
    header = Header()
    qtbot.addWidget(header)
    back = header.back_button
    before = back.icon().pixmap(20, 20).toImage()
    assert before.pixelColor(10, 10).alpha() == 0  # the room kept, nothing drawn
    header.draw_icons()
    after = back.icon().pixmap(20, 20).toImage()
    drawn = [after.pixelColor(x, 10).alpha() for x in range(20)]
    assert max(drawn) == 255
    assert back.parentWidget().width() == BACK_SLOT_WIDTH
