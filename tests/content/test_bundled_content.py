"""The bundled content: every routine of the content brief, its pictures, and its wording."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.core.library import load_all
from app.core.routines import Library
from app.core.storage import AppPaths
from app.core.timeline import build_timeline

BRIEF_IDS = (
    [f"ep_0{i}" for i in range(1, 7)]
    + [f"st_0{i}" for i in range(1, 8)]
    + [f"gn_0{i}" for i in range(1, 8)]
    + [f"bs_0{i}" for i in range(1, 5)]
    + [
        f"er_{name}"
        for name in ("breathe", "toes_up", "towel", "rub", "stand", "walk", "soothe", "after")
    ]
    # The gentle profile's "then sit down if you can" (brief, section 1), in emergency.yaml.
    + ["er_sit"]
)
# st_08 is the wall calf stretch (ep_02): the strength routine uses that exercise with the
# brief's own wording and dose. bs_02 is the towel stretch again, but done in bed, so it
# has an exercise (and a picture) of its own.

# What the content brief excludes, and claims it forbids. Whole words, any case.
FORBIDDEN = [
    r"prevents?",
    r"cures?",
    r"needles?",
    r"pins?",
    r"pin ?pricks?",
    r"prick(ing)?",
    r"inject(ion|ed)?",
    r"lips?",
    r"quinine",
    r"tonic water",
    r"magnesium",
    r"calcium",
    r"potassium",
    r"vitamins?",
    r"ibuprofen",
    r"paracetamol",
    r"acetaminophen",
    r"naproxen",
    r"supplements?",
    r"painkillers?",
    r"tablets?",
    r"seizures?",
    r"fatal",
    r"all your strength",
    r"contrast baths?",
    r"ointments?",
]


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    return load_all(AppPaths.resolve(tmp_path_factory.mktemp("home")))


def test_everything_bundled_loads_without_a_single_problem(library: Library) -> None:
    assert [str(p) for p in library.problems] == []
    assert sorted(library.routines) == [
        "before-sleep",
        "emergency",
        "evening-stretch",
        "gentle",
        "strength",
    ]


def test_every_exercise_of_the_brief_is_in_the_library_with_both_pictures(
    library: Library,
) -> None:
    assert sorted(library.exercises) == sorted(BRIEF_IDS)
    for exercise in library.exercises.values():
        assert exercise.illustration is not None, exercise.id
        assert exercise.illustration.pose_a is not None, exercise.id
        assert exercise.illustration.pose_b is not None, exercise.id


# The brief's emergency tier names a seizure on purpose: to send the person to emergency
# care, never to treat it as a cramp. Nowhere else may it appear.
# Words that are fine where they stand: tip 11 of the brief tells people to ask before
# taking any tablet or supplement, without naming one.
ALLOWED = {
    ("warning-signs.yaml", "seizure"),
    ("tips.yaml", "tablet"),
    ("tips.yaml", "supplement"),
}


def test_no_forbidden_words_or_claims(project_root: Path) -> None:
    pattern = re.compile(r"\b(" + "|".join(FORBIDDEN) + r")\b", re.IGNORECASE)
    files = sorted((project_root / "routines").glob("*.yaml"))
    files += sorted((project_root / "assets" / "content").glob("*.yaml"))
    assert files
    hits = []
    for path in files:
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            if line.lstrip().startswith("#"):
                continue
            for match in pattern.finditer(line):
                if (path.name, match.group(0).lower()) in ALLOWED:
                    continue
                hits.append(f"{path.name}:{number}: {match.group(0)!r} in {line.strip()!r}")
    assert hits == []


def test_the_checker_would_catch_a_forbidden_claim() -> None:
    pattern = re.compile(r"\b(" + "|".join(FORBIDDEN) + r")\b", re.IGNORECASE)
    assert pattern.search("Stretching Prevents cramps")
    assert pattern.search("press your lip")
    assert pattern.search("a pin in the calf")
    assert pattern.search("Take Quinine at night")
    assert pattern.search("magnesium tablets")
    assert not pattern.search("may help; prevention is not claimed")


def test_durations_are_near_the_brief(library: Library) -> None:
    # The brief's estimates leave out rests and changeovers; ours include them.
    minutes = {
        routine_id: build_timeline(routine.select()).total_ms / 60_000
        for routine_id, routine in library.routines.items()
    }
    assert 2 <= minutes["before-sleep"] <= 3.5
    assert 7.5 <= minutes["evening-stretch"] <= 10
    assert 8 <= minutes["strength"] <= 12
    assert 7.5 <= minutes["gentle"] <= 11
    assert minutes["emergency"] <= 5


def test_strength_is_for_the_daytime_and_its_hops_wait_for_a_yes(library: Library) -> None:
    strength = library.routines["strength"]
    assert "daytime" in strength.tags
    ((index, question),) = strength.questions()
    assert strength.steps[index].exercise.id == "st_07"
    assert str(question) == "Can you jog or jump without joint pain or balance problems?"
    assert "st_07" not in [s.exercise.id for s in strength.select().steps]


def test_the_relief_sequence_has_its_bed_and_standing_variants(library: Library) -> None:
    relief = library.routines["emergency"]
    bed = [s.exercise.id for s in relief.select("bed").steps]
    standing = [s.exercise.id for s in relief.select("standing").steps]
    assert bed == ["er_breathe", "er_toes_up", "er_towel", "er_rub", "er_soothe", "er_after"]
    assert standing == [
        "er_breathe",
        "er_toes_up",
        "er_rub",
        "er_stand",
        "er_walk",
        "er_soothe",
        "er_after",
    ]
    assert relief.select("bed").loop == (1, 3)  # toes up, towel, rub
    # Standing, the loop carries on into standing on the leg and walking: a loop of toes
    # up and rub alone would never reach them while the cramp lasts.
    assert relief.select("standing").loop == (1, 4)  # toes up, rub, stand, walk


def test_cautions_from_the_brief_are_on_the_start_screens(library: Library) -> None:
    # Brief section 2's start-screen line, used by both bedtime routines.
    strong = "Strong stretch, never pain. Stop if you feel pain, dizziness or numbness."
    for routine_id in ("evening-stretch", "before-sleep"):
        assert [str(c) for c in library.routines[routine_id].cautions] == [strong], routine_id
    # Brief section 4: the midwife line first, then a gentle (not strong) stretch.
    assert [str(c) for c in library.routines["gentle"].cautions] == [
        "Check with your midwife or doctor first. Stop and get advice if you have bleeding,"
        " dizziness, chest pain, breathlessness, or pain or swelling in one calf.",
        "Gentle stretch, never pain. Stop if you feel pain, dizziness or numbness.",
    ]


def test_the_burn_caution_names_poor_circulation(library: Library) -> None:
    # Brief section 1, step 7: a burn warning for diabetes, numb feet or poor circulation.
    assert [str(c) for c in library.exercises["er_soothe"].cautions] == [
        "With diabetes, numb feet or poor circulation you may not feel a burn: keep packs"
        " warm, not hot, wrap cold ones, and check your skin."
    ]


# The brief's grade for every exercise: section 2's per-exercise evidence (ankle pumps and
# breathing are warm-up and wind-down, not tested), section 3's general fitness, section
# 4's guideline, section 5's "bs_01 and bs_04 C", and section 1's guideline sources.
BRIEF_EVIDENCE = (
    {f"ep_0{i}": "E" for i in range(2, 6)}
    | {"ep_01": "C", "ep_06": "C"}
    | {f"st_0{i}": "C" for i in range(1, 8)}
    | {f"gn_0{i}": "G" for i in range(1, 8)}
    | {"bs_01": "C", "bs_02": "E", "bs_03": "E", "bs_04": "C"}
    | {exercise_id: "G" for exercise_id in BRIEF_IDS if exercise_id.startswith("er_")}
)


def test_every_exercise_carries_the_brief_s_evidence_grade(library: Library) -> None:
    grades = {exercise_id: str(e.evidence) for exercise_id, e in library.exercises.items()}
    assert {exercise_id: grades.get(exercise_id) for exercise_id in BRIEF_EVIDENCE} == (
        BRIEF_EVIDENCE
    )


def test_the_before_sleep_routine_is_about_three_minutes_and_all_in_bed(
    library: Library, project_root: Path
) -> None:
    routine = library.routines["before-sleep"]
    assert 2.5 <= build_timeline(routine.select()).total_ms / 60_000 <= 3.5
    assert "(about three minutes)" in str(routine.summary)
    assert "a before-sleep stretch of about three minutes" in (
        project_root / "README.md"
    ).read_text(encoding="utf-8")
    # The towel stretch is the in-bed one, with the brief's wording and dose.
    towel = routine.steps[1]
    assert towel.exercise.id == "bs_02"
    assert str(towel.instruction) == (
        "Leg straight, towel round the foot; draw your toes back gently."
    )
    assert (towel.dose.reps, towel.dose.hold, towel.dose.rest) == (2, 15, 5)
    assert towel.exercise.illustration is not None
    assert towel.exercise.illustration.pose_a is not None
    assert towel.exercise.illustration.pose_a.name == "bs_02-a.svg"


def _every_text(library: Library, project_root: Path) -> list[tuple[str, str]]:
    """(where, text) for every word the user can see from the routines and tips."""
    from app.core.content import load_content

    texts: list[tuple[str, str]] = []
    for exercise in library.exercises.values():
        texts += [(exercise.id, str(exercise.name)), (exercise.id, str(exercise.instruction))]
        texts += [(exercise.id, str(c)) for c in exercise.cautions]
    for routine in library.routines.values():
        texts += [(routine.id, str(routine.title)), (routine.id, str(routine.summary))]
        texts += [(routine.id, str(c)) for c in routine.cautions]
        texts += [(routine.id, str(v.title)) for v in routine.variants]
        for step in routine.steps:
            texts += [(routine.id, str(step.name)), (routine.id, str(step.instruction))]
            if step.ask is not None:
                texts.append((routine.id, str(step.ask)))
    content = load_content(project_root / "assets" / "content", project_root / "assets")
    texts += [("tips", str(tip.text)) for tip in content.tips]
    return texts


def test_no_excluded_idea_in_the_routine_and_tip_texts(
    library: Library, project_root: Path
) -> None:
    # The loaded texts, so a word folded over two lines of YAML is caught too.
    pattern = re.compile(r"\b(" + "|".join(FORBIDDEN) + r")\b", re.IGNORECASE)
    texts = _every_text(library, project_root)
    assert len(texts) > 100
    assert [
        (where, text)
        for where, text in texts
        if any(
            (where.replace("tips", "tips.yaml"), found.group(0).lower()) not in ALLOWED
            for found in pattern.finditer(text)
        )
    ] == []


def test_warning_signs_and_tips_load_most_urgent_first(project_root: Path) -> None:
    from app.core.content import load_content

    content = load_content(project_root / "assets" / "content", project_root / "assets")
    assert [str(p) for p in content.problems] == []
    assert [tier.id for tier in content.warning_tiers] == ["emergency", "urgent", "doctor"]
    assert str(content.warning_tiers[0].title).startswith("Call emergency services")
    assert len(content.tips) == 14  # the brief's 14, tip 11 included
    assert "Ask a doctor or pharmacist before taking any tablet or supplement for cramps." in [
        str(tip.text) for tip in content.tips
    ]


def test_evening_holds_can_be_lengthened_to_20_seconds(library: Library) -> None:
    evening = library.routines["evening-stretch"]
    assert evening.longer_hold == 20
    usual = [s.dose.hold for s in evening.select().steps]
    longer = [s.dose.hold for s in evening.select(longer_holds=True).steps]
    assert usual == [None, 10, 10, 10, 10, 30]
    assert longer == [None, 20, 20, 20, 20, 30]  # the 30 s breathing is not shortened
