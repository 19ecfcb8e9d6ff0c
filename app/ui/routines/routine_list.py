"""The first screen: a card for each routine, with its title, length, tags and summary.

This screen is built before the first paint, so it avoids the `Qt` namespace: touching it
creates all of its enums at once, about 40 ms of start-up. Event handlers, which run after
the first paint, import it where they need it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core.launch_snapshot import RoutineCard as CardData
from app.ui.shell.format import duration_text
from app.ui.shell.plain import plain

if TYPE_CHECKING:
    from app.ui.shell.notice import NoticeBar


class RoutineCard(QPushButton):
    """A card that is a button: click it, or press Space or Enter on it, to open the routine."""

    activated = Signal(str)

    def __init__(self, routine: CardData, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.routine_id = routine.id
        self.setObjectName("card")
        self.clicked.connect(lambda: self.activated.emit(self.routine_id))

        title_text = routine.title_in(language)
        self.setAccessibleName(title_text)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(8)
        header = QHBoxLayout()
        title = plain(QLabel(title_text))
        title.setProperty("role", "heading")
        title.setWordWrap(True)
        header.addWidget(title, 1)
        length = QLabel(duration_text(routine.duration_ms))
        length.setProperty("role", "muted")
        header.addWidget(length)
        layout.addLayout(header)
        summary = plain(QLabel(routine.summary_in(language)))
        summary.setWordWrap(True)
        layout.addWidget(summary)
        if routine.tags:
            tags = QLabel(" · ".join(routine.tags))
            tags.setProperty("role", "muted")
            layout.addWidget(tags)

    def sizeHint(self) -> QSize:
        # A button sizes itself from its text; this one has none, its layout knows.
        layout = self.layout()
        return layout.sizeHint() if layout is not None else super().sizeHint()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        from PySide6.QtCore import Qt

        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.click()
            return
        super().keyPressEvent(event)


class RoutineListPage(QWidget):
    """All routines as cards, two columns when there is room, one when narrow."""

    routine_chosen = Signal(str)

    def __init__(
        self, routines: list[CardData], language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 20, 24, 12)
        outer.setSpacing(12)
        title = QLabel(self.tr("Routines"))
        title.setProperty("role", "title")
        outer.addWidget(title)
        # Notices are made when there is news (seldom): one bar per kind, so a settings
        # problem and a routine problem both show.
        self._notice_area = QVBoxLayout()
        outer.addLayout(self._notice_area)
        self._notices: dict[str, NoticeBar] = {}
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
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

    def notice(self, kind: str) -> NoticeBar:
        """The notice bar for `kind` ("settings", "problems"), made on first use."""
        if kind not in self._notices:
            from app.ui.shell.notice import NoticeBar

            bar = NoticeBar()
            self._notices[kind] = bar
            self._notice_area.addWidget(bar)
        return self._notices[kind]

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
