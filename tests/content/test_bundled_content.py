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
    + ["bs_01", "bs_03", "bs_04"]
    + [
        f"er_{name}"
        for name in ("breathe", "toes_up", "towel", "rub", "stand", "walk", "soothe", "after")
    ]
)
# bs_02 is the towel stretch (ep_04) and st_08 the wall calf stretch (ep_02): the routines
# use those exercises with the brief's own wording and dose, so each is written once.

# What the content brief excludes, and claims it forbids. Whole words, any case.
FORBIDDEN = [
    r"prevents?",
    r"cures?",
    r"needles?",
    r"pin ?pricks?",
    r"prick(ing)?",
    r"inject(ion|ed)?",
    r"lips?",
    r"quinine",
    r"magnesium",
    r"calcium",
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
ALLOWED = {("warning-signs.yaml", "seizure")}


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
    never_pain = "Strong stretch, never pain."
    for routine_id in ("evening-stretch", "before-sleep", "gentle"):
        texts = [str(c) for c in library.routines[routine_id].cautions]
        assert any(t.startswith(never_pain) for t in texts), routine_id
    gentle = " ".join(str(c) for c in library.routines["gentle"].cautions)
    assert "Check with your midwife or doctor first." in gentle


def test_warning_signs_and_tips_load_most_urgent_first(project_root: Path) -> None:
    from app.core.content import load_content

    content = load_content(project_root / "assets" / "content", project_root / "assets")
    assert [str(p) for p in content.problems] == []
    assert [tier.id for tier in content.warning_tiers] == ["emergency", "urgent", "doctor"]
    assert str(content.warning_tiers[0].title).startswith("Call emergency services")
    assert len(content.tips) == 13  # the brief's 15, less the two that name medicines


def test_evening_holds_can_be_lengthened_to_20_seconds(library: Library) -> None:
    evening = library.routines["evening-stretch"]
    assert evening.longer_hold == 20
    usual = [s.dose.hold for s in evening.select().steps]
    longer = [s.dose.hold for s in evening.select(longer_holds=True).steps]
    assert usual == [None, 10, 10, 10, 10, 30]
    assert longer == [None, 20, 20, 20, 20, 30]  # the 30 s breathing is not shortened
