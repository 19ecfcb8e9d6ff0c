"""One instance per user: later launches forward to it; a killed one's socket is replaced."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from app.core.storage import socket_path
from app.desktop import instance_client
from app.desktop.instance_client import (
    InstanceNotAnsweringError,
    NoInstanceError,
    PrimaryLock,
    forward_or_lock,
    send,
)


def serve_once(path: Path, reply: bytes, seen: list[bytes]) -> threading.Thread:
    """A minimal stand-in instance: answer one request with `reply`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.listen(1)

    def run() -> None:
        connection, _ = server.accept()
        with connection:
            seen.append(connection.recv(4096))
            connection.sendall(reply)
        server.close()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


@pytest.mark.parametrize("options", [[], ["--emergency"]])
def test_forwarding_client_imports_no_qt_and_no_pygame(tmp_path: Path, options: list[str]) -> None:
    """Runs the real `unknot` entry point against a stand-in instance in a clean interpreter."""
    code = f"""
import socket, sys, threading
from pathlib import Path
from app.core.storage import socket_path
path = socket_path({str(tmp_path)!r})
path.parent.mkdir(parents=True, exist_ok=True)
server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
server.bind(str(path)); server.listen(1)
def answer():
    c, _ = server.accept(); c.recv(4096); c.sendall(b'{{"ok": true}}\\n'); c.close()
threading.Thread(target=answer, daemon=True).start()
from app.launch import main
code = main(["--basedir", {str(tmp_path)!r}, *{options!r}])
heavy = sorted(m for m in sys.modules
               if m.split(".")[0] in ("PySide6", "shiboken6", "pygame", "yaml", "platformdirs"))
print(code, ",".join(heavy))
"""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=30
    )
    assert result.stdout.split() == ["0"], result.stdout + result.stderr


@pytest.mark.parametrize("options", [[], ["--emergency"]])
def test_the_quick_path_needs_no_json_pathlib_or_argparse(
    tmp_path: Path, options: list[str]
) -> None:
    """A plain launch and --emergency reach a running instance with the bare socket."""
    path = socket_path(tmp_path)
    seen: list[bytes] = []
    thread = serve_once(path, b'{"ok": true}\n', seen)
    code = (
        "import sys\n"
        "from app.launch import main\n"
        f"code = main({options!r})\n"
        "heavy = ('json', 'pathlib', 'dataclasses', 'argparse', 'PySide6', 'yaml')\n"
        "print(code, ','.join(sorted(m for m in heavy if m in sys.modules)))\n"
    )
    env = {
        **os.environ,
        "UNKNOT_HOME": str(tmp_path),
        "XDG_ACTIVATION_TOKEN": 'a"b',
        "DESKTOP_STARTUP_ID": "launcher-1_TIME42",
    }
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=30,
        env=env,
        check=False,
    )
    thread.join(5)
    assert result.stdout.split() == ["0"], result.stdout + result.stderr
    import json

    command = "emergency" if options else "show"
    assert json.loads(seen[0]) == {
        "command": command,
        "activation_token": 'a"b',
        "startup_id": "launcher-1_TIME42",
    }


def test_a_request_is_sent_as_one_json_line(tmp_path: Path) -> None:
    path = tmp_path / "s.sock"
    seen: list[bytes] = []
    thread = serve_once(path, b'{"ok": false, "error": "no such routine"}\n', seen)
    reply = send(path, {"command": "routine", "id": "x"})
    thread.join(5)
    assert seen == [b'{"command": "routine", "id": "x"}\n']
    assert (reply.ok, reply.error) == (False, "no such routine")


def test_no_socket_means_no_instance(tmp_path: Path) -> None:
    with pytest.raises(NoInstanceError):
        send(tmp_path / "missing.sock", {"command": "show"})


def test_stale_socket_of_a_killed_instance_is_replaced(tmp_path: Path) -> None:
    path = tmp_path / "run" / "s.sock"
    path.parent.mkdir()
    dead = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    dead.bind(str(path))
    dead.close()  # the file stays, nobody listens: what SIGKILL leaves behind
    assert path.exists()
    reply, lock = forward_or_lock(path, {"command": "show"})
    assert reply is None and lock is not None
    assert not path.exists()
    lock.release()


def test_an_instance_that_never_listens_is_given_up_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "s.sock"
    holder = PrimaryLock(path)
    assert holder.acquire()
    monkeypatch.setattr(instance_client, "STARTUP_WAIT_S", 0.2)
    started = time.monotonic()
    with pytest.raises(InstanceNotAnsweringError):
        forward_or_lock(path, {"command": "show"})
    assert time.monotonic() - started < 2
    holder.release()


def test_a_hung_instance_times_out(tmp_path: Path) -> None:
    path = tmp_path / "s.sock"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.listen(1)  # accepts into the backlog, never answers
    with pytest.raises(InstanceNotAnsweringError):
        send(path, {"command": "show"}, timeout=0.2)
    server.close()


def test_only_one_process_gets_the_lock(tmp_path: Path) -> None:
    first, second = PrimaryLock(tmp_path / "s.sock"), PrimaryLock(tmp_path / "s.sock")
    assert first.acquire()
    assert not second.acquire()
    first.release()
    assert second.acquire()
    second.release()


def start_app(basedir: Path) -> subprocess.Popen[str]:
    (basedir / "config").mkdir(parents=True, exist_ok=True)
    (basedir / "config" / "settings.yaml").write_text(
        "schema_version: 1\ndisclaimer_accepted: true\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SDL_AUDIODRIVER": "dummy"}
    with (basedir / "output.txt").open("a") as output:
        return subprocess.Popen(
            [sys.executable, "-m", "app", "--basedir", str(basedir)],
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            text=True,
        )


def wait_until_listening(process: subprocess.Popen[str], path: Path, timeout: float = 20) -> None:
    """Poll the socket until the app answers; fail at once if the app died instead."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            send(path, {"command": "show"}, timeout=2)
            return
        except (NoInstanceError, InstanceNotAnsweringError):
            try:
                code = process.wait(timeout=0.05)
            except subprocess.TimeoutExpired:
                continue
            raise AssertionError(f"the app exited with {code} before it listened") from None
    raise AssertionError("the app never listened")


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )


def test_second_launch_raises_the_first_and_a_killed_one_is_replaced(tmp_path: Path) -> None:
    basedir = tmp_path / "home"
    path = socket_path(basedir)
    first = start_app(basedir)
    try:
        wait_until_listening(first, path)
        again = run_cli("--basedir", str(basedir))
        assert again.returncode == 0, again.stderr
        missing = run_cli("--basedir", str(basedir), "--routine", "no-such-routine")
        assert missing.returncode == 1
        assert "no routine called “no-such-routine”" in missing.stderr
        started = run_cli("--basedir", str(basedir), "--routine", "before-sleep")
        assert started.returncode == 0, started.stderr
        first.send_signal(signal.SIGKILL)
        first.wait(10)
        assert path.exists()  # left behind
        replacement = start_app(basedir)
        try:
            wait_until_listening(replacement, path)
            assert run_cli("--basedir", str(basedir)).returncode == 0
        finally:
            replacement.terminate()
            replacement.wait(10)
    finally:
        if first.poll() is None:
            first.kill()
            first.wait(10)
