"""Load the bundled routines and the user's own, as the app and the command line both do."""

from __future__ import annotations

from app.core.launch_snapshot import RoutineCard
from app.core.resources import ASSETS_DIR
from app.core.routine_files import routine_files
from app.core.routine_loader import load_library
from app.core.routines import RELIEF_ROUTINE_ID, Library
from app.core.storage import AppPaths
from app.core.timeline import build_timeline


def load_all(paths: AppPaths) -> Library:
    return load_library(routine_files(paths), ASSETS_DIR)


def cards(library: Library) -> list[RoutineCard]:
    """What the routine list shows of each routine; the relief sequence is not one of
    them: "Cramp now" plays it, one step at a time."""
    return [
        RoutineCard(
            id=routine.id,
            title=dict(routine.title.translations),
            summary=dict(routine.summary.translations),
            tags=routine.tags,
            duration_ms=build_timeline(routine.select()).total_ms,
            bundled=routine.bundled,
        )
        for routine in library.ordered_routines()
        if routine.id != RELIEF_ROUTINE_ID
    ]
