"""Idle in the tray with a reminder armed: Unknot against a bare PySide6 tray app.

    uv run python tests/benchmarks/bench_tray_idle.py [--seconds 600]

Both run side by side on a private virtual screen (Xvfb) with a real tray (trayer, an
XEmbed tray host) and a private session bus with a stand-in notification server, so the
tray icon is really shown and the notifier really connects. Unknot runs as `unknot --tray`
(the login start) with one reminder armed for later that day.

Figures to reach, per minute of idling: <= 0.01 CPU-s and <= 30 wake-ups; RSS <= 1.3x the
floor's. Also checked: no pygame or SDL is loaded on this path.
Needs Debian's xvfb, trayer and dbus-daemon.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from procstats import accepted_home, row, rss_mb, sample

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT / "tests" / "desktop"))

from dbus_helpers import NotificationServer  # noqa: E402

SETTLE_S = 20.0  # past start-up, the first status update and Qt's idle thread pool
CPU_PER_MIN_LIMIT = 0.01
WAKEUPS_PER_MIN_LIMIT = 30
RSS_RATIO_LIMIT = 1.3


@dataclass
class Watched:
    name: str
    process: subprocess.Popen[bytes]
    rss_peak: float = 0.0

    def note_rss(self) -> None:
        self.rss_peak = max(self.rss_peak, rss_mb(self.process.pid))

    def loaded(self, *needles: str) -> list[str]:
        """Which of `needles` appear in the paths of the process's mapped files."""
        maps = Path(f"/proc/{self.process.pid}/maps").read_text()
        return [needle for needle in needles if needle in maps]


def start_display() -> tuple[subprocess.Popen[bytes], str]:
    read_end, write_end = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    with os.fdopen(read_end) as display_number:
        number = display_number.readline().strip()
    if not number:
        raise SystemExit("Xvfb did not start")
    return xvfb, f":{number}"


def start_bus() -> tuple[subprocess.Popen[bytes], str]:
    bus = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address"], stdout=subprocess.PIPE
    )
    assert bus.stdout is not None
    return bus, bus.stdout.readline().decode().strip()


def unknot_home() -> Path:
    home = accepted_home()
    due = (datetime.now() + timedelta(hours=3)).strftime("%H:%M")
    (home / "config" / "reminders.yaml").write_text(
        "schema_version: 1\nreminders:\n"
        f'  - id: bedtime\n    time: "{due}"\n'
        "    days: [mon, tue, wed, thu, fri, sat, sun]\n"
        "    routine: evening-stretch\n    enabled: true\n"
    )
    return home


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=600.0)
    args = parser.parse_args()
    for tool in ("Xvfb", "trayer", "dbus-daemon"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is needed (Debian: xvfb, trayer, dbus)")

    helpers: list[subprocess.Popen[bytes]] = []
    watched: list[Watched] = []
    try:
        xvfb, display = start_display()
        helpers.append(xvfb)
        bus, address = start_bus()
        helpers.append(bus)
        env = dict(os.environ, DISPLAY=display, DBUS_SESSION_BUS_ADDRESS=address)
        env.update(QT_QPA_PLATFORM="xcb", SDL_AUDIODRIVER="dummy")
        env.pop("QT_SCALE_FACTOR", None)
        helpers.append(
            subprocess.Popen(
                ["trayer", "--edge", "top", "--align", "right", "--height", "32"],
                env=env,
                stderr=subprocess.DEVNULL,
            )
        )
        time.sleep(1.0)  # the tray host claims its selection before the icons look for it
        server = NotificationServer(address)
        helpers.append(server.process)  # type: ignore[arg-type]
        home = unknot_home()
        env["PYTHONPATH"] = f"{HERE}{os.pathsep}{ROOT}"
        watched.append(
            Watched(
                "floor",
                subprocess.Popen([sys.executable, str(HERE / "floor_tray.py")], env=env),
            )
        )
        watched.append(
            Watched(
                "unknot",
                subprocess.Popen(
                    [sys.executable, "main.py", "--tray", "--basedir", str(home)],
                    env=env,
                    cwd=ROOT,
                ),
            )
        )
        time.sleep(SETTLE_S)
        for each in watched:
            if each.process.poll() is not None:
                raise SystemExit(f"{each.name} ended early ({each.process.returncode})")
        before = {each.name: sample(each.process.pid) for each in watched}
        end = time.monotonic() + args.seconds
        while (left := end - time.monotonic()) > 0:
            for each in watched:
                each.note_rss()
            time.sleep(min(10.0, left))
        after = {each.name: sample(each.process.pid) for each in watched}
        for each in watched:
            each.note_rss()
        sound_libraries = watched[1].loaded("pygame", "libSDL2")
    finally:
        for process in [w.process for w in watched] + helpers[::-1]:
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()

    minutes = args.seconds / 60.0
    cpu = {name: (after[name].cpu_s - before[name].cpu_s) / minutes for name in after}
    wakeups = {name: after[name].wakeups_since(before[name]) / minutes for name in after}
    rss = {each.name: each.rss_peak for each in watched}
    print(f"idle in the tray for {args.seconds:.0f} s, per minute:")
    print(row("CPU-s per minute", cpu["unknot"], cpu["floor"], "s"))
    print(row("wake-ups per minute", wakeups["unknot"], wakeups["floor"], ""))
    print(row("RSS, peak", rss["unknot"], rss["floor"], "MB", RSS_RATIO_LIMIT))
    print(f"pygame/SDL loaded: {', '.join(sound_libraries) or 'no'}")
    failures = []
    if cpu["unknot"] > CPU_PER_MIN_LIMIT:
        failures.append(f"CPU {cpu['unknot']:.4f} s/min > {CPU_PER_MIN_LIMIT}")
    if wakeups["unknot"] > WAKEUPS_PER_MIN_LIMIT:
        failures.append(f"wake-ups {wakeups['unknot']:.1f}/min > {WAKEUPS_PER_MIN_LIMIT}")
    if rss["unknot"] > RSS_RATIO_LIMIT * rss["floor"]:
        failures.append(f"RSS {rss['unknot']:.1f} MB > {RSS_RATIO_LIMIT} x {rss['floor']:.1f} MB")
    if sound_libraries:
        failures.append("pygame loaded on the tray path")
    for failure in failures:
        print("FAILED:", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
