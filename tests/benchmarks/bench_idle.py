"""Idle cost: CPU seconds and wake-ups per minute, Unknot against a bare PySide6 window.

    uv run python tests/benchmarks/bench_idle.py [--seconds 60]

The list screen is measured on the real app process from outside (/proc), after it has
painted and settled; paused and playing are measured inside a child that plays the
before-sleep routine. Figures to reach, per minute: list <= 0.01 CPU-s and <= 30 wake-ups;
paused <= 0.1 CPU-s; playing: no busy loop.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from procstats import accepted_home, benchmark_env, sample

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SETTLE_S = 3.0


def measure_process(command: list[str], env: dict[str, str], seconds: float) -> Measured:
    process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
    try:
        time.sleep(SETTLE_S)
        before = sample(process.pid)
        time.sleep(seconds)
        after = sample(process.pid)
    finally:
        process.terminate()
        process.wait(10)
    return Measured(after.cpu_s - before.cpu_s, after.wakeups_since(before))


@dataclass(frozen=True)
class Measured:
    cpu_s: float
    wakeups: int


def measure_child(state: str, env: dict[str, str], seconds: float) -> Measured:
    out = subprocess.run(
        [sys.executable, str(HERE / "idle_child.py"), state, str(seconds)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 60,
    ).stdout.split()
    return Measured(float(out[0]), int(out[1]))


def per_minute(value: float, seconds: float) -> float:
    return value * 60 / seconds


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=60)
    seconds = parser.parse_args().seconds
    env = benchmark_env(HERE, ROOT)
    home = accepted_home()

    floor = measure_process([sys.executable, str(HERE / "floor_window.py")], env, seconds)
    listing = measure_process(
        [sys.executable, str(ROOT / "main.py"), "--basedir", str(home)], env, seconds
    )
    paused = measure_child("paused", env, seconds)
    playing = measure_child("playing", env, seconds)
    print(f"platform {env['QT_QPA_PLATFORM']}, audio {env['SDL_AUDIODRIVER']}, {seconds:g} s each")
    print(f"{'per minute':<22}{'CPU-s':>10}{'wake-ups':>10}   limit")
    rows = [
        ("bare window (floor)", floor, ""),
        ("routine list", listing, "<= 0.01 CPU-s, <= 30 wake-ups"),
        ("routine paused", paused, "<= 0.1 CPU-s"),
        ("routine playing", playing, "no busy loop"),
    ]
    for label, value, limit in rows:
        cpu = per_minute(value.cpu_s, seconds)
        wakes = per_minute(value.wakeups, seconds)
        print(f"{label:<22}{cpu:10.4f}{wakes:10.0f}   {limit}")
    list_cpu = per_minute(listing.cpu_s, seconds)
    list_wakes = per_minute(listing.wakeups, seconds)
    floor_wakes = per_minute(floor.wakeups, seconds)
    print(f"list/floor wake-up ratio: {list_wakes / max(floor_wakes, 1):.2f}")
    ok = list_cpu <= 0.01 and list_wakes <= 30 and per_minute(paused.cpu_s, seconds) <= 0.1
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
