"""The Russian glossary and the content agree, so the interface can follow the glossary."""

from __future__ import annotations

from pathlib import Path

from app.core.content import load_content
from app.core.emergency_numbers import URGENT_WORDS
from app.core.library import load_all
from app.core.storage import AppPaths


def glossary(project_root: Path) -> dict[str, str]:
    """English -> Russian from every table row of docs/glossary-ru.md."""
    rows = {}
    for line in (project_root / "docs" / "glossary-ru.md").read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) >= 2 and not set(cells[0]) <= {"-", " "}:
            rows[cells[0]] = cells[1]
    return rows


def test_the_glossary_names_the_warning_tiers_as_the_content_does(project_root: Path) -> None:
    terms = glossary(project_root)
    content = load_content(project_root / "assets" / "content", project_root / "assets")
    for tier in content.warning_tiers:
        english, russian = (
            tier.title.get(language).replace("{emergency}", "…").replace("{urgent}", "…")
            for language in ("en", "ru")
        )
        assert terms[english] == russian
    assert terms["same-day doctor or urgent-care service"] == URGENT_WORDS["ru"].general


def test_the_glossary_names_the_relief_routine_as_the_content_does(
    project_root: Path, tmp_path: Path
) -> None:
    terms = glossary(project_root)
    relief = load_all(AppPaths.resolve(tmp_path)).routines["emergency"]
    bed, standing = relief.variants[0].title, relief.variants[1].title
    assert terms[f"{bed.get('en')} / {standing.get('en')}"] == (
        f"{bed.get('ru')} / {standing.get('ru')}"
    )
    assert terms["relief (of a cramp)"].capitalize() == relief.title.get("ru")
