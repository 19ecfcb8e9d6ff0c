"""An on/off switch whose state shows at a glance: a track that fills with the accent colour,
a knob that moves to the right, and the word "On" or "Off" beside it (or a label of its own).

A checkbox styled by the style sheet can only fill its square; this is drawn here, in the
theme's colours, so light, dark and night all read.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QAbstractButton, QWidget

from app.ui.shell.theme import Space, applied_colors

TRACK_WIDTH, TRACK_HEIGHT = 40, 22
KNOB_INSET = 3


class Switch(QAbstractButton):
    """Checkable; `text` is its label, and without one it says "On" or "Off"."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._label = text
        self.setText(text or self.tr("Off"))
        self.toggled.connect(self._show_state)

    def _show_state(self, on: bool) -> None:
        if not self._label:
            self.setText(self.tr("On") if on else self.tr("Off"))

    def _words(self) -> list[str]:
        return [self._label] if self._label else [self.tr("On"), self.tr("Off")]

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        words = max(metrics.horizontalAdvance(word) for word in self._words())
        height = max(TRACK_HEIGHT, metrics.height()) + 2 * Space.XS
        return QSize(TRACK_WIDTH + Space.S + words + 2 * Space.XS, height)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def hitButton(self, pos: QPoint) -> bool:
        return self.rect().contains(pos)  # the words too, not only the track

    def paintEvent(self, event: QPaintEvent) -> None:
        colors = applied_colors()
        on, enabled = self.isChecked(), self.isEnabled()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        top = (self.height() - TRACK_HEIGHT) / 2
        track = QRectF(Space.XS, top, TRACK_WIDTH, TRACK_HEIGHT)
        radius = TRACK_HEIGHT / 2
        if self.hasFocus():  # a ring around the track, as the buttons' focus border
            painter.setPen(QPen(QColor(colors.focus), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            ring = track.adjusted(-3, -3, 3, 3)
            painter.drawRoundedRect(ring, radius + 3, radius + 3)
        fill = colors.accent if on and enabled else colors.surface
        edge = colors.accent if on and enabled else (colors.muted if enabled else colors.border)
        painter.setPen(QPen(QColor(edge), 2 if not on else 1))
        painter.setBrush(QColor(fill))
        painter.drawRoundedRect(track.adjusted(1, 1, -1, -1), radius - 1, radius - 1)
        knob_size = TRACK_HEIGHT - 2 * KNOB_INSET
        left = track.right() - KNOB_INSET - knob_size if on else track.left() + KNOB_INSET
        knob = QRectF(left, top + KNOB_INSET, knob_size, knob_size)
        painter.setPen(Qt.PenStyle.NoPen)
        knob_color = colors.accent_text if on and enabled else colors.muted
        if not enabled:
            knob_color = colors.border
        painter.setBrush(QColor(knob_color))
        painter.drawEllipse(knob)
        painter.setPen(QColor(colors.text if enabled else colors.muted))
        text_rect = self.rect().adjusted(int(track.right()) + Space.S, 0, 0, 0)
        painter.drawText(
            text_rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), self.text()
        )
        painter.end()
