"""A single sound played once, away from the event loop: the reminder's chime.

The mixer is opened for the chime and closed after it, unless a routine's cues hold it.
With no sound device the chime is skipped and logged: the notification still says it all.
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

from app.audio import mixer

log = logging.getLogger(__name__)

TAIL_S = 0.2  # let the last samples leave the buffer before the mixer closes
_playing = threading.Lock()


def play_once(path: Path, volume: int) -> threading.Thread | None:
    """Play `path` at `volume` percent in a worker thread; None if one is still playing."""
    if not _playing.acquire(blocking=False):
        return None  # two reminders at the same minute: one chime is enough
    thread = threading.Thread(target=_play, args=(path, volume), name="chime", daemon=True)
    thread.start()
    return thread


def _play(path: Path, volume: int) -> None:
    try:
        try:
            mixer.acquire()
        except Exception as error:  # no device, no SDL, a broken driver
            log.warning("chime not played, no sound: %s", error)
            return
        try:
            import pygame

            sound = pygame.mixer.Sound(str(path))
            sound.set_volume(max(0, min(volume, 100)) / 100)
            sound.play()
            time.sleep(sound.get_length() + TAIL_S)  # a worker thread: only it waits
        except Exception as error:  # a missing or unreadable file, an unplugged device
            log.warning("chime %s not played: %s", path, error)
        finally:
            mixer.release()
    finally:
        _playing.release()
