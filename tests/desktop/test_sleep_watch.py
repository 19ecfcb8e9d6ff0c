"""SleepWatch on a private bus, with this test playing logind."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from jeepney import DBusAddress, new_signal
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import DBusConnection, open_dbus_connection
from pytestqt.qtbot import QtBot

from app.desktop.sleep_watch import LOGIND, MANAGER_INTERFACE, MANAGER_PATH, SleepWatch

SIGNAL_WAIT_MS = 5000
MANAGER = DBusAddress(MANAGER_PATH, interface=MANAGER_INTERFACE)


def prepare_for_sleep(connection: DBusConnection, going_to_sleep: bool) -> None:
    connection.send(new_signal(MANAGER, "PrepareForSleep", "b", (going_to_sleep,)))


@pytest.fixture
def logind(private_bus: str) -> Iterator[DBusConnection]:
    with open_dbus_connection(private_bus) as connection:
        (granted,) = connection.send_and_get_reply(message_bus.RequestName(LOGIND), timeout=5).body
        assert granted == 1  # primary owner
        yield connection


@pytest.fixture
def watch(private_bus: str, qtbot: QtBot) -> Iterator[SleepWatch]:
    watcher = SleepWatch(private_bus)
    assert watcher.start()
    assert watcher.available
    yield watcher
    watcher.stop()


def test_suspend_then_resume(watch: SleepWatch, logind: DBusConnection, qtbot: QtBot) -> None:
    with qtbot.waitSignal(watch.suspending, timeout=SIGNAL_WAIT_MS):
        prepare_for_sleep(logind, True)
    with qtbot.waitSignal(watch.resumed, timeout=SIGNAL_WAIT_MS):
        prepare_for_sleep(logind, False)


def test_only_logind_is_believed(
    watch: SleepWatch, logind: DBusConnection, private_bus: str, qtbot: QtBot
) -> None:
    woke: list[bool] = []
    watch.resumed.connect(lambda: woke.append(True))
    with open_dbus_connection(private_bus) as impostor:
        prepare_for_sleep(impostor, False)
        # Once the bus answers this, it has routed the forged signal before the real one.
        impostor.send_and_get_reply(message_bus.GetId(), timeout=5)
        with qtbot.waitSignal(watch.suspending, timeout=SIGNAL_WAIT_MS):
            prepare_for_sleep(logind, True)
    assert woke == []


def test_no_system_bus_is_unavailable(tmp_path: Path, qtbot: QtBot) -> None:
    watcher = SleepWatch(f"unix:path={tmp_path}/no-such-bus")
    assert not watcher.start()
    assert not watcher.available
    watcher.stop()
