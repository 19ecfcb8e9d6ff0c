"""What the first screen needs, kept from the last full load, so start-up can skip YAML.

Parsing routines and settings means importing PyYAML and the validator, a quarter of
Unknot's start-up. When no routine file and no settings file has changed since the last
run (same paths, sizes and modification times), the routine cards and settings are read
from this small JSON file instead; the full, validated load follows right after the first
paint. Any change, or any doubt about the file, means the normal full load before it.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from app.core.bounded_read import FileRefusedError, read_bounded
from app.core.storage import atomic_write
from app.core.text import pick_language

SNAPSHOT_VERSION = 1
MAX_SNAPSHOT_BYTES = 8_000_000  # cards of hundreds of routines; past it, the full load runs

Fingerprint = list[list[Any]]


@dataclass(frozen=True)
class RoutineCard:
    """A routine as the list shows it."""

    id: str
    title: dict[str, str]
    summary: dict[str, str]
    tags: tuple[str, ...]
    duration_ms: int
    bundled: bool

    def title_in(self, language: str) -> str:
        return pick_language(self.title, language)

    def summary_in(self, language: str) -> str:
        return pick_language(self.summary, language)


@dataclass(frozen=True)
class Snapshot:
    fingerprint: Fingerprint
    settings: dict[str, Any]  # the settings document, as in settings.yaml
    cards: list[RoutineCard]


def fingerprint(files: list[Path]) -> Fingerprint:
    """Path, size and modification time of each file (None for one that does not exist)."""
    prints: Fingerprint = []
    for path in files:
        try:
            status = path.stat()
        except OSError:
            prints.append([str(path), None, None])
        else:
            prints.append([str(path), status.st_size, status.st_mtime_ns])
    return prints


def read(path: Path, current: Fingerprint) -> Snapshot | None:
    """The snapshot, if there is one and nothing it was made from has changed since."""
    try:
        document = json.loads(read_bounded(path, "the launch snapshot", MAX_SNAPSHOT_BYTES))
        if document.get("version") != SNAPSHOT_VERSION or document.get("fingerprint") != current:
            return None
        cards = [
            RoutineCard(
                id=str(card["id"]),
                title=dict(card["title"]),
                summary=dict(card["summary"]),
                tags=tuple(card["tags"]),
                duration_ms=int(card["duration_ms"]),
                bundled=bool(card["bundled"]),
            )
            for card in document["cards"]
        ]
        settings = document["settings"]
        if not isinstance(settings, dict):
            return None
        return Snapshot(current, settings, cards)
    except (OSError, FileRefusedError, ValueError, KeyError, TypeError, AttributeError):
        return None  # no snapshot, or one we do not understand: do the full load


def write(path: Path, snapshot: Snapshot) -> None:
    """Save the snapshot (atomically); the caller decides whether a failure matters."""
    document = {
        "version": SNAPSHOT_VERSION,
        "fingerprint": snapshot.fingerprint,
        "settings": snapshot.settings,
        "cards": [asdict(card) for card in snapshot.cards],
    }
    atomic_write(path, json.dumps(document, ensure_ascii=False))
