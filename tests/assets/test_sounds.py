"""Checks on the synthesised cue sounds in assets/sounds (see scripts/make_sounds.py).

No audio device or display is needed: the files are read with the ``wave`` module.
"""

from __future__ import annotations

import math
import sys
import wave
from array import array
from dataclasses import dataclass
from pathlib import Path

import pytest

SOUNDS_DIR = Path(__file__).resolve().parents[2] / "assets" / "sounds"
CUES = (
    "get_ready",
    "tick",
    "go",
    "halfway",
    "switch_sides",
    "rest",
    "done",
    "reminder",
)
# A step of more than this (about -50 dBFS) at either end would be audible as a click.
EDGE_LIMIT = 100


@dataclass(frozen=True)
class Cue:
    """What the tests need from one WAV file."""

    channels: int
    sample_width: int
    frame_rate: int
    samples: array[int]


def read_cue(name: str) -> Cue:
    """Read cue ``name`` as signed 16-bit samples (empty if it is not 16-bit)."""
    with wave.open(str(SOUNDS_DIR / f"{name}.wav"), "rb") as wav:
        cue = Cue(wav.getnchannels(), wav.getsampwidth(), wav.getframerate(), array("h"))
        frames = wav.readframes(wav.getnframes())
    if cue.sample_width == 2:
        cue.samples.frombytes(frames)
        if sys.byteorder == "big":
            cue.samples.byteswap()
    return cue


@pytest.mark.parametrize("name", CUES)
def test_cue_exists_and_is_small(name: str) -> None:
    path = SOUNDS_DIR / f"{name}.wav"
    assert path.is_file(), f"missing {path}; run scripts/make_sounds.py"
    assert path.stat().st_size < 100 * 1024


@pytest.mark.parametrize("name", CUES)
def test_cue_format_and_duration(name: str) -> None:
    cue = read_cue(name)
    assert cue.channels == 1
    assert cue.sample_width == 2
    assert cue.frame_rate == 22050
    assert cue.samples, "empty file"
    duration = len(cue.samples) / cue.frame_rate
    assert duration < 1.5
    if name == "tick":
        assert duration <= 0.25


@pytest.mark.parametrize("name", CUES)
def test_cue_peak_is_minus_six_dbfs(name: str) -> None:
    samples = read_cue(name).samples
    peak_dbfs = 20.0 * math.log10(max(abs(s) for s in samples) / 32767)
    assert -6.5 <= peak_dbfs <= -5.5


@pytest.mark.parametrize("name", CUES)
def test_cue_starts_and_ends_silently(name: str) -> None:
    samples = read_cue(name).samples
    assert abs(samples[0]) <= EDGE_LIMIT
    assert abs(samples[-1]) <= EDGE_LIMIT


def test_cues_are_similarly_loud() -> None:
    rms_dbfs = []
    for name in CUES:
        samples = read_cue(name).samples
        rms = math.sqrt(sum(s * s for s in samples) / len(samples))
        rms_dbfs.append(20.0 * math.log10(rms / 32767))
    assert max(rms_dbfs) - min(rms_dbfs) <= 4.0
