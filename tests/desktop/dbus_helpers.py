"""Driving the stand-in notification server (notification_server.py) from a test."""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO, Any

SERVER_SCRIPT = Path(__file__).with_name("notification_server.py")
LINE_TIMEOUT_S = 10.0


def _lines_into(stream: IO[str], lines: queue.Queue[str]) -> None:
    for line in stream:
        lines.put(line)


class NotificationServer:
    """Drives tests/desktop/notification_server.py in a subprocess."""

    def __init__(self, address: str, *options: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(SERVER_SCRIPT), address, *options],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        # A reader thread, so that a line that never comes fails the test instead of hanging it.
        self._lines: queue.Queue[str] = queue.Queue()
        self._reader = threading.Thread(
            target=_lines_into, args=(self.process.stdout, self._lines), daemon=True
        )
        self._reader.start()
        ready = self.next_event()
        assert "ready" in ready, ready
        self.unique_name: str = ready["ready"]
        self._syncs = 0

    def next_event(self) -> dict[str, Any]:
        try:
            line = self._lines.get(timeout=LINE_TIMEOUT_S)
        except queue.Empty:
            raise AssertionError("the notification server said nothing") from None
        event: dict[str, Any] = json.loads(line)
        return event

    def next_call(self, member: str) -> dict[str, Any]:
        """The next recorded call of `member`, skipping calls of other methods."""
        while True:
            event = self.next_event()
            if event.get("call") == member:
                return event

    def events_so_far(self) -> list[dict[str, Any]]:
        """The events not read yet, up to now: without waiting for more that may never come.

        Every call its caller already had the reply to is among them (the server records a
        call before it answers), so after a blocking call such as Notify this is complete.
        """
        self._syncs += 1
        token = self._syncs
        self._command({"sync": token})
        events = []
        while (event := self.next_event()) != {"synced": token}:
            events.append(event)
        return events

    def calls_so_far(self, member: str) -> list[dict[str, Any]]:
        """The calls of `member` among `events_so_far()`; other events are dropped."""
        return [event for event in self.events_so_far() if event.get("call") == member]

    def emit(self, signal: str, signature: str, *args: Any, before_reply: bool = False) -> None:
        """Emit a signal now, or (before_reply) just ahead of the server's next reply."""
        self._command(
            {
                "signal": signal,
                "signature": signature,
                "args": list(args),
                "before_reply": before_reply,
            }
        )
        while before_reply and self.next_event() != {"held": signal}:
            pass  # calls recorded earlier

    def _command(self, command: dict[str, Any]) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps(command) + "\n")
        self.process.stdin.flush()

    def stop(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()  # the server exits when its input ends
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._reader.join(timeout=LINE_TIMEOUT_S)  # it ends at the end of the output
        assert self.process.stdout is not None
        self.process.stdout.close()
