"""The relief session: steps one at a time, looping, driven by a fake clock."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from routine_factory import make_step

from app.core.clock import FakeClock
from app.core.library import load_all
from app.core.relief import (
    URGENT_AFTER,
    ReliefSession,
    built_in_plan,
    plan_from_routine,
    with_assets,
)
from app.core.resources import ASSETS_DIR
from app.core.routines import Routine, Text, Variant
from app.core.storage import AppPaths


@pytest.fixture(scope="module")
def relief_routine() -> Routine:
    return load_all(AppPaths.resolve(None)).routines["emergency"]


def test_the_bundled_plans_loop_over_the_middle_steps(relief_routine: Routine) -> None:
    bed = plan_from_routine(relief_routine, "bed")
    assert [s.id for s in bed.steps] == ["er_breathe", "er_toes_up", "er_towel", "er_rub"]
    assert bed.loop == (1, 3)
    assert [s.id for s in bed.aftercare] == ["er_soothe", "er_after"]
    standing = plan_from_routine(relief_routine, "standing")
    assert [s.id for s in standing.steps] == [
        "er_breathe",
        "er_toes_up",
        "er_rub",
        "er_stand",
        "er_walk",
    ]
    assert [s.id for s in standing.steps][-2:] == ["er_stand", "er_walk"]
    assert standing.loop == (1, 4)
    assert standing.steps[-2].cautions  # the fall warning goes with standing on the leg
    assert not bed.built_in


def test_steps_advance_by_themselves_and_loop_until_it_is_over(
    relief_routine: Routine,
) -> None:
    clock = FakeClock()
    session = ReliefSession(plan_from_routine(relief_routine, "bed"), clock)
    first = session.position()
    assert (first.step_index, first.remaining_s, first.round) == (0, 10, 1)
    clock.advance(10)  # breathe is over
    assert session.position().step_index == 1
    clock.advance(30 + 30 + 40)  # toes up, towel, rub
    where = session.position()
    assert (where.step_index, where.round) == (1, 2)  # back to toes up, not to breathing
    # An hour later (a screen left open) it is still looping, in whole cycles.
    clock.advance(3600 - 110)
    where = session.position()
    # 3590 s of 100 s loops: 35 whole rounds, then 90 s into the 36th: rubbing, 10 s left.
    assert (where.step_index, where.round, where.remaining_s) == (3, 36, 10)
    assert session.shown_steps == ["er_breathe", "er_toes_up", "er_towel", "er_rub"]


def test_next_and_back_move_one_step_and_restart_its_time(relief_routine: Routine) -> None:
    clock = FakeClock()
    session = ReliefSession(plan_from_routine(relief_routine, "bed"), clock)
    clock.advance(4)
    session.next_step()
    assert (session.position().step_index, session.position().remaining_s) == (1, 30)
    session.previous_step()
    assert (session.position().step_index, session.position().remaining_s) == (0, 10)
    session.previous_step()  # nothing before the first step
    assert session.position().step_index == 0
    for _ in range(4):
        session.next_step()
    assert (session.position().step_index, session.position().round) == (1, 2)
    session.previous_step()  # back across the loop's start, to its last step
    assert (session.position().step_index, session.position().round) == (3, 1)


def test_the_urgent_prompt_comes_after_ten_minutes(relief_routine: Routine) -> None:
    clock = FakeClock()
    session = ReliefSession(plan_from_routine(relief_routine, "standing"), clock)
    clock.advance(URGENT_AFTER.total_seconds() - 1)
    assert not session.position().urgent
    assert session.ms_to_next_change() <= 1000
    clock.advance(1)
    assert session.position().urgent


def test_it_wakes_at_the_next_second_or_step(relief_routine: Routine) -> None:
    clock = FakeClock()
    session = ReliefSession(plan_from_routine(relief_routine, "bed"), clock)
    assert session.ms_to_next_change() == 1000
    clock.advance(0.25)
    assert session.ms_to_next_change() == 750
    clock.advance(URGENT_AFTER.total_seconds() - 0.25 - 0.1)
    assert session.ms_to_next_change() == 100  # the urgent prompt, not the next second


def test_the_episode_is_measured_from_the_opening(relief_routine: Routine) -> None:
    clock = FakeClock()
    session = ReliefSession(plan_from_routine(relief_routine, "bed"), clock)
    started = clock.now()
    clock.advance(185.4)
    episode = session.episode(finished=True)
    assert episode.started == started
    assert episode.duration == timedelta(seconds=185)
    assert episode.finished
    assert episode.problems(clock.now()) == []


def test_the_built_in_plan_needs_no_file_and_finds_the_pictures() -> None:
    bed = built_in_plan("bed")
    assert [s.id for s in bed.steps] == ["er_breathe", "er_toes_up", "er_rub"]
    assert bed.built_in and bed.loop == (1, 2)
    standing = built_in_plan("standing")
    assert standing.steps[-1].id == "er_walk"
    assert "Only if steady" in str(standing.steps[-1].instruction)
    pictured = with_assets(standing, ASSETS_DIR)
    assert all(s.illustration is not None for s in pictured.steps)
    assert with_assets(standing, Path("/nonexistent")).steps[0].illustration is None


def test_a_relief_routine_without_steps_or_variants_falls_back() -> None:
    empty = Routine("emergency", Text.plain("x"), Text.plain("x"), ())
    assert plan_from_routine(empty, "bed").built_in
    one = Routine(
        "emergency",
        Text.plain("x"),
        Text.plain("x"),
        (make_step("breathe", duration=10), make_step("hold", hold=10, reps=2)),
        variants=(Variant("other", Text.plain("Other")),),
    )
    plan = plan_from_routine(one, "bed")  # an unknown position plays the first variant
    assert [s.duration_s for s in plan.steps] == [10, 20]
    assert plan.loop == (1, 1)  # no loop given: the last step repeats
    clock = FakeClock()
    session = ReliefSession(plan, clock)
    clock.advance(10 + 20 + 5)
    assert (session.position().step_index, session.position().round) == (1, 2)


SWOLLEN = (
    "If one calf is swollen, warm, red or darker, don't rub or stretch it: get it checked today."
)


def test_every_stretch_and_rub_step_carries_the_swollen_calf_caution(
    relief_routine: Routine,
) -> None:
    for plan in (
        plan_from_routine(relief_routine, "bed"),
        plan_from_routine(relief_routine, "standing"),
        plan_from_routine(relief_routine, "standing", gentle=True),
        built_in_plan("bed"),
        built_in_plan("standing", gentle=True),
    ):
        first, last = plan.loop
        for index in range(len(plan.steps)):
            cautions = [c.get() for c in plan.cautions_for(index)]
            assert (SWOLLEN in cautions) == (first <= index <= last), (plan.position, index)
    standing = plan_from_routine(relief_routine, "standing")
    assert [c.get() for c in standing.cautions_for(3)] == [
        "You could fall. Skip this if you feel unsteady, and always hold on to something solid.",
        SWOLLEN,
    ]


def test_the_gentle_profile_stands_on_nothing(relief_routine: Routine) -> None:
    gentle = plan_from_routine(relief_routine, "standing", gentle=True)
    assert gentle.gentle
    assert [s.id for s in gentle.steps] == ["er_breathe", "er_toes_up", "er_rub", "er_sit"]
    assert gentle.loop == (1, 3)
    assert gentle.steps[1].instruction.get() == (
        "Hold a support. Straighten the cramped leg. Slowly draw your toes up towards your "
        "knee. Ease in; don't yank."
    )
    assert (gentle.steps[3].name.get(), gentle.steps[3].instruction.get()) == (
        "Sit down",
        "Sit down if you can.",
    )
    assert gentle.steps[3].illustration is not None
    # In bed nothing changes: there is no standing step to leave out.
    assert [s.id for s in plan_from_routine(relief_routine, "bed", gentle=True).steps] == [
        s.id for s in plan_from_routine(relief_routine, "bed").steps
    ]
    built = built_in_plan("standing", gentle=True)
    assert [s.id for s in built.steps] == ["er_breathe", "er_toes_up", "er_rub", "er_sit"]
    assert all(s.id not in ("er_stand", "er_walk") for s in built.steps)
