"""Suspend and resume, as logind announces them on the system bus (PrepareForSleep)."""

from __future__ import annotations

import logging

from jeepney import HeaderFields  # type: ignore[import-untyped]
from jeepney.bus_messages import MatchRule  # type: ignore[import-untyped]
from PySide6.QtCore import QObject, Signal

from app.desktop.dbus_link import BusConnection, BusError, Message, system_bus_address

log = logging.getLogger(__name__)

LOGIND = "org.freedesktop.login1"
MANAGER_PATH = "/org/freedesktop/login1"
MANAGER_INTERFACE = "org.freedesktop.login1.Manager"


class SleepWatch(QObject):
    """Emits `suspending` as the machine goes to sleep and `resumed` once it is awake again.

    Without a system bus (a container, a system without logind) `start` returns False and
    `available` stays False; reminders then rely on their own wall-clock checks.
    """

    suspending = Signal()
    resumed = Signal()

    def __init__(self, address: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._address = address  # the system bus unless told otherwise (tests use their own)
        self._connection: BusConnection | None = None

    @property
    def available(self) -> bool:
        return self._connection is not None and self._connection.is_open

    def start(self) -> bool:
        if self.available:
            return True
        self.stop()
        try:
            connection = BusConnection.open(self._address or system_bus_address(), self)
        except BusError as error:
            log.info("suspend and resume are not watched: no system bus: %s", error)
            return False
        # The sender condition makes the bus deliver only what logind itself sends, so no
        # other program can make us believe the machine woke up.
        rule = MatchRule(
            type="signal",
            sender=LOGIND,
            interface=MANAGER_INTERFACE,
            member="PrepareForSleep",
            path=MANAGER_PATH,
        )
        try:
            connection.add_match(rule)
        except BusError as error:
            log.info("suspend and resume are not watched: %s", error)
            connection.close()
            connection.deleteLater()
            return False
        connection.signal_received.connect(self._on_signal)
        self._connection = connection
        return True

    def stop(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection.deleteLater()
            self._connection = None

    def _on_signal(self, message: Message) -> None:
        if message.header.fields.get(HeaderFields.member) != "PrepareForSleep":
            return
        if message.body and message.body[0] is True:
            self.suspending.emit()
        elif message.body and message.body[0] is False:
            self.resumed.emit()
