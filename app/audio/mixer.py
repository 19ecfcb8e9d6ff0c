"""pygame's mixer, shared by the routine's cues and a reminder's chime.

The two can overlap (a reminder while a routine plays), so the mixer is opened by the first
user and closed when the last one is done: an open mixer keeps SDL's audio thread waking
about 90 times a second even in silence.
"""

from __future__ import annotations

import os
import threading

# Set before pygame is first imported (the cues and the chime both import this module
# first). SDL otherwise installs its own SIGINT/SIGTERM handlers, which turn the signals into
# events nobody reads: with the mixer open, Unknot would ignore a logout's or `kill`'s
# request to end.
os.environ.setdefault("SDL_NO_SIGNAL_HANDLERS", "1")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
# What the system's mixer (PulseAudio, PipeWire) shows for our sound: "Unknot" and what it
# is, not "python3.11". SDL 2 reads these when the audio device opens.
os.environ.setdefault("SDL_APP_NAME", "Unknot")
os.environ.setdefault("SDL_AUDIO_DEVICE_APP_NAME", "Unknot")
os.environ.setdefault("SDL_AUDIO_DEVICE_STREAM_NAME", "Exercise cues and reminders")

SAMPLE_RATE = 22050
BUFFER_SAMPLES = 512  # about 23 ms: a cue is heard when it is shown


class _SharedMixer:
    """Counts the mixer's users under a lock: cues open it in a worker thread, chimes in
    another."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.users = 0


_shared = _SharedMixer()


def acquire() -> None:
    """Open the mixer if it is closed; raises if there is no sound device."""
    with _shared.lock:
        if _shared.users == 0:
            import pygame

            pygame.mixer.init(SAMPLE_RATE, -16, 1, BUFFER_SAMPLES)
        _shared.users += 1


def release() -> None:
    """One user is done; the last one closes the mixer."""
    with _shared.lock:
        if _shared.users == 0:
            return
        _shared.users -= 1
        if _shared.users == 0:
            import pygame

            pygame.mixer.quit()


def users() -> int:
    return _shared.users
