"""Stand-ins for the desktop integration in UI tests: no bus, and clicks on demand.

from fakes_desktop import FakeNotifier
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject

from app.desktop.notifications import DEFAULT_ACTION, CloseReason, DesktopNotifier, Urgency


@dataclass(frozen=True)
class ShownNotification:
    id: int
    summary: str
    body: str
    actions: tuple[tuple[str, str], ...]  # as given, without the default action
    urgency: Urgency
    replaces_id: int
    timeout_ms: int
    resident: bool


class FakeNotifier(DesktopNotifier):
    """A DesktopNotifier that keeps what it is asked to show; `click` and `dismiss` act for
    the user. Same signals and methods as the real one, so code under test cannot tell."""

    def __init__(
        self,
        available: bool = True,
        supports_actions: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__("unix:path=/nonexistent", parent)
        self._fake_available = available
        self._fake_actions = supports_actions
        self._started = False
        self._next_id = 1
        self.shown: list[ShownNotification] = []  # every notify call that succeeded
        self.on_screen: dict[int, ShownNotification] = {}
        self.closed_by_app: list[int] = []

    @property
    def available(self) -> bool:
        return self._started and self._fake_available

    @property
    def supports_actions(self) -> bool:
        return self.available and self._fake_actions

    @property
    def plays_sounds(self) -> bool:
        return False  # the app plays its own chime, as tests of the chime expect

    def start(self) -> bool:
        self._started = True
        return self._fake_available

    def stop(self) -> None:
        self._started = False
        self.on_screen.clear()

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
        if not self.available and not self.start():
            return None
        if replaces_id in self.on_screen:
            notification_id = replaces_id
        else:
            notification_id = self._next_id
            self._next_id += 1
        shown = ShownNotification(
            notification_id,
            summary,
            body,
            tuple(actions),
            urgency,
            replaces_id,
            timeout_ms,
            resident,
        )
        self.shown.append(shown)
        self.on_screen[notification_id] = shown
        return notification_id

    def close(self, notification_id: int) -> None:
        if notification_id in self.on_screen:
            self.closed_by_app.append(notification_id)
            self.dismiss(notification_id, CloseReason.CLOSED_BY_CALL)

    # What the user does:

    def click(self, notification_id: int, key: str = DEFAULT_ACTION) -> None:
        """Press a button (or the notification itself); it then closes unless resident."""
        shown = self.on_screen[notification_id]
        known = {DEFAULT_ACTION} | {action for action, _label in shown.actions}
        assert key in known, f"notification {notification_id} has no action {key!r}"
        self.action_invoked.emit(notification_id, key)
        if not shown.resident:
            self.dismiss(notification_id, CloseReason.DISMISSED)

    def dismiss(self, notification_id: int, reason: CloseReason = CloseReason.DISMISSED) -> None:
        if self.on_screen.pop(notification_id, None) is not None:
            self.closed.emit(notification_id, int(reason))

    @property
    def last(self) -> ShownNotification:
        return self.shown[-1]
