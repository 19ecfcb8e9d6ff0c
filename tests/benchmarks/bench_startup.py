"""Launch to first painted window, and memory then: Unknot against a bare PySide6 window.

    uv run python tests/benchmarks/bench_startup.py [--runs 10] [--emergency]

Both are started the same way (a fresh Python process, the same Qt platform: xcb when
DISPLAY is set, else offscreen), interleaved, and each writes the moment of its first paint
and its RSS. Figures to reach: launch <= 1.5x the floor (medians), RSS <= 1.3x.
With --emergency, Unknot is started as `unknot --emergency` with no instance running: the
first thing painted is the relief screen (same limit).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from procstats import accepted_home, benchmark_env, median, row

# Both run pinned to the same core when taskset exists: it halves the run-to-run spread here.
PIN = ["taskset", "-c", "0"] if shutil.which("taskset") else []
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent


def launch(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as folder:
        marker = Path(folder) / "painted"
        env = {**env, "UNKNOT_BENCHMARK_FIRST_PAINT": str(marker)}
        started = time.time()
        subprocess.run(PIN + command, env=env, check=True, timeout=60, cwd=ROOT)
        painted, rss = marker.read_text().split()
        return float(painted) - started, float(rss)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--emergency", action="store_true")
    options = parser.parse_args()
    runs = options.runs
    env = benchmark_env(HERE, ROOT)
    home = accepted_home()
    # UNKNOT_HOME rather than --basedir: a launch from a desktop entry has no options.
    env["UNKNOT_HOME"] = str(home)
    # main.py's start, with the first paint reported from outside the app's code.
    ours_cmd = [sys.executable, str(HERE / "first_paint_probe.py")]
    if options.emergency:
        ours_cmd.append("--emergency")
    floor_cmd = [sys.executable, str(HERE / "floor_window.py")]
    launch(ours_cmd, env)  # warm the disk cache for both, not counted
    launch(floor_cmd, env)
    ours, floor = [], []
    for _ in range(runs):
        floor.append(launch(floor_cmd, env))
        ours.append(launch(ours_cmd, env))
    what = "unknot --emergency (relief screen first)" if options.emergency else "unknot"
    print(f"{what}; platform {env['QT_QPA_PLATFORM']}, {runs} interleaved runs, medians")
    print(f"launch ms, each run: ours {[round(t * 1000) for t, _ in ours]}")
    print(f"                    floor {[round(t * 1000) for t, _ in floor]}")
    # Each pair ran back to back under the same conditions; this machine drifts between a
    # fast and a slow state, so the median of the paired ratios is the steadier figure.
    paired = median([o / f for (o, _), (f, _) in zip(ours, floor, strict=True)])
    launch_ratio = paired
    rss_ratio = median([r for _, r in ours]) / median([r for _, r in floor])
    print(
        row(
            "launch to first paint (ms)",
            median([t for t, _ in ours]) * 1000,
            median([t for t, _ in floor]) * 1000,
            "ms",
            1.5,
        )
    )
    print(f"launch ratio, median of {runs} pairs: {paired:.2f} (limit 1.5)")
    ours_rss, floor_rss = median([r for _, r in ours]), median([r for _, r in floor])
    print(row("RSS at first paint (MB)", ours_rss, floor_rss, "MB", 1.3))
    return 0 if launch_ratio <= 1.5 and rss_ratio <= 1.3 else 1


if __name__ == "__main__":
    sys.exit(main())
