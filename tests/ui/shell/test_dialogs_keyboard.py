"""Every dialog complete from the keyboard: Tab reaches each of its controls, Esc closes it
without doing anything, Enter does what its default button says."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from app.core.clock import FakeClock
from app.core.routines import Problem
from app.ui.diary.episode_dialog import EpisodeDialog
from app.ui.diary.session_dialog import SessionDialog
from app.ui.shell.dialogs import DisclaimerDialog, ProblemsDialog

NOW = datetime(2026, 1, 5, 23, 0).astimezone()
TYPO = Problem(Path("/home/a/routines/typo.yaml"), 6, 5, "steps[0].rpes", "unknown key")

DIALOGS: dict[str, Callable[[QWidget], QDialog]] = {
    "disclaimer from Help": lambda parent: DisclaimerDialog(parent, first_run=False),
    "problems": lambda parent: ProblemsDialog(parent, [TYPO]),
    "cramp form": lambda parent: EpisodeDialog(FakeClock(NOW), parent=parent),
    "routine form": lambda parent: SessionDialog(
        FakeClock(NOW), {"evening-stretch": "Evening"}, parent=parent
    ),
}


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    """The window a dialog belongs to: it lives as long as the test."""
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def open_dialog(qtbot: QtBot, parent: QWidget, make: Callable[[QWidget], QDialog]) -> QDialog:
    dialog = make(parent)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.isActiveWindow() and dialog.focusWidget() is not None)
    return dialog


def focus_stops(dialog: QDialog) -> list[QWidget]:
    """The controls a Tab should reach: shown, enabled, taking the focus by Tab."""
    tab = Qt.FocusPolicy.TabFocus.value
    return [
        widget
        for widget in dialog.findChildren(QWidget)
        if widget.isVisible()
        and widget.isEnabled()
        and widget.focusPolicy().value & tab
        and widget.focusProxy() is None
    ]


@pytest.mark.parametrize("name", DIALOGS)
def test_tab_reaches_every_control(qtbot: QtBot, parent: QWidget, name: str) -> None:
    dialog = open_dialog(qtbot, parent, DIALOGS[name])
    stops = focus_stops(dialog)
    assert stops, "a dialog without a single focus stop"
    reached: list[QWidget] = []
    for _ in range(3 * len(stops)):
        focused = QApplication.focusWidget()
        assert focused is not None
        reached.append(focused)
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    missed = [w.accessibleName() or w.objectName() or type(w).__name__ for w in stops]
    missed = [label for w, label in zip(stops, missed, strict=True) if w not in reached]
    assert missed == []


@pytest.mark.parametrize("name", DIALOGS)
def test_esc_closes_without_accepting(qtbot: QtBot, parent: QWidget, name: str) -> None:
    dialog = open_dialog(qtbot, parent, DIALOGS[name])
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected


@pytest.mark.parametrize("name", ["disclaimer from Help", "problems"])
def test_enter_closes_a_dialog_that_only_informs(qtbot: QtBot, parent: QWidget, name: str) -> None:
    dialog = open_dialog(qtbot, parent, DIALOGS[name])
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Accepted


@pytest.mark.parametrize("name", ["cramp form", "routine form"])
def test_enter_in_a_form_records_it(qtbot: QtBot, parent: QWidget, name: str) -> None:
    dialog = open_dialog(qtbot, parent, DIALOGS[name])
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Accepted
