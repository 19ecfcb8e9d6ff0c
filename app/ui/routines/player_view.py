"""The player screen: picture, big countdown, what to do now and next, and the controls.

A single-shot timer wakes the player exactly when something will change (a cue, a segment
end, the next whole second of the countdown). A second timer runs at about 30 frames a
second only while the picture is moving between its poses.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.audio.cue_player import CuePlayer
from app.core.clock import Clock
from app.core.player import FiredCue, Player, PlayerState, SessionReport
from app.core.routines import Routine
from app.core.timeline import Segment, SegmentKind, Timeline, build_timeline
from app.ui.shell.format import clock_text, side_text
from app.ui.shell.illustration import IllustrationWidget
from app.ui.shell.plain import plain
from app.ui.shell.theme import Colors

FRAME_MS = 40  # 25 frames a second: smooth enough for a slow stretch, half the cost of 50
POSE_CHANGE_MS = 900  # how long the picture takes to move into a hold or out of it
WORK_CYCLE_MS = 2000  # one back-and-forth for continuous work such as marching
# An open mixer keeps SDL's audio thread awake even in silence: a long pause closes it.
PAUSED_MIXER_CLOSE_MS = 5000


def ease(t: float) -> float:
    t = min(1.0, max(0.0, t))
    return 0.5 - 0.5 * math.cos(math.pi * t)


def pose_blend(segment: Segment, offset_ms: int) -> tuple[float, bool]:
    """Where the picture is between pose A (0) and B (1), and whether it is still moving."""
    if segment.kind is SegmentKind.HOLD:
        return ease(offset_ms / POSE_CHANGE_MS), offset_ms < POSE_CHANGE_MS
    if segment.kind is SegmentKind.REST:
        return 1.0 - ease(offset_ms / POSE_CHANGE_MS), offset_ms < POSE_CHANGE_MS
    if segment.kind is SegmentKind.WORK:
        cycle = segment.pace_ms or WORK_CYCLE_MS
        phase = (offset_ms % cycle) / cycle
        return 0.5 - 0.5 * math.cos(2 * math.pi * phase), True
    return 0.0, False


class PlayerView(QWidget):
    session_ended = Signal(object)  # SessionReport, or None if it never started
    mute_toggled = Signal(bool)

    def __init__(
        self,
        clock: Clock,
        cue_player_factory: Callable[[], CuePlayer],
        language: str,
        muted: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._cue_player_factory = cue_player_factory
        self._cues: CuePlayer | None = None
        self._language = language
        self._muted = muted
        self.player: Player | None = None
        self._timeline: Timeline | None = None
        self._shown_picture: tuple[int, object] | None = None
        self._report: SessionReport | None = None
        self._colors: Colors | None = None
        self._phase_kind: SegmentKind | None = None

        self._wake = QTimer(self)
        self._wake.setSingleShot(True)
        self._wake.setTimerType(Qt.TimerType.PreciseTimer)
        self._wake.timeout.connect(self.advance)
        self._frames = QTimer(self)
        self._frames.setInterval(FRAME_MS)
        self._frames.timeout.connect(self._on_frame)
        self._mixer_rest = QTimer(self)
        self._mixer_rest.setSingleShot(True)
        self._mixer_rest.timeout.connect(self._close_mixer_while_paused)

        self._build()
        self._bind_keys()

    # -- layout ------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.setSpacing(10)

        header = QHBoxLayout()
        self.step_name = plain(QLabel())
        self.step_name.setProperty("role", "title")
        self.step_name.setWordWrap(True)
        header.addWidget(self.step_name, 1)
        self.step_count = QLabel()
        self.step_count.setProperty("role", "muted")
        header.addWidget(self.step_count, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(header)
        outer.addLayout(self._build_middle(), 1)
        self._build_progress(outer)
        outer.addLayout(self._build_controls())
        self._update_mute_button()

    def _build_middle(self) -> QHBoxLayout:
        middle = QHBoxLayout()
        middle.setSpacing(24)
        self.picture = IllustrationWidget()
        middle.addWidget(self.picture, 3)
        # What to do, how long, which rep and leg, and how: one centred column.
        column = QVBoxLayout()
        column.setSpacing(8)
        column.addStretch(1)
        self.phase = QLabel()
        self.phase.setAccessibleName(self.tr("What to do now"))
        self.countdown = QLabel()
        self.countdown.setAccessibleName(self.tr("Seconds left"))
        self.detail = QLabel()
        self.instruction = plain(QLabel())
        self.instruction.setWordWrap(True)
        # The routine's cautions (the pregnancy line, "never pain") from the lead-in through
        # the first step, and each step's own on that step: a routine started from a
        # reminder, `--routine` or Play again never passed its start screen.
        self.caution = plain(QLabel())
        self.caution.setWordWrap(True)
        self.caution.setProperty("role", "caution")
        self.caution.setAccessibleName(self.tr("Caution"))
        self.caution.hide()
        for label in (self.phase, self.countdown, self.detail, self.instruction, self.caution):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            column.addWidget(label)
        column.addStretch(1)
        middle.addLayout(column, 2)
        return middle

    def _build_progress(self, outer: QVBoxLayout) -> None:
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setRange(0, 1000)
        self.progress.setAccessibleName(self.tr("Routine progress"))
        outer.addWidget(self.progress)
        below = QHBoxLayout()
        self.next_label = plain(QLabel())
        self.next_label.setProperty("role", "muted")
        below.addWidget(self.next_label, 1)
        self.time_left = QLabel()
        self.time_left.setProperty("role", "muted")
        below.addWidget(self.time_left)
        outer.addLayout(below)

    def _build_controls(self) -> QHBoxLayout:
        controls = QHBoxLayout()
        controls.setSpacing(12)
        self.back_button = self._button(self.tr("Back"), self.tr("Previous (Left arrow)"))
        self.pause_button = self._button(self.tr("Pause"), self.tr("Pause or resume (Space)"))
        self.pause_button.setProperty("role", "primary")
        self.skip_button = self._button(self.tr("Skip"), self.tr("Next (Right arrow)"))
        self.stop_button = self._button(self.tr("Stop"), self.tr("Stop the routine (Esc)"))
        self.mute_button = self._button("", self.tr("Sound on or off (M)"))
        self.back_button.clicked.connect(self.previous)
        self.pause_button.clicked.connect(self.toggle_pause)
        self.skip_button.clicked.connect(self.next)
        self.stop_button.clicked.connect(self.stop)
        self.mute_button.clicked.connect(self.toggle_mute)
        controls.addWidget(self.stop_button)
        controls.addStretch(1)
        for button in (self.back_button, self.pause_button, self.skip_button):
            controls.addWidget(button)
        controls.addStretch(1)
        controls.addWidget(self.mute_button)
        return controls

    def _button(self, text: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        button.setMinimumWidth(110)
        # Space, arrows and Esc belong to the player, not to whichever button has focus.
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return button

    def _bind_keys(self) -> None:
        bindings = {
            Qt.Key.Key_Space: self.toggle_pause,
            Qt.Key.Key_Right: self.next,
            Qt.Key.Key_Left: self.previous,
            Qt.Key.Key_Escape: self.stop,
            Qt.Key.Key_M: self.toggle_mute,
        }
        for key, slot in bindings.items():
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def apply_colors(self, colors: Colors) -> None:
        self._colors = colors
        self.picture.set_placeholder_color(colors.muted)
        self.picture.set_brightness(colors.picture_brightness)
        self._style_phase()

    def resizeEvent(self, event: QResizeEvent) -> None:
        # The countdown must be readable from two metres: size it from the window.
        height = max(event.size().height(), 300)
        big = QFont(self.font())
        big.setPixelSize(int(min(height * 0.22, event.size().width() * 0.12)))
        big.setWeight(QFont.Weight.DemiBold)
        big.setFeature(QFont.Tag("tnum"), 1)  # digits of equal width: the number does not jiggle
        self.countdown.setFont(big)
        phase = QFont(self.font())
        phase.setPixelSize(max(20, int(height * 0.055)))
        phase.setWeight(QFont.Weight.DemiBold)
        self.phase.setFont(phase)
        text = QFont(self.font())
        text.setPixelSize(max(16, int(height * 0.03)))
        self.instruction.setFont(text)
        self.detail.setFont(text)
        self.caution.setFont(text)  # as large as the instruction: read, not skimmed
        super().resizeEvent(event)

    # -- session -----------------------------------------------------------

    def start(self, routine: Routine) -> None:
        """Play `routine` from the start; the mixer opens during the lead-in."""
        self._finish_audio()
        self._report = None
        self._timeline = build_timeline(routine)
        self.player = Player(self._timeline, self._clock, on_session_end=self._on_session_end)
        self._shown_picture = None
        self._cues = self._cue_player_factory()
        self._cues.set_muted(self._muted)
        self._cues.open()
        self._handle(self.player.play())

    def toggle_pause(self) -> None:
        if self.player is None:
            return
        fired = self.player.toggle_pause()
        if self.player.state is PlayerState.PAUSED:
            self._mixer_rest.start(PAUSED_MIXER_CLOSE_MS)
        else:
            self._mixer_rest.stop()
            if self._cues is not None:
                self._cues.open()  # reopens in the background if a long pause closed it
        self._handle(fired)

    def pause(self) -> None:
        """Pause if playing (the relief screen takes over); a paused routine stays paused."""
        if self.player is not None and self.player.state is PlayerState.PLAYING:
            self.toggle_pause()

    def _close_mixer_while_paused(self) -> None:
        if self.player is not None and self.player.state is PlayerState.PAUSED and self._cues:
            self._cues.close()

    def next(self) -> None:
        if self.player is not None:
            self._handle(self.player.next())

    def previous(self) -> None:
        if self.player is not None:
            self._handle(self.player.previous())

    def stop(self) -> None:
        if self.player is not None and self.player.state in (
            PlayerState.PLAYING,
            PlayerState.PAUSED,
        ):
            self.player.stop()
            self._after_session()

    def toggle_mute(self) -> None:
        self._muted = not self._muted
        if self._cues is not None:
            self._cues.set_muted(self._muted)
        self._update_mute_button()
        self.mute_toggled.emit(self._muted)

    def set_muted(self, muted: bool) -> None:
        if muted != self._muted:
            self.toggle_mute()

    def _update_mute_button(self) -> None:
        self.mute_button.setText(self.tr("Sound: off") if self._muted else self.tr("Sound: on"))

    def _on_session_end(self, report: SessionReport) -> None:
        self._report = report

    def advance(self) -> None:
        """Catch the player up with the clock; the wake-up timer calls this."""
        if self.player is not None:
            self._handle(self.player.advance())

    def _handle(self, fired: list[FiredCue]) -> None:
        """Sound the cues, redraw, and sleep until the next thing is due."""
        player = self.player
        if player is None:
            return
        if self._cues is not None:
            for item in fired:
                self._cues.play(item.cue.kind, item.late_ms)
        self._refresh()
        if player.state in (PlayerState.FINISHED, PlayerState.STOPPED):
            self._after_session()
            return
        wait = player.ms_until_next_wake()
        if wait is None:
            self._wake.stop()
        else:
            self._wake.start(wait)

    def _after_session(self) -> None:
        self._wake.stop()
        self._frames.stop()
        self._mixer_rest.stop()
        # Let the "done" cue ring out before the mixer closes.
        QTimer.singleShot(1600, self._finish_audio)
        self.session_ended.emit(self._report)

    def _finish_audio(self) -> None:
        if self._cues is not None and (self.player is None or not self._is_live()):
            self._cues.close()
            self._cues = None

    def _is_live(self) -> bool:
        return self.player is not None and self.player.state in (
            PlayerState.PLAYING,
            PlayerState.PAUSED,
        )

    def shutdown(self) -> None:
        """Stop playing and close the mixer (the window is closing)."""
        self.stop()
        if self._cues is not None:
            self._cues.close()
            self._cues = None

    # -- drawing -----------------------------------------------------------

    def _on_frame(self) -> None:
        self._refresh_picture()

    def _refresh(self) -> None:
        player, timeline = self.player, self._timeline
        if player is None or timeline is None:
            return
        lang = self._language
        position = player.position_ms()
        segment = timeline.segment_at(position)
        steps = timeline.routine.steps
        step = steps[segment.step_index]
        self.step_name.setText(step.name.get(lang))
        self.step_count.setText(
            self.tr("Step {n} of {total}").format(n=segment.step_index + 1, total=len(steps))
        )
        self.instruction.setText(step.instruction.get(lang))
        cautions = self.cautions_at(segment.step_index)
        self.caution.setText(cautions)
        self.caution.setVisible(bool(cautions))
        self.countdown.setText(clock_text(segment.end_ms - position))
        self._phase_kind = segment.kind
        paused = player.state is PlayerState.PAUSED
        self.phase.setText(self.tr("Paused") if paused else self._phase_text(segment))
        self._style_phase()
        self.detail.setText(self._detail_text(segment, position - segment.start_ms))
        self.progress.setValue(int(1000 * position / max(1, timeline.total_ms)))
        self.time_left.setText(
            self.tr("{time} left").format(time=clock_text(timeline.total_ms - position))
        )
        self.next_label.setText(self._next_text(segment))
        self.pause_button.setText(self.tr("Resume") if paused else self.tr("Pause"))
        self._refresh_picture()

    def cautions_at(self, step_index: int) -> str:
        """The cautions to show on step `step_index` (and in the lead-in before it)."""
        if self._timeline is None:
            return ""
        routine = self._timeline.routine
        texts = list(routine.cautions) if step_index == 0 else []
        texts += [c for c in routine.steps[step_index].exercise.cautions if c not in texts]
        return "\n".join(text.get(self._language) for text in texts)

    def _refresh_picture(self) -> None:
        player, timeline = self.player, self._timeline
        if player is None or timeline is None:
            return
        position = player.position_ms()
        segment = timeline.segment_at(position)
        step = timeline.routine.steps[segment.step_index]
        key = (segment.step_index, segment.side)
        if key != self._shown_picture:
            self._shown_picture = key
            self.picture.set_illustration(step.exercise.illustration, segment.side)
        blend, moving = pose_blend(segment, position - segment.start_ms)
        self.picture.set_blend(blend)
        animate = moving and player.state is PlayerState.PLAYING and self.picture.has_pictures
        if animate and not self._frames.isActive():
            self._frames.start()
        elif not animate and self._frames.isActive():
            self._frames.stop()

    def _phase_text(self, segment: Segment) -> str:
        match segment.kind:
            case SegmentKind.PREPARE:
                count = len(self._timeline.routine.steps) if self._timeline else 0
                is_last = count > 1 and segment.step_index == count - 1
                return self.tr("Last step: get ready") if is_last else self.tr("Get ready")
            case SegmentKind.HOLD:
                return self.tr("Hold")
            case SegmentKind.WORK:
                return self.tr("Move") if segment.pace_ms else self.tr("Keep going")
            case SegmentKind.REST:
                return self.tr("Relax")
            case SegmentKind.SWITCH:
                return self.tr("Switch sides")

    def _style_phase(self) -> None:
        colors = self._colors
        if colors is None:
            return
        active = self._phase_kind in (SegmentKind.HOLD, SegmentKind.WORK)
        color = colors.hold if active else colors.rest
        self.phase.setStyleSheet(f"color: {color};")
        self.countdown.setStyleSheet(f"color: {colors.text};")
        # The instruction's colour, marked by a rule in the "hold" colour beside it.
        self.caution.setStyleSheet(
            f"color: {colors.text}; border-left: 4px solid {colors.hold}; padding-left: 10px;"
        )

    def _detail_text(self, segment: Segment, offset_ms: int) -> str:
        parts = []
        if segment.set_count > 1:
            parts.append(
                self.tr("Set {n} of {total}").format(n=segment.set_number, total=segment.set_count)
            )
        if segment.kind in (SegmentKind.HOLD, SegmentKind.WORK) and segment.rep_count > 1:
            parts.append(
                self.tr("Rep {n} of {total}").format(
                    n=segment.rep_at(offset_ms), total=segment.rep_count
                )
            )
        side = side_text(segment.side)
        if side:
            parts.append(side)
        return " · ".join(parts)

    def _next_text(self, segment: Segment) -> str:
        timeline = self._timeline
        if timeline is None:
            return ""
        steps = timeline.routine.steps
        if segment.kind is SegmentKind.PREPARE:
            # The step being prepared is on screen already: "next" is the one after it.
            if segment.step_index + 1 < len(steps):
                name = steps[segment.step_index + 1].name.get(self._language)
                return self.tr("Next: {name}").format(name=name)
            return self.tr("This is the last step")
        if segment.index + 1 >= len(timeline.segments):
            return self.tr("Next: finished")
        following = timeline.segments[segment.index + 1]
        if following.step_index != segment.step_index:
            name = steps[following.step_index].name.get(self._language)
            return self.tr("Next: {name}").format(name=name)
        match following.kind:
            case SegmentKind.REST:
                return self.tr("Next: relax")
            case SegmentKind.SWITCH:
                return self.tr("Next: switch to the {side}").format(side=side_text(following.side))
            case SegmentKind.HOLD:
                return self.tr("Next: hold, rep {n} of {total}").format(
                    n=following.rep, total=following.rep_count
                )
            case _:
                return self.tr("Next: set {n} of {total}").format(
                    n=following.set_number, total=following.set_count
                )
