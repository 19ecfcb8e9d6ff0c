"""A routine's start screen: what it is, its cautions, its steps, and Start."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core.routines import Routine
from app.ui.shell.format import dose_text, duration_text, routine_duration_ms
from app.ui.shell.plain import plain


class RoutineDetailPage(QWidget):
    start_requested = Signal(str)
    back_requested = Signal()
    answer_changed = Signal(str, int, bool)  # routine id, step index, yes
    longer_holds_changed = Signal(str, bool)  # routine id, on
    variant_changed = Signal(str)

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self._routine_id = ""
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 20, 24, 16)
        outer.setSpacing(12)
        self._title = plain(QLabel())
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
        self._summary = plain(QLabel())
        self._summary.setWordWrap(True)
        self._body.addWidget(self._summary)
        self._cautions = QFrame()
        self._cautions.setObjectName("notice")
        self._cautions_layout = QVBoxLayout(self._cautions)
        self._body.addWidget(self._cautions)
        # Choices: which variant, and the yes/no questions that switch optional steps on.
        self._choices = QVBoxLayout()
        self._body.addLayout(self._choices)
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

        outer.addLayout(self._build_buttons())
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.back_requested.emit)

    def _build_buttons(self) -> QHBoxLayout:
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
        return buttons

    def show_routine(
        self,
        routine: Routine,
        yes: frozenset[int] = frozenset(),
        variant: str | None = None,
        longer_holds: bool = False,
    ) -> None:
        """Show `routine` with the user's answers (`yes`: step indices), chosen variant and
        choice of longer holds."""
        lang = self._language
        self._routine_id = routine.id
        self._routine = routine
        self._title.setText(routine.title.get(lang))
        session = routine.select(variant, yes, longer_holds)
        self._length.setText(
            self.tr("{length} · {count} steps").format(
                length=duration_text(routine_duration_ms(session)), count=len(session.steps)
            )
        )
        self._summary.setText(routine.summary.get(lang))
        _clear(self._cautions_layout)
        cautions = list(routine.cautions)
        for step in session.steps:
            cautions += [c for c in step.exercise.cautions if c not in cautions]
        for caution in cautions:
            label = plain(QLabel(caution.get(lang)))
            label.setWordWrap(True)
            self._cautions_layout.addWidget(label)
        self._cautions.setVisible(bool(cautions))
        self._show_choices(routine, yes, variant, longer_holds)
        _clear(self._steps)
        for row, step in enumerate(session.steps):
            number = QLabel(f"{row + 1}.")
            number.setProperty("role", "muted")
            name = plain(QLabel(step.name.get(lang)))
            name.setWordWrap(True)
            dose = QLabel(dose_text(step))
            dose.setProperty("role", "muted")
            self._steps.addWidget(number, row, 0, Qt.AlignmentFlag.AlignTop)
            self._steps.addWidget(name, row, 1)
            self._steps.addWidget(dose, row, 2, Qt.AlignmentFlag.AlignTop)
        self._steps.setColumnStretch(1, 1)
        self.start_button.setDefault(True)
        self.start_button.setFocus()

    def _variant_toggled(self, on: bool, variant: str) -> None:
        if on:
            self.variant_changed.emit(variant)

    def _show_choices(
        self, routine: Routine, yes: frozenset[int], variant: str | None, longer_holds: bool
    ) -> None:
        _clear(self._choices)
        lang = self._language
        if routine.longer_hold is not None:
            longer = QCheckBox(
                self.tr("Hold each stretch for {n} seconds").format(n=f"{routine.longer_hold:g}")
            )
            longer.setChecked(longer_holds)
            longer.toggled.connect(lambda on: self.longer_holds_changed.emit(self._routine_id, on))
            self._choices.addWidget(longer)
        if routine.variants:
            row = QHBoxLayout()
            group = QButtonGroup(self)
            chosen = variant or routine.variants[0].id
            for option in routine.variants:
                button = QRadioButton(option.title.get(lang))
                button.setChecked(option.id == chosen)
                button.toggled.connect(lambda on, v=option.id: self._variant_toggled(on, v))
                group.addButton(button)
                row.addWidget(button)
            row.addStretch(1)
            holder = QWidget()
            holder.setLayout(row)
            self._choices.addWidget(holder)
        for index, question in routine.questions():
            asked = plain(QLabel(question.get(lang)))
            asked.setWordWrap(True)
            self._choices.addWidget(asked)
            step_name = routine.steps[index].name.get(lang)
            box = QCheckBox(self.tr("Yes: include “{step}”").format(step=step_name))
            box.setChecked(index in yes)
            box.toggled.connect(
                lambda on, i=index: self.answer_changed.emit(self._routine_id, i, on)
            )
            self._choices.addWidget(box)


def _clear(layout: QVBoxLayout | QGridLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.hide()  # at once: deleteLater would leave it on screen until the next loop
            widget.deleteLater()
