"""The running instance's end of the local socket: take requests from later launches.

A plain Unix socket watched by QSocketNotifier, not QLocalServer: QtNetwork costs about
3 MB of memory, which an instance idling in the tray for weeks would carry for a few
requests a month.
"""

from __future__ import annotations

import contextlib
import json
import logging
import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier

log = logging.getLogger(__name__)

MAX_REQUEST_BYTES = 64 * 1024

Respond = Callable[[bool, str], None]
# A handler answers at once with (ok, error), or returns None and calls `respond` later
# (the relief screen replies only once it has been painted).
Handler = Callable[[dict[str, Any], Respond], tuple[bool, str] | None]


class _Connection:
    """One later launch's connection: its socket, what it sent so far, and its watcher."""

    def __init__(self, connection: socket.socket, notifier: QSocketNotifier) -> None:
        self.socket = connection
        self.notifier = notifier
        self.received = b""
        self.open = True

    def close(self) -> None:
        if self.open:
            self.open = False
            self.notifier.setEnabled(False)
            self.notifier.deleteLater()
            self.socket.close()


class InstanceServer(QObject):
    """Listens on the socket the PrimaryLock guards; replies once each request is handled."""

    def __init__(self, path: Path, handler: Handler, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._handler = handler
        self._path = path
        self._listener: socket.socket | None = None
        self._notifier: QSocketNotifier | None = None
        self._connections: set[_Connection] = set()

    def listen(self) -> bool:
        # The lock holder owns the path, so whatever file is there is stale.
        with contextlib.suppress(FileNotFoundError):
            self._path.unlink()
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        listener.setblocking(False)
        try:
            listener.bind(str(self._path))
            # Only this user may talk to it; no one can connect before listen() below.
            self._path.chmod(0o600)
            listener.listen(8)
        except OSError as error:
            log.error("cannot listen on %s: %s", self._path, error)
            listener.close()
            return False
        self._listener = listener
        self._notifier = QSocketNotifier(listener.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._accept)
        return True

    def close(self) -> None:
        for connection in list(self._connections):
            connection.close()
        self._connections.clear()
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier = None
        if self._listener is not None:
            self._listener.close()
            self._listener = None
            with contextlib.suppress(FileNotFoundError):
                self._path.unlink()

    def _accept(self) -> None:
        assert self._listener is not None
        while True:
            try:
                accepted, _ = self._listener.accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError as error:  # out of descriptors, say: the next launch retries
                log.warning("a later launch could not connect: %s", error)
                return
            accepted.setblocking(False)
            notifier = QSocketNotifier(accepted.fileno(), QSocketNotifier.Type.Read, self)
            connection = _Connection(accepted, notifier)
            self._connections.add(connection)
            notifier.activated.connect(lambda *_, c=connection: self._read(c))

    def _forget(self, connection: _Connection) -> None:
        connection.close()
        self._connections.discard(connection)

    def _read(self, connection: _Connection) -> None:
        try:
            chunk = connection.socket.recv(4096)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            chunk = b""
        if not chunk:  # the client hung up
            self._forget(connection)
            return
        data = connection.received + chunk
        if b"\n" not in data:
            if len(data) > MAX_REQUEST_BYTES:
                self._forget(connection)
            else:
                connection.received = data
            return
        connection.received = b""
        connection.notifier.setEnabled(False)  # one request per connection
        line = data.split(b"\n", 1)[0]
        answered = False

        def respond(ok: bool, error: str = "") -> None:
            nonlocal answered
            if answered:
                return
            answered = True
            if not connection.open:
                return  # the client gave up
            reply = json.dumps({"ok": ok, "error": error} if error else {"ok": ok})
            with contextlib.suppress(OSError):  # the client gave up and hung up
                connection.socket.sendall(reply.encode() + b"\n")
            self._forget(connection)

        try:
            request = json.loads(line)
            if not isinstance(request, dict):
                raise ValueError("not an object")
            result = self._handler(request, respond)
        except ValueError as problem:
            result = (False, f"bad request: {problem}")
        if result is not None:
            respond(*result)
