"""The relief screen: dark, warm, large type, one step at a time, "It's gone" always in reach.

Built hidden at start-up (or first, for `unknot --emergency`), so showing it costs a page
switch and a paint. Its first page, "In bed" or "Standing", needs neither the routine files
nor the `Qt` namespace (about 40 ms to create): alignment comes from the style sheet, and
keys are taken just after the first paint. The steps, the form and the aftercare are built
on first use.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QFocusEvent, QKeyEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.settings import Posture
from app.ui.relief.relief_parts import relief_label, signs_button
from app.ui.shell.theme import NIGHT, Colors

if TYPE_CHECKING:
    from app.audio.cue_player import CuePlayer
    from app.core.clock import Clock
    from app.core.content import WarningTier
    from app.core.episode_keeper import EpisodeKeeper
    from app.core.journal import Episode
    from app.core.relief import ReliefPlan
    from app.ui.relief.relief_steps import (
        AftercarePage,
        EpisodeForm,
        ReliefStepsPage,
        ReliefWarningSigns,
        UrgentPage,
    )

log = logging.getLogger(__name__)

OFFERED_STYLE = (
    f"background: {NIGHT.accent}; color: {NIGHT.accent_text}; font-weight: 600;"
    f" border: 3px solid {NIGHT.hold};"
)
TEXT_PT = 32  # the least size of any text a person must read on the relief screen
HINT_PT = 20  # key hints under the buttons, which nobody needs to read


def relief_style(c: Colors = NIGHT, scale: float = 1.0) -> str:
    """The relief screen's own look, whatever the app's theme: dim, warm, nothing white.

    `scale` shrinks every size together on a small screen (see `fitting_scale`), so the
    page fits instead of its buttons running into each other.
    """

    def pt(size: float) -> str:
        return f"{size * scale:.1f}pt"

    def px(size: float) -> str:
        return f"{max(1, round(size * scale))}px"

    return f"""
    QWidget#relief {{ background: {c.window}; }}
    QWidget#relief QLabel {{ color: {c.text}; font-size: {pt(TEXT_PT)}; background: transparent; }}
    QWidget#relief QLabel[role="muted"] {{ color: {c.muted}; }}
    QWidget#relief QLabel[role="hint"] {{ color: {c.muted}; font-size: {pt(HINT_PT)}; }}
    QWidget#relief QLabel[role="name"] {{ font-size: {pt(36)}; font-weight: 600; }}
    QWidget#relief QLabel[role="countdown"] {{ font-size: {pt(60)}; font-weight: 300; }}
    QWidget#relief QLabel[role="center"] {{ qproperty-alignment: AlignCenter; }}
    QWidget#relief QLabel[role="caution"] {{
        color: {c.text}; border-left: 6px solid {c.hold}; padding-left: 14px;
    }}
    QWidget#relief QLabel[role="urgent"] {{
        background: #3a2210; color: #e8c29a; border: 3px solid {c.hold};
        border-radius: 12px; padding: {px(12)} {px(18)}; font-size: {pt(36)}; font-weight: 600;
    }}
    QWidget#relief QPushButton {{
        background: {c.surface}; color: {c.text}; border: 2px solid {c.border};
        border-radius: 14px; padding: {px(12)} {px(28)}; font-size: {pt(TEXT_PT)};
    }}
    QWidget#relief QPushButton:focus {{ border: 3px solid {c.hold}; }}
    QWidget#relief QPushButton:checked {{
        background: {c.accent}; color: {c.accent_text}; border: 3px solid {c.hold};
    }}
    QWidget#relief QPushButton[role="primary"] {{
        background: {c.accent}; color: {c.accent_text}; font-weight: 600;
        padding: {px(18)} {px(48)};
    }}
    QWidget#relief QPushButton[role="primary"]:focus {{ border: 3px solid {c.text}; }}
    QWidget#relief QPushButton[role="gentle"]:checked {{
        background: {c.surface}; color: {c.text}; border: 3px solid {c.rest};
    }}
    QWidget#relief QScrollArea {{ background: transparent; border: none; }}
    QWidget#relief QScrollBar:vertical {{
        background: {c.window}; width: 14px; margin: 0; border: none;
    }}
    QWidget#relief QScrollBar::handle:vertical {{
        background: {c.border}; border-radius: 7px; min-height: 40px;
    }}
    QWidget#relief QScrollBar::add-line, QWidget#relief QScrollBar::sub-line {{
        height: 0; border: none;
    }}
    QWidget#relief QScrollBar::add-page, QWidget#relief QScrollBar::sub-page {{
        background: none;
    }}
    QWidget#relief QScrollArea > QWidget > QWidget {{ background: transparent; }}
    """


# The relief screen's sizes are drawn for a window of about this size; smaller ones (a 1080p
# screen at 200% is 960x510) get everything shrunk together, never below this share, which
# still keeps the least text at 22 pt.
DESIGN_SIZE = (1000, 660)
LEAST_SCALE = 0.7


def fitting_scale(width: int, height: int) -> float:
    """The share of the designed sizes that fits a relief view of this size, in steps of
    0.05 so that small resizes do not restyle the page."""
    share = min(1.0, width / DESIGN_SIZE[0], height / DESIGN_SIZE[1])
    return max(LEAST_SCALE, math.floor(share * 20) / 20)


class ChoiceButton(QPushButton):
    """ "In bed" or "Standing": whatever gives it the keyboard (Tab, a click, the arrows)
    also makes it the one chosen, so the filled button, the focus ring and the hint never
    disagree."""

    def __init__(self, text: str, position: Posture, page: ChoicePage) -> None:
        super().__init__(text)
        self.position = position
        self._page = page

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self._page.offer(self.position)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        from PySide6.QtCore import Qt  # a key comes after the first paint

        key = Qt.Key
        if event.key() in (key.Key_Left, key.Key_Right, key.Key_Up, key.Key_Down):
            # Not QPushButton's own focus move: the relief screen says which way is which
            # (Left is "In bed", Right is "Standing"), and Up and Down do nothing.
            event.ignore()
            return
        super().keyPressEvent(event)


class ChoicePage(QWidget):
    """ "In bed" or "Standing": one tap (or Enter for the one chosen last time)."""

    chosen = Signal(object)  # a Posture
    cancelled = Signal()
    signs_requested = Signal()
    gentle_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 24, 48, 32)
        layout.addStretch(1)
        layout.addWidget(relief_label(self.tr("Where are you?"), "center"))
        layout.addSpacing(24)
        row = QHBoxLayout()
        row.setSpacing(32)
        row.addStretch(1)
        self.bed = ChoiceButton(self.tr("In bed"), Posture.BED, self)
        self.standing = ChoiceButton(self.tr("Standing"), Posture.STANDING, self)
        for button in (self.bed, self.standing):
            button.setMinimumSize(320, 140)
            button.clicked.connect(lambda _=False, p=button.position: self.chosen.emit(p))
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addSpacing(24)
        self.hint = relief_label("", "hint")
        self.hint.setStyleSheet("qproperty-alignment: AlignCenter;")
        layout.addWidget(self.hint)
        layout.addStretch(1)
        # The gentle profile, offered here once (and kept in the View menu): a checkable
        # button, not a check box, so it is as large as everything else here.
        self._gentle_words = self.tr("Pregnant, older or unsteady on your feet")
        self._gentle_on = False
        self.gentle = QPushButton()
        self.gentle.setAccessibleName(self._gentle_words)
        self._fit_gentle()
        self.gentle.setCheckable(True)
        self.gentle.setProperty("role", "gentle")
        self.gentle.setToolTip(self.tr("Gentler standing steps, always holding a support"))
        self.gentle.toggled.connect(self._gentle_toggled)
        gentle_row = QHBoxLayout()
        gentle_row.addStretch(1)
        gentle_row.addWidget(self.gentle)
        gentle_row.addStretch(1)
        layout.addLayout(gentle_row)
        layout.addStretch(1)
        bottom = QHBoxLayout()
        self.signs = signs_button(self, self.signs_requested)
        bottom.addWidget(self.signs)
        bottom.addStretch(1)
        self.cancel = QPushButton(self.tr("Not now"))
        self.cancel.setToolTip(self.tr("Close without recording a cramp (Esc)"))
        self.cancel.clicked.connect(self.cancelled.emit)
        bottom.addWidget(self.cancel)
        layout.addLayout(bottom)

    def _fit_gentle(self) -> None:
        """The setting's words, ticked when on, on two lines: whole on any screen down to
        760 px wide, at the relief screen's large type."""
        # Broken at the space nearest the middle, not at the English " or ": the words are
        # translated ("…, older or / unsteady on your feet" in English either way).
        text = self._gentle_words
        spaces = [i for i, c in enumerate(text) if c == " "] or [len(text)]
        cut = min(spaces, key=lambda i: abs(i - len(text) / 2))
        lines = f"{text[:cut]}\n{text[cut + 1 :]}" if cut < len(text) else text
        words = ("✓ " if self._gentle_on else "") + lines
        if self.gentle.text() != words:
            self.gentle.setText(words)

    @property
    def offered(self) -> Posture:
        return Posture.STANDING if self.standing.isDefault() else Posture.BED

    def set_gentle(self, on: bool) -> None:
        """Show the gentle profile's setting without announcing it as a change."""
        self.gentle.blockSignals(True)
        self.gentle.setChecked(on)
        self.gentle.blockSignals(False)
        self._show_gentle(on)

    def _gentle_toggled(self, on: bool) -> None:
        self._show_gentle(on)
        self.gentle_toggled.emit(on)
        self.offer(self.offered)  # the keyboard goes back to the choice

    def _show_gentle(self, on: bool) -> None:
        self._gentle_on = on
        self._fit_gentle()

    def take_keys(self) -> None:
        """After the first paint: Tab and the arrows move only between the two choices,
        never to the buttons below (Esc and F1 reach those), so Enter always means the
        filled button."""
        from PySide6.QtCore import Qt

        for button in (self.signs, self.cancel, self.gentle):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def focusNextPrevChild(self, next: bool) -> bool:
        # Tab and Shift+Tab from either choice: the other one (there are only two).
        self.offer(Posture.BED if self.offered is Posture.STANDING else Posture.STANDING)
        return True

    def offer(self, position: Posture) -> None:
        """Fill the button for `position`, give it the keyboard and say so in the hint:
        Enter, Return and Space then all choose it."""
        button = self.standing if position == Posture.STANDING else self.bed
        if not button.isDefault() or not self.hint.text():
            for candidate in (self.bed, self.standing):
                # A style sheet of its own, not a "role" property and a re-polish: calling
                # style() makes PySide6 build QStyle's enum classes, 80 ms before the first
                # paint of `unknot --emergency`.
                candidate.setStyleSheet(OFFERED_STYLE if candidate is button else "")
                candidate.setDefault(candidate is button)
            self.hint.setText(
                self.tr("Enter: {choice}. Arrow keys to change.").format(choice=button.text())
            )
        if not button.hasFocus():
            button.setFocus()


class ReliefView(QWidget):
    """The whole relief flow; the main window shows it and hears when it is over."""

    painted = Signal()  # after every paint: the instance acknowledges `--emergency` on it
    position_chosen = Signal(object)  # a Posture
    gentle_changed = Signal(bool)  # the gentle profile, switched on the first page
    closed = Signal()  # the user is done with the relief screen
    episode_saved = Signal()  # an episode reached the diary (the diary screen refreshes)
    episode_waiting = Signal()  # the diary could not take it yet: it waits in memory
    full_screen_requested = Signal()

    def __init__(
        self,
        plan_for: Callable[[str], ReliefPlan],
        keeper: Callable[[], EpisodeKeeper],
        *,
        clock: Clock,
        cue_player_factory: Callable[[], CuePlayer],
        language: str,
        parent: QWidget | None = None,
        speak: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("relief")
        # It takes the keys for the whole relief flow, so it is a focus stop: named.
        self.setAccessibleName(self.tr("Cramp relief"))
        self.setAccessibleDescription(
            self.tr("Enter: the next choice; arrows: steps; Esc: back; F1: warning signs")
        )
        self._speak = speak
        self._scale = 1.0
        self.setStyleSheet(relief_style())
        self._background = QColor(NIGHT.window)
        self._plan_for = plan_for
        # Asked for only when an episode starts: it brings SQLite, which the first paint
        # of `unknot --emergency` does without.
        self._keeper = keeper
        self._clock = clock
        self._cue_player_factory = cue_player_factory
        self._language = language
        self._tiers: list[WarningTier] = []
        self._steps: ReliefStepsPage | None = None
        self._form: EpisodeForm | None = None
        self._aftercare: AftercarePage | None = None
        self._signs: ReliefWarningSigns | None = None
        self._urgent: UrgentPage | None = None
        self._page_before_signs: QWidget | None = None
        self._episode_number = 0
        self._episode: Episode | None = None  # the episode as last stored
        self.episode_in_diary = False  # whether the last write of the episode committed

        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 12, 24, 12)
        self.pages = QStackedWidget()
        outer.addWidget(self.pages, 1)
        # Each page fits as it comes: the steps' bottom row may need a smaller scale.
        self.pages.currentChanged.connect(lambda _index: self._fit())
        self.choice = ChoicePage()
        self.choice.chosen.connect(self.choose)
        self.choice.cancelled.connect(self._cancel)
        self.choice.signs_requested.connect(self.show_warning_signs)
        self.choice.gentle_toggled.connect(self.gentle_changed.emit)
        self.pages.addWidget(self.choice)
        self._keys: dict[object, Callable[[], bool]] | None = None

    def _key_handlers(self) -> dict[object, Callable[[], bool]]:
        from PySide6.QtCore import Qt  # after the first paint: the first key comes later

        def always(slot: Callable[[], object]) -> Callable[[], bool]:
            return lambda: slot() is None or True

        key = Qt.Key
        return {
            key.Key_Return: always(self._enter),
            key.Key_Enter: always(self._enter),
            key.Key_Escape: always(self._escape),
            key.Key_F1: always(self.show_warning_signs),
            key.Key_W: always(self.show_warning_signs),
            key.Key_F11: always(self.full_screen_requested.emit),
            key.Key_Right: self._right,
            key.Key_Left: self._left,
        }

    # Keys reach the relief screen from whichever of its children has focus: its buttons
    # let Enter, Esc, arrows and F-keys pass up to here (none is a default button but the
    # offered position, whose Enter means the same). An application-wide event filter
    # would do too, but every event in the app would then pass through Python, and the
    # first of each kind costs PySide6 its enum classes: 60 ms when the cramp comes.
    def accept_focus(self) -> None:
        """Take the keyboard focus when shown (after the first paint: it needs `Qt`)."""
        from PySide6.QtCore import Qt

        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.choice.take_keys()
        if self._keys is None:
            self._keys = self._key_handlers()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        from PySide6.QtCore import Qt

        held = Qt.KeyboardModifier
        if not event.modifiers() & (held.ControlModifier | held.AltModifier | held.MetaModifier):
            if self._keys is None:
                self._keys = self._key_handlers()
            handler = self._keys.get(event.key())
            if handler is not None and handler():
                return
        super().keyPressEvent(event)

    # -- what the main window calls --------------------------------------------------

    def set_content(self, tiers: list[WarningTier]) -> None:
        """The warning signs, filled with the numbers of the user's region; shown on the
        signs page and, from the urgent tier, at ten minutes."""
        self._tiers = tiers
        signs = self._signs
        if signs is not None and self.pages.currentWidget() is not signs:
            # Built again, with the new numbers, the next time it is asked for.
            self.pages.removeWidget(signs)
            signs.deleteLater()
            self._signs = None
        if self._urgent is not None:
            self._show_urgent_signs(self._urgent)

    def set_gentle(self, on: bool) -> None:
        """The gentle profile as the settings hold it (no signal)."""
        self.choice.set_gentle(on)

    @property
    def swollen_calf_text(self) -> str:
        return self.tr(
            "If one calf is swollen, warm, red or darker, don't rub or stretch it: "
            "get it checked today."
        )

    @property
    def urgent_text(self) -> str:
        # The content brief's urgent tier, should the content file be unreadable.
        return self.tr(
            "Get urgent care today (a same-day doctor or an urgent-care service) if a cramp "
            "lasts more than 10 minutes and stretching doesn't help."
        )

    @property
    def in_progress(self) -> bool:
        """A cramp is being guided (the steps are running)."""
        return self._steps is not None and self._steps.running

    def begin(self, position: Posture) -> None:
        """Show the first page, offering the position chosen last time; a relief already
        under way carries on where it is."""
        if self.in_progress:
            if self.pages.currentWidget() is self._signs:
                self.back_from_signs()
            return
        self.pages.setCurrentWidget(self.choice)
        self.choice.offer(position)

    def choose(self, position: Posture) -> None:
        position = Posture(position)  # a plain "bed" or "standing" too
        self.position_chosen.emit(position)
        try:
            plan = self._plan_for(position)
        except Exception:  # the relief screen itself never fails: play the built-in steps
            log.exception("relief plan failed; using the built-in steps")
            from app.core.relief import built_in_plan

            plan = built_in_plan(position)
        steps = self._steps_page()
        self._episode_number = self._keeper().new()
        steps.start(plan)
        self.pages.setCurrentWidget(steps)
        self.setFocus()  # the steps' buttons take no focus: keys come here
        self._store(finished=False)

    def gone(self) -> None:
        """ "It's gone": store the episode at once, then ask the quick questions."""
        steps = self._steps
        if steps is None or not steps.running:
            return
        self._store(finished=True)
        shown = steps.stop()
        form = self._form_page()
        form.ask(shown)
        form.show_saved(self.episode_in_diary)
        self.pages.setCurrentWidget(form)

    def abandon(self) -> None:
        """The window is closing mid-relief: keep the episode as unfinished."""
        if self._steps is not None and self._steps.running:
            self._store(finished=False)
            self._steps.stop()

    # -- pages ----------------------------------------------------------------------

    def _steps_page(self) -> ReliefStepsPage:
        if self._steps is None:
            from app.ui.relief.relief_steps import ReliefStepsPage

            self._steps = ReliefStepsPage(
                self._clock, self._cue_player_factory, self._language, speak=self._speak
            )
            self._steps.urgent_reached.connect(self.show_urgent)
            self._steps.gone_requested.connect(self.gone)
            self._steps.signs_requested.connect(self.show_warning_signs)
            self.pages.addWidget(self._steps)
        return self._steps

    def _form_page(self) -> EpisodeForm:
        if self._form is None:
            from app.ui.relief.relief_steps import EpisodeForm

            self._form = EpisodeForm()
            self._form.answered.connect(self._save_answers)
            self._form.signs_requested.connect(self.show_warning_signs)
            self.pages.addWidget(self._form)
        return self._form

    def _aftercare_page(self) -> AftercarePage:
        if self._aftercare is None:
            from app.ui.relief.relief_steps import AftercarePage

            self._aftercare = AftercarePage(self._language)
            self._aftercare.done.connect(self.closed.emit)
            self._aftercare.signs_requested.connect(self.show_warning_signs)
            self.pages.addWidget(self._aftercare)
        return self._aftercare

    def _urgent_page(self) -> UrgentPage:
        if self._urgent is None:
            from app.ui.relief.relief_steps import UrgentPage

            self._urgent = UrgentPage(self._language)
            self._urgent.back_requested.connect(self.back_to_steps)
            self._urgent.signs_requested.connect(self.show_warning_signs)
            self._show_urgent_signs(self._urgent)
            self.pages.addWidget(self._urgent)
        return self._urgent

    def _show_urgent_signs(self, page: UrgentPage) -> None:
        page.show_signs(self._tiers, self.swollen_calf_text, self.urgent_text)

    def show_urgent(self) -> None:
        """Ten minutes: say so, over the steps (which go on). Someone reading the warning
        signs finds it when they come back."""
        page = self._urgent_page()
        current = self.pages.currentWidget()
        if current is self._steps:
            self.pages.setCurrentWidget(page)
            self.setFocus()
        elif current is self._signs and self._page_before_signs is self._steps:
            self._page_before_signs = page

    def back_to_steps(self) -> None:
        if self._steps is not None and self._steps.running:
            self.pages.setCurrentWidget(self._steps)
            self.setFocus()

    def show_warning_signs(self) -> None:
        if self._signs is None:
            from app.ui.relief.relief_steps import ReliefWarningSigns

            self._signs = ReliefWarningSigns(self._tiers, self._language)
            self._signs.back_requested.connect(self.back_from_signs)
            self.pages.addWidget(self._signs)
        if self.pages.currentWidget() is not self._signs:
            self._page_before_signs = self.pages.currentWidget()
        self.pages.setCurrentWidget(self._signs)
        self._signs.setFocus()

    def back_from_signs(self) -> None:
        self.pages.setCurrentWidget(self._page_before_signs or self.choice)
        self.setFocus()
        current = self.pages.currentWidget()
        if current is self.choice:
            self.choice.offer(self.choice.offered)

    # -- the episode ----------------------------------------------------------------------

    def _store(self, finished: bool) -> None:
        steps = self._steps
        if steps is None or steps.session is None:
            return
        self._keep(steps.session.episode(finished))

    def _keep(self, episode: Episode) -> None:
        from app.core.diary_writer import Saved

        self._episode = episode
        outcome = self._keeper().save(self._episode_number, episode)
        # Only a committed write may be called saved: the form says which it was.
        self.episode_in_diary = outcome.saved is Saved.SAVED
        if self.episode_in_diary:
            self.episode_saved.emit()
        else:
            self.episode_waiting.emit()

    def _save_answers(self, leg: str | None, severity: str | None, helped: tuple[str, ...]) -> None:
        import dataclasses

        if self._episode is not None and (leg or severity or helped):
            self._keep(
                dataclasses.replace(self._episode, leg=leg, severity=severity, helped=helped)
            )
        page = self._aftercare_page()
        page.show_plan(self._steps.plan if self._steps is not None else None)
        self.pages.setCurrentWidget(page)
        self.setFocus()

    def _cancel(self) -> None:
        self.closed.emit()

    # -- keys -----------------------------------------------------------------------

    def _enter(self) -> None:
        current = self.pages.currentWidget()
        if current is self.choice:
            self.choose(self.choice.offered)
        elif current is self._steps:
            self.gone()
        elif current is self._form and self._form is not None:
            self._form.submit()
        elif current is self._aftercare:
            self.closed.emit()
        elif current is self._signs:
            self.back_from_signs()
        elif current is self._urgent:
            self.back_to_steps()

    def _escape(self) -> None:
        current = self.pages.currentWidget()
        if current is self.choice:
            self._cancel()
        elif current is self._signs:
            self.back_from_signs()
        elif current is self._urgent:
            self.back_to_steps()
        elif current is self._form and self._form is not None:
            self._form.skip()
        elif current is self._aftercare:
            self.closed.emit()
        # On the steps, Esc does nothing: a sleepy key press must not end the guidance.

    def _right(self) -> bool:
        current = self.pages.currentWidget()
        if current is self.choice:
            self.choice.offer(Posture.STANDING)
        elif current is self._steps and self._steps is not None:
            self._steps.next_step()
        else:
            return False  # the form's buttons and the scrolled signs use the arrows
        return True

    def _left(self) -> bool:
        current = self.pages.currentWidget()
        if current is self.choice:
            self.choice.offer(Posture.BED)
        elif current is self._steps and self._steps is not None:
            self._steps.previous_step()
        else:
            return False
        return True

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """The largest scale at which the page on show fits: first by the window's size (one
        restyle when it crosses a step), then a step smaller while a button is still
        narrower than its words (longer words, say in Russian, on a small screen)."""
        scale = fitting_scale(self.width(), self.height())
        while True:
            if scale != self._scale:
                self._scale = scale
                self.setStyleSheet(relief_style(scale=scale))
            if scale <= LEAST_SCALE or not self._squeezed():
                return
            scale = round(scale - 0.05, 2)

    def _squeezed(self) -> bool:
        page = self.pages.currentWidget()
        if page is None or not self.isVisible():
            return False
        layout = page.layout()
        if layout is not None:
            layout.activate()
        for button in page.findChildren(QPushButton):
            if button.isVisible():
                button.ensurePolished()
                if button.width() + 1 < button.sizeHint().width():
                    return True
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        # Painted here, not by the style sheet (a plain QWidget subclass draws no style-sheet
        # background) nor the palette (the app's style sheet overrides it): the very first
        # frame must already be dark.
        painter = QPainter(self)
        painter.fillRect(event.rect(), self._background)
        painter.end()
        self.painted.emit()
