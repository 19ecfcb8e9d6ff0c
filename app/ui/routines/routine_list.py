"""The first screen: "Tonight" (the last routine done, the next reminder and the routine it
suggests), then an even grid of equal cards, each with a picture of its first pose.

This screen is built before the first paint, so it avoids the `Qt` namespace: touching it
creates all of its enums at once, about 40 ms of start-up. Event handlers, which run after
the first paint, import it where they need it. The pictures come after the first paint too
(`show_pictures`): each card keeps their place empty until then, so nothing moves.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.core.launch_snapshot import RoutineCard as CardData
from app.ui.shell.format import duration_text, long_date_text, time_of_day, weekday_name
from app.ui.shell.i18n import tr
from app.ui.shell.plain import plain

if TYPE_CHECKING:
    from app.core.routines import Illustration
    from app.ui.shell.illustration import IllustrationWidget
    from app.ui.shell.notice import NoticeBar
    from app.ui.shell.theme import Colors

PICTURE_HEIGHT = 132  # the card's picture: the figure is recognisable, the text stays near
CARD_WIDTH = 360  # a card's width in a column; more columns once they fit
CARD_MIN_WIDTH = 240


@dataclass(frozen=True)
class Tonight:
    """What the shell knows about tonight, as plain values (the reminders are its business)."""

    now: datetime
    last_done: datetime | None = None
    reminder: str = ""  # the reminders' own line: "Next reminder: tonight 22:30", "Done tonight"
    suggested: str | None = None  # the id of the routine the next reminder is for


def tag_text(tag: str) -> str:
    """A tag of the built-in routines in the interface's language; a user's own as written."""
    names = {
        "bedtime": tr("bedtime"),
        "calf": tr("calf"),
        "daytime": tr("daytime"),
        "evening": tr("evening"),
        "fitness": tr("fitness"),
        "gentle": tr("gentle"),
        "pregnancy": tr("pregnancy"),
        "relief": tr("relief"),
        "seated": tr("seated"),
        "short": tr("short"),
        "strength": tr("strength"),
        "stretching": tr("stretching"),
    }
    return names.get(tag, tag)


def done_text(done: datetime, now: datetime) -> str:
    """When a routine was last done, in words: "today 21:40", "yesterday 22:41", "Mon 22:41"."""
    done = done.astimezone(now.tzinfo)
    clock = time_of_day(done)
    days = (now.date() - done.date()).days
    if days <= 0:
        return tr("today {time}").format(time=clock)
    if days == 1:
        return tr("yesterday {time}").format(time=clock)
    if days < 7:
        return f"{weekday_name(done.weekday())} {clock}"
    return long_date_text(done.date())


class RoutineCard(QPushButton):
    """A card that is a button: click it, or press Space or Enter on it, to open the routine."""

    activated = Signal(str)
    width_changed = Signal()  # the page evens the heights again

    def __init__(self, routine: CardData, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.routine_id = routine.id
        self.setObjectName("card")
        # Explicit, so the layout does not set it from its wrapped labels (which ask for
        # as wide as their longest line): the columns, not the text, decide the width.
        self.setMinimumWidth(CARD_MIN_WIDTH)
        # A button's height is fixed to its hint; a card fills its row, so a row's cards
        # share their top and bottom (QSizePolicy's few enums, not the costly Qt namespace).
        policy = self.sizePolicy()
        policy.setVerticalPolicy(QSizePolicy.Policy.Preferred)
        self.setSizePolicy(policy)
        self.clicked.connect(lambda: self.activated.emit(self.routine_id))

        title_text = routine.title_in(language)
        self.setAccessibleName(title_text)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(8)
        # The picture's place, held from the start: the picture arrives after the first paint.
        self.picture_slot = QVBoxLayout()
        self.picture_slot.setContentsMargins(0, 0, 0, 4)
        self._placeholder = QWidget()
        self._placeholder.setFixedHeight(PICTURE_HEIGHT)
        self.picture_slot.addWidget(self._placeholder)
        layout.addLayout(self.picture_slot)
        self.picture: IllustrationWidget | None = None
        header = QHBoxLayout()
        header.setSpacing(12)
        self.title = plain(QLabel(title_text))
        self.title.setProperty("role", "heading")
        self.title.setWordWrap(True)
        header.addWidget(self.title, 1)
        self.length = QLabel(duration_text(routine.duration_ms))
        self.length.setProperty("role", "muted")
        header.addWidget(self.length)
        layout.addLayout(header)
        summary = plain(QLabel(routine.summary_in(language)))
        summary.setWordWrap(True)
        layout.addWidget(summary)
        layout.addStretch(1)  # content at the top; the cards of a row share one height
        layout.addLayout(self._build_marks(routine))

    def _build_marks(self, routine: CardData) -> QHBoxLayout:
        """ "Tonight" when the next reminder is for it, "Your routine", and the tags."""
        marks = QHBoxLayout()
        marks.setSpacing(6)
        self.tonight_mark = QLabel(self.tr("Tonight"))
        self.tonight_mark.setProperty("role", "tag")
        self.tonight_mark.hide()
        marks.addWidget(self.tonight_mark)
        self.own_mark: QLabel | None = None
        if not routine.bundled:
            self.own_mark = QLabel(self.tr("Your routine"))
            self.own_mark.setProperty("role", "tag")
            self.own_mark.setToolTip(self.tr("From your own routines folder"))
            marks.addWidget(self.own_mark)
        if routine.tags:
            tags = plain(QLabel(" · ".join(tag_text(tag) for tag in routine.tags)))
            tags.setProperty("role", "muted")
            marks.addWidget(tags)
        marks.addStretch(1)
        return marks

    def show_picture(self, illustration: Illustration | None, brightness: float) -> None:
        from app.ui.shell.illustration import IllustrationWidget

        if self.picture is None:
            self.picture = IllustrationWidget()
            self.picture.setMinimumSize(80, PICTURE_HEIGHT)
            self.picture.setFixedHeight(PICTURE_HEIGHT)
            self.picture.set_cropped(True)
            self.picture_slot.replaceWidget(self._placeholder, self.picture)
            self._placeholder.deleteLater()
        self.picture.set_illustration(illustration, None)
        self.picture.set_brightness(brightness)

    def set_tonight(self, on: bool) -> None:
        self.tonight_mark.setVisible(on)

    def sizeHint(self) -> QSize:
        # A button sizes itself from its text; this one has none, its layout knows: as
        # tall as its words wrap at the width the grid gives it (any width from the least).
        # A button keeps its hint's height, so the common height (see _equalize) is the hint.
        layout = self.layout()
        if layout is None:
            return super().sizeHint()
        width = self.width() if self.width() >= CARD_MIN_WIDTH else CARD_WIDTH
        return QSize(CARD_MIN_WIDTH, max(layout.totalHeightForWidth(width), self.minimumHeight()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()  # another width, another height for its words
            self.width_changed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        from PySide6.QtCore import Qt

        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.click()
            return
        super().keyPressEvent(event)


class RoutineListPage(QWidget):
    """All routines as equal cards: as many columns as fit, one when narrow."""

    routine_chosen = Signal(str)

    def __init__(
        self,
        routines: list[CardData],
        language: str,
        parent: QWidget | None = None,
        tonight: Callable[[], Tonight] | None = None,
    ) -> None:
        super().__init__(parent)
        self._tonight_source = tonight
        self._titles = {routine.id: routine.title_in(language) for routine in routines}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 20, 24, 12)
        outer.setSpacing(8)
        title = QLabel(self.tr("Routines"))
        title.setProperty("role", "title")
        outer.addWidget(title)
        self.tonight_line = plain(QLabel())
        self.tonight_line.setProperty("role", "lead")
        self.tonight_line.setWordWrap(True)
        self.tonight_line.setAccessibleName(self.tr("Tonight"))
        self.tonight_line.hide()
        outer.addWidget(self.tonight_line)
        outer.addSpacing(4)
        # Notices are made when there is news (seldom): one bar per kind, so a settings
        # problem and a routine problem both show.
        self._notice_area = QVBoxLayout()
        outer.addLayout(self._notice_area)
        self._notices: dict[str, NoticeBar] = {}
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        # A Tab stop (arrows and Page Down scroll it): a screen reader names it.
        scroll.setAccessibleName(self.tr("Routines"))
        holder = QWidget()
        self._grid = QGridLayout(holder)
        self._grid.setContentsMargins(0, 4, 0, 4)
        self._grid.setSpacing(16)
        scroll.setWidget(holder)
        outer.addWidget(scroll, 1)
        self.cards = [RoutineCard(routine, language) for routine in routines]
        self._equalize_due = False
        for card in self.cards:
            card.activated.connect(self.routine_chosen)
            card.width_changed.connect(self._equalize_soon)
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

    def show_pictures(
        self, pictures: dict[str, Illustration | None], colors: Colors | None = None
    ) -> None:
        """Each card's first pose (after the first paint: rendering them costs start-up)."""
        brightness = colors.picture_brightness if colors is not None else 1.0
        for card in self.cards:
            if card.routine_id in pictures:
                card.show_picture(pictures[card.routine_id], brightness)

    def apply_colors(self, colors: Colors) -> None:
        for card in self.cards:
            if card.picture is not None:
                card.picture.set_brightness(colors.picture_brightness)

    def refresh_tonight(self) -> None:
        """Ask the shell about tonight again and say it."""
        if self._tonight_source is not None:
            self.show_tonight(self._tonight_source())

    def show_tonight(self, tonight: Tonight) -> None:
        parts = []
        if tonight.reminder:
            title = self._titles.get(tonight.suggested or "")
            if title:
                parts.append(
                    self.tr("{reminder}, for {routine}").format(
                        reminder=tonight.reminder, routine=title
                    )
                )
            else:
                parts.append(tonight.reminder)
        if tonight.last_done is not None:
            parts.append(
                self.tr("Last routine: {when}").format(
                    when=done_text(tonight.last_done, tonight.now)
                )
            )
        self.tonight_line.setText(" · ".join(parts))
        self.tonight_line.setVisible(bool(parts))
        for card in self.cards:
            card.set_tonight(card.routine_id == tonight.suggested)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self.refresh_tonight)  # after the paint, never before it
        QTimer.singleShot(0, self._equalize)

    def _lay_out(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for index, card in enumerate(self.cards):
            self._grid.addWidget(card, index // columns, index % columns)
        for column in range(3):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)
        self._grid.setRowStretch(len(self.cards) // columns + 1, 1)

    def _equalize_soon(self) -> None:
        if not self._equalize_due:
            self._equalize_due = True
            QTimer.singleShot(0, self._equalize)

    def _equalize(self) -> None:
        """Every card as tall as the tallest: an even grid, whatever each one says."""
        self._equalize_due = False
        if not self.cards or self._columns == 0:
            return
        width = self.cards[0].width()  # laid out by now: every card is as wide
        heights = []
        for card in self.cards:
            layout = card.layout()
            if layout is not None and width > 0:
                heights.append(layout.totalHeightForWidth(width))
        tallest = max(heights, default=0)
        for card in self.cards:
            if card.minimumHeight() != tallest:
                card.setMinimumHeight(tallest)
                card.updateGeometry()

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        # As many columns as cards of about CARD_WIDTH fit; four cards stay two by two.
        columns = max(1, min(3, (self.width() - 48) // CARD_WIDTH))
        if columns == 3 and len(self.cards) == 4:
            columns = 2
        self._lay_out(columns)
        super().resizeEvent(event)
        QTimer.singleShot(0, self._equalize)

    def focus_first(self) -> None:
        if self.cards:
            self.cards[0].setFocus()
