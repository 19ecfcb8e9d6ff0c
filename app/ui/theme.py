"""Colours and type for the light, dark and night themes, applied to the whole application."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from app.core.settings import Theme


@dataclass(frozen=True)
class Colors:
    window: str
    surface: str  # cards and panels
    text: str
    muted: str  # secondary text
    accent: str  # buttons, progress, focus
    accent_text: str
    hold: str  # the phase label while holding or working
    rest: str  # the phase label while resting or getting ready
    border: str
    warning_bg: str
    warning_text: str
    picture_brightness: float = 1.0  # pictures are the brightest thing on screen: dim at night


LIGHT = Colors(
    window="#f4f2ee",
    surface="#ffffff",
    text="#1f2328",
    muted="#5b6169",
    accent="#2f6f7e",
    accent_text="#ffffff",
    hold="#b4532a",
    rest="#2f6f7e",
    border="#d9d4cc",
    warning_bg="#fbefd5",
    warning_text="#5c3b00",
)
DARK = Colors(
    window="#1e1f22",
    surface="#2a2c30",
    text="#e6e4df",
    muted="#a7a39b",
    accent="#5fa8b8",
    accent_text="#0f1416",
    hold="#e49a6a",
    rest="#7fbccb",
    border="#3b3e44",
    warning_bg="#3d3220",
    warning_text="#f0d9a8",
)
# Night: for a dark bedroom. Dim, warm, low contrast, no pure white anywhere.
NIGHT = Colors(
    window="#120e0b",
    surface="#1c1612",
    text="#c9ad8a",
    muted="#8a7660",
    accent="#8a5a34",
    accent_text="#f0dcc0",
    hold="#c98a5a",
    rest="#9a8466",
    border="#2c231c",
    warning_bg="#2a1e14",
    warning_text="#d9b88f",
    picture_brightness=0.6,
)


def system_prefers_dark() -> bool:
    # The platform theme hands Qt a dark palette when the desktop is dark. Asking
    # styleHints().colorScheme() would touch the Qt namespace, ~40 ms before the first paint.
    window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
    return window.lightness() < 128


def colors_for(theme: Theme) -> Colors:
    if theme is Theme.NIGHT:
        return NIGHT
    if theme is Theme.DARK or (theme is Theme.SYSTEM and system_prefers_dark()):
        return DARK
    return LIGHT


def apply_theme(app: QApplication, theme: Theme) -> Colors:
    """Set the palette and style sheet for `theme`; returns the colours chosen."""
    colors = colors_for(theme)
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: colors.window,
        QPalette.ColorRole.WindowText: colors.text,
        QPalette.ColorRole.Base: colors.surface,
        QPalette.ColorRole.AlternateBase: colors.window,
        QPalette.ColorRole.Text: colors.text,
        QPalette.ColorRole.Button: colors.surface,
        QPalette.ColorRole.ButtonText: colors.text,
        QPalette.ColorRole.Highlight: colors.accent,
        QPalette.ColorRole.HighlightedText: colors.accent_text,
        QPalette.ColorRole.ToolTipBase: colors.surface,
        QPalette.ColorRole.ToolTipText: colors.text,
        QPalette.ColorRole.PlaceholderText: colors.muted,
        QPalette.ColorRole.Link: colors.accent,
        QPalette.ColorRole.Mid: colors.border,
    }
    for role, value in roles.items():
        palette.setColor(role, QColor(value))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(colors.muted))
    app.setPalette(palette)
    app.setStyleSheet(style_sheet(colors))
    return colors


def style_sheet(c: Colors) -> str:
    return f"""
    QPushButton#card {{ text-align: left; }}
    QPushButton#card, QPushButton#card:default {{
        background: {c.surface}; border: 1px solid {c.border}; border-radius: 10px;
    }}
    QPushButton#card:focus, QPushButton#card:hover {{ border: 2px solid {c.accent}; }}
    QLabel[role="title"] {{ font-size: 20pt; font-weight: 600; }}
    QLabel[role="heading"] {{ font-size: 14pt; font-weight: 600; }}
    QLabel[role="muted"] {{ color: {c.muted}; }}
    QLabel[role="tag"] {{
        color: {c.muted}; border: 1px solid {c.border}; border-radius: 8px; padding: 1px 8px;
    }}
    QFrame#notice {{
        background: {c.warning_bg}; border-radius: 8px;
    }}
    QFrame#notice QLabel {{ color: {c.warning_text}; }}
    QPushButton {{
        background: {c.surface}; color: {c.text}; border: 1px solid {c.border};
        border-radius: 8px; padding: 8px 16px; min-height: 1.6em;
    }}
    QPushButton:hover, QPushButton:focus {{ border: 2px solid {c.accent}; }}
    QPushButton[role="primary"] {{
        background: {c.accent}; color: {c.accent_text}; border: none; font-weight: 600;
    }}
    QPushButton[role="primary"]:focus {{ border: 2px solid {c.text}; }}
    QPushButton#cramp-now {{
        background: {c.hold}; color: {c.window}; border: none; font-weight: 600;
        padding: 4px 16px; margin: 2px 6px; min-height: 1.2em;
    }}
    QPushButton#cramp-now:focus, QPushButton#cramp-now:hover {{ border: 2px solid {c.text}; }}
    QProgressBar {{
        background: {c.surface}; border: none; border-radius: 4px; max-height: 8px;
    }}
    QProgressBar::chunk {{ background: {c.accent}; border-radius: 4px; }}
    QCheckBox, QRadioButton {{ spacing: 10px; }}
    QCheckBox::indicator, QRadioButton::indicator {{
        width: 18px; height: 18px; border: 2px solid {c.muted}; background: {c.surface};
    }}
    QCheckBox::indicator {{ border-radius: 4px; }}
    QRadioButton::indicator {{ border-radius: 11px; }}
    QCheckBox::indicator:checked, QRadioButton::indicator:checked {{
        background: {c.accent}; border-color: {c.accent};
    }}
    QCheckBox::indicator:focus, QRadioButton::indicator:focus {{ border-color: {c.text}; }}
    QScrollArea {{ border: none; background: transparent; }}
    QScrollArea > QWidget > QWidget {{ background: transparent; }}
    """
