"""Which files hold routines: the bundled folder, then the user's. Standard library only."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

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
