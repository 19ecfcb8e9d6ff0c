"""Spoken guidance over SSIP, against a stand-in speech service on a Unix socket."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from ssip_server import StandInSpeechServer

from app.audio.speech import SpeechService, socket_path, speak_lines, ssip_volume


@pytest.fixture
def server(tmp_path: Path) -> Iterator[StandInSpeechServer]:
    stand_in = StandInSpeechServer(tmp_path / "speechd.sock")
    yield stand_in
    stand_in.close()


def test_the_socket_is_found_where_speech_dispatcher_puts_it() -> None:
    assert socket_path({"XDG_RUNTIME_DIR": "/run/user/1000"}) == (
        "/run/user/1000/speech-dispatcher/speechd.sock"
    )
    assert socket_path({"SPEECHD_ADDRESS": "unix_socket:/tmp/s.sock"}) == "/tmp/s.sock"
    assert socket_path({"SPEECHD_ADDRESS": "inet_socket:127.0.0.1:6560"}) is None
    assert socket_path({}) is None


def test_volume_and_data_lines_follow_the_protocol() -> None:
    assert [ssip_volume(p) for p in (0, 20, 50, 100)] == [-100, -60, 0, 100]
    assert speak_lines("Rest.\n.hidden") == ["Rest.", "..hidden"]


def test_a_sentence_is_said_in_the_language_and_at_the_volume_asked(
    server: StandInSpeechServer,
) -> None:
    speech = SpeechService(str(server.path))
    assert speech.check() == ""
    speech.say("Switch to the left leg.", "en", 20)
    assert server.wait_spoken(1) == ["Switch to the left leg."]
    speech.say("Отдых.", "ru", 20)
    assert server.wait_spoken(2)[-1] == "Отдых."
    speech.close()
    said = [c for c in server.commands if c.startswith("SET") or c in ("SPEAK", "CANCEL self")]
    assert said == [
        "SET self CLIENT_NAME user:unknot:guidance",  # from check()
        "SET self CLIENT_NAME user:unknot:guidance",
        "SET self LANGUAGE en",
        "SET self VOLUME -60",
        "CANCEL self",
        "SPEAK",
        "SET self LANGUAGE ru",
        "CANCEL self",
        "SPEAK",
    ]


def test_without_a_speech_service_it_says_so_and_stays_quiet(tmp_path: Path) -> None:
    failures: list[str] = []
    speech = SpeechService(str(tmp_path / "nobody.sock"), failures.append)
    assert speech.check() == "no speech service is running (speech-dispatcher)"
    speech.say("Rest.", "en", 50)
    speech.close()
    assert speech.failed
    assert len(failures) == 1
    speech.say("Done.", "en", 50)  # after a failure: nothing queued, nothing raised
    assert len(failures) == 1
