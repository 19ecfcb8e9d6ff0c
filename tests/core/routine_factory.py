"""Build routines in code for timeline and player tests."""

from __future__ import annotations

from app.core.routines import Dose, Exercise, Routine, Sides, Step, Text


def make_step(
    name: str = "stretch",
    *,
    sides: Sides = Sides.NONE,
    switch: float = 5.0,
    **dose: float,
) -> Step:
    exercise = Exercise(
        id=name,
        name=Text.plain(name),
        instruction=Text.plain(f"Do the {name}."),
        illustration=None,
        dose=Dose(),
        per_side=sides is Sides.BOTH,
    )
    values = {"sets": 1, "reps": 1, "rest": 0.0, **dose}
    return Step(
        exercise=exercise,
        name=exercise.name,
        instruction=exercise.instruction,
        dose=Dose(
            sets=int(values["sets"]),
            reps=int(values["reps"]),
            hold=values.get("hold"),
            pace=values.get("pace"),
            duration=values.get("duration"),
            rest=float(values["rest"]),
        ),
        sides=sides,
        switch=switch,
    )


def make_routine(*steps: Step, lead_in: float = 5.0, transition: float = 5.0) -> Routine:
    return Routine(
        id="test",
        title=Text.plain("Test"),
        summary=Text.plain(""),
        steps=steps,
        lead_in=lead_in,
        transition=transition,
    )
