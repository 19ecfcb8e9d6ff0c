"""The launch snapshot: used only while nothing it was made from has changed."""

from __future__ import annotations

import os
from pathlib import Path

from app.core import launch_snapshot
from app.core.launch_snapshot import RoutineCard, Snapshot, fingerprint

CARD = RoutineCard(
    id="evening",
    title={"en": "Evening", "de": "Abend"},
    summary={"en": "Before bed."},
    tags=("evening",),
    duration_ms=510_000,
    bundled=True,
)


def make(tmp_path: Path) -> tuple[Path, list[Path]]:
    routine = tmp_path / "evening.yaml"
    routine.write_text("schema_version: 1\n")
    settings = tmp_path / "settings.yaml"  # does not exist: that is part of the fingerprint
    return tmp_path / "snapshot.json", [routine, settings]


def test_round_trip_while_nothing_changed(tmp_path: Path) -> None:
    path, sources = make(tmp_path)
    snapshot = Snapshot(fingerprint(sources), {"schema_version": 1, "theme": "night"}, [CARD])
    launch_snapshot.write(path, snapshot)
    assert launch_snapshot.read(path, fingerprint(sources)) == snapshot
    assert CARD.title_in("de_AT") == "Abend"
    assert CARD.summary_in("fr") == "Before bed."


def test_any_change_to_a_source_discards_it(tmp_path: Path) -> None:
    path, sources = make(tmp_path)
    launch_snapshot.write(path, Snapshot(fingerprint(sources), {}, [CARD]))
    routine, settings = sources
    stat = routine.stat()
    os.utime(routine, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))  # touched, same size
    assert launch_snapshot.read(path, fingerprint(sources)) is None
    launch_snapshot.write(path, Snapshot(fingerprint(sources), {}, [CARD]))
    settings.write_text("schema_version: 1\n")  # a settings file appeared
    assert launch_snapshot.read(path, fingerprint(sources)) is None
    launch_snapshot.write(path, Snapshot(fingerprint(sources), {}, [CARD]))
    (tmp_path / "new.yaml").write_text("x")  # a new routine file means a different list
    assert launch_snapshot.read(path, fingerprint([*sources, tmp_path / "new.yaml"])) is None


def test_a_damaged_or_foreign_snapshot_is_ignored(tmp_path: Path) -> None:
    path, sources = make(tmp_path)
    prints = fingerprint(sources)
    for content in ("", "{", "[]", '{"version": 99}', '{"version": 1, "fingerprint": []}'):
        path.write_text(content)
        assert launch_snapshot.read(path, prints) is None, content
    assert launch_snapshot.read(tmp_path / "missing.json", prints) is None
