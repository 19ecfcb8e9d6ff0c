"""Run Unknot's window in a given state and report its own CPU time and wake-ups.

    python idle_child.py paused|playing SECONDS

Prints one line: "<cpu seconds> <wake-ups>" over SECONDS, measured after a settling pause.
"""

from __future__ import annotations

import sys
import tempfile

from procstats import sample
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app.core.clock import SystemClock
from app.core.library import cards, load_all
from app.core.settings import Settings, SettingsStore
from app.core.storage import AppPaths
from app.ui.shell.application import _cue_player
from app.ui.shell.main_window import MainWindow

SETTLE_MS = 8000  # past the first paint, and past the paused mixer closing


def main() -> None:
    state, seconds = sys.argv[1], float(sys.argv[2])
    app = QApplication(sys.argv[:1])
    paths = AppPaths.resolve(tempfile.mkdtemp(prefix="unknot-idle-"))
    paths.ensure()
    library = load_all(paths)
    window = MainWindow(
        cards(library),
        library,
        settings=Settings(disclaimer_accepted=True),
        settings_store=SettingsStore(paths.settings_file),
        clock=SystemClock(),
        cue_player_factory=lambda: _cue_player(window),
    )
    window.apply_colors()
    window.show()
    window.start_routine("before-sleep")
    if state == "paused":
        QTimer.singleShot(1000, window._player_page.toggle_pause)  # type: ignore[union-attr]
    start = []

    def begin() -> None:
        start.append(sample())
        QTimer.singleShot(int(seconds * 1000), end)

    def end() -> None:
        finish = sample()
        print(f"{finish.cpu_s - start[0].cpu_s:.4f} {finish.wakeups_since(start[0])}")
        window.close()
        app.quit()

    QTimer.singleShot(SETTLE_MS, begin)
    app.exec()


main()
