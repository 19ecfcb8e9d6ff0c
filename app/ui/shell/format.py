"""Small formatting helpers shared by the views.

The routine list uses this before the first paint, so the routine model is imported only
inside the helpers that need it (they run later).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from app.ui.shell.i18n import tr

if TYPE_CHECKING:
    from app.core.routines import Routine, Side, Step


def clock_text(milliseconds: int) -> str:
    """Whole seconds, rounded up so "0" shows only at the very end: 75 s -> "1:15", 9 s -> "9"."""
    seconds = math.ceil(max(0, milliseconds) / 1000)
    if seconds < 60:
        return str(seconds)
    return f"{seconds // 60}:{seconds % 60:02d}"


def minutes_seconds(milliseconds: int) -> str:
    """Always m:ss, for a time taken: 2 s -> "0:02"."""
    seconds = round(max(0, milliseconds) / 1000)
    return f"{seconds // 60}:{seconds % 60:02d}"


def duration_text(milliseconds: int) -> str:
    """A routine's length for a person, always in minutes: "3 min", never "68 s" beside it."""
    return tr("{n} min").format(n=max(1, round(milliseconds / 60_000)))


def routine_duration_ms(routine: Routine) -> int:
    """How long a session of `routine` as it will play takes (its default choices)."""
    from app.core.timeline import build_timeline

    return build_timeline(routine).total_ms


def side_text(side: Side | None) -> str:
    from app.core.routines import Side

    if side is Side.LEFT:
        return tr("left leg")
    if side is Side.RIGHT:
        return tr("right leg")
    return ""


def seconds_text(seconds: float) -> str:
    return tr("{n} s").format(n=f"{seconds:g}")


def dose_text(step: Step) -> str:
    """How a step is done, in a few words: "2 × 15 s hold · each leg"."""
    from app.core.routines import Sides

    dose = step.dose
    if dose.duration is not None:
        parts = [seconds_text(dose.duration)]
    elif dose.hold is not None and dose.reps == 1:
        parts = [tr("{hold} hold").format(hold=seconds_text(dose.hold))]
    elif dose.hold is not None:
        parts = [tr("{reps} × {hold} hold").format(reps=dose.reps, hold=seconds_text(dose.hold))]
    else:
        parts = [tr("{reps} reps").format(reps=dose.reps)]
    if dose.sets > 1:
        parts.insert(0, tr("{sets} sets").format(sets=dose.sets))
    if step.sides is Sides.BOTH:
        parts.append(tr("each leg"))
    elif step.sides is Sides.LEFT:
        parts.append(tr("left leg"))
    elif step.sides is Sides.RIGHT:
        parts.append(tr("right leg"))
    return " · ".join(parts)
