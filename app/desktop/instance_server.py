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

Handler = Callable[[dict[str, Any]], tuple[bool, str]]


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
        try:
            request = json.loads(line)
            if not isinstance(request, dict):
                raise ValueError("not an object")
            ok, error = self._handler(request)
        except ValueError as problem:
            ok, error = False, f"bad request: {problem}"
        reply = json.dumps({"ok": ok, "error": error} if error else {"ok": ok})
        connection.write(reply.encode() + b"\n")
        connection.flush()
        connection.disconnectFromServer()
