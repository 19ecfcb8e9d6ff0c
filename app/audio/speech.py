"""Spoken guidance through the desktop's speech service (speech-dispatcher), over its plain
SSIP socket protocol: no new dependency, and no Qt add-on module.

QtTextToSpeech would need PySide6-Addons (about 200 MB more) for what is a few lines of a
text protocol on a Unix socket; python3-speechd is not on PyPI. The service is asked in a
worker thread, so a slow or hung service never stalls a routine or the relief screen. A new
sentence cancels what is still being said: guidance must never lag behind the routine.
"""

from __future__ import annotations

import contextlib
import logging
import os
import queue
import socket
import threading
from collections.abc import Callable, Mapping

log = logging.getLogger(__name__)

CLIENT_NAME = "user:unknot:guidance"
TIMEOUT_S = 2.0


def socket_path(environ: Mapping[str, str] | None = None) -> str | None:
    """Where speech-dispatcher listens: SPEECHD_ADDRESS ("unix_socket:PATH"), else its usual
    place in the runtime folder; None if neither names a Unix socket."""
    env = os.environ if environ is None else environ
    address = env.get("SPEECHD_ADDRESS", "")
    if address:
        method, _, rest = address.partition(":")
        return (rest or None) if method == "unix_socket" else None
    runtime = env.get("XDG_RUNTIME_DIR", "")
    return os.path.join(runtime, "speech-dispatcher", "speechd.sock") if runtime else None  # noqa: PTH118


def ssip_volume(percent: int) -> int:
    """The cue volume (0 to 100) as SSIP's -100 to 100."""
    return max(-100, min(100, round(percent * 2 - 100)))


def speak_lines(text: str) -> list[str]:
    """The text as SSIP data lines: a line holding only "." would end the message early, so
    every line starting with a dot gets a second one, as the protocol asks."""
    lines = [line.rstrip("\r") for line in text.splitlines()] or [""]
    return ["." + line if line.startswith(".") else line for line in lines]


class SsipError(OSError):
    """The speech service refused or did not answer."""


class _Connection:
    def __init__(self, path: str) -> None:
        self._socket = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self._socket.settimeout(TIMEOUT_S)
        try:
            self._socket.connect(path)
        except OSError:
            self._socket.close()
            raise
        self._buffer = b""

    def command(self, line: str) -> str:
        self._socket.sendall(line.encode("utf-8") + b"\r\n")
        return self._reply()

    def _reply(self) -> str:
        """The reply's last line ("NNN text"); lines "NNN-..." before it are skipped."""
        while True:
            while b"\r\n" not in self._buffer:
                chunk = self._socket.recv(4096)
                if not chunk:
                    raise SsipError("the speech service closed the connection")
                self._buffer += chunk
            line, self._buffer = self._buffer.split(b"\r\n", 1)
            text = line.decode("utf-8", "replace")
            if len(text) >= 4 and text[3] == " ":
                if not text.startswith("2"):  # 2xx: done; 3xx/4xx/5xx: refused
                    raise SsipError(text)
                return text

    def speak(self, text: str) -> None:
        self.command("SPEAK")
        data = "\r\n".join([*speak_lines(text), "."])
        self._socket.sendall(data.encode("utf-8") + b"\r\n")
        self._reply()

    def close(self) -> None:
        # QUIT and its answer, so the service does not find the socket gone mid-reply.
        with contextlib.suppress(OSError):
            self.command("QUIT")
        self._socket.close()


class SpeechService:
    """One connection to speech-dispatcher, used from a worker thread."""

    def __init__(
        self, path: str | None = None, on_failure: Callable[[str], None] | None = None
    ) -> None:
        self._path = path if path is not None else socket_path()
        self._on_failure = on_failure
        self._queue: queue.Queue[tuple[str, str, int] | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._connection: _Connection | None = None
        self._language = ""
        self._volume: int | None = None
        self.failed = ""  # why the service stopped answering, once it did

    def check(self) -> str:
        """ "" when the service answers here, else why not (in plain words)."""
        if not self._path:
            return "no speech service is running (speech-dispatcher)"
        try:
            connection = _Connection(self._path)
        except OSError:
            return "no speech service is running (speech-dispatcher)"
        try:
            connection.command(f"SET self CLIENT_NAME {CLIENT_NAME}")
        except OSError as error:
            return f"the speech service did not answer ({error})"
        finally:
            connection.close()
        return ""

    def say(self, text: str, language: str, volume: int) -> None:
        """Say `text` now, cutting short whatever is still being said."""
        if self.failed or not text.strip():
            return
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="speech", daemon=True)
            self._thread.start()
        self._queue.put((text, language, volume))

    def close(self) -> None:
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join(TIMEOUT_S * 2)
            self._thread = None

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                break
            # Only the newest sentence matters: older ones would lag behind the routine.
            stop = False
            with contextlib.suppress(queue.Empty):
                while not stop:
                    newer = self._queue.get_nowait()
                    if newer is None:
                        stop = True  # said after this last sentence
                    else:
                        item = newer
            try:
                self._speak(*item)
            except OSError as error:
                self.failed = str(error) or type(error).__name__
                log.warning("spoken guidance stopped: %s", self.failed)
                if self._on_failure is not None:
                    self._on_failure(self.failed)
                break
            if stop:
                break
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def _speak(self, text: str, language: str, volume: int) -> None:
        if self._connection is None:
            if not self._path:
                raise SsipError("no speech service is running (speech-dispatcher)")
            self._connection = _Connection(self._path)
            self._connection.command(f"SET self CLIENT_NAME {CLIENT_NAME}")
        connection = self._connection
        if language != self._language:
            connection.command(f"SET self LANGUAGE {language}")
            self._language = language
        level = ssip_volume(volume)
        if level != self._volume:
            connection.command(f"SET self VOLUME {level}")
            self._volume = level
        connection.command("CANCEL self")
        connection.speak(text)
