"""Render every pose in poses.yaml to assets/illustrations and a contact sheet.

    uv run python scripts/illustrations/render_all.py [pose_id ...]

Writes <id>-a.svg and <id>-b.svg per pose, then docs/illustrations.png: every
A/B pair on a light, a dark and a night background strip, labelled outside
the drawings. Any anatomy check failure stops the run before anything is
written, so a broken pose never reaches the app.
"""

from __future__ import annotations

import copy
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import rig

ROOT = Path(__file__).resolve().parents[2]
POSES = Path(__file__).resolve().parent / "poses.yaml"
OUT_DIR = ROOT / "assets" / "illustrations"
SHEET = ROOT / "docs" / "illustrations.png"

# Light, dark and night, each with the opacity the app draws pictures at over it: the
# night theme and the relief screen dim them (app/ui/shell/theme.py, app/ui/relief/relief_steps.py),
# so the night strip shows the dimmest of the two, the relief screen at 3 a.m.
BACKGROUNDS = (("#f4f2ee", 1.0), ("#202124", 1.0), ("#120e0b", 0.55))
CELL_H = 200  # the size the app's smallest card shows a picture at
CELL_W = CELL_H * rig.WIDTH // rig.HEIGHT
LABEL_W = 110
GAP = 8


def merge(base: Any, over: Any) -> Any:
    """Deep merge: frame B only lists what changes from frame A; a null
    value deletes the key (e.g. swap `reach` for joint angles)."""
    if isinstance(base, dict) and isinstance(over, dict):
        out = copy.deepcopy(base)
        for k, v in over.items():
            if v is None:
                out.pop(k, None)
            else:
                out[k] = merge(base.get(k), v) if k in base else copy.deepcopy(v)
        return out
    return copy.deepcopy(over)


def frames(entry: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Resolve a pose entry to full A and B frame specs (B inherits A)."""
    shared = {k: v for k, v in entry.items() if k not in ("a", "b")}
    a = merge(shared, entry["a"])
    b = merge(a, entry.get("b") or {})
    return {"a": a, "b": b}


def build(pose_id: str, frame: dict[str, Any]) -> str:
    fig = rig.pose(frame)
    problems = rig.check_pose(fig, frame.get("checks", []))
    if problems:
        raise SystemExit(f"{pose_id}: " + "; ".join(problems))
    return rig.render_svg(fig, frame.get("props", []), frame.get("zoom"))


def render_svgs(only: list[str]) -> list[str]:
    data = yaml.safe_load(POSES.read_text(encoding="utf-8"))
    built: dict[str, str] = {}
    for pose_id, entry in data["poses"].items():
        if pose_id.startswith("_"):  # YAML anchors for shared pieces, not poses
            continue
        if only and pose_id not in only:
            continue
        for name, frame in frames(entry).items():
            built[f"{pose_id}-{name}"] = build(pose_id, frame)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for stem, svg in built.items():
        (OUT_DIR / f"{stem}.svg").write_text(svg, encoding="utf-8")
    return list(dict.fromkeys(stem.rsplit("-", 1)[0] for stem in built))


def contact_sheet(pose_ids: list[str], out: Path) -> None:
    """Every pair, three background strips per row, rendered the way the app
    will render them (QSvgRenderer), so what is checked here is what ships."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    strip_w = 2 * CELL_W + 3 * GAP
    width = LABEL_W + len(BACKGROUNDS) * strip_w
    row_h = CELL_H + 2 * GAP
    image = QImage(width, row_h * len(pose_ids), QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(QFont("DejaVu Sans", 11))
    for row, pose_id in enumerate(pose_ids):
        y = row * row_h
        painter.setPen(QColor("#333333"))
        painter.drawText(QRectF(6, y, LABEL_W - 8, row_h), Qt.AlignmentFlag.AlignVCenter, pose_id)
        for i, (bg, opacity) in enumerate(BACKGROUNDS):
            x0 = LABEL_W + i * strip_w
            painter.fillRect(QRectF(x0, y, strip_w - GAP, row_h - 2), QColor(bg))
            for j, frame in enumerate("ab"):
                # As the app does: the picture rendered once, then drawn at its opacity
                # (dimming each shape on its own would show outlines through fills).
                picture = QImage(CELL_W, CELL_H, QImage.Format.Format_ARGB32_Premultiplied)
                picture.fill(QColor(0, 0, 0, 0))
                cell_painter = QPainter(picture)
                cell_painter.setRenderHint(QPainter.RenderHint.Antialiasing)
                QSvgRenderer(str(OUT_DIR / f"{pose_id}-{frame}.svg")).render(cell_painter)
                cell_painter.end()
                painter.setOpacity(opacity)
                painter.drawImage(x0 + GAP + j * (CELL_W + GAP), y + GAP, picture)
                painter.setOpacity(1.0)
    painter.end()
    out.parent.mkdir(parents=True, exist_ok=True)
    image.save(str(out))


def main(argv: list[str]) -> None:
    only = argv[1:]
    pose_ids = render_svgs(only)
    # A partial run (named poses) previews to /tmp instead of the real sheet.
    out = SHEET if not only else Path(tempfile.gettempdir()) / "illustrations-preview.png"
    contact_sheet(pose_ids, out)
    print(f"{len(pose_ids)} poses -> {OUT_DIR.relative_to(ROOT)}, sheet -> {out}")


if __name__ == "__main__":
    main(sys.argv)
