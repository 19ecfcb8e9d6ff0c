"""Which files hold routines: the bundled folder, then the user's. Standard library only."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.core.resources import ROUTINES_DIR
from app.core.storage import AppPaths

YAML_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class RoutineFile:
    path: Path
    bundled: bool


def discover(folder: Path, bundled: bool) -> list[RoutineFile]:
    """The YAML files directly in `folder`, sorted by name; none if it does not exist."""
    if not folder.is_dir():
        return []
    return [
        RoutineFile(path, bundled)
        for path in sorted(folder.iterdir())
        if path.suffix in YAML_SUFFIXES and path.is_file()
    ]


def routine_files(paths: AppPaths) -> list[RoutineFile]:
    """Bundled routines first, so a user file can never silently replace one."""
    return discover(ROUTINES_DIR, bundled=True) + discover(paths.user_routines_dir, bundled=False)
