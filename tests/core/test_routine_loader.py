"""The routine loader: good files load, and every kind of bad input gets a located problem."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from app.core.routine_files import RoutineFile, discover
from app.core.routine_loader import load_library, validate_files
from app.core.routines import Severity, Sides

LIBRARY = """\
schema_version: 1
exercises:
  - id: calf
    name: Wall calf stretch
    instruction: Lean in.
    illustration: {a: pics/calf-a.svg, b: pics/calf-b.svg}
    dose: {reps: 3, hold: 10, rest: 10}
    per_side: true
    evidence: E
  - id: pumps
    name: {en: Ankle pumps, de: Fusswippen}
    instruction: Point and pull.
    illustration: {a: pics/calf-a.svg, b: pics/calf-b.svg}
    dose: {reps: 20, pace: 2}
"""

GOOD_ROUTINE = """\
schema_version: 1
id: evening
title: Evening
summary: Before bed.
tags: [evening]
steps:
  - exercise: calf
  - exercise: pumps
    reps: 10
"""


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A routines folder with a library and an assets folder holding its pictures."""
    (tmp_path / "assets" / "pics").mkdir(parents=True)
    for pose in ("a", "b"):
        (tmp_path / "assets" / "pics" / f"calf-{pose}.svg").write_text("<svg/>")
    (tmp_path / "routines").mkdir()
    (tmp_path / "routines" / "exercises.yaml").write_text(LIBRARY)
    return tmp_path


def load(tree: Path, **files: str):  # type: ignore[no-untyped-def]
    for name, text in files.items():
        (tree / "routines" / f"{name}.yaml").write_text(text)
    return load_library(discover(tree / "routines", bundled=True), tree / "assets")


def messages(library) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(problem) for problem in library.problems]


def test_good_routine_loads_with_exercise_defaults_and_overrides(tree: Path) -> None:
    library = load(tree, evening=GOOD_ROUTINE)
    assert library.problems == []
    routine = library.routines["evening"]
    calf, pumps = routine.steps
    assert calf.sides is Sides.BOTH
    assert (calf.dose.reps, calf.dose.hold, calf.dose.rest) == (3, 10.0, 10.0)
    assert pumps.sides is Sides.NONE
    assert (pumps.dose.reps, pumps.dose.pace) == (10, 2.0)
    assert pumps.name.get("de") == "Fusswippen"
    assert pumps.name.get("fr") == "Ankle pumps"
    assert calf.exercise.illustration is not None
    assert calf.exercise.illustration.pose_a == (tree / "assets/pics/calf-a.svg").resolve()


def test_bundled_routines_load_without_errors(project_root: Path) -> None:
    library = load_library(discover(project_root / "routines", True), project_root / "assets")
    errors = [str(p) for p in library.problems if p.severity is Severity.ERROR]
    assert errors == []
    assert "before-sleep" in library.routines


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "schema_version: 1\nid: x\ntitle: X\nsteps:\n  - exercise: calf\n    reps: [1\n",
            "x.yaml:7:1: invalid YAML: did not find expected ',' or ']' (while parsing a flow "
            "sequence, which starts at 6:11)",
        ),
        (
            "schema_version: 1\nid: x\ntitle: X\nsteps:\n  - exercise: calf\n    hold: long\n",
            "x.yaml:6:11: steps[0].hold: expected a number, got 'long'",
        ),
        (
            "schema_version: 1\nid: x\ntitle: X\nsteps:\n  - exercise: calf\n    hodl: 5\n",
            "x.yaml:6:5: steps[0].hodl: unknown key; did you mean 'hold'?",
        ),
        (
            "schema_version: 1\nid: x\ntitle: X\nsteps:\n  - exercise: claf\n",
            "x.yaml:5:15: steps[0].exercise: no exercise has the id 'claf'; did you mean 'calf'?",
        ),
        (
            "schema_version: 1\nid: x\ntitle: X\nsteps:\n  - exercise: calf\n    reps: 101\n",
            "x.yaml:6:11: steps[0].reps: 101 is out of range (1 to 100)",
        ),
        (
            "schema_version: 1\nid: x\ntitle: X\nsteps:\n  - exercise: calf\n    hold: 601\n",
            "x.yaml:6:11: steps[0].hold: 601 is out of range (1 to 600 seconds)",
        ),
        (
            "schema_version: 1\nid: x\ntitle: X\nsteps:\n  - exercise: calf\n    pace: 1\n"
            "    hold: 2\n",
            "steps[0]: give only one of hold, pace or duration",
        ),
        (
            "schema_version: 2\nid: x\ntitle: X\nsteps: []\n",
            "x.yaml:1:17: schema_version: is 2; this version of Unknot reads schema_version 1",
        ),
        (
            "schema_version: 1\nid: x\ntitle: !!python/object:os.system X\nsteps: []\n",
            "x.yaml:3:8: title: the tag 'tag:yaml.org,2002:python/object:os.system' is not allowed",
        ),
        ("schema_version: 1\nid: x\nsteps: []\n", "x.yaml:0:0: title: is required"),
        ("", "x.yaml:0:0: the file is empty"),
    ],
    ids=[
        "malformed",
        "wrong-type",
        "unknown-key",
        "missing-exercise",
        "reps-range",
        "hold-range",
        "two-timings",
        "newer-schema",
        "python-tag",
        "missing-title",
        "empty",
    ],
)
def test_bad_routine_gets_a_located_problem_and_others_still_load(
    tree: Path, text: str, expected: str
) -> None:
    library = load(tree, evening=GOOD_ROUTINE, x=text)
    found = messages(library)
    assert any(expected in line for line in found), found
    assert all(line.startswith(str(tree / "routines" / "x.yaml")) for line in found), found
    assert "x" not in library.routines
    assert "evening" in library.routines


def test_all_problems_of_a_file_are_reported_at_once(tree: Path) -> None:
    text = (
        "schema_version: 1\nid: x\ntitle: X\nsteps:\n"
        "  - exercise: calf\n    reps: 0\n"
        "  - exercise: nope\n"
        "  - exercise: calf\n    sides: sideways\n"
    )
    found = messages(load(tree, x=text))
    assert len(found) == 3, found
    assert "x.yaml:6:11: steps[0].reps" in found[0]
    assert "x.yaml:7:15: steps[1].exercise" in found[1]
    assert (
        "x.yaml:9:12: steps[2].sides: 'sideways' is not one of: both, left, right, none"
        in (found[2])
    )


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("../secret.svg", "'..' and backslashes are not allowed"),
        ("/etc/passwd.svg", "use a path relative to"),
        ("pics/missing.svg", "was not found"),
        ("pics/calf-a.txt", "must be an .svg or .png"),
    ],
)
def test_bad_picture_path_is_refused_but_the_routine_plays(
    tree: Path, path: str, message: str
) -> None:
    library_text = LIBRARY.replace(
        "pics/calf-a.svg, b: pics/calf-b.svg}", f"{path}, b: {path}}}", 1
    )
    (tree / "routines" / "exercises.yaml").write_text(library_text)
    library = load(tree, evening=GOOD_ROUTINE)
    warnings = [p for p in library.problems if p.severity is Severity.WARNING]
    assert warnings, messages(library)
    assert all(message in p.message for p in warnings)
    assert warnings[0].line == 6
    calf = library.exercises["calf"]
    assert calf.illustration is not None
    assert calf.illustration.pose_a is None
    assert "evening" in library.routines


def test_symlink_out_of_the_assets_folder_is_refused(tree: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.svg"
    outside.write_text("<svg/>")
    (tree / "assets" / "pics" / "link.svg").symlink_to(outside)
    library_text = LIBRARY.replace("pics/calf-a.svg", "pics/link.svg", 1)
    (tree / "routines" / "exercises.yaml").write_text(library_text)
    library = load(tree)
    assert any("leads outside its folder" in line for line in messages(library))
    assert library.exercises["calf"].illustration.pose_a is None  # type: ignore[union-attr]


def test_a_50_megabyte_file_is_refused_without_reading_it(tree: Path) -> None:
    big = tree / "routines" / "big.yaml"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    started = time.perf_counter()
    library = load(tree, evening=GOOD_ROUTINE)
    assert time.perf_counter() - started < 1.0
    assert any("big.yaml:0:0: the file is 52.4 MB" in line for line in messages(library))
    assert "evening" in library.routines


def test_billion_laughs_fails_fast(tree: Path) -> None:
    lines = ["schema_version: 1", "id: lol", 'title: &l0 "lol"']
    for level in range(1, 10):
        refs = ", ".join([f"*l{level - 1}"] * 10)
        lines.append(f"x{level}: &l{level} [{refs}]")
    lines.append("steps: [*l9]")
    started = time.perf_counter()
    library = load(tree, evening=GOOD_ROUTINE, lol="\n".join(lines) + "\n")
    assert time.perf_counter() - started < 1.0
    found = messages(library)
    assert "lol.yaml:4:5: x1[0]: anchors and aliases (&name, *name) are not allowed" in found[0]
    assert found[-1].endswith("and 81 more aliases")
    assert "evening" in library.routines


def test_aliases_in_known_fields_are_refused(tree: Path) -> None:
    text = (
        "schema_version: 1\nid: x\ntitle: &t Title\nsummary: *t\n"
        "cautions: &c [Careful]\nsteps:\n  - &s {exercise: calf}\n  - *s\n"
    )
    found = messages(load(tree, x=text))
    assert any("x.yaml:4:1: summary: anchors and aliases" in line for line in found), found
    assert any("x.yaml:7:3: steps[1]: anchors and aliases" in line for line in found), found


def test_duplicate_keys_and_ids_are_reported(tree: Path) -> None:
    text = GOOD_ROUTINE.replace("title: Evening", "title: Evening\ntitle: Again")
    found = messages(load(tree, evening=GOOD_ROUTINE, x=text, y=GOOD_ROUTINE))
    assert any("x.yaml:4:1: title: appears twice" in line for line in found), found
    assert any(
        "y.yaml:2:5: id: a bundled routine already has the id 'evening'" in line for line in found
    ), found


def test_user_routine_with_a_bundled_id_is_reported_not_shadowed(tree: Path) -> None:
    load(tree, evening=GOOD_ROUTINE)
    user = tree / "user"
    user.mkdir()
    (user / "mine.yaml").write_text(GOOD_ROUTINE.replace("title: Evening", "title: Mine"))
    files = discover(tree / "routines", True) + discover(user, False)
    library = load_library(files, tree / "assets")
    assert str(library.routines["evening"].title) == "Evening"
    assert any(
        "mine.yaml:2:5: id: a bundled routine already has the id 'evening'" in line
        for line in messages(library)
    )


def test_user_routines_may_use_bundled_exercises(tree: Path) -> None:
    user = tree / "user"
    user.mkdir()
    (user / "mine.yaml").write_text(GOOD_ROUTINE.replace("id: evening", "id: mine"))
    library = load_library(
        [*discover(tree / "routines", True), RoutineFile(user / "mine.yaml", False)],
        tree / "assets",
    )
    assert library.problems == []
    assert not library.routines["mine"].bundled
    assert library.ordered_routines()[-1].id == "mine"


def test_an_exercise_with_errors_is_named_by_routines_using_it(tree: Path) -> None:
    broken = LIBRARY.replace("reps: 3, hold: 10", "reps: 3, hold: -1")
    (tree / "routines" / "exercises.yaml").write_text(broken)
    found = messages(load(tree, evening=GOOD_ROUTINE))
    assert any("exercises[calf].dose.hold: -1 is out of range" in line for line in found)
    assert any("exercise 'calf' has problems of its own" in line for line in found), found


def test_validate_files_reports_only_the_given_files(tree: Path) -> None:
    (tree / "routines" / "broken.yaml").write_text("schema_version: 1\nid: b\n")
    mine = tree / "mine.yaml"
    mine.write_text(GOOD_ROUTINE.replace("id: evening", "id: mine").replace("calf", "calff"))
    problems = validate_files([mine], tree / "routines", tree / "assets")
    assert [p.file for p in problems] == [mine.absolute()]
    assert "did you mean 'calf'" in problems[0].message


def test_step_without_any_timing_is_an_error(tree: Path) -> None:
    library_text = LIBRARY.replace("    dose: {reps: 20, pace: 2}\n", "")
    (tree / "routines" / "exercises.yaml").write_text(library_text)
    text = "schema_version: 1\nid: x\ntitle: X\nsteps:\n  - exercise: pumps\n"
    found = messages(load(tree, x=text))
    assert any("x.yaml:5:5: steps[0]: needs a hold, pace or duration" in line for line in found)


def test_duration_step_replaces_the_exercises_reps(tree: Path) -> None:
    text = "schema_version: 1\nid: x\ntitle: X\nsteps:\n  - exercise: pumps\n    duration: 60\n"
    library = load(tree, x=text)
    assert library.problems == []
    dose = library.routines["x"].steps[0].dose
    assert (dose.duration, dose.reps, dose.pace) == (60.0, 1, None)


VARIANT_ROUTINE = """\
schema_version: 1
id: relief
title: Relief
variants:
  - {id: bed, title: In bed}
  - {id: standing, title: Standing}
loop: {first: 2, last: 3}
steps:
  - exercise: pumps
    duration: 10
  - exercise: calf
    variants: [bed]
  - exercise: pumps
  - exercise: calf
    variants: [standing]
    ask: Are you steady on your feet?
"""


def test_variants_loop_and_questions_load_and_select(tree: Path) -> None:
    library = load(tree, relief=VARIANT_ROUTINE)
    assert library.problems == []
    routine = library.routines["relief"]
    assert [v.id for v in routine.variants] == ["bed", "standing"]
    assert routine.loop == (1, 2)
    assert routine.questions()[0][0] == 3
    bed = routine.select()
    assert len(bed.steps) == 3 and bed.loop == (1, 2)
    standing = routine.select("standing")
    assert len(standing.steps) == 2  # the question is not answered yes
    assert standing.loop == (1, 1)
    assert len(routine.select("standing", yes=frozenset({3})).steps) == 3


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("variants: [bed]", "variants: [sofa]"), "steps[1].variants[0]: no variant 'sofa'"),
        (("{first: 2, last: 3}", "{first: 3, last: 2}"), "loop: first comes after last"),
        (("{first: 2, last: 3}", "{first: 2, last: 9}"), "loop.last: 9 is not a step (1 to 4)"),
        (("  - {id: standing, title: Standing}\n", ""), "variants: expected 2 to 10 items"),
    ],
)
def test_bad_variants_and_loops_are_located(
    tree: Path, change: tuple[str, str], expected: str
) -> None:
    text = VARIANT_ROUTINE.replace(*change)
    found = messages(load(tree, relief=text))
    assert any(expected in line for line in found), found
