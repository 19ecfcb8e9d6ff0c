"""Test doubles for the interface tests."""

from __future__ import annotations

from app.core.timeline import CueKind


class RecordingCuePlayer:
    """Remembers every cue it was asked to play, and whether the mixer is open."""

    def __init__(self) -> None:
        self.played: list[tuple[CueKind, int]] = []
        self.is_open = False
        self.opened = 0
        self.muted = False
        self.volume = 70

    def open(self) -> None:
        self.is_open = True
        self.opened += 1

    def play(self, kind: CueKind, late_ms: int = 0) -> None:
        if not self.muted:
            self.played.append((kind, late_ms))

    def close(self) -> None:
        self.is_open = False

    def set_volume(self, percent: int) -> None:
        self.volume = percent

    def set_muted(self, muted: bool) -> None:
        self.muted = muted
