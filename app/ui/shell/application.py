"""Start the interface: show the first screen as fast as possible, then set up the rest."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, assert_never

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from app import APP_ID, APP_NAME, DEBUG_ENV, DESKTOP_ID
from app.core.clock import SystemClock
from app.core.errors import RoutineNotFoundError
from app.core.loaded_state import LoadedState
from app.core.resources import ICONS_DIR, SOUNDS_DIR
from app.core.settings import SettingsStore
from app.core.storage import AppPaths
from app.desktop.instance_client import InstanceCommand, PrimaryLock
from app.ui.shell import i18n
from app.ui.shell.i18n import tr

if TYPE_CHECKING:
    from app.core.content import Content
    from app.core.journal import Journal
    from app.core.settings import Settings as SettingsType
    from app.ui.diary.diary_saving import DiarySaving
    from app.ui.reminders.reminder_service import ReminderService
    from app.ui.shell.main_window import MainWindow

log = logging.getLogger(__name__)


class LaunchOptions(Protocol):
    """What starting the interface needs from the command line (which passes its parsed
    options; the interface never imports the command line)."""

    routine: str | None
    basedir: Path | None
    emergency: bool


# An `unknot --emergency` waiting on a screen that never paints (say, on a hidden
# workspace) is told so rather than left hanging.
RELIEF_PAINT_LIMIT_MS = 1000
LOG_ROTATE_BYTES = 512 * 1024


def run(args: LaunchOptions, lock: PrimaryLock | None) -> int:
    """Start the interface. Without `lock` (another instance hangs), no socket is served."""
    paths = AppPaths.resolve(args.basedir)
    folder_problem = ""
    try:
        paths.ensure()
    except OSError as error:
        folder_problem = f"{error.filename}: {error.strerror}"
    store = SettingsStore(paths.settings_file)
    in_tray = bool(getattr(args, "tray", False)) and not args.emergency
    loaded = LoadedState.from_snapshot(paths) or (
        # Idling in the tray reads no routine file: the window that needs them may never open.
        LoadedState.settings_only(paths, store) if in_tray else LoadedState.full(paths, store)
    )

    app = QApplication([sys.argv[0] if sys.argv else APP_ID])
    app.setApplicationName(APP_NAME)
    app.setDesktopFileName(DESKTOP_ID)  # the Wayland app id: the launcher and its icon
    # Set by name, without asking style() first: wrapping the QStyle object makes PySide6
    # build its enum classes, about 30 ms before the first paint.
    app.setStyle("Fusion")
    font = app.font()
    # Desktop defaults (often 9-10 pt) are small for a routine followed from a mat.
    font.setPointSizeF(max(font.pointSizeF(), 11.0))
    app.setFont(font)
    # Before any widget: the words and the locale's formats are chosen once, at start-up.
    i18n.install(app, loaded.settings.language)
    started = Startup(app, None, paths, lock, args)
    started.loaded = loaded
    started.folder_problem = folder_problem
    if args.emergency:
        started.window.show_relief()  # the relief screen is the first thing painted
    elif in_tray:
        # Started hidden (at login): no window until one is needed.
        QTimer.singleShot(0, started.start_in_tray)
    else:
        started.window.show()
    return app.exec()


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
            tr("No sound device could be opened; the cues are shown on screen only.")
        )
    )
    return player


class Startup:
    """The window, and the app's background duties (the socket for later launches, the diary,
    reminders and the tray), set up once the first screen is on the glass.

    Started in the tray, the background comes first and the window is built only when
    something needs it: idling in the tray then costs no window, routines or pictures.
    """

    def __init__(
        self,
        app: QApplication,
        window: MainWindow | None,
        paths: AppPaths,
        lock: PrimaryLock | None,
        args: LaunchOptions,
    ) -> None:
        self.app = app
        self._window = window
        self.paths = paths
        self.lock = lock
        self.args = args
        self.loaded: LoadedState | None = None
        self.folder_problem = ""
        self.server: Any = None
        self.diary: DiarySaving | None = None  # the diary and its write path, once opened
        self.last_done: datetime | None = None  # before any window: from the diary
        self.service: ReminderService | None = None
        self._content: Content | None = None
        self._background_started = False
        self._untold: list[str] = []  # said before there was a window to say it in

    # -- the window --------------------------------------------------------------------

    @property
    def window(self) -> MainWindow:
        """The main window, built now if it was not yet."""
        if self._window is None:
            self._window = self._build_window()
        return self._window

    @property
    def built_window(self) -> MainWindow | None:
        return self._window

    def listed(self) -> LoadedState:
        """What was loaded, with the routines at least listed: after a start in the tray
        without a launch snapshot, they are read now."""
        if self.loaded is None or not self.loaded.complete:
            self.loaded = LoadedState.full(self.paths, SettingsStore(self.paths.settings_file))
        return self.loaded

    def window_with_routines(self) -> MainWindow:
        """The window, with the routines read: a window built from the launch snapshot
        lists them before reading them, which is enough to show the list, not to play."""
        window = self.window
        self._finish_loading()
        return window

    def _build_window(self) -> MainWindow:
        from app.ui.shell.main_window import MainWindow

        loaded = self.listed()
        window = MainWindow(
            loaded.cards,
            loaded.library,
            settings=loaded.settings,
            settings_store=SettingsStore(self.paths.settings_file),
            clock=SystemClock(),
            cue_player_factory=lambda: _cue_player(window),
            paths=self.paths,
        )
        window.apply_colors()
        window.setWindowIcon(_app_icon())
        window.first_painted.connect(lambda: QTimer.singleShot(0, self.after_first_paint))
        if self._content is not None:
            window.set_content(self._content)
        if self.diary is not None:
            self._give_journal(window)
        if self.service is not None:
            window.background = self.service
        for message in self._untold:
            window.tell(message)
        self._untold.clear()
        return window

    def tell(self, message: str) -> None:
        """Say it in the window if there is one; otherwise from the tray, and again in the
        window when it is built."""
        if self._window is not None:
            self._window.tell(message)
            return
        log.info("to say when the window opens: %s", message)
        self._untold.append(message)
        if self.service is not None and self.service.tray is not None:
            self.service.tray.show_message(APP_NAME, message)

    def content(self) -> Content:
        """Warning signs and tips (read once, when first needed)."""
        if self._content is None:
            from app.audio.cue_player import missing_sounds
            from app.core.content import load_content
            from app.core.resources import ASSETS_DIR

            self._content = load_content(ASSETS_DIR / "content", ASSETS_DIR)
            self._content.problems.extend(missing_sounds(SOUNDS_DIR))
        return self._content

    # -- starting --------------------------------------------------------------------

    def start_in_tray(self) -> None:
        """`unknot --tray`: the background duties only; the window waits to be needed."""
        from app.ui.shell.theme import apply_theme

        assert self.loaded is not None
        # The tray's menu in the chosen colours: opened at 3 a.m., it must not glare.
        apply_theme(self.app, self.loaded.settings.theme)
        self.start_background()
        if self.service is None or self.service.tray is None:
            # No tray on this desktop: a minimised window keeps the reminders running.
            self.window.showMinimized()
            self.window.tell(tr("There is no tray here; Unknot stays as a minimised window."))

    def start_background(self) -> None:
        """Logging, the socket for later launches, the diary and reminders; once."""
        if self._background_started:
            return
        self._background_started = True
        _set_up_logging(self.paths)
        from app.ui.shell.errors import install_excepthook

        install_excepthook(self.tell)  # before anything else can go wrong
        from app.desktop.instance_server import InstanceServer

        if self.lock is not None:
            self.server = InstanceServer(self.lock.socket_file, self.handle_request, self.app)
            self.server.listen()
        self._open_journal()
        self._start_reminders()

    def after_first_paint(self) -> None:
        from app.ui.shell.errors import explain

        self.start_background()
        self._finish_loading()
        # Built now, hidden, so that `unknot --emergency` only switches a page and paints.
        self.window.prepare_relief()
        self._ask_desktop_about_motion()
        self.window.show_load_problems_notice()
        if self.folder_problem:
            self.window.tell(
                tr("Unknot cannot write its folder ({problem}); changes are not saved.").format(
                    problem=self.folder_problem
                )
            )
        problem = self.loaded.settings_problem if self.loaded else None
        if problem is not None:
            self.window.show_settings_notice(explain(problem))
        if self.window.isVisible():
            # Read the diary while idle, so the diary screen opens at once later.
            QTimer.singleShot(3000, self.window.preload_diary)
        if self.window.relief_showing:
            # Someone in a cramp is not asked to read a disclaimer first: after the relief.
            self.window.relief_closed.connect(self._ask_disclaimer_after_relief)
            return
        if not self.window.ask_disclaimer_once():
            self.app.quit()
            return
        if self.args.routine:
            self.handle_request({"command": "routine", "id": self.args.routine})
        elif self.window.pages.currentWidget() is self.window.list_page:
            self.window.show_list()  # not when built to show a routine (tray, reminder)

    def _ask_desktop_about_motion(self) -> None:
        """The desktop's wish for less motion, read in a thread (the portal may be slow)."""
        from app.desktop.motion_hint import MotionHint

        hint = MotionHint(self.app)
        hint.heard.connect(self.window.set_desktop_motion_hint)
        hint.ask()

    def _start_reminders(self) -> None:
        """Reminders, the tray, notifications and sleep: the app's background duties."""
        from app.ui.reminders.reminder_service import ReminderService

        try:
            host = self._window if self._window is not None else WindowOnDemand(self)
            service = ReminderService(host, self.paths, SystemClock(), _app_icon(), parent=self.app)
            self.service = service
            if self._window is not None:
                self._window.background = service
            service.start()
        except Exception:  # reminders failing must not take the rest of the app with them
            log.exception("reminders could not start")
            self.tell(tr("Reminders could not start; see the log."))

    def quit(self) -> None:
        """Quit from the tray before any window was built."""
        if self._window is not None:
            self._window.quit_app()
            return
        if self.service is not None:
            self.service.stop()
        if self.diary is not None:
            self.diary.store.close()
        self.app.quit()

    def _ask_disclaimer_after_relief(self) -> None:
        if not self.window.settings.disclaimer_accepted and not self.window.ask_disclaimer_once():
            self.app.quit()

    def _finish_loading(self) -> None:
        """After a start from the snapshot: the full, checked load; then save the snapshot."""
        window = self.window
        if window.content is None:
            window.set_content(self.content())
        loaded = self.loaded
        if loaded is None:
            return
        if loaded.library is None:
            full = LoadedState.full(self.paths, window.settings_store)
            window.set_library(full.library, full.cards)  # type: ignore[arg-type]
            if full.settings != loaded.settings:
                window.settings = full.settings
                window.apply_colors()
            full.snapshot = loaded.snapshot
            self.loaded = loaded = full
        loaded.save_snapshot(self.paths)

    @property
    def journal(self) -> Journal | None:
        return self.diary.store.journal if self.diary is not None else None

    def _open_journal(self) -> None:
        """The diary and what waited for it: opened as far as it can be, never fatal.

        Busy, full, read-only or newer diaries are left as they are and said; only one
        proven damaged is set aside (and said, naming the kept file). Records that cannot
        be written wait in the pending file and are tried again every half minute.
        """
        from app.core.diary_store import DiaryStore
        from app.ui.diary.diary_saving import DiarySaving

        store = DiaryStore(
            self.paths.journal_file, self.paths.pending_records_file, SystemClock().now
        )
        store.open()
        self.diary = DiarySaving(store, self.app)
        self.diary.start_retrying()
        if store.journal is not None:
            self.last_done = store.journal.last_finished_session_end()
        if self._window is not None:
            self._give_journal(self._window)
        elif store.problem is not None or store.set_aside is not None:
            self.tell(self.diary.status_text() or self._set_aside_text())

    def _set_aside_text(self) -> str:
        from app.ui.shell.errors import explain

        problem = self.diary.store.set_aside if self.diary is not None else None
        return explain(problem) if problem is not None else ""

    def _give_journal(self, window: MainWindow) -> None:
        assert self.diary is not None
        window.use_diary(self.diary)
        set_aside = self._set_aside_text()
        if set_aside:
            window.list_page.notice("diary").show_message(set_aside)

    def handle_request(
        self, request: dict[str, Any], respond: Callable[[bool, str], None] | None = None
    ) -> tuple[bool, str] | None:
        """A request from a later launch; None when `respond` will be called later."""
        from app.desktop.activation import use_activation_token

        use_activation_token(str(request.get("activation_token", "")))
        try:
            return self._carry_out(request, respond)
        finally:
            self._finish_startup_notification(str(request.get("startup_id", "")))

    def _finish_startup_notification(self, startup_id: str) -> None:
        """The launch that sent this shows no window of its own: end its launcher's busy
        cursor here (X11; on Wayland the activation token does it)."""
        if startup_id and self.app.platformName() == "xcb":
            from app.desktop.startup_notification import finish

            finish(startup_id)

    def _carry_out(
        self, request: dict[str, Any], respond: Callable[[bool, str], None] | None
    ) -> tuple[bool, str] | None:
        from app.ui.shell.errors import explain

        asked = request.get("command")
        try:
            command = InstanceCommand(str(asked))
        except ValueError:
            self.window.raise_window()  # a newer launch's request: at least the window
            return False, f"unknown command {asked!r}"
        match command:
            case InstanceCommand.EMERGENCY:
                if respond is None:
                    self.window.show_relief()
                    return True, ""
                # Acknowledged only once the relief screen is on the glass.
                self.window.when_relief_painted(lambda: respond(True, ""))
                self.window.show_relief()
                QTimer.singleShot(
                    RELIEF_PAINT_LIMIT_MS,
                    lambda: respond(False, "the relief screen was shown but not painted in time"),
                )
                return None
            case InstanceCommand.SHOW:
                self.window.raise_window()
                return True, ""
            case InstanceCommand.ROUTINE:
                self.window.raise_window()
                if self.window.relief_showing:
                    return False, "the relief screen is open; a routine can start after it"
                try:
                    self.window_with_routines().start_routine(str(request.get("id", "")))
                except RoutineNotFoundError as error:
                    self.window.show_list()
                    self.window.tell(explain(error))
                    return False, explain(error)
                return True, ""
            case unreachable:
                assert_never(unreachable)


class WindowOnDemand:
    """What the reminders ask of the main window, answered without building it until a
    reminder is acted on: after a start in the tray, idling costs no window."""

    def __init__(self, startup: Startup) -> None:
        self._startup = startup

    @property
    def settings(self) -> SettingsType:
        window = self._startup.built_window
        if window is not None:
            return window.settings
        assert self._startup.loaded is not None
        return self._startup.loaded.settings

    @property
    def language(self) -> str:
        return i18n.active_language()

    @property
    def relief_showing(self) -> bool:
        window = self._startup.built_window
        return window is not None and window.relief_showing

    def routine_title(self, routine_id: str) -> str:
        window = self._startup.built_window
        if window is not None:
            return window.routine_title(routine_id)
        titles = {card.id: card.title_in(self.language) for card in self._startup.listed().cards}
        return titles.get(routine_id, routine_id)

    def tip_text(self, day: date) -> str:
        tip = self._startup.content().tip_for(day)
        return tip.text.get(self.language) if tip is not None else ""

    def last_routine_done(self) -> datetime | None:
        window = self._startup.built_window
        return window.last_routine_done() if window is not None else self._startup.last_done

    def tell(self, message: str) -> None:
        self._startup.tell(message)

    def raise_window(self) -> None:
        self._startup.window.raise_window()

    def show_relief(self) -> None:
        self._startup.window.show_relief()

    def start_routine_safely(self, routine_id: str) -> None:
        self._startup.window_with_routines().start_routine_safely(routine_id)

    def open_routine_safely(self, routine_id: str) -> None:
        self._startup.window_with_routines().open_routine_safely(routine_id)

    def quit_app(self) -> None:
        self._startup.quit()


def debug_logging() -> bool:
    """Whether --debug or UNKNOT_DEBUG asked for details in the log."""
    return os.environ.get(DEBUG_ENV, "") not in ("", "0")


def _set_up_logging(paths: AppPaths) -> None:
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if debug_logging() else logging.INFO)
    try:
        _rotate_log(paths.log_file)
        handler: logging.Handler = logging.FileHandler(paths.log_file, encoding="utf-8")
    except OSError:
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)


def _rotate_log(log_file: Path) -> None:
    """Keep the log and two older ones, rotated at start when it has grown past its size.

    Not logging.handlers' rotating handler: that module pulls in sockets, pickle and queues,
    about 2 MB that an app idling in the tray for weeks would carry for a log of a few lines
    a day."""
    if not log_file.exists() or log_file.stat().st_size < LOG_ROTATE_BYTES:
        return
    for older, newer in ((2, 1), (1, 0)):
        source = log_file.with_name(f"{log_file.name}.{newer}") if newer else log_file
        if source.exists():
            source.replace(log_file.with_name(f"{log_file.name}.{older}"))
