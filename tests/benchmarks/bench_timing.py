"""Timing with the real clock: a 60 s routine in the real player view, cue by cue.

    uv run python tests/benchmarks/bench_timing.py

Figures to reach: the routine ends within 50 ms of 60 s; cues fire at most 30 ms after they
are due (95th percentile). The floor: bare precise QTimers scheduled for the same moments.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from app.core.clock import SystemClock
from app.core.routines import Dose, Exercise, Routine, Sides, Step, Text
from app.core.timeline import CueKind, build_timeline
from app.ui.routines.player_view import PlayerView


def sixty_second_routine() -> Routine:
    exercise = Exercise(
        "calf", Text.plain("Calf"), Text.plain("Lean in."), None, Dose(), per_side=True
    )
    step = Step(
        exercise,
        exercise.name,
        exercise.instruction,
        Dose(reps=2, hold=10, rest=5),
        Sides.BOTH,
        switch=5,
    )
    # 5 s lead-in + left (10 hold, 5 rest, 10 hold) + 5 s switch + right (the same) = 60 s
    return Routine("timing", Text.plain("Timing"), Text.plain(""), (step,), lead_in=5)


class TimedCues:
    """Records when each cue was asked for, on the monotonic clock."""

    def __init__(self) -> None:
        self.heard: list[tuple[CueKind, float]] = []

    def open(self) -> None: ...
    def close(self) -> None: ...
    def set_volume(self, percent: int) -> None: ...
    def set_muted(self, muted: bool) -> None: ...

    def play(self, kind: CueKind, late_ms: int = 0) -> None:
        self.heard.append((kind, time.monotonic()))


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


def main() -> int:
    app = QApplication(sys.argv[:1])
    routine = sixty_second_routine()
    timeline = build_timeline(routine)
    cues = TimedCues()
    view = PlayerView(SystemClock(), lambda: cues, "en", muted=False)
    view.resize(1100, 700)
    view.show()
    ended: list[float] = []
    view.session_ended.connect(lambda _: (ended.append(time.monotonic()), app.quit()))
    started = time.monotonic()
    view.start(routine)
    app.exec()
    total_s = timeline.total_ms / 1000
    our_end_error = (ended[0] - started - total_s) * 1000
    our_late = [
        (at - started) * 1000 - cue.at_ms
        for (kind, at), cue in zip(cues.heard, timeline.cues, strict=True)
        if kind is cue.kind
    ]

    # The floor: one precise QTimer per cue, started at the same moment.
    floor_late: list[float] = []
    floor_start = time.monotonic()
    for cue in timeline.cues:
        timer = QTimer(app)
        timer.setSingleShot(True)
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.timeout.connect(
            lambda due=cue.at_ms: floor_late.append((time.monotonic() - floor_start) * 1000 - due)
        )
        timer.start(cue.at_ms)
    QTimer.singleShot(timeline.total_ms + 200, app.quit)
    app.exec()

    print(f"routine of {total_s:g} s, {len(timeline.cues)} cues")
    print(f"end error: ours {our_end_error:.1f} ms (limit 50)")
    print(
        f"cue lateness p95: ours {p95(our_late):.1f} ms, floor {p95(floor_late):.1f} ms, "
        f"ratio {p95(our_late) / max(p95(floor_late), 0.1):.2f} (limit 30 ms)"
    )
    print(f"cue lateness max: ours {max(our_late):.1f} ms, floor {max(floor_late):.1f} ms")
    return 0 if abs(our_end_error) <= 50 and p95(our_late) <= 30 else 1


if __name__ == "__main__":
    sys.exit(main())
