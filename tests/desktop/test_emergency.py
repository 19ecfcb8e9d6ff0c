"""`unknot --emergency` in real processes: forwarded and acknowledged, or shown by itself."""

from __future__ import annotations

import os
import select
import socket
import subprocess
import sys
import time
from pathlib import Path

from test_instance import start_app, wait_until_listening

from app.core.storage import socket_path
from app.desktop.instance_client import PrimaryLock

# The app as main.py starts it, quitting after its first paint (the start-up benchmark's).
FIRST_PAINT_PROBE = Path(__file__).resolve().parent.parent / "benchmarks" / "first_paint_probe.py"


def emergency(basedir: Path, marker: Path | None = None) -> subprocess.Popen[str]:
    """Launch `unknot --emergency`; with `marker`, an app it starts quits after its first paint."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SDL_AUDIODRIVER": "dummy"}
    start = [sys.executable, "-m", "app"]
    if marker is not None:
        env["UNKNOT_BENCHMARK_FIRST_PAINT"] = str(marker)
        start = [sys.executable, str(FIRST_PAINT_PROBE)]
    return subprocess.Popen(
        [*start, "--basedir", str(basedir), "--emergency"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def accept_settings(basedir: Path) -> None:
    (basedir / "config").mkdir(parents=True, exist_ok=True)
    (basedir / "config" / "settings.yaml").write_text(
        "schema_version: 1\ndisclaimer_accepted: true\n"
    )


def test_the_running_instance_acknowledges_once_painted(tmp_path: Path) -> None:
    basedir = tmp_path / "home"
    app = start_app(basedir)
    try:
        wait_until_listening(app, socket_path(basedir))
        started = time.monotonic()
        client = emergency(basedir)
        _, error = client.communicate(timeout=30)
        assert client.returncode == 0, error
        assert time.monotonic() - started < 5
        again = emergency(basedir)  # already showing: acknowledged again, not restarted
        again.communicate(timeout=30)
        assert again.returncode == 0
    finally:
        app.terminate()
        app.wait(10)


def test_with_no_instance_it_starts_straight_into_relief(tmp_path: Path) -> None:
    basedir = tmp_path / "home"
    marker = tmp_path / "painted"
    client = emergency(basedir, marker)  # a first run: no disclaimer in the way
    _, error = client.communicate(timeout=60)
    assert client.returncode == 0, error
    assert marker.read_text().split()[0]  # painted, then quit as told


def test_two_at_once_make_one_screen_and_both_succeed(tmp_path: Path) -> None:
    basedir = tmp_path / "home"
    accept_settings(basedir)
    first, second = emergency(basedir), emergency(basedir)
    processes = [first, second]
    try:
        # Wait for the first of the two to end, on their process file descriptors.
        handles = [os.pidfd_open(p.pid) for p in processes]
        try:
            ended, _, _ = select.select(handles, [], [], 30)
        finally:
            for handle in handles:
                os.close(handle)
        assert ended, "neither handed over within 30 s"
        finished = [p for p in processes if p.poll() is not None]
        assert len(finished) == 1, "one of them should have handed over to the other"
        running = next(p for p in processes if p is not finished[0])
        assert running.poll() is None  # the single instance, showing the relief screen
    finally:
        for process in processes:
            if process.poll() is None:
                process.terminate()
            process.communicate(timeout=10)
    assert finished[0].returncode == 0


def test_a_hung_instance_does_not_leave_the_user_with_nothing(tmp_path: Path) -> None:
    basedir = tmp_path / "home"
    path = socket_path(basedir)
    holder = PrimaryLock(path)
    assert holder.acquire()
    hung = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    hung.bind(str(path))
    hung.listen(4)  # accepts connections, never answers: a frozen instance
    marker = tmp_path / "painted"
    try:
        started = time.monotonic()
        client = emergency(basedir, marker)
        _, error = client.communicate(timeout=60)
        assert client.returncode == 0, error
        assert "showing a relief screen here" in error
        assert marker.exists()  # its own relief screen was painted
        assert time.monotonic() - started < 20
    finally:
        hung.close()
        holder.release()


def test_a_killed_instance_is_replaced(tmp_path: Path) -> None:
    basedir = tmp_path / "home"
    app = start_app(basedir)
    wait_until_listening(app, socket_path(basedir))
    app.kill()
    app.wait(10)
    assert socket_path(basedir).exists()  # stale
    marker = tmp_path / "painted"
    client = emergency(basedir, marker)
    _, error = client.communicate(timeout=60)
    assert client.returncode == 0, error
    assert marker.exists()
