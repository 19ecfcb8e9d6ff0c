"""Colours and type for the light, dark and night themes, applied to the whole application."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from app.core.settings import Theme


class Space:
    """The spacing scale, in pixels: every margin and gap is one of these."""

    XS = 4
    S = 8
    M = 12
    L = 16
    XL = 24
    XXL = 32


class Radius:
    """Corner radii, in pixels."""

    S = 6  # fields, chips' inner parts
    M = 8  # buttons, notices
    L = 12  # cards, panels
    PILL = 16  # chips and the switch: fully round at their height


class Type:
    """Type sizes, in points, for a desktop font of BODY points (the application's font is at
    least BODY); a larger desktop font scales them all alike (see `text_scale`)."""

    SMALL = 10
    BODY = 11
    LEAD = 13  # a line that leads a card or a page section
    HEADING = 15
    TITLE = 20
    DISPLAY = 28


# A page's margins (left, top, right, bottom) under the header.
PAGE_MARGINS = (Space.XL, Space.L, Space.XL, Space.L)


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
    selected: str  # the current view, a chosen chip: a quiet tint, text reads on it
    # The focus ring: 3:1 at least against the window, cards and the selected tint, so a
    # keyboard user sees where they are. A filled button's ring is the text colour instead.
    focus: str
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
    selected="#dbe9ec",
    focus="#2f6f7e",
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
    selected="#2b4148",
    focus="#5fa8b8",
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
    selected="#33251a",
    focus="#a8774a",  # the accent is too dim to find on the night's dark window
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
# How much larger than BODY the desktop's font is (1 at most desktops); set by apply_theme.
_text_scale = [1.0]


def text_scale() -> float:
    return _text_scale[0]


def scaled_pt(size: float) -> str:
    """A type size for a style sheet, grown with the desktop's font: "15.0pt" at 11 pt."""
    return f"{size * _text_scale[0]:.1f}pt"


def applied_colors() -> Colors:
    """The colours the application shows now: for a dialog that paints some of its own."""
    return _applied[-1] if _applied else colors_for(Theme.SYSTEM)


def apply_theme(app: QApplication, theme: Theme, images: Path | None = None) -> Colors:
    """Set the palette and style sheet for `theme`; returns the colours chosen. With
    `images`, a folder of the user's, checkboxes show a tick drawn there in the theme's
    colours (a style sheet takes its pictures from files only)."""
    colors = colors_for(theme)
    _applied[:] = [colors]
    # The desktop's font size, followed: the application's font is the desktop's (at least
    # BODY), and every other type size grows with it.
    _text_scale[0] = max(1.0, app.font().pointSizeF() / Type.BODY)
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
    app.setStyleSheet(style_sheet(colors, tick_file(images, colors) if images else None))
    from app.ui.shell.icons import recolour

    recolour(colors)
    return colors


def tick_file(folder: Path, colors: Colors) -> Path | None:
    """The tick for a checked checkbox, in the colour that reads on the accent: written once
    per colour (a few hundred bytes), then found. None when it cannot be written."""
    path = folder / f"tick-{colors.accent_text.lstrip('#')}.svg"
    if path.exists():
        return path
    from app.core.resources import ICONS_DIR

    drawn = (ICONS_DIR / "ui" / "check.svg").read_bytes()
    drawn = drawn.replace(b'stroke-width="2"', b'stroke-width="3"')
    try:
        folder.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".part")
        partial.write_bytes(drawn.replace(b"currentColor", colors.accent_text.encode()))
        partial.replace(path)
    except OSError:
        return None
    return path


def style_sheet(c: Colors, tick: Path | None = None) -> str:
    """The whole application's style sheet, from the theme's colours and the tokens above."""
    s, r = Space, Radius

    class pt:  # noqa: N801  (the tokens' names, scaled)
        DISPLAY = f"{Type.DISPLAY * text_scale():.1f}"
        TITLE = f"{Type.TITLE * text_scale():.1f}"
        HEADING = f"{Type.HEADING * text_scale():.1f}"
        LEAD = f"{Type.LEAD * text_scale():.1f}"
        BODY = f"{Type.BODY * text_scale():.1f}"
        SMALL = f"{Type.SMALL * text_scale():.1f}"

    checked = f'image: url("{tick.as_posix()}");' if tick is not None else ""
    return f"""
    QLabel[role="display"] {{ font-size: {pt.DISPLAY}pt; font-weight: 600; }}
    QLabel[role="title"] {{ font-size: {pt.TITLE}pt; font-weight: 600; }}
    QLabel[role="heading"] {{ font-size: {pt.HEADING}pt; font-weight: 600; }}
    QLabel[role="lead"] {{ font-size: {pt.LEAD}pt; }}
    QLabel[role="label"] {{ font-weight: 600; }}
    QLabel[role="muted"] {{ color: {c.muted}; }}
    QLabel[role="small"] {{ color: {c.muted}; font-size: {pt.SMALL}pt; }}
    QLabel[role="tag"] {{
        color: {c.muted}; border: 1px solid {c.border}; border-radius: {r.M}px;
        padding: 1px {s.S}px;
    }}
    QFrame[role="panel"] {{
        background: {c.surface}; border: 1px solid {c.border}; border-radius: {r.L}px;
    }}
    QFrame#notice {{ background: {c.warning_bg}; border-radius: {r.M}px; }}
    QFrame#notice QLabel {{ color: {c.warning_text}; }}
    QFrame#notice QPushButton {{
        background: transparent; color: {c.warning_text}; border: 1px solid {c.warning_text};
        padding: {s.XS}px {s.M}px;
    }}
    QFrame#notice QPushButton:hover, QFrame#notice QPushButton:focus {{
        border: 2px solid {c.warning_text};
    }}
    QPushButton#card {{ text-align: left; }}
    QPushButton#card, QPushButton#card:default {{
        background: {c.surface}; border: 1px solid {c.border}; border-radius: {r.L}px;
    }}
    QPushButton#card:hover {{ border: 2px solid {c.accent}; }}
    QPushButton#card:focus {{ border: 2px solid {c.focus}; }}
    QPushButton {{
        background: {c.surface}; color: {c.text}; border: 1px solid {c.border};
        border-radius: {r.M}px; padding: {s.S}px {s.L}px; min-height: 1.6em;
    }}
    QPushButton:hover {{ border: 2px solid {c.accent}; }}
    QPushButton:focus {{ border: 2px solid {c.focus}; }}
    QPushButton[role="primary"] {{
        background: {c.accent}; color: {c.accent_text}; border: none; font-weight: 600;
    }}
    QPushButton[role="primary"]:focus, QPushButton[role="primary"]:hover {{
        border: 2px solid {c.text};
    }}
    QPushButton[role="quiet"], QPushButton[role="icon"] {{
        background: transparent; border: 1px solid transparent;
    }}
    QPushButton[role="icon"] {{ padding: {s.S}px; }}
    QPushButton[role="quiet"]:hover, QPushButton[role="icon"]:hover {{
        background: {c.surface}; border: 1px solid {c.border};
    }}
    QPushButton[role="quiet"]:focus, QPushButton[role="icon"]:focus {{
        border: 2px solid {c.focus};
    }}
    QPushButton[role="chip"] {{
        background: transparent; color: {c.text}; border: 1px solid {c.border};
        border-radius: {r.PILL}px; padding: {s.XS}px {s.M}px; min-height: 1.4em;
    }}
    QPushButton[role="chip"]:checked {{
        background: {c.selected}; border: 1px solid {c.accent}; font-weight: 600;
    }}
    QPushButton[role="chip"]:hover {{ border: 2px solid {c.accent}; }}
    QPushButton[role="chip"]:focus {{ border: 2px solid {c.focus}; }}
    QWidget#header {{ background: {c.window}; border-bottom: 1px solid {c.border}; }}
    QPushButton[role="view"] {{
        background: transparent; color: {c.muted}; border: 1px solid transparent;
        border-radius: {r.M}px; padding: {s.S - 2}px {s.M}px; min-height: 1.4em;
    }}
    QPushButton[role="view"]:checked {{ background: {c.selected}; color: {c.text}; }}
    QPushButton[role="view"]:hover {{ color: {c.text}; border: 1px solid {c.border}; }}
    QPushButton[role="view"]:focus {{ border: 2px solid {c.focus}; }}
    QPushButton#cramp-now {{
        background: {c.hold}; color: {c.window}; border: none; font-weight: 600;
        font-size: {pt.LEAD}pt; padding: {s.S}px {s.L}px; min-height: 1.4em;
    }}
    QPushButton#cramp-now:focus, QPushButton#cramp-now:hover {{ border: 2px solid {c.text}; }}
    QPushButton:disabled, QPushButton[role="primary"]:disabled {{
        background: transparent; color: {c.muted}; border: 1px dashed {c.border};
        font-weight: normal;
    }}
    QProgressBar {{
        background: {c.surface}; border: none; border-radius: {s.XS}px; max-height: {s.S}px;
    }}
    QProgressBar::chunk {{ background: {c.accent}; border-radius: {s.XS}px; }}
    QCheckBox, QRadioButton {{ spacing: {s.M - 2}px; }}
    QCheckBox::indicator, QRadioButton::indicator {{
        width: 18px; height: 18px; border: 2px solid {c.muted}; background: {c.surface};
    }}
    QCheckBox::indicator {{ border-radius: {s.XS}px; }}
    QRadioButton::indicator {{ border-radius: 11px; }}
    QCheckBox::indicator:checked, QRadioButton::indicator:checked {{
        background: {c.accent}; border-color: {c.accent};
    }}
    QCheckBox::indicator:checked {{ {checked} }}
    QCheckBox::indicator:focus, QRadioButton::indicator:focus {{ border-color: {c.text}; }}
    /* A ring round the box and its words: the box's own edge alone changes too little. */
    QCheckBox, QRadioButton {{
        border: 2px solid transparent; border-radius: {r.S}px; padding: 2px {s.XS}px;
    }}
    QCheckBox:focus, QRadioButton:focus {{ border: 2px solid {c.focus}; }}
    QScrollBar:vertical {{ background: transparent; width: {s.M}px; margin: 0; }}
    QScrollBar:horizontal {{ background: transparent; height: {s.M}px; margin: 0; }}
    QScrollBar::handle {{ background: {c.border}; border-radius: {s.XS}px; margin: 2px; }}
    QScrollBar::handle:vertical {{ min-height: {s.XXL}px; }}
    QScrollBar::handle:horizontal {{ min-width: {s.XXL}px; }}
    QScrollBar::handle:hover {{ background: {c.muted}; }}
    QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; border: none; }}
    QScrollBar::add-page, QScrollBar::sub-page {{ background: transparent; }}
    QScrollArea {{ border: none; background: transparent; }}
    QScrollArea > QWidget > QWidget {{ background: transparent; }}
    QToolTip {{ background: {c.surface}; color: {c.text}; border: 1px solid {c.border}; }}
    QMenu {{ background: {c.surface}; color: {c.text}; border: 1px solid {c.border}; }}
    QMenu::item {{ padding: {s.XS + 2}px {s.XL}px {s.XS + 2}px {s.M}px; }}
    QMenu::item:selected {{ background: {c.selected}; color: {c.text}; }}
    QMenu::separator {{ height: 1px; background: {c.border}; margin: {s.XS}px {s.S}px; }}
    QMenuBar {{ background: {c.window}; color: {c.text}; }}
    QMenuBar::item {{ padding: {s.XS}px {s.M - 2}px; }}
    QMenuBar::item:selected {{ background: {c.selected}; border-radius: {r.S}px; }}
    QTabWidget::pane {{
        background: {c.window}; border: 1px solid {c.border}; border-radius: {r.M}px;
        top: -1px;
    }}
    QTabBar::tab {{
        background: {c.window}; color: {c.muted}; border: 1px solid {c.border};
        border-top-left-radius: {r.S}px; border-top-right-radius: {r.S}px;
        padding: {s.XS + 1}px {s.M + 2}px; margin-right: 3px;
    }}
    QTabBar::tab:selected {{ background: {c.surface}; color: {c.text}; }}
    QTabBar::tab:focus {{ border: 2px solid {c.focus}; }}
    QTableView {{
        background: {c.surface}; alternate-background-color: {c.window}; color: {c.text};
        gridline-color: {c.border}; border: 1px solid {c.border};
        selection-background-color: {c.accent}; selection-color: {c.accent_text};
    }}
    QHeaderView::section {{
        background: {c.window}; color: {c.text}; border: none;
        border-bottom: 1px solid {c.border}; border-right: 1px solid {c.border};
        padding: {s.XS}px {s.S}px;
    }}
    QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox, QComboBox {{
        background: {c.surface}; color: {c.text}; border: 1px solid {c.border};
        border-radius: {r.S}px; padding: 3px {s.S - 2}px;
        selection-background-color: {c.accent}; selection-color: {c.accent_text};
    }}
    QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QAbstractSpinBox:focus,
    QComboBox:focus {{ border: 2px solid {c.focus}; }}
    QTableView:focus {{ border: 2px solid {c.focus}; }}
    QComboBox QAbstractItemView {{ background: {c.surface}; color: {c.text}; }}
    QMessageBox, QDialog {{ background: {c.window}; }}
    """
