"""The player screen: the leg, the picture, a big countdown (or rep count), what to do now
and next, and the controls.

A single-shot timer wakes the player exactly when something will change (a cue, a segment
end, the next whole second of the countdown). A second timer runs at 25 frames a second
only while the picture is changing pose.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from app.audio.cue_player import LATE_LIMIT_MS, CuePlayer
from app.core.clock import Clock
from app.core.player import FiredCue, Player, PlayerState, SessionReport
from app.core.routines import Routine
from app.core.spoken import Narrator
from app.core.timeline import Segment, SegmentKind, Timeline, build_timeline
from app.ui.routines.player_parts import PauseSign, SideBadge, control_button
from app.ui.routines.player_texts import (
    detail_text,
    is_counted,
    next_text,
    phase_text,
    rep_text,
    side_badge_text,
    time_left_text,
)
from app.ui.shell import icons
from app.ui.shell.format import clock_text
from app.ui.shell.illustration import IllustrationWidget
from app.ui.shell.plain import plain
from app.ui.shell.theme import Colors

FRAME_MS = 40  # 25 frames a second while the picture changes pose
# Between poses the picture fades quickly: a slow cross-fade shows both poses at once,
# half transparent and shifted, which reads as a glitch. The SVG pairs do not share a
# structure that could be interpolated joint by joint (props and highlights differ).
POSE_FADE_MS = 120
# An open mixer keeps SDL's audio thread awake even in silence: a long pause closes it.
PAUSED_MIXER_CLOSE_MS = 5000
PAUSED_PICTURE = 0.3  # the picture's brightness while paused, of its usual


def _fade(offset_ms: int) -> float:
    return min(1.0, max(0.0, offset_ms / POSE_FADE_MS))


def still_blend(segment: Segment) -> float:
    """The one pose shown when motion is reduced: the stretch itself while holding or
    working, the starting pose otherwise."""
    return 1.0 if segment.kind in (SegmentKind.HOLD, SegmentKind.WORK) else 0.0


def pose_blend(segment: Segment, offset_ms: int) -> tuple[float, bool]:
    """Where the picture is between pose A (0) and B (1), and whether it is still moving."""
    if segment.kind is SegmentKind.HOLD:
        return _fade(offset_ms), offset_ms < POSE_FADE_MS
    if segment.kind is SegmentKind.REST:
        return 1.0 - _fade(offset_ms), offset_ms < POSE_FADE_MS
    if segment.kind is SegmentKind.WORK:
        # Each rep: into pose B at its start, back to A at its middle.
        cycle = segment.pace_ms or WORK_CYCLE_MS
        within = offset_ms % cycle
        half = cycle // 2
        if within < half:
            return _fade(within), True
        return 1.0 - _fade(within - half), True
    return 0.0, False


WORK_CYCLE_MS = 2000  # one back-and-forth for continuous work such as marching


class PlayerView(QWidget):
    session_ended = Signal(object)  # SessionReport, or None if it never started
    mute_toggled = Signal(bool)
    focus_mode_requested = Signal()  # F11: full screen without menus and chrome
    # Paused or going again: the window offers its back arrow only on a paused routine.
    paused_changed = Signal(bool)
    # What a screen reader is told at the moments that matter (a new phase, the last three
    # seconds); the countdown's name carries the time left at every other moment.
    announced = Signal(str)

    def __init__(
        self,
        clock: Clock,
        cue_player_factory: Callable[[], CuePlayer],
        language: str,
        muted: bool,
        parent: QWidget | None = None,
        *,
        speak: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        # Spoken guidance: the shell decides whether it is on, at what volume and language.
        self._speak = speak
        self._narrator: Narrator | None = None
        self._reduced_motion = False
        self._announced_at: tuple[int, int] | None = None  # (segment start, second) said
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
        self._paused = False
        self._focus_mode = False  # the window shows the player alone, full screen
        self._counted = False  # the big line counts reps rather than seconds

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
        # The page holds the focus while a routine plays (its buttons take none: the keys
        # below work from anywhere on it), so it is what a screen reader names.
        self.setAccessibleName(self.tr("Routine player"))
        self.setAccessibleDescription(
            self.tr("Space: pause or resume; arrows: previous or next part; Esc: stop; M: sound")
        )

    # -- layout ------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.setSpacing(10)

        header = QHBoxLayout()
        self.step_name = plain(QLabel())
        self.step_name.setProperty("role", "title")
        header.addWidget(self.step_name, 1)
        self.step_count = QLabel()
        self.step_count.setProperty("role", "muted")
        header.addWidget(self.step_count, 0, Qt.AlignmentFlag.AlignVCenter)
        outer.addLayout(header)
        outer.addLayout(self._build_middle(), 1)
        self._build_progress(outer)
        outer.addLayout(self._build_controls())
        self._update_mute_button()

    def _build_middle(self) -> QHBoxLayout:
        middle = QHBoxLayout()
        middle.setSpacing(32)
        self.picture = IllustrationWidget()
        self.picture.set_cropped(True)  # the figure, as large as it fits, centred
        self.pause_sign = PauseSign(self.picture)
        middle.addWidget(self.picture, 3)
        # The leg first, then what to do and for how long, then how. Anchored at the top
        # and each line a fixed place: a long instruction grows downwards, nothing moves.
        column = QVBoxLayout()
        column.setSpacing(10)
        self._column = column
        self.side_badge = SideBadge()
        column.addWidget(self.side_badge, 0, Qt.AlignmentFlag.AlignHCenter)
        self.phase = QLabel()
        self.phase.setAccessibleName(self.tr("What to do now"))
        self.countdown = QLabel()
        self.countdown.setAccessibleName(self.tr("Seconds left"))
        self.countdown.setAccessibleDescription(self.tr("Time left in this part, and what to do"))
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
        for label in (self.phase, self.countdown, self.detail):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            column.addWidget(label)
        column.addSpacing(8)
        for label in (self.instruction, self.caution):
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
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
        self.back_button = control_button(
            self.tr("Back"), self.tr("Previous part (Left arrow)"), "previous"
        )
        self.pause_button = control_button(
            self.tr("Pause"), self.tr("Pause or resume (Space)"), "pause", icons.ON_ACCENT
        )
        self.pause_button.setProperty("role", "primary")
        self.skip_button = control_button(
            self.tr("Skip"), self.tr("Next part (Right arrow)"), "skip"
        )
        self.stop_button = control_button(
            self.tr("Stop"), self.tr("Stop the routine (Esc)"), "stop"
        )
        self.mute_button = control_button("", self.tr("Sound on or off (M)"), "sound-on")
        for button in (
            self.back_button,
            self.pause_button,
            self.skip_button,
            self.stop_button,
            self.mute_button,
        ):
            button.setAccessibleDescription(button.toolTip())
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

    def _bind_keys(self) -> None:
        bindings = {
            Qt.Key.Key_Space: self.toggle_pause,
            Qt.Key.Key_Right: self.next,
            Qt.Key.Key_Left: self.previous,
            Qt.Key.Key_Escape: self._escape,
            Qt.Key.Key_M: self.toggle_mute,
        }
        for key, slot in bindings.items():
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def set_focus_mode(self, on: bool) -> None:
        """The window tells the player when it shows it alone (F11), so Esc leaves that first."""
        self._focus_mode = on

    def _escape(self) -> None:
        # Esc is the way out of what was entered last: focus mode first, then the routine.
        if self._focus_mode:
            self.focus_mode_requested.emit()
        else:
            self.stop()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # F11 reaches here only when the window's own F11 (in the menu bar) cannot take it:
        # in focus mode the menu bar is hidden, and with it its shortcuts.
        if event.key() == Qt.Key.Key_F11:
            self.focus_mode_requested.emit()
            return
        super().keyPressEvent(event)

    def apply_colors(self, colors: Colors) -> None:
        self._colors = colors
        self.picture.set_placeholder_color(colors.muted)
        self.pause_sign.set_colors(colors.text, colors.window)
        self._style_phase()
        self._show_paused(self._paused)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # The countdown must be readable from two metres: size it from the window.
        size = event.size()
        height = max(size.height(), 300)
        # A short window (a 1080p screen at 200%) keeps room for the instruction under it.
        share = 0.2 if height >= 560 else 0.09
        self._big_px = int(min(height * share, size.width() * 0.11))
        self._set_countdown_font()
        phase = QFont(self.font())
        phase.setPixelSize(max(20, int(height * 0.05)))
        phase.setWeight(QFont.Weight.DemiBold)
        self.phase.setFont(phase)
        badge = QFont(phase)
        badge.setPixelSize(max(22, int(height * 0.055)))
        badge.setWeight(QFont.Weight.Bold)
        self.side_badge.setFont(badge)
        text = QFont(self.font())
        text.setPixelSize(max(16, int(height * 0.03)))
        self.instruction.setFont(text)
        self.detail.setFont(text)
        self.caution.setFont(text)  # as large as the instruction: read, not skimmed
        self.pause_sign.setGeometry(self.picture.rect())
        # A short window has no height to spare for the leg's place when no leg applies,
        # nor for loose spacing: the instruction and the caution must fit whole.
        short = height < 560
        policy = self.side_badge.sizePolicy()
        if policy.retainSizeWhenHidden() == short:
            policy.setRetainSizeWhenHidden(not short)
            self.side_badge.setSizePolicy(policy)
        self._column.setSpacing(4 if short else 10)
        super().resizeEvent(event)
        self._fit_words()

    def _fit_words(self) -> None:
        """Give the instruction and the caution the height their lines need at their width:
        a word-wrapped label in a column beside the picture is otherwise given one line's
        height in a short window, and its second line is cut (seen at 960x510)."""
        for label in (self.instruction, self.caution):
            width = label.width() or max(1, self.width() * 2 // 5)
            needed = label.heightForWidth(width) if label.text() else 0
            label.setMinimumHeight(max(0, needed))

    def _set_countdown_font(self) -> None:
        big = QFont(self.font())
        # A rep count ("12 of 15") is wider than seconds: smaller, still across a room.
        pixels = getattr(self, "_big_px", 96)
        big.setPixelSize(max(28, int(pixels * (0.55 if self._counted else 1.0))))
        big.setWeight(QFont.Weight.DemiBold)
        big.setFeature(QFont.Tag("tnum"), 1)  # digits of equal width: the number does not jiggle
        self.countdown.setFont(big)

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
        self._narrator = Narrator(self._timeline, self._language)
        self._announced_at = None
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
        icons.set_icon(self.mute_button, "sound-off" if self._muted else "sound-on")

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
        self._say(fired)
        self._refresh()
        if player.state in (PlayerState.FINISHED, PlayerState.STOPPED):
            self._after_session()
            return
        wait = player.ms_until_next_wake()
        if wait is None:
            self._wake.stop()
        else:
            self._wake.start(wait)

    def _say(self, fired: list[FiredCue]) -> None:
        """Spoken guidance at the cues: the newest sentence wins (the service cuts short
        what is still being said), and a cue noticed late is not read out, as it is not
        sounded."""
        if self._speak is None or self._narrator is None:
            return
        words = [
            said
            for item in fired
            if item.late_ms <= LATE_LIMIT_MS and (said := self._narrator.on_cue(item.cue))
        ]
        if words:
            self._speak(" ".join(words))

    def set_reduced_motion(self, on: bool) -> None:
        """One still pose per part, no fades: for those who find motion hard."""
        self._reduced_motion = on
        self.picture.set_reduced_motion(on)
        self._refresh_picture()

    def _announce(self, text: str) -> None:
        """Tell a screen reader now, once: an announcement, not a name change every second."""
        self.announced.emit(text)
        from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

        if QAccessible.isActive():
            QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self.countdown, text))

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
        if self._counted:
            self._refresh_count()  # a rep can turn between whole seconds (1.5 s pace)

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
        self._fit_words()
        self._phase_kind = segment.kind
        paused = player.state is PlayerState.PAUSED
        self.phase.setText(self.tr("Paused") if paused else phase_text(segment, len(steps)))
        counted = is_counted(segment)
        if counted != self._counted:
            self._counted = counted
            self._set_countdown_font()
        self._refresh_count()
        self._announce_moment(segment, position, len(steps))
        self._style_phase()
        self.detail.setText(detail_text(segment, position - segment.start_ms))
        self.progress.setValue(int(1000 * position / max(1, timeline.total_ms)))
        self.time_left.setText(time_left_text(timeline.total_ms - position))
        self.next_label.setText(next_text(timeline, segment, lang))
        self.pause_button.setText(self.tr("Resume") if paused else self.tr("Pause"))
        if paused != self._paused:
            icons.set_icon(self.pause_button, "play" if paused else "pause", icons.ON_ACCENT)
        self._show_paused(paused)
        self._refresh_picture()

    def _refresh_count(self) -> None:
        player, timeline = self.player, self._timeline
        if player is None or timeline is None:
            return
        position = player.position_ms()
        segment = timeline.segment_at(position)
        if is_counted(segment):
            text = rep_text(segment, position - segment.start_ms)
        else:
            text = clock_text(segment.end_ms - position)
        if text != self.countdown.text():
            self.countdown.setText(text)
            name = self.countdown_words(segment, position)
            if name != self.countdown.accessibleName():
                self.countdown.setAccessibleName(name)

    def countdown_words(self, segment: Segment, position: int) -> str:
        """The countdown as a sentence with its number: "7 seconds left, Hold, Right leg"."""
        steps = self._timeline.routine.steps if self._timeline is not None else ()
        if is_counted(segment):
            amount = self.tr("Rep {count}").format(
                count=rep_text(segment, position - segment.start_ms)
            )
        else:
            left = -(-(segment.end_ms - position) // 1000)  # whole seconds, rounded up
            amount = (
                self.tr("1 second left")
                if left == 1
                else self.tr("{n} seconds left").format(n=left)
            )
        parts = [amount, phase_text(segment, len(steps)), side_badge_text(segment.side)]
        return ", ".join(part for part in parts if part)

    def _announce_moment(self, segment: Segment, position: int, step_count: int) -> None:
        """A new part (its phase, leg and length) and each of the last three seconds."""
        if self.player is None or self.player.state is not PlayerState.PLAYING:
            return
        left = -(-(segment.end_ms - position) // 1000)
        if self._announced_at is None or self._announced_at[0] != segment.start_ms:
            self._announced_at = (segment.start_ms, left)
            self._announce(self.countdown_words(segment, position))
        elif left <= 3 and left != self._announced_at[1] and not is_counted(segment):
            self._announced_at = (segment.start_ms, left)
            self._announce(str(left))

    def _show_paused(self, paused: bool) -> None:
        """Paused: the picture and countdown dim, and a pause sign says how to go on."""
        changed = paused != self._paused
        self._paused = paused
        brightness = self._colors.picture_brightness if self._colors is not None else 1.0
        self.picture.set_brightness(brightness * (PAUSED_PICTURE if paused else 1.0))
        self.pause_sign.setGeometry(self.picture.rect())
        self.pause_sign.setVisible(paused)
        if self._colors is not None:
            color = self._colors.muted if paused else self._colors.text
            self.countdown.setStyleSheet(f"color: {color};")
        if changed:
            self.paused_changed.emit(paused)

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
        if self._reduced_motion:
            blend, moving = still_blend(segment), False
        self.picture.set_blend(blend)
        animate = moving and player.state is PlayerState.PLAYING and self.picture.has_pictures
        if animate and not self._frames.isActive():
            self._frames.start()
        elif not animate and self._frames.isActive():
            self._frames.stop()

    def _style_phase(self) -> None:
        colors = self._colors
        if colors is None:
            return
        active = self._phase_kind in (SegmentKind.HOLD, SegmentKind.WORK)
        color = colors.hold if active else colors.rest
        self.phase.setStyleSheet(f"color: {color};")
        segment = self._current_segment()
        side = segment.side if segment is not None else None
        self.side_badge.show_side(side_badge_text(side), color, colors.window)
        # The instruction's colour, marked by a rule in the "hold" colour beside it.
        self.caution.setStyleSheet(
            f"color: {colors.text}; border-left: 4px solid {colors.hold}; padding-left: 10px;"
        )

    def _current_segment(self) -> Segment | None:
        if self.player is None or self._timeline is None:
            return None
        return self._timeline.segment_at(self.player.position_ms())
