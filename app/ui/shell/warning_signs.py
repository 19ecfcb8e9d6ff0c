"""The warning signs, most urgent first, with "call emergency services" impossible to miss."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core.content import WarningTier
from app.ui.shell.dialogs import run_with_close_button
from app.ui.shell.i18n import tr
from app.ui.shell.plain import plain
from app.ui.shell.theme import NIGHT, Colors, applied_colors

# Per tier: background and text colours that read on every theme (each box has its own).
TIER_COLORS = {
    "emergency": ("#7a1f1f", "#fff1ee"),
    "urgent": ("#6b4a12", "#fff4df"),
    "doctor": ("#2e3f4c", "#eef3f6"),
}


# The same order of alarm, dimmer, for the relief screen in a dark bedroom.
NIGHT_TIER_COLORS = {
    "emergency": ("#5e1a16", "#edcfc2"),
    "urgent": ("#4a3410", "#e6cfa6"),
    "doctor": ("#24303a", "#c9d2d8"),
}

# The night theme's boxes: no saturated red, amber or blue at night, only calm tints of the
# night's surface. The tiers still differ without colour: the most urgent has the largest
# title and the widest edge down its left side (background, text, edge).
NIGHT_THEME_TIER_COLORS = {
    "emergency": ("#2a1512", "#e0bfa8", "#a0584a"),
    "urgent": ("#241a10", "#d9bf98", "#8f6a3c"),
    "doctor": ("#1a1a17", "#c9b9a0", "#6c6658"),
}
EDGE_WIDTHS = {"emergency": 8, "urgent": 5, "doctor": 2}


def tier_colors(colors: Colors) -> Mapping[str, tuple[str, ...]]:
    """The boxes' colours for the theme on screen."""
    return NIGHT_THEME_TIER_COLORS if colors == NIGHT else TIER_COLORS


class WarningSignsView(QWidget):
    def __init__(
        self,
        tiers: list[WarningTier],
        language: str,
        parent: QWidget | None = None,
        colors: Mapping[str, tuple[str, ...]] | None = None,
    ):
        super().__init__(parent)
        colors = colors or tier_colors(applied_colors())
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        for tier in tiers:
            background, text, *edge = colors.get(tier.id, colors["doctor"])
            # An edge where one is given (the night theme's calm boxes): its width says
            # the tier as well as its colour does.
            left = f"border-left: {EDGE_WIDTHS.get(tier.id, 2)}px solid {edge[0]};" if edge else ""
            box = QFrame()
            box.setObjectName(f"tier-{tier.id}")
            box.setStyleSheet(
                f"QFrame#tier-{tier.id} {{ background: {background}; border-radius: 10px; {left} }}"
                f"QFrame#tier-{tier.id} QLabel {{ color: {text}; }}"
            )
            inner = QVBoxLayout(box)
            inner.setContentsMargins(16, 12, 16, 12)
            title = plain(QLabel(tier.title.get(language)))
            title.setWordWrap(True)
            title.setProperty("role", "title" if tier.id == "emergency" else "heading")
            inner.addWidget(title)
            for sign in tier.signs:
                line = plain(QLabel("• " + sign.text.get(language)))
                line.setWordWrap(True)
                line.setToolTip(sign.source)
                inner.addWidget(line)
            layout.addWidget(box)
        layout.addStretch(1)


def show_warning_signs(parent: QWidget, tiers: list[WarningTier], language: str) -> None:
    dialog = QDialog(parent)
    dialog.setWindowTitle(tr("Warning signs"))
    layout = QVBoxLayout(dialog)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(WarningSignsView(tiers, language))
    layout.addWidget(scroll)
    run_with_close_button(dialog, layout, 760, 640)
