"""A routine's start screen: what it is, its cautions, its steps, and Start."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core.routines import Routine
from app.ui.format import dose_text, duration_text, routine_duration_ms


class RoutineDetailPage(QWidget):
    start_requested = Signal(str)
    back_requested = Signal()

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self._routine_id = ""
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 20, 24, 16)
        outer.setSpacing(12)
        self._title = QLabel()
        self._title.setProperty("role", "title")
        self._title.setWordWrap(True)
        outer.addWidget(self._title)
        self._length = QLabel()
        self._length.setProperty("role", "muted")
        outer.addWidget(self._length)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        self._body = QVBoxLayout(body)
        self._body.setContentsMargins(0, 0, 0, 0)
        self._body.setSpacing(12)
        self._summary = QLabel()
        self._summary.setWordWrap(True)
        self._body.addWidget(self._summary)
        self._cautions = QFrame()
        self._cautions.setObjectName("notice")
        self._cautions_layout = QVBoxLayout(self._cautions)
        self._body.addWidget(self._cautions)
        steps_heading = QLabel(self.tr("Steps"))
        steps_heading.setProperty("role", "heading")
        self._body.addWidget(steps_heading)
        self._steps = QGridLayout()
        self._steps.setHorizontalSpacing(16)
        self._steps.setVerticalSpacing(6)
        self._body.addLayout(self._steps)
        self._body.addStretch(1)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        buttons = QHBoxLayout()
        back = QPushButton(self.tr("Back"))
        back.setToolTip(self.tr("Back to the routines (Esc)"))
        back.clicked.connect(self.back_requested)
        buttons.addWidget(back)
        buttons.addStretch(1)
        self.start_button = QPushButton(self.tr("Start"))
        self.start_button.setProperty("role", "primary")
        self.start_button.setToolTip(self.tr("Start the routine (Enter)"))
        self.start_button.clicked.connect(lambda: self.start_requested.emit(self._routine_id))
        buttons.addWidget(self.start_button)
        outer.addLayout(buttons)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.back_requested.emit)

    def show_routine(self, routine: Routine) -> None:
        lang = self._language
        self._routine_id = routine.id
        self._title.setText(routine.title.get(lang))
        self._length.setText(
            self.tr("{length} · {count} steps").format(
                length=duration_text(routine_duration_ms(routine)), count=len(routine.steps)
            )
        )
        self._summary.setText(routine.summary.get(lang))
        _clear(self._cautions_layout)
        cautions = list(routine.cautions)
        for step in routine.steps:
            cautions += [c for c in step.exercise.cautions if c not in cautions]
        for caution in cautions:
            label = QLabel(caution.get(lang))
            label.setWordWrap(True)
            self._cautions_layout.addWidget(label)
        self._cautions.setVisible(bool(cautions))
        _clear(self._steps)
        for row, step in enumerate(routine.steps):
            number = QLabel(f"{row + 1}.")
            number.setProperty("role", "muted")
            name = QLabel(step.name.get(lang))
            name.setWordWrap(True)
            dose = QLabel(dose_text(step))
            dose.setProperty("role", "muted")
            self._steps.addWidget(number, row, 0, Qt.AlignmentFlag.AlignTop)
            self._steps.addWidget(name, row, 1)
            self._steps.addWidget(dose, row, 2, Qt.AlignmentFlag.AlignTop)
        self._steps.setColumnStretch(1, 1)
        self.start_button.setDefault(True)
        self.start_button.setFocus()


def _clear(layout: QVBoxLayout | QGridLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.deleteLater()
