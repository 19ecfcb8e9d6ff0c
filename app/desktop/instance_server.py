"""The running instance's end of the local socket: take requests from later launches."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

MAX_REQUEST_BYTES = 64 * 1024

Respond = Callable[[bool, str], None]
# A handler answers at once with (ok, error), or returns None and calls `respond` later
# (the relief screen replies only once it has been painted).
Handler = Callable[[dict[str, Any], Respond], tuple[bool, str] | None]


class InstanceServer(QObject):
    """Listens on the socket the PrimaryLock guards; replies once each request is handled."""

    def __init__(self, path: Path, handler: Handler, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._handler = handler
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        self._path = path
        self._buffers: dict[QLocalSocket, bytes] = {}

    def listen(self) -> bool:
        # The lock holder owns the path, so whatever file is there is stale.
        QLocalServer.removeServer(str(self._path))
        if not self._server.listen(str(self._path)):
            log.error("cannot listen on %s: %s", self._path, self._server.errorString())
            return False
        return True

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            connection = self._server.nextPendingConnection()
            self._buffers[connection] = b""
            connection.readyRead.connect(lambda c=connection: self._read(c))
            connection.disconnected.connect(lambda c=connection: self._forget(c))

    def _forget(self, connection: QLocalSocket) -> None:
        self._buffers.pop(connection, None)
        connection.deleteLater()

    def _read(self, connection: QLocalSocket) -> None:
        data = self._buffers.get(connection, b"") + bytes(connection.readAll().data())
        if b"\n" not in data:
            if len(data) > MAX_REQUEST_BYTES:
                connection.disconnectFromServer()
            else:
                self._buffers[connection] = data
            return
        self._buffers[connection] = b""
        line = data.split(b"\n", 1)[0]
        answered = False

        def respond(ok: bool, error: str = "") -> None:
            nonlocal answered
            if answered:
                return
            answered = True
            reply = json.dumps({"ok": ok, "error": error} if error else {"ok": ok})
            try:
                if connection.state() != QLocalSocket.LocalSocketState.ConnectedState:
                    return
            except RuntimeError:  # the client gave up and its socket is gone
                return
            connection.write(reply.encode() + b"\n")
            connection.flush()
            connection.disconnectFromServer()

        try:
            request = json.loads(line)
            if not isinstance(request, dict):
                raise ValueError("not an object")
            result = self._handler(request, respond)
        except ValueError as problem:
            result = (False, f"bad request: {problem}")
        if result is not None:
            respond(*result)
