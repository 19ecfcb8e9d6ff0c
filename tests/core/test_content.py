"""Warning signs and tips files: checked like routine files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.core.content import load_content, local_tiers
from app.core.emergency_numbers import region_for
from app.core.resources import ASSETS_DIR


def test_problems_are_located_and_the_rest_still_loads(tmp_path: Path) -> None:
    (tmp_path / "warning-signs.yaml").write_text(
        "schema_version: 1\ntiers:\n"
        "  - id: emergency\n    title: Call\n    signs:\n      - text: Chest pain\n"
        "        source: NHS\n"
        "  - id: urgent\n    title: Today\n    signs:\n      - txt: typo\n"
    )
    (tmp_path / "tips.yaml").write_text(
        "schema_version: 1\ntips:\n  - text: Stretch.\n    evidence: E\n"
        "  - text: Warm feet.\n    evidence: X\n"
    )
    content = load_content(tmp_path, tmp_path)
    found = [str(p) for p in content.problems]
    assert any("warning-signs.yaml:11:9: tiers[1].signs[0].txt: unknown key" in f for f in found)
    assert any("tips.yaml:6:15: tips[1].evidence: 'X' is not one of: E, G, C" in f for f in found)
    assert [tier.id for tier in content.warning_tiers] == ["emergency"]
    assert [str(tip.text) for tip in content.tips] == ["Stretch."]


def test_tips_take_turns_day_by_day(tmp_path: Path) -> None:
    (tmp_path / "tips.yaml").write_text(
        "schema_version: 1\ntips:\n  - {text: One, evidence: C}\n  - {text: Two, evidence: C}\n"
    )
    content = load_content(tmp_path, tmp_path)
    first = content.tip_for(date(2026, 11, 25))
    second = content.tip_for(date(2026, 11, 26))
    assert first is not None and second is not None
    assert {str(first.text), str(second.text)} == {"One", "Two"}
    assert any("warning-signs.yaml" in str(p) for p in content.problems)  # missing: said


def test_the_bundled_warning_signs_show_the_regions_numbers() -> None:
    content = load_content(ASSETS_DIR / "content", ASSETS_DIR)
    assert content.problems == []
    tiers = local_tiers(content.warning_tiers, region_for("GB"))
    assert [tier.title.get() for tier in tiers] == [
        "Call emergency services (999) if",
        "Get urgent care today (a same-day doctor or an urgent-care service; in the UK NHS 111) if",
        "See a doctor if",
    ]
    assert tiers[0].signs[1].text.get() == (
        "Someone collapses and doesn't come round quickly, or has jerking of the whole body "
        "(a fit). This is not a cramp."
    )
    assert tiers[0].signs[1].source == ""  # the brief gives this line no source
    elsewhere = local_tiers(content.warning_tiers, region_for("US"))
    assert elsewhere[0].title.get() == "Call emergency services (911) if"
    assert elsewhere[1].title.get() == (
        "Get urgent care today (a same-day doctor or an urgent-care service) if"
    )
    every_text = [t.title.get() for t in elsewhere] + [
        s.text.get() for t in elsewhere for s in t.signs
    ]
    assert not any("{" in text or "}" in text for text in every_text)


def test_an_unknown_placeholder_is_a_located_problem(tmp_path: Path) -> None:
    (tmp_path / "warning-signs.yaml").write_text(
        "schema_version: 1\ntiers:\n"
        "  - id: emergency\n    title: Call ({emergncy}) if\n    signs:\n"
        "      - text: Chest pain\n"
        "  - id: urgent\n    title: Today ({urgent}) if\n    signs:\n"
        "      - text: Ring {emergency}\n"
    )
    content = load_content(tmp_path, tmp_path)
    found = [str(p) for p in content.problems if "warning-signs" in str(p)]
    assert any(
        "warning-signs.yaml:4:12: tiers[0].title: emergncy: not a placeholder "
        "(use {emergency}, {urgent})" in f
        for f in found
    ), found
    assert [tier.id for tier in content.warning_tiers] == ["urgent"]
