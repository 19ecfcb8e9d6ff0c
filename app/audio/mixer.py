"""pygame's mixer, shared by the routine's cues and a reminder's chime.

The two can overlap (a reminder while a routine plays), so the mixer is opened by the first
user and closed when the last one is done: an open mixer keeps SDL's audio thread waking
about 90 times a second even in silence.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import threading
from collections.abc import Iterator

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

log = logging.getLogger(__name__)

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
            with _stderr_to_log():
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


@contextlib.contextmanager
def _stderr_to_log() -> Iterator[None]:
    """What the sound libraries write to the process's stderr meanwhile, as one log line.

    ALSA and SDL write straight to file descriptor 2: without a sound device, ALSA alone
    prints eight lines of its configuration's internals into the terminal. The caller logs
    why there is no sound in one line; ALSA's own words go to the log as one more line,
    for --debug. Another thread's output in the same moment (rare: opening takes
    milliseconds) lands in that line too rather than being lost.
    """
    try:
        sink = os.memfd_create("unknot-sound-stderr")  # in memory; never fills, never blocks
    except (AttributeError, OSError):  # not Linux: leave stderr as it is
        yield
        return
    try:
        if sys.stderr is not None:
            sys.stderr.flush()  # Python's own pending text goes where it was meant to
        saved = os.dup(2)
    except OSError:
        os.close(sink)
        yield
        return
    os.dup2(sink, 2)
    try:
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.lseek(sink, 0, os.SEEK_SET)
        said = os.read(sink, 16384).decode(errors="replace")
        os.close(sink)
        lines = [line.strip() for line in said.splitlines() if line.strip()]
        if lines:
            log.debug("the sound system said: %s", " | ".join(lines))
