"""Desktop notifications with action buttons: org.freedesktop.Notifications on the session bus.

The ids a notification server hands out are uint32, which is why the signals carry
`quint32`: a plain `int` signal is 32-bit signed in Qt and would mangle ids past 2**31.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from jeepney import DBusAddress, HeaderFields, new_method_call  # type: ignore[import-untyped]
from jeepney.bus_messages import MatchRule  # type: ignore[import-untyped]
from PySide6.QtCore import QObject, Signal

from app import APP_ID, APP_NAME, DESKTOP_ID
from app.core.resources import ICONS_DIR
from app.desktop.dbus_link import (
    NO_SERVICE_ERRORS,
    BusConnection,
    BusError,
    Message,
    sender_of,
    session_bus_address,
)

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.Notifications"
OBJECT_PATH = "/org/freedesktop/Notifications"
NOTIFICATIONS = DBusAddress(OBJECT_PATH, bus_name=SERVICE, interface=SERVICE)
NOTIFY_SIGNATURE = "susssasa{sv}i"
# Qt's name for the type; PySide6's stubs know only Python types, hence Any.
UINT32: Any = "quint32"
DEFAULT_ACTION = "default"  # the key a server reports for a click on the notification itself


class Urgency(enum.IntEnum):
    LOW = 0
    NORMAL = 1
    CRITICAL = 2  # servers keep these on screen until the user acts


class CloseReason(enum.IntEnum):
    EXPIRED = 1
    DISMISSED = 2
    CLOSED_BY_CALL = 3
    UNDEFINED = 4


@dataclass(frozen=True)
class ServerInfo:
    name: str
    vendor: str
    version: str
    spec_version: str


def default_icon() -> str:
    """Our icon's theme name once it is installed; until then the bundled file itself."""
    from app.desktop.desktop_entries import ICON_NAME, icon_installed

    bundled = ICONS_DIR / f"{APP_ID}-128.png"
    if icon_installed() or not bundled.is_file():
        return ICON_NAME
    return bundled.as_uri()  # the only URI scheme the specification allows here


def escape_markup(text: str) -> str:
    """The body markup's three special characters, escaped. Not html.escape: its module
    loads the whole entity table, memory an app idling in the tray does not need."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class DesktopNotifier(QObject):
    """Shows notifications and reports clicks on them, for the ids it sent only.

    `start()` fails softly: without a session bus or a notification server `available`
    stays False and `notify` returns None, so the caller can fall back to the tray.
    """

    action_invoked = Signal(UINT32, str)  # notification id, action key
    closed = Signal(UINT32, UINT32)  # notification id, CloseReason value
    # Sent just before action_invoked by servers that support it: the XDG activation token
    # that lets the window raise itself on Wayland.
    activation_token = Signal(UINT32, str)

    def __init__(
        self,
        address: str | None = None,
        parent: QObject | None = None,
        app_name: str = APP_NAME,
        app_icon: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._address = address
        self._app_name = app_name
        self._app_icon = app_icon if app_icon is not None else default_icon()
        self._connection: BusConnection | None = None
        self._ready = False
        self.capabilities: frozenset[str] = frozenset()
        self.server: ServerInfo | None = None
        # Our notifications still on screen, each with the unique bus name of the server
        # that showed it: a signal counts only from that sender and for those ids.
        self._shown: dict[int, str] = {}

    @property
    def available(self) -> bool:
        return self._ready and self._connection is not None and self._connection.is_open

    @property
    def supports_actions(self) -> bool:
        return self.available and "actions" in self.capabilities

    @property
    def plays_sounds(self) -> bool:
        """Whether the server plays a notification's sound (and so silences it when the
        user asked for quiet)."""
        return self.available and "sound" in self.capabilities

    def start(self) -> bool:
        """Connect and ask the server what it can do; False (and logged) if there is none."""
        if self.available:
            return True
        self._ready = False
        if self._connection is not None and not self._connection.is_open:
            self.stop()  # the bus went away: connect afresh
        if self._connection is None:
            address = self._address or session_bus_address()
            if address is None:
                log.info("notifications unavailable: no session bus")
                return False
            try:
                self._connection = BusConnection.open(address, self)
            except BusError as error:
                log.info("notifications unavailable: cannot reach the session bus: %s", error)
                self._connection = None
                return False
            self._connection.signal_received.connect(self._on_signal)
            self._connection.lost.connect(self._on_lost)
            try:
                # One rule for every signal of the interface (one round trip); _on_signal
                # picks the members it knows.
                self._connection.add_match(
                    MatchRule(type="signal", interface=SERVICE, path=OBJECT_PATH)
                )
            except BusError as error:
                log.warning("notifications unavailable: the bus refused a match rule: %s", error)
                self.stop()
                return False
        # Both questions at once, so a server that hangs costs one timeout, not two.
        capabilities, information = self._connection.call_many(
            [
                new_method_call(NOTIFICATIONS, "GetCapabilities"),
                new_method_call(NOTIFICATIONS, "GetServerInformation"),
            ]
        )
        if isinstance(capabilities, BusError) or isinstance(information, BusError):
            problem = capabilities if isinstance(capabilities, BusError) else information
            if problem.name in NO_SERVICE_ERRORS:
                log.info("notifications unavailable: no notification server is running")
            else:
                log.warning("notifications unavailable: the server did not answer: %s", problem)
            return False
        self.capabilities = frozenset(str(item) for item in capabilities.body[0])
        fields = [str(item) for item in information.body[:4]]
        self.server = ServerInfo(*fields, *[""] * (4 - len(fields)))
        self._ready = True
        log.info(
            "notification server %s %s (%s); capabilities: %s",
            self.server.name,
            self.server.version,
            self.server.vendor,
            " ".join(sorted(self.capabilities)),
        )
        return True

    def stop(self) -> None:
        self._ready = False
        self._shown.clear()
        if self._connection is not None:
            self._connection.close()
            self._connection.deleteLater()
            self._connection = None

    def notify(
        self,
        summary: str,
        body: str = "",
        actions: Sequence[tuple[str, str]] = (),
        urgency: Urgency = Urgency.NORMAL,
        *,
        default_label: str = "Open",
        category: str | None = None,
        sound_name: str | None = None,
        sound_file: str | None = None,
        silent: bool = False,
        resident: bool = False,
        timeout_ms: int = -1,
        replaces_id: int = 0,
    ) -> int | None:
        """Show a notification; the id the server gave it, or None if it was not shown.

        `actions` are (key, label) pairs shown as buttons; a click on the notification
        itself reports DEFAULT_ACTION. `timeout_ms` -1 lets the server decide, 0 never
        expires. `replaces_id` updates a notification in place instead of adding another.
        A server that went away since `start` is looked for again first.
        """
        if not self.available and not self.start():
            return None
        assert self._connection is not None
        flat_actions = [DEFAULT_ACTION, default_label]
        for key, label in actions:
            if key != DEFAULT_ACTION:
                flat_actions += [key, label]
        hints: dict[str, tuple[str, object]] = {
            "urgency": ("y", int(urgency)),
            # Lets the server group our notifications and show the launcher's name and icon.
            "desktop-entry": ("s", DESKTOP_ID),
        }
        if category:
            hints["category"] = ("s", category)
        if sound_name:
            hints["sound-name"] = ("s", sound_name)
        if sound_file:
            hints["sound-file"] = ("s", sound_file)
        if silent:
            hints["suppress-sound"] = ("b", True)
        if resident:
            hints["resident"] = ("b", True)  # stays after an action is clicked
        if "body-markup" in self.capabilities:
            body = escape_markup(body)  # a bare & or < would break or hide the text
        message = new_method_call(
            NOTIFICATIONS,
            "Notify",
            NOTIFY_SIGNATURE,
            (
                self._app_name,
                replaces_id,
                self._app_icon,
                summary,
                body,
                flat_actions,
                hints,
                timeout_ms,
            ),
        )
        try:
            reply = self._connection.call(message)
        except BusError as error:
            log.warning("notification %r not shown: %s", summary, error)
            if error.name in NO_SERVICE_ERRORS:
                self._ready = False  # the server quit: look for it again next time
            return None
        notification_id = int(reply.body[0])
        self._shown[notification_id] = sender_of(reply)
        return notification_id

    def close(self, notification_id: int) -> None:
        """Take a notification off the screen; nothing waits for the server to do it."""
        if self._connection is None or notification_id not in self._shown:
            return
        message = new_method_call(NOTIFICATIONS, "CloseNotification", "u", (notification_id,))
        try:
            self._connection.send(message)
        except BusError as error:
            log.warning("cannot close notification %d: %s", notification_id, error)

    def _on_signal(self, message: Message) -> None:
        member = message.header.fields.get(HeaderFields.member)
        body = message.body
        if not body or not isinstance(body[0], int):
            return
        notification_id = body[0]
        if self._shown.get(notification_id) != sender_of(message):
            return  # someone else's notification, or a sender that is not our server
        if member == "ActionInvoked" and len(body) >= 2:
            self.action_invoked.emit(notification_id, str(body[1]))
        elif member == "ActivationToken" and len(body) >= 2:
            self.activation_token.emit(notification_id, str(body[1]))
        elif member == "NotificationClosed":
            del self._shown[notification_id]
            reason = (
                body[1] if len(body) >= 2 and isinstance(body[1], int) else CloseReason.UNDEFINED
            )
            self.closed.emit(notification_id, reason)

    def _on_lost(self) -> None:
        self._ready = False
        self._shown.clear()  # their signals can no longer reach us
