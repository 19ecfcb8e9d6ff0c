"""Everyone who says when the next reminder comes says the same: the tray, the reminders
list, the notification (by coming then, and not before) and `unknot --next-reminders`,
through skip tonight, snooze, a pause and a routine done."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from fakes import RecordingCuePlayer
from fakes_desktop import FakeNotifier
from PySide6.QtGui import QIcon
from pytestqt.qtbot import QtBot
from reminder_files import EVERY_NIGHT_AT_2230

import app.cli
from app.core.clock import FakeClock
from app.core.journal import Journal
from app.core.library import cards, load_all
from app.core.player import SessionReport
from app.core.reminder_plan import PauseLength
from app.core.resources import ICONS_DIR
from app.core.settings import Settings, SettingsStore
from app.core.storage import AppPaths
from app.desktop.sleep_watch import SleepWatch
from app.ui.reminders.reminder_service import ReminderService
from app.ui.reminders.tray import TrayIcon
from app.ui.shell.main_window import MainWindow

BERLIN = ZoneInfo("Europe/Berlin")
MONDAY_EVENING = datetime(2026, 1, 5, 21, 0, tzinfo=BERLIN)


class Everyone:
    """The app with its tray, the reminders page open, and the command line beside it."""

    def __init__(self, qtbot: QtBot, paths: AppPaths, home: Path) -> None:
        self.paths = paths
        self.home = home
        self.clock = FakeClock(MONDAY_EVENING)
        library = load_all(paths)
        self.window = MainWindow(
            cards(library),
            library,
            settings=Settings(disclaimer_accepted=True),
            settings_store=SettingsStore(paths.settings_file),
            clock=self.clock,
            cue_player_factory=RecordingCuePlayer,
        )
        qtbot.addWidget(self.window)
        self.window.show()
        self.notifier = FakeNotifier()
        self.tray = TrayIcon(QIcon(str(ICONS_DIR / "unknot-64.png")))
        self.service = ReminderService(
            self.window,
            paths,
            self.clock,
            QIcon(),
            notifier=self.notifier,
            tray=self.tray,
            sleep_watch=SleepWatch(),
            zone=BERLIN,
            chime=lambda _volume: None,
        )
        self.window.background = self.service
        self.service.start()
        self.window.show_reminders()

    def at(self, moment: datetime) -> None:
        self.clock.advance((moment - self.clock.now()).total_seconds())
        self.service.scheduler.check_now()

    def tray_text(self) -> str:
        return self.tray.status_action.text()

    def list_text(self) -> str:
        page = self.window._reminders_page  # the page the window shows; no public handle
        assert page is not None
        (row,) = page.rows
        return row.next_label.text()

    def command_line(self, capsys: pytest.CaptureFixture[str]) -> str:
        capsys.readouterr()
        assert app.cli.next_reminders(1, self.home, now=self.clock.now()) == 0
        return capsys.readouterr().out

    def notifications(self) -> list[str]:
        return [shown.summary for shown in self.notifier.shown]


@pytest.fixture
def everyone(
    qtbot: QtBot, unknot_home: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Everyone]:
    # The page and the command line look the zone up, as on a real desktop.
    monkeypatch.setenv("TZ", "Europe/Berlin")
    paths = AppPaths.resolve(unknot_home)
    paths.ensure()
    paths.reminders_file.write_text(EVERY_NIGHT_AT_2230)
    made = Everyone(qtbot, paths, unknot_home)
    yield made
    made.service.stop()


@pytest.mark.qt_log_ignore("No such signal QPlatformNativeInterface::systemTrayWindowChanged")
def test_skip_snooze_pause_and_done_read_the_same_everywhere(
    everyone: Everyone, capsys: pytest.CaptureFixture[str]
) -> None:
    scheduler = everyone.service.scheduler
    time_for = "Time for: Evening calf stretch"

    # Monday 21:00, nothing done yet.
    assert everyone.tray_text() == "Next reminder: tonight 22:30"
    assert everyone.list_text() == "Next: tonight 22:30"
    assert everyone.command_line(capsys) == "bedtime\t2026-01-05T22:30+01:00\n"

    # Skip tonight: all say tomorrow, and tonight's 22:30 stays quiet.
    scheduler.skip_tonight()
    assert everyone.tray_text() == "Next reminder: tomorrow 22:30"
    assert everyone.list_text() == "Next: tomorrow 22:30"
    assert everyone.command_line(capsys) == "bedtime\t2026-01-06T22:30+01:00\n"
    everyone.at(datetime(2026, 1, 5, 23, 0, tzinfo=BERLIN))
    assert everyone.notifications() == []
    everyone.at(datetime(2026, 1, 6, 22, 30, tzinfo=BERLIN))
    assert everyone.notifications() == [time_for]

    # Snooze: all say 22:40, and the notification comes back then, not before.
    everyone.notifier.click(everyone.notifier.last.id, "snooze")
    assert everyone.tray_text() == "Next reminder: tonight 22:40"
    assert everyone.list_text() == "Next: tonight 22:40"
    assert everyone.command_line(capsys) == "bedtime\t2026-01-06T22:40+01:00\n"
    everyone.at(datetime(2026, 1, 6, 22, 39, 59, tzinfo=BERLIN))
    assert everyone.notifications() == [time_for]
    everyone.at(datetime(2026, 1, 6, 22, 40, tzinfo=BERLIN))
    assert everyone.notifications() == [time_for, time_for]

    # Paused for tonight on Wednesday evening: the next one is Thursday's.
    everyone.at(datetime(2026, 1, 7, 21, 0, tzinfo=BERLIN))
    everyone.tray.pause_requested.emit(PauseLength.TONIGHT)
    assert everyone.tray_text() == "Reminders paused until tomorrow 07:00"
    assert everyone.list_text() == "Next: tomorrow 22:30"
    assert everyone.command_line(capsys) == "bedtime\t2026-01-08T22:30+01:00\n"
    everyone.at(datetime(2026, 1, 7, 22, 30, tzinfo=BERLIN))
    assert len(everyone.notifications()) == 2

    # Thursday 21:30, a routine played to its end: tonight's reminder is let off.
    everyone.at(datetime(2026, 1, 8, 21, 30, tzinfo=BERLIN))
    assert everyone.tray_text() == "Next reminder: tonight 22:30"
    journal, _ = Journal.open(everyone.paths.journal_file)
    started = everyone.clock.now() - timedelta(minutes=9)
    journal.add_session(
        SessionReport("evening-stretch", started, everyone.clock.now(), 1.0, (), True)
    )
    everyone.window.journal = journal
    scheduler.check_now()
    assert everyone.tray_text() == "Done tonight"
    assert everyone.list_text() == "Next: tomorrow 22:30"
    assert everyone.command_line(capsys) == "bedtime\t2026-01-09T22:30+01:00\n"
    everyone.at(datetime(2026, 1, 8, 22, 31, tzinfo=BERLIN))
    assert len(everyone.notifications()) == 2
    everyone.at(datetime(2026, 1, 9, 22, 30, tzinfo=BERLIN))
    assert everyone.notifications() == [time_for] * 3
