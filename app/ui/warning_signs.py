"""The warning signs, most urgent first, with "call emergency services" impossible to miss."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core.content import WarningTier
from app.ui.dialogs import run_with_close_button

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


class WarningSignsView(QWidget):
    def __init__(
        self,
        tiers: list[WarningTier],
        language: str,
        parent: QWidget | None = None,
        colors: dict[str, tuple[str, str]] | None = None,
    ):
        super().__init__(parent)
        colors = colors or TIER_COLORS
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        for tier in tiers:
            background, text = colors.get(tier.id, colors["doctor"])
            box = QFrame()
            box.setObjectName(f"tier-{tier.id}")
            box.setStyleSheet(
                f"QFrame#tier-{tier.id} {{ background: {background}; border-radius: 10px; }}"
                f"QFrame#tier-{tier.id} QLabel {{ color: {text}; }}"
            )
            inner = QVBoxLayout(box)
            inner.setContentsMargins(16, 12, 16, 12)
            title = QLabel(tier.title.get(language))
            title.setWordWrap(True)
            title.setProperty("role", "title" if tier.id == "emergency" else "heading")
            inner.addWidget(title)
            for sign in tier.signs:
                line = QLabel("• " + sign.text.get(language))
                line.setWordWrap(True)
                line.setToolTip(sign.source)
                inner.addWidget(line)
            layout.addWidget(box)
        layout.addStretch(1)


def show_warning_signs(parent: QWidget, tiers: list[WarningTier], language: str) -> None:
    dialog = QDialog(parent)
    dialog.setWindowTitle(dialog.tr("Warning signs"))
    layout = QVBoxLayout(dialog)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(WarningSignsView(tiers, language))
    layout.addWidget(scroll)
    run_with_close_button(dialog, layout, 760, 640)
