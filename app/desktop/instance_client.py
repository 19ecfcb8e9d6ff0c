"""Hand a request to the running instance, using only the standard library.

A second `unknot` must not pay for importing Qt just to learn that one is running, so this
module imports nothing beyond the standard library (a test checks `sys.modules`).

The protocol is one JSON object per line each way: a request such as
`{"command": "show"}` and a reply `{"ok": true}` sent once the request was carried out.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import socket
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from app.core.socket_name import folder_problem
from app.desktop.instance_command import InstanceCommand
from app.desktop.quick_client import EMERGENCY_TIMEOUT_S, STARTUP_ID_ENV

REPLY_TIMEOUT_S = 3.0
STARTUP_WAIT_S = 5.0  # how long to wait for an instance that is starting to listen

__all__ = [
    "EMERGENCY_TIMEOUT_S",
    "InstanceCommand",
    "NoSingleInstanceError",
    "PrimaryLock",
    "Reply",
    "forward_or_lock",
    "send",
]


@dataclass(frozen=True)
class Reply:
    ok: bool
    error: str = ""


class NoInstanceError(Exception):
    """Nothing is listening: no instance runs, or its socket was left behind."""


class InstanceNotAnsweringError(Exception):
    """An instance holds the socket but did not answer in time."""


class NoSingleInstanceError(Exception):
    """The socket's folder cannot be used (not ours, not writable): run on without it."""


def send(path: Path, request: dict[str, Any], timeout: float = REPLY_TIMEOUT_S) -> Reply:
    """Send one request and wait for its reply."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
        client.settimeout(timeout)
        try:
            client.connect(str(path))
        except TimeoutError as error:
            raise InstanceNotAnsweringError("the running Unknot did not accept") from error
        except OSError as error:
            # No file, a stale one, or a path the system refuses: nobody listens there.
            raise NoInstanceError(str(error)) from error
        try:
            client.sendall(json.dumps(request).encode() + b"\n")
            data = b""
            while not data.endswith(b"\n"):
                chunk = client.recv(4096)
                if not chunk:
                    break
                data += chunk
        except TimeoutError as error:
            raise InstanceNotAnsweringError("the running Unknot did not answer in time") from error
        except OSError as error:
            raise NoInstanceError(str(error)) from error
    if not data:
        raise InstanceNotAnsweringError("the running Unknot closed the connection")
    try:
        reply = json.loads(data)
    except ValueError as error:
        raise InstanceNotAnsweringError("the running Unknot sent a reply it should not") from error
    return Reply(bool(reply.get("ok")), str(reply.get("error", "")))


class PrimaryLock:
    """An exclusive lock held for the whole life of the running instance.

    Whoever holds it owns the socket path; a socket file without a lock holder is stale
    (its instance was killed) and may be replaced.
    """

    def __init__(self, socket_file: Path) -> None:
        self.socket_file = socket_file
        self._handle: IO[bytes] | None = None

    def acquire(self) -> bool:
        """True once held, False if another process holds it.

        Raises NoSingleInstanceError when the folder cannot be used at all.
        """
        folder = self.socket_file.parent
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as error:
            raise NoSingleInstanceError(f"{folder}: {error.strerror or error}") from error
        problem = folder_problem(str(folder))
        if problem is not None:
            raise NoSingleInstanceError(problem)
        try:
            handle = self.socket_file.with_suffix(".lock").open("ab")
        except OSError as error:
            raise NoSingleInstanceError(f"{folder}: {error.strerror or error}") from error
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            return False
        self._handle = handle
        with contextlib.suppress(FileNotFoundError):
            self.socket_file.unlink()  # stale: the instance that made it is gone
        return True

    def release(self) -> None:
        if self._handle is not None:
            with contextlib.suppress(FileNotFoundError):
                self.socket_file.unlink()
            self._handle.close()
            self._handle = None


def forward_or_lock(
    path: Path,
    request: dict[str, Any],
    timeout: float | None = None,
    startup_wait: float | None = None,
) -> tuple[Reply | None, PrimaryLock | None]:
    """Give `request` to the running instance, or take the lock to become it.

    Returns (reply, None) when an instance answered, (None, lock) when this process is now
    the instance; raises InstanceNotAnsweringError when one holds the lock but never answers
    (within `timeout` for the reply, `startup_wait` for an instance still starting), and
    NoSingleInstanceError when the socket's folder cannot be used.
    """
    problem = folder_problem(str(path.parent)) if os.path.lexists(path.parent) else None
    if problem is not None:  # never talk through a folder someone else may control
        raise NoSingleInstanceError(problem)
    deadline = time.monotonic() + (STARTUP_WAIT_S if startup_wait is None else startup_wait)
    delay = 0.01
    while True:
        try:
            return send(path, request, REPLY_TIMEOUT_S if timeout is None else timeout), None
        except NoInstanceError:
            pass
        lock = PrimaryLock(path)
        if lock.acquire():
            return None, lock
        # Another instance holds the lock but is not listening yet: it is starting up.
        if time.monotonic() > deadline:
            raise InstanceNotAnsweringError("Unknot is starting but did not open its socket")
        time.sleep(delay)
        delay = min(delay * 2, 0.2)


def activation_token() -> str:
    """The launcher's focus token (Wayland), handed on so the instance may raise itself."""
    return os.environ.get("XDG_ACTIVATION_TOKEN", "")


def startup_id() -> str:
    """The launcher's startup notification id (X11), handed on so the instance can tell
    the launcher it is done."""
    return os.environ.get(STARTUP_ID_ENV, "")
