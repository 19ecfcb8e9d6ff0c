"""End to end: a reminder made on the reminders page comes, on its time, as a real desktop
notification over D-Bus, and its buttons act on the app.

Everything real but the clock and the sounds: the main window and its reminders page driven
with mouse and keys, the ReminderService and its scheduler reading the file the page wrote,
the real DesktopNotifier on a private dbus-daemon, and the stand-in notification server
recording each Notify and sending the clicks back as ActionInvoked. The clock is a FakeClock,
moved to the moment the scheduler's timer is armed for; the timer's work, `check_now()`, is
then run at once, so no test waits for a real minute.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from dbus_helpers import NotificationServer
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from app.core.clock import FakeClock
from app.core.library import cards, load_all
from app.core.player import PlayerState
from app.core.reminders import Reminder, load_reminders
from app.core.resources import ICONS_DIR, SOUNDS_DIR
from app.core.routines import Text
from app.core.settings import Settings, SettingsStore
from app.core.storage import AppPaths
from app.core.timeline import CueKind
from app.desktop.notifications import NOTIFY_SIGNATURE, DesktopNotifier
from app.ui.reminders.reminder_scheduler import ReminderScheduler, status_text
from app.ui.reminders.reminder_service import ReminderService
from app.ui.reminders.reminders_view import RemindersPage
from app.ui.routines.player_view import PlayerView
from app.ui.shell.main_window import MainWindow

BERLIN = ZoneInfo("Europe/Berlin")
START = datetime(2026, 1, 5, 22, 0, tzinfo=BERLIN)  # a Monday evening
DUE = datetime(2026, 1, 5, 22, 30, tzinfo=BERLIN)  # the reminder made in the page
TOMORROW = datetime(2026, 1, 6, 22, 30, tzinfo=BERLIN)
MONDAY_TO_THURSDAY = frozenset({0, 1, 2, 3})
FILE_NAME = "reminders.yaml"
ROUTINE = "before-sleep"  # not the default routine: the one chosen in the page must travel
ROUTINE_TITLE = "Before-sleep stretch"
MESSAGE = "Calves & hamstrings, then sleep"
BEDTIME = Reminder(
    "reminder-1", time(22, 30), MONDAY_TO_THURSDAY, routine=ROUTINE, message=Text.plain(MESSAGE)
)
SUMMARY = f"Time for: {ROUTINE_TITLE}"
BODY = "Calves &amp; hamstrings, then sleep"  # the server reads markup: the & is escaped
ACTIONS = [
    "default",
    "Open",
    "start",
    "Start",
    "snooze",
    "Snooze 10 min",
    "skip",
    "Skip tonight",
]
HINTS = {
    "urgency": ["y", 1],
    "desktop-entry": ["s", "io.github.unknot.Unknot"],
    "category": ["s", "x-unknot.reminder"],
    # The stand-in server plays sounds: it plays our chime, and Do Not Disturb silences it.
    "sound-name": ["s", "message-new-instant"],
    "sound-file": ["s", str(SOUNDS_DIR / "reminder.wav")],
}
# Ids past 2**31 show they travel as uint32 through the notifier and the service's lookup.
FIRST_ID = 4_000_000_000
SIGNAL_WAIT_MS = 5000

StartServer = Callable[..., NotificationServer]


class SilentCues:
    """A cue player that plays nothing: the player page needs one."""

    def open(self) -> None:
        pass

    def play(self, kind: CueKind, late_ms: int = 0) -> None:
        pass

    def close(self) -> None:
        pass

    def set_volume(self, percent: int) -> None:
        pass

    def set_muted(self, muted: bool) -> None:
        pass


@dataclass
class Desktop:
    """The running app, the clock it reads, and the notification server it talks to."""

    qtbot: QtBot
    window: MainWindow
    service: ReminderService
    clock: FakeClock
    server: NotificationServer

    @property
    def scheduler(self) -> ReminderScheduler:
        return self.service.scheduler

    def at(self, moment: datetime) -> None:
        """Move the clock to `moment` and let the scheduler look, as its timers do."""
        self.clock.advance((moment - self.clock.now()).total_seconds())
        self.scheduler.check_now()

    def notifications(self) -> list[list[Any]]:
        """The arguments of each Notify the server received since the last look."""
        calls = self.server.calls_so_far("Notify")
        assert all(call["signature"] == NOTIFY_SIGNATURE for call in calls)
        return [call["args"] for call in calls]

    def fire(self, due: datetime) -> None:
        """Wait, as the scheduler's timer does, for `due`; exactly one reminder goes out."""
        wake = self.scheduler.wake_in_ms()
        ms_to_due = (due - self.clock.now()).total_seconds() * 1000
        # The precise timer is armed for that very moment, less the real time since arming
        # (a few milliseconds; the bound leaves room for a slow machine), not a minute off.
        assert ms_to_due - 10_000 < wake <= ms_to_due
        self.at(due - timedelta(seconds=1))
        assert self.notifications() == []  # not early
        self.at(due)
        (args,) = self.notifications()
        check_reminder(args)

    def click(self, notification_id: int, key: str) -> None:
        """The user presses a notification's button: the server says so on the bus."""
        with self.qtbot.waitSignal(
            self.service.notifier.action_invoked, timeout=SIGNAL_WAIT_MS
        ) as clicked:
            self.server.emit("ActionInvoked", "us", notification_id, key)
        assert clicked.args == [notification_id, key]


def check_reminder(args: list[Any]) -> None:
    """The arguments of the Notify for the reminder made in the page."""
    app_name, replaces_id, app_icon, summary, body, actions, hints, timeout = args
    assert (app_name, replaces_id, timeout) == ("Unknot", 0, -1)
    assert app_icon == (ICONS_DIR / "unknot-128.png").as_uri()  # the launcher is not installed
    assert summary == SUMMARY
    assert body == BODY
    assert actions == ACTIONS
    assert hints == HINTS


@pytest.fixture
def desktop(
    qtbot: QtBot,
    unknot_home: Path,
    private_bus: str,
    notification_server: StartServer,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[Desktop]:
    # The page works out "tonight" in the local zone; the scheduler is given the same one.
    monkeypatch.setenv("TZ", "Europe/Berlin")
    paths = AppPaths.resolve(unknot_home)
    paths.ensure()
    server = notification_server("--first-id", str(FIRST_ID))
    clock = FakeClock(START)
    library = load_all(paths)
    window = MainWindow(
        cards(library),
        library,
        settings=Settings(disclaimer_accepted=True),
        settings_store=SettingsStore(paths.settings_file),
        clock=clock,
        cue_player_factory=SilentCues,
    )
    qtbot.addWidget(window)
    window.show()
    activate(qtbot, window)
    # As the application sets it up, but with the fake clock and the private bus.
    service = ReminderService(
        window, paths, clock, QIcon(), notifier=DesktopNotifier(private_bus), zone=BERLIN
    )
    window.background = service
    service.start()
    assert service.notifier.supports_actions  # the real notifier found the stand-in server
    made = Desktop(qtbot, window, service, clock, server)
    assert add_reminder(made, open_reminders_page(made), "2230") == BEDTIME
    assert service.scheduler.status().next_time == DUE
    yield made
    service.stop()


def activate(qtbot: QtBot, window: MainWindow) -> None:
    """Make the window the active one, as a click into it does; keys go to its focus."""
    with qtbot.waitActive(window):  # waits only as a context manager
        window.activateWindow()


def open_reminders_page(desktop: Desktop) -> RemindersPage:
    """Go to Reminders with its shortcut, Ctrl+3, once the menus are filled after the first
    paint."""
    qtbot, window = desktop.qtbot, desktop.window
    qtbot.waitUntil(lambda: any(a.text() == "Reminders" for a in window.findChildren(QAction)))
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    page = window.pages.currentWidget()
    assert isinstance(page, RemindersPage)
    return page


def add_reminder(desktop: Desktop, page: RemindersPage, typed_time: str) -> Reminder:
    """Add a reminder at `typed_time` ("2230"), Monday to Thursday, for the before-sleep
    routine and with MESSAGE, as a user would; the reminder the scheduler now has."""
    qtbot = desktop.qtbot
    before = {row.reminder_id for row in page.rows}
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    editor = page.editor
    assert editor.isVisible()
    assert editor.time_edit.hasFocus()  # with its hours selected, ready to type over
    qtbot.keyClicks(editor.time_edit, typed_time)
    weekdays = next(b for b in editor.findChildren(QPushButton) if b.text() == "Weekdays")
    qtbot.mouseClick(weekdays, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.day_buttons[4], Qt.MouseButton.LeftButton)  # not Friday
    qtbot.keyClicks(editor.routine_combo, "Before")  # the list jumps to what is typed
    qtbot.keyClicks(editor.message_edit, MESSAGE)
    with qtbot.waitSignal(page.reminders_saved, timeout=SIGNAL_WAIT_MS):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    # The page shows it, the file holds it, and the scheduler took it from the file.
    assert page.add_button.isVisible()  # back to the list
    (row,) = [row for row in page.rows if row.reminder_id not in before]
    shown_time = f"{typed_time[:2]}:{typed_time[2:]}"
    assert row.time_label.text() == shown_time
    assert row.days_label.text() == "Mon, Tue, Wed, Thu"
    assert row.details_label.text() == f"{ROUTINE_TITLE} · “{MESSAGE}”"
    assert row.next_label.text() == f"Next: tonight {shown_time}"
    in_file, problems = load_reminders(desktop.window.settings_store.path.with_name(FILE_NAME))
    assert problems == []
    (made,) = [reminder for reminder in in_file if reminder.id == row.reminder_id]
    assert made == Reminder(
        made.id,
        time(int(typed_time[:2]), int(typed_time[2:])),
        MONDAY_TO_THURSDAY,
        routine=ROUTINE,
        message=Text.plain(MESSAGE),
    )
    assert made in desktop.scheduler.reminders()
    assert desktop.notifications() == []  # nothing for a time already past, nothing early
    return made


def test_start_in_the_notification_plays_the_reminder_s_routine(desktop: Desktop) -> None:
    desktop.fire(DUE)
    assert isinstance(desktop.window.pages.currentWidget(), RemindersPage)  # still there

    desktop.click(FIRST_ID, "start")

    player = desktop.window.pages.currentWidget()
    assert isinstance(player, PlayerView)
    assert player.player is not None
    assert player.player.timeline.routine.id == ROUTINE
    assert player.player.state is PlayerState.PLAYING
    assert player.step_name.text() == "Bed ankle pumps"
    assert player.step_count.text() == "Step 1 of 4"
    assert desktop.window.isVisible()


def test_an_occurrence_is_notified_once_however_often_the_scheduler_looks(
    desktop: Desktop,
) -> None:
    desktop.fire(DUE)
    # The timers look again, at once and later inside the grace window, in which an
    # occurrence not yet handled would still be reminded; so does a resume from sleep.
    desktop.scheduler.check_now()
    for minutes in (0, 1, 10, 29):
        desktop.at(DUE + timedelta(minutes=minutes))
        desktop.service.sleep_watch.resumed.emit()
    desktop.scheduler.reload()  # as after an edit of the file
    assert desktop.notifications() == []
    assert desktop.scheduler.status().next_time == TOMORROW


def test_snooze_brings_it_back_ten_minutes_later_with_working_buttons(
    desktop: Desktop,
) -> None:
    desktop.fire(DUE)
    desktop.click(FIRST_ID, "snooze")
    assert desktop.scheduler.status().next_time == DUE + timedelta(minutes=10)

    desktop.fire(DUE + timedelta(minutes=10))  # not at 9:59; the same reminder, snooze and all
    assert desktop.scheduler.snoozes_left(BEDTIME.id, DUE) == 2
    desktop.at(DUE + timedelta(minutes=20))
    desktop.at(DUE + timedelta(minutes=29))
    assert desktop.notifications() == []  # one snooze, one reminder back

    desktop.click(FIRST_ID + 1, "start")  # the second notification's buttons work too
    player = desktop.window.pages.currentWidget()
    assert isinstance(player, PlayerView)
    assert player.player is not None
    assert player.player.timeline.routine.id == ROUTINE


def test_skip_tonight_is_quiet_until_tomorrow_s_reminder(desktop: Desktop) -> None:
    page = desktop.window.pages.currentWidget()
    assert isinstance(page, RemindersPage)
    later = add_reminder(desktop, page, "2330")  # another one tonight, which skip lets off
    desktop.fire(DUE)

    desktop.click(FIRST_ID, "skip")

    status = desktop.scheduler.status()
    assert (status.next_time, status.next_reminder) == (TOMORROW, BEDTIME)
    assert not status.paused
    assert status_text(status) == "Next reminder: tomorrow 22:30"
    for minutes in (10, 30, 60, 61, 6 * 60):  # 23:30 among them
        desktop.at(DUE + timedelta(minutes=minutes))
    assert desktop.notifications() == []
    assert isinstance(desktop.window.pages.currentWidget(), RemindersPage)  # nothing started
    desktop.fire(TOMORROW)  # skipped tonight only
    assert desktop.scheduler.status().next_reminder == later


def test_saving_keeps_the_keyboard_in_the_window(desktop: Desktop) -> None:
    page = desktop.window.pages.currentWidget()
    assert isinstance(page, RemindersPage)
    add_reminder(desktop, page, "2330")
    QApplication.processEvents()  # the (de)activation events the save queued
    assert desktop.window.isActiveWindow()
    assert QApplication.focusWidget() is page.add_button  # where show_list puts it


# Followed through: a reminder closed unanswered comes back once, gently; one that no
# longer applies is withdrawn; without a tray, closing the window says Unknot stays.


def close_on_server(desktop: Desktop, notification_id: int, reason: int) -> None:
    """The server closes a notification (1 expired, 2 dismissed by the user)."""
    with desktop.qtbot.waitSignal(desktop.service.notifier.closed, timeout=SIGNAL_WAIT_MS):
        desktop.server.emit("NotificationClosed", "uu", notification_id, reason)


def withdrawn(desktop: Desktop) -> list[int]:
    """The ids the app closed with CloseNotification (waits for the first)."""
    call = desktop.server.next_call("CloseNotification")
    return [
        *call["args"],
        *(c["args"][0] for c in desktop.server.calls_so_far("CloseNotification")),
    ]


@pytest.mark.parametrize("reason", [1, 2], ids=["expired", "dismissed"])
def test_a_reminder_closed_unanswered_comes_back_once_without_a_sound(
    desktop: Desktop, reason: int
) -> None:
    desktop.fire(DUE)
    close_on_server(desktop, FIRST_ID, reason)

    status = desktop.scheduler.status()
    assert (status.next_time, status.next_reminder) == (DUE + timedelta(minutes=10), BEDTIME)
    assert status_text(status) == "Next reminder: tonight 22:40"  # the tray's line
    desktop.at(DUE + timedelta(minutes=9))
    assert desktop.notifications() == []
    desktop.at(DUE + timedelta(minutes=10))
    (nudge,) = desktop.notifications()
    assert nudge[3] == SUMMARY
    assert nudge[5] == ACTIONS  # its buttons, Snooze among them: one of three snoozes used
    hints = nudge[6]
    assert hints["suppress-sound"] == ["b", True]
    assert "sound-name" not in hints and "sound-file" not in hints

    close_on_server(desktop, FIRST_ID + 1, reason)  # unanswered again: that was the nudge
    for minutes in (20, 30, 60):
        desktop.at(DUE + timedelta(minutes=minutes))
    assert desktop.notifications() == []
    assert desktop.scheduler.status().next_time == TOMORROW


def test_a_reminder_closed_by_its_buttons_does_not_come_back(desktop: Desktop) -> None:
    desktop.fire(DUE)
    desktop.click(FIRST_ID, "skip")
    close_on_server(desktop, FIRST_ID, 2)  # servers close it after the click
    for minutes in (10, 20, 30):
        desktop.at(DUE + timedelta(minutes=minutes))
    assert desktop.notifications() == []


def test_a_reminder_is_withdrawn_once_its_routine_starts_in_the_window(desktop: Desktop) -> None:
    desktop.fire(DUE)
    desktop.window.start_routine(ROUTINE)
    assert withdrawn(desktop) == [FIRST_ID]


def test_a_reminder_is_withdrawn_when_reminders_are_paused(desktop: Desktop) -> None:
    from app.ui.reminders.reminder_scheduler import PauseLength

    desktop.fire(DUE)
    desktop.scheduler.pause(PauseLength.TONIGHT)
    assert withdrawn(desktop) == [FIRST_ID]


def test_skip_in_one_reminder_withdraws_the_other_one_tonight(desktop: Desktop) -> None:
    page = desktop.window.pages.currentWidget()
    assert isinstance(page, RemindersPage)
    add_reminder(desktop, page, "2235")
    desktop.fire(DUE)
    desktop.at(DUE + timedelta(minutes=5))
    assert len(desktop.notifications()) == 1
    desktop.click(FIRST_ID + 1, "skip")
    assert withdrawn(desktop) == [FIRST_ID]


def test_without_a_tray_closing_the_window_keeps_reminders_and_says_so_once(
    desktop: Desktop, private_bus: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QSystemTrayIcon

    # The private bus has neither a StatusNotifierWatcher nor, offscreen, an XEmbed tray.
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", private_bus)
    assert not QSystemTrayIcon.isSystemTrayAvailable()
    assert desktop.service.tray is None
    assert desktop.service.keeps_running

    desktop.window.close()
    assert not desktop.window.isVisible()
    (told,) = desktop.notifications()
    assert told[3:6] == [
        "Unknot keeps running for your reminders",
        "Start Unknot again to open its window; quit there with Ctrl+Q.",
        ["default", "Open"],
    ]
    assert told[6]["urgency"] == ["y", 0]
    assert told[6]["suppress-sound"] == ["b", True]

    desktop.window.show()
    desktop.window.close()  # said once
    assert desktop.notifications() == []
    desktop.fire(DUE)  # the reminder still comes
