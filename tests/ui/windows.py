"""A main window for the interface tests, with a fake clock and a recording cue player."""

from __future__ import annotations

from collections.abc import Callable

from fakes import RecordingCuePlayer
from pytestqt.qtbot import QtBot

from app.audio.speech import SpeechService
from app.core.clock import FakeClock
from app.core.library import cards, load_all
from app.core.routines import Library
from app.core.settings import Settings, SettingsStore
from app.core.storage import AppPaths
from app.ui.shell.main_window import MainWindow


def make_window(
    qtbot: QtBot,
    paths: AppPaths,
    library: Library | None = None,
    speech_factory: Callable[[], SpeechService] | None = None,
    **settings: object,
) -> tuple[MainWindow, FakeClock, RecordingCuePlayer]:
    clock, cues = FakeClock(), RecordingCuePlayer()
    store = SettingsStore(paths.settings_file)
    library = library or load_all(paths)
    window = MainWindow(
        cards(library),
        library,
        settings=Settings(disclaimer_accepted=True).replace(**settings),
        settings_store=store,
        clock=clock,
        cue_player_factory=lambda: cues,
        speech_factory=speech_factory,
    )
    qtbot.addWidget(window)
    # The size the tests were written at: a window fits itself to the screen, and the
    # offscreen screen is only 800x600. tests/ui/shell/test_layout.py tries smaller ones.
    window.resize(1100, 720)
    window.apply_colors()
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    return window, clock, cues
