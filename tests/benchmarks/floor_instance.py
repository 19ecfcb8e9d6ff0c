"""The floor's instance: a minimal PySide6 app answering on Unknot's socket path at once."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QLabel

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from app.core.storage import socket_path

app = QApplication(sys.argv[:1])
label = QLabel("Routines")
label.resize(1100, 720)
label.show()
path = socket_path(os.environ.get("UNKNOT_HOME"))
path.parent.mkdir(parents=True, exist_ok=True)
QLocalServer.removeServer(str(path))
server = QLocalServer()
server.listen(str(path))


def answer(connection: QLocalSocket) -> None:
    if connection.canReadLine():
        connection.readLine()
        connection.write(b'{"ok": true}\n')
        connection.flush()
        connection.disconnectFromServer()


def accept() -> None:
    while server.hasPendingConnections():
        connection = server.nextPendingConnection()
        connection.readyRead.connect(lambda c=connection: answer(c))


server.newConnection.connect(accept)
sys.exit(app.exec())
