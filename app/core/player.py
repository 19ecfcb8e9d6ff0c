"""Play a timeline: a state machine that reads where it is from an injected clock.

Nothing here counts ticks. A timer in the interface only wakes the player; `advance()`
asks the clock how far the session has got and returns the cues that fell due since the
last call, so a late or missed wake-up never shifts the plan.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from app.core.clock import Clock
from app.core.timeline import ACTIVE_KINDS, Cue, CueKind, Segment, Timeline

RESTART_THRESHOLD_MS = 2_000  # "previous" within this of a segment's start goes back one
SKIP_GRACE_MS = 1_000  # leaving work with less than this left is not a skip


class PlayerState(enum.Enum):
    READY = "ready"
    PLAYING = "playing"
    PAUSED = "paused"
    FINISHED = "finished"
    STOPPED = "stopped"


@dataclass(frozen=True)
class FiredCue:
    cue: Cue
    late_ms: int  # how long after its time it was noticed


@dataclass(frozen=True)
class SessionReport:
    """What was done, for the diary."""

    routine_id: str
    started_at: datetime
    ended_at: datetime
    completed_fraction: float  # of the routine's hold and work time actually played
    skipped_steps: tuple[int, ...]  # indices of steps the user skipped work in
    finished: bool  # played to the end (skips allowed) rather than stopped


class Player:
    """Plays one session of one timeline."""

    def __init__(
        self,
        timeline: Timeline,
        clock: Clock,
        on_session_end: Callable[[SessionReport], None] | None = None,
    ) -> None:
        self.timeline = timeline
        self._clock = clock
        self._on_session_end = on_session_end
        self.state = PlayerState.READY
        self._offset_ms = 0  # position when last anchored
        self._anchor = 0.0  # monotonic seconds at that moment (while playing)
        self._next_cue = 0  # index of the first cue not yet fired
        self._played_ms = [0] * len(timeline.segments)
        self._accounted_to = 0  # position up to which play time is counted
        self._skipped_steps: set[int] = set()
        self._started_at: datetime | None = None

    # -- where we are --------------------------------------------------------

    def position_ms(self) -> int:
        if self.state is PlayerState.PLAYING:
            elapsed = round((self._clock.monotonic() - self._anchor) * 1000)
            return min(self.timeline.total_ms, self._offset_ms + elapsed)
        return self._offset_ms

    def current_segment(self) -> Segment:
        return self.timeline.segment_at(self.position_ms())

    def remaining_in_segment_ms(self) -> int:
        position = self.position_ms()
        return max(0, self.timeline.segment_at(position).end_ms - position)

    def ms_until_next_wake(self) -> int | None:
        """How long the interface may sleep before something changes; None when idle."""
        if self.state is not PlayerState.PLAYING:
            return None
        position = self.position_ms()
        segment = self.timeline.segment_at(position)
        candidates = [segment.end_ms - position]
        if self._next_cue < len(self.timeline.cues):
            candidates.append(self.timeline.cues[self._next_cue].at_ms - position)
        # The countdown shows whole seconds: wake when the shown number changes.
        remaining = segment.end_ms - position
        candidates.append(remaining % 1000 or 1000)
        return max(1, min(candidates))

    # -- controls ------------------------------------------------------------

    def play(self) -> list[FiredCue]:
        """Start (from READY) or resume (from PAUSED)."""
        if self.state is PlayerState.READY:
            self._started_at = self._clock.now()
        elif self.state is not PlayerState.PAUSED:
            return []
        self.state = PlayerState.PLAYING
        self._anchor = self._clock.monotonic()
        return self.advance()

    def pause(self) -> None:
        if self.state is PlayerState.PLAYING:
            self._account(self.position_ms())
            self._offset_ms = self.position_ms()
            self.state = PlayerState.PAUSED

    def toggle_pause(self) -> list[FiredCue]:
        if self.state is PlayerState.PLAYING:
            self.pause()
            return []
        return self.play()

    def next(self) -> list[FiredCue]:
        """Skip to the start of the next segment; past the last one, finish."""
        if not self._is_live():
            return []
        segment = self.current_segment()
        return self._jump(segment.end_ms)

    def previous(self) -> list[FiredCue]:
        """Restart the current segment, or go back one if it has only just begun."""
        if not self._is_live():
            return []
        position = self.position_ms()
        segment = self.timeline.segment_at(position)
        target = segment.start_ms
        if position - segment.start_ms <= RESTART_THRESHOLD_MS and segment.index > 0:
            target = self.timeline.segments[segment.index - 1].start_ms
        return self._jump(target)

    def stop(self) -> None:
        """End the session early; the report says how far it got."""
        if not self._is_live() and self.state is not PlayerState.READY:
            return
        was_started = self.state is not PlayerState.READY
        if self.state is PlayerState.PLAYING:
            self.pause()
        self.state = PlayerState.STOPPED
        if was_started:
            self._report(finished=False)

    def advance(self) -> list[FiredCue]:
        """Catch up with the clock: return the cues now due, finish at the end."""
        if self.state is not PlayerState.PLAYING:
            return []
        position = self.position_ms()
        self._account(position)
        fired = self._fire_until(position)
        if position >= self.timeline.total_ms:
            self._offset_ms = self.timeline.total_ms
            self.state = PlayerState.FINISHED
            self._report(finished=True)
        return fired

    # -- internals -----------------------------------------------------------

    def _is_live(self) -> bool:
        return self.state in (PlayerState.PLAYING, PlayerState.PAUSED)

    def _fire_until(self, position: int) -> list[FiredCue]:
        cues = self.timeline.cues
        fired = []
        while self._next_cue < len(cues) and cues[self._next_cue].at_ms <= position:
            cue = cues[self._next_cue]
            fired.append(FiredCue(cue, position - cue.at_ms))
            self._next_cue += 1
        return fired

    def _jump(self, target_ms: int) -> list[FiredCue]:
        position = self.position_ms()
        self._account(position)
        if target_ms > position:
            self._note_skipped(position, target_ms)
        target_ms = max(0, min(self.timeline.total_ms, target_ms))
        self._offset_ms = target_ms
        self._accounted_to = target_ms
        self._anchor = self._clock.monotonic()
        # Cues between here and there are passed over; the ones at the target still sound.
        cues = self.timeline.cues
        self._next_cue = next(
            (i for i, cue in enumerate(cues) if cue.at_ms >= target_ms), len(cues)
        )
        if self.state is PlayerState.PAUSED:
            # A skip while paused moves the paused position and stays paused, but a skip
            # past the end still finishes the session.
            if target_ms >= self.timeline.total_ms:
                self.state = PlayerState.PLAYING
                return self.advance()
            return []
        return self.advance()

    def _account(self, position: int) -> None:
        """Count the time from the last accounted position to `position` as played."""
        start = self._accounted_to
        if position <= start:
            return
        for segment in self.timeline.segments[self.timeline.segment_at(start).index :]:
            if segment.start_ms >= position:
                break
            overlap = min(position, segment.end_ms) - max(start, segment.start_ms)
            if overlap > 0:
                self._played_ms[segment.index] += overlap
        self._accounted_to = position

    def _note_skipped(self, position: int, target: int) -> None:
        for segment in self.timeline.segments[self.timeline.segment_at(position).index :]:
            if segment.start_ms >= target:
                break
            if segment.kind in ACTIVE_KINDS:
                left = segment.duration_ms - self._played_ms[segment.index]
                if left > SKIP_GRACE_MS:
                    self._skipped_steps.add(segment.step_index)

    def completed_fraction(self) -> float:
        active = [s for s in self.timeline.segments if s.kind in ACTIVE_KINDS]
        total = sum(s.duration_ms for s in active)
        if not total:
            return 1.0 if self.state is PlayerState.FINISHED else 0.0
        done = sum(min(self._played_ms[s.index], s.duration_ms) for s in active)
        return done / total

    def _report(self, *, finished: bool) -> None:
        if self._on_session_end is None or self._started_at is None:
            return
        self._on_session_end(
            SessionReport(
                routine_id=self.timeline.routine.id,
                started_at=self._started_at,
                ended_at=self._clock.now(),
                completed_fraction=round(self.completed_fraction(), 4),
                skipped_steps=tuple(sorted(self._skipped_steps)),
                finished=finished,
            )
        )


__all__ = ["CueKind", "FiredCue", "Player", "PlayerState", "SessionReport"]
