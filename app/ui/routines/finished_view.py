"""After a routine: what was done, and where to go next."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.core.player import SessionReport
from app.core.routines import Routine
from app.ui.shell.format import minutes_seconds
from app.ui.shell.plain import plain


class FinishedPage(QWidget):
    back_requested = Signal()
    again_requested = Signal()

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._language = language
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 48, 48, 32)
        layout.setSpacing(16)
        layout.addStretch(1)
        self.headline = QLabel()
        self.headline.setProperty("role", "title")
        self.headline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.headline)
        self.summary = plain(QLabel())
        self.summary.setProperty("role", "heading")
        self.summary.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.tip = plain(QLabel())
        self.tip.setProperty("role", "muted")
        self.tip.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tip.setWordWrap(True)
        layout.addSpacing(24)
        layout.addWidget(self.tip)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        again = QPushButton(self.tr("Play again"))
        again.clicked.connect(self.again_requested)
        buttons.addWidget(again)
        self.done_button = QPushButton(self.tr("Back to routines"))
        self.done_button.setProperty("role", "primary")
        self.done_button.setDefault(True)
        self.done_button.clicked.connect(self.back_requested)
        buttons.addWidget(self.done_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter or Esc, from the page or a button on it: back to the routines.
        if event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.back_requested.emit()
            return
        super().keyPressEvent(event)

    def show_report(self, routine: Routine, report: SessionReport | None, tip: str = "") -> None:
        """What was done; `tip` (may be empty) is a bedtime tip to end on."""
        self.tip.setText(self.tr("Tip: {tip}").format(tip=tip) if tip else "")
        self.tip.setVisible(bool(tip))
        title = routine.title.get(self._language)
        if report is None:
            self.headline.setText(self.tr("Stopped"))
            self.summary.setText(title)
        else:
            elapsed_ms = round((report.ended_at - report.started_at).total_seconds() * 1000)
            percent = round(report.completed_fraction * 100)
            if report.finished and not report.skipped_steps:
                self.headline.setText(self.tr("Well done"))
            elif report.finished:
                self.headline.setText(self.tr("Done"))
            else:
                self.headline.setText(self.tr("Stopped early"))
            lines = [title, self.tr("Time: {time}").format(time=minutes_seconds(elapsed_ms))]
            if percent > 0:
                lines.append(self.tr("{percent}% of the stretches done").format(percent=percent))
            if report.skipped_steps:
                names = ", ".join(
                    routine.steps[i].name.get(self._language) for i in report.skipped_steps
                )
                lines.append(self.tr("Skipped: {names}").format(names=names))
            self.summary.setText("\n".join(lines))
        self.done_button.setFocus()
