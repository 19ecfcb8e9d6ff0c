"""Checks on the app and tray icons in assets/icons (see scripts/make_icons.py).

Runs headless: Qt is pointed at the offscreen platform unless told otherwise.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS_DIR = Path(__file__).resolve().parents[2] / "assets" / "icons"
SVGS = ("unknot.svg", "unknot-tray.svg")
PNGS = {
    **{f"unknot-{size}.png": size for size in (16, 24, 32, 48, 64, 128, 256)},
    **{f"unknot-tray-{size}.png": size for size in (16, 22, 24, 32, 48)},
}


def test_every_svg_in_the_folder_is_checked() -> None:
    assert {p.name for p in ICONS_DIR.glob("*.svg")} == set(SVGS)


@pytest.mark.parametrize("name", SVGS)
@pytest.mark.usefixtures("qapp")
def test_svg_is_valid_and_renders(name: str) -> None:
    renderer = QSvgRenderer(str(ICONS_DIR / name))
    assert renderer.isValid()
    assert not renderer.defaultSize().isEmpty()

    image = QImage(64, 64, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter, QRectF(0, 0, 64, 64))
    painter.end()

    colours = {image.pixel(x, y) for x in range(64) for y in range(64)}
    opaque = sum(1 for x in range(64) for y in range(64) if image.pixelColor(x, y).alpha() == 255)
    # A filled background with a light glyph on it: mostly opaque, several colours.
    assert opaque > 64 * 64 // 2
    assert len(colours) > 2
    # The glyph is light on a dark background: the centre column holds both.
    lightness = [image.pixelColor(32, y).lightness() for y in range(64)]
    assert max(lightness) - min(lightness) > 120


@pytest.mark.parametrize(("name", "size"), PNGS.items())
@pytest.mark.usefixtures("qapp")
def test_png_exists_with_its_size(name: str, size: int) -> None:
    path = ICONS_DIR / name
    assert path.is_file(), f"missing {path}; run scripts/make_icons.py"
    image = QImage(str(path))
    assert not image.isNull()
    assert (image.width(), image.height()) == (size, size)
    assert image.hasAlphaChannel()
