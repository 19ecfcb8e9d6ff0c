"""Every main page has room at the sizes people use: 960x510 (a 1080p screen at 200%, less
a panel) and 760x600 (a narrow window). Nothing is cut by its parent, squeezed below what
its content needs, or lying on a sibling; and the window opens inside the screen."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, timedelta

import pytest
from layout_check import layout_faults
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from windows import make_window

from app.core.clock import FakeClock
from app.core.journal import Episode, Journal
from app.core.player import SessionReport
from app.core.storage import AppPaths
from app.ui.shell.main_window import MINIMUM_SIZE, MainWindow

NOW = datetime(2025, 3, 14, 21, 0).astimezone()
SIZES = [(960, 510), (760, 600)]


@pytest.fixture
def journal(paths: AppPaths) -> Iterator[Journal]:
    opened, _ = Journal.open(paths.journal_file)
    for back in range(1, 30):
        if back % 3:
            started = NOW.replace(hour=22) - timedelta(days=back)
            opened.add_session(
                SessionReport(
                    "evening-stretch", started, started + timedelta(minutes=9), 1.0, (), True
                )
            )
    for back in (2, 6, 9):
        started = NOW.replace(hour=3) - timedelta(days=back)
        opened.add_episode(Episode(started, timedelta(minutes=4), "left", "mild"), NOW)
    yield opened
    opened.close()


@pytest.fixture
def window(qtbot: QtBot, paths: AppPaths, journal: Journal) -> MainWindow:
    window, _, _ = make_window(qtbot, paths)
    window._clock = FakeClock(NOW)
    window.journal = journal
    window.note_journal_opened()
    return window


def routines(window: MainWindow) -> None:
    window.show_list()


def start_screen(window: MainWindow) -> None:
    window.open_routine("evening-stretch")


def player(window: MainWindow) -> None:
    window.start_routine("evening-stretch")
    assert window._player_page is not None
    window._player_page.pause()


def finished(window: MainWindow) -> None:
    player(window)
    assert window._player_page is not None
    window._player_page.stop()


def diary(window: MainWindow) -> None:
    window.show_diary()


def reminders(window: MainWindow) -> None:
    window.show_reminders()


def reminder_form(window: MainWindow) -> None:
    reminders(window)
    assert window._reminders_page is not None
    window._reminders_page.add_reminder()


PAGES: dict[str, Callable[[MainWindow], None]] = {
    "routines": routines,
    "start screen": start_screen,
    "player": player,
    "finished": finished,
    "diary": diary,
    "reminders": reminders,
    "reminder form": reminder_form,
}


def faults_at(window: MainWindow, size: tuple[int, int], page: str) -> list[str]:
    window.resize(*size)
    PAGES[page](window)
    QApplication.processEvents()
    QApplication.processEvents()  # a relayout after the first one's size changes
    assert (window.width(), window.height()) == size
    return layout_faults(window)


def cases() -> list[object]:
    return [
        pytest.param(page, size, id=f"{page}-{size[0]}x{size[1]}")
        for page in PAGES
        for size in SIZES
    ]


@pytest.mark.parametrize(("page", "size"), cases())
def test_each_page_has_room(window: MainWindow, page: str, size: tuple[int, int]) -> None:
    faults = faults_at(window, size, page)
    assert not faults, f"{page} at {size[0]}x{size[1]}:\n" + "\n".join(faults)


def test_the_check_finds_a_cut_and_an_overlap(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QLabel, QPushButton

    parent = QWidget()
    qtbot.addWidget(parent)
    parent.resize(200, 100)
    first = QPushButton("A button with a long text", parent)
    first.setGeometry(0, 0, 60, 40)  # narrower than its words
    second = QLabel("over it", parent)
    second.setGeometry(30, 10, 50, 20)
    outside = QLabel("beyond", parent)
    outside.setGeometry(180, 80, 60, 30)
    parent.show()
    faults = layout_faults(parent)
    assert any(f.startswith("squeezed: QPushButton 'A button") for f in faults)
    assert any(f.startswith("overlap: QPushButton") and "'over it'" in f for f in faults)
    assert any(f.startswith("cut: QLabel 'beyond'") for f in faults)


def test_the_window_opens_inside_the_screen(qtbot: QtBot, paths: AppPaths) -> None:
    from app.core.library import cards, load_all
    from app.core.settings import Settings, SettingsStore

    library = load_all(paths)
    window = MainWindow(
        cards(library),
        library,
        settings=Settings(disclaimer_accepted=True),
        settings_store=SettingsStore(paths.settings_file),
        clock=FakeClock(NOW),
        cue_player_factory=lambda: None,  # type: ignore[arg-type,return-value]
    )
    qtbot.addWidget(window)
    screen = window.screen()
    assert screen is not None
    free = screen.availableGeometry()  # 800x600 on the offscreen platform
    assert window.width() <= free.width() and window.height() < free.height()
    assert (window.width(), window.height()) >= MINIMUM_SIZE
