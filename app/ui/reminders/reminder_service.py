"""Reminders while Unknot runs: the schedule, the tray, notifications, and waking from sleep.

Set up after the first paint (or at once with `--tray`). A reminder goes out as a desktop
notification with Start, Snooze and Skip tonight when the notification server has actions;
as the tray's message when it has none; and, with no notification server at all, by raising
the window with the reminder in its status line.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable
from datetime import date, datetime, tzinfo
from typing import TYPE_CHECKING, Protocol, assert_never

from PySide6.QtCore import QObject
from PySide6.QtGui import QIcon

from app.core.reminders import MAX_SNOOZES, HandledState, Reminder
from app.desktop.activation import use_activation_token
from app.desktop.notifications import DEFAULT_ACTION, CloseReason, DesktopNotifier, Urgency
from app.desktop.sleep_watch import SleepWatch
from app.ui.reminders.reminder_scheduler import ReminderScheduler
from app.ui.reminders.tray import TrayIcon
from app.ui.shell.format import time_of_day

if TYPE_CHECKING:
    from app.core.clock import Clock
    from app.core.settings import Settings
    from app.core.storage import AppPaths

log = logging.getLogger(__name__)

STATE_FILE = "reminders-state.json"
DEFAULT_ROUTINE = "evening-stretch"
CATEGORY = "x-unknot.reminder"
# The freedesktop sound theme's name for a message; with it, a server that plays sounds
# plays our chime (sound-file) or its own, and silences either under Do Not Disturb.
SOUND_NAME = "message-new-instant"
UNANSWERED = (CloseReason.EXPIRED, CloseReason.DISMISSED)


class ReminderAction(enum.StrEnum):
    """The buttons a reminder's notification offers, by the keys the server reports."""

    START = "start"
    SNOOZE = "snooze"
    SKIP = "skip"
    OPEN = DEFAULT_ACTION  # a click on the notification itself


def _qobject(host: ReminderHost) -> QObject | None:
    return host if isinstance(host, QObject) else None


def reminder_sound_file() -> str:
    from app.core.resources import SOUNDS_DIR

    return str(SOUNDS_DIR / "reminder.wav")


def play_reminder_chime(volume: int) -> None:
    from pathlib import Path

    from app.audio.chime import play_once

    play_once(Path(reminder_sound_file()), volume)


class ReminderHost(Protocol):
    """What reminders need of the app: the main window, or, after a start in the tray, a
    stand-in that builds the window only when a reminder is acted on."""

    @property
    def settings(self) -> Settings: ...
    @property
    def language(self) -> str: ...
    @property
    def relief_showing(self) -> bool: ...
    def routine_title(self, routine_id: str) -> str: ...
    def tip_text(self, day: date) -> str: ...
    def last_routine_done(self) -> datetime | None: ...
    def tell(self, message: str) -> None: ...
    def raise_window(self) -> None: ...
    def show_relief(self) -> object: ...
    def start_routine_safely(self, routine_id: str) -> None: ...
    def open_routine_safely(self, routine_id: str) -> None: ...
    def quit_app(self) -> None: ...


class ReminderService(QObject):
    def __init__(
        self,
        window: ReminderHost,
        paths: AppPaths,
        clock: Clock,
        icon: QIcon,
        *,
        parent: QObject | None = None,
        notifier: DesktopNotifier | None = None,
        tray: TrayIcon | None = None,
        sleep_watch: SleepWatch | None = None,
        zone: tzinfo | None = None,
        chime: Callable[[int], None] | None = None,
    ) -> None:
        super().__init__(parent if parent is not None else _qobject(window))
        self.window = window
        # The chime that goes with a reminder, given its volume in percent.
        self._chime = chime if chime is not None else play_reminder_chime
        self._clock = clock
        state = HandledState(paths.state_dir / STATE_FILE)
        self.scheduler = ReminderScheduler(
            clock, paths.reminders_file, state, window.last_routine_done, zone=zone, parent=self
        )
        self.notifier = notifier if notifier is not None else DesktopNotifier(parent=self)
        if tray is None and TrayIcon.available():
            tray = TrayIcon(icon, self)
        self.tray = tray
        self.sleep_watch = sleep_watch if sleep_watch is not None else SleepWatch(parent=self)
        self._sent: dict[int, tuple[Reminder, datetime]] = {}
        # Occurrences already brought back once after their notification went unanswered.
        self._nudged: set[tuple[str, datetime]] = set()
        self._told_about_tray = False

        self.scheduler.reminder_due.connect(self.remind)
        self.scheduler.reminder_missed.connect(
            lambda reminder, at: log.info("reminder %s at %s missed", reminder.id, at)
        )
        self.scheduler.problems.connect(self._problems)
        self.scheduler.state_not_saved.connect(
            lambda error: log.warning("reminder state not saved: %s", error)
        )
        self.notifier.action_invoked.connect(self._action)
        self.notifier.closed.connect(self._closed)
        self.scheduler.status_changed.connect(self._withdraw_if_settled)
        # A click on a notification comes with a token to raise the window (Wayland).
        self.notifier.activation_token.connect(lambda _id, token: use_activation_token(token))
        self.sleep_watch.resumed.connect(self.scheduler.check_now)
        if self.tray is not None:
            tray = self.tray
            tray.cramp_now_requested.connect(window.show_relief)
            tray.start_routine_requested.connect(self.start_tonights_routine)
            tray.pause_requested.connect(self.scheduler.pause)
            tray.resume_requested.connect(self.scheduler.resume)
            tray.open_requested.connect(window.raise_window)
            tray.quit_requested.connect(window.quit_app)
            self.scheduler.status_changed.connect(self._update_tray)

    def start(self) -> None:
        self.notifier.start()
        self.sleep_watch.start()
        self.scheduler.start()
        if self.tray is not None:
            self.tray.show()
            self._update_tray()

    def stop(self) -> None:
        self.scheduler.stop()
        self.notifier.stop()
        self.sleep_watch.stop()
        if self.tray is not None:
            self.tray.hide()

    # -- the window asks ------------------------------------------------------------

    @property
    def keeps_running(self) -> bool:
        """Whether closing the window should keep Unknot running: a reminder is on. Without
        a tray too (stock GNOME has none): reminders never stop without a word."""
        return any(r.enabled for r in self.scheduler.reminders())

    def tell_once_about_tray(self) -> None:
        """Say once that Unknot keeps running for the reminders, and how to come back."""
        if self._told_about_tray:
            return
        self._told_about_tray = True
        if self.tray is not None:
            self.tray.show_message(
                self.tr("Unknot is still here"),
                self.tr("It keeps your reminders in the tray. Quit from the tray's menu."),
            )
            return
        shown = self.notifier.notify(
            self.tr("Unknot keeps running for your reminders"),
            self.tr("Start Unknot again to open its window; quit there with Ctrl+Q."),
            urgency=Urgency.LOW,
            category="x-unknot.running",
            silent=True,
        )
        if shown is None:
            log.warning("closed to the background, and nowhere to say so")

    # -- reminding -----------------------------------------------------------------

    def remind(self, reminder: Reminder, occurrence: datetime, late: bool) -> None:
        settings = self.window.settings
        # A nudge after an unanswered notification comes without a sound: gentle.
        quiet = settings.muted or (reminder.id, occurrence) in self._nudged
        server_sounds = not quiet and (self.notifier.available or self.notifier.start())
        server_sounds = server_sounds and self.notifier.plays_sounds
        if not quiet and not server_sounds:
            # Gentle whatever the hour: a reminder comes at bedtime, near a sleeping house.
            self._chime(min(settings.volume, settings.night_volume))
        title = self.window.routine_title(reminder.routine or DEFAULT_ROUTINE)
        summary = self.tr("Time for: {routine}").format(routine=title)
        lines = []
        if late:
            lines.append(
                self.tr("This was due at {time}, while the computer was asleep or off.").format(
                    time=time_of_day(occurrence)
                )
            )
        if reminder.message is not None:
            lines.append(reminder.message.get(self.window.language))
        else:  # a rotating tip from the content brief
            lines.append(self.window.tip_text(occurrence.date()))
        body = "\n".join(line for line in lines if line)
        if self.notifier.available or self.notifier.start():
            actions = [(ReminderAction.START.value, self.tr("Start"))]
            if self.scheduler.snoozes_left(reminder.id, occurrence) > 0:
                actions.append((ReminderAction.SNOOZE.value, self.tr("Snooze 10 min")))
            actions.append((ReminderAction.SKIP.value, self.tr("Skip tonight")))
            notification = self.notifier.notify(
                summary,
                body,
                actions if self.notifier.supports_actions else (),
                default_label=self.tr("Open"),
                category=CATEGORY,
                # The server plays it and honours Do Not Disturb; else ours played already.
                sound_name=SOUND_NAME if server_sounds else None,
                sound_file=reminder_sound_file() if server_sounds else None,
                silent=not server_sounds,
            )
            if notification is not None:
                self._sent[notification] = (reminder, occurrence)
                if self.notifier.supports_actions:
                    return
        if self.tray is not None:
            self.tray.show_message(summary, body)
            return
        self.window.raise_window()
        self.window.tell(f"{summary} {body}")

    def _closed(self, notification: int, reason: int) -> None:
        """A reminder closed unanswered (expired or dismissed) comes back once, gently,
        after the snooze interval, within the snooze limit; the tray shows when."""
        sent = self._sent.pop(notification, None)
        if sent is None or reason not in UNANSWERED:
            return
        reminder, occurrence = sent
        if (reminder.id, occurrence) in self._nudged:
            return  # brought back once already: the tray and the window keep it in reach
        self._nudged.add((reminder.id, occurrence))
        if self.scheduler.snoozes_left(reminder.id, occurrence) > 0 and self.scheduler.snooze(
            reminder.id, occurrence
        ):
            log.info("reminder %s closed unanswered: it comes back once", reminder.id)

    def withdraw(self) -> None:
        """Take our reminders off the screen: they no longer apply."""
        for notification in list(self._sent):
            del self._sent[notification]
            self.notifier.close(notification)

    def routine_started(self) -> None:
        """A routine began (in the window, or from a reminder): tonight's reminders are
        answered."""
        self.withdraw()

    def _withdraw_if_settled(self) -> None:
        status = self.scheduler.status()
        if self._sent and (status.done_tonight or status.paused):
            self.withdraw()

    def _action(self, notification: int, key: str) -> None:
        try:
            action = ReminderAction(key)
        except ValueError:
            log.warning("notification action %r is not one of ours", key)
            return
        sent = self._sent.pop(notification, None)
        if sent is None:
            return
        reminder, occurrence = sent
        match action:
            case ReminderAction.SNOOZE:
                if not self.scheduler.snooze(reminder.id, occurrence):
                    self.window.tell(
                        self.tr(
                            "Snoozed {n} times already; the reminder is over for tonight."
                        ).format(n=MAX_SNOOZES)
                    )
            case ReminderAction.SKIP:
                self.withdraw()  # the other reminders tonight are answered too
                self.scheduler.skip_tonight()
            case ReminderAction.START | ReminderAction.OPEN:
                if action is ReminderAction.START:
                    self.withdraw()
                self.window.raise_window()
                if self.window.relief_showing:
                    return  # never push the relief screen aside
                routine = reminder.routine or DEFAULT_ROUTINE
                if action is ReminderAction.START:
                    self.window.start_routine_safely(routine)
                else:
                    self.window.open_routine_safely(routine)
            case _ as never:
                assert_never(never)

    def start_tonights_routine(self) -> None:
        self.withdraw()
        status = self.scheduler.status()
        routine = status.next_reminder.routine if status.next_reminder is not None else None
        self.window.raise_window()
        if not self.window.relief_showing:
            self.window.open_routine_safely(routine or DEFAULT_ROUTINE)

    def _update_tray(self) -> None:
        if self.tray is not None:
            self.tray.update_status(self.scheduler.status())

    def _problems(self, problems: list[object]) -> None:
        for problem in problems:
            log.warning("reminders: %s", problem)
        if problems:
            self.window.tell(
                self.tr("reminders.yaml has a problem; the last good reminders stay on.")
            )
