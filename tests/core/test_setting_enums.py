"""States kept in settings are enums, and the settings file keeps the same words."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core import yamlio
from app.core.relief import POSITIONS, built_in_plan
from app.core.settings import (
    Choice,
    Posture,
    Settings,
    SettingsStore,
    answer_key,
    from_document,
)


def test_the_relief_position_reads_and_writes_the_same_words(tmp_path: Path) -> None:
    path = tmp_path / "settings.yaml"
    path.write_text("schema_version: 1\nrelief_position: standing\n")
    store = SettingsStore(path)
    settings, problem = store.load()
    assert problem is None
    assert settings.relief_position is Posture.STANDING
    store.save(settings.replace(relief_position=Posture.BED))
    assert yamlio.safe_load(path.read_text())["relief_position"] == "bed"
    assert Settings().relief_position is Posture.BED


def test_a_relief_position_unknown_to_unknot_is_refused() -> None:
    with pytest.raises(ValueError, match="expected bed or standing, got 'sitting'"):
        from_document({"schema_version": 1, "relief_position": "sitting"})


def test_the_relief_plan_carries_the_position_as_an_enum() -> None:
    assert POSITIONS == (Posture.BED, Posture.STANDING)
    assert built_in_plan("standing").position is Posture.STANDING
    assert [step.id for step in built_in_plan(Posture.BED).steps][-1] == "er_rub"
    assert [step.id for step in built_in_plan(Posture.STANDING).steps][-1] == "er_walk"


def test_yes_answers_keep_their_words() -> None:
    assert answer_key("strength", 6) == "strength:6"
    assert answer_key("evening", Choice.LONGER_HOLDS) == "evening:longer-holds"
    settings = Settings().with_answer("evening", Choice.LONGER_HOLDS, True)
    settings = settings.with_answer("strength", 6, True)
    assert settings.yes_answers == ("evening:longer-holds", "strength:6")
    assert settings.wants_longer_holds("evening") and not settings.wants_longer_holds("strength")
    assert settings.answered_yes("strength") == frozenset({6})
    assert settings.with_answer("evening", "longer-holds", False).yes_answers == ("strength:6",)
    with pytest.raises(ValueError):
        settings.with_answer("evening", "shorter-holds", True)
