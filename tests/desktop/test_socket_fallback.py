"""The single instance never stops the app: odd runtime folders fall back to a private one."""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from mounts import tmpfs
from test_emergency import emergency
from test_instance import start_app, wait_until_listening

from app import cli
from app.core import storage
from app.core.socket_name import MAX_SOCKET_PATH_BYTES, folder_problem, socket_file
from app.desktop import quick_client
from app.desktop.instance_client import NoSingleInstanceError, PrimaryLock, forward_or_lock
from app.desktop.instance_command import InstanceCommand


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary folder of the test's own, so the fallback never lands in the real /tmp."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    return folder / f"unknot-{os.getuid()}"


def long_runtime(tmp_path: Path) -> Path:
    runtime = tmp_path / ("r" * 200)
    runtime.mkdir(mode=0o700)
    return runtime


def test_a_runtime_folder_too_long_for_a_socket_falls_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, private_tmp: Path
) -> None:
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(long_runtime(tmp_path)))
    path = socket_file(tmp_path / "home")
    assert Path(path).parent == private_tmp
    assert len(os.fsencode(path)) <= MAX_SOCKET_PATH_BYTES
    reply, lock = forward_or_lock(Path(path), {"command": "show"})
    assert reply is None and lock is not None
    try:
        mode = private_tmp.lstat().st_mode
        assert mode & 0o777 == 0o700  # made private to this user
        assert folder_problem(str(private_tmp)) is None
    finally:
        lock.release()


def test_a_runtime_entry_that_is_a_file_falls_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, private_tmp: Path
) -> None:
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    (runtime / "unknot").write_text("not a folder")
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    assert storage.socket_path(tmp_path / "home").parent == private_tmp


def test_a_link_in_place_of_the_folder_is_not_followed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, private_tmp: Path
) -> None:
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (runtime / "unknot").symlink_to(elsewhere)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    assert storage.socket_path(tmp_path / "home").parent == private_tmp


def test_a_read_only_runtime_folder_falls_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, private_tmp: Path
) -> None:
    with tmpfs(tmp_path / "run", "ro,size=16k") as runtime:
        monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
        assert storage.socket_path(tmp_path / "home").parent == private_tmp


def test_a_folder_of_another_user_is_never_used(tmp_path: Path) -> None:
    theirs = tmp_path / "theirs"
    theirs.mkdir(mode=0o700)
    os.chown(theirs, os.getuid() + 4242, -1)
    path = theirs / "abc.sock"
    assert folder_problem(str(theirs)) == f"{theirs} belongs to another user"
    with pytest.raises(NoSingleInstanceError, match="belongs to another user"):
        forward_or_lock(path, {"command": "show"})
    with pytest.raises(NoSingleInstanceError):
        PrimaryLock(path).acquire()


def test_the_quick_client_does_not_call_a_refused_path_not_answering(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    too_long = str(tmp_path / ("s" * 150))  # the system refuses it: nobody can listen there
    monkeypatch.setattr(quick_client, "socket_file", lambda basedir: too_long)
    assert quick_client.forward(InstanceCommand.EMERGENCY, None, 1.0) == (
        quick_client.NO_INSTANCE,
        b"",
    )
    theirs = tmp_path / "theirs"
    theirs.mkdir(mode=0o700)
    os.chown(theirs, os.getuid() + 4242, -1)
    monkeypatch.setattr(quick_client, "socket_file", lambda basedir: str(theirs / "x.sock"))
    assert quick_client.forward(InstanceCommand.EMERGENCY, None, 1.0) == (
        quick_client.NO_INSTANCE,
        b"",
    )


def test_with_no_usable_folder_the_app_starts_without_the_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    theirs = tmp_path / "theirs"
    theirs.mkdir(mode=0o700)
    os.chown(theirs, os.getuid() + 4242, -1)
    monkeypatch.setattr(storage, "socket_path", lambda basedir: theirs / "x.sock")
    started: list[Any] = []
    monkeypatch.setattr(cli, "_run_interface", lambda args, lock: started.append(lock) or 0)
    args = SimpleNamespace(**{**vars(cli.NO_OPTIONS), "emergency": True})
    assert cli.launch(args) == 0
    assert started == [None]  # started, serving no socket
    assert capsys.readouterr().err == (
        f"unknot: {theirs} belongs to another user; "
        "starting without the check for a running Unknot\n"
    )


def test_the_app_and_a_later_launch_agree_on_the_fallback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, private_tmp: Path
) -> None:
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(long_runtime(tmp_path)))
    basedir = tmp_path / "home"
    path = storage.socket_path(basedir)
    assert path.parent == private_tmp
    app = start_app(basedir)
    try:
        wait_until_listening(app, path)
        client = emergency(basedir)
        _, error = client.communicate(timeout=30)
        assert client.returncode == 0, error
        assert error == ""
    finally:
        app.terminate()
        app.wait(10)


@pytest.mark.parametrize("runtime_kind", ["too long", "a file"])
def test_emergency_with_no_instance_just_shows_relief(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, private_tmp: Path, runtime_kind: str
) -> None:
    if runtime_kind == "too long":
        runtime = long_runtime(tmp_path)
    else:
        runtime = tmp_path / "run"
        runtime.mkdir(mode=0o700)
        (runtime / "unknot").write_text("not a folder")
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    marker = tmp_path / "painted"
    client = emergency(tmp_path / "home", marker)
    _, error = client.communicate(timeout=60)
    assert client.returncode == 0, error
    assert "did not answer" not in error
    assert "Traceback" not in error
    assert marker.read_text().split()[0]  # the relief screen was painted
