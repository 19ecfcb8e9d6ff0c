"""What spoken guidance says over a whole routine: the moments that matter, once each."""

from __future__ import annotations

from routine_factory import make_routine, make_step

from app.core.clock import FakeClock
from app.core.player import Player
from app.core.routines import Sides
from app.core.spoken import Narrator
from app.core.timeline import build_timeline


def spoken_through(routine_steps: list, language: str = "en", lead_in: float = 5.0) -> list[str]:
    routine = make_routine(*routine_steps, lead_in=lead_in)
    timeline = build_timeline(routine)
    clock = FakeClock()
    player = Player(timeline, clock)
    narrator = Narrator(timeline, language)
    said = []
    fired = player.play()
    while True:
        said += [s for c in fired if (s := narrator.on_cue(c.cue)) is not None]
        wake = player.ms_until_next_wake()
        if wake is None:
            break
        clock.advance(wake / 1000)
        fired = player.advance()
    return said


def test_a_routine_is_read_out_at_its_moments_and_no_more() -> None:
    said = spoken_through(
        [
            make_step("calf stretch", sides=Sides.BOTH, hold=10, reps=2, rest=10),
            make_step("settle", hold=10),
        ]
    )
    assert said == [
        "Left leg. calf stretch. Do the calf stretch.",
        "Rest.",
        "Switch to the right leg.",
        "Rest.",
        "settle. Do the settle.",
        "Done.",
    ]


def test_a_step_without_time_to_get_ready_is_named_as_it_starts() -> None:
    said = spoken_through([make_step("breathe", duration=10)], lead_in=0)
    assert said == ["breathe. Do the breathe.", "Done."]


def test_the_fixed_phrases_follow_the_interface_language() -> None:
    said = spoken_through([make_step("stretch", sides=Sides.BOTH, hold=10, reps=1)], language="ru")
    assert said[0] == "Левая нога. stretch. Do the stretch."  # the routine's own text
    assert said[1:] == ["Смените ногу: теперь правая.", "Готово."]
