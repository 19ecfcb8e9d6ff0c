"""Room for longer words: every main page in Russian, and in a pseudo-language whose every
string is 40% longer, at 1280x800: nothing cut, squeezed or lying on a neighbour."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import test_layout
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from test_layout import PAGES, faults_at

from app.ui.shell import i18n
from app.ui.shell.main_window import MainWindow

SIZE = (1280, 800)
# The window with a diary, as the layout test at small sizes builds it.
journal = test_layout.journal
window = test_layout.window


class Lengthened(QTranslator):
    """Every string 40% longer, placeholders and %n kept: words as long as a language that
    runs longer than Russian."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        if not source.strip():
            return source
        extra = max(1, round(len(source) * 0.4))
        return source + " " + ("ẋ" * extra)

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def russian(qapp: QApplication) -> Iterator[None]:
    assert i18n.install(qapp, "ru") == "ru"
    yield
    i18n.install(qapp, "en")


@pytest.fixture
def lengthened(qapp: QApplication) -> Iterator[None]:
    padded = Lengthened(qapp)
    QCoreApplication.installTranslator(padded)
    yield
    QCoreApplication.removeTranslator(padded)


@pytest.mark.parametrize("page", list(PAGES))
def test_each_page_has_room_in_russian(russian: None, window: MainWindow, page: str) -> None:
    faults = faults_at(window, SIZE, page)
    assert not faults, f"{page} in Russian:\n" + "\n".join(faults)
    assert "Дневник" in shown_words(window)  # the header, in Russian


@pytest.mark.parametrize("page", list(PAGES))
def test_each_page_has_room_for_words_40_percent_longer(
    lengthened: None, window: MainWindow, page: str
) -> None:
    faults = faults_at(window, SIZE, page)
    assert not faults, f"{page} with longer words:\n" + "\n".join(faults)
    assert "Diary ẋẋ" in shown_words(window), shown_words(window)[:300]


def shown_words(window: MainWindow) -> str:
    from PySide6.QtWidgets import QAbstractButton, QLabel

    widgets = [*window.findChildren(QLabel), *window.findChildren(QAbstractButton)]
    return "\n".join(w.text() for w in widgets if w.isVisible())


@pytest.mark.parametrize("language", ["russian", "lengthened"])
def test_the_relief_screen_has_room_for_longer_words(
    request: pytest.FixtureRequest, language: str, qtbot: QtBot
) -> None:
    from fakes import RecordingCuePlayer
    from layout_check import layout_faults
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton

    from app.core.clock import FakeClock
    from app.core.diary_writer import Saved, WriteOutcome
    from app.core.relief import built_in_plan
    from app.ui.relief.relief_view import ReliefView

    class Keeper:
        def new(self) -> int:
            return 1

        def save(self, number: int, episode: object) -> WriteOutcome:
            return WriteOutcome(Saved.SAVED)

    request.getfixturevalue(language)  # before the relief screen is built
    relief = ReliefView(
        built_in_plan,
        Keeper,
        clock=FakeClock(),
        cue_player_factory=RecordingCuePlayer,
        language=i18n.active_language(),
    )
    qtbot.addWidget(relief)
    relief.resize(*SIZE)  # the window's size at 1280x800; relief is full screen by default
    relief.show()
    qtbot.waitExposed(relief)
    relief.accept_focus()
    relief.begin("bed")
    assert layout_faults(relief) == []
    qtbot.keyClick(relief, Qt.Key.Key_Return)
    assert relief.pages.currentWidget() is relief._steps
    assert layout_faults(relief) == []
    words = "\n".join(b.text() for b in relief.findChildren(QPushButton) if b.isVisible())
    assert ("Прошло" if language == "russian" else "It's gone ẋ") in words
