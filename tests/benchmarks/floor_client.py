"""The floor's client: a bare Python socket round trip to the floor instance."""

from __future__ import annotations

import json
import os
import socket
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from app.core.storage import socket_path

with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
    client.connect(str(socket_path(os.environ.get("UNKNOT_HOME"))))
    client.sendall(json.dumps({"command": "emergency"}).encode() + b"\n")
    reply = client.recv(4096)
sys.exit(0 if json.loads(reply).get("ok") else 1)
