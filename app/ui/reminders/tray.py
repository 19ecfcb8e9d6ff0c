"""The tray icon and its menu: cramp help first, tonight's routine, the next reminder, pause.

The menu only says what was chosen, through signals; the application decides what each
choice does, so this stays a thin, testable wrapper over QSystemTrayIcon.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, SignalInstance
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from app.ui.reminders.reminder_scheduler import PauseLength, SchedulerStatus, status_text, tr


class TrayIcon(QObject):
    """The tray icon, whose menu is, in order: Cramp now, Start tonight's routine, the next
    reminder (information only), Pause reminders, Open Unknot, Quit."""

    cramp_now_requested = Signal()
    start_routine_requested = Signal()
    pause_requested = Signal(object)  # a PauseLength
    resume_requested = Signal()
    open_requested = Signal()
    quit_requested = Signal()

    def __init__(self, icon: QIcon, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.menu = QMenu()
        self.cramp_action = self._add(self.menu, tr("Cramp now"), self.cramp_now_requested)
        bold = self.cramp_action.font()
        bold.setBold(True)  # the one to find fast, in pain, half asleep
        self.cramp_action.setFont(bold)
        self.routine_action = self._add(
            self.menu, tr("Start tonight's routine"), self.start_routine_requested
        )
        self.menu.addSeparator()
        self.status_action = QAction(tr("No reminders set"), self.menu)
        self.status_action.setEnabled(False)  # information, not a choice
        self.menu.addAction(self.status_action)
        self.pause_menu = self.menu.addMenu(tr("Pause reminders"))
        self.pause_hour_action = self._add_pause(tr("For 1 hour"), PauseLength.HOUR)
        self.pause_tonight_action = self._add_pause(tr("Tonight"), PauseLength.TONIGHT)
        self.pause_always_action = self._add_pause(tr("Until I resume"), PauseLength.UNTIL_RESUMED)
        self.pause_menu.addSeparator()
        self.resume_action = self._add(
            self.pause_menu, tr("Resume reminders"), self.resume_requested
        )
        self.resume_action.setVisible(False)
        self.menu.addSeparator()
        self.open_action = self._add(self.menu, tr("Open Unknot"), self.open_requested)
        self.quit_action = self._add(self.menu, tr("Quit"), self.quit_requested)

        self.icon = QSystemTrayIcon(icon, self)
        self.icon.setToolTip("Unknot")
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)

    @staticmethod
    def available() -> bool:
        """Whether the desktop shows tray icons at all (many GNOME setups do not)."""
        return QSystemTrayIcon.isSystemTrayAvailable()

    def show(self) -> None:
        self.icon.show()

    def hide(self) -> None:
        self.icon.hide()

    def update_status(self, status: SchedulerStatus) -> None:
        """Show the next reminder, "Done tonight", or the pause; offer Resume when paused."""
        text = status_text(status)
        self.status_action.setText(text)
        self.icon.setToolTip(f"Unknot: {text}")
        self.resume_action.setVisible(status.paused)
        self.pause_menu.setTitle(tr("Reminders paused") if status.paused else tr("Pause reminders"))

    def show_message(self, title: str, body: str) -> None:
        """A balloon from the tray: for notification servers that cannot show buttons."""
        self.icon.showMessage(title, body, QSystemTrayIcon.MessageIcon.Information, 15_000)

    @staticmethod
    def _add(menu: QMenu, text: str, signal: SignalInstance) -> QAction:
        action = QAction(text, menu)
        # Signal to signal: Qt drops the "checked" argument the plain signal has no room for.
        action.triggered.connect(signal)
        menu.addAction(action)
        return action

    def _add_pause(self, text: str, length: PauseLength) -> QAction:
        action = QAction(text, self.pause_menu)
        action.triggered.connect(lambda: self.pause_requested.emit(length))
        self.pause_menu.addAction(action)
        return action

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        # A left click opens the window; the menu is on the right button (and on a left
        # click where the desktop decides so, as some do).
        if reason is QSystemTrayIcon.ActivationReason.Trigger:
            self.open_requested.emit()
