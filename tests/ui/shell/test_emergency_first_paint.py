"""Started into the relief screen, the window draws the hidden header's icons and the cards'
pictures only once the relief screen closes: nothing the cramp does not need comes first."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.core.clock import FakeClock
from app.core.library import cards, load_all
from app.core.settings import Settings, SettingsStore
from app.core.storage import AppPaths
from app.ui.shell.main_window import MainWindow


def test_pictures_wait_under_the_relief_screen(qtbot: QtBot, paths: AppPaths) -> None:
    from fakes import RecordingCuePlayer

    library = load_all(paths)
    window = MainWindow(
        cards(library),
        library,
        settings=Settings(disclaimer_accepted=True, relief_full_screen=False),
        settings_store=SettingsStore(paths.settings_file),
        clock=FakeClock(),
        cue_player_factory=RecordingCuePlayer,
        paths=paths,
    )
    qtbot.addWidget(window)
    window.resize(1100, 720)
    window.show_relief()  # as `unknot --emergency` does, before the first paint
    with qtbot.waitSignal(window.first_painted):
        window.show()
    qtbot.waitUntil(lambda: window.menus.filled)  # what follows the first paint has run
    assert not window._pictures_drawn
    window.leave_relief()
    assert window._pictures_drawn


def test_a_plain_start_draws_them_right_after_the_first_paint(
    qtbot: QtBot, paths: AppPaths
) -> None:
    from fakes import RecordingCuePlayer

    library = load_all(paths)
    window = MainWindow(
        cards(library),
        library,
        settings=Settings(disclaimer_accepted=True),
        settings_store=SettingsStore(paths.settings_file),
        clock=FakeClock(),
        cue_player_factory=RecordingCuePlayer,
        paths=paths,
    )
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.first_painted):
        window.show()
    qtbot.waitUntil(lambda: window._pictures_drawn)
