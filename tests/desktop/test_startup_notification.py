"""X11 startup notification: a launch forwarded to the running instance ends its launcher's
busy cursor, with the id the launch handed on."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from startup_listener import StartupListener
from test_instance import wait_until_listening

from app import cli
from app.core.storage import socket_path
from app.desktop import startup_notification as sn
from app.desktop.instance_command import InstanceCommand
from app.desktop.quick_client import request_line


def reassembled(events: list[bytes], begin: int, more: int) -> bytes:
    data = b""
    for index, event in enumerate(events):
        assert len(event) == 32
        assert event[0] == sn.CLIENT_MESSAGE and event[1] == 8  # format 8: bytes
        kind = int.from_bytes(event[8:12], sys.byteorder)
        assert kind == (begin if index == 0 else more)
        data += event[12:]
    return data


def test_the_remove_message_is_cut_into_client_messages() -> None:
    message = sn.remove_message("unknot-4521-host_TIME123456789")
    assert message == b"remove: ID=unknot-4521-host_TIME123456789\0"
    events = sn.client_messages(message, 0x50D, 301, 302)
    assert len(events) == 3  # 42 bytes with the nul: 20 + 20 + 2
    assert reassembled(events, 301, 302).rstrip(b"\0") + b"\0" == message


def test_an_id_with_spaces_or_quotes_is_quoted() -> None:
    assert sn.remove_message('a b"c\\') == b'remove: ID="a b\\"c\\\\"\0'


def test_no_id_or_no_x_server_sends_nothing(tmp_path: Path) -> None:
    assert not sn.finish("")
    assert not sn.finish("unknot-1_TIME1", display=f"unix:{tmp_path}/no-such-display:9")


def test_the_quick_request_hands_the_id_on() -> None:
    line = request_line(InstanceCommand.SHOW, "token", 'id "1"')
    assert json.loads(line) == {
        "command": "show",
        "activation_token": "token",
        "startup_id": 'id "1"',
    }
    assert "startup_id" not in json.loads(request_line(InstanceCommand.SHOW, ""))


def test_the_full_launch_hands_the_id_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DESKTOP_STARTUP_ID", "launcher-7_TIME9")
    monkeypatch.delenv("XDG_ACTIVATION_TOKEN", raising=False)
    routine = SimpleNamespace(emergency=False, routine="evening", basedir=None)
    assert cli.launch_request(routine) == {  # type: ignore[arg-type]
        "command": "routine",
        "activation_token": "",
        "startup_id": "launcher-7_TIME9",
        "id": "evening",
    }
    emergency = SimpleNamespace(emergency=True, routine="evening", basedir=None)
    assert cli.launch_request(emergency)["command"] == "emergency"  # type: ignore[arg-type]


def test_a_forwarded_launch_finishes_its_startup_on_the_display(
    x_display: str, tmp_path: Path
) -> None:
    basedir = tmp_path / "home"
    (basedir / "config").mkdir(parents=True)
    (basedir / "config" / "settings.yaml").write_text(
        "schema_version: 1\ndisclaimer_accepted: true\n"
    )
    env = {
        **os.environ,
        "DISPLAY": x_display,
        "QT_QPA_PLATFORM": "xcb",
        "SDL_AUDIODRIVER": "dummy",
        "UNKNOT_HOME": str(basedir),  # so a launch without options finds this instance
    }
    env.pop("DESKTOP_STARTUP_ID", None)
    listener = StartupListener(x_display)
    with (tmp_path / "output.txt").open("w") as output:
        app = subprocess.Popen(
            [sys.executable, "-m", "app"], env=env, stdout=output, stderr=subprocess.STDOUT
        )
    try:
        wait_until_listening(app, socket_path(basedir))  # type: ignore[arg-type]
        for options, startup in (([], "quick-1_TIME5"), (["--routine", "nope"], "full-2_TIME6")):
            launch = subprocess.run(
                [sys.executable, "-m", "app", *options],
                env={**env, "DESKTOP_STARTUP_ID": startup},
                capture_output=True,
                text=True,
                timeout=30,
                check=False,
            )
            assert "Traceback" not in launch.stderr
            assert listener.messages(10) == [f"remove: ID={startup}"]
    finally:
        listener.close()
        app.terminate()
        app.wait(timeout=10)
