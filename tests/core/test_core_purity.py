"""app.core must stay free of Qt and pygame: checked by importing it in a clean interpreter."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_core_imports_neither_qt_nor_pygame(project_root: Path) -> None:
    modules = sorted(
        f"app.core.{path.stem}"
        for path in (project_root / "app" / "core").glob("*.py")
        if path.stem != "__init__"
    )
    assert "app.core.player" in modules
    code = (
        "import sys\n"
        f"for name in {modules!r}: __import__(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6', 'pygame'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=project_root, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"app.core pulled in: {result.stdout}"


def test_every_core_module_says_what_it_is_for(project_root: Path) -> None:
    for path in Path(project_root / "app" / "core").glob("*.py"):
        first = path.read_text().lstrip().splitlines()[0]
        assert first.startswith('"""'), f"{path.name} has no module docstring"
