"""The tray menu: its order, its signals, and the line that says what comes next."""

from __future__ import annotations

from datetime import datetime, time
from zoneinfo import ZoneInfo

from PySide6.QtGui import QAction, QIcon
from pytestqt.qtbot import QtBot

from app.core.reminders import Reminder
from app.ui.reminders.reminder_scheduler import PauseLength, SchedulerStatus
from app.ui.reminders.tray import TrayIcon

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 11, 24, 9, 0, tzinfo=BERLIN)  # a Tuesday morning


def texts(actions: list[QAction]) -> list[str]:
    return [action.text() if not action.isSeparator() else "-" for action in actions]


def make(qtbot: QtBot) -> TrayIcon:
    tray = TrayIcon(QIcon())
    qtbot.addWidget(tray.menu)
    return tray


def test_menu_order(qtbot: QtBot) -> None:
    tray = make(qtbot)
    assert texts(tray.menu.actions()) == [
        "Cramp now",
        "Start tonight's routine",
        "-",
        "No reminders set",
        "Pause reminders",
        "-",
        "Open Unknot",
        "Quit",
    ]
    assert not tray.status_action.isEnabled()
    visible = [a for a in tray.pause_menu.actions() if a.isVisible()]
    assert texts(visible) == ["For 1 hour", "Tonight", "Until I resume", "-"]


def test_each_action_emits_its_signal(qtbot: QtBot) -> None:
    tray = make(qtbot)
    for action, signal in [
        (tray.cramp_action, tray.cramp_now_requested),
        (tray.routine_action, tray.start_routine_requested),
        (tray.open_action, tray.open_requested),
        (tray.quit_action, tray.quit_requested),
        (tray.resume_action, tray.resume_requested),
    ]:
        with qtbot.waitSignal(signal, timeout=100):
            action.trigger()
    for action, length in [
        (tray.pause_hour_action, PauseLength.HOUR),
        (tray.pause_tonight_action, PauseLength.TONIGHT),
        (tray.pause_always_action, PauseLength.UNTIL_RESUMED),
    ]:
        with qtbot.waitSignal(tray.pause_requested, timeout=100) as blocker:
            action.trigger()
        assert blocker.args == [length]


def test_status_line_and_resume(qtbot: QtBot) -> None:
    tray = make(qtbot)
    bedtime = Reminder("bedtime", time(22, 30), frozenset({3}))
    thursday = datetime(2026, 11, 26, 22, 30, tzinfo=BERLIN)
    tray.update_status(SchedulerStatus(NOW, thursday, bedtime, False, False, None))
    assert tray.status_action.text() == "Next reminder: Thu 22:30"
    tray.update_status(SchedulerStatus(NOW, thursday, bedtime, True, False, None))
    assert tray.status_action.text() == "Done tonight"
    tray.update_status(SchedulerStatus(NOW, None, None, False, True, None))
    assert tray.status_action.text() == "Reminders paused"
    assert tray.pause_menu.title() == "Reminders paused"
    assert tray.resume_action.isVisible()
    tray.update_status(SchedulerStatus(NOW, thursday, bedtime, False, False, None))
    assert not tray.resume_action.isVisible()


def test_available_asks_the_desktop(qtbot: QtBot) -> None:
    assert TrayIcon.available() in (True, False)  # offscreen: no tray, and no crash
