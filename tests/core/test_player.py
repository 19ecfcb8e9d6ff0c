"""The player, driven by a fake clock: exact to the millisecond, never sleeping."""

from __future__ import annotations

import time

import pytest
from routine_factory import make_routine, make_step

from app.core.clock import FakeClock
from app.core.player import Player, PlayerState, SessionReport
from app.core.routines import Side, Sides
from app.core.timeline import CueKind, SegmentKind, build_timeline


def hour_long_routine():  # type: ignore[no-untyped-def]
    # 6 steps x 2 sides x 10 reps x (25 s hold + 5 s rest) - last rests + switches + prepares
    steps = [make_step(f"s{i}", sides=Sides.BOTH, reps=10, hold=25, rest=5) for i in range(6)]
    return make_routine(*steps, lead_in=10, transition=10)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def run_to_end(player: Player, clock: FakeClock) -> list:  # type: ignore[type-arg]
    """Wake the player exactly when it asks, as the interface's timer does."""
    fired = player.play()
    while player.state is PlayerState.PLAYING:
        wait = player.ms_until_next_wake()
        assert wait is not None and wait > 0
        clock.advance(wait / 1000)
        fired += player.advance()
    return fired


def test_an_hour_long_routine_plays_exactly_in_milliseconds(clock: FakeClock) -> None:
    timeline = build_timeline(hour_long_routine())
    assert 55 * 60_000 < timeline.total_ms < 65 * 60_000
    reports: list[SessionReport] = []
    player = Player(timeline, clock, on_session_end=reports.append)
    started = clock.monotonic()
    wall = time.perf_counter()
    fired = run_to_end(player, clock)
    assert time.perf_counter() - wall < 2.0
    assert player.state is PlayerState.FINISHED
    assert round((clock.monotonic() - started) * 1000) == timeline.total_ms
    assert [f.cue for f in fired] == list(timeline.cues)
    assert all(f.late_ms == 0 for f in fired)
    (report,) = reports
    assert report.finished and report.completed_fraction == 1.0 and report.skipped_steps == ()
    assert report.ended_at - report.started_at == clock.now() - report.started_at
    assert (report.ended_at - report.started_at).total_seconds() * 1000 == timeline.total_ms


def test_wakes_about_once_a_second_not_a_hundred_times(clock: FakeClock) -> None:
    timeline = build_timeline(hour_long_routine())
    player = Player(timeline, clock)
    player.play()
    wakes = 0
    while player.state is PlayerState.PLAYING:
        clock.advance((player.ms_until_next_wake() or 0) / 1000)
        player.advance()
        wakes += 1
    assert wakes <= timeline.total_ms / 1000 * 1.05


def test_pause_for_an_hour_does_not_move(clock: FakeClock) -> None:
    player = Player(build_timeline(hour_long_routine()), clock)
    player.play()
    clock.advance(100)
    player.advance()
    player.pause()
    assert player.state is PlayerState.PAUSED
    clock.advance(3600)
    assert player.advance() == []
    assert player.position_ms() == 100_000
    assert player.ms_until_next_wake() is None
    player.play()
    clock.advance(1.5)
    player.advance()
    assert player.position_ms() == 101_500


def test_late_wake_up_fires_missed_cues_once_with_their_lateness(clock: FakeClock) -> None:
    player = Player(build_timeline(make_routine(make_step(reps=2, hold=10, rest=5))), clock)
    player.play()
    clock.advance(7.25)
    fired = player.advance()
    assert [(f.cue.kind, f.late_ms) for f in fired] == [
        (CueKind.TICK, 5250),
        (CueKind.TICK, 4250),
        (CueKind.TICK, 3250),
        (CueKind.GO, 2250),
    ]
    assert player.advance() == []


def test_next_and_previous_across_reps_and_sides(clock: FakeClock) -> None:
    step = make_step(sides=Sides.BOTH, reps=2, hold=10, rest=5, switch=5)
    player = Player(build_timeline(make_routine(step, make_step("last", hold=10))), clock)
    player.play()

    def where() -> tuple[SegmentKind, Side | None, int]:
        segment = player.current_segment()
        return segment.kind, segment.side, segment.rep

    assert where() == (SegmentKind.PREPARE, Side.LEFT, 1)
    fired = player.next()
    assert [f.cue.kind for f in fired] == [CueKind.GO]  # a skip lands on the cue it skips to
    assert where() == (SegmentKind.HOLD, Side.LEFT, 1)
    player.next()
    player.next()
    assert where() == (SegmentKind.HOLD, Side.LEFT, 2)
    player.next()
    assert where() == (SegmentKind.SWITCH, Side.RIGHT, 1)
    # "previous" straight after arriving goes back one segment...
    player.previous()
    assert where() == (SegmentKind.HOLD, Side.LEFT, 2)
    # ...but a few seconds in it restarts the current one.
    clock.advance(4)
    player.advance()
    player.previous()
    assert where() == (SegmentKind.HOLD, Side.LEFT, 2)
    assert player.remaining_in_segment_ms() == 10_000
    # Back at the very first segment, "previous" stays there.
    for _ in range(10):
        player.previous()
    assert player.position_ms() == 0


def test_skipping_is_reported_and_lowers_the_completed_fraction(clock: FakeClock) -> None:
    reports: list[SessionReport] = []
    routine = make_routine(make_step("a", hold=20), make_step("b", hold=20), lead_in=0)
    player = Player(build_timeline(routine), clock, on_session_end=reports.append)
    player.play()
    clock.advance(10)
    player.advance()
    player.next()  # leaves 10 of step a's 20 s
    while player.state is PlayerState.PLAYING:
        clock.advance(1)
        player.advance()
    (report,) = reports
    assert report.finished
    assert report.skipped_steps == (0,)
    assert report.completed_fraction == 0.75


def test_skip_while_paused_stays_paused(clock: FakeClock) -> None:
    player = Player(build_timeline(make_routine(make_step(reps=3, hold=10, rest=5))), clock)
    player.play()
    player.pause()
    assert player.next() == []
    assert player.state is PlayerState.PAUSED
    assert player.current_segment().kind is SegmentKind.HOLD
    clock.advance(30)
    assert player.position_ms() == player.current_segment().start_ms


def test_skipping_past_the_end_finishes(clock: FakeClock) -> None:
    reports: list[SessionReport] = []
    player = Player(
        build_timeline(make_routine(make_step(hold=10), lead_in=0)),
        clock,
        on_session_end=reports.append,
    )
    player.play()
    player.pause()
    fired = player.next()
    assert player.state is PlayerState.FINISHED
    assert [f.cue.kind for f in fired] == [CueKind.DONE]
    assert reports[0].skipped_steps == (0,)
    assert reports[0].completed_fraction == 0.0


def test_stop_reports_once_and_ends_the_session(clock: FakeClock) -> None:
    reports: list[SessionReport] = []
    player = Player(
        build_timeline(make_routine(make_step(hold=10), lead_in=0)),
        clock,
        on_session_end=reports.append,
    )
    player.stop()
    assert reports == []  # never started: nothing to record
    assert player.state is PlayerState.STOPPED
    player = Player(
        build_timeline(make_routine(make_step(hold=10), lead_in=0)),
        clock,
        on_session_end=reports.append,
    )
    player.play()
    clock.advance(4)
    player.stop()
    player.stop()
    assert player.play() == []
    (report,) = reports
    assert not report.finished
    assert report.completed_fraction == 0.4


def test_the_clock_decides_not_the_number_of_wake_ups(clock: FakeClock) -> None:
    timeline = build_timeline(make_routine(make_step(reps=10, pace=2), lead_in=0))
    player = Player(timeline, clock)
    player.play()
    clock.advance(13.5)  # one wake-up after 13.5 s
    player.advance()
    segment = player.current_segment()
    assert segment.rep_at(player.position_ms() - segment.start_ms) == 7
    assert player.remaining_in_segment_ms() == 6500
    assert player.ms_until_next_wake() == 500
