"""What the player says, in words a person would use: the phase, the rep, the pace, what
comes next and the time left. Kept apart from the widgets so the wording is read (and
tested) in one place."""

from __future__ import annotations

import math

from app.core.routines import Side
from app.core.timeline import Segment, SegmentKind, Timeline
from app.ui.shell.i18n import tr


def is_counted(segment: Segment) -> bool:
    """Paced reps are counted, not timed: the rep leads, not a seconds countdown."""
    return segment.kind is SegmentKind.WORK and segment.pace_ms > 0 and segment.rep_count > 1


def phase_text(segment: Segment, step_count: int) -> str:
    match segment.kind:
        case SegmentKind.PREPARE:
            is_last = step_count > 1 and segment.step_index == step_count - 1
            return tr("Last step: get ready") if is_last else tr("Get ready")
        case SegmentKind.HOLD:
            return tr("Hold")
        case SegmentKind.WORK:
            return tr("Move with the picture") if segment.pace_ms else tr("Keep going")
        case SegmentKind.REST:
            return tr("Relax")
        case SegmentKind.SWITCH:
            return tr("Switch legs")


def side_badge_text(side: Side | None) -> str:
    """The leg, as the largest fact on screen; empty when both legs work together."""
    if side is Side.LEFT:
        return tr("Left leg")
    if side is Side.RIGHT:
        return tr("Right leg")
    return ""


def rep_text(segment: Segment, offset_ms: int) -> str:
    """The big line while reps are counted: "3 of 10"."""
    return tr("{n} of {total}").format(n=segment.rep_at(offset_ms), total=segment.rep_count)


def pace_text(pace_ms: int) -> str:
    """How fast, as a person would say it: "One every 2 seconds", "One a second"."""
    if pace_ms == 1000:
        return tr("One a second")
    return tr("One every {n} seconds").format(n=f"{pace_ms / 1000:g}")


def detail_text(segment: Segment, offset_ms: int) -> str:
    """The quiet line under the countdown: the set, the hold's rep, or the pace."""
    parts = []
    if segment.set_count > 1:
        parts.append(tr("Set {n} of {total}").format(n=segment.set_number, total=segment.set_count))
    if is_counted(segment):
        parts.append(pace_text(segment.pace_ms))
    elif segment.kind in (SegmentKind.HOLD, SegmentKind.WORK) and segment.rep_count > 1:
        parts.append(
            tr("Rep {n} of {total}").format(n=segment.rep_at(offset_ms), total=segment.rep_count)
        )
    return " · ".join(parts)


def next_text(timeline: Timeline, segment: Segment, language: str) -> str:
    """What comes after this part: "Next: relax", "Next: one last hold", "Next: Towel calf
    stretch", "Next: switch to your left leg"."""
    steps = timeline.routine.steps
    if segment.kind is SegmentKind.PREPARE:
        # The step being prepared is on screen already: "next" is the one after it.
        if segment.step_index + 1 < len(steps):
            name = steps[segment.step_index + 1].name.get(language)
            return tr("Next: {name}").format(name=name)
        return tr("This is the last step")
    if segment.index + 1 >= len(timeline.segments):
        return tr("Last part: then you are done")
    following = timeline.segments[segment.index + 1]
    if following.step_index != segment.step_index:
        name = steps[following.step_index].name.get(language)
        return tr("Next: {name}").format(name=name)
    match following.kind:
        case SegmentKind.REST:
            return tr("Next: relax")
        case SegmentKind.SWITCH:
            if following.side is Side.LEFT:
                return tr("Next: switch to your left leg")
            if following.side is Side.RIGHT:
                return tr("Next: switch to your right leg")
            return tr("Next: switch legs")
        case SegmentKind.HOLD:
            if following.rep == following.rep_count:
                return tr("Next: one last hold")
            return tr("Next: hold again")
        case _:
            if following.set_number == following.set_count:
                return tr("Next: the last set")
            return tr("Next: another set")


def time_left_text(milliseconds: int) -> str:
    """The routine's time left, always as minutes and seconds: "2:07 left", "0:54 left"."""
    seconds = math.ceil(max(0, milliseconds) / 1000)  # as the countdown: 0 only at the end
    return tr("{time} left").format(time=f"{seconds // 60}:{seconds % 60:02d}")
