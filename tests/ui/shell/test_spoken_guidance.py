"""Spoken guidance: the Sound menu's switch, a routine and the relief steps read out at
their moments, at the cue volume and in the interface language, against a stand-in speech
service; and where none runs, the switch says why and stays off."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fakes import RecordingCuePlayer
from pytestqt.qtbot import QtBot
from windows import make_window

from app.audio.speech import SpeechService, ssip_volume
from app.core.clock import FakeClock
from app.core.library import load_all
from app.core.player import PlayerState
from app.core.settings import Posture
from app.core.spoken import step_words
from app.core.storage import AppPaths
from app.ui.routines.player_view import PlayerView
from app.ui.shell.main_window import MainWindow


def _stand_in_module() -> Any:
    path = Path(__file__).parents[2] / "audio" / "ssip_server.py"
    spec = importlib.util.spec_from_file_location("ssip_server", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Any]:
    stand_in = _stand_in_module().StandInSpeechServer(tmp_path / "speechd.sock")
    yield stand_in
    stand_in.close()


def window_with_speech(qtbot: QtBot, paths: AppPaths, socket: Path) -> MainWindow:
    services: list[SpeechService] = []

    def factory() -> SpeechService:
        services.append(SpeechService(str(socket)))
        return services[-1]

    window, _, _ = make_window(qtbot, paths, speech_factory=factory, volume=70, night_volume=20)
    window.fill_menus()
    window.destroyed.connect(lambda: [service.close() for service in services])
    return window


def switch_on(window: MainWindow) -> None:
    action = window.menus.spoken_action
    assert action is not None and not action.isChecked()  # off by default
    action.trigger()


def test_the_switch_turns_guidance_on_and_it_is_kept(
    qtbot: QtBot, paths: AppPaths, server: Any
) -> None:
    window = window_with_speech(qtbot, paths, server.path)
    switch_on(window)
    assert window.menus.spoken_action is not None
    assert window.menus.spoken_action.isChecked()
    assert window.settings.spoken_guidance
    assert window.settings_store.load()[0].spoken_guidance


def test_without_a_speech_service_the_switch_says_why_and_stays_off(
    qtbot: QtBot, paths: AppPaths, tmp_path: Path
) -> None:
    window = window_with_speech(qtbot, paths, tmp_path / "nobody.sock")
    switch_on(window)
    assert window.menus.spoken_action is not None
    assert not window.menus.spoken_action.isChecked()
    assert not window.settings.spoken_guidance
    assert window.statusBar().currentMessage() == (
        "Spoken guidance is off: no speech service is running (speech-dispatcher)."
    )


def test_a_routine_speaks_its_first_step_at_the_cue_volume_in_the_language(
    qtbot: QtBot, paths: AppPaths, server: Any
) -> None:
    window = window_with_speech(qtbot, paths, server.path)
    switch_on(window)
    window.start_routine("before-sleep")
    routine = window.library.routines["before-sleep"] if window.library else None
    assert routine is not None
    first = routine.steps[0]
    assert server.wait_spoken(1) == [step_words(first.name, first.instruction, "en")]
    clock = window._clock
    volume = window.settings.cue_volume(clock.now().astimezone())
    assert f"SET self VOLUME {ssip_volume(volume)}" in server.commands
    assert "SET self LANGUAGE en" in server.commands


def test_the_relief_steps_are_spoken_softly(qtbot: QtBot, paths: AppPaths, server: Any) -> None:
    window = window_with_speech(qtbot, paths, server.path)
    switch_on(window)
    relief = window.show_relief()
    relief.choose(Posture.BED)
    steps = relief._steps
    assert steps is not None and steps.session is not None
    first = steps.session.plan.steps[0]
    assert server.wait_spoken(1) == [step_words(first.name, first.instruction, "en")]
    assert f"SET self VOLUME {ssip_volume(20)}" in server.commands  # the night volume


def test_guidance_off_says_nothing(qtbot: QtBot, paths: AppPaths, server: Any) -> None:
    window = window_with_speech(qtbot, paths, server.path)
    window.start_routine("before-sleep")
    window.show_relief().choose(Posture.BED)
    assert window._speech is None  # never even connected


def test_the_player_speaks_at_its_cues_only(qtbot: QtBot, paths: AppPaths) -> None:
    routine = load_all(paths).routines["before-sleep"]
    clock, said = FakeClock(), []
    view = PlayerView(clock, RecordingCuePlayer, "en", muted=False, speak=said.append)
    qtbot.addWidget(view)
    view.start(routine)
    assert view.player is not None
    while view.player.state is PlayerState.PLAYING:
        wait = view.player.ms_until_next_wake()
        assert wait is not None
        clock.advance(wait / 1000)
        view.advance()
    towel = routine.steps[1]
    assert said[:5] == [
        step_words(routine.steps[0].name, routine.steps[0].instruction, "en"),
        "Left leg. " + step_words(towel.name, towel.instruction, "en"),
        "Rest.",
        "Switch to the right leg.",
        "Rest.",
    ]
    assert said[-1] == "Done."
    assert len(said) == 9  # at the moments that matter, never each second
