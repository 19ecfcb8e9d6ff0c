"""Load the bundled routines and the user's own, as the app and the command line both do."""

from __future__ import annotations

from app.core.resources import ASSETS_DIR, ROUTINES_DIR
from app.core.routine_loader import discover, load_library
from app.core.routines import Library
from app.core.storage import AppPaths


def load_all(paths: AppPaths) -> Library:
    """Bundled routines first, so a user file can never silently replace one."""
    files = discover(ROUTINES_DIR, bundled=True) + discover(paths.user_routines_dir, bundled=False)
    return load_library(files, ASSETS_DIR)
