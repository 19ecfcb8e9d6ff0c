"""Limits that keep valid files harmless: sizes, non-regular files, routine length, reminders."""

from __future__ import annotations

import dataclasses
import os
import signal
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

import pytest

from app.core.bounded_read import FileTooLargeError, NotRegularFileError, read_bounded
from app.core.errors import WriteError
from app.core.launch_snapshot import read as read_snapshot
from app.core.library import load_all
from app.core.reminders import MAX_REMINDERS, load_reminders
from app.core.routine_files import discover
from app.core.routine_loader import (
    MAX_ROUTINE_MS,
    load_library,
    longest_session_ms,
    validate_files,
)
from app.core.settings import Settings, SettingsStore
from app.core.storage import AppPaths
from app.core.timeline import build_timeline

LIBRARY = """\
schema_version: 1
exercises:
  - id: calf
    name: Wall calf stretch
    instruction: Lean in.
    illustration: {a: pics/calf-a.svg, b: pics/calf-b.svg}
    dose: {reps: 3, hold: 10, rest: 10}
    per_side: true
"""


@pytest.fixture(autouse=True)
def never_blocks() -> Iterator[None]:
    """Fail, rather than hang the suite, if anything here blocks on a pipe or a device."""

    def blocked(signum: int, frame: FrameType | None) -> None:
        raise AssertionError("reading blocked for 10 seconds")

    previous = signal.signal(signal.SIGALRM, blocked)
    signal.alarm(10)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "assets" / "pics").mkdir(parents=True)
    for pose in ("a", "b"):
        (tmp_path / "assets" / "pics" / f"calf-{pose}.svg").write_text("<svg/>")
    (tmp_path / "routines").mkdir()
    (tmp_path / "routines" / "exercises.yaml").write_text(LIBRARY)
    return tmp_path


def load(tree: Path):  # type: ignore[no-untyped-def]
    return load_library(discover(tree / "routines", bundled=True), tree / "assets")


def messages(library) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(problem) for problem in library.problems]


def routine(sets: int, reps: int, hold: int, rest: int, steps: int = 1) -> str:
    step = f"  - {{exercise: calf, sets: {sets}, reps: {reps}, hold: {hold}, rest: {rest}}}\n"
    return "schema_version: 1\nid: long\ntitle: Long\nlead_in: 0\nsteps:\n" + step * steps


# -- non-regular files -------------------------------------------------------


def test_a_fifo_and_a_link_to_dev_zero_are_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    zero = tmp_path / "zero.yaml"
    zero.symlink_to("/dev/zero")
    with pytest.raises(NotRegularFileError) as refused:
        read_bounded(fifo, "a routine file")
    assert refused.value.reason == "it is a pipe, not an ordinary file"
    with pytest.raises(NotRegularFileError) as refused:
        read_bounded(zero, "a routine file")
    assert refused.value.reason == "it is a device, not an ordinary file"
    with pytest.raises(NotRegularFileError) as refused:
        read_bounded(tmp_path, "a routine file")
    assert refused.value.reason == "it is a folder, not an ordinary file"


def test_a_file_that_says_it_is_empty_is_still_read_only_to_the_limit(tmp_path: Path) -> None:
    # Files in /proc report a size of 0 and hold more.
    status = Path("/proc/self/status")
    if not status.exists():
        pytest.skip("no /proc here")
    assert status.stat().st_size == 0
    with pytest.raises(FileTooLargeError) as refused:
        read_bounded(status, "a settings file", limit=10)
    assert refused.value.reason.endswith("a settings file may be at most 10 bytes")


def test_routine_files_that_are_pipes_or_devices_are_located_problems(tree: Path) -> None:
    # The folder's listing skips them; --validate names them, and says why.
    pipe, zero = tree / "routines" / "pipe.yaml", tree / "routines" / "zero.yaml"
    os.mkfifo(pipe)
    zero.symlink_to("/dev/zero")
    assert messages(load(tree)) == []
    found = [str(p) for p in validate_files([pipe, zero], tree / "routines", tree / "assets")]
    assert found == [
        f"{pipe}:0:0: it is a pipe, not an ordinary file",
        f"{zero}:0:0: it is a device, not an ordinary file",
    ]


@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_a_settings_file_that_is_not_a_file_is_never_read_moved_or_replaced(
    tmp_path: Path, kind: str
) -> None:
    path = tmp_path / "settings.yaml"
    if kind == "fifo":
        os.mkfifo(path)
        reason = "it is a pipe, not an ordinary file"
    else:
        path.symlink_to("/dev/zero")
        reason = "it is a device, not an ordinary file"
    store = SettingsStore(path)
    settings, problem = store.load()
    assert settings == Settings()
    assert problem is not None
    assert (problem.moved_to, problem.reason) == (None, reason)
    with pytest.raises(WriteError) as refused:
        store.save(Settings(volume=10))
    assert refused.value.reason == reason
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.yaml"]  # nothing beside it
    assert path.is_fifo() if kind == "fifo" else path.readlink() == Path("/dev/zero")


def test_a_settings_file_over_the_limit_is_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "settings.yaml"
    with path.open("wb") as handle:
        handle.truncate(3_500_000)
    settings, problem = SettingsStore(path).load()
    assert settings == Settings()
    assert problem is not None
    assert problem.reason == "the file is 3.5 MB; a settings file may be at most 1 MB"
    assert problem.moved_to is not None and problem.moved_to.stat().st_size == 3_500_000
    assert not path.exists()


def test_a_reminders_file_that_is_a_device_or_too_big_is_a_problem(tmp_path: Path) -> None:
    zero = tmp_path / "reminders.yaml"
    zero.symlink_to("/dev/zero")
    assert [str(p) for p in load_reminders(zero)[1]] == [
        f"{zero}:0:0: it is a device, not an ordinary file"
    ]
    big = tmp_path / "big.yaml"
    big.write_bytes(b"#" * 1_000_001)
    assert [str(p) for p in load_reminders(big)[1]] == [
        f"{big}:0:0: the file is 1,000,001 bytes; a reminders file may be at most 1,000,000 bytes"
    ]


def test_a_launch_snapshot_that_is_a_device_means_the_full_load(tmp_path: Path) -> None:
    snapshot = tmp_path / "launch-snapshot.json"
    snapshot.symlink_to("/dev/zero")
    assert read_snapshot(snapshot, []) is None


# -- how long a routine may last ------------------------------------------------


def test_the_cheap_length_is_the_timeline_s_for_every_bundled_routine() -> None:
    library = load_all(AppPaths.resolve(None))
    assert library.routines
    for each in library.routines.values():
        steps = each.steps
        if each.longer_hold is not None:
            steps = tuple(each._lengthened(step, each.longer_hold) for step in steps)
        longest = build_timeline(dataclasses.replace(each, steps=steps)).total_ms
        assert longest_session_ms(each) == longest, each.id
        assert longest <= MAX_ROUTINE_MS
        for variant in each.variants or ():
            chosen = each.select(variant.id, frozenset(range(len(each.steps))), True)
            assert build_timeline(chosen).total_ms <= longest_session_ms(each)


def test_a_routine_of_exactly_two_hours_loads(tree: Path) -> None:
    # Per side: 2 sets of 10 holds of 90 s with 90 s between: 2 * (10 * 90 + 9 * 90) + 90
    # = 3510 s; both sides with a 5 s switch: 7025 s. Plus 175 s of lead-in: 7200 s.
    text = routine(sets=2, reps=10, hold=90, rest=90).replace("lead_in: 0", "lead_in: 120")
    text = text.replace("rest: 90}", "rest: 90, switch: 60}")
    (tree / "routines" / "long.yaml").write_text(text)
    library = load(tree)
    assert messages(library) == []
    assert build_timeline(library.routines["long"].select()).total_ms == MAX_ROUTINE_MS


def test_a_routine_longer_than_two_hours_is_refused_where_its_steps_begin(tree: Path) -> None:
    # The documented maxima: 200 steps of 20 sets of 100 holds of 600 s, both legs.
    (tree / "routines" / "long.yaml").write_text(
        routine(sets=20, reps=100, hold=600, rest=600, steps=200)
    )
    library = load(tree)
    assert messages(library) == [
        f"{tree / 'routines' / 'long.yaml'}:5:1: steps: the routine lasts 266633 h 27 min "
        "with every step and the longer holds; a routine may last at most 2 hours"
    ]
    assert "long" not in library.routines


def test_just_over_is_said_to_the_next_minute(tree: Path) -> None:
    text = routine(sets=2, reps=10, hold=90, rest=90).replace("lead_in: 0", "lead_in: 120")
    text = text.replace("rest: 90}", "rest: 90, switch: 60}")
    # 91 s more: 90 s to get ready (the rest before it), a 1 s hold.
    text += "  - {exercise: calf, reps: 1, hold: 1, sides: left}\n"
    (tree / "routines" / "long.yaml").write_text(text)
    assert messages(load(tree)) == [
        f"{tree / 'routines' / 'long.yaml'}:5:1: steps: the routine lasts 2 h 2 min "
        "with every step and the longer holds; a routine may last at most 2 hours"
    ]


# -- how many reminders --------------------------------------------------------


def reminders_file(path: Path, count: int) -> Path:
    lines = ["schema_version: 1", "reminders:"]
    for number in range(count):
        lines += [f"  - id: r{number}", '    time: "22:30"', "    days: [mon]"]
    path.write_text("\n".join(lines) + "\n")
    return path


def test_fifty_reminders_load(tmp_path: Path) -> None:
    reminders, problems = load_reminders(reminders_file(tmp_path / "r.yaml", MAX_REMINDERS))
    assert (len(reminders), problems) == (50, [])


@pytest.mark.parametrize(
    ("count", "left_out"),
    [
        (51, "this one is left out"),
        (52, "this one and the one after it are left out"),
        (1000, "this one and the 949 after it are left out"),
    ],
)
def test_reminders_past_fifty_are_a_located_problem_and_the_first_fifty_kept(
    tmp_path: Path, count: int, left_out: str
) -> None:
    path = reminders_file(tmp_path / "r.yaml", count)
    reminders, problems = load_reminders(path)
    assert [r.id for r in reminders] == [f"r{n}" for n in range(50)]
    # Each reminder takes three lines after the two of the header: the 51st starts at 153.
    assert [str(p) for p in problems] == [
        f"{path}:153:5: reminders[50]: at most 50 reminders are read; {left_out}"
    ]
