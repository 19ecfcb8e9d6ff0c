"""An exception in a slot or a paint event is logged and said quietly; the app lives on."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from app.core.errors import DiaryError, DiaryFault
from app.ui.shell.errors import explain, install_excepthook


@pytest.fixture
def said() -> Iterator[list[str]]:
    told: list[str] = []
    before = sys.excepthook
    install_excepthook(told.append)
    yield told
    sys.excepthook = before


class Sender(QObject):
    poke = Signal()


class BadPainter(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.painted = 0

    def paintEvent(self, event: QPaintEvent) -> None:
        self.painted += 1
        raise ValueError("a paint that fails")


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_is_logged_and_said_and_the_app_lives_on(
    qtbot: QtBot, said: list[str], caplog: pytest.LogCaptureFixture
) -> None:
    sender = Sender()
    ran: list[str] = []

    def failing_slot() -> None:
        ran.append("slot")
        raise RuntimeError("a slot that fails")

    sender.poke.connect(failing_slot)
    with caplog.at_level(logging.ERROR):
        sender.poke.emit()
        sender.poke.emit()
    assert ran == ["slot", "slot"]  # still connected, still running
    assert said == ["Something went wrong inside Unknot. It has been written to the log."]
    assert "a slot that fails" in caplog.text
    label = QLabel("still here")
    qtbot.addWidget(label)
    assert label.text() == "still here"


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_paint_event_is_logged_once_and_painting_goes_on(
    qtbot: QtBot, said: list[str], caplog: pytest.LogCaptureFixture
) -> None:
    widget = BadPainter()
    qtbot.addWidget(widget)
    widget.resize(50, 50)
    with caplog.at_level(logging.ERROR):
        widget.show()
        for times in range(1, 4):
            # Painted from the event loop, as on screen: not called from Python.
            QTimer.singleShot(0, widget.repaint)
            qtbot.waitUntil(lambda times=times: widget.painted >= times)
    assert len(said) == 1
    assert caplog.text.count("ValueError: a paint that fails") == 1  # not a flood
    assert widget.isVisible()  # still there, still painted on every update


def test_the_diary_faults_are_explained_in_plain_words(tmp_path: object) -> None:
    from pathlib import Path

    path = Path("journal.sqlite3")
    assert explain(DiaryError(path, DiaryFault.BUSY, "it is in use by another program")) == (
        "The diary is in use by another program. Unknot keeps new records and tries again."
    )
    newer = DiaryError(path, DiaryFault.NEWER, "newer", schema=7)
    assert explain(newer) == (
        "This diary was written by a newer version of Unknot (schema 7). Unknot leaves it as "
        "it is and keeps new records aside for that version."
    )
    damaged = DiaryError(
        path, DiaryFault.DAMAGED, "file is not a database", kept_as=Path("j.broken-1")
    )
    assert explain(damaged) == (
        "Your diary was damaged (file is not a database). It was kept as j.broken-1, and a "
        "new diary has been started."
    )
