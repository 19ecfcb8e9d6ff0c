"""Guards against a Qt binding that would crash Unknot after a few minutes of animation.

PySide6 6.12.0 on Python 3.11 drops a reference to None on every call of a method that
returns nothing (update(), setOpacity(), ...); after a few thousand repaints the interpreter
aborts with "deallocating None". pyproject.toml excludes that release; this test fails if
such a binding comes back.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot


def test_void_methods_keep_the_reference_count_of_none(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    before = sys.getrefcount(None)
    for _ in range(200):
        widget.update()
        painter.setOpacity(0.5)
    after = sys.getrefcount(None)
    painter.end()
    assert after >= before - 5  # a little slack for unrelated objects freed meanwhile
