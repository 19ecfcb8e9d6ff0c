"""The keyboard alone: a routine and a relief episode from start to end with key events
sent to whatever has the focus, Enter on a focused button, and F2 from every page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from windows import make_window

from app.core.storage import AppPaths
from app.ui.shell.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, paths: AppPaths) -> MainWindow:
    made, _, _ = make_window(qtbot, paths)
    made.fill_menus()
    made.header.draw_icons()
    made.show_list()
    return made


def press(qtbot: QtBot, key: Qt.Key) -> QWidget:
    """Press `key` where the focus is, as a keyboard does; the widget that had it."""
    focused = QApplication.focusWidget()
    assert focused is not None, "nothing has the focus"
    qtbot.keyClick(focused, key)
    return focused


def test_a_routine_from_the_list_to_its_end_with_keys_alone(
    qtbot: QtBot, window: MainWindow
) -> None:
    card = press(qtbot, Qt.Key.Key_Return)  # the first card has the focus
    assert window.pages.currentWidget() is window._detail_page, card
    detail = window._detail_page
    assert detail is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is detail.start_button)
    press(qtbot, Qt.Key.Key_Return)  # Start
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window._player_page)
    for _ in range(200):  # Right: the next part, to the end
        if window.pages.currentWidget() is not window._player_page:
            break
        press(qtbot, Qt.Key.Key_Right)
    finished = window._finished_page
    assert window.pages.currentWidget() is finished and finished is not None
    assert window.session_reports[-1].finished
    press(qtbot, Qt.Key.Key_Return)  # Done
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.list_page)


def test_a_relief_episode_from_f2_to_the_end_with_keys_alone(
    qtbot: QtBot, window: MainWindow
) -> None:
    press(qtbot, Qt.Key.Key_F2)
    assert window.relief_showing
    relief = window.relief_view()
    press(qtbot, Qt.Key.Key_Return)  # the position offered
    steps = relief._steps
    assert steps is not None and steps.running
    press(qtbot, Qt.Key.Key_Right)
    assert steps.session is not None and steps.session.position().step_index == 1
    press(qtbot, Qt.Key.Key_Return)  # It's gone
    assert not steps.running
    press(qtbot, Qt.Key.Key_Return)  # the questions: save
    press(qtbot, Qt.Key.Key_Return)  # the aftercare: close
    assert not window.relief_showing
    assert window.pages.currentWidget() is window.list_page


def test_enter_presses_the_focused_cramp_now_button(qtbot: QtBot, window: MainWindow) -> None:
    window.cramp_button.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.relief_showing)


@pytest.mark.parametrize("page", ["diary", "reminders", "player"])
def test_f2_opens_the_relief_screen_from_every_page(
    qtbot: QtBot, window: MainWindow, page: str
) -> None:
    if page == "diary":
        window.show_diary()
    elif page == "reminders":
        window.show_reminders()
    else:
        window.start_routine("before-sleep")
        window.toggle_full_screen()  # focus mode: no menu bar, F2 still works
        assert not window.menuBar().isVisible()
    window.activateWindow()
    press(qtbot, Qt.Key.Key_F2)
    assert window.relief_showing
