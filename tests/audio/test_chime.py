"""The reminder's chime: played once in a worker thread, sharing the mixer with the cues."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.audio import chime, mixer
from app.core.resources import SOUNDS_DIR


def test_the_chime_plays_and_closes_the_mixer_after_itself(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import pygame

    played: list[float] = []

    class RecordingSound(pygame.mixer.Sound):  # type: ignore[misc]
        def play(self, *args: Any) -> Any:
            played.append(round(self.get_volume(), 2))
            return super().play(*args)

    monkeypatch.setattr(pygame.mixer, "Sound", RecordingSound)
    thread = chime.play_once(SOUNDS_DIR / "reminder.wav", 30)
    assert thread is not None
    assert chime.play_once(SOUNDS_DIR / "reminder.wav", 30) is None  # one at a time
    thread.join(timeout=10)
    assert not thread.is_alive()
    assert played == [0.3]
    assert mixer.users() == 0 and pygame.mixer.get_init() is None  # closed: no wake-ups


def test_the_chime_leaves_the_mixer_open_for_a_routine_that_holds_it() -> None:
    mixer.acquire()  # a routine's cues
    try:
        thread = chime.play_once(SOUNDS_DIR / "reminder.wav", 30)
        assert thread is not None
        thread.join(timeout=10)
        import pygame

        assert pygame.mixer.get_init() is not None
        assert mixer.users() == 1
    finally:
        mixer.release()
    assert mixer.users() == 0


def test_a_missing_sound_file_is_skipped_quietly(tmp_path: Path) -> None:
    thread = chime.play_once(tmp_path / "nothing.wav", 30)
    assert thread is not None
    thread.join(timeout=10)
    assert mixer.users() == 0
    # The next reminder can chime again: nothing was left locked.
    again = chime.play_once(tmp_path / "nothing.wav", 30)
    assert again is not None
    again.join(timeout=10)


def test_the_system_mixer_shows_unknot_not_python() -> None:
    """SDL names its audio stream from these (PulseAudio and PipeWire show them)."""
    import os

    import app.audio.mixer  # noqa: F401  (sets them on import, before pygame)

    assert os.environ["SDL_APP_NAME"] == "Unknot"
    assert os.environ["SDL_AUDIO_DEVICE_APP_NAME"] == "Unknot"
    assert os.environ["SDL_AUDIO_DEVICE_STREAM_NAME"] == "Exercise cues and reminders"
