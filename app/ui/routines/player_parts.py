"""Small pieces of the player screen: the side badge, the pause sign over the picture, and
the control buttons with their icons (the app's own, in the theme's colours)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QWidget

from app.ui.shell import icons


class SideBadge(QLabel):
    """ "Left leg" or "Right leg", large, on the phase colour: the first thing to read.

    It keeps its place when there is no side, so nothing below it moves."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Which leg"))
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        policy.setHorizontalPolicy(QSizePolicy.Policy.Maximum)
        self.setSizePolicy(policy)

    def show_side(self, text: str, background: str, foreground: str) -> None:
        self.setText(text)
        self.setStyleSheet(
            f"background: {background}; color: {foreground}; border-radius: 12px;"
            " padding: 6px 22px;"
        )
        self.setVisible(bool(text))


class PauseSign(QWidget):
    """Two bars and "Space to resume", drawn over the dimmed picture while paused."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._color = QColor("#ffffff")
        self._backdrop = QColor("#000000")
        self.words = self.tr("Space to resume")
        self.setAccessibleName(self.tr("Paused. Space to resume"))
        self.hide()

    def set_colors(self, text: str, backdrop: str) -> None:
        self._color = QColor(text)
        self._backdrop = QColor(backdrop)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = max(48.0, min(self.width(), self.height()) * 0.28)
        font = QFont(self.font())
        font.setPixelSize(max(16, round(side * 0.22)))
        painter.setFont(font)
        text_height = font.pixelSize() * 1.6
        centre = QPointF(self.width() / 2, (self.height() - text_height) / 2)
        disc = QRectF(centre.x() - side / 2, centre.y() - side / 2, side, side)
        backdrop = QColor(self._backdrop)
        backdrop.setAlphaF(0.75)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(backdrop)
        painter.drawEllipse(disc)
        painter.setBrush(self._color)
        bar_w, bar_h = side * 0.12, side * 0.42
        for dx in (-side * 0.11, side * 0.11):
            bar = QRectF(centre.x() + dx - bar_w / 2, centre.y() - bar_h / 2, bar_w, bar_h)
            painter.drawRoundedRect(bar, bar_w / 3, bar_w / 3)
        painter.setPen(self._color)
        words = QRectF(0, disc.bottom() + font.pixelSize() * 0.4, self.width(), text_height)
        painter.drawText(
            words, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, self.words
        )


def control_button(text: str, tip: str, icon: str, role: str = icons.TEXT) -> QPushButton:
    """A player control: its icon and its word, the key in the tooltip."""
    button = QPushButton(text)
    icons.set_icon(button, icon, role)
    button.setToolTip(tip)
    button.setMinimumWidth(110)
    # Space, arrows and Esc belong to the player, not to whichever button has focus.
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return button
