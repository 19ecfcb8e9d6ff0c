"""The routine model: exercises, steps and routines as frozen data, and load problems."""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from app.core.text import DEFAULT_LANGUAGE, pick_language

RELIEF_ROUTINE_ID = "emergency"  # the routine the relief screen plays


@dataclass(frozen=True)
class Text:
    """User-visible text in one or more languages."""

    translations: tuple[tuple[str, str], ...]

    @classmethod
    def plain(cls, text: str) -> Text:
        return cls(((DEFAULT_LANGUAGE, text),))

    @classmethod
    def of(cls, translations: Mapping[str, str]) -> Text:
        return cls(tuple(translations.items()))

    def get(self, language: str = DEFAULT_LANGUAGE) -> str:
        """The text in `language` (or its base, "pt" for "pt_BR"), else English, else any."""
        return pick_language(dict(self.translations), language)

    def __str__(self) -> str:
        return self.get()


class Sides(enum.StrEnum):
    """Which legs a step is done with."""

    BOTH = "both"  # left leg first, then a switch, then the right
    LEFT = "left"
    RIGHT = "right"
    NONE = "none"  # both legs together, or no side at all


class Side(enum.StrEnum):
    LEFT = "left"
    RIGHT = "right"


class Evidence(enum.StrEnum):
    """How well an exercise is supported, as the content brief grades it."""

    TRIAL = "E"  # trial or systematic review
    GUIDELINE = "G"  # guideline or trusted advice without trials
    COMMON = "C"  # common advice, little or no evidence


@dataclass(frozen=True)
class Illustration:
    """Two poses of one drawing; the player moves between them.

    `drawn_side` is the working leg as drawn; the other leg is shown mirrored.
    A pose is None when its file was missing or refused: the view shows a placeholder.
    """

    pose_a: Path | None
    pose_b: Path | None
    drawn_side: Side = Side.RIGHT


@dataclass(frozen=True)
class Dose:
    """How an exercise is done; a step may override any of it."""

    sets: int = 1
    reps: int = 1
    hold: float | None = None  # seconds each rep is held
    pace: float | None = None  # seconds per moving rep
    duration: float | None = None  # seconds of continuous work
    rest: float = 0.0  # seconds between holds or sets, and after the step


@dataclass(frozen=True)
class Exercise:
    id: str
    name: Text
    instruction: Text
    illustration: Illustration | None
    dose: Dose
    per_side: bool
    cautions: tuple[Text, ...] = ()
    evidence: Evidence = Evidence.COMMON
    source_file: Path | None = None


@dataclass(frozen=True)
class Step:
    exercise: Exercise
    name: Text
    instruction: Text
    dose: Dose
    sides: Sides
    switch: float = 5.0  # seconds to change legs
    variants: tuple[str, ...] = ()  # the variants this step is part of; empty: all of them
    ask: Text | None = None  # a yes/no question; the step plays only after a "yes"


@dataclass(frozen=True)
class Variant:
    """One way through a routine, such as "in bed" or "standing"."""

    id: str
    title: Text


@dataclass(frozen=True)
class Routine:
    id: str
    title: Text
    summary: Text
    steps: tuple[Step, ...]
    tags: tuple[str, ...] = ()
    cautions: tuple[Text, ...] = ()
    lead_in: float = 5.0  # seconds to get ready before the first step
    transition: float = 5.0  # least seconds between two steps to get into position
    source_file: Path | None = None
    bundled: bool = True
    variants: tuple[Variant, ...] = ()
    loop: tuple[int, int] | None = None  # first and last step index repeated until it is over
    longer_hold: float | None = None  # seconds: holds the user may choose to lengthen to this

    def select(
        self,
        variant: str | None = None,
        yes: frozenset[int] = frozenset(),
        longer_holds: bool = False,
    ) -> Routine:
        """The routine as one session plays it: the chosen variant's steps (the first variant
        when none is chosen), and the steps behind a question only if answered yes (their
        indices in `yes`); with `longer_holds`, every shorter hold lasts `longer_hold`.
        Step indices in the result count the kept steps only."""
        chosen = variant or (self.variants[0].id if self.variants else None)
        kept = [
            index
            for index, step in enumerate(self.steps)
            if (not step.variants or chosen in step.variants) and (step.ask is None or index in yes)
        ]
        loop = None
        if self.loop is not None:
            inside = [new for new, old in enumerate(kept) if self.loop[0] <= old <= self.loop[1]]
            loop = (inside[0], inside[-1]) if inside else None
        steps = tuple(self.steps[i] for i in kept)
        if longer_holds and self.longer_hold is not None:
            steps = tuple(self._lengthened(step, self.longer_hold) for step in steps)
        return dataclasses.replace(self, steps=steps, loop=loop)

    @staticmethod
    def _lengthened(step: Step, hold: float) -> Step:
        if step.dose.hold is None or step.dose.hold >= hold:
            return step
        return dataclasses.replace(step, dose=dataclasses.replace(step.dose, hold=hold))

    def questions(self) -> list[tuple[int, Text]]:
        """The steps behind a yes/no question, as (step index, question)."""
        return [(i, step.ask) for i, step in enumerate(self.steps) if step.ask is not None]


class Severity(enum.StrEnum):
    ERROR = "error"  # the routine or file is not loaded
    WARNING = "warning"  # loaded, but something is missing (a picture shows a placeholder)


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one file, located for a person to fix."""

    file: Path
    line: int  # 1-based; 0 when the problem is the whole file
    column: int  # 1-based
    field: str  # dotted path such as "steps[2].hold"
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}" if self.line else f"{self.file}:0:0"
        what = f"{self.field}: {self.message}" if self.field else self.message
        prefix = "warning: " if self.severity is Severity.WARNING else ""
        return f"{where}: {prefix}{what}"


@dataclass
class Library:
    """Everything loaded: exercises and routines by id, and every problem found on the way."""

    exercises: dict[str, Exercise] = field(default_factory=dict)
    routines: dict[str, Routine] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def ordered_routines(self) -> list[Routine]:
        """Bundled routines first, each group in the order their files were read."""
        return sorted(self.routines.values(), key=lambda routine: not routine.bundled)
