"""Settings and the files behind them: atomic writes, unreadable files set aside, never lost."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from app.core.errors import WriteError
from app.core.settings import Settings, SettingsStore, Theme
from app.core.storage import AppPaths, atomic_write, set_aside, socket_path


def test_defaults_when_there_is_no_file(tmp_path: Path) -> None:
    settings, problem = SettingsStore(tmp_path / "settings.yaml").load()
    assert settings == Settings()
    assert problem is None


def test_round_trip(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "config" / "settings.yaml")
    chosen = Settings(disclaimer_accepted=True, theme=Theme.NIGHT, volume=40, muted=True)
    store.save(chosen)
    assert store.load() == (chosen, None)
    text = store.path.read_text()
    assert text.startswith("schema_version: 1\n")
    assert "theme: night" in text
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("theme: [unclosed\n", "did not find expected ',' or ']' at line 2, column 1"),
        ("- just\n- a list\n", "does not hold a list of settings"),
        ("schema_version: 1\nvolume: 300\n", "volume: expected a whole number from 0 to 100"),
        ("schema_version: 1\nthme: dark\n", "unknown setting 'thme'"),
        ("schema_version: 9\n", "schema_version is 9"),
        ("schema_version: 1\ntheme: neon\n", "'neon' is not a theme"),
    ],
)
def test_unreadable_file_is_set_aside_and_defaults_used(
    tmp_path: Path, content: str, reason: str
) -> None:
    path = tmp_path / "settings.yaml"
    path.write_text(content)
    settings, problem = SettingsStore(path).load()
    assert settings == Settings()
    assert problem is not None
    assert reason in problem.reason
    assert problem.moved_to is not None
    assert problem.moved_to.read_text() == content  # nothing lost
    assert not path.exists()
    # Saving afterwards writes a fresh file and leaves the set-aside copy alone.
    SettingsStore(path).save(Settings(volume=10))
    assert problem.moved_to.read_text() == content


def test_set_aside_never_overwrites_an_earlier_copy(tmp_path: Path) -> None:
    path = tmp_path / "settings.yaml"
    moved = []
    for attempt in range(3):
        path.write_text(f"broken {attempt}")
        moved.append(set_aside(path))
    assert len(set(moved)) == 3
    assert sorted(p.read_text() for p in moved) == ["broken 0", "broken 1", "broken 2"]


def test_atomic_write_leaves_the_old_file_when_the_disk_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "data.yaml"
    atomic_write(path, "old")

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(WriteError, match="No space left on device"):
        atomic_write(path, "new")
    assert path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["data.yaml"]


def test_atomic_write_cleans_up_when_the_rename_fails(tmp_path: Path) -> None:
    target = tmp_path / "a-folder"
    target.mkdir()
    (target / "keep").write_text("x")
    with pytest.raises(WriteError):
        atomic_write(target, "cannot replace a non-empty folder")
    assert [p.name for p in tmp_path.iterdir()] == ["a-folder"]


def test_paths_follow_basedir_then_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = AppPaths.resolve(tmp_path / "mine")
    assert paths.config_dir == tmp_path / "mine" / "config"
    assert paths.settings_file == tmp_path / "mine" / "config" / "settings.yaml"
    monkeypatch.setenv("UNKNOT_HOME", str(tmp_path / "env"))
    assert AppPaths.resolve().data_dir == tmp_path / "env" / "data"
    monkeypatch.delenv("UNKNOT_HOME")
    assert AppPaths.resolve().config_dir.name == "unknot"


def test_each_basedir_has_its_own_short_socket(tmp_path: Path) -> None:
    one, two = socket_path(tmp_path / "a"), socket_path(tmp_path / "b")
    assert one != two
    assert one.parent == two.parent
    assert len(str(one).encode()) < 100


def test_night_volume_applies_across_midnight() -> None:
    from datetime import datetime

    settings = Settings(volume=80, night_volume=30, night_starts=21, night_ends=7)
    at = [datetime(2026, 11, 25, hour, 30) for hour in (20, 21, 23, 0, 6, 7, 12)]
    assert [settings.cue_volume(now) for now in at] == [80, 30, 30, 30, 30, 80, 80]
    daytime_nap = Settings(volume=50, night_volume=20, night_starts=13, night_ends=15)
    assert daytime_nap.cue_volume(datetime(2026, 11, 25, 14)) == 20
    assert daytime_nap.cue_volume(datetime(2026, 11, 25, 22)) == 50
    # Night never makes the cues louder than the day volume.
    assert Settings(volume=10, night_volume=30).cue_volume(datetime(2026, 1, 1, 23)) == 10


def test_hour_settings_are_checked(tmp_path: Path) -> None:
    path = tmp_path / "settings.yaml"
    path.write_text("schema_version: 1\nnight_starts: 24\n")
    _, problem = SettingsStore(path).load()
    assert problem is not None
    assert "night_starts: expected a whole number from 0 to 23, got 24" in problem.reason
