"""Tables that read as calm lists: no grid, a quiet header, rows with room to breathe.

The diary's numbers and records are lists of facts, not spreadsheets to edit: a line under
each row is enough to follow it across, and the header names its columns in the muted colour
so that the figures come first.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QTableView

from app.ui.shell.theme import Colors

ROW_PADDING = 14  # pixels added to a line of text for a row's height
CELL_PADDING = 10  # pixels each side of a cell's text
# What a column needs beside its text, each side: the padding, the style's own margin, and
# the header's bold letters over plain ones.
CELL_ROOM = CELL_PADDING + 8


def make_list(view: QTableView) -> None:
    """Set `view` up as a list: rows selected whole, no grid, no row numbers."""
    view.setShowGrid(False)
    view.setAlternatingRowColors(False)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    header = view.horizontalHeader()
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setHighlightSections(False)
    header.setSectionsClickable(False)
    fit_rows(view)


def fit_rows(view: QTableView) -> None:
    """Rows as tall as a line of the view's font and some room, at any scale and font."""
    rows = view.verticalHeader()
    height = view.fontMetrics().height() + ROW_PADDING
    rows.setMinimumSectionSize(height)
    rows.setDefaultSectionSize(height)


def _between(first: str, second: str, share: float) -> str:
    """A colour `share` of the way from `first` to `second`."""
    a, b = QColor(first), QColor(second)
    mixed = QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * share,
        a.greenF() + (b.greenF() - a.greenF()) * share,
        a.blueF() + (b.blueF() - a.blueF()) * share,
    )
    return mixed.name()


def list_style_sheet(c: Colors) -> str:
    """The style of a list in the theme's colours, for the list widget itself."""
    # The line between rows halfway between the panel and its border: visible, not loud.
    rule = _between(c.surface, c.border, 0.5)
    return f"""
    QTableView {{
        background: {c.surface}; color: {c.text}; border: 1px solid {c.border};
        border-radius: 8px; gridline-color: {c.surface};
        selection-background-color: {c.accent}; selection-color: {c.accent_text};
    }}
    QTableView::item {{ border-bottom: 1px solid {rule}; padding: 0 {CELL_PADDING}px; }}
    QTableView::item:selected {{ background: {c.accent}; color: {c.accent_text}; }}
    QHeaderView {{ background: transparent; border: none; }}
    QHeaderView::section {{
        background: {c.surface}; color: {c.muted}; font-weight: 600; border: none;
        border-bottom: 1px solid {c.border}; padding: 8px {CELL_PADDING}px;
    }}
    QTableCornerButton::section {{ background: {c.surface}; border: none; }}
    """
