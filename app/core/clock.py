"""Clocks: the player and reminders take one, so tests drive time instead of sleeping."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    """What the core asks of time."""

    def monotonic(self) -> float:
        """Seconds on a clock that never jumps; only differences mean anything."""

    def now(self) -> datetime:
        """The current wall-clock time, timezone-aware."""


class SystemClock:
    """The real clock."""

    def monotonic(self) -> float:
        return time.monotonic()

    def now(self) -> datetime:
        return datetime.now(UTC).astimezone()


class FakeClock:
    """A clock that moves only when told to; for tests."""

    def __init__(self, start: datetime | None = None) -> None:
        self._mono = 1000.0
        self._wall = start or datetime(2026, 1, 5, 21, 0, tzinfo=UTC)

    def monotonic(self) -> float:
        return self._mono

    def now(self) -> datetime:
        return self._wall

    def advance(self, seconds: float) -> None:
        """Move both clocks forward by `seconds`."""
        if seconds < 0:
            raise ValueError("a clock does not go backwards")
        self._mono += seconds
        self._wall += timedelta(seconds=seconds)
