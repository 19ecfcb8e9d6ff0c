"""Start-up: the second start reads the launch snapshot; any change means a full load."""

from __future__ import annotations

from pathlib import Path

from app.core.loaded_state import LoadedState
from app.core.settings import SettingsStore, Theme
from app.core.storage import AppPaths

# The relief sequence is played by "Cramp now", not listed.
ALL_ROUTINES = ["before-sleep", "evening-stretch", "gentle", "strength"]


def test_second_start_uses_the_snapshot_until_a_file_changes(unknot_home: Path) -> None:
    paths = AppPaths.resolve(unknot_home)
    paths.ensure()
    store = SettingsStore(paths.settings_file)
    assert LoadedState.from_snapshot(paths) is None  # first start: nothing saved yet
    first = LoadedState.full(paths, store)
    first.save_snapshot(paths)
    again = LoadedState.from_snapshot(paths)
    assert again is not None and again.library is None
    assert again.cards == first.cards
    assert [card.id for card in again.cards] == ALL_ROUTINES
    assert again.settings == first.settings

    store.save(first.settings.replace(theme=Theme.NIGHT))  # the settings file changed
    assert LoadedState.from_snapshot(paths) is None
    LoadedState.full(paths, store).save_snapshot(paths)
    assert LoadedState.from_snapshot(paths).settings.theme is Theme.NIGHT  # type: ignore[union-attr]

    paths.user_routines_dir.mkdir(parents=True)
    (paths.user_routines_dir / "mine.yaml").write_text(
        "schema_version: 1\nid: mine\ntitle: Mine\nsteps:\n  - exercise: bs_04\n"
    )
    assert LoadedState.from_snapshot(paths) is None  # a new routine file


def test_a_start_with_a_broken_settings_file_never_comes_from_the_snapshot(
    unknot_home: Path,
) -> None:
    paths = AppPaths.resolve(unknot_home)
    paths.ensure()
    store = SettingsStore(paths.settings_file)
    LoadedState.full(paths, store).save_snapshot(paths)
    paths.settings_file.write_text("theme: [broken\n")
    assert LoadedState.from_snapshot(paths) is None
    full = LoadedState.full(paths, store)
    assert full.settings_problem is not None
    assert isinstance(full.settings_problem.moved_to, Path)
