"""Read routine and exercise-library YAML files, checking every field and locating every problem.

The files are composed into YAML nodes (never constructed into Python objects by PyYAML),
so only plain YAML types are accepted, no tag can run code, every value keeps its line and
column, and an alias bomb is caught the moment a node is met twice.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode

from app.core.routine_files import RoutineFile, discover
from app.core.routines import (
    Dose,
    Evidence,
    Exercise,
    Illustration,
    Library,
    Problem,
    Routine,
    Severity,
    Side,
    Sides,
    Step,
    Text,
    Variant,
)
from app.core.yaml_checker import (
    ID_PATTERN,
    SkipItemError,
    YamlChecker,
)
from app.core.yaml_checker import (
    join as _join,
)
from app.core.yaml_checker import (
    suggest as _suggest,
)

SCHEMA_VERSION = 1
MAX_STEPS = 200
# The longest a routine may last, every step and side, set and rep counted. The longest
# bundled one lasts 13 minutes; a longer limit only lets a mistake (20 sets of 100 reps of
# 600 s) make a plan of millions of segments that freezes the app at every start.
MAX_ROUTINE_MS = 2 * 60 * 60 * 1000
PICTURE_SUFFIXES = (".svg", ".png")

TAG_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,31}$")


DOSE_KEYS = ("sets", "reps", "hold", "pace", "duration", "rest")
TIMING_KEYS = ("hold", "pace", "duration")
EXERCISE_KEYS = (
    "id",
    "name",
    "instruction",
    "illustration",
    "dose",
    "per_side",
    "cautions",
    "evidence",
)
ILLUSTRATION_KEYS = ("a", "b", "drawn_side")
ROUTINE_KEYS = (
    "id",
    "title",
    "summary",
    "tags",
    "cautions",
    "lead_in",
    "transition",
    "variants",
    "loop",
    "longer_hold",
    "steps",
)
STEP_KEYS = ("exercise", "name", "instruction", "sides", "switch", "variants", "ask", *DOSE_KEYS)
VARIANT_KEYS = ("id", "title")
LOOP_KEYS = ("first", "last")
TOP_KEYS = ("schema_version", "exercises", *ROUTINE_KEYS)

# Inclusive ranges: (low, high, whole numbers only)
RANGES: dict[str, tuple[float, float, bool]] = {
    "sets": (1, 20, True),
    "reps": (1, 100, True),
    "hold": (1, 600, False),
    "pace": (0.5, 60, False),
    "duration": (1, 3600, False),
    "rest": (0, 600, False),
    "switch": (0, 60, False),
    "lead_in": (0, 120, False),
    "longer_hold": (1, 600, False),
    "transition": (0, 60, False),
}


def load_library(files: Sequence[RoutineFile], assets_dir: Path) -> Library:
    """Load every file; problems are gathered, and one bad file never stops the others."""
    library = Library()
    failed_exercises: set[str] = set()
    pending: list[tuple[RoutineChecker, dict[str, tuple[Node, Node]], bool]] = []
    for routine_file in files:
        context = RoutineChecker(routine_file.path, library.problems, assets_dir=assets_dir)
        top = context.read_top()
        if top is None:
            continue
        if "exercises" in top:
            for exercise in context.exercises(top["exercises"][1], failed_exercises):
                _register_exercise(context, library, exercise, top["exercises"][1])
        if any(key in top for key in ROUTINE_KEYS):
            pending.append((context, top, routine_file.bundled))
        elif "exercises" not in top:
            context.problem(
                None, "", "nothing to load: expected `exercises:` or a routine (`id`, `steps`)"
            )
    for context, top, bundled in pending:
        routine = context.routine(top, library.exercises, failed_exercises, bundled)
        if routine is None:
            continue
        existing = library.routines.get(routine.id)
        if existing is not None:
            where = "a bundled routine" if existing.bundled else f"{existing.source_file}"
            context.problem(
                top["id"][1],
                "id",
                f"{where} already has the id {routine.id!r}; give this routine another id",
            )
            continue
        library.routines[routine.id] = routine
    return library


def _register_exercise(
    context: RoutineChecker, library: Library, exercise: Exercise, node: Node
) -> None:
    if exercise.id in library.exercises:
        other = library.exercises[exercise.id].source_file
        context.problem(
            node, "exercises", f"exercise id {exercise.id!r} is already defined in {other}"
        )
        return
    library.exercises[exercise.id] = exercise


def validate_files(paths: Iterable[Path], bundled_dir: Path, assets_dir: Path) -> list[Problem]:
    """Problems in `paths`, checked against the bundled library so their references resolve."""
    wanted = [path.absolute() for path in paths]
    base = [f for f in discover(bundled_dir, bundled=True) if f.path.absolute() not in wanted]
    extra = [RoutineFile(path, bundled=False) for path in wanted]
    library = load_library(base + extra, assets_dir)
    return [p for p in library.problems if p.file.absolute() in wanted]


@dataclass
class RoutineChecker(YamlChecker):
    """Checks the nodes of one routine or exercise-library file against the routine schema."""

    assets_dir: Path = field(kw_only=True)
    kind: str = "a routine file"  # how a too-large file's message names it

    def read_top(self) -> dict[str, tuple[Node, Node]] | None:
        root = self.compose_document()
        if root is None:
            return None
        try:
            top = self.mapping(root, "", TOP_KEYS, required=("schema_version",))
            version = self.scalar(top["schema_version"][1], "schema_version")
        except SkipItemError:
            return None
        if version != SCHEMA_VERSION or isinstance(version, bool):
            self.problem(
                top["schema_version"][1],
                "schema_version",
                f"is {version!r}; this version of Unknot reads schema_version {SCHEMA_VERSION}",
            )
            return None
        return top

    def number(self, node: Node, key: str, where: str) -> float:
        value = self.scalar(node, where)
        low, high, whole = RANGES[key]
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(node, where, f"expected a number, got {value!r}")
        if whole and not float(value).is_integer():
            raise self.fail(node, where, f"expected a whole number, got {value!r}")
        if not low <= value <= high:
            unit = "" if whole else " seconds"
            raise self.fail(node, where, f"{value} is out of range ({low:g} to {high:g}{unit})")
        return float(value)

    # -- exercises -------------------------------------------------------

    def exercises(self, node: Node, failed: set[str]) -> list[Exercise]:
        try:
            items = self.sequence(node, "exercises", low=1)
        except SkipItemError:
            return []
        result = []
        for index, item in enumerate(items):
            before = self.errors_so_far()
            try:
                exercise: Exercise | None = self._exercise(item, f"exercises[{index}]")
            except SkipItemError:
                exercise = None
            if exercise is not None and self.errors_so_far() == before:
                result.append(exercise)
            elif isinstance(item, MappingNode):
                failed.update(_declared_id(item))
        return result

    def _exercise(self, node: Node, where: str) -> Exercise:
        fields = self.mapping(
            node, where, EXERCISE_KEYS, required=("id", "name", "instruction", "illustration")
        )
        exercise_id = self.string(fields["id"][1], _join(where, "id"), ID_PATTERN)
        where = f"exercises[{exercise_id}]"
        values = self._fields(
            fields,
            where,
            {
                "name": self.text,
                "instruction": self.text,
                "illustration": self._illustration,
                "dose": self._dose_fields,
                "per_side": self.boolean,
                "cautions": self.texts,
                "evidence": lambda n, w: self.choice(n, w, Evidence),
            },
        )
        dose_fields: dict[str, float] = values.get("dose", {})
        dose = self._make_dose(dose_fields, fields.get("dose", (node, node))[1], where, final=False)
        return Exercise(
            id=exercise_id,
            name=values["name"],
            instruction=values["instruction"],
            illustration=values.get("illustration"),
            dose=dose,
            per_side=values.get("per_side", False),
            cautions=values.get("cautions", ()),
            evidence=values.get("evidence", Evidence.COMMON),
            source_file=self.path,
        )

    def _fields(
        self,
        fields: dict[str, tuple[Node, Node]],
        where: str,
        readers: dict[str, Callable[[Node, str], Any]],
    ) -> dict[str, Any]:
        """Read each present field with its reader; record every failing one, then skip."""
        values: dict[str, Any] = {}
        failed = False
        for key, reader in readers.items():
            if key in fields:
                try:
                    values[key] = reader(fields[key][1], _join(where, key))
                except SkipItemError:
                    failed = True
        if failed:
            raise SkipItemError()
        return values

    def _dose_fields(self, node: Node, where: str) -> dict[str, float]:
        fields = self.mapping(node, where, DOSE_KEYS)
        return self._number_fields(fields, where, DOSE_KEYS)

    def _number_fields(
        self, fields: dict[str, tuple[Node, Node]], where: str, keys: Sequence[str]
    ) -> dict[str, float]:
        readers: dict[str, Callable[[Node, str], Any]] = {
            key: functools.partial(self._number_as, key) for key in keys
        }
        return self._fields(fields, where, readers)

    def _number_as(self, key: str, node: Node, where: str) -> float:
        return self.number(node, key, where)

    def _make_dose(self, given: dict[str, float], node: Node, where: str, *, final: bool) -> Dose:
        """Check that the timing keys fit together; `final` when a step must be playable."""
        timing = [key for key in TIMING_KEYS if key in given]
        if len(timing) > 1:
            raise self.fail(node, where, f"give only one of hold, pace or duration, not {timing}")
        if final and not timing:
            raise self.fail(
                node, where, "needs a hold, pace or duration (here or in the exercise's dose)"
            )
        if "duration" in given and given.get("reps", 1) != 1:
            raise self.fail(node, where, "duration is continuous work: leave reps out")
        return Dose(
            sets=int(given.get("sets", 1)),
            reps=int(given.get("reps", 1)),
            hold=given.get("hold"),
            pace=given.get("pace"),
            duration=given.get("duration"),
            rest=given.get("rest", 0.0),
        )

    def _illustration(self, node: Node, where: str) -> Illustration:
        fields = self.mapping(node, where, ILLUSTRATION_KEYS, required=("a", "b"))
        side = Side.RIGHT
        if "drawn_side" in fields:
            side = self.choice(fields["drawn_side"][1], _join(where, "drawn_side"), Side)
        poses = [self._picture(fields[key][1], _join(where, key)) for key in ("a", "b")]
        return Illustration(poses[0], poses[1], side)

    def _picture(self, node: Node, where: str) -> Path | None:
        """Resolve a picture inside the file's own folder or the assets folder.

        A picture problem is a warning: the step still plays with a placeholder.
        """
        raw = self.string(node, where)

        def warn(message: str) -> None:
            self.problem(node, where, message, Severity.WARNING)

        pure = PurePosixPath(raw)
        if pure.is_absolute() or raw.startswith("~") or re.match(r"^[A-Za-z]:", raw):
            warn(f"{raw!r}: use a path relative to the routine's folder or to assets/")
            return None
        if ".." in pure.parts or "\\" in raw:
            warn(f"{raw!r}: '..' and backslashes are not allowed in picture paths")
            return None
        if pure.suffix.lower() not in PICTURE_SUFFIXES:
            warn(f"{raw!r}: a picture must be an .svg or .png file")
            return None
        for base in (self.path.parent, self.assets_dir):
            candidate = base / pure
            if candidate.exists():
                real = candidate.resolve()
                if not real.is_relative_to(base.resolve()):
                    warn(f"{raw!r} leads outside its folder (a link); it is not used")
                    return None
                return real
        warn(f"{raw!r} was not found next to the routine or in assets/; a placeholder is shown")
        return None

    # -- routines ----------------------------------------------------------

    def routine(
        self,
        top: dict[str, tuple[Node, Node]],
        exercises: dict[str, Exercise],
        failed: set[str],
        bundled: bool,
    ) -> Routine | None:
        before = self.errors_so_far()
        for key in ("id", "title", "steps"):
            if key not in top:
                self.problem(None, key, "is required for a routine")
        try:
            values = self._fields(
                top,
                "",
                {
                    "id": lambda n, w: self.string(n, w, ID_PATTERN),
                    "title": self.text,
                    "summary": self.text,
                    "tags": self._tags,
                    "cautions": self.texts,
                    "variants": self._variants,
                },
            )
            timing = self._number_fields(top, "", ("lead_in", "transition", "longer_hold"))
        except SkipItemError:
            values, timing = {}, {}
        variant_ids = {variant.id for variant in values.get("variants", ())}
        steps: list[Step] = []
        if "steps" in top:
            try:
                nodes = self.sequence(top["steps"][1], "steps", low=1, high=MAX_STEPS)
            except SkipItemError:
                nodes = []
            for index, node in enumerate(nodes):
                try:
                    steps.append(self._step(node, index, exercises, failed, variant_ids))
                except SkipItemError:
                    continue
        loop = None
        if "loop" in top and steps:
            loop = self._guard_loop(top["loop"][1], len(nodes))
        if self.errors_so_far() != before:
            return None
        routine = Routine(
            id=values["id"],
            title=values["title"],
            summary=values.get("summary", Text.plain("")),
            steps=tuple(steps),
            tags=values.get("tags", ()),
            cautions=values.get("cautions", ()),
            lead_in=timing.get("lead_in", 5.0),
            longer_hold=timing.get("longer_hold"),
            transition=timing.get("transition", 5.0),
            source_file=self.path,
            bundled=bundled,
            variants=values.get("variants", ()),
            loop=loop,
        )
        longest = longest_session_ms(routine)
        if longest > MAX_ROUTINE_MS:
            self.problem(
                top["steps"][0],
                "steps",
                f"the routine lasts {_duration(longest)} with every step and the longer holds; "
                f"a routine may last at most {_duration(MAX_ROUTINE_MS)}",
            )
            return None
        return routine

    def _variants(self, node: Node, where: str) -> tuple[Variant, ...]:
        result: list[Variant] = []
        for index, item in enumerate(self.sequence(node, where, low=2, high=10)):
            label = f"{where}[{index}]"
            fields = self.mapping(item, label, VARIANT_KEYS, required=VARIANT_KEYS)
            variant_id = self.string(fields["id"][1], _join(label, "id"), ID_PATTERN)
            if variant_id in {v.id for v in result}:
                raise self.fail(fields["id"][1], _join(label, "id"), "appears twice")
            result.append(Variant(variant_id, self.text(fields["title"][1], _join(label, "title"))))
        return tuple(result)

    def _guard_loop(self, node: Node, step_count: int) -> tuple[int, int] | None:
        """`loop: {first: 2, last: 4}`: step numbers as a person counts them, from 1."""
        try:
            fields = self.mapping(node, "loop", LOOP_KEYS, required=LOOP_KEYS)
            ends = []
            for key in LOOP_KEYS:
                value = self.scalar(fields[key][1], f"loop.{key}")
                if isinstance(value, bool) or not isinstance(value, int):
                    raise self.fail(fields[key][1], f"loop.{key}", "expected a step number")
                if not 1 <= value <= step_count:
                    raise self.fail(
                        fields[key][1], f"loop.{key}", f"{value} is not a step (1 to {step_count})"
                    )
                ends.append(value - 1)
            if ends[0] > ends[1]:
                raise self.fail(node, "loop", "first comes after last")
        except SkipItemError:
            return None
        return ends[0], ends[1]

    def _tags(self, node: Node, where: str) -> tuple[str, ...]:
        items = self.sequence(node, where)
        return tuple(
            self.string(item, f"{where}[{i}]", TAG_PATTERN) for i, item in enumerate(items)
        )

    def _step(
        self,
        node: Node,
        index: int,
        exercises: dict[str, Exercise],
        failed: set[str],
        variant_ids: set[str],
    ) -> Step:
        where = f"steps[{index}]"
        fields = self.mapping(node, where, STEP_KEYS, required=("exercise",))
        ref_node = fields["exercise"][1]
        ref = self.string(ref_node, _join(where, "exercise"))
        exercise = exercises.get(ref)
        if exercise is None:
            if ref in failed:
                message = f"exercise {ref!r} has problems of its own (listed with it)"
            else:
                hint = _suggest(ref, list(exercises))
                message = f"no exercise has the id {ref!r}" + (
                    f"; did you mean {hint!r}?" if hint else ""
                )
            raise self.fail(ref_node, _join(where, "exercise"), message)
        values = self._fields(
            fields,
            where,
            {
                "name": self.text,
                "instruction": self.text,
                "sides": lambda n, w: self.choice(n, w, Sides),
                "ask": self.text,
                "variants": lambda n, w: self._step_variants(n, w, variant_ids),
            },
        )
        given = self._number_fields(fields, where, (*DOSE_KEYS, "switch"))
        switch = given.pop("switch", 5.0)
        base = exercise.dose
        merged: dict[str, float] = {
            "sets": base.sets,
            "reps": base.reps,
            "rest": base.rest,
        }
        if not any(key in given for key in TIMING_KEYS):
            # The step keeps the exercise's way of timing unless it names its own.
            for key in TIMING_KEYS:
                value = getattr(base, key)
                if value is not None:
                    merged[key] = value
        merged.update(given)
        if "duration" in given and "reps" not in given:
            merged["reps"] = 1
        dose = self._make_dose(merged, node, where, final=True)
        default_sides = Sides.BOTH if exercise.per_side else Sides.NONE
        return Step(
            exercise=exercise,
            name=values.get("name", exercise.name),
            instruction=values.get("instruction", exercise.instruction),
            dose=dose,
            sides=values.get("sides", default_sides),
            switch=switch,
            variants=values.get("variants", ()),
            ask=values.get("ask"),
        )

    def _step_variants(self, node: Node, where: str, known: set[str]) -> tuple[str, ...]:
        names = []
        for index, item in enumerate(self.sequence(node, where, low=1)):
            name = self.string(item, f"{where}[{index}]")
            if name not in known:
                declared = ", ".join(sorted(known)) or "none declared"
                raise self.fail(item, f"{where}[{index}]", f"no variant {name!r} ({declared})")
            names.append(name)
        return tuple(names)


def longest_session_ms(routine: Routine) -> int:
    """How long the longest session of `routine` lasts: every step kept (whatever the variant
    or the answers) and the longer holds chosen; no session of it lasts longer.

    The same arithmetic as timeline.build_timeline, without building anything, so a routine
    that would make an enormous plan is refused before one is made. Leaving a step out
    never lengthens a session: the next step's preparation becomes the left-out one's.
    """
    total = 0
    previous: Step | None = None
    for given in routine.steps:
        step = given
        if routine.longer_hold is not None:
            step = Routine._lengthened(given, routine.longer_hold)
        prepare = (
            routine.lead_in if previous is None else max(routine.transition, previous.dose.rest)
        )
        total += _ms(prepare) + _step_ms(step)
        previous = step
    return total


def _step_ms(step: Step) -> int:
    dose = step.dose
    if dose.duration is not None:
        one_set = _ms(dose.duration)
    elif dose.hold is not None:
        one_set = dose.reps * _ms(dose.hold) + (dose.reps - 1) * _ms(dose.rest)
    else:
        one_set = _ms((dose.pace or 1.0) * dose.reps)
    one_side = dose.sets * one_set + (dose.sets - 1) * _ms(dose.rest)
    sides = 2 if step.sides is Sides.BOTH else 1
    return sides * one_side + (sides - 1) * _ms(step.switch)


def _ms(seconds: float) -> int:
    return round(seconds * 1000)


def _duration(ms: int) -> str:
    """3 h 20 min, 2 hours, 45 min: how long a routine lasts, to the next whole minute."""
    hours, minutes = divmod(-(-ms // 60_000), 60)  # rounded up: just over the limit shows
    if not minutes:
        return f"{hours} hour" if hours == 1 else f"{hours} hours"
    return f"{hours} h {minutes} min" if hours else f"{minutes} min"


def _declared_id(node: MappingNode) -> set[str]:
    for key_node, value_node in node.value:
        if getattr(key_node, "value", None) == "id" and isinstance(value_node, ScalarNode):
            return {str(value_node.value)}
    return set()
