"""After a routine: a calm close. One headline, a few gentle words ("Sleep well" in the night
hours), what was skipped as a quiet line, and a tip."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.core.player import SessionReport
from app.core.routines import Routine
from app.ui.shell import icons
from app.ui.shell.format import minutes_seconds
from app.ui.shell.plain import plain

TEXT_WIDTH = 560  # a line of about 60 characters: read at a glance, even large


class FinishedPage(QWidget):
    back_requested = Signal()
    again_requested = Signal()

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._language = language
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 32, 32, 32)
        layout.addStretch(2)
        # One column of TEXT_WIDTH, centred: its labels fill it, so each is as tall as its
        # wrapped lines (a label aligned in a layout gets its one-line width, and wraps
        # into a height it is not given).
        column_widget = QWidget()
        column_widget.setMaximumWidth(TEXT_WIDTH)
        column = QVBoxLayout(column_widget)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(14)
        self.headline = QLabel()
        self.headline.setProperty("role", "title")
        self.words = plain(QLabel())
        self.words.setProperty("role", "lead")
        self.skipped = plain(QLabel())
        self.skipped.setProperty("role", "muted")
        for label in (self.headline, self.words, self.skipped):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            column.addWidget(label)
        column.addSpacing(18)
        self.tip_box = QFrame()
        self.tip_box.setProperty("role", "panel")
        tip_layout = QVBoxLayout(self.tip_box)
        tip_layout.setContentsMargins(20, 14, 20, 14)
        self.tip = plain(QLabel())
        self.tip.setWordWrap(True)
        self.tip.setAlignment(Qt.AlignmentFlag.AlignCenter)
        tip_layout.addWidget(self.tip)
        column.addWidget(self.tip_box)
        column.addSpacing(18)
        column.addLayout(self._build_buttons())
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column_widget, 100)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(3)

    def _build_buttons(self) -> QHBoxLayout:
        buttons = QHBoxLayout()
        buttons.setSpacing(12)
        buttons.addStretch(1)
        again = QPushButton(self.tr("Play again"))
        icons.set_icon(again, "again")
        again.clicked.connect(self.again_requested)
        buttons.addWidget(again)
        self.done_button = QPushButton(self.tr("Back to routines"))
        self.done_button.setProperty("role", "primary")
        self.done_button.setDefault(True)
        self.done_button.setToolTip(self.tr("Enter or Esc"))
        self.done_button.clicked.connect(self.back_requested)
        buttons.addWidget(self.done_button)
        buttons.addStretch(1)
        return buttons

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter or Esc, from the page or a button on it: back to the routines.
        if event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.back_requested.emit()
            return
        super().keyPressEvent(event)

    def show_report(
        self, routine: Routine, report: SessionReport | None, tip: str = "", night: bool = False
    ) -> None:
        """What was done; `tip` (may be empty) is a bedtime tip to end on; `night` (the
        settings' night hours) ends with "Sleep well"."""
        self.tip.setText(self.tr("Tip: {tip}").format(tip=tip) if tip else "")
        self.tip_box.setVisible(bool(tip))
        title = routine.title.get(self._language)
        farewell = self.tr("Sleep well.") if night else self.tr("Take it easy.")
        skipped = report.skipped_steps if report is not None else ()
        if report is None:
            self.headline.setText(self.tr("Stopped"))
            self.words.setText(f"{title}. {farewell}")
        elif report.finished:
            self.headline.setText(self.tr("Well done") if not skipped else self.tr("Done"))
            elapsed_ms = round((report.ended_at - report.started_at).total_seconds() * 1000)
            self.words.setText(
                self.tr("{routine}, {time}. {farewell}").format(
                    routine=title, time=minutes_seconds(elapsed_ms), farewell=farewell
                )
            )
        else:
            self.headline.setText(self.tr("Stopped early"))
            percent = round(report.completed_fraction * 100)
            done = (
                self.tr("You did {percent}% of {routine}.").format(percent=percent, routine=title)
                if percent > 0
                else f"{title}."
            )
            self.words.setText(
                self.tr("{done} Stopping when you need to is fine. {farewell}").format(
                    done=done, farewell=farewell
                )
            )
        names = ", ".join(routine.steps[i].name.get(self._language) for i in skipped)
        self.skipped.setText(self.tr("Skipped: {names}").format(names=names) if names else "")
        self.skipped.setVisible(bool(names))
        self.done_button.setFocus()
