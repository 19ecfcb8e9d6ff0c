"""The relief screen's later pages: the timed steps, the quick form, the aftercare, and
the warning signs in the relief screen's own dim colours.

Built the first time they are needed, so the relief screen's first page stays cheap.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.audio.cue_player import CuePlayer
from app.core.clock import Clock
from app.core.content import WarningTier
from app.core.journal import LEGS, SEVERITIES
from app.core.relief import ReliefPlan, ReliefSession
from app.core.spoken import step_words
from app.core.timeline import CueKind
from app.ui.relief.relief_parts import relief_label, scrolled_column, signs_button
from app.ui.shell.format import clock_text
from app.ui.shell.i18n import tr
from app.ui.shell.illustration import IllustrationWidget
from app.ui.shell.theme import NIGHT
from app.ui.shell.warning_signs import NIGHT_TIER_COLORS, WarningSignsView

PICTURE_BRIGHTNESS = 0.55  # dimmer than the night theme's pictures: this is 3 a.m.


class ProgressDots(QWidget):
    """One dot per step of the plan; the current one filled, the loop's steps joined."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._count = 0
        self._current = 0
        self.setMinimumHeight(28)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_position(self, count: int, current: int) -> None:
        if (count, current) != (self._count, self._current):
            self._count, self._current = count, current
            self.setAccessibleName(
                self.tr("Step {n} of {total}").format(n=current + 1, total=count)
            )
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._count:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        size, gap = 20.0, 18.0
        width = self._count * size + (self._count - 1) * gap
        x = (self.width() - width) / 2
        y = (self.height() - size) / 2
        for index in range(self._count):
            rect = QRectF(x + index * (size + gap), y, size, size)
            if index == self._current:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(NIGHT.hold))
            else:
                painter.setPen(QColor(NIGHT.muted))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                rect.adjust(2, 2, -2, -2)
            painter.drawEllipse(rect)
        painter.end()


class ReliefStepsPage(QWidget):
    """One step at a time: picture, name, instruction, countdown, dots; "It's gone" below."""

    gone_requested = Signal()
    signs_requested = Signal()
    urgent_reached = Signal()  # once per cramp, at ten minutes
    announced = Signal(str)  # what a screen reader is told: a new step, the last seconds

    def __init__(
        self,
        clock: Clock,
        cue_player_factory: Callable[[], CuePlayer],
        language: str,
        parent: QWidget | None = None,
        *,
        speak: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._speak = speak  # spoken guidance; the shell knows whether it is on
        self._said_second = -1  # the last of the final three seconds announced
        self._cue_player_factory = cue_player_factory
        self._cues: CuePlayer | None = None
        self._language = language
        self.session: ReliefSession | None = None
        self.plan: ReliefPlan | None = None
        self._shown_step = -1
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.refresh)

        self._urgent_announced = False

        layout = QVBoxLayout(self)
        # Tight: the fall and swollen-calf cautions together take four lines at 32 pt,
        # and they must fit whole in a window, not only full screen.
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.urgent = relief_label(self.tr("This cramp has lasted 10 minutes."), "urgent")
        self.urgent.setAccessibleName(self.tr("Get urgent care"))
        self.urgent.hide()
        layout.addWidget(self.urgent)
        # The words first and full width: at 32 pt they need the room. The picture and
        # the countdown share what is left. The cautions are as large as the instruction
        # and in its colour: the swollen-calf and fall warnings must be read, not skimmed.
        self.name = relief_label("", "name")
        self.instruction = relief_label()
        self.caution = relief_label("", "caution")
        self.caution.setAccessibleName(self.tr("Caution"))
        # Calm, whole minutes, beside the step's name (where it costs no height): a count
        # of seconds would only tick up at a tired person.
        self.elapsed = relief_label("", "muted")
        self.elapsed.setWordWrap(False)
        self.elapsed.setAccessibleDescription(self.tr("Time since the cramp began"))
        header = QHBoxLayout()
        header.addWidget(self.name, 1)
        header.addWidget(self.elapsed, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(header)
        for label in (self.instruction, self.caution):
            layout.addWidget(label)
        layout.addLayout(self._build_middle(), 1)
        layout.addLayout(self._build_controls())

    def _build_middle(self) -> QHBoxLayout:
        middle = QHBoxLayout()
        middle.setSpacing(32)
        self.picture = IllustrationWidget()
        self.picture.setMinimumSize(120, 40)
        self.picture.set_brightness(PICTURE_BRIGHTNESS)
        self.picture.set_placeholder_color(NIGHT.muted)
        self.picture.set_blend(1.0)  # the stretch itself, still: nothing moves at night
        middle.addWidget(self.picture, 3)
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addStretch(1)
        self.countdown = relief_label("", "countdown")
        self.countdown.setAccessibleName(self.tr("Seconds left on this step"))
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(self.countdown)
        self.dots = ProgressDots()
        column.addWidget(self.dots)
        self.round = relief_label("", "hint")
        self.round.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.round.hide()
        column.addWidget(self.round)
        column.addStretch(1)
        middle.addLayout(column, 2)
        return middle

    def _build_controls(self) -> QHBoxLayout:
        controls = QHBoxLayout()
        controls.setSpacing(24)
        self.back_button = QPushButton("◀")
        self.back_button.setToolTip(self.tr("The step before (Left arrow)"))
        self.back_button.setAccessibleName(self.tr("The step before"))
        self.back_button.clicked.connect(self.previous_step)
        self.gone_button = QPushButton(self.tr("It's gone"))
        self.gone_button.setProperty("role", "primary")
        self.gone_button.setToolTip(self.tr("The cramp is over (Enter)"))
        self.gone_button.setMinimumWidth(320)
        self.gone_button.clicked.connect(self.gone_requested.emit)
        self.next_button = QPushButton("▶")
        self.next_button.setToolTip(self.tr("The next step (Right arrow)"))
        self.next_button.setAccessibleName(self.tr("The next step"))
        self.next_button.clicked.connect(self.next_step)
        for button in (self.back_button, self.gone_button, self.next_button):
            # Enter and the arrows belong to the relief screen, not to a focused button.
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        signs = signs_button(self, self.signs_requested)
        signs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        controls.addWidget(signs)
        controls.addStretch(1)
        controls.addWidget(self.back_button)
        controls.addWidget(self.gone_button)
        controls.addWidget(self.next_button)
        return controls

    @property
    def running(self) -> bool:
        return self.session is not None

    def start(self, plan: ReliefPlan) -> None:
        self.plan = plan
        self.session = ReliefSession(plan, self._clock)
        self._shown_step = -1
        self._urgent_announced = False
        self.urgent.hide()
        try:
            self._cues = self._cue_player_factory()
            self._cues.open()
        except Exception:  # sound is a nicety here; the steps go on silently
            self._cues = None
        self.refresh()

    def stop(self) -> list[str]:
        """End the guidance; the names of the steps that were shown, for the form."""
        self._timer.stop()
        if self._cues is not None:
            self._cues.close()
            self._cues = None
        session, self.session = self.session, None
        if session is None:
            return []
        names = session.step_names(self._language)
        return [names[step_id] for step_id in session.shown_steps]

    def next_step(self) -> None:
        if self.session is not None:
            self.session.next_step()
            self.refresh()

    def previous_step(self) -> None:
        if self.session is not None:
            self.session.previous_step()
            self.refresh()

    def refresh(self) -> None:
        session = self.session
        if session is None:
            return
        where = session.position()
        step = session.plan.steps[where.step_index]
        if where.step_index != self._shown_step:
            if self._shown_step >= 0 and self._cues is not None:
                self._cues.play(CueKind.GET_READY)  # a soft chime: the next step
            self._shown_step = where.step_index
            self.name.setText(step.name.get(self._language))
            self.instruction.setText(step.instruction.get(self._language))
            cautions = "\n".join(
                c.get(self._language) for c in session.plan.cautions_for(where.step_index)
            )
            self.caution.setText(cautions)
            self.caution.setVisible(bool(cautions))
            self.picture.set_illustration(step.illustration, None)
            self.picture.set_blend(1.0)
            self._fit_words()
            words = step_words(step.name, step.instruction, self._language)
            if self._speak is not None:
                self._speak(words)
            self._said_second = -1
            self._announce(words)
        self.countdown.setText(clock_text(int(where.remaining_s * 1000)))
        left = max(0, -int(-where.remaining_s // 1))  # whole seconds, rounded up
        name = (
            self.tr("1 second left on this step")
            if left == 1
            else self.tr("{n} seconds left on this step").format(n=left)
        )
        if name != self.countdown.accessibleName():
            self.countdown.setAccessibleName(name)
        if 1 <= left <= 3 and left != self._said_second:
            self._said_second = left
            self._announce(str(left))
        self.dots.set_position(len(session.plan.steps), where.step_index)
        if where.round > 1:
            self.round.setText(self.tr("Round {n}").format(n=where.round))
        else:
            self.round.setText("")
        self.round.setVisible(where.round > 1)  # no empty line taking room on the first
        elapsed = self.elapsed_text(where.elapsed_s)
        if self.elapsed.text() != elapsed:
            self.elapsed.setText(elapsed)
            self.elapsed.setAccessibleName(elapsed)  # read with its number, once a minute
        if where.urgent and self.urgent.isHidden():
            self.urgent.show()
        self._timer.start(session.ms_to_next_change())
        if where.urgent and not self._urgent_announced:
            self._urgent_announced = True
            self.urgent_reached.emit()

    def _announce(self, text: str) -> None:
        """Tell a screen reader now, once (not the countdown's every second)."""
        self.announced.emit(text)
        from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

        if QAccessible.isActive():
            QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self.countdown, text))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_words()

    def _fit_words(self) -> None:
        """Give the instruction and the cautions the height their lines need at this width:
        otherwise a small window squeezes them and clips the caution, and the picture
        (which may shrink) keeps its room instead."""
        width = max(1, self.width())
        for label in (self.instruction, self.caution):
            needed = label.heightForWidth(width - 24) if label.text() else 0
            label.setMinimumHeight(max(0, needed))

    def elapsed_text(self, seconds: float) -> str:
        minutes = int(seconds // 60)
        if minutes < 1:
            return self.tr("Under a minute since it began")
        # A plural goes through the module's tr, never self.tr (see app/ui/shell/i18n.py).
        return tr("%n min since it began", None, minutes)


class EpisodeForm(QWidget):
    """Three quick, skippable questions: which leg, how bad, what helped."""

    answered = Signal(object, object, object)  # leg or None, severity or None, helped tuple
    signs_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer, layout = scrolled_column(self, self.tr("Three quick questions"))
        layout.addWidget(relief_label(self.tr("Glad it has eased."), "name"))
        # Says "in your diary" only once the diary committed it (show_saved).
        self.saved_label = relief_label("", "muted")
        layout.addWidget(self.saved_label)
        leg_names = {
            "left": self.tr("Left"),
            "right": self.tr("Right"),
            "both": self.tr("Both"),
        }
        severity_names = {
            "mild": self.tr("Mild"),
            "moderate": self.tr("Moderate"),
            "severe": self.tr("Severe"),
        }
        self.legs = self._choices(layout, self.tr("Which leg?"), LEGS, leg_names)
        self.severities = self._choices(layout, self.tr("How bad?"), SEVERITIES, severity_names)
        layout.addWidget(relief_label(self.tr("What helped?")))
        # Three to a row: the steps' names at 32 pt do not fit on one line.
        self._helped_grid = QGridLayout()
        self._helped_grid.setSpacing(16)
        helped_row = QHBoxLayout()
        helped_row.addLayout(self._helped_grid)
        helped_row.addStretch(1)
        layout.addLayout(helped_row)
        self._helped: list[QPushButton] = []
        layout.addStretch(1)
        buttons = QHBoxLayout()
        buttons.setSpacing(24)
        signs = signs_button(self, self.signs_requested)
        buttons.addWidget(signs)
        buttons.addStretch(1)
        self.skip_button = QPushButton(self.tr("Skip"))
        self.skip_button.setToolTip(self.tr("Keep the cramp without details (Esc)"))
        self.skip_button.clicked.connect(self.skip)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setProperty("role", "primary")
        self.save_button.setToolTip(self.tr("Save these details (Enter)"))
        self.save_button.clicked.connect(self.submit)
        buttons.addWidget(self.skip_button)
        buttons.addWidget(self.save_button)
        outer.addLayout(buttons)

    def _choices(
        self, layout: QVBoxLayout, question: str, keys: tuple[str, ...], names: dict[str, str]
    ) -> QButtonGroup:
        row = QHBoxLayout()
        row.setSpacing(16)
        asked = relief_label(question)
        asked.setWordWrap(False)
        asked.setMinimumWidth(260)
        row.addWidget(asked)
        group = QButtonGroup(self)
        group.setExclusive(True)
        for key in keys:
            button = QPushButton(names[key])
            button.setCheckable(True)
            button.setProperty("key", key)
            group.addButton(button)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        return group

    def ask(self, shown_steps: list[str]) -> None:
        for group in (self.legs, self.severities):
            group.setExclusive(False)  # an exclusive group cannot be cleared
            for button in group.buttons():
                button.setChecked(False)
            group.setExclusive(True)
        for button in self._helped:
            self._helped_grid.removeWidget(button)
            button.deleteLater()
        self._helped = []
        for name in shown_steps:
            button = QPushButton(name)
            button.setCheckable(True)
            count = len(self._helped)
            self._helped_grid.addWidget(button, count // 3, count % 3)
            self._helped.append(button)
        self.save_button.setFocus()

    def show_saved(self, in_diary: bool) -> None:
        """Whether the cramp is in the diary (committed) or waits to be saved."""
        if in_diary:
            self.saved_label.setText(
                self.tr("It is in your diary. If you like, say a little more:")
            )
        else:
            self.saved_label.setText(
                self.tr(
                    "Not saved yet: Unknot keeps it and tries again. "
                    "If you like, say a little more:"
                )
            )

    @staticmethod
    def _checked(group: QButtonGroup) -> str | None:
        button = group.checkedButton()
        return str(button.property("key")) if button is not None else None

    def submit(self) -> None:
        helped = tuple(button.text() for button in self._helped if button.isChecked())
        self.answered.emit(self._checked(self.legs), self._checked(self.severities), helped)

    def skip(self) -> None:
        self.answered.emit(None, None, ())


class AftercarePage(QWidget):
    """What to do once it has gone (the routine's last steps), then back to sleep."""

    done = Signal()
    signs_requested = Signal()

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._language = language
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.text = relief_label()
        layout.addWidget(self.text)
        layout.addStretch(1)
        row = QHBoxLayout()
        signs = signs_button(self, self.signs_requested)
        row.addWidget(signs)
        row.addStretch(1)
        close = QPushButton(self.tr("Close"))
        close.setProperty("role", "primary")
        close.setToolTip(self.tr("Close the relief screen (Enter)"))
        close.clicked.connect(self.done.emit)
        row.addWidget(close)
        layout.addLayout(row)

    def show_plan(self, plan: ReliefPlan | None) -> None:
        lines = []
        for step in plan.aftercare if plan is not None else ():
            lines.append(step.instruction.get(self._language))
            lines.extend(caution.get(self._language) for caution in step.cautions)
        self.text.setText("\n\n".join(lines) or self.tr("Rest now. Good night."))


class UrgentPage(QWidget):
    """At ten minutes: this cramp has lasted long enough to get help today. Shown once,
    over the steps, which go on underneath; the words are the urgent tier's own."""

    back_requested = Signal()
    signs_requested = Signal()

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._language = language
        outer, layout = scrolled_column(self, self.tr("Get urgent care"))
        self.heading = relief_label(self.tr("This cramp has lasted 10 minutes."), "urgent")
        layout.addWidget(self.heading)
        # What not to do comes first, above the fold: the list below may need scrolling.
        self.swollen = relief_label("", "caution")
        layout.addWidget(self.swollen)
        self.title = relief_label("", "name")
        layout.addWidget(self.title)
        self.signs = relief_label()
        layout.addWidget(self.signs)
        layout.addStretch(1)
        row = QHBoxLayout()
        row.setSpacing(24)
        signs = signs_button(self, self.signs_requested)
        signs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        row.addWidget(signs)
        row.addStretch(1)
        back = QPushButton(self.tr("Back to the steps"))
        back.setProperty("role", "primary")
        back.setToolTip(self.tr("The steps go on (Enter or Esc)"))
        back.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        back.clicked.connect(self.back_requested.emit)
        row.addWidget(back)
        outer.addLayout(row)

    def show_signs(self, tiers: list[WarningTier], swollen: str, fallback: str) -> None:
        """The urgent tier's title and signs (already filled for the user's region), and
        the swollen-calf line; `fallback` when the warning signs could not be read."""
        urgent = next((tier for tier in tiers if tier.id == "urgent"), None)
        if urgent is None:
            self.title.setText(fallback)
            self.signs.setText("")
        else:
            self.title.setText(urgent.title.get(self._language) + ":")
            self.signs.setText(
                "\n".join("• " + sign.text.get(self._language) for sign in urgent.signs)
            )
        self.signs.setVisible(bool(self.signs.text()))
        self.swollen.setText(swollen)


class ReliefWarningSigns(QWidget):
    """The three tiers, most urgent first, large; the relief goes on underneath."""

    back_requested = Signal()

    def __init__(
        self, tiers: list[WarningTier], language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setAccessibleName(self.tr("Warning signs"))  # a Tab stop: named
        view = WarningSignsView(tiers, language, colors=NIGHT_TIER_COLORS)
        # The relief screen's large type, inside the tiers' own coloured boxes.
        view.setStyleSheet("QLabel { font-size: 32pt; background: transparent; }")
        scroll.setWidget(view)
        layout.addWidget(scroll, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        back = QPushButton(self.tr("Back"))
        back.setProperty("role", "primary")
        back.setToolTip(self.tr("Esc"))
        back.clicked.connect(self.back_requested.emit)
        row.addWidget(back)
        layout.addLayout(row)
