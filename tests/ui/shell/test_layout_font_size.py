"""The desktop's font size is followed: with a font half as large again, every type size
grows alike and every main page still has room at 1280x800."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import test_layout
from PySide6.QtWidgets import QApplication, QLabel
from test_layout import PAGES, faults_at

from app.core.settings import Theme
from app.ui.shell.main_window import MainWindow
from app.ui.shell.theme import Type, apply_theme, text_scale

SIZE = (1280, 800)
journal = test_layout.journal
window = test_layout.window


@pytest.fixture
def larger_font(qapp: QApplication) -> Iterator[float]:
    before, sheet, palette = qapp.font(), qapp.styleSheet(), qapp.palette()
    font = qapp.font()
    font.setPointSizeF(Type.BODY * 1.5)
    qapp.setFont(font)
    apply_theme(qapp, Theme.LIGHT)
    yield 1.5
    # As it was, for the tests that follow: the font, the style sheet, the palette, the scale.
    qapp.setFont(before)
    apply_theme(qapp, Theme.LIGHT)
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)


def test_every_type_size_grows_with_the_desktop_font(
    larger_font: float, window: MainWindow
) -> None:
    assert text_scale() == pytest.approx(1.5)
    window.show_list()
    QApplication.processEvents()
    titles = [w for w in window.findChildren(QLabel) if w.property("role") == "title"]
    assert titles and all(
        w.font().pointSizeF() == pytest.approx(Type.TITLE * 1.5, abs=0.1) for w in titles
    )


@pytest.mark.parametrize("page", list(PAGES))
def test_each_page_has_room_with_a_larger_font(
    larger_font: float, window: MainWindow, page: str
) -> None:
    faults = faults_at(window, SIZE, page)
    assert not faults, f"{page} at 150% font:\n" + "\n".join(faults)
