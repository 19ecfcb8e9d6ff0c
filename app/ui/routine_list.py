"""The first screen: a card for each routine, with its title, length, tags and summary."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core.routines import Routine
from app.ui.format import duration_text, routine_duration_ms
from app.ui.notice import NoticeBar


class RoutineCard(QFrame):
    """A focusable card; click it, or press Enter on it, to open the routine."""

    activated = Signal(str)

    def __init__(self, routine: Routine, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.routine_id = routine.id
        self.setObjectName("card")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        title_text = routine.title.get(language)
        self.setAccessibleName(title_text)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(8)
        header = QHBoxLayout()
        title = QLabel(title_text)
        title.setProperty("role", "heading")
        title.setWordWrap(True)
        header.addWidget(title, 1)
        length = QLabel(duration_text(routine_duration_ms(routine)))
        length.setProperty("role", "muted")
        header.addWidget(length, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(header)
        summary = QLabel(routine.summary.get(language))
        summary.setWordWrap(True)
        layout.addWidget(summary)
        tags = QHBoxLayout()
        for tag in routine.tags:
            label = QLabel(tag)
            label.setProperty("role", "tag")
            tags.addWidget(label)
        tags.addStretch(1)
        layout.addLayout(tags)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.activated.emit(self.routine_id)
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(self.routine_id)
            return
        super().keyPressEvent(event)


class RoutineListPage(QWidget):
    """All routines as cards, two columns when there is room, one when narrow."""

    routine_chosen = Signal(str)

    def __init__(
        self, routines: list[Routine], language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 20, 24, 12)
        outer.setSpacing(12)
        title = QLabel(self.tr("Routines"))
        title.setProperty("role", "title")
        outer.addWidget(title)
        # One bar per kind of news, so a settings problem and a routine problem both show.
        self.settings_notice = NoticeBar()
        outer.addWidget(self.settings_notice)
        self.notice = NoticeBar()
        outer.addWidget(self.notice)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        holder = QWidget()
        self._grid = QGridLayout(holder)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(16)
        scroll.setWidget(holder)
        outer.addWidget(scroll, 1)
        self.cards = [RoutineCard(routine, language) for routine in routines]
        for card in self.cards:
            card.activated.connect(self.routine_chosen)
        if not self.cards:
            empty = QLabel(self.tr("No routines could be loaded."))
            empty.setProperty("role", "muted")
            self._grid.addWidget(empty, 0, 0)
        self._columns = 0
        self._lay_out(2)

    def _lay_out(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for index, card in enumerate(self.cards):
            self._grid.addWidget(card, index // columns, index % columns)
        self._grid.setRowStretch(len(self.cards) // columns + 1, 1)

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        # Cards need about 420 px each to keep their summaries readable.
        self._lay_out(2 if self.width() >= 900 else 1)
        super().resizeEvent(event)

    def focus_first(self) -> None:
        if self.cards:
            self.cards[0].setFocus()
