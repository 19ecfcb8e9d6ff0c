"""How bright a painted screen is, measured as the eye would in a dark room.

Shared by the tests of the night theme and of the relief screen: each pixel's WCAG relative
luminance (0 black, 1 white), its mean over the image, and the share of pixels brighter than
a threshold (the ones that glare).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QImage


def _linear(value: int) -> float:
    channel = value / 255
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


_LINEAR = [_linear(value) for value in range(256)]


@dataclass(frozen=True)
class Light:
    mean: float  # mean relative luminance, 0 to 1
    bright_share: float  # share of the pixels brighter than the threshold asked for

    def __str__(self) -> str:
        return f"mean luminance {self.mean:.3f}, {self.bright_share:.2%} bright"


def measure_light(image: QImage, bright_above: float = 0.8, step: int = 2) -> Light:
    """The image's light; every `step`-th pixel of every `step`-th row (text is never
    thinner than two pixels, so nothing bright is missed for long)."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    width, height = image.width(), image.height()
    assert width and height, "nothing was painted"
    data = bytes(image.constBits())
    line = image.bytesPerLine()
    total = bright = 0
    luminance_sum = 0.0
    for y in range(0, height, step):
        row = y * line
        for x in range(0, width, step):
            offset = row + 4 * x  # B, G, R, A in memory on little-endian machines
            value = (
                0.0722 * _LINEAR[data[offset]]
                + 0.7152 * _LINEAR[data[offset + 1]]
                + 0.2126 * _LINEAR[data[offset + 2]]
            )
            luminance_sum += value
            bright += value > bright_above
            total += 1
    return Light(luminance_sum / total, bright / total)
