"""The desktop's wish for less motion, read from a stand-in settings portal on a private bus."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from jeepney import HeaderFields, MessageType, new_error, new_method_return
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection
from pytestqt.qtbot import QtBot

from app.desktop.motion_hint import MotionHint, desktop_wants_less_motion, unwrap


def serve_portal(address: str, animations: bool | None) -> Iterator[None]:
    """A portal that answers Read for enable-animations (None: "no such key")."""
    connection = open_dbus_connection(bus=address)
    connection.send_and_get_reply(message_bus.RequestName("org.freedesktop.portal.Desktop", 4))
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                message = connection.receive(timeout=0.1)
            except TimeoutError:
                continue
            if message.header.message_type != MessageType.method_call:
                continue
            if message.header.fields.get(HeaderFields.member) != "Read":
                continue
            if animations is None:
                connection.send(
                    new_error(message, "org.freedesktop.portal.Error.NotFound", "s", ("none",))
                )
            else:
                connection.send(new_method_return(message, "v", (("v", ("b", animations)),)))

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield
    stop.set()
    thread.join(2)
    connection.close()


@pytest.fixture
def portal(private_bus: str, request: pytest.FixtureRequest) -> Iterator[str]:
    yield from (private_bus for _ in serve_portal(private_bus, request.param))


def test_variants_are_unwrapped() -> None:
    assert unwrap(("v", ("b", False))) is False
    assert unwrap(True) is True


@pytest.mark.parametrize(
    ("portal", "less"), [(False, True), (True, False), (None, False)], indirect=["portal"]
)
def test_the_portal_is_read(portal: str, less: bool) -> None:
    assert desktop_wants_less_motion(portal) is less


def test_no_portal_on_the_bus_means_no_wish(private_bus: str) -> None:
    assert desktop_wants_less_motion(private_bus) is False


def test_no_bus_means_no_wish() -> None:
    assert desktop_wants_less_motion("") is False


@pytest.mark.parametrize("portal", [False], indirect=True)
def test_the_answer_comes_back_to_the_interface(qtbot: QtBot, portal: str) -> None:
    hint = MotionHint()
    with qtbot.waitSignal(hint.heard, timeout=5000) as heard:
        hint.ask(portal)
    assert heard.args == [True]
