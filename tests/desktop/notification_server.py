"""A stand-in freedesktop notification server for the D-Bus tests, run as a subprocess.

    python notification_server.py BUS_ADDRESS [--first-id N] [--ignore METHOD ...]

It owns org.freedesktop.Notifications on the given bus and prints one JSON line per event
on stdout: first {"ready": UNIQUE_NAME}, then {"call": MEMBER, "signature": ..., "args": [...]}
for each method call, printed *before* it replies, so a caller that got its reply can read
the line at once. Methods named with --ignore (or "*") are recorded but never answered.
It reads JSON lines on stdin, {"signal": NAME, "signature": SIG, "args": [...]}, and emits
that signal from /org/freedesktop/Notifications; with "before_reply": true it holds the
signal back, says {"held": NAME}, and emits it just before its next reply, so that it
reaches the caller while that caller waits. {"sync": TOKEN} is answered {"synced": TOKEN};
since a call is recorded before it is answered, every call whose caller had its reply
before the command was sent comes ahead of that line. It exits when stdin closes.
"""

from __future__ import annotations

import argparse
import json
import os
import selectors
import sys
from typing import Any

from jeepney import (
    DBusAddress,
    HeaderFields,
    MessageType,
    new_error,
    new_method_return,
    new_signal,
)
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import DBusConnection, open_dbus_connection

SERVICE = "org.freedesktop.Notifications"
EMITTER = DBusAddress("/org/freedesktop/Notifications", interface=SERVICE)
NOTIFY_SIGNATURE = "susssasa{sv}i"
CAPABILITIES = ["actions", "body", "body-markup", "persistence", "sound"]
DO_NOT_QUEUE = 4
PRIMARY_OWNER = 1


def say(event: dict[str, Any]) -> None:
    print(json.dumps(event), flush=True)


class Server:
    def __init__(self, connection: DBusConnection, first_id: int, ignore: set[str]) -> None:
        self.connection = connection
        self.next_id = first_id
        self.ignore = ignore
        self.open_ids: set[int] = set()
        self.held: list[tuple[str, str, list[Any]]] = []

    def handle(self, message: Any) -> None:
        if message.header.message_type != MessageType.method_call:
            return
        fields = message.header.fields
        member = fields.get(HeaderFields.member)
        signature = fields.get(HeaderFields.signature, "")
        say({"call": member, "signature": signature, "args": list(message.body)})
        if member in self.ignore or "*" in self.ignore:
            return
        if member == "GetCapabilities":
            reply = new_method_return(message, "as", (CAPABILITIES,))
        elif member == "GetServerInformation":
            reply = new_method_return(message, "ssss", ("stand-in", "unknot tests", "1.0", "1.2"))
        elif member == "Notify" and signature != NOTIFY_SIGNATURE:
            # What real servers do with, say, an int32 replaces_id.
            reply = new_error(
                message,
                "org.freedesktop.DBus.Error.InvalidArgs",
                "s",
                (f"Notify takes {NOTIFY_SIGNATURE}, not {signature}",),
            )
        elif member == "Notify":
            replaces_id = message.body[1]
            if replaces_id in self.open_ids:
                notification_id = replaces_id
            else:
                notification_id = self.next_id
                self.next_id += 1
            self.open_ids.add(notification_id)
            reply = new_method_return(message, "u", (notification_id,))
        elif member == "CloseNotification":
            (notification_id,) = message.body
            reply = new_method_return(message)
            if notification_id in self.open_ids:
                self.open_ids.discard(notification_id)
                self.emit("NotificationClosed", "uu", [notification_id, 3])
        else:
            reply = new_error(message, "org.freedesktop.DBus.Error.UnknownMethod")
        for signal in self.held:
            self.emit(*signal)
        self.held.clear()
        self.connection.send(reply)

    def emit(self, name: str, signature: str, args: list[Any]) -> None:
        self.connection.send(new_signal(EMITTER, name, signature, tuple(args)))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("address")
    parser.add_argument("--first-id", type=int, default=1)
    parser.add_argument("--ignore", nargs="*", default=[])
    options = parser.parse_args()

    connection = open_dbus_connection(options.address)
    (granted,) = connection.send_and_get_reply(
        message_bus.RequestName(SERVICE, DO_NOT_QUEUE), timeout=5
    ).body
    if granted != PRIMARY_OWNER:
        say({"error": f"could not own {SERVICE}: {granted}"})
        return 1
    server = Server(connection, options.first_id, set(options.ignore))
    say({"ready": connection.unique_name})

    selector = selectors.DefaultSelector()
    selector.register(connection.sock, selectors.EVENT_READ, "bus")
    selector.register(sys.stdin.fileno(), selectors.EVENT_READ, "commands")
    pending = b""
    while True:
        for key, _events in selector.select():
            if key.data == "bus":
                while True:
                    try:
                        message = connection.receive(timeout=0)
                    except TimeoutError:
                        break
                    server.handle(message)
            else:
                chunk = os.read(sys.stdin.fileno(), 65536)
                if not chunk:
                    connection.close()
                    return 0
                pending += chunk
                *lines, pending = pending.split(b"\n")
                for line in lines:
                    command = json.loads(line)
                    if "sync" in command:
                        say({"synced": command["sync"]})
                        continue
                    signal = (command["signal"], command["signature"], command["args"])
                    if command.get("before_reply"):
                        server.held.append(signal)
                        say({"held": command["signal"]})
                    else:
                        server.emit(*signal)


if __name__ == "__main__":
    raise SystemExit(main())
