"""Cramp relief: the steps shown one at a time, looping until the user says it is over.

Pure and driven by an injected clock, like the player. The relief screen asks a
`ReliefSession` where it is (`position()`), and when the next visible change happens
(`ms_to_next_change()`), so it wakes only when something changes.

The plan comes from the `emergency` routine; when that file is missing or broken, a
built-in sequence from the content brief is used, so the relief screen never fails.
With the gentle profile (pregnancy, older age or poor balance), standing plays the
routine's `gentle` variant: no standing on the leg, everything holding a support.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import assert_never

from app.core.clock import Clock
from app.core.journal import Episode
from app.core.routines import RELIEF_ROUTINE_ID, Illustration, Routine, Step, Text
from app.core.settings import Posture

__all__ = ["RELIEF_ROUTINE_ID", "ReliefPlan", "ReliefSession", "built_in_plan", "plan_from_routine"]
POSITIONS = tuple(Posture)
GENTLE_VARIANT = "gentle"  # the emergency routine's standing path for the gentle profile
# The content brief's urgent tier: a cramp lasting more than 10 minutes needs urgent care.
URGENT_AFTER = timedelta(minutes=10)
DEFAULT_STEP_S = 30.0


@dataclass(frozen=True)
class ReliefStep:
    id: str
    name: Text
    instruction: Text
    duration_s: float
    illustration: Illustration | None = None
    cautions: tuple[Text, ...] = ()


@dataclass(frozen=True)
class ReliefPlan:
    """Steps before and in the loop, the loop's first and last index, and the aftercare
    shown once the cramp has gone."""

    position: Posture
    steps: tuple[ReliefStep, ...]
    loop: tuple[int, int]
    aftercare: tuple[ReliefStep, ...] = ()
    built_in: bool = False
    # Shown on every step of the loop (the stretch and rub steps): the routine's own
    # cautions, which are about stretching and rubbing a calf that may hold a clot.
    loop_cautions: tuple[Text, ...] = ()
    gentle: bool = False

    def cautions_for(self, index: int) -> tuple[Text, ...]:
        """What step `index` must show besides its instruction: its own cautions, then the
        loop's (each once)."""
        step = self.steps[index]
        first, last = self.loop
        extra = self.loop_cautions if first <= index <= last else ()
        return step.cautions + tuple(c for c in extra if c not in step.cautions)


def _step_seconds(step: Step) -> float:
    dose = step.dose
    if dose.duration is not None:
        return dose.duration
    if dose.hold is not None:
        return dose.hold * dose.reps * dose.sets
    return DEFAULT_STEP_S


def plan_from_routine(
    routine: Routine, position: Posture | str, gentle: bool = False
) -> ReliefPlan:
    """The relief plan for `position` (in bed or standing) from the emergency routine;
    with `gentle`, standing plays the gentle variant (when the routine has one)."""
    position = Posture(position)  # a plain "bed" or "standing" too
    variants = {variant.id for variant in routine.variants}
    chosen: str = position
    if gentle and position is Posture.STANDING and GENTLE_VARIANT in variants:
        chosen = GENTLE_VARIANT
    session = routine.select(chosen if chosen in variants else None)
    steps = tuple(
        ReliefStep(
            step.exercise.id,
            step.name,
            step.instruction,
            _step_seconds(step),
            step.exercise.illustration,
            step.exercise.cautions,
        )
        for step in session.steps
    )
    if not steps:
        return built_in_plan(position, gentle)
    first, last = session.loop if session.loop is not None else (len(steps) - 1, len(steps) - 1)
    return ReliefPlan(
        position,
        steps[: last + 1],
        (first, last),
        steps[last + 1 :],
        loop_cautions=routine.cautions or (SWOLLEN_CALF,),
        gentle=chosen == GENTLE_VARIANT,
    )


def _built_in(
    step_id: str, name: dict[str, str], instruction: dict[str, str], seconds: float
) -> ReliefStep:
    return ReliefStep(step_id, Text.of(name), Text.of(instruction), seconds)


# The brief's sequence reduced to what needs no file at all: breathe, toes up, rub, and
# walking only when standing. Wording from the content brief, in English and Russian as
# in routines/ (tests/content/test_russian.py holds them to the same words).
_BREATHE = _built_in(
    "er_breathe",
    {"en": "Breathe", "ru": "Дышите"},
    {
        "en": "Stay as calm as you can. Breathe out slowly. Most cramps fade within minutes.",
        "ru": "Постарайтесь сохранять спокойствие. Медленно выдохните. Большинство судорог "
        "проходит за несколько минут.",
    },
    10,
)
_TOES_UP = _built_in(
    "er_toes_up",
    {"en": "Toes up", "ru": "Носок на себя"},
    {
        "en": "Straighten the cramped leg. Slowly draw your toes up towards your knee. "
        "Ease in; don't yank.",
        "ru": "Выпрямите сведённую ногу. Медленно потяните носок на себя, к колену. "
        "Плавно, без рывков.",
    },
    30,
)
_RUB = _built_in(
    "er_rub",
    {"en": "Rub", "ru": "Растирание"},
    {
        "en": "Rub the hard part of the calf firmly, slow strokes from ankle to knee.",
        "ru": "Разотрите затвердевшую часть икры с нажимом, медленными движениями от лодыжки "
        "к колену.",
    },
    40,
)
_WALK = _built_in(
    "er_walk",
    {"en": "Walk it off", "ru": "Расходите ногу"},
    {
        "en": "Only if steady: holding a support, take slow steps or march gently on the spot.",
        "ru": "Только если вы твёрдо стоите на ногах: держась за опору, медленно пройдитесь "
        "или спокойно пошагайте на месте.",
    },
    60,
)
# The gentle profile's standing path (brief, section 1): toes up holding a support, rub,
# then sit down if you can.
_TOES_UP_HOLDING = _built_in(
    "er_toes_up",
    {"en": "Toes up", "ru": "Носок на себя"},
    {
        "en": "Hold a support. Straighten the cramped leg. Slowly draw your toes up towards "
        "your knee. Ease in; don't yank.",
        "ru": "Держитесь за опору. Выпрямите сведённую ногу. Медленно потяните носок на себя, "
        "к колену. Плавно, без рывков.",
    },
    30,
)
_SIT = _built_in(
    "er_sit",
    {"en": "Sit down", "ru": "Сядьте"},
    {"en": "Sit down if you can.", "ru": "Сядьте, если можете."},
    15,
)
_AFTER = _built_in(
    "er_after",
    {"en": "Afterwards", "ru": "После"},
    {
        "en": "Some soreness for a day is normal. A pharmacist can advise on relief.",
        "ru": "Мышца может побаливать ещё сутки — это нормально. Как облегчить неприятные "
        "ощущения, подскажет фармацевт в аптеке.",
    },
    10,
)


SWOLLEN_CALF = Text.of(
    {
        "en": "If one calf is swollen, warm, red or darker, don't rub or stretch it: get it "
        "checked today.",
        "ru": "Если одна икра отекла, стала тёплой, красной или темнее другой, не растирайте "
        "и не растягивайте её: сегодня же покажите её врачу.",
    }
)


def built_in_plan(position: Posture | str, gentle: bool = False) -> ReliefPlan:
    position = Posture(position)  # a plain "bed" or "standing" too
    if position is Posture.STANDING and gentle:
        steps: tuple[ReliefStep, ...] = (_BREATHE, _TOES_UP_HOLDING, _RUB, _SIT)
    else:
        match position:
            case Posture.STANDING:
                steps = (_BREATHE, _TOES_UP, _RUB, _WALK)
            case Posture.BED:
                steps = (_BREATHE, _TOES_UP, _RUB)
            case unreachable:
                assert_never(unreachable)
    return ReliefPlan(
        position,
        steps,
        (1, len(steps) - 1),
        (_AFTER,),
        built_in=True,
        loop_cautions=(SWOLLEN_CALF,),
        gentle=gentle and position is Posture.STANDING,
    )


def with_assets(plan: ReliefPlan, assets_dir: Path) -> ReliefPlan:
    """The built-in plan with the bundled pictures where they are on disk."""
    if not plan.built_in:
        return plan
    steps = []
    for step in plan.steps:
        a = assets_dir / "illustrations" / f"{step.id}-a.svg"
        b = assets_dir / "illustrations" / f"{step.id}-b.svg"
        picture = Illustration(a, b) if a.is_file() and b.is_file() else None
        steps.append(dataclasses.replace(step, illustration=picture))
    return dataclasses.replace(plan, steps=tuple(steps))


@dataclass(frozen=True)
class ReliefPosition:
    step_index: int  # into plan.steps
    remaining_s: float  # on this step
    round: int  # 1 on the first pass through the loop
    elapsed_s: float  # since the relief screen started
    urgent: bool  # past URGENT_AFTER: show the urgent-care prompt


@dataclass
class ReliefSession:
    """One cramp, from the relief screen opening to "It's gone" (or the window closing)."""

    plan: ReliefPlan
    clock: Clock
    started_at: datetime = field(init=False)
    _started: float = field(init=False)
    _step: int = field(init=False, default=0)
    _step_started: float = field(init=False)
    _round: int = field(init=False, default=1)
    _shown: list[str] = field(init=False, default_factory=list)

    def __post_init__(self) -> None:
        self.started_at = self.clock.now()
        self._started = self._step_started = self.clock.monotonic()
        self._note_shown()

    def _note_shown(self) -> None:
        step_id = self.plan.steps[self._step].id
        if step_id not in self._shown:
            self._shown.append(step_id)

    def _duration(self) -> float:
        return self.plan.steps[self._step].duration_s

    def _go_next(self) -> None:
        first, last = self.plan.loop
        if self._step >= last:
            self._step = first
            self._round += 1
        else:
            self._step += 1
        self._note_shown()

    def _catch_up(self) -> None:
        """Auto-advance through every step whose time has run out."""
        now = self.clock.monotonic()
        while now - self._step_started >= self._duration():
            self._step_started += self._duration()
            self._go_next()

    def position(self) -> ReliefPosition:
        self._catch_up()
        now = self.clock.monotonic()
        elapsed = now - self._started
        return ReliefPosition(
            self._step,
            self._duration() - (now - self._step_started),
            self._round,
            elapsed,
            elapsed >= URGENT_AFTER.total_seconds(),
        )

    def ms_to_next_change(self) -> int:
        """Until the countdown's next whole second, the next step or the urgent prompt."""
        where = self.position()
        fraction = where.remaining_s - int(where.remaining_s)
        wait = fraction if fraction > 0 else 1.0
        to_urgent = URGENT_AFTER.total_seconds() - where.elapsed_s
        if to_urgent > 0:
            wait = min(wait, to_urgent)
        return max(1, int(wait * 1000 + 0.999))

    def next_step(self) -> None:
        self._catch_up()
        self._step_started = self.clock.monotonic()
        self._go_next()

    def previous_step(self) -> None:
        """Back one step (within the plan); the step starts again."""
        self._catch_up()
        first, _ = self.plan.loop
        if self._step == first and self._round > 1:
            self._step = self.plan.loop[1]
            self._round -= 1
        elif self._step > 0:
            self._step -= 1
        self._step_started = self.clock.monotonic()

    @property
    def shown_steps(self) -> list[str]:
        """The ids of the steps shown so far, in the order first seen."""
        self._catch_up()
        return list(self._shown)

    def step_names(self, language: str) -> dict[str, str]:
        return {step.id: step.name.get(language) for step in self.plan.steps}

    def episode(self, finished: bool) -> Episode:
        """The episode as measured so far; the form adds leg, severity and what helped."""
        seconds = max(0.0, self.clock.monotonic() - self._started)
        return Episode(self.started_at, timedelta(seconds=round(seconds)), finished=finished)
