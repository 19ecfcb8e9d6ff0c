"""The floor's client: a bare Python socket round trip to the floor instance."""

from __future__ import annotations

import os
import socket
import sys

# Not pathlib: a bare client, so the floor is the least a round trip can cost.
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
from app.core.socket_name import socket_file

with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
    client.connect(socket_file())
    client.sendall(b'{"command": "emergency"}\n')
    reply = client.recv(4096)
sys.exit(0 if reply.startswith(b'{"ok": true}') else 1)
