"""Render Unknot's SVG icons in ``assets/icons/`` to PNGs at the sizes desktops ask for.

    uv run python scripts/make_icons.py [--preview /tmp/icons-preview.png]

The SVGs are the sources; the PNGs exist because some platforms (X11 tray
hosts, Windows .ico builders, packagers) want bitmaps at fixed sizes, and
rendering them here once means the app never depends on the SVG plugin at
run time for its window icon. Rendering uses Qt's own SVG renderer, the one
the app uses, so what is checked here is what users see.

``--preview`` also writes a check sheet: the 16, 24 and 32 px renders on a
white and on a near-black strip, scaled up 8x with nearest-neighbour so each
pixel can be judged, which is how legibility at 16 px was checked.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

# Must be set before Qt is imported: this runs on build machines and CI
# without a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS_DIR = Path(__file__).resolve().parents[1] / "assets" / "icons"

# Source SVG stem -> pixel sizes to render. The app icon covers window
# decorations, task bars, launchers and about boxes; the tray variant covers
# the 16-24 px system-tray slots plus HiDPI doubles.
TARGETS: dict[str, tuple[int, ...]] = {
    "unknot": (16, 24, 32, 48, 64, 128, 256),
    "unknot-tray": (16, 22, 24, 32, 48),
}

PREVIEW_SIZES = (16, 24, 32)
PREVIEW_SCALE = 8
PREVIEW_BACKGROUNDS = ("#ffffff", "#121212")  # a light and a dark panel
PREVIEW_GAP = 8  # pixels between icons, before scaling


def render(renderer: QSvgRenderer, size: int) -> QImage:
    """Render the SVG into a transparent ``size`` x ``size`` image."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def load(path: Path) -> QSvgRenderer:
    """Load an SVG, failing loudly rather than rendering an empty image."""
    renderer = QSvgRenderer(str(path))
    if not renderer.isValid():
        raise SystemExit(f"invalid SVG: {path}")
    return renderer


def write_preview(path: Path, icons_dir: Path) -> None:
    """Write the 8x nearest-neighbour check sheet described in the module docstring."""
    stems = list(TARGETS)
    cell = max(PREVIEW_SIZES) + PREVIEW_GAP
    strip_w = PREVIEW_GAP + cell * len(PREVIEW_SIZES) * len(stems)
    strip_h = max(PREVIEW_SIZES) + 2 * PREVIEW_GAP
    sheet = QImage(strip_w, strip_h * len(PREVIEW_BACKGROUNDS), QImage.Format.Format_RGB32)
    painter = QPainter(sheet)
    for row, colour in enumerate(PREVIEW_BACKGROUNDS):
        top = row * strip_h
        painter.fillRect(0, top, strip_w, strip_h, QColor(colour))
        x = PREVIEW_GAP
        for stem in stems:
            for size in PREVIEW_SIZES:
                icon = QImage(str(icons_dir / f"{stem}-{size}.png"))
                if icon.isNull():
                    # The tray set has no 16/24/32 gap today, but do not crash if it ever does.
                    icon = render(load(icons_dir / f"{stem}.svg"), size)
                painter.drawImage(x, top + PREVIEW_GAP, icon)
                x += cell
    painter.end()
    big = sheet.scaled(
        sheet.width() * PREVIEW_SCALE,
        sheet.height() * PREVIEW_SCALE,
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.FastTransformation,  # nearest neighbour: show real pixels
    )
    if not big.save(str(path)):
        raise SystemExit(f"could not write {path}")


def main(argv: Sequence[str] | None = None) -> None:
    """Render every target PNG and, if asked, the preview sheet."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--icons", type=Path, default=ICONS_DIR, help="icons directory")
    parser.add_argument("--preview", type=Path, help="also write an 8x check sheet here")
    args = parser.parse_args(argv)
    icons_dir: Path = args.icons

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    for stem, sizes in TARGETS.items():
        renderer = load(icons_dir / f"{stem}.svg")
        for size in sizes:
            out = icons_dir / f"{stem}-{size}.png"
            if not render(renderer, size).save(str(out)):
                raise SystemExit(f"could not write {out}")
            print(f"{out.name:<22}{size:>4} px{out.stat().st_size:>8} bytes")
    if args.preview is not None:
        write_preview(args.preview, icons_dir)
        print(f"preview: {args.preview}")


if __name__ == "__main__":
    main()
