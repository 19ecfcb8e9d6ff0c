"""The timeline lays out segments and cues exactly."""

from __future__ import annotations

from routine_factory import make_routine, make_step

from app.core.routines import Side, Sides
from app.core.timeline import CueKind, SegmentKind, build_timeline


def kinds(timeline):  # type: ignore[no-untyped-def]
    return [(s.kind, s.start_ms, s.duration_ms, s.side) for s in timeline.segments]


def test_holds_on_both_sides_with_rests_and_a_switch() -> None:
    step = make_step(sides=Sides.BOTH, reps=2, hold=10, rest=5, switch=4)
    timeline = build_timeline(make_routine(step, lead_in=5))
    P, H, R, S = SegmentKind.PREPARE, SegmentKind.HOLD, SegmentKind.REST, SegmentKind.SWITCH
    L, RT = Side.LEFT, Side.RIGHT
    assert kinds(timeline) == [
        (P, 0, 5000, L),
        (H, 5000, 10000, L),
        (R, 15000, 5000, L),
        (H, 20000, 10000, L),
        (S, 30000, 4000, RT),
        (H, 34000, 10000, RT),
        (R, 44000, 5000, RT),
        (H, 49000, 10000, RT),
    ]
    assert timeline.total_ms == 59000
    assert [s.rep for s in timeline.segments if s.kind is H] == [1, 2, 1, 2]


def test_segments_tile_the_session_without_gaps() -> None:
    routine = make_routine(
        make_step("a", reps=20, pace=1.5),
        make_step("b", sides=Sides.BOTH, sets=2, reps=3, hold=7, rest=3),
        make_step("c", duration=60, rest=30),
        make_step("d", sides=Sides.RIGHT, reps=1, hold=12),
    )
    timeline = build_timeline(routine)
    position = 0
    for segment in timeline.segments:
        assert segment.start_ms == position
        assert segment.duration_ms > 0
        position = segment.end_ms
    assert position == timeline.total_ms
    # Step c rests 30 s afterwards, longer than the 5 s transition, so d waits 30 s.
    prepare_d = next(s for s in timeline.segments if s.step_index == 3)
    assert (prepare_d.kind, prepare_d.duration_ms) == (SegmentKind.PREPARE, 30000)


def test_paced_reps_are_one_segment_that_counts_its_reps() -> None:
    timeline = build_timeline(make_routine(make_step(reps=10, pace=2), lead_in=0))
    (work,) = timeline.segments
    assert (work.kind, work.duration_ms, work.rep_count, work.pace_ms) == (
        SegmentKind.WORK,
        20000,
        10,
        2000,
    )
    assert work.rep_at(0) == 1
    assert work.rep_at(3999) == 2
    assert work.rep_at(19999) == 10


def test_sets_are_separated_by_rests() -> None:
    timeline = build_timeline(make_routine(make_step(sets=2, reps=12, pace=2, rest=30), lead_in=0))
    assert [(s.kind, s.set_number, s.duration_ms) for s in timeline.segments] == [
        (SegmentKind.WORK, 1, 24000),
        (SegmentKind.REST, 2, 30000),
        (SegmentKind.WORK, 2, 24000),
    ]


def test_cues_in_order_with_countdown_halfway_and_done() -> None:
    # Step b waits 10 s (a's rest, longer than the 5 s transition) before it starts.
    routine = make_routine(
        make_step("a", reps=2, hold=30, rest=10),
        make_step("b", sides=Sides.BOTH, hold=10, switch=5),
        lead_in=5,
    )
    timeline = build_timeline(routine)
    cues = [(c.at_ms, c.kind, c.count) for c in timeline.cues]
    assert cues == [
        (0, CueKind.GET_READY, 0),
        (2000, CueKind.TICK, 3),
        (3000, CueKind.TICK, 2),
        (4000, CueKind.TICK, 1),
        (5000, CueKind.GO, 0),
        (20000, CueKind.HALFWAY, 0),
        (35000, CueKind.REST, 0),
        (42000, CueKind.TICK, 3),
        (43000, CueKind.TICK, 2),
        (44000, CueKind.TICK, 1),
        (45000, CueKind.GO, 0),
        (60000, CueKind.HALFWAY, 0),
        (75000, CueKind.GET_READY, 0),
        (75000, CueKind.LAST_STEP, 0),
        (82000, CueKind.TICK, 3),
        (83000, CueKind.TICK, 2),
        (84000, CueKind.TICK, 1),
        (85000, CueKind.GO, 0),
        (95000, CueKind.SWITCH_SIDES, 0),
        (97000, CueKind.TICK, 3),
        (98000, CueKind.TICK, 2),
        (99000, CueKind.TICK, 1),
        (100000, CueKind.GO, 0),
        (110000, CueKind.DONE, 0),
    ]


def test_short_gaps_get_no_countdown_that_would_clash_with_their_start_cue() -> None:
    timeline = build_timeline(make_routine(make_step(reps=2, hold=5, rest=2), lead_in=3))
    ticks = [c.at_ms for c in timeline.cues if c.kind is CueKind.TICK]
    # Lead-in 0-3 s: "2" and "1" are a second clear of its start, "3" would clash with
    # "get ready". Rest 8-10 s: only "1".
    assert ticks == [1000, 2000, 9000]


def test_segment_at_finds_the_segment_for_any_position() -> None:
    timeline = build_timeline(make_routine(make_step(reps=3, hold=10, rest=5)))
    for segment in timeline.segments:
        assert timeline.segment_at(segment.start_ms) == segment
        assert timeline.segment_at(segment.end_ms - 1) == segment
    assert timeline.segment_at(timeline.total_ms) == timeline.segments[-1]
