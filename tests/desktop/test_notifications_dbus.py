"""DesktopNotifier against a real dbus-daemon and a stand-in notification server."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from dbus_helpers import NotificationServer
from jeepney import DBusAddress, new_signal
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection
from pytestqt.qtbot import QtBot

from app.core.resources import ICONS_DIR
from app.desktop.dbus_link import CALL_TIMEOUT_S
from app.desktop.desktop_entries import install_launcher
from app.desktop.notifications import (
    DEFAULT_ACTION,
    NOTIFY_SIGNATURE,
    CloseReason,
    DesktopNotifier,
    Urgency,
    default_icon,
)

StartServer = Callable[..., NotificationServer]
MakeNotifier = Callable[[str], DesktopNotifier]
SIGNAL_WAIT_MS = 5000


@pytest.fixture
def make_notifier(qtbot: QtBot) -> Iterator[Callable[[str], DesktopNotifier]]:
    made: list[DesktopNotifier] = []

    def make(address: str) -> DesktopNotifier:
        notifier = DesktopNotifier(address)
        made.append(notifier)
        return notifier

    yield make
    for notifier in made:
        notifier.stop()


def test_start_reads_what_the_server_can_do(
    private_bus: str, notification_server: StartServer, make_notifier: MakeNotifier
) -> None:
    notification_server()
    notifier = make_notifier(private_bus)

    assert notifier.start()
    assert notifier.available
    assert notifier.supports_actions
    assert "body-markup" in notifier.capabilities
    assert notifier.server is not None
    assert notifier.server.name == "stand-in"
    assert notifier.server.spec_version == "1.2"


def test_notify_sends_the_arguments_a_server_expects(
    private_bus: str, notification_server: StartServer, make_notifier: MakeNotifier
) -> None:
    # Ids past 2**31 prove they travel as uint32 both ways.
    server = notification_server("--first-id", "4000000000")
    notifier = make_notifier(private_bus)
    assert notifier.start()

    first = notifier.notify(
        "Time for your evening stretch",
        "Calves & shins <5 min>",
        actions=[("start", "Start"), ("snooze", "Snooze 10 min")],
        urgency=Urgency.CRITICAL,
        default_label="Open Unknot",
        category="x-unknot.reminder",
        sound_name="alarm-clock-elapsed",
        timeout_ms=0,
    )

    assert first == 4_000_000_000  # the id the server replied with
    call = server.next_call("Notify")
    assert call["signature"] == NOTIFY_SIGNATURE
    app_name, replaces_id, app_icon, summary, body, actions, hints, timeout = call["args"]
    assert (app_name, replaces_id) == ("Unknot", 0)
    assert app_icon == (ICONS_DIR / "unknot-128.png").as_uri()  # the launcher is not installed
    assert summary == "Time for your evening stretch"
    assert body == "Calves &amp; shins &lt;5 min&gt;"  # the server reads markup
    assert actions == [
        DEFAULT_ACTION,
        "Open Unknot",
        "start",
        "Start",
        "snooze",
        "Snooze 10 min",
    ]
    assert hints == {
        "urgency": ["y", 2],
        "desktop-entry": ["s", "io.github.unknot.Unknot"],
        "category": ["s", "x-unknot.reminder"],
        "sound-name": ["s", "alarm-clock-elapsed"],
    }
    assert timeout == 0

    again = notifier.notify("Snoozed", "Back in 10 minutes", replaces_id=first)
    assert again == first
    assert server.next_call("Notify")["args"][1] == 4_000_000_000


def test_an_action_click_reaches_the_signal(
    private_bus: str,
    notification_server: StartServer,
    make_notifier: MakeNotifier,
    qtbot: QtBot,
) -> None:
    server = notification_server("--first-id", "3000000000")
    notifier = make_notifier(private_bus)
    assert notifier.start()
    notification_id = notifier.notify("Bedtime", actions=[("start", "Start")])
    assert notification_id is not None
    seen: list[tuple[int, str]] = []
    notifier.action_invoked.connect(lambda nid, key: seen.append((nid, key)))

    with qtbot.waitSignal(notifier.activation_token, timeout=SIGNAL_WAIT_MS) as token:
        # Another application's notification first: not ours, so it must not come through.
        server.emit("ActionInvoked", "us", notification_id + 1, "start")
        server.emit("ActivationToken", "us", notification_id, "token-123")
        server.emit("ActionInvoked", "us", notification_id, "start")
    assert token.args == [notification_id, "token-123"]
    qtbot.waitUntil(lambda: bool(seen), timeout=SIGNAL_WAIT_MS)
    assert seen == [(notification_id, "start")]


def test_a_body_click_reports_the_default_action(
    private_bus: str,
    notification_server: StartServer,
    make_notifier: MakeNotifier,
    qtbot: QtBot,
) -> None:
    server = notification_server()
    notifier = make_notifier(private_bus)
    notification_id = notifier.notify("Bedtime")  # notify starts the notifier itself
    assert notification_id is not None

    with qtbot.waitSignal(notifier.action_invoked, timeout=SIGNAL_WAIT_MS) as clicked:
        server.emit("ActionInvoked", "us", notification_id, DEFAULT_ACTION)
    assert clicked.args == [notification_id, DEFAULT_ACTION]


def test_close_reports_closed_and_later_signals_are_ignored(
    private_bus: str,
    notification_server: StartServer,
    make_notifier: MakeNotifier,
    qtbot: QtBot,
) -> None:
    server = notification_server()
    notifier = make_notifier(private_bus)
    first = notifier.notify("One")
    second = notifier.notify("Two")
    assert first is not None
    assert second is not None
    seen: list[tuple[int, str]] = []
    notifier.action_invoked.connect(lambda nid, key: seen.append((nid, key)))

    with qtbot.waitSignal(notifier.closed, timeout=SIGNAL_WAIT_MS) as closed:
        notifier.close(first)
    assert closed.args == [first, CloseReason.CLOSED_BY_CALL]
    assert server.next_call("CloseNotification")["args"] == [first]

    with qtbot.waitSignal(notifier.action_invoked, timeout=SIGNAL_WAIT_MS):
        server.emit("ActionInvoked", "us", first, "start")  # gone: ignored
        server.emit("ActionInvoked", "us", second, "start")
    assert seen == [(second, "start")]


def test_signals_from_another_sender_are_ignored(
    private_bus: str,
    notification_server: StartServer,
    make_notifier: MakeNotifier,
    qtbot: QtBot,
) -> None:
    server = notification_server()
    notifier = make_notifier(private_bus)
    notification_id = notifier.notify("Bedtime")
    assert notification_id is not None
    seen: list[tuple[int, str]] = []
    notifier.action_invoked.connect(lambda nid, key: seen.append((nid, key)))

    with open_dbus_connection(private_bus) as impostor:
        emitter = DBusAddress(
            "/org/freedesktop/Notifications", interface="org.freedesktop.Notifications"
        )
        impostor.send(new_signal(emitter, "ActionInvoked", "us", (notification_id, "forged")))
        # A round trip on the same connection: the bus has routed the forged signal before
        # it answers, so it would reach the notifier ahead of the real one.
        impostor.send_and_get_reply(message_bus.GetId(), timeout=5)
        with qtbot.waitSignal(notifier.action_invoked, timeout=SIGNAL_WAIT_MS):
            server.emit("ActionInvoked", "us", notification_id, "start")
    assert seen == [(notification_id, "start")]


def test_no_server_on_the_bus_is_unavailable_at_once(
    private_bus: str, make_notifier: MakeNotifier
) -> None:
    notifier = make_notifier(private_bus)
    started = time.monotonic()

    assert not notifier.start()
    assert notifier.notify("Bedtime") is None

    assert time.monotonic() - started < CALL_TIMEOUT_S / 2  # the bus says so; no waiting
    assert not notifier.available
    assert not notifier.supports_actions


def test_no_bus_is_unavailable(
    tmp_path: Path, make_notifier: MakeNotifier, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = make_notifier(f"unix:path={tmp_path}/no-such-bus")
    assert not missing.start()
    assert missing.notify("Bedtime") is None

    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    unset = make_notifier("")  # the session's own bus, and this session has none
    assert not unset.start()
    assert not unset.available


def test_a_server_that_never_answers_does_not_hold_the_app(
    private_bus: str, notification_server: StartServer, make_notifier: MakeNotifier
) -> None:
    notification_server("--ignore", "*")
    notifier = make_notifier(private_bus)

    started = time.monotonic()
    assert not notifier.start()
    assert time.monotonic() - started < CALL_TIMEOUT_S + 0.5


def test_notify_gives_up_on_a_server_that_stops_answering(
    private_bus: str, notification_server: StartServer, make_notifier: MakeNotifier
) -> None:
    server = notification_server("--ignore", "Notify")
    notifier = make_notifier(private_bus)
    assert notifier.start()

    started = time.monotonic()
    assert notifier.notify("Bedtime") is None
    elapsed = time.monotonic() - started

    assert CALL_TIMEOUT_S * 0.9 <= elapsed < CALL_TIMEOUT_S + 0.5
    assert server.next_call("Notify")["signature"] == NOTIFY_SIGNATURE


def test_the_icon_is_the_theme_name_once_installed(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_icon().startswith("file:///")
    install_launcher()
    assert default_icon() == "io.github.unknot.Unknot"


def test_a_signal_that_arrives_during_a_call_is_delivered_after_it(
    private_bus: str, notification_server: StartServer, make_notifier: MakeNotifier, qtbot: QtBot
) -> None:
    server = notification_server()
    notifier = make_notifier(private_bus)
    first = notifier.notify("Bedtime", actions=[("start", "Start")])
    assert first is not None
    seen: list[tuple[int, str]] = []
    notifier.action_invoked.connect(lambda nid, key: seen.append((nid, key)))
    server.emit("ActionInvoked", "us", first, "start", before_reply=True)

    second = notifier.notify("Second")  # the click arrives while this waits for its reply

    assert second is not None
    assert seen == []  # not from inside notify: the event loop hands it on
    with qtbot.waitSignal(notifier.action_invoked, timeout=SIGNAL_WAIT_MS) as clicked:
        pass
    assert clicked.args == [first, "start"]
