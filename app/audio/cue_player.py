"""Play cue sounds through pygame.mixer, opened only while a routine plays.

An open mixer keeps SDL's audio thread waking about 90 times a second even in silence, so
it is opened when a routine starts (in a worker thread, during the lead-in, so the window
never waits) and closed when the routine ends. With no sound device the player goes
silent, says so once, and the routine carries on with its visual cues.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal

from app.audio import mixer
from app.core.routines import Problem, Severity
from app.core.timeline import CueKind

log = logging.getLogger(__name__)

LATE_LIMIT_MS = 1000  # a cue noticed later than this is stale: sounding it would mislead

SOUND_FILES: dict[CueKind, str] = {
    CueKind.GET_READY: "get_ready.wav",
    CueKind.TICK: "tick.wav",
    CueKind.GO: "go.wav",
    CueKind.HALFWAY: "halfway.wav",
    CueKind.REST: "rest.wav",
    CueKind.SWITCH_SIDES: "switch_sides.wav",
    CueKind.DONE: "done.wav",
    # LAST_STEP shares its moment with GET_READY; the screen says it, one sound is enough.
}


def missing_sounds(sounds_dir: Path) -> list[Problem]:
    """A problem for each cue sound that is not there: that cue stays silent."""
    return [
        Problem(
            sounds_dir / name, 0, 0, "", "cue sound not found; this cue is silent", Severity.WARNING
        )
        for name in SOUND_FILES.values()
        if not (sounds_dir / name).is_file()
    ]


class CuePlayer(Protocol):
    def open(self) -> None: ...
    def play(self, kind: CueKind, late_ms: int = 0) -> None: ...
    def close(self) -> None: ...
    def set_volume(self, percent: int) -> None: ...
    def set_muted(self, muted: bool) -> None: ...


class PygameCuePlayer(QObject):
    """The real cue player. `unavailable` is emitted once if there is no sound device."""

    unavailable = Signal(str)

    def __init__(self, sounds_dir: Path, volume: int, muted: bool) -> None:
        super().__init__()
        self._sounds_dir = sounds_dir
        self._volume = volume / 100
        self._muted = muted
        self._sounds: dict[CueKind, Any] = {}
        self._ready = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._told = False

    def open(self) -> None:
        """Start opening the mixer in the background; cues before it is ready are dropped."""
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._open_mixer, name="cue-mixer", daemon=True)
        self._thread.start()

    def _open_mixer(self) -> None:
        try:
            import pygame

            with self._lock:
                mixer.acquire()
                for kind, name in SOUND_FILES.items():
                    path = self._sounds_dir / name
                    try:
                        self._sounds[kind] = pygame.mixer.Sound(str(path))
                    except (pygame.error, FileNotFoundError) as error:
                        log.warning("cue sound %s not loaded: %s", path, error)
                self._apply_volume()
            self._ready.set()
        except Exception as error:  # no device, no SDL, a broken driver: go silent
            log.warning("no sound: %s", error)
            self._say_unavailable(str(error))

    def _say_unavailable(self, reason: str) -> None:
        if not self._told:
            self._told = True
            self.unavailable.emit(reason)

    def _apply_volume(self) -> None:
        for sound in self._sounds.values():
            sound.set_volume(0.0 if self._muted else self._volume)

    def play(self, kind: CueKind, late_ms: int = 0) -> None:
        if self._muted or late_ms > LATE_LIMIT_MS or not self._ready.is_set():
            return
        sound = self._sounds.get(kind)
        if sound is not None:
            try:
                sound.play()  # returns at once; SDL mixes in its own thread
            except Exception as error:  # a device unplugged mid-routine
                log.warning("cue not played: %s", error)
                self._say_unavailable(str(error))

    def close(self) -> None:
        """Close the mixer so it stops waking the machine."""
        thread, self._thread = self._thread, None
        if thread is None:
            return
        thread.join(timeout=2.0)
        if self._ready.is_set():
            with self._lock:
                self._sounds.clear()
                mixer.release()
            self._ready.clear()

    def set_volume(self, percent: int) -> None:
        self._volume = percent / 100
        if self._ready.is_set():
            self._apply_volume()

    def set_muted(self, muted: bool) -> None:
        self._muted = muted
        if self._ready.is_set():
            self._apply_volume()

    @property
    def is_open(self) -> bool:
        return self._ready.is_set()
