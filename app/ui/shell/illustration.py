"""Shows an exercise's two poses, blended between A and B, mirrored for the other leg.

Each pose is rendered from its SVG once per size into a pixmap; the cross-fade then only
blends two pixmaps, so animating costs a copy per frame, not a vector render.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.core.routines import Illustration, Side


class IllustrationWidget(QWidget):
    """Paints pose A and pose B cross-faded by `blend` (0 = A, 1 = B)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._renderers: list[QSvgRenderer | None] = [None, None]
        self._pixmaps: dict[tuple[int, int, int, float], QPixmap] = {}
        self._blend = 0.0
        self._mirrored = False
        self._brightness = 1.0
        self._placeholder_color = QColor("#8a8a8a")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 120)
        self.setAccessibleName(self.tr("Exercise picture"))

    def sizeHint(self) -> QSize:
        return QSize(480, 360)

    def set_illustration(self, illustration: Illustration | None, side: Side | None) -> None:
        """Show `illustration` for `side`: mirrored when the drawn leg is the other one."""
        poses = (illustration.pose_a, illustration.pose_b) if illustration else (None, None)
        self._renderers = [self._load(path) for path in poses]
        self._pixmaps.clear()
        self._mirrored = bool(illustration and side and side is not illustration.drawn_side)
        self.update()

    def set_blend(self, blend: float) -> None:
        blend = min(1.0, max(0.0, blend))
        if abs(blend - self._blend) > 0.001:
            self._blend = blend
            self.update()

    def set_brightness(self, brightness: float) -> None:
        """Below 1 the picture is drawn fainter over the dark background (the night theme)."""
        self._brightness = min(1.0, max(0.2, brightness))
        self.update()

    def set_placeholder_color(self, color: str) -> None:
        self._placeholder_color = QColor(color)

    @property
    def has_pictures(self) -> bool:
        return any(self._renderers)

    @staticmethod
    def _load(path: Path | None) -> QSvgRenderer | None:
        if path is None or path.suffix.lower() != ".svg":
            return None
        renderer = QSvgRenderer(str(path))
        return renderer if renderer.isValid() else None

    def _target(self, renderer: QSvgRenderer) -> QRectF:
        """The largest rectangle with the drawing's aspect ratio, centred in the widget."""
        view = renderer.viewBoxF()
        aspect = view.width() / view.height() if view.height() else 4 / 3
        width, height = float(self.width()), float(self.height())
        if width / height > aspect:
            width = height * aspect
        else:
            height = width / aspect
        return QRectF((self.width() - width) / 2, (self.height() - height) / 2, width, height)

    def _pixmap(self, index: int, renderer: QSvgRenderer, target: QRectF) -> QPixmap:
        ratio = self.devicePixelRatioF()
        key = (index, round(target.width()), round(target.height()), ratio)
        pixmap = self._pixmaps.get(key)
        if pixmap is None:
            if len(self._pixmaps) > 8:  # sizes from old window sizes are not needed again
                self._pixmaps.clear()
            pixmap = QPixmap(round(target.width() * ratio), round(target.height() * ratio))
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            renderer.render(painter, QRectF(0, 0, target.width(), target.height()))
            painter.end()
            self._pixmaps[key] = pixmap
        return pixmap

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        if self._mirrored:
            painter.translate(self.width(), 0)
            painter.scale(-1, 1)
        first, second = self._renderers
        if first is None and second is None:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._paint_placeholder(painter)
            return
        layers = [(0, first, 1.0 - self._blend), (1, second, self._blend)]
        for index, renderer, opacity in layers:
            # A pose that failed to load borrows the other one, so the picture never blinks.
            shown, shown_index = (renderer, index) if renderer else (first or second, 1 - index)
            if shown is not None and opacity > 0.001:
                target = self._target(shown)
                painter.setOpacity(opacity * self._brightness)
                painter.drawPixmap(target.topLeft(), self._pixmap(shown_index, shown, target))

    def _paint_placeholder(self, painter: QPainter) -> None:
        """A quiet outline of a figure, so a missing picture does not look like a fault."""
        side = min(self.width(), self.height()) * 0.6
        box = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
        pen = QPen(self._placeholder_color, max(2.0, side / 40))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.setOpacity(0.5)
        painter.drawRoundedRect(box, side / 10, side / 10)
        cx, top = box.center().x(), box.top()
        head = side * 0.09
        painter.drawEllipse(QRectF(cx - head, top + side * 0.14, head * 2, head * 2))
        neck, hip, feet = top + side * 0.32, top + side * 0.6, top + side * 0.86
        painter.drawLine(int(cx), int(neck), int(cx), int(hip))
        painter.drawLine(int(cx), int(hip), int(cx - side * 0.14), int(feet))
        painter.drawLine(int(cx), int(hip), int(cx + side * 0.14), int(feet))
        painter.drawLine(
            int(cx - side * 0.18),
            int(neck + side * 0.1),
            int(cx + side * 0.18),
            int(neck + side * 0.1),
        )
