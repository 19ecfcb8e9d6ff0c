"""What the first screen starts from: the settings and the routines, and how they were got.

On a second start with nothing changed, the launch snapshot gives the routine cards and
the settings without reading any YAML; otherwise everything is read and checked. After the
first paint the interface completes a snapshot start with a full load (`full`) and saves
the snapshot for next time.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.core import launch_snapshot
from app.core.errors import FileSetAsideError, UnknotError
from app.core.launch_snapshot import Fingerprint, RoutineCard, Snapshot
from app.core.settings import Settings, SettingsStore, from_document, to_document
from app.core.storage import AppPaths

if TYPE_CHECKING:
    from app.core.routines import Library

log = logging.getLogger(__name__)


@dataclass
class LoadedState:
    """Settings and routines for the first screen, and how they were obtained."""

    fingerprint: Fingerprint
    settings: Settings
    cards: list[RoutineCard]
    library: Library | None  # None when read from the launch snapshot
    settings_problem: FileSetAsideError | None = None
    snapshot: Snapshot | None = None

    @staticmethod
    def sources(paths: AppPaths) -> list[Path]:
        from app.core.routine_files import routine_files

        return [f.path for f in routine_files(paths)] + [paths.settings_file]

    @classmethod
    def from_snapshot(cls, paths: AppPaths) -> LoadedState | None:
        """Quick: nothing changed since the last run, so no YAML before the first paint."""
        prints = launch_snapshot.fingerprint(cls.sources(paths))
        snapshot = launch_snapshot.read(paths.launch_snapshot_file, prints)
        if snapshot is None:
            return None
        try:
            settings = from_document(snapshot.settings)
        except ValueError:
            return None
        return cls(prints, settings, snapshot.cards, None, snapshot=snapshot)

    @classmethod
    def settings_only(cls, paths: AppPaths, store: SettingsStore) -> LoadedState:
        """The settings, and no routine read yet: for a start in the tray."""
        settings, problem = store.load()
        prints = launch_snapshot.fingerprint(cls.sources(paths))
        return cls(prints, settings, [], None, settings_problem=problem)

    @property
    def complete(self) -> bool:
        """Whether there are routines to show: read, or remembered from the last run."""
        return self.library is not None or self.snapshot is not None

    @classmethod
    def full(cls, paths: AppPaths, store: SettingsStore) -> LoadedState:
        """Parse and check everything, as after any change."""
        from app.core.library import cards, load_all

        prints = launch_snapshot.fingerprint(cls.sources(paths))
        settings, problem = store.load()
        library = load_all(paths)
        return cls(prints, settings, cards(library), library, settings_problem=problem)

    def save_snapshot(self, paths: AppPaths) -> None:
        """Remember this state for the next start; a failure only costs start-up time."""
        snapshot = Snapshot(self.fingerprint, to_document(self.settings), self.cards)
        if snapshot == self.snapshot:
            return
        try:
            launch_snapshot.write(paths.launch_snapshot_file, snapshot)
        except UnknotError as error:
            log.info("launch snapshot not saved: %s", error)
