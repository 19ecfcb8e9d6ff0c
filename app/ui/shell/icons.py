"""The app's own line icons (assets/icons/ui/*.svg), drawn in the theme's colours.

Each SVG strokes and fills with `currentColor`; it is rendered with a colour of the theme
put in its place, at one and two device pixels per point, and kept. A widget given an icon
through `set_icon` is drawn again in the new colours whenever the theme changes, so the
night theme never shows a light-theme glyph.

Rendering goes through QImageReader's SVG plugin, not QtSvg's classes or the `Qt` namespace:
an icon costs about 0.1 ms, and the header's icons can be drawn before the first paint.
"""

from __future__ import annotations

import weakref

from PySide6.QtCore import QBuffer, QByteArray, QSize
from PySide6.QtGui import QColor, QIcon, QImageReader, QPixmap
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from app.core.resources import ICONS_DIR

UI_ICONS_DIR = ICONS_DIR / "ui"
DEFAULT_SIZE = 20  # points: beside 11 pt text

# Which of the theme's colours an icon takes: the name of a field of `Colors`.
TEXT, MUTED, ON_ACCENT, ON_HOLD = "text", "muted", "accent_text", "window"

_svgs: dict[str, bytes] = {}
_icons: dict[tuple[str, str, int], QIcon] = {}
_blanks: dict[int, QIcon] = {}
# Widgets drawn again when the theme changes: id -> (the widget, icon name, colour, size).
_themed: dict[int, tuple[weakref.ref[QWidget], str, str, int]] = {}
# The theme's colours (a theme.Colors), given by `recolour` each time a theme is applied;
# None before the first, when icons wait for it. (Not imported from theme, which calls us.)
_colors: list[object] = []


def names() -> list[str]:
    """Every icon there is."""
    return sorted(path.stem for path in UI_ICONS_DIR.glob("*.svg"))


def _svg(name: str) -> bytes:
    if name not in _svgs:
        _svgs[name] = (UI_ICONS_DIR / f"{name}.svg").read_bytes()
    return _svgs[name]


def pixmap(name: str, color: str, size: int = DEFAULT_SIZE, ratio: float = 1.0) -> QPixmap:
    """The icon `name` in `color` ("#rrggbb"), `size` points square at `ratio` pixels each."""
    pixels = max(1, round(size * ratio))
    data = QBuffer()
    data.setData(QByteArray(_svg(name).replace(b"currentColor", color.encode())))
    reader = QImageReader(data, QByteArray(b"svg"))
    reader.setScaledSize(QSize(pixels, pixels))
    result = QPixmap.fromImage(reader.read())
    result.setDevicePixelRatio(ratio)
    return result


def icon(name: str, color: str, size: int = DEFAULT_SIZE) -> QIcon:
    """The icon `name` in `color`, sharp at 100% and at 200% scaling."""
    key = (name, color, size)
    if key not in _icons:
        made = QIcon()
        for ratio in (1.0, 2.0):
            made.addPixmap(pixmap(name, color, size, ratio))
        _icons[key] = made
    return _icons[key]


def set_icon(
    widget: QAbstractButton | QLabel, name: str, role: str = TEXT, size: int = DEFAULT_SIZE
) -> None:
    """Give `widget` the icon `name` in the theme's `role` colour, now and after every
    change of theme. A later call for the same widget replaces the icon (Play, Pause)."""
    key = id(widget)
    _themed[key] = (weakref.ref(widget, lambda _: _themed.pop(key, None)), name, role, size)
    if isinstance(widget, QAbstractButton):
        widget.setIconSize(QSize(size, size))
    if _colors:
        _draw(widget, name, getattr(_colors[-1], role), size)


def reserve(button: QAbstractButton, size: int = DEFAULT_SIZE) -> None:
    """Keep an icon's room on `button`, empty, until `set_icon` draws it: a page built before
    the first paint draws its icons after it, and nothing moves when they come."""
    if size not in _blanks:
        blank = QPixmap(size, size)
        blank.fill(QColor(0, 0, 0, 0))
        _blanks[size] = QIcon(blank)
    button.setIconSize(QSize(size, size))
    button.setIcon(_blanks[size])


def clear_icon(widget: QAbstractButton | QLabel) -> None:
    """No icon on `widget` any more."""
    _themed.pop(id(widget), None)
    if isinstance(widget, QAbstractButton):
        widget.setIcon(QIcon())
    else:
        widget.clear()


def recolour(colors: object) -> None:
    """Draw every themed icon again in `colors`, a theme's `Colors` (just applied)."""
    _colors[:] = [colors]
    for key, (ref, name, role, size) in list(_themed.items()):
        widget = ref()
        if widget is None:
            _themed.pop(key, None)
            continue
        try:
            _draw(widget, name, getattr(colors, role), size)
        except RuntimeError:  # the widget itself is gone, only its Python side is left
            _themed.pop(key, None)


def _draw(widget: QWidget, name: str, color: str, size: int) -> None:
    if isinstance(widget, QAbstractButton):
        widget.setIcon(icon(name, color, size))
    elif isinstance(widget, QLabel):
        widget.setPixmap(pixmap(name, color, size, widget.devicePixelRatioF()))
