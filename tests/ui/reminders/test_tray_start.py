"""`unknot --tray`: reminders and the tray from the start, the window only once needed."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from fakes_desktop import FakeNotifier
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from reminder_files import EVERY_NIGHT_AT_2230

from app.core.reminders import Reminder, load_reminders
from app.core.settings import SettingsStore
from app.core.storage import AppPaths
from app.ui.reminders import reminder_service
from app.ui.reminders.tray import TrayIcon
from app.ui.shell import application
from app.ui.shell.application import LoadedState, Startup, WindowOnDemand

# Runs `unknot --tray` for real (offscreen, where Qt sees no tray, so one is pretended)
# and reports what it loaded once it has settled.
CHILD = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
from app.cli import build_parser
from app.ui.shell import application
from app.ui.reminders.tray import TrayIcon

TrayIcon.available = staticmethod(lambda: True)

def report():
    app = QApplication.instance()
    print(json.dumps({
        "windows": [w.objectName() or type(w).__name__ for w in app.topLevelWidgets()
                    if isinstance(w, QMainWindow)],
        "modules": sorted(m for m in sys.modules
                          if m.split(".")[0] in ("pygame", "yaml", "app", "PySide6")),
    }), flush=True)
    app.quit()

started = application.Startup.start_in_tray

def start_in_tray(self):
    started(self)
    QTimer.singleShot(1500, report)

application.Startup.start_in_tray = start_in_tray
application.run(build_parser().parse_args(["--tray", "--basedir", sys.argv[1]]), None)
"""


@pytest.fixture
def tray_home(unknot_home: Path) -> Path:
    paths = AppPaths.resolve(unknot_home)
    paths.ensure()
    paths.settings_file.write_text("schema_version: 1\ndisclaimer_accepted: true\n")
    paths.reminders_file.write_text(EVERY_NIGHT_AT_2230)
    return unknot_home


def test_the_tray_start_builds_no_window_and_reads_no_routine_or_sound(
    tray_home: Path, project_root: Path
) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SDL_AUDIODRIVER="dummy")
    env.pop("UNKNOT_HOME", None)
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(tray_home)],
        cwd=project_root,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["windows"] == []
    modules = set(report["modules"])
    assert "app.ui.reminders.reminder_service" in modules  # the reminders did start
    assert not any(m.startswith("pygame") or m.startswith("app.audio") for m in modules)
    assert "app.ui.shell.main_window" not in modules
    assert "app.core.library" not in modules  # where routine files are read
    assert "PySide6.QtNetwork" not in modules  # the socket server is a plain socket


def _tray_startup(
    qtbot: QtBot,
    home: Path,
    monkeypatch: pytest.MonkeyPatch,
    *,
    second_start: bool = False,
    tray: bool = True,
) -> tuple[Startup, FakeNotifier, list[int]]:
    notifier = FakeNotifier()
    chimes: list[int] = []
    monkeypatch.setattr(reminder_service, "DesktopNotifier", lambda parent=None: notifier)
    monkeypatch.setattr(reminder_service, "play_reminder_chime", chimes.append)
    monkeypatch.setattr(TrayIcon, "available", staticmethod(lambda: tray))
    paths = AppPaths.resolve(home)
    args = argparse.Namespace(tray=True, emergency=False, routine=None, basedir=home)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    startup = Startup(app, None, paths, None, args)  # type: ignore[arg-type]
    store = SettingsStore(paths.settings_file)
    if second_start:  # routines remembered from the last run, as at most logins
        LoadedState.full(paths, store).save_snapshot(paths)
        startup.loaded = LoadedState.from_snapshot(paths)
        assert startup.loaded is not None and startup.loaded.library is None
    else:
        startup.loaded = LoadedState.settings_only(paths, store)
    startup.start_in_tray()
    return startup, notifier, chimes


def _bedtime(paths: AppPaths) -> Reminder:
    reminders, problems = load_reminders(paths.reminders_file)
    assert problems == []
    return reminders[0]


@pytest.mark.parametrize("second_start", [False, True], ids=["first start", "second start"])
def test_a_reminder_from_the_tray_builds_the_window_only_when_acted_on(
    qtbot: QtBot, tray_home: Path, monkeypatch: pytest.MonkeyPatch, second_start: bool
) -> None:
    startup, notifier, chimes = _tray_startup(
        qtbot, tray_home, monkeypatch, second_start=second_start
    )
    service = startup.service
    assert service is not None and isinstance(service.window, WindowOnDemand)
    assert service.tray is not None
    assert startup.built_window is None
    assert startup.journal is not None  # "done tonight" needs the diary, not the window

    service.remind(_bedtime(startup.paths), datetime.now().astimezone(), late=False)
    shown = notifier.last
    assert shown.summary == "Time for: Evening calf stretch"
    assert shown.body  # a tip, read without the window
    assert chimes == [30]  # the night volume of default settings
    assert startup.built_window is None

    notifier.click(shown.id, "start")
    window = startup.built_window
    assert window is not None
    qtbot.addWidget(window)
    assert window.isVisible()
    assert window.pages.currentWidget() is window._player_page
    assert window.background is service and window.journal is startup.journal
    window.background = None  # closing the test's window quits, not hides
    service.stop()


def test_cramp_now_from_the_tray_shows_relief_in_a_window_built_for_it(
    qtbot: QtBot, tray_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    startup, _, _ = _tray_startup(qtbot, tray_home, monkeypatch)
    service = startup.service
    assert service is not None and service.tray is not None
    service.tray.cramp_action.trigger()
    window = startup.built_window
    assert window is not None
    qtbot.addWidget(window)
    assert window.relief_showing and window.isVisible()
    window.background = None
    service.stop()


def test_a_problem_said_before_the_window_exists_is_said_when_it_opens(
    qtbot: QtBot, tray_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    startup, _, _ = _tray_startup(qtbot, tray_home, monkeypatch)
    assert startup.service is not None and startup.service.tray is not None
    balloons: list[tuple[str, str]] = []
    monkeypatch.setattr(
        startup.service.tray, "show_message", lambda title, body: balloons.append((title, body))
    )
    startup.tell("reminders.yaml has a problem")
    assert balloons == [("Unknot", "reminders.yaml has a problem")]  # said at once, from the tray
    assert startup.built_window is None
    window = startup.window
    qtbot.addWidget(window)
    assert window.statusBar().currentMessage() == "reminders.yaml has a problem"
    window.background = None
    assert startup.service is not None
    startup.service.stop()
    application.log.info("done")  # the log handler set up by the tray start still works


def test_start_at_login_starts_the_same_unknot_home_given_by_basedir(
    qtbot: QtBot, tray_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    startup, _, _ = _tray_startup(qtbot, tray_home, monkeypatch)
    monkeypatch.delenv("UNKNOT_HOME")  # as after `unknot --tray --basedir DIR`
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    window = startup.window
    qtbot.addWidget(window)
    window.show_reminders()
    page = window._reminders_page
    assert page is not None and not page.autostart_box.isChecked()
    page.autostart_box.click()
    entry = (tmp_path / "xdg-config" / "autostart" / "unknot.desktop").read_text()
    exec_line = next(line for line in entry.splitlines() if line.startswith("Exec="))
    assert exec_line.endswith(f" --basedir {tray_home} --tray")
    window.background = None
    assert startup.service is not None
    startup.service.stop()


def test_without_a_tray_the_tray_start_keeps_a_minimised_window_and_says_why(
    qtbot: QtBot, tray_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    startup, _, _ = _tray_startup(qtbot, tray_home, monkeypatch, tray=False)
    window = startup.built_window
    assert window is not None
    qtbot.addWidget(window)
    assert window.isMinimized()
    assert window.statusBar().currentMessage() == (
        "There is no tray here; Unknot stays as a minimised window."
    )
    # Closing it keeps Unknot running for the reminder, and says so (tests/desktop).
    assert startup.service is not None and startup.service.keeps_running is True
    window.background = None
    startup.service.stop()
