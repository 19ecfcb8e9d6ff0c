"""Pieces every relief page shares: its labels and the "Warning signs" button.

Apart from the pages, so the relief screen and its steps both use them without importing
each other.
"""

from __future__ import annotations

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from app.ui.shell.i18n import tr
from app.ui.shell.plain import plain


def signs_button(parent: QWidget, requested: SignalInstance) -> QPushButton:
    """The "Warning signs" button, at the bottom left of every relief page: always in the
    same place. A click emits the page's `requested` signal."""
    button = QPushButton(tr("Warning signs"))
    button.setToolTip(tr("When to get help (F1 or W)"))
    button.clicked.connect(requested.emit)
    return button


def relief_label(text: str = "", role: str = "") -> QLabel:
    label = plain(QLabel(text))
    label.setWordWrap(True)
    if role:
        label.setProperty("role", role)
    return label


def scrolled_column(page: QWidget, name: str) -> tuple[QVBoxLayout, QVBoxLayout]:
    """A relief page whose words scroll above a fixed row of buttons: the page's own layout
    (the row goes there, below) and the column inside the scroll area. `name` names the
    scroll area, which is a Tab stop."""
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setAccessibleName(name)
    inner = QWidget()
    inner.setObjectName("relief")
    column = QVBoxLayout(inner)
    column.setSpacing(14)
    scroll.setWidget(inner)
    outer.addWidget(scroll, 1)
    return outer, column
