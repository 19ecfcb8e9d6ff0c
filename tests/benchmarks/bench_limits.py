"""Files at the new limits cost little: a routine of 2 hours, the most segments it can hold,
and 50 reminders.

    uv run pytest tests/benchmarks/bench_limits.py -s

The routine: what every start does with it (load and check all routine files, lay out each
routine to show its length) with one user routine at the limit, against the floor of the
same with the bundled routines alone. The limit's routine is the worst case for the layout:
1 s holds with 1 ms rests, as many as 2 hours hold (about 14,000 segments). Before the limit
a routine at the documented maxima took 7.8 s and 712 MB here.

The reminders: showing the Reminders page with 50 reminders, against the floor of the page
with one. Before the limit 1,000 reminders took 18 s.
"""

from __future__ import annotations

import statistics
import time
import tracemalloc
from collections.abc import Callable
from datetime import datetime
from datetime import time as clock_time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QApplication

from app.core.clock import FakeClock
from app.core.library import cards, load_all
from app.core.reminders import MAX_REMINDERS, Reminder, save_reminders
from app.core.routine_loader import MAX_ROUTINE_MS
from app.core.storage import AppPaths
from app.core.timeline import build_timeline
from app.ui.reminders.reminders_view import RemindersPage

pytestmark = pytest.mark.benchmark

ROUNDS = 7
ZONE = ZoneInfo("Europe/Berlin")


def median_ms(action: Callable[[], object], rounds: int = ROUNDS) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def report(name: str, ours: float, floor: float) -> None:
    print(f"\n{name}: ours {ours:.1f} ms, floor {floor:.1f} ms, ratio {ours / floor:.2f}")


def longest_routine() -> str:
    """A routine just within the limit, with as many segments as a routine can have."""
    # One step per side: 20 sets of 100 holds of 1 s, 1 ms apart, and 1 ms between sets:
    # 2 * (20 * (100 * 1000 + 99 * 1) + 19 * 1) + 5000 = 4,008,958 ms.
    step = "  - {exercise: calf, sets: 20, reps: 100, hold: 1, rest: 0.001, sides: both}\n"
    # The second step's sets fill what is left of the 2 hours.
    per_set = 100 * 1000 + 99
    left = MAX_ROUTINE_MS - 4_008_958 - 5000  # less the step and its 5 s transition
    sets = min(20, (left - 5000) // (2 * (per_set + 1)))
    second = step.replace("sets: 20", f"sets: {sets}")
    return (
        "schema_version: 1\nid: longest\ntitle: Longest\nlead_in: 0\ntransition: 5\n"
        f"steps:\n{step}{second}"
    )


LIBRARY = """\
schema_version: 1
exercises:
  - id: calf
    name: Calf
    instruction: Lean in.
    illustration: {a: pics/calf-a.svg, b: pics/calf-b.svg}
    dose: {reps: 1, hold: 1}
"""


def test_a_routine_at_the_limit(tmp_path: Path) -> None:
    empty = AppPaths.resolve(tmp_path / "empty")
    full = AppPaths.resolve(tmp_path / "full")
    full.user_routines_dir.mkdir(parents=True)
    (full.user_routines_dir / "calf.yaml").write_text(LIBRARY)
    (full.user_routines_dir / "longest.yaml").write_text(longest_routine())

    def start(paths: AppPaths) -> None:
        cards(load_all(paths))

    library = load_all(full)
    assert [str(p) for p in library.problems if "warning" not in str(p)] == []
    timeline = build_timeline(library.routines["longest"].select())
    assert MAX_ROUTINE_MS - 300_000 < timeline.total_ms <= MAX_ROUTINE_MS  # whole sets
    floor = median_ms(lambda: start(empty))
    ours = median_ms(lambda: start(full))
    tracemalloc.start()
    start(full)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"\nthe routine: {len(timeline.segments)} segments, {len(timeline.cues)} cues")
    report("loading the routines, one at the limit", ours, floor)
    print(f"peak memory of that load: {peak / 1e6:.1f} MB")


def test_fifty_reminders(qapp: QApplication, tmp_path: Path) -> None:
    clock = FakeClock(datetime(2026, 11, 25, 21, 0, tzinfo=ZONE))

    def reminders(count: int) -> Path:
        path = tmp_path / f"{count}.yaml"
        save_reminders(
            path,
            [
                Reminder(f"r{n}", clock_time(n % 24, n % 60), frozenset(range(7)))
                for n in range(count)
            ],
        )
        return path

    def show(path: Path) -> None:
        page = RemindersPage(path, [], clock, zone=ZONE)
        page.show()
        qapp.processEvents()
        page.close()
        page.deleteLater()

    one, most = reminders(1), reminders(MAX_REMINDERS)
    floor = median_ms(lambda: show(one))
    ours = median_ms(lambda: show(most))
    report(f"the Reminders page with {MAX_REMINDERS} reminders (floor: with 1)", ours, floor)
