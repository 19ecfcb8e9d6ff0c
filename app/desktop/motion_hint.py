"""The desktop's own wish for less motion: GNOME's `enable-animations`, read through the
freedesktop settings portal (Qt 6.11's style hints carry no such hint).

Asked once, in a worker thread after the first paint, so a portal that is slow to start
never holds up a window; nothing is read where the session has no bus or no portal.
"""

from __future__ import annotations

import logging
import threading

from jeepney import DBusAddress, new_method_call  # type: ignore[import-untyped]
from jeepney.io.blocking import open_dbus_connection  # type: ignore[import-untyped]
from PySide6.QtCore import QObject, Signal

from app.desktop.dbus_link import session_bus_address

log = logging.getLogger(__name__)

PORTAL = DBusAddress(
    "/org/freedesktop/portal/desktop",
    bus_name="org.freedesktop.portal.Desktop",
    interface="org.freedesktop.portal.Settings",
)
NAMESPACE = "org.gnome.desktop.interface"
KEY = "enable-animations"
TIMEOUT_S = 2.0


def unwrap(value: object) -> object:
    """A D-Bus variant's value: `Read` answers a variant holding a variant."""
    while isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], str):
        value = value[1]
    return value


def desktop_wants_less_motion(address: str | None = None) -> bool:
    """True only when the desktop says animations are off; False when it says nothing."""
    address = address if address is not None else session_bus_address()
    if not address:
        return False
    try:
        connection = open_dbus_connection(bus=address)
    except (OSError, ValueError, RuntimeError) as error:
        log.debug("no session bus for the motion hint: %s", error)
        return False
    try:
        reply = connection.send_and_get_reply(
            new_method_call(PORTAL, "Read", "ss", (NAMESPACE, KEY)), timeout=TIMEOUT_S
        )
    except (OSError, TimeoutError) as error:
        log.debug("the settings portal did not answer: %s", error)
        return False
    finally:
        connection.close()
    if not reply.body:  # an error reply (no portal, or no such key)
        return False
    return unwrap(reply.body[0]) is False


class MotionHint(QObject):
    """Asks once, in a thread; `heard` carries the answer back to the interface's thread."""

    heard = Signal(bool)  # True: the desktop wants less motion

    def ask(self, address: str | None = None) -> None:
        threading.Thread(
            target=lambda: self.heard.emit(desktop_wants_less_motion(address)),
            name="motion-hint",
            daemon=True,
        ).start()
