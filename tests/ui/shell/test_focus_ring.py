"""The focus ring is visible in every theme, night included.

Measured twice: the ring's colours against what they sit on (3:1, the contrast WCAG asks of
a control's visible parts), and as painted: one widget of each focusable kind is grabbed
without the focus and with it, and the ring must change its pixels to the ring's colour.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtGui import QColor, QImage, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.core.settings import Theme
from app.ui.relief.relief_view import relief_style
from app.ui.shell.switch import Switch
from app.ui.shell.theme import DARK, LIGHT, NIGHT, Colors, apply_theme, contrast_ratio

THEMES = {Theme.LIGHT: LIGHT, Theme.DARK: DARK, Theme.NIGHT: NIGHT}
LEAST_RING_CONTRAST = 3.0
LEAST_RING_PIXELS = 40  # a 2 px ring round even the smallest control changes more


def ring_pairs(c: Colors) -> dict[str, tuple[str, str]]:
    """Each ring's colour and a colour beside it on screen."""
    return {
        "ring on window": (c.focus, c.window),
        "ring on a card or panel": (c.focus, c.surface),
        "ring round the current view": (c.focus, c.selected),
        "filled button's ring on window": (c.text, c.window),
        "filled button's ring on a panel": (c.text, c.surface),
        "Cramp now's ring on the header": (c.text, c.window),
        "relief button's ring on the relief screen": (c.hold, c.window),
        "relief button's ring on its own face": (c.hold, c.surface),
    }


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.value)
def test_every_ring_stands_out_at_three_to_one(theme: Theme) -> None:
    ratios = {what: contrast_ratio(*pair) for what, pair in ring_pairs(THEMES[theme]).items()}
    faint = {what: round(ratio, 2) for what, ratio in ratios.items() if ratio < 3.0}
    assert faint == {}


def _tabs() -> QWidget:
    tabs = QTabWidget()
    tabs.addTab(QWidget(), "Overview")
    tabs.addTab(QWidget(), "Numbers")
    return tabs  # its tab bar takes the focus


def _table() -> QWidget:
    model = QStandardItemModel(3, 2)
    table = QTableView()
    table.setModel(model)
    table.setProperty("keep", model)  # the model lives as long as the view
    return table


def _button(role: str | None = None, name: str | None = None) -> Callable[[], QWidget]:
    def make() -> QWidget:
        button = QPushButton("Start")
        if role is not None:
            button.setProperty("role", role)
        if name is not None:
            button.setObjectName(name)
        return button

    return make


def _view_button() -> QWidget:
    button = QPushButton("Diary")
    button.setProperty("role", "view")
    button.setCheckable(True)
    button.setChecked(True)  # the ring must show on the selected tint too
    return button


KINDS: dict[str, Callable[[], QWidget]] = {
    "button": _button(),
    "primary button": _button("primary"),
    "quiet button": _button("quiet"),
    "chip": _button("chip"),
    "card": _button(name="card"),
    "Cramp now": _button(name="cramp-now"),
    "header view": _view_button,
    "check box": lambda: QCheckBox("Reduce motion"),
    "switch": Switch,
    "line edit": lambda: QLineEdit("Calves"),
    "spin box": QSpinBox,
    "tabs": _tabs,
    "list rows": _table,
}


@pytest.fixture(params=list(THEMES), ids=lambda t: t.value)
def themed(request: pytest.FixtureRequest) -> Iterator[Colors]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    yield apply_theme(app, request.param)
    app.setStyleSheet("")
    app.setPalette(app.style().standardPalette())


def grab(widget: QWidget) -> QImage:
    QApplication.processEvents()
    return widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def ring_pixels(before: QImage, after: QImage, ring: str) -> int:
    """Pixels that changed with the focus to (nearly) the ring's colour."""
    want = QColor(ring)
    count = 0
    for y in range(after.height()):
        for x in range(after.width()):
            now = after.pixelColor(x, y)
            if now == before.pixelColor(x, y):
                continue
            near = (
                abs(now.red() - want.red())
                + abs(now.green() - want.green())
                + abs(now.blue() - want.blue())
            )
            count += near <= 24
    return count


@pytest.mark.parametrize("kind", KINDS)
def test_a_focused_control_shows_its_ring(qtbot: QtBot, themed: Colors, kind: str) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    other = QLineEdit()  # somewhere else for the focus to be
    widget = KINDS[kind]()
    layout.addWidget(other)
    layout.addWidget(widget)
    host.resize(320, 160)
    host.show()
    host.activateWindow()
    other.setFocus()
    qtbot.waitUntil(other.hasFocus)
    before = grab(widget)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    after = grab(widget)
    filled = kind in ("primary button", "Cramp now")
    ring = themed.text if filled else themed.focus
    assert ring_pixels(before, after, ring) >= LEAST_RING_PIXELS


def test_the_relief_screen_rings_its_buttons_in_its_own_style() -> None:
    # The relief screen has its own sheet: its focused buttons take the hold colour's ring.
    sheet = relief_style(NIGHT)
    assert f"QPushButton:focus {{ border: 3px solid {NIGHT.hold}; }}" in sheet
