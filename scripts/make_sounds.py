"""Synthesise Unknot's audio cues into ``assets/sounds/``.

Every cue is built here from sine partials with the standard library only
(math, array, wave), so the sounds are original, reproducible byte for byte
and need no sample packs or numpy. Run it again after changing a recipe:

    uv run python scripts/make_sounds.py

The cues are heard during stretching and, at 3 a.m., in a dark bedroom by
someone in pain, so the recipes aim for calm, warm and soft: marimba- or
bell-like additive tones with fundamentals between ~390 and ~790 Hz, upper
partials that die away faster than the fundamental, nothing above 3.5 kHz,
raised-cosine attacks of at least 6 ms (longer for get_ready and rest) and
files that start and end exactly at zero so no speaker ever clicks.

Every file is normalised to a peak of -6 dBFS, which leaves headroom for the
mixer, and the recipes are tuned so the RMS levels stay within a few dB of each
other: a short tick should not be much quieter than a ringing chime.
"""

from __future__ import annotations

import argparse
import math
import sys
import wave
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

SAMPLE_RATE = 22050
PEAK_DBFS = -6.0
FULL_SCALE = 32767
# Partials above this are dropped: energy up there sounds harsh on laptop
# speakers and is what makes a cue startling rather than informative.
MAX_PARTIAL_HZ = 3500.0
# Each note fades out over this long before its end, so cutting a note short
# never leaves a step in the waveform.
NOTE_RELEASE_S = 0.06
# The whole cue fades to exactly zero over this long, so the last sample is 0.
FILE_FADE_OUT_S = 0.05

OUT_DIR = Path(__file__).resolve().parents[1] / "assets" / "sounds"

# Equal-tempered pitches (A4 = 440 Hz) used by the recipes below.
G4 = 392.00
A4 = 440.00
B4 = 493.88
C5 = 523.25
D5 = 587.33
E5 = 659.26
G5 = 783.99


@dataclass(frozen=True)
class Partial:
    """One sine component of a timbre, relative to the note's fundamental."""

    ratio: float  # frequency multiple of the fundamental
    amplitude: float  # relative to the fundamental's 1.0
    decay_scale: float  # multiplies the note's decay time: <1 dies away sooner


# Soft marimba: weak harmonics that fade quickly leave a round, woody sine.
MARIMBA = (
    Partial(1.0, 1.0, 1.0),
    Partial(2.0, 0.22, 0.5),
    Partial(3.0, 0.07, 0.3),
)
# Brighter but still smooth: a little more of the 2nd-4th harmonics so "go"
# stands out from the other cues without any sharp edge.
BRIGHT = (
    Partial(1.0, 1.0, 1.0),
    Partial(2.0, 0.38, 0.6),
    Partial(3.0, 0.16, 0.45),
    Partial(4.0, 0.07, 0.35),
)
# Bell: a slightly detuned twin of the fundamental gives a slow, gentle shimmer
# and a quiet inharmonic partial (2.76, a struck-bar mode) the "ding" colour.
BELL = (
    Partial(1.0, 1.0, 1.0),
    Partial(1.003, 0.3, 1.0),
    Partial(2.0, 0.3, 0.6),
    Partial(2.76, 0.08, 0.35),
    Partial(3.0, 0.06, 0.4),
)
# Muted woodblock: almost a pure tone with a short inharmonic knock on top.
WOOD = (
    Partial(1.0, 1.0, 1.0),
    Partial(2.76, 0.18, 0.35),
)
# Rest is the softest cue: nearly a pure sine with a trace of octave warmth.
SOFT = (
    Partial(1.0, 1.0, 1.0),
    Partial(2.0, 0.12, 0.6),
)


@dataclass(frozen=True)
class Note:
    """A single struck tone placed in a cue."""

    freq: float  # fundamental in Hz
    start: float  # seconds from the start of the cue
    length: float  # seconds until the note is fully released
    decay: float  # exponential decay time constant of the fundamental, seconds
    attack: float = 0.01  # raised-cosine fade-in, seconds; never a hard onset
    gain: float = 1.0
    timbre: Sequence[Partial] = MARIMBA


@dataclass(frozen=True)
class Cue:
    """A named cue: its notes and total length."""

    name: str
    duration: float
    notes: Sequence[Note]


def raised_cosine_in(i: int, n: int) -> float:
    """Gain for sample ``i`` of an ``n``-sample fade-in; exactly 0 at i = 0."""
    if n <= 0 or i >= n:
        return 1.0
    return 0.5 - 0.5 * math.cos(math.pi * i / n)


def raised_cosine_out(i: int, n: int) -> float:
    """Gain for sample ``i`` of an ``n``-sample fade-out; exactly 0 at i = n - 1."""
    if n <= 1:
        return 0.0
    return 0.5 + 0.5 * math.cos(math.pi * i / (n - 1))


def render_note(note: Note, buffer: list[float]) -> None:
    """Add ``note`` into ``buffer`` (floats, arbitrary scale) in place."""
    first = round(note.start * SAMPLE_RATE)
    count = min(round(note.length * SAMPLE_RATE), len(buffer) - first)
    attack_n = round(note.attack * SAMPLE_RATE)
    release_n = min(round(NOTE_RELEASE_S * SAMPLE_RATE), count)
    release_from = count - release_n
    # Precompute per-partial constants; partials that would be harsh are skipped.
    parts = [
        (
            2.0 * math.pi * note.freq * p.ratio / SAMPLE_RATE,
            p.amplitude,
            1.0 / (note.decay * p.decay_scale * SAMPLE_RATE),
        )
        for p in note.timbre
        if note.freq * p.ratio <= MAX_PARTIAL_HZ
    ]
    for i in range(count):
        value = 0.0
        for omega, amplitude, rate in parts:
            value += amplitude * math.exp(-i * rate) * math.sin(omega * i)
        envelope = raised_cosine_in(i, attack_n)
        if i >= release_from:
            envelope *= raised_cosine_out(i - release_from, release_n)
        buffer[first + i] += note.gain * envelope * value


def render_cue(cue: Cue) -> list[float]:
    """Mix a cue's notes, fade the tail to exactly zero and normalise the peak."""
    total = round(cue.duration * SAMPLE_RATE)
    buffer = [0.0] * total
    for note in cue.notes:
        render_note(note, buffer)
    fade_n = round(FILE_FADE_OUT_S * SAMPLE_RATE)
    for i in range(fade_n):
        buffer[total - fade_n + i] *= raised_cosine_out(i, fade_n)
    peak = max(abs(v) for v in buffer)
    target = 10.0 ** (PEAK_DBFS / 20.0) * FULL_SCALE
    return [v * target / peak for v in buffer]


def to_pcm16(samples: Sequence[float]) -> array[int]:
    """Round to signed 16-bit; ``round`` keeps the output deterministic."""
    return array("h", (round(v) for v in samples))


def write_wav(path: Path, pcm: array[int]) -> None:
    """Write mono 16-bit PCM at SAMPLE_RATE; WAV data is always little-endian."""
    if sys.byteorder == "big":
        pcm = array("h", pcm)
        pcm.byteswap()
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(SAMPLE_RATE)
        out.writeframes(pcm.tobytes())


def dbfs(value: float) -> float:
    """Level of ``value`` (in 16-bit sample units) relative to full scale."""
    return 20.0 * math.log10(value / FULL_SCALE) if value > 0 else -math.inf


def measure(pcm: Sequence[int]) -> tuple[float, float]:
    """Peak and RMS of ``pcm`` in dBFS."""
    peak = max(abs(s) for s in pcm)
    rms = math.sqrt(sum(s * s for s in pcm) / len(pcm))
    return dbfs(peak), dbfs(rms)


# The recipes. Pitches stay in one warm C-major/A-minor palette so no cue
# clashes with another; meaning comes from contour and rhythm.
CUES: tuple[Cue, ...] = (
    # Two rising soft notes with slow attacks: "here we go, get comfortable".
    Cue(
        "get_ready",
        1.15,
        (
            Note(G4, 0.0, 0.6, decay=0.30, attack=0.04, gain=0.85),
            Note(C5, 0.36, 0.79, decay=0.38, attack=0.04),
        ),
    ),
    # One short, muted pluck for 3-2-1. It decays slowly enough for its body
    # to carry, otherwise it would sound far quieter than the other cues.
    Cue(
        "tick",
        0.2,
        (Note(E5, 0.0, 0.2, decay=0.09, attack=0.006, timbre=WOOD),),
    ),
    # One clear, brighter, slightly longer note: the stretch starts now.
    Cue(
        "go",
        0.9,
        (Note(G5, 0.0, 0.9, decay=0.32, attack=0.008, timbre=BRIGHT),),
    ),
    # Two soft notes at the same pitch: "half-way, keep holding".
    Cue(
        "halfway",
        0.95,
        (
            Note(D5, 0.0, 0.45, decay=0.22, attack=0.012),
            Note(D5, 0.3, 0.65, decay=0.28, attack=0.012),
        ),
    ),
    # Down then back up, like weight moving from one leg to the other.
    Cue(
        "switch_sides",
        1.1,
        (
            Note(E5, 0.0, 0.4, decay=0.2, attack=0.01),
            Note(B4, 0.22, 0.4, decay=0.2, attack=0.01),
            Note(E5, 0.44, 0.66, decay=0.28, attack=0.01),
        ),
    ),
    # A slow, descending, nearly pure pair with long attacks: "let go, rest".
    Cue(
        "rest",
        1.45,
        (
            Note(C5, 0.0, 0.85, decay=0.45, attack=0.08),
            Note(G4, 0.5, 0.95, decay=0.5, attack=0.08, gain=0.9, timbre=SOFT),
        ),
    ),
    # A warm rising C-major arpeggio; the top note rings: "well done".
    Cue(
        "done",
        1.4,
        (
            Note(C5, 0.0, 0.5, decay=0.25, attack=0.01, gain=0.8),
            Note(E5, 0.16, 0.55, decay=0.27, attack=0.01, gain=0.85),
            Note(G5, 0.32, 1.08, decay=0.42, attack=0.01),
        ),
    ),
    # A gentle descending bell chime for the bedtime reminder.
    Cue(
        "reminder",
        1.45,
        (
            Note(G5, 0.0, 0.7, decay=0.35, attack=0.015, gain=0.85, timbre=BELL),
            Note(E5, 0.3, 0.7, decay=0.35, attack=0.015, gain=0.9, timbre=BELL),
            Note(C5, 0.6, 0.85, decay=0.45, attack=0.015, timbre=BELL),
        ),
    ),
)


def main(argv: Sequence[str] | None = None) -> None:
    """Write every cue and print a level table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="output directory")
    args = parser.parse_args(argv)
    out_dir: Path = args.out
    out_dir.mkdir(parents=True, exist_ok=True)

    print(f"{'name':<14}{'dur s':>7}{'peak dBFS':>11}{'RMS dBFS':>10}{'bytes':>8}")
    for cue in CUES:
        pcm = to_pcm16(render_cue(cue))
        path = out_dir / f"{cue.name}.wav"
        write_wav(path, pcm)
        peak, rms = measure(pcm)
        duration = len(pcm) / SAMPLE_RATE
        size = path.stat().st_size
        print(f"{cue.name:<14}{duration:>7.3f}{peak:>11.2f}{rms:>10.2f}{size:>8}")


if __name__ == "__main__":
    main()
