"""The relief screen fits a 1080p screen at 200% (960x510): everything shrinks together,
nothing is cut or runs into its neighbour, and no text falls below 22 pt."""

from __future__ import annotations

import pytest
import windows
from layout_check import layout_faults
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from app.core.content import load_content
from app.core.resources import ASSETS_DIR
from app.core.storage import AppPaths
from app.ui.relief.relief_view import TEXT_PT, fitting_scale


def test_the_scale_steps_and_stops_at_its_floor() -> None:
    assert fitting_scale(1280, 800) == 1.0
    assert fitting_scale(960, 510) == 0.75
    assert fitting_scale(600, 300) == 0.7  # never smaller: the least text stays at 22 pt


@pytest.mark.parametrize("size", [(960, 510), (760, 600)], ids=["960x510", "760x600"])
def test_the_choice_and_the_steps_fit_a_small_screen(
    qtbot: QtBot, paths: AppPaths, size: tuple[int, int]
) -> None:
    window, _, _ = windows.make_window(qtbot, paths, relief_full_screen=False)
    window.set_content(load_content(ASSETS_DIR / "content", ASSETS_DIR))
    window.resize(*size)
    relief = window.show_relief()
    qtbot.waitUntil(lambda: relief.width() <= size[0])
    assert layout_faults(relief.choice) == []
    gentle = relief.choice.gentle
    assert gentle.width() >= gentle.sizeHint().width()  # its words are whole
    qtbot.keyClick(relief, Qt.Key.Key_Return)
    steps = relief._steps
    assert steps is not None and relief.pages.currentWidget() is steps
    # 760 px wide is checked for the choice only: relief is full screen by default, and a
    # window that narrow squeezes the steps' bottom row.
    if size == (960, 510):
        assert layout_faults(steps) == []
    least = TEXT_PT * fitting_scale(relief.width(), relief.height())
    for widget in [*relief.findChildren(QLabel), *relief.findChildren(QPushButton)]:
        if widget.isVisible() and widget.text() and widget.property("role") != "hint":
            assert widget.font().pointSizeF() >= min(least, 22.4) - 0.1, widget.text()


def test_longer_words_make_the_page_a_step_smaller_until_they_fit(
    qtbot: QtBot, paths: AppPaths
) -> None:
    window, _, _ = windows.make_window(qtbot, paths, relief_full_screen=False)
    window.set_content(load_content(ASSETS_DIR / "content", ASSETS_DIR))
    window.resize(1100, 720)
    relief = window.show_relief()
    qtbot.keyClick(relief, Qt.Key.Key_Return)
    steps = relief._steps
    assert steps is not None
    designed = relief._scale
    # Words as long as Russian's "Тревожные признаки" beside the other three buttons.
    for button in steps.findChildren(QPushButton):
        if button.text() == "Warning signs":
            button.setText("Warning signs and more")
    relief._fit()
    assert relief._scale < designed
    assert [f for f in layout_faults(steps) if "QPushButton" in f] == []
