"""The app's own icons: every one renders, in the colour asked, and follows the theme."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from app.core.settings import Theme
from app.ui.shell import icons
from app.ui.shell.theme import DARK, LIGHT, NIGHT, apply_theme

# What the pages ask for by name: the player's controls, the header, the dialogs.
NEEDED = {
    "back", "routines", "diary", "reminders", "play", "pause", "skip", "previous", "stop",
    "save", "close", "warning", "relief", "add", "edit", "delete", "sound-on", "sound-off",
}  # fmt: skip


def ink(image: QImage) -> set[str]:
    """The colours of the pixels drawn fully opaque."""
    found = set()
    for y in range(image.height()):
        for x in range(image.width()):
            pixel = image.pixelColor(x, y)
            if pixel.alpha() == 255:
                found.add(pixel.name())
    return found


def near(found: set[str], color: str) -> bool:
    """Every opaque pixel is `color`, give or take the rounding of a scaled pixmap."""
    want = QColor(color)
    return bool(found) and all(
        max(
            abs(QColor(f).red() - want.red()),
            abs(QColor(f).green() - want.green()),
            abs(QColor(f).blue() - want.blue()),
        )
        <= 2
        for f in found
    )


def test_every_icon_needed_is_there() -> None:
    assert set(icons.names()) >= NEEDED


@pytest.mark.parametrize("name", icons.names())
def test_each_icon_is_drawn_in_the_colour_asked_and_nothing_else(
    qapp: QApplication, name: str
) -> None:
    image = icons.pixmap(name, "#a84c26", 48).toImage()
    assert (image.width(), image.height()) == (48, 48)
    assert ink(image) == {"#a84c26"}
    corners = [image.pixelColor(x, y).alpha() for x in (0, 47) for y in (0, 47)]
    assert corners == [0, 0, 0, 0]  # transparent around the line


def test_icons_are_sharp_at_200_percent(qapp: QApplication) -> None:
    made = icons.icon("play", "#123456", 20)
    sizes = {(s.width(), s.height()) for s in made.availableSizes()}
    assert {(20, 20), (40, 40)} <= sizes


@pytest.mark.parametrize("theme", [Theme.LIGHT, Theme.DARK, Theme.NIGHT])
def test_a_button_icon_follows_the_theme(qtbot: QtBot, qapp: QApplication, theme: Theme) -> None:
    button = QPushButton("Play")
    qtbot.addWidget(button)
    label = QLabel()
    qtbot.addWidget(label)
    apply_theme(qapp, Theme.LIGHT)
    icons.set_icon(button, "play")
    icons.set_icon(label, "warning", icons.MUTED)
    colors = apply_theme(qapp, theme)
    drawn = button.icon().pixmap(20, 20).toImage()
    assert near(ink(drawn), colors.text)
    assert near(ink(label.pixmap().toImage()), colors.muted)


def test_a_later_icon_replaces_the_first_and_a_deleted_widget_is_forgotten(
    qtbot: QtBot, qapp: QApplication
) -> None:
    button = QPushButton()
    qtbot.addWidget(button)
    icons.set_icon(button, "play")
    icons.set_icon(button, "pause")
    apply_theme(qapp, Theme.DARK)
    assert near(ink(button.icon().pixmap(20, 20).toImage()), DARK.text)
    gone = QPushButton()
    icons.set_icon(gone, "stop")
    gone.deleteLater()
    QApplication.processEvents()
    apply_theme(qapp, Theme.NIGHT)  # no error for the widget deleted under its Python side
    icons.clear_icon(button)
    assert button.icon().isNull()


def test_the_three_themes_give_icons_their_own_ink() -> None:
    assert len({LIGHT.text, DARK.text, NIGHT.text}) == 3


@pytest.mark.parametrize("theme", [Theme.LIGHT, Theme.DARK, Theme.NIGHT])
def test_a_checked_checkbox_shows_a_tick_not_a_solid_square(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, theme: Theme
) -> None:
    colors = apply_theme(qapp, theme, tmp_path / "ui")
    (tick,) = (tmp_path / "ui").glob("tick-*.svg")
    assert colors.accent_text.encode() in tick.read_bytes()
    assert tick.as_posix() in qapp.styleSheet()
    box = QCheckBox("Hold each stretch for 20 seconds")
    qtbot.addWidget(box)
    box.setChecked(True)
    box.show()
    image = box.grab().toImage()
    inks = {image.pixelColor(x, y).name() for x in range(24) for y in range(image.height())}
    assert QColor(colors.accent).name() in inks  # the box filled
    assert near({c for c in inks if near({c}, colors.accent_text)}, colors.accent_text)
    apply_theme(qapp, theme, tmp_path / "ui")  # found, not written again
    assert len(list((tmp_path / "ui").iterdir())) == 1


def test_without_a_folder_for_the_tick_the_style_sheet_still_applies(qapp: QApplication) -> None:
    apply_theme(qapp, Theme.LIGHT)
    assert "tick-" not in qapp.styleSheet()
