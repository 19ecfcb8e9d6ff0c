"""The UI tests' FakeNotifier keeps the real notifier's interface and behaves like a server."""

from __future__ import annotations

import inspect

from fakes_desktop import FakeNotifier
from pytestqt.qtbot import QtBot

from app.desktop.notifications import DEFAULT_ACTION, CloseReason, DesktopNotifier


def test_same_public_methods_and_signatures() -> None:
    for name, member in vars(DesktopNotifier).items():
        if name.startswith("_") or not inspect.isfunction(member):
            continue  # signals are inherited as they are
        fake = getattr(FakeNotifier, name)
        assert inspect.signature(fake) == inspect.signature(member), name


def test_click_reports_the_action_then_the_close(qtbot: QtBot) -> None:
    notifier = FakeNotifier()
    assert notifier.start()
    notification_id = notifier.notify("Bedtime", actions=[("start", "Start")])
    assert notification_id is not None
    events: list[tuple[str, int, object]] = []
    notifier.action_invoked.connect(lambda nid, key: events.append(("action", nid, key)))
    notifier.closed.connect(lambda nid, reason: events.append(("closed", nid, reason)))

    notifier.click(notification_id, "start")

    assert events == [
        ("action", notification_id, "start"),
        ("closed", notification_id, CloseReason.DISMISSED),
    ]
    assert notifier.on_screen == {}


def test_resident_stays_and_replaces_keep_the_id(qtbot: QtBot) -> None:
    notifier = FakeNotifier()
    first = notifier.notify("Bedtime", resident=True)
    assert first is not None
    notifier.click(first, DEFAULT_ACTION)
    assert first in notifier.on_screen
    assert notifier.notify("Snoozed", replaces_id=first) == first
    notifier.close(first)
    assert notifier.closed_by_app == [first]
    assert notifier.on_screen == {}


def test_unavailable_shows_nothing(qtbot: QtBot) -> None:
    notifier = FakeNotifier(available=False)
    assert not notifier.start()
    assert notifier.notify("Bedtime") is None
    assert not notifier.supports_actions
    assert notifier.shown == []
