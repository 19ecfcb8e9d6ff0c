"""A routine's start screen: what it is, its cautions, its steps, and a large Start.

One column of reading width, centred: the title and length, the summary, the cautions (as
large as the text around them: they are read, not skimmed), the choices, then each step
with a thumbnail of its first pose and its dose beside its name. Start sits right under
the column; when the column is taller than the window, the column scrolls and Start stays
in view below it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
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

from app.core.routines import Routine, Step
from app.ui.shell import icons
from app.ui.shell.format import dose_text, duration_text, routine_duration_ms
from app.ui.shell.illustration import IllustrationWidget
from app.ui.shell.plain import plain
from app.ui.shell.theme import PAGE_MARGINS, Space, Type, applied_colors, scaled_pt

COLUMN_WIDTH = 720  # the reading column: a name and its dose stay within one glance
THUMB_SIZE = QSize(96, 72)  # the first pose, cropped to the figure: recognisable, not loud


class _Column(QWidget):
    """The scrolled column: as tall as its parts need at the width it is given."""

    def heightForWidth(self, width: int) -> int:
        layout = self.layout()
        return layout.totalHeightForWidth(width) if layout is not None else -1


class _FittedScroll(QScrollArea):
    """A scroll area that asks for its content's whole height, so a short routine leaves
    Start right under its steps, and a long one scrolls with Start still in view."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        content = self.widget()
        if content is None:
            return hint
        width = self.viewport().width() if self.width() > 0 else COLUMN_WIDTH
        height = content.heightForWidth(max(1, width)) + 2 * self.frameWidth()
        return QSize(hint.width(), height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()  # another width wraps the words into another height


class StepRow(QWidget):
    """One step: its first pose, its number and name, and its dose just under the name."""

    def __init__(self, number: int, step: Step, language: str, brightness: float) -> None:
        super().__init__()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(Space.L)
        self.picture = IllustrationWidget()
        self.picture.set_cropped(True)
        self.picture.setMinimumSize(THUMB_SIZE)
        self.picture.setFixedSize(THUMB_SIZE)
        self.picture.set_illustration(step.exercise.illustration, None)
        self.picture.set_brightness(brightness)
        row.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignTop)
        words = QVBoxLayout()
        words.setSpacing(Space.XS)
        line = QHBoxLayout()
        line.setSpacing(Space.S)
        self.number = QLabel(f"{number}.")
        self.number.setProperty("role", "muted")
        line.addWidget(self.number, 0, Qt.AlignmentFlag.AlignTop)
        self.name = plain(QLabel(step.name.get(language)))
        self.name.setProperty("role", "label")
        self.name.setWordWrap(True)
        line.addWidget(self.name, 1)
        words.addLayout(line)
        self.dose = QLabel(dose_text(step))
        self.dose.setProperty("role", "muted")
        self.dose.setWordWrap(True)
        words.addWidget(self.dose)
        words.addStretch(1)
        row.addLayout(words, 1)


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
        left, top, right, bottom = PAGE_MARGINS
        outer.setContentsMargins(left, top, right, bottom)
        outer.setSpacing(Space.L)

        self._scroll = _FittedScroll()
        self._scroll.setWidgetResizable(True)
        # A Tab stop (arrows and Page Down scroll it): a screen reader names it.
        self._scroll.setAccessibleName(self.tr("The routine's steps"))
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = _Column()
        self._body = QVBoxLayout(body)
        self._body.setContentsMargins(0, 0, 0, 0)
        self._body.setSpacing(Space.M)
        self._title = plain(QLabel())
        self._title.setProperty("role", "title")
        self._title.setWordWrap(True)
        self._body.addWidget(self._title)
        self._length = QLabel()
        self._length.setProperty("role", "muted")
        self._body.addWidget(self._length)
        self._summary = plain(QLabel())
        self._summary.setProperty("role", "lead")
        self._summary.setWordWrap(True)
        self._body.addWidget(self._summary)
        self._cautions = QFrame()
        self._cautions.setObjectName("notice")
        self._cautions_layout = QVBoxLayout(self._cautions)
        self._cautions_layout.setContentsMargins(Space.L, Space.M, Space.L, Space.M)
        self._cautions_layout.setSpacing(Space.S)
        self._body.addWidget(self._cautions)
        # Choices: which variant, and the yes/no questions that switch optional steps on.
        self._choices = QVBoxLayout()
        self._choices.setSpacing(Space.S)
        self._body.addLayout(self._choices)
        self._body.addSpacing(Space.XS)
        steps_heading = QLabel(self.tr("Steps"))
        steps_heading.setProperty("role", "heading")
        self._body.addWidget(steps_heading)
        self._steps = QVBoxLayout()
        self._steps.setSpacing(Space.M)
        self._body.addLayout(self._steps)
        self._scroll.setWidget(body)
        outer.addWidget(self._scroll)
        outer.addLayout(self._build_start())
        outer.addStretch(1)  # a short routine keeps Start under its steps, not at the bottom
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.back_requested.emit)

    def _build_start(self) -> QHBoxLayout:
        self._start_row = QHBoxLayout()
        self._start_row.setSpacing(Space.L)
        self.start_button = QPushButton(self.tr("Start"))
        self.start_button.setProperty("role", "primary")
        self.start_button.setToolTip(self.tr("Start the routine (Enter)"))
        self.start_button.setDefault(True)
        # The one thing to do on this page: large, the first thing the eye finds after
        # the steps (sizes from the theme's scale, on this button alone).
        self._style_start()
        icons.set_icon(self.start_button, "play", icons.ON_ACCENT)
        self.start_button.clicked.connect(lambda: self.start_requested.emit(self._routine_id))
        self._start_row.addWidget(self.start_button)
        self._start_hint = QLabel()
        self._start_hint.setProperty("role", "muted")
        self._start_row.addWidget(self._start_hint)
        self._start_row.addStretch(1)
        return self._start_row

    def _style_start(self) -> None:
        """The theme's primary button, larger, with a border of one width in every state:
        the theme's focus border would make it taller than the layout made room for."""
        c = applied_colors()
        sheet = f"""
            QPushButton {{
                font-size: {scaled_pt(Type.HEADING)}; padding: {Space.S}px {Space.XXL + Space.S}px;
                min-height: 1.6em; border: 2px solid {c.accent};
            }}
            QPushButton:focus, QPushButton:hover {{ border: 2px solid {c.text}; }}
        """
        if self.start_button.styleSheet() != sheet:
            self.start_button.setStyleSheet(sheet)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # One column of reading width in the middle; Start lines up with its left edge.
        side = max(0, (event.size().width() - COLUMN_WIDTH) // 2)
        self._body.setContentsMargins(side, 0, side, 0)
        self._start_row.setContentsMargins(side, 0, side, 0)
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        # A theme switch restyles the page: the thumbnails follow the pictures' brightness.
        if event.type() == QEvent.Type.StyleChange:
            self._style_start()
            brightness = applied_colors().picture_brightness
            for row in self.step_rows:
                row.picture.set_brightness(brightness)
        super().changeEvent(event)

    @property
    def step_rows(self) -> list[StepRow]:
        rows = (self._steps.itemAt(i) for i in range(self._steps.count()))
        return [w for item in rows if item is not None and isinstance(w := item.widget(), StepRow)]

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
        length = duration_text(routine_duration_ms(session))
        self._length.setText(
            self.tr("{length} · {count} steps").format(length=length, count=len(session.steps))
        )
        self._start_hint.setText(self.tr("{length} · Enter").format(length=length))
        self._summary.setText(routine.summary.get(lang))
        _clear(self._cautions_layout)
        cautions = list(routine.cautions)
        for step in session.steps:
            cautions += [c for c in step.exercise.cautions if c not in cautions]
        for caution in cautions:
            label = plain(QLabel(caution.get(lang)))
            label.setProperty("role", "lead")  # as large as the summary above: read first
            label.setWordWrap(True)
            self._cautions_layout.addWidget(label)
        self._cautions.setVisible(bool(cautions))
        self._show_choices(routine, yes, variant, longer_holds)
        _clear(self._steps)
        brightness = applied_colors().picture_brightness
        for number, step in enumerate(session.steps, start=1):
            self._steps.addWidget(StepRow(number, step, lang, brightness))
        self._scroll.verticalScrollBar().setValue(0)
        self._scroll.updateGeometry()
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
