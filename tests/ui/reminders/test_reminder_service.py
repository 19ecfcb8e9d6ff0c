"""Reminders reach the user: a notification with actions, the tray, or the window."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from fakes import RecordingCuePlayer
from fakes_desktop import FakeNotifier
from PySide6.QtGui import QIcon
from pytestqt.qtbot import QtBot
from reminder_files import EVERY_NIGHT_AT_2230

from app.core.clock import FakeClock
from app.core.content import load_content
from app.core.library import cards, load_all
from app.core.reminders import MAX_SNOOZES
from app.core.resources import ASSETS_DIR, ICONS_DIR
from app.core.settings import Settings, SettingsStore
from app.core.storage import AppPaths
from app.desktop.sleep_watch import SleepWatch
from app.ui.reminders.reminder_service import ReminderService
from app.ui.reminders.tray import TrayIcon
from app.ui.shell.main_window import MainWindow

BERLIN = ZoneInfo("Europe/Berlin")
MONDAY_EVENING = datetime(2026, 1, 5, 22, 29, tzinfo=BERLIN)


@pytest.fixture
def paths(unknot_home: Path) -> AppPaths:
    resolved = AppPaths.resolve(unknot_home)
    resolved.ensure()
    resolved.reminders_file.write_text(EVERY_NIGHT_AT_2230)
    return resolved


def make(
    qtbot: QtBot,
    paths: AppPaths,
    notifier: FakeNotifier,
    tray: TrayIcon | None = None,
    *,
    settings: Settings | None = None,
    chimes: list[int] | None = None,
) -> tuple[MainWindow, ReminderService, FakeClock]:
    clock = FakeClock(MONDAY_EVENING)
    library = load_all(paths)
    window = MainWindow(
        cards(library),
        library,
        settings=settings or Settings(disclaimer_accepted=True),
        settings_store=SettingsStore(paths.settings_file),
        clock=clock,
        cue_player_factory=RecordingCuePlayer,
    )
    qtbot.addWidget(window)
    window.set_content(load_content(ASSETS_DIR / "content", ASSETS_DIR))
    window.show()
    service = ReminderService(
        window,
        paths,
        clock,
        QIcon(),
        notifier=notifier,
        tray=tray,
        sleep_watch=SleepWatch(),  # no system bus in tests: it stays quiet
        zone=BERLIN,
        chime=(chimes if chimes is not None else []).append,
    )
    window.background = service
    service.start()
    return window, service, clock


def test_a_due_reminder_is_a_notification_whose_start_starts_the_routine(
    qtbot: QtBot, paths: AppPaths
) -> None:
    notifier = FakeNotifier()
    window, service, clock = make(qtbot, paths, notifier)
    assert notifier.shown == []
    clock.advance(60)
    service.scheduler.check_now()
    shown = notifier.last
    assert shown.summary == "Time for: Evening calf stretch"
    assert [key for key, _ in shown.actions] == ["start", "snooze", "skip"]
    assert shown.body in [tip.text.get() for tip in window.content.tips]  # a rotating tip
    notifier.click(shown.id, "start")
    assert window.pages.currentWidget() is window._player_page
    service.scheduler.check_now()
    assert len(notifier.shown) == 1  # never twice for one occurrence


def test_a_reminder_chimes_at_the_night_volume_unless_muted(qtbot: QtBot, paths: AppPaths) -> None:
    chimes: list[int] = []
    settings = Settings(disclaimer_accepted=True, volume=80, night_volume=25)
    _, service, clock = make(qtbot, paths, FakeNotifier(), settings=settings, chimes=chimes)
    clock.advance(60)
    service.scheduler.check_now()
    assert chimes == [25]  # bedtime: the quieter of the two, whatever the hour


def test_a_muted_reminder_is_shown_without_a_chime(qtbot: QtBot, paths: AppPaths) -> None:
    chimes: list[int] = []
    notifier = FakeNotifier()
    settings = Settings(disclaimer_accepted=True, muted=True)
    _, service, clock = make(qtbot, paths, notifier, settings=settings, chimes=chimes)
    clock.advance(60)
    service.scheduler.check_now()
    assert len(notifier.shown) == 1 and chimes == []


def test_snooze_comes_back_and_has_a_limit(qtbot: QtBot, paths: AppPaths) -> None:
    notifier = FakeNotifier()
    _, service, clock = make(qtbot, paths, notifier)
    clock.advance(60)
    service.scheduler.check_now()
    for _ in range(MAX_SNOOZES):
        shown = notifier.last
        assert "snooze" in [key for key, _ in shown.actions]
        notifier.click(shown.id, "snooze")
        clock.advance(10 * 60)
        service.scheduler.check_now()
        assert notifier.last is not shown  # back after ten minutes
    assert "snooze" not in [key for key, _ in notifier.last.actions]


def test_skip_tonight_ends_tonight_s_reminding(qtbot: QtBot, paths: AppPaths) -> None:
    notifier = FakeNotifier()
    _, service, clock = make(qtbot, paths, notifier)
    clock.advance(60)
    service.scheduler.check_now()
    notifier.click(notifier.last.id, "snooze")
    clock.advance(10 * 60)
    service.scheduler.check_now()
    assert len(notifier.shown) == 2  # the snooze came back
    notifier.click(notifier.last.id, "skip")
    clock.advance(30 * 60)
    service.scheduler.check_now()
    assert len(notifier.shown) == 2  # nothing more tonight
    assert service.scheduler.status().next_time == datetime(2026, 1, 6, 22, 30, tzinfo=BERLIN)


def test_no_notification_server_raises_the_window_and_says_it(
    qtbot: QtBot, paths: AppPaths
) -> None:
    window, service, clock = make(qtbot, paths, FakeNotifier(available=False))
    window.hide()
    clock.advance(60)
    service.scheduler.check_now()
    assert window.isVisible()
    assert window.statusBar().currentMessage().startswith("Time for: Evening calf stretch")


# The offscreen platform has no tray to watch; it says so when the icon is shown.
@pytest.mark.qt_log_ignore("No such signal QPlatformNativeInterface::systemTrayWindowChanged")
def test_closing_the_window_with_a_reminder_on_stays_in_the_tray(
    qtbot: QtBot, paths: AppPaths
) -> None:
    tray = TrayIcon(QIcon(str(ICONS_DIR / "unknot-64.png")))
    window, service, _ = make(qtbot, paths, FakeNotifier(), tray)
    assert service.keeps_running
    window.close()
    assert not window.isVisible()
    assert window.background is service  # still running: reminders go on
    tray.cramp_now_requested.emit()  # the tray's first item
    assert window.isVisible() and window.relief_showing
    window.quit_app()
    assert not window.isVisible()
