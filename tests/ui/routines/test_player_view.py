"""The player screen, driven by a fake clock and the real keyboard shortcuts."""

from __future__ import annotations

from pathlib import Path

import pytest
from fakes import RecordingCuePlayer
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.core.clock import FakeClock
from app.core.library import load_all
from app.core.player import PlayerState, SessionReport
from app.core.routines import Routine
from app.core.storage import AppPaths
from app.core.timeline import CueKind, SegmentKind
from app.ui.routines.player_view import PlayerView, pose_blend
from app.ui.shell.theme import DARK


@pytest.fixture
def before_sleep(unknot_home: Path) -> Routine:
    return load_all(AppPaths.resolve(unknot_home)).routines["before-sleep"]


@pytest.fixture
def cues() -> RecordingCuePlayer:
    return RecordingCuePlayer()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def view(qtbot: QtBot, clock: FakeClock, cues: RecordingCuePlayer) -> PlayerView:
    widget = PlayerView(clock, lambda: cues, "en", muted=False)
    widget.apply_colors(DARK)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    widget.setFocus()
    return widget


def step_through(view: PlayerView, clock: FakeClock) -> None:
    """Advance the fake clock exactly as far as the view's wake-up timer asks, then wake it."""
    assert view.player is not None
    while view.player.state is PlayerState.PLAYING:
        wait = view.player.ms_until_next_wake()
        assert wait is not None
        clock.advance(wait / 1000)
        view.advance()


def test_before_sleep_plays_end_to_end_with_pictures_countdown_and_cues(
    view: PlayerView, clock: FakeClock, cues: RecordingCuePlayer, before_sleep: Routine
) -> None:
    reports: list[SessionReport | None] = []
    view.session_ended.connect(reports.append)
    view.start(before_sleep)
    assert cues.is_open  # the mixer opens when the routine starts, during the lead-in
    assert view.step_name.text() == "Bed ankle pumps"
    assert view.phase.text() == "Get ready"
    assert view.countdown.text() == "5"
    assert view.step_count.text() == "Step 1 of 4"
    assert view.next_label.text() == "Next: Towel calf stretch"
    assert view.picture.has_pictures
    clock.advance(5)
    view.advance()
    # Paced reps lead with the count and the pace, not a seconds countdown.
    assert (view.phase.text(), view.countdown.text(), view.detail.text()) == (
        "Move with the picture",
        "1 of 10",
        "One every 2 seconds",
    )
    assert view.side_badge.isHidden()  # both feet at once: no leg to name
    clock.advance(4.5)
    view.advance()
    assert view.countdown.text() == "3 of 10"
    step_through(view, clock)
    assert view.player is not None and view.player.state is PlayerState.FINISHED
    kinds = [kind for kind, _ in cues.played]
    assert kinds[0] is CueKind.GET_READY
    assert kinds[-1] is CueKind.DONE
    assert kinds.count(CueKind.SWITCH_SIDES) == 2
    # pumps 1, towel 2 holds x 2 legs, hamstring 1 hold x 2 legs, settle 1
    assert kinds.count(CueKind.GO) == 8
    assert len(reports) == 1 and reports[0] is not None and reports[0].finished


def test_shows_the_side_and_rep_and_mirrors_the_picture_for_the_left_leg(
    view: PlayerView, clock: FakeClock, before_sleep: Routine
) -> None:
    view.start(before_sleep)
    clock.advance(30.5)  # lead-in 5 + pumps 20 + prepare 5: the first towel hold, left leg
    view.advance()
    assert view.step_name.text() == "Towel calf stretch"
    assert view.phase.text() == "Hold"
    assert view.side_badge.text() == "Left leg" and view.side_badge.isVisible()
    # The badge is in the phase's colour, the largest text but the countdown.
    assert f"background: {DARK.hold}" in view.side_badge.styleSheet()
    assert view.side_badge.font().pixelSize() > view.instruction.font().pixelSize()
    assert view.detail.text() == "Rep 1 of 2"
    assert view.next_label.text() == "Next: relax"
    assert view.picture._mirrored  # drawn as the right leg
    clock.advance(40)  # into the right leg
    view.advance()
    assert view.side_badge.text() == "Right leg"
    assert view.detail.text() == "Rep 1 of 2"
    assert not view.picture._mirrored


def test_keyboard_controls(
    qtbot: QtBot,
    view: PlayerView,
    clock: FakeClock,
    cues: RecordingCuePlayer,
    before_sleep: Routine,
) -> None:
    view.start(before_sleep)
    assert view.player is not None
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert view.player.state is PlayerState.PAUSED
    assert view.phase.text() == "Paused"
    assert view.pause_button.text() == "Resume"
    # Paused: the picture and the countdown dim, and the sign says how to go on.
    assert view.pause_sign.isVisible() and view.pause_sign.words == "Space to resume"
    assert view.picture._brightness < DARK.picture_brightness
    assert f"color: {DARK.muted}" in view.countdown.styleSheet()
    clock.advance(600)
    view.advance()
    assert view.countdown.text() == "5"  # paused ten minutes: nothing moved
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert view.player.state is PlayerState.PLAYING
    assert view.pause_sign.isHidden()
    assert view.picture._brightness == DARK.picture_brightness
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.player.current_segment().kind is SegmentKind.WORK
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert view.player.current_segment().kind is SegmentKind.PREPARE
    qtbot.keyClick(view, Qt.Key.Key_M)
    assert cues.muted
    assert view.mute_button.text() == "Sound: off"
    with qtbot.waitSignal(view.session_ended) as ended:
        qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert view.player.state is PlayerState.STOPPED
    report = ended.args[0]
    assert isinstance(report, SessionReport) and not report.finished


def test_cues_noticed_late_are_passed_on_with_their_lateness(
    view: PlayerView, clock: FakeClock, cues: RecordingCuePlayer, before_sleep: Routine
) -> None:
    view.start(before_sleep)
    clock.advance(8)  # one late wake-up: 3-2-1 and go all due
    view.advance()
    assert cues.played[-4:] == [
        (CueKind.TICK, 6000),
        (CueKind.TICK, 5000),
        (CueKind.TICK, 4000),
        (CueKind.GO, 3000),
    ]


def test_the_picture_moves_into_a_hold_and_back_out_in_a_rest() -> None:
    from app.core.timeline import Segment

    hold = Segment(0, SegmentKind.HOLD, 0, 10_000, 0, None)
    rest = Segment(1, SegmentKind.REST, 10_000, 5_000, 0, None)
    pumps = Segment(2, SegmentKind.WORK, 0, 20_000, 0, None, rep_count=10, pace_ms=2000)
    assert pose_blend(hold, 0) == (0.0, True)
    assert pose_blend(hold, 5000) == (1.0, False)
    assert pose_blend(rest, 5000)[0] == 0.0
    assert pose_blend(pumps, 1000)[0] == pytest.approx(1.0)
    assert pose_blend(pumps, 2000)[0] == pytest.approx(0.0)


def test_between_poses_the_picture_fades_in_under_150_ms() -> None:
    from app.core.timeline import Segment

    hold = Segment(0, SegmentKind.HOLD, 0, 10_000, 0, None)
    rest = Segment(1, SegmentKind.REST, 10_000, 5_000, 0, None)
    pumps = Segment(2, SegmentKind.WORK, 0, 20_000, 0, None, rep_count=10, pace_ms=2000)
    assert 0.0 < pose_blend(hold, 60)[0] < 1.0
    assert pose_blend(hold, 149) == (1.0, False)  # arrived: no double picture
    assert pose_blend(rest, 149)[0] == 0.0
    # A rep holds each pose most of its time, not half-way between them.
    assert pose_blend(pumps, 500)[0] == 1.0
    assert pose_blend(pumps, 1500)[0] == 0.0


def test_no_animation_timer_while_paused_or_holding_still(
    view: PlayerView, clock: FakeClock, before_sleep: Routine
) -> None:
    view.start(before_sleep)
    clock.advance(6)  # pumps: the picture moves all the time
    view.advance()
    assert view._frames.isActive()
    clock.advance(24 + 3)  # 3 s into the first towel hold: the picture has arrived in pose B
    view.advance()
    assert not view._frames.isActive()
    assert view._wake.isActive()
    view.toggle_pause()
    assert not view._frames.isActive()
    assert not view._wake.isActive()


def test_a_long_pause_closes_the_mixer_and_resuming_reopens_it(
    qtbot: QtBot, view: PlayerView, cues: RecordingCuePlayer, before_sleep: Routine
) -> None:
    view.start(before_sleep)
    view.toggle_pause()
    assert cues.is_open
    view._mixer_rest.setInterval(1)  # the real wait is seconds; the timer's job is the same
    qtbot.waitUntil(lambda: not cues.is_open, timeout=2000)
    view.toggle_pause()
    assert cues.is_open
    assert cues.opened == 2
    assert not view._mixer_rest.isActive()


def test_the_words_read_like_a_person_speaking(
    view: PlayerView, clock: FakeClock, before_sleep: Routine
) -> None:
    view.start(before_sleep)
    assert view.time_left.text() == "2:40 left"  # minutes and seconds, always
    clock.advance(30.5 + 15)  # the first towel hold is over: relax before the last one
    view.advance()
    assert (view.phase.text(), view.next_label.text()) == ("Relax", "Next: one last hold")
    clock.advance(before_sleep_total_s(view) - 30.5 - 15 - 54)
    view.advance()
    assert view.time_left.text() == "0:54 left"


def before_sleep_total_s(view: PlayerView) -> float:
    assert view._timeline is not None
    return view._timeline.total_ms / 1000


def test_a_long_instruction_moves_nothing_above_it(
    view: PlayerView, clock: FakeClock, before_sleep: Routine
) -> None:
    view.start(before_sleep)
    view.layout().activate()
    where = (view.side_badge.y(), view.phase.y(), view.countdown.y(), view.instruction.y())
    view.instruction.setText("A longer instruction than this step has, over three lines. " * 3)
    view.layout().activate()
    assert (view.side_badge.y(), view.phase.y(), view.countdown.y(), view.instruction.y()) == where


def test_f11_asks_for_focus_mode(qtbot: QtBot, view: PlayerView, before_sleep: Routine) -> None:
    view.start(before_sleep)
    with qtbot.waitSignal(view.focus_mode_requested):
        qtbot.keyClick(view, Qt.Key.Key_F11)


def test_the_words_fit_whole_in_a_short_window(qtbot: QtBot, paths: AppPaths) -> None:
    """At 960x470 (a 1080p screen at 200%, less a panel and the status line) the instruction
    and the routine's cautions each get the height of all their lines, above the progress
    bar: none is cut."""
    from windows import make_window

    window, _, _ = make_window(qtbot, paths)
    window.resize(960, 470)  # 960x510 less the status line, as on screen
    window.start_routine("before-sleep")  # its cautions show from the lead-in
    page = window._player_page
    assert page is not None
    qtbot.waitUntil(page.caution.isVisible)
    QApplication.processEvents()
    for label in (page.instruction, page.caution):
        assert label.height() >= label.heightForWidth(label.width()), label.text()
    bottom = page.caution.mapTo(page, page.caution.rect().bottomLeft()).y()
    assert bottom <= page.progress.mapTo(page, page.progress.rect().topLeft()).y()
