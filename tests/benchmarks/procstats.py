"""Read a process's CPU time, wake-ups and memory from /proc (Linux)."""

from __future__ import annotations

import os
import statistics
from dataclasses import dataclass
from pathlib import Path

TICKS = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Sample:
    cpu_s: float  # user + system, all threads
    switches: dict[str, int]  # context switches per thread: each is a sleep or a wake-up

    def wakeups_since(self, earlier: Sample) -> int:
        """Switches made between the two samples by the threads alive at the second.

        Qt's pool threads end after 30 s idle; a plain difference of totals would then go
        negative. A thread that ended in between is left out (a slight undercount).
        """
        return sum(count - earlier.switches.get(tid, 0) for tid, count in self.switches.items())


def sample(pid: int | str = "self") -> Sample:
    stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    cpu = (int(stat[11]) + int(stat[12])) / TICKS  # utime, stime (fields 14 and 15)
    switches: dict[str, int] = {}
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            lines = (task / "status").read_text().splitlines()
        except FileNotFoundError:  # a thread ended while we read
            continue
        switches[task.name] = sum(
            int(line.split()[1])
            for line in lines
            if line.startswith(("voluntary_ctxt_switches", "nonvoluntary_ctxt_switches"))
        )
    return Sample(cpu, switches)


def rss_mb(pid: int | str = "self") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def median(values: list[float]) -> float:
    return statistics.median(values)


def row(label: str, ours: float, floor: float, unit: str, limit: float | None = None) -> str:
    ratio = ours / floor if floor else float("inf")
    verdict = ""
    if limit is not None:
        verdict = "  ok" if ratio <= limit else f"  OVER (limit {limit}x)"
    figures = f"{ours:10.4f} {unit:<6} floor {floor:10.4f} {unit:<6} ratio {ratio:5.2f}"
    return f"{label:<34} {figures}{verdict}"


def benchmark_env(benchmarks_dir: Path, project_root: Path) -> dict[str, str]:
    """The environment both Unknot and its floor run in: same Qt platform, no sound card."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "xcb" if env.get("DISPLAY") else "offscreen")
    env.setdefault("SDL_AUDIODRIVER", "dummy")
    # Unknot never autolaunches a session bus (desktop/session_bus_env.py); a bare PySide6
    # program would, and pay for starting dbus-launch within its measured start.
    env.setdefault("DBUS_SESSION_BUS_ADDRESS", "disabled:")
    env["PYTHONPATH"] = f"{benchmarks_dir}{os.pathsep}{project_root}"
    return env


def accepted_home() -> Path:
    """A fresh Unknot home whose disclaimer is already accepted, so no dialog opens."""
    import tempfile

    home = Path(tempfile.mkdtemp(prefix="unknot-bench-"))
    (home / "config").mkdir()
    (home / "config" / "settings.yaml").write_text("schema_version: 1\ndisclaimer_accepted: true\n")
    return home
