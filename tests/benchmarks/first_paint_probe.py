"""Unknot as `main.py` starts it, but at its first paint it writes the moment and its RSS
to the file named by UNKNOT_BENCHMARK_FIRST_PAINT, finishes loading and quits.

    python tests/benchmarks/first_paint_probe.py [unknot options]

The start-up benchmark and the cold `--emergency` test run this instead of main.py, so the
app itself carries no benchmark hook. Only the moment after the first paint is wrapped,
once the interface module is loaded on the usual path; everything before it runs as in a
real start.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
MARKER_ENV = "UNKNOT_BENCHMARK_FIRST_PAINT"


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def watch_first_paint(marker: Path) -> None:
    from app import cli

    run_interface = cli._run_interface

    def probed(args: object, lock: object) -> int:
        # Imported where the real start imports it, right before Qt starts.
        from app.ui.shell.application import Startup

        def after_first_paint(startup: Startup) -> None:
            marker.write_text(f"{time.time():.6f} {rss_mb():.2f}\n")
            startup._finish_loading()  # so the next run starts as a real second start
            startup.app.quit()

        Startup.after_first_paint = after_first_paint  # type: ignore[method-assign]
        return run_interface(args, lock)  # type: ignore[arg-type]

    cli._run_interface = probed  # type: ignore[assignment]


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    watch_first_paint(Path(os.environ[MARKER_ENV]))
    from app.launch import main

    sys.exit(main(sys.argv[1:]))
