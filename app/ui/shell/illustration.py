"""Shows an exercise's two poses, blended between A and B, mirrored for the other leg.

Each pose is rendered from its SVG once per size into a pixmap; the cross-fade then only
blends two pixmaps, so animating costs a copy per frame, not a vector render.

Cropped (`set_cropped`), the picture shows only what is drawn: the canvas is 400x300 with
the figure low on it, so a whole canvas leaves a band of nothing above the figure. The crop
is the drawn area of both poses together, so the figure does not jump between them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.core.routines import Illustration, Side

CROP_PROBE_WIDTH = 200  # the drawn area is found on a render this wide: a few ms
CROP_MARGIN = 0.04  # of the drawn area's larger side, so strokes never touch the edge
_crops: dict[tuple[str, ...], QRectF | None] = {}  # by the poses' paths: found once per run


def drawn_area(renderers: list[QSvgRenderer]) -> QRectF | None:
    """The part of the view box where `renderers` draw anything, with a small margin."""
    if not renderers:
        return None
    view = renderers[0].viewBoxF()
    if view.width() <= 0 or view.height() <= 0:
        return None
    scale = CROP_PROBE_WIDTH / view.width()
    width, height = CROP_PROBE_WIDTH, max(1, round(view.height() * scale))
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    for renderer in renderers:
        renderer.render(painter, QRectF(0, 0, width, height))
    painter.end()
    rows: list[int] = []
    left, right = width, -1
    line = image.bytesPerLine()
    data = bytes(image.constBits())
    for y in range(height):
        alpha = data[y * line + 3 : y * line + width * 4 : 4]  # ARGB32 is B, G, R, A in memory
        stripped = alpha.lstrip(b"\0")
        if not stripped:
            continue
        rows.append(y)
        left = min(left, width - len(stripped))
        right = max(right, len(alpha.rstrip(b"\0")) - 1)
    if not rows:
        return None
    margin = CROP_MARGIN * max(right - left + 1, rows[-1] - rows[0] + 1)
    box = QRectF(left - margin, rows[0] - margin, right - left + 1 + 2 * margin, 0)
    box.setBottom(rows[-1] + 1 + margin)
    box = box.intersected(QRectF(0, 0, width, height))
    return QRectF(
        view.x() + box.x() / scale,
        view.y() + box.y() / scale,
        box.width() / scale,
        box.height() / scale,
    )


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
        self._cropped = False
        self._crop: QRectF | None = None
        self._paths: tuple[str, ...] = ()
        self._reduced_motion = False
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 120)
        self.setAccessibleName(self.tr("Exercise picture"))

    def sizeHint(self) -> QSize:
        return QSize(480, 360)

    def set_illustration(self, illustration: Illustration | None, side: Side | None) -> None:
        """Show `illustration` for `side`: mirrored when the drawn leg is the other one."""
        poses = (illustration.pose_a, illustration.pose_b) if illustration else (None, None)
        paths = tuple(str(path) for path in poses if path is not None)
        if paths != self._paths or not paths:
            self._paths = paths
            self._renderers = [self._load(path) for path in poses]
            self._pixmaps.clear()
            self._crop = self._find_crop() if self._cropped else None
        self._mirrored = bool(illustration and side and side is not illustration.drawn_side)
        self.update()

    def set_cropped(self, cropped: bool) -> None:
        """Show only the drawn part of the poses, as large as it fits, centred."""
        self._cropped = cropped
        self._crop = self._find_crop() if cropped else None
        self._pixmaps.clear()
        self.update()

    def _find_crop(self) -> QRectF | None:
        loaded = [renderer for renderer in self._renderers if renderer is not None]
        if not loaded:
            return None
        if self._paths not in _crops:
            _crops[self._paths] = drawn_area(loaded)
        return _crops[self._paths]

    def set_reduced_motion(self, on: bool) -> None:
        """No cross-fade: a blend snaps to whichever pose it is nearer."""
        self._reduced_motion = on
        self.set_blend(self._blend)

    def set_blend(self, blend: float) -> None:
        blend = min(1.0, max(0.0, blend))
        if self._reduced_motion:
            blend = float(round(blend))
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
        view = self._crop or renderer.viewBoxF()
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
            renderer.render(painter, self._render_rect(renderer, target))
            painter.end()
            self._pixmaps[key] = pixmap
        return pixmap

    def _render_rect(self, renderer: QSvgRenderer, target: QRectF) -> QRectF:
        """Where the whole view box goes so that the crop fills `target` (the pixmap clips)."""
        if self._crop is None:
            return QRectF(0, 0, target.width(), target.height())
        view = renderer.viewBoxF()
        scale = target.width() / self._crop.width()
        return QRectF(
            (view.x() - self._crop.x()) * scale,
            (view.y() - self._crop.y()) * scale,
            view.width() * scale,
            view.height() * scale,
        )

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
