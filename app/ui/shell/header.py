"""The main window's header: back, the view switcher, Warning signs and Cramp now.

The same row on every page, so the way to the diary and the reminders is on the first
screen and "Cramp now" never moves. Built before the first paint: like the routine list it
keeps away from the `Qt` namespace (about 40 ms to create); key handling, which runs later,
imports it where it needs it.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QButtonGroup, QFrame, QHBoxLayout, QPushButton, QWidget

from app.ui.shell import icons
from app.ui.shell.theme import Space

# The back arrow's place: its icon, the padding around it and a focus border.
BACK_SLOT_WIDTH = icons.DEFAULT_SIZE + 2 * Space.S + 8


class View(StrEnum):
    """The three places the switcher leads to."""

    ROUTINES = "routines"
    DIARY = "diary"
    REMINDERS = "reminders"


class Header(QFrame):
    """Back (on inner pages), Routines · Diary · Reminders, Warning signs, Cramp now."""

    back_requested = Signal()
    view_chosen = Signal(str)  # a View's value
    signs_requested = Signal()
    cramp_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("header")
        # Each icon's room is kept now, the icon drawn after the first paint (`draw_icons`):
        # the first one drawn loads Qt's SVG reader, a few milliseconds of start-up.
        self._icons: list[tuple[QPushButton, str, str, int]] = []
        row = QHBoxLayout(self)
        row.setContentsMargins(Space.M, Space.XS + 2, Space.L, Space.XS + 2)
        row.setSpacing(Space.S)
        row.addWidget(self._make_back())
        self.views: dict[View, QPushButton] = {}
        self._group = QButtonGroup(self)  # exclusive: one view is marked
        row.addLayout(self._make_views())
        row.addStretch(1)
        self.signs_button = QPushButton(self.tr("Warning signs"))
        self.signs_button.setObjectName("warning-signs")
        self.signs_button.setProperty("role", "quiet")
        self.signs_button.setToolTip(self.tr("When to get help (F1)"))
        self.signs_button.setAccessibleName(self.tr("Warning signs"))
        self._with_icon(self.signs_button, "warning", icons.TEXT, 18)
        # May be as narrow as its icon: the header then hides its words (see resizeEvent).
        self.signs_button.setMinimumWidth(BACK_SLOT_WIDTH)
        self.signs_button.clicked.connect(self.signs_requested)
        row.addWidget(self.signs_button)
        self.cramp_button = QPushButton(self.tr("Cramp now"))
        self.cramp_button.setObjectName("cramp-now")
        self.cramp_button.setToolTip(self.tr("Step-by-step relief for a cramp happening now (F2)"))
        self.cramp_button.setAccessibleName(self.tr("Cramp now"))
        self.cramp_button.setAccessibleDescription(self.cramp_button.toolTip())
        self._with_icon(self.cramp_button, "relief", icons.ON_HOLD, 20)
        self.cramp_button.clicked.connect(self.cramp_requested)
        row.addWidget(self.cramp_button)
        self._wide = 0  # the width the header needs with every word shown; 0 until measured

    def _with_icon(self, button: QPushButton, name: str, role: str, size: int) -> None:
        icons.reserve(button, size)
        self._icons.append((button, name, role, size))

    def _make_back(self) -> QWidget:
        self.back_button = QPushButton()
        self.back_button.setProperty("role", "icon")
        self.back_button.setToolTip(self.tr("Back (Esc)"))
        self.back_button.setAccessibleName(self.tr("Back"))
        self._with_icon(self.back_button, "back", icons.TEXT, icons.DEFAULT_SIZE)
        self.back_button.clicked.connect(self.back_requested)
        # Hidden on the first screen, but its place kept, so the switcher never shifts. (A
        # slot of fixed width rather than QSizePolicy's retainSizeWhenHidden: wrapping a
        # QSizePolicy creates its enums, half a millisecond before the first paint.)
        slot = QWidget()
        slot.setFixedWidth(BACK_SLOT_WIDTH)
        slot_layout = QHBoxLayout(slot)
        slot_layout.setContentsMargins(0, 0, 0, 0)
        slot_layout.addWidget(self.back_button)
        self.back_button.hide()
        return slot

    def _make_views(self) -> QHBoxLayout:
        switcher = QHBoxLayout()
        switcher.setSpacing(Space.XS)
        for view, text, key in (
            (View.ROUTINES, self.tr("Routines"), "Ctrl+1"),
            (View.DIARY, self.tr("Diary"), "Ctrl+2"),
            (View.REMINDERS, self.tr("Reminders"), "Ctrl+3"),
        ):
            button = QPushButton(text)
            button.setProperty("role", "view")
            button.setCheckable(True)
            button.setToolTip(f"{text} ({key})")
            self._with_icon(button, view.value, icons.MUTED, 18)
            button.clicked.connect(lambda _=False, v=view: self.view_chosen.emit(v.value))
            self._group.addButton(button)
            self.views[view] = button
            switcher.addWidget(button)
        self.views[View.ROUTINES].setChecked(True)
        return switcher

    def draw_icons(self) -> None:
        """Draw the icons, in the theme's colours from now on (after the first paint)."""
        for button, name, role, size in self._icons:
            icons.set_icon(button, name, role, size)
        self._icons.clear()
        self._mark_icons()

    def _mark_icons(self) -> None:
        """The marked view's icon in the text's colour, the others muted, like their words."""
        if self._icons:
            return  # not drawn yet
        for view, button in self.views.items():
            icons.set_icon(
                button, view.value, icons.TEXT if button.isChecked() else icons.MUTED, 18
            )

    def show_page(self, view: View | None, back: bool) -> None:
        """Mark `view` as the current one (None: no view, as on a dialog-like page) and show
        the back arrow when there is somewhere to go back to."""
        self._group.setExclusive(view is not None)
        for each, button in self.views.items():
            button.setChecked(each is view)
        self._group.setExclusive(True)
        self._mark_icons()
        self.back_button.setVisible(back)

    @property
    def current_view(self) -> View | None:
        return next((view for view, button in self.views.items() if button.isChecked()), None)

    @property
    def compact(self) -> bool:
        """Whether the words beside the views' and Warning signs' icons are left out."""
        return not self.signs_button.text()

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Narrow (760 px, or 200% on a laptop): Warning signs and the views keep their icons
        # and tooltips, and give up their words before anything is cut.
        if not self.compact:
            self._wide = self.sizeHint().width()
        self._set_compact(event.size().width() < self._wide)
        super().resizeEvent(event)

    def _set_compact(self, compact: bool) -> None:
        if compact == self.compact:
            return
        self.signs_button.setText("" if compact else self.tr("Warning signs"))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Left and Right move along the views, as in any row of tabs.
        from PySide6.QtCore import Qt

        buttons = list(self.views.values())
        focused = next((i for i, b in enumerate(buttons) if b.hasFocus()), None)
        step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}.get(event.key())  # type: ignore[call-overload]
        if focused is None or step is None:
            super().keyPressEvent(event)
            return
        buttons[(focused + step) % len(buttons)].setFocus()
