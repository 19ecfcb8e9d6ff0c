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
    hold="#a84c26",  # dark enough that "Cramp now" in the window colour reads on it
    rest="#2f6f7e",
    border="#bdb6ab",
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
    border="#50545b",
    warning_bg="#3d3220",
    warning_text="#f0d9a8",
)
# Night: for a dark bedroom. Dim and warm, no pure white anywhere; yet every text reads at
# 4.5:1 at least, and every edge (cards, buttons, fields) stands out at 1.5:1, so nothing
# has to be guessed at half asleep.
NIGHT = Colors(
    window="#120e0b",
    surface="#1c1612",
    text="#c9ad8a",
    muted="#98826a",
    accent="#7a4f2d",
    accent_text="#f0dcc0",
    hold="#c98a5a",
    rest="#9a8466",
    border="#4f3f31",
    warning_bg="#2a1e14",
    warning_text="#d9b88f",
    picture_brightness=0.6,
)


def relative_luminance(color: str) -> float:
    """WCAG 2 relative luminance of a "#rrggbb" colour: 0 for black, 1 for white."""
    rgb = QColor(color)
    channels = []
    for value in (rgb.redF(), rgb.greenF(), rgb.blueF()):
        channels.append(value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4)
    red, green, blue = channels
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2 contrast ratio between two colours, from 1 (none) to 21 (black on white)."""
    darker, lighter = sorted((relative_luminance(first), relative_luminance(second)))
    return (lighter + 0.05) / (darker + 0.05)


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


_applied: list[Colors] = []  # the colours on screen, once a theme has been applied


def applied_colors() -> Colors:
    """The colours the application shows now: for a dialog that paints some of its own."""
    return _applied[-1] if _applied else colors_for(Theme.SYSTEM)


def apply_theme(app: QApplication, theme: Theme) -> Colors:
    """Set the palette and style sheet for `theme`; returns the colours chosen."""
    colors = colors_for(theme)
    _applied[:] = [colors]
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
    from app.ui.shell.icons import recolour

    recolour(colors)
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
    QPushButton:disabled, QPushButton[role="primary"]:disabled {{
        background: transparent; color: {c.muted}; border: 1px dashed {c.border};
        font-weight: normal;
    }}
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
    QToolTip {{ background: {c.surface}; color: {c.text}; border: 1px solid {c.border}; }}
    QMenu {{ background: {c.surface}; color: {c.text}; border: 1px solid {c.border}; }}
    QMenu::separator {{ height: 1px; background: {c.border}; margin: 4px 8px; }}
    QMenuBar {{ background: {c.window}; color: {c.text}; }}
    QMenuBar::item:selected {{ background: {c.surface}; }}
    QTabWidget::pane {{
        background: {c.window}; border: 1px solid {c.border}; border-radius: 8px; top: -1px;
    }}
    QTabBar::tab {{
        background: {c.window}; color: {c.muted}; border: 1px solid {c.border};
        border-top-left-radius: 6px; border-top-right-radius: 6px;
        padding: 5px 14px; margin-right: 3px;
    }}
    QTabBar::tab:selected {{ background: {c.surface}; color: {c.text}; }}
    QTabBar::tab:focus {{ border-color: {c.accent}; }}
    QTableView {{
        background: {c.surface}; alternate-background-color: {c.window}; color: {c.text};
        gridline-color: {c.border}; border: 1px solid {c.border};
        selection-background-color: {c.accent}; selection-color: {c.accent_text};
    }}
    QHeaderView::section {{
        background: {c.window}; color: {c.text}; border: none;
        border-bottom: 1px solid {c.border}; border-right: 1px solid {c.border};
        padding: 4px 8px;
    }}
    QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox, QComboBox {{
        background: {c.surface}; color: {c.text}; border: 1px solid {c.border};
        border-radius: 6px; padding: 3px 6px;
        selection-background-color: {c.accent}; selection-color: {c.accent_text};
    }}
    QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QAbstractSpinBox:focus,
    QComboBox:focus {{ border: 2px solid {c.accent}; }}
    QComboBox QAbstractItemView {{ background: {c.surface}; color: {c.text}; }}
    QMessageBox, QDialog {{ background: {c.window}; }}
    """
