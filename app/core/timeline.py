"""Expand a routine into the exact plan of a session: timed segments and the cues due in them.

All times are whole milliseconds from the start of the session, so nothing drifts and a
segment ends exactly where the next begins.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from app.core.routines import Routine, Side, Sides, Step

HALFWAY_MIN_MS = 20_000  # holds shorter than this get no halfway cue
COUNTDOWN = (3, 2, 1)


class SegmentKind(enum.Enum):
    PREPARE = "prepare"  # get into position for the next step (the lead-in is one too)
    HOLD = "hold"  # hold a stretch for one rep
    WORK = "work"  # moving reps at a pace, or continuous work
    REST = "rest"  # relax between holds or sets
    SWITCH = "switch"  # change legs


ACTIVE_KINDS = frozenset({SegmentKind.HOLD, SegmentKind.WORK})


class CueKind(enum.Enum):
    GET_READY = "get_ready"
    LAST_STEP = "last_step"
    TICK = "tick"  # 3-2-1 before a hold or work starts
    GO = "go"
    HALFWAY = "halfway"
    REST = "rest"
    SWITCH_SIDES = "switch_sides"
    DONE = "done"


@dataclass(frozen=True)
class Segment:
    index: int
    kind: SegmentKind
    start_ms: int
    duration_ms: int
    step_index: int  # the step this segment belongs to (a PREPARE belongs to the coming step)
    side: Side | None
    set_number: int = 1
    set_count: int = 1
    rep: int = 1  # for a HOLD: which rep; for a paced WORK: the first rep
    rep_count: int = 1
    pace_ms: int = 0  # for paced WORK: milliseconds per rep; 0 otherwise

    @property
    def end_ms(self) -> int:
        return self.start_ms + self.duration_ms

    def rep_at(self, offset_ms: int) -> int:
        """The rep under way `offset_ms` into this segment (paced work counts reps itself)."""
        if self.pace_ms:
            return min(self.rep_count, offset_ms // self.pace_ms + 1)
        return self.rep


@dataclass(frozen=True)
class Cue:
    at_ms: int
    kind: CueKind
    segment_index: int
    count: int = 0  # 3, 2 or 1 for a TICK


@dataclass(frozen=True)
class Timeline:
    routine: Routine
    segments: tuple[Segment, ...]
    cues: tuple[Cue, ...]
    total_ms: int

    def segment_at(self, position_ms: int) -> Segment:
        """The segment playing at `position_ms` (the last one at or after the end)."""
        low, high = 0, len(self.segments) - 1
        while low < high:
            middle = (low + high + 1) // 2
            if self.segments[middle].start_ms <= position_ms:
                low = middle
            else:
                high = middle - 1
        return self.segments[low]


def _ms(seconds: float) -> int:
    return round(seconds * 1000)


class _Builder:
    def __init__(self) -> None:
        self.segments: list[Segment] = []
        self.position = 0

    def add(self, kind: SegmentKind, seconds: float, step_index: int, **extra: object) -> None:
        duration = _ms(seconds)
        if duration <= 0:
            return
        segment = Segment(
            index=len(self.segments),
            kind=kind,
            start_ms=self.position,
            duration_ms=duration,
            step_index=step_index,
            **extra,  # type: ignore[arg-type]
        )
        self.segments.append(segment)
        self.position += duration


def _sides(step: Step) -> list[Side | None]:
    if step.sides is Sides.BOTH:
        return [Side.LEFT, Side.RIGHT]
    if step.sides is Sides.LEFT:
        return [Side.LEFT]
    if step.sides is Sides.RIGHT:
        return [Side.RIGHT]
    return [None]


def _add_step(builder: _Builder, step: Step, index: int) -> None:
    dose = step.dose
    for side_number, side in enumerate(_sides(step)):
        if side_number:
            builder.add(SegmentKind.SWITCH, step.switch, index, side=side)
        for set_number in range(1, dose.sets + 1):
            common = {"side": side, "set_number": set_number, "set_count": dose.sets}
            if set_number > 1:
                builder.add(SegmentKind.REST, dose.rest, index, **common)
            if dose.duration is not None:
                builder.add(SegmentKind.WORK, dose.duration, index, **common)
            elif dose.hold is not None:
                for rep in range(1, dose.reps + 1):
                    builder.add(
                        SegmentKind.HOLD, dose.hold, index, rep=rep, rep_count=dose.reps, **common
                    )
                    if rep < dose.reps:
                        builder.add(SegmentKind.REST, dose.rest, index, rep=rep, **common)
            else:
                pace = dose.pace or 1.0
                builder.add(
                    SegmentKind.WORK,
                    pace * dose.reps,
                    index,
                    rep_count=dose.reps,
                    pace_ms=_ms(pace),
                    **common,
                )


def build_timeline(routine: Routine) -> Timeline:
    """Lay out every segment of `routine` and the cues that go with them."""
    builder = _Builder()
    previous: Step | None = None
    for index, step in enumerate(routine.steps):
        # Time to get into position: the lead-in first, then the longer of the
        # step's rest and the routine's transition.
        prepare = (
            routine.lead_in if previous is None else max(routine.transition, previous.dose.rest)
        )
        builder.add(SegmentKind.PREPARE, prepare, index, side=_sides(step)[0])
        _add_step(builder, step, index)
        previous = step
    segments = tuple(builder.segments)
    return Timeline(routine, segments, _cues(segments, len(routine.steps)), builder.position)


def _cues(segments: tuple[Segment, ...], step_count: int) -> tuple[Cue, ...]:
    cues: list[Cue] = []
    for segment, following in zip(segments, [*segments[1:], None], strict=True):
        start, end = segment.start_ms, segment.end_ms
        if segment.kind is SegmentKind.PREPARE:
            cues.append(Cue(start, CueKind.GET_READY, segment.index))
            if step_count > 1 and segment.step_index == step_count - 1:
                cues.append(Cue(start, CueKind.LAST_STEP, segment.index))
        elif segment.kind is SegmentKind.REST:
            cues.append(Cue(start, CueKind.REST, segment.index))
        elif segment.kind is SegmentKind.SWITCH:
            cues.append(Cue(start, CueKind.SWITCH_SIDES, segment.index))
        else:
            cues.append(Cue(start, CueKind.GO, segment.index))
            if segment.duration_ms >= HALFWAY_MIN_MS:
                cues.append(Cue(start + segment.duration_ms // 2, CueKind.HALFWAY, segment.index))
        leads_into_work = following is not None and following.kind in ACTIVE_KINDS
        if leads_into_work and segment.kind not in ACTIVE_KINDS:
            # 3-2-1 into the next hold, each tick at least a second clear of the start cue.
            cues.extend(
                Cue(end - count * 1000, CueKind.TICK, segment.index, count)
                for count in COUNTDOWN
                if end - count * 1000 >= start + 1000
            )
    if segments:
        cues.append(Cue(segments[-1].end_ms, CueKind.DONE, segments[-1].index))
    cues.sort(key=lambda cue: cue.at_ms)
    return tuple(cues)
