"""Warning signs and tips files: checked like routine files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.core.content import load_content


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
