"""The fastest way to a running Unknot: one request over its socket, before anything else.

`unknot` and `unknot --emergency` try this first. It imports only `os`, `socket` and
`zlib` (json, pathlib, dataclasses and typing cost tens of milliseconds on a slow machine,
and someone in a cramp is waiting), writes the request's JSON by hand, and reads the reply
just far enough to know whether it said yes. Anything unusual goes to the full client.
"""

from __future__ import annotations

import os
import socket

from app.core.socket_name import folder_problem, socket_file
from app.desktop.instance_command import InstanceCommand

ANSWERED, NO_INSTANCE, NOT_ANSWERING = "answered", "no instance", "not answering"
TIMEOUT_S = 3.0
# A painted relief screen takes tens of milliseconds; after this long the instance is taken
# to be hung, and the command shows a relief screen of its own instead.
EMERGENCY_TIMEOUT_S = 1.5
OK_REPLY = b'{"ok": true}'
# X11 startup notification: the launcher's id, which the running instance must end.
STARTUP_ID_ENV = "DESKTOP_STARTUP_ID"


def _json_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + "".join(c if c >= " " else f"\\u{ord(c):04x}" for c in escaped) + '"'


def request_line(command: InstanceCommand, activation_token: str, startup_id: str = "") -> bytes:
    fields = f'"command": {_json_string(command.value)}'
    fields += f', "activation_token": {_json_string(activation_token)}'
    if startup_id:
        fields += f', "startup_id": {_json_string(startup_id)}'
    return ("{" + fields + "}\n").encode()


def forward(command: InstanceCommand, basedir: str | None, timeout: float) -> tuple[str, bytes]:
    """(ANSWERED, reply line), (NO_INSTANCE, b"") or (NOT_ANSWERING, b"")."""
    line = request_line(
        command,
        os.environ.get("XDG_ACTIVATION_TOKEN", ""),
        os.environ.get(STARTUP_ID_ENV, ""),
    )
    path = socket_file(basedir)
    if folder_problem(os.path.dirname(path)) is not None:
        return NO_INSTANCE, b""  # no instance can be listening there; the full path says why
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
        client.settimeout(timeout)
        try:
            client.connect(path)
        except TimeoutError:  # a full backlog: an instance is there but does not accept
            return NOT_ANSWERING, b""
        except OSError:
            # Nothing listening (no file, a stale one, a path the system refuses): only a
            # process that accepted and then kept silent counts as not answering.
            return NO_INSTANCE, b""
        try:
            client.sendall(line)
            reply = b""
            while not reply.endswith(b"\n"):
                chunk = client.recv(4096)
                if not chunk:
                    break
                reply += chunk
        except OSError:  # a timeout among them
            return NOT_ANSWERING, b""
    return (ANSWERED, reply.strip()) if reply else (NOT_ANSWERING, b"")
