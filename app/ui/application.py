"""Start the interface: show the first screen as fast as possible, then set up the rest."""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from app import APP_ID, APP_NAME
from app.core import launch_snapshot
from app.core.clock import SystemClock
from app.core.errors import FileSetAsideError, RoutineNotFoundError, UnknotError
from app.core.launch_snapshot import Fingerprint, RoutineCard, Snapshot
from app.core.resources import ICONS_DIR, SOUNDS_DIR
from app.core.settings import Settings, SettingsStore, from_document, to_document
from app.core.storage import AppPaths
from app.desktop.instance_client import PrimaryLock
from app.ui.main_window import MainWindow

if TYPE_CHECKING:
    from app.cli import LaunchOptions
    from app.core.routines import Library

log = logging.getLogger(__name__)

# Set by the start-up benchmark: write the moment of the first paint to this file and quit.
FIRST_PAINT_ENV = "UNKNOT_BENCHMARK_FIRST_PAINT"
# An `unknot --emergency` waiting on a screen that never paints (say, on a hidden
# workspace) is told so rather than left hanging.
RELIEF_PAINT_LIMIT_MS = 1000


def run(args: LaunchOptions, lock: PrimaryLock | None) -> int:
    """Start the interface. Without `lock` (another instance hangs), no socket is served."""
    paths = AppPaths.resolve(args.basedir)
    folder_problem = ""
    try:
        paths.ensure()
    except OSError as error:
        folder_problem = f"{error.filename}: {error.strerror}"
    store = SettingsStore(paths.settings_file)
    loaded = LoadedState.from_snapshot(paths) or LoadedState.full(paths, store)

    app = QApplication([sys.argv[0] if sys.argv else APP_ID])
    app.setApplicationName(APP_NAME)
    app.setDesktopFileName(APP_ID)
    # Set by name, without asking style() first: wrapping the QStyle object makes PySide6
    # build its enum classes, about 30 ms before the first paint.
    app.setStyle("Fusion")
    font = app.font()
    # Desktop defaults (often 9-10 pt) are small for a routine followed from a mat.
    font.setPointSizeF(max(font.pointSizeF(), 11.0))
    app.setFont(font)
    window = MainWindow(
        loaded.cards,
        loaded.library,
        settings=loaded.settings,
        settings_store=store,
        clock=SystemClock(),
        cue_player_factory=lambda: _cue_player(window),
    )
    window.apply_colors()
    window.setWindowIcon(_app_icon())
    started = Startup(app, window, paths, lock, args)
    started.loaded = loaded
    started.folder_problem = folder_problem
    window.first_painted.connect(lambda: QTimer.singleShot(0, started.after_first_paint))
    if args.emergency:
        window.show_relief()  # the relief screen is the first thing painted
    elif getattr(args, "tray", False):
        # Started hidden (at login): no paint comes, so set up the rest now.
        QTimer.singleShot(0, started.after_first_paint)
    else:
        window.show()
    return app.exec()


@dataclass
class LoadedState:
    """Settings and routines for the first screen, and how they were obtained."""

    fingerprint: Fingerprint
    settings: Settings
    cards: list[RoutineCard]
    library: Library | None  # None when read from the launch snapshot
    settings_problem: FileSetAsideError | None = None
    snapshot: Snapshot | None = None

    @staticmethod
    def sources(paths: AppPaths) -> list[Path]:
        from app.core.routine_files import routine_files

        return [f.path for f in routine_files(paths)] + [paths.settings_file]

    @classmethod
    def from_snapshot(cls, paths: AppPaths) -> LoadedState | None:
        """Quick: nothing changed since the last run, so no YAML before the first paint."""
        prints = launch_snapshot.fingerprint(cls.sources(paths))
        snapshot = launch_snapshot.read(paths.launch_snapshot_file, prints)
        if snapshot is None:
            return None
        try:
            settings = from_document(snapshot.settings)
        except ValueError:
            return None
        return cls(prints, settings, snapshot.cards, None, snapshot=snapshot)

    @classmethod
    def full(cls, paths: AppPaths, store: SettingsStore) -> LoadedState:
        """Parse and check everything, as after any change."""
        from app.core.library import cards, load_all

        prints = launch_snapshot.fingerprint(cls.sources(paths))
        settings, problem = store.load()
        library = load_all(paths)
        return cls(prints, settings, cards(library), library, settings_problem=problem)

    def save_snapshot(self, paths: AppPaths) -> None:
        """Remember this state for the next start; a failure only costs start-up time."""
        snapshot = Snapshot(self.fingerprint, to_document(self.settings), self.cards)
        if snapshot == self.snapshot:
            return
        try:
            launch_snapshot.write(paths.launch_snapshot_file, snapshot)
        except UnknotError as error:
            log.info("launch snapshot not saved: %s", error)


def _app_icon() -> QIcon:
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        icon.addFile(str(ICONS_DIR / f"unknot-{size}.png"))
    return icon


def _cue_player(window: MainWindow) -> Any:
    from app.audio.cue_player import PygameCuePlayer

    # Quieter at night: the volume is chosen when the routine starts.
    volume = window.settings.cue_volume(datetime.now())
    player = PygameCuePlayer(SOUNDS_DIR, volume, window.settings.muted)
    player.unavailable.connect(
        lambda reason: window.tell(
            window.tr("No sound device could be opened; the cues are shown on screen only.")
        )
    )
    return player


class Startup:
    """What happens once the first screen is on the glass."""

    def __init__(
        self,
        app: QApplication,
        window: MainWindow,
        paths: AppPaths,
        lock: PrimaryLock | None,
        args: LaunchOptions,
    ) -> None:
        self.app = app
        self.window = window
        self.paths = paths
        self.lock = lock
        self.args = args
        self.loaded: LoadedState | None = None
        self.folder_problem = ""
        self.server: Any = None

    def after_first_paint(self) -> None:
        marker = os.environ.get(FIRST_PAINT_ENV)
        if marker:
            Path(marker).write_text(f"{time.time():.6f} {_rss_mb():.2f}\n")
            self._finish_loading()  # so the next benchmark run starts as a real second start
            self.app.quit()
            return
        _set_up_logging(self.paths)
        from app.ui.errors import explain, install_excepthook

        install_excepthook(self.window)  # before anything else can go wrong
        self._finish_loading()
        from app.desktop.instance_server import InstanceServer

        if self.lock is not None:
            self.server = InstanceServer(self.lock.socket_file, self.handle_request, self.window)
            self.server.listen()
        # Built now, hidden, so that `unknot --emergency` only switches a page and paints.
        self.window.prepare_relief()
        self.window.show_load_problems_notice()
        if self.folder_problem:
            self.window.tell(
                self.window.tr(
                    "Unknot cannot write its folder ({problem}); changes are not saved."
                ).format(problem=self.folder_problem)
            )
        problem = self.loaded.settings_problem if self.loaded else None
        if problem is not None:
            self.window.show_settings_notice(explain(problem))
        self._open_journal()
        self._start_reminders()
        if self.window.isVisible():
            # Read the diary while idle, so the diary screen opens at once later.
            QTimer.singleShot(3000, self.window.preload_diary)
        elif (
            getattr(self.args, "tray", False)
            and self.window.background is not None
            and self.window.background.tray is None
        ):
            # No tray on this desktop: a minimised window keeps the reminders running.
            self.window.showMinimized()
            self.window.tell(
                self.window.tr("There is no tray here; Unknot stays as a minimised window.")
            )
        if self.window.relief_showing:
            # Someone in a cramp is not asked to read a disclaimer first: after the relief.
            self.window.relief_closed.connect(self._ask_disclaimer_after_relief)
            return
        if not self.window.isVisible() and not self.window.isMinimized():
            return  # started hidden in the tray at login: no dialog until it is opened
        if not self.window.ask_disclaimer_once():
            self.app.quit()
            return
        if self.args.routine:
            self.handle_request({"command": "routine", "id": self.args.routine})
        else:
            self.window.show_list()

    def _start_reminders(self) -> None:
        """Reminders, the tray, notifications and sleep: the app's background duties."""
        from app.ui.reminder_service import ReminderService

        try:
            service = ReminderService(self.window, self.paths, SystemClock(), _app_icon())
            self.window.background = service
            service.start()
        except Exception:  # reminders failing must not take the rest of the app with them
            log.exception("reminders could not start")
            self.window.tell(self.window.tr("Reminders could not start; see the log."))

    def _ask_disclaimer_after_relief(self) -> None:
        if not self.window.settings.disclaimer_accepted and not self.window.ask_disclaimer_once():
            self.app.quit()

    def _finish_loading(self) -> None:
        """After a start from the snapshot: the full, checked load; then save the snapshot."""
        from app.audio.cue_player import missing_sounds
        from app.core.content import load_content
        from app.core.resources import ASSETS_DIR

        content = load_content(ASSETS_DIR / "content", ASSETS_DIR)
        content.problems.extend(missing_sounds(SOUNDS_DIR))
        self.window.set_content(content)
        loaded = self.loaded
        if loaded is None:
            return
        if loaded.library is None:
            full = LoadedState.full(self.paths, self.window.settings_store)
            self.window.set_library(full.library, full.cards)  # type: ignore[arg-type]
            if full.settings != loaded.settings:
                self.window.settings = full.settings
                self.window.apply_colors()
            full.snapshot = loaded.snapshot
            self.loaded = loaded = full
        loaded.save_snapshot(self.paths)

    def _open_journal(self) -> None:
        """The diary; a damaged one is set aside (and said), a locked one retried later."""
        import sqlite3

        from app.core.journal import Journal
        from app.ui.errors import explain

        try:
            journal, problem = Journal.open(self.paths.journal_file)
        except (OSError, sqlite3.Error) as error:
            log.warning("diary not opened: %s", error)
            self.window.tell(self.window.tr("The diary could not be opened; routines still play."))
            return
        self.window.journal = journal
        self.window.note_journal_opened()
        if problem is not None:
            self.window.list_page.notice("diary").show_message(explain(problem))

    def handle_request(
        self, request: dict[str, Any], respond: Callable[[bool, str], None] | None = None
    ) -> tuple[bool, str] | None:
        """A request from a later launch; None when `respond` will be called later."""
        from app.ui.errors import explain

        command = request.get("command")
        use_activation_token(str(request.get("activation_token", "")))
        if command == "emergency" and respond is not None:
            # Acknowledged only once the relief screen is on the glass.
            self.window.when_relief_painted(lambda: respond(True, ""))
            self.window.show_relief()
            QTimer.singleShot(
                RELIEF_PAINT_LIMIT_MS,
                lambda: respond(False, "the relief screen was shown but not painted in time"),
            )
            return None
        if command == "emergency":
            self.window.show_relief()
            return True, ""
        self.window.raise_window()
        if command == "show":
            return True, ""
        if command == "routine":
            if self.window.relief_showing:
                return False, "the relief screen is open; a routine can start after it"
            try:
                self.window.start_routine(str(request.get("id", "")))
            except RoutineNotFoundError as error:
                self.window.show_list()
                self.window.tell(explain(error))
                return False, explain(error)
            return True, ""
        return False, f"unknown command {command!r}"


def use_activation_token(token: str) -> None:
    """Let the window take focus on Wayland with the launcher's token: Qt's Wayland plugin
    reads XDG_ACTIVATION_TOKEN (and clears it) when the window next asks to be activated.
    X11 ignores it; raise and activate do the work there."""
    if token:
        os.environ["XDG_ACTIVATION_TOKEN"] = token


def _rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _set_up_logging(paths: AppPaths) -> None:
    import logging.handlers  # after the first paint: it pulls in sockets, pickle and queues

    root = logging.getLogger()
    root.setLevel(logging.INFO)
    try:
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            paths.log_file, maxBytes=512 * 1024, backupCount=2, encoding="utf-8"
        )
    except OSError:
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
