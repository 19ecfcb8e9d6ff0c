"""Cue sounds through pygame: opened with the routine, closed after it, silent without a device."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.audio.cue_player import SOUND_FILES, PygameCuePlayer
from app.core.resources import SOUNDS_DIR
from app.core.timeline import CueKind


def test_every_cue_has_its_sound_file() -> None:
    for name in SOUND_FILES.values():
        assert (SOUNDS_DIR / name).is_file(), name


def test_opens_plays_and_closes_the_mixer(qtbot: QtBot) -> None:
    import pygame

    player = PygameCuePlayer(SOUNDS_DIR, volume=50, muted=False)
    player.open()
    qtbot.waitUntil(lambda: player.is_open, timeout=5000)
    assert pygame.mixer.get_init() == (22050, -16, 1)
    assert len(player._sounds) == len(SOUND_FILES)
    assert player._sounds[CueKind.GO].get_volume() == pytest.approx(0.5, abs=0.01)
    player.play(CueKind.GO)
    player.set_muted(True)
    assert player._sounds[CueKind.GO].get_volume() == 0.0
    player.close()
    # An open mixer wakes the machine ~90 times a second: it must be closed after a routine.
    assert pygame.mixer.get_init() is None
    assert not player.is_open


def test_no_sound_device_goes_silent_and_says_so_once(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SDL_AUDIODRIVER", "no-such-device")
    player = PygameCuePlayer(SOUNDS_DIR, volume=70, muted=False)
    reasons: list[str] = []
    player.unavailable.connect(reasons.append)
    with qtbot.waitSignal(player.unavailable, timeout=5000):
        player.open()
    player.play(CueKind.GO)  # nothing to play through, nothing raised
    player.play(CueKind.DONE)
    player.close()
    assert len(reasons) == 1
    assert "no-such-device" in reasons[0]


def test_missing_sound_files_are_reported_as_warnings(tmp_path: Path) -> None:
    from app.audio.cue_player import missing_sounds

    assert missing_sounds(SOUNDS_DIR) == []
    (tmp_path / "go.wav").write_bytes(b"")
    problems = missing_sounds(tmp_path)
    assert len(problems) == len(SOUND_FILES) - 1
    assert str(problems[0]) == (
        f"{tmp_path / 'get_ready.wav'}:0:0: warning: cue sound not found; this cue is silent"
    )


def test_a_missing_sound_file_leaves_the_other_cues(qtbot: QtBot, tmp_path: Path) -> None:
    (tmp_path / "go.wav").write_bytes((SOUNDS_DIR / "go.wav").read_bytes())
    player = PygameCuePlayer(tmp_path, volume=70, muted=False)
    player.open()
    qtbot.waitUntil(lambda: player.is_open, timeout=5000)
    assert list(player._sounds) == [CueKind.GO]
    player.play(CueKind.TICK)  # no file: skipped quietly
    player.close()


def test_stale_cues_are_not_sounded(qtbot: QtBot) -> None:
    player = PygameCuePlayer(SOUNDS_DIR, volume=70, muted=False)
    player.open()
    qtbot.waitUntil(lambda: player.is_open, timeout=5000)
    played: list[CueKind] = []

    class Spy:
        def __init__(self, kind: CueKind) -> None:
            self.kind = kind

        def play(self) -> None:
            played.append(self.kind)

        def set_volume(self, value: float) -> None:
            pass

    player._sounds = {kind: Spy(kind) for kind in SOUND_FILES}
    player.play(CueKind.GO, late_ms=200)
    player.play(CueKind.TICK, late_ms=5000)  # noticed five seconds late: would mislead
    assert played == [CueKind.GO]
    player._sounds = {}
    player.close()


def test_an_open_mixer_does_not_swallow_sigterm(project_root: Path) -> None:
    """SDL's own signal handlers would keep the app alive through a logout or `kill`."""
    code = """
import os, signal
from PySide6.QtCore import QCoreApplication
from app.audio.cue_player import PygameCuePlayer
from app.core.resources import SOUNDS_DIR
app = QCoreApplication([])
player = PygameCuePlayer(SOUNDS_DIR, 70, False)
player.open()
assert player._ready.wait(5)
os.kill(os.getpid(), signal.SIGTERM)  # with the default action, the process ends here
print("survived SIGTERM")
"""
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=project_root,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == -signal.SIGTERM, result.stdout + result.stderr
