"""No session bus is started for Unknot: on a display without one, nothing stays behind."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from test_instance import wait_until_listening

from app.core.storage import socket_path
from app.desktop import dbus_link
from app.desktop.session_bus_env import NO_BUS, refuse_autolaunch


def test_a_session_without_a_bus_is_marked_as_having_none(tmp_path: Path) -> None:
    environ = {"XDG_RUNTIME_DIR": str(tmp_path)}
    assert refuse_autolaunch(environ)
    assert environ["DBUS_SESSION_BUS_ADDRESS"] == NO_BUS


def test_a_given_bus_or_the_user_bus_is_left_alone(tmp_path: Path) -> None:
    given = {"DBUS_SESSION_BUS_ADDRESS": "unix:path=/run/user/1000/bus"}
    assert not refuse_autolaunch(given)
    assert given["DBUS_SESSION_BUS_ADDRESS"] == "unix:path=/run/user/1000/bus"
    (tmp_path / "bus").touch()
    user_bus = {"XDG_RUNTIME_DIR": str(tmp_path)}
    assert not refuse_autolaunch(user_bus)
    assert "DBUS_SESSION_BUS_ADDRESS" not in user_bus


def test_notifications_take_the_mark_for_no_bus(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", NO_BUS)
    assert dbus_link.session_bus_address() is None


def _processes_with(marker: str) -> list[int]:
    """Processes whose environment holds `marker`: the app and all it started, however far
    they detached (dbus-launch forks a daemon away from its parent)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environ = (entry / "environ").read_bytes()
        except OSError:  # gone, or not ours to read
            continue
        if marker.encode() in environ.split(b"\0"):
            found.append(int(entry.name))
    return found


def _name(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode().strip()
    except OSError:
        return "?"


def test_a_start_on_a_display_without_a_bus_leaves_no_bus_running(
    x_display: str, tmp_path: Path
) -> None:
    if shutil.which("dbus-launch") is None:
        # Without it libdbus cannot autolaunch a bus, so there is nothing to leave behind.
        pytest.skip("dbus-launch is not installed (Debian package dbus-x11)")
    runtime = Path(os.environ["XDG_RUNTIME_DIR"])
    assert not (runtime / "bus").exists()
    basedir = tmp_path / "home"
    (basedir / "config").mkdir(parents=True)
    (basedir / "config" / "settings.yaml").write_text(
        "schema_version: 1\ndisclaimer_accepted: true\n"
    )
    run_id = uuid.uuid4().hex
    marker = f"UNKNOT_TEST_RUN={run_id}"
    env = {
        **os.environ,
        "DISPLAY": x_display,
        "QT_QPA_PLATFORM": "xcb",
        "SDL_AUDIODRIVER": "dummy",
        "UNKNOT_TEST_RUN": run_id,
    }
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    Path(env["HOME"]).mkdir(parents=True, exist_ok=True)  # where dbus-launch notes its bus
    with (tmp_path / "output.txt").open("w") as output:
        app = subprocess.Popen(
            [sys.executable, "-m", "app", "--basedir", str(basedir)],
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        # Answered only once the start-up, tray and notifications included, is done.
        wait_until_listening(app, socket_path(basedir))  # type: ignore[arg-type]
    finally:
        app.terminate()
        app.wait(timeout=10)
    left = {pid: _name(pid) for pid in _processes_with(marker) if pid != app.pid}
    for pid in left:  # started by the app, so ours: not left to the next test
        os.kill(pid, signal.SIGTERM)
    assert not left, f"left running: {left}"
    assert "Traceback" not in (tmp_path / "output.txt").read_text()
