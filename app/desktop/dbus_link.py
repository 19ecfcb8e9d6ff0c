"""A D-Bus connection driven by the Qt event loop: jeepney builds and parses, we own the socket.

Incoming signals are read when a QSocketNotifier says the socket is readable, so nothing
polls and no thread is needed. Method calls wait for their reply on the GUI thread, but
never longer than a short deadline: a hung peer costs at most CALL_TIMEOUT_S, never a freeze.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import math
import os
import select
import socket
import time
from collections import deque
from collections.abc import Sequence
from pathlib import Path
from typing import Any

# jeepney ships no type information; its objects are typed Any here.
from jeepney import (  # type: ignore[import-untyped]
    AuthenticationError,
    HeaderFields,
    MessageFlag,
    MessageType,
    Parser,
)
from jeepney.bus import get_connectable_addresses  # type: ignore[import-untyped]
from jeepney.bus_messages import MatchRule, message_bus  # type: ignore[import-untyped]
from jeepney.io.blocking import prep_socket  # type: ignore[import-untyped]
from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from app.desktop.session_bus_env import NO_BUS

log = logging.getLogger(__name__)

CALL_TIMEOUT_S = 1.0
READ_CHUNK = 65536
NO_SERVICE_ERRORS = frozenset(
    {"org.freedesktop.DBus.Error.ServiceUnknown", "org.freedesktop.DBus.Error.NameHasNoOwner"}
)

Message = Any  # a jeepney.Message


class BusError(Exception):
    """The bus or the peer was unreachable, refused the call, or did not answer in time."""

    def __init__(self, reason: str, name: str = "") -> None:
        super().__init__(f"{name}: {reason}" if name else reason)
        self.name = name  # the D-Bus error name, when the peer sent one


def session_bus_address() -> str | None:
    """Where the user's session bus listens, or None when this session has none."""
    address = os.environ.get("DBUS_SESSION_BUS_ADDRESS")
    if address == NO_BUS:  # set at start when the session had none (session_bus_env.py)
        return None
    if address:
        return address
    # systemd's user bus is there even when a bare window manager did not export the variable.
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and (Path(runtime) / "bus").exists():
        return f"unix:path={Path(runtime) / 'bus'}"
    return None


def system_bus_address() -> str:
    return os.environ.get("DBUS_SYSTEM_BUS_ADDRESS") or "unix:path=/var/run/dbus/system_bus_socket"


def sender_of(message: Message) -> str:
    return str(message.header.fields.get(HeaderFields.sender, ""))


class BusConnection(QObject):
    """One authenticated connection to a message bus, read as data arrives."""

    signal_received = Signal(object)  # a jeepney Message whose type is signal
    lost = Signal()  # the bus went away; the connection is closed

    def __init__(self, sock: socket.socket, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sock: socket.socket | None = sock
        # A send to a wedged bus must fail, not block; reads only happen once poll says so.
        sock.settimeout(CALL_TIMEOUT_S)
        self._parser = Parser()
        self._serials = itertools.count(1)
        # Signals read while waiting for a reply, kept in order until the event loop runs.
        self._pending: deque[Message] = deque()
        self._notifier = QSocketNotifier(sock.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._readable)
        self.unique_name = ""

    @classmethod
    def open(
        cls, address: str, parent: QObject | None = None, timeout: float = CALL_TIMEOUT_S
    ) -> BusConnection:
        """Connect, authenticate and say Hello; BusError if any of it fails or takes too long.

        All of it shares one deadline of `timeout` seconds.
        """
        deadline = time.monotonic() + timeout
        problems: list[str] = []
        try:
            targets = list(get_connectable_addresses(address))
        except (RuntimeError, ValueError) as error:
            raise BusError(f"unusable bus address {address!r}: {error}") from error
        for target in targets:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            try:
                sock = prep_socket(target, enable_fds=False, timeout=remaining)
            except (OSError, AuthenticationError) as error:
                problems.append(f"{target.lstrip(chr(0))}: {error}")
                continue
            connection = cls(sock, parent)
            try:
                hello = connection.call(message_bus.Hello(), deadline - time.monotonic())
            except BusError:
                connection.close()
                connection.deleteLater()
                raise
            (connection.unique_name,) = hello.body
            return connection
        raise BusError("; ".join(problems) or f"{address!r} did not answer in time")

    @property
    def is_open(self) -> bool:
        return self._sock is not None

    def close(self) -> None:
        if self._sock is None:
            return
        # Disable before closing, or Qt watches a dead descriptor and warns.
        self._notifier.setEnabled(False)
        with contextlib.suppress(OSError):
            self._sock.close()
        self._sock = None
        self._pending.clear()

    def send(self, message: Message) -> None:
        """Send a call whose reply nobody waits for (the peer is told not to send one)."""
        message.header.flags |= MessageFlag.no_reply_expected
        self._send(message)

    def add_match(self, rule: MatchRule) -> None:
        self.call(message_bus.AddMatch(rule))

    def call(self, message: Message, timeout: float = CALL_TIMEOUT_S) -> Message:
        """Send a method call and return its reply; BusError on an error reply or no reply."""
        (result,) = self.call_many([message], timeout)
        if isinstance(result, BusError):
            raise result
        return result

    def call_many(
        self, messages: Sequence[Message], timeout: float = CALL_TIMEOUT_S
    ) -> list[Message | BusError]:
        """Send several calls at once and wait for all replies under one deadline."""
        deadline = time.monotonic() + timeout
        results: list[Message | BusError] = [
            BusError(f"no reply within {timeout:g} s") for _ in messages
        ]
        try:
            waiting = {self._send(message): index for index, message in enumerate(messages)}
        except BusError as error:
            return [error for _ in messages]
        while waiting:
            for message in self._drain_parser():
                index = waiting.pop(message.header.fields.get(HeaderFields.reply_serial), None)
                if index is None:
                    self._pending.append(message)
                elif message.header.message_type == MessageType.error:
                    name = str(message.header.fields.get(HeaderFields.error_name, ""))
                    detail = message.body[0] if message.body else "error reply"
                    results[index] = BusError(str(detail), name)
                else:
                    results[index] = message
            remaining = deadline - time.monotonic()
            if not waiting or remaining <= 0:
                break
            try:
                self._fill(remaining)
            except OSError as error:
                self._lose(error)
                for index in waiting.values():
                    results[index] = BusError(f"connection lost: {error}")
                break
        if self._pending:
            # The socket may hold nothing new for the notifier to report: hand these on now.
            QTimer.singleShot(0, self, self._dispatch)
        return results

    def _send(self, message: Message) -> int:
        if self._sock is None:
            raise BusError("not connected")
        serial = next(self._serials)
        try:
            self._sock.sendall(message.serialise(serial=serial))
        except OSError as error:
            self._lose(error)
            raise BusError(f"cannot send: {error}") from error
        return serial

    def _fill(self, timeout: float) -> bool:
        """Read what has arrived, waiting up to `timeout` seconds; False if nothing came."""
        if self._sock is None:
            raise ConnectionResetError("not connected")
        poller = select.poll()
        poller.register(self._sock.fileno(), select.POLLIN)
        if not poller.poll(max(0, math.ceil(timeout * 1000))):
            return False
        data = self._sock.recv(READ_CHUNK)
        if not data:
            raise ConnectionResetError("the bus closed the connection")
        self._parser.add_data(data)
        return True

    def _drain_parser(self) -> list[Message]:
        return list(iter(self._next_parsed, None))

    def _next_parsed(self) -> Message | None:
        try:
            return self._parser.get_next_message()
        except ValueError as error:  # a malformed message: the stream cannot be trusted after it
            self._lose(error)
            return None

    def _readable(self) -> None:
        try:
            self._fill(0)
        except OSError as error:
            self._lose(error)
            return
        self._dispatch()

    def _dispatch(self) -> None:
        # One message at a time: a receiver may make calls, which read further messages
        # into _pending behind the ones still waiting here, so the order holds.
        while self._sock is not None:
            if self._pending:
                message = self._pending.popleft()
            else:
                message = self._next_parsed()
                if message is None:
                    break
            # Replies that come after their call gave up are dropped here.
            if message.header.message_type == MessageType.signal:
                self.signal_received.emit(message)

    def _lose(self, error: BaseException) -> None:
        if self._sock is None:
            return
        log.warning("D-Bus connection lost: %s", error)
        self.close()
        self.lost.emit()
