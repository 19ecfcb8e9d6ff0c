"""The relief screen on its own, as a tired person uses it: real keys to whatever has the
focus, the cautions on every stretch and rub step, the time since it began, ten minutes."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fakes import RecordingCuePlayer
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.core.clock import FakeClock
from app.core.content import load_content, local_tiers
from app.core.diary_writer import Saved, WriteOutcome
from app.core.emergency_numbers import region_for
from app.core.journal import Episode
from app.core.library import load_all
from app.core.relief import ReliefPlan, plan_from_routine
from app.core.resources import ASSETS_DIR
from app.core.storage import AppPaths
from app.ui.relief.relief_view import ReliefView

SWOLLEN = (
    "If one calf is swollen, warm, red or darker, don't rub or stretch it: get it checked today."
)


class FakeKeeper:
    def __init__(self) -> None:
        self.saved: list[Episode] = []

    def new(self) -> int:
        return 1

    def save(self, number: int, episode: Episode) -> WriteOutcome:
        self.saved.append(episode)
        return WriteOutcome(Saved.SAVED)


@pytest.fixture(scope="module")
def routine_plan() -> Callable[[str, bool], ReliefPlan]:
    routine = load_all(AppPaths.resolve(None)).routines["emergency"]
    return lambda position, gentle=False: plan_from_routine(routine, position, gentle)


def make_relief(
    qtbot: QtBot,
    plan: Callable[[str, bool], ReliefPlan],
    gentle: bool = False,
    region: str = "GB",
) -> tuple[ReliefView, FakeClock, list[str]]:
    clock = FakeClock()
    chosen: list[str] = []
    relief = ReliefView(
        lambda position: plan(position, gentle),
        FakeKeeper,
        clock=clock,
        cue_player_factory=RecordingCuePlayer,
        language="en",
    )
    content = load_content(ASSETS_DIR / "content", ASSETS_DIR)
    relief.set_content(local_tiers(content.warning_tiers, region_for(region)))
    relief.set_gentle(gentle)
    relief.position_chosen.connect(chosen.append)
    qtbot.addWidget(relief)
    relief.resize(1280, 800)
    relief.show()
    with qtbot.waitActive(relief):
        relief.activateWindow()
    relief.accept_focus()  # what the main window does after the first paint
    relief.begin("bed")
    return relief, clock, chosen


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier | None = None) -> None:
    if modifier is None:
        qtbot.keyClick(focused(), key)
    else:
        qtbot.keyClick(focused(), key, modifier)


def agree(relief: ReliefView, position: str) -> None:
    """The filled button, the focus ring and the hint all name `position`."""
    choice = relief.choice
    button = choice.standing if position == "standing" else choice.bed
    other = choice.bed if position == "standing" else choice.standing
    assert choice.offered == position
    assert button.isDefault() and not other.isDefault()
    assert button.styleSheet() and not other.styleSheet()  # filled, the other not
    assert focused() is button
    name = "Standing" if position == "standing" else "In bed"
    assert choice.hint.text() == f"Enter: {name}. Arrow keys to change."


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space])
def test_right_then_a_key_starts_the_standing_steps(
    qtbot: QtBot, routine_plan: Callable[[str, bool], ReliefPlan], key: Qt.Key
) -> None:
    relief, _, chosen = make_relief(qtbot, routine_plan)
    agree(relief, "bed")
    press(qtbot, Qt.Key.Key_Right)
    agree(relief, "standing")
    press(qtbot, Qt.Key.Key_Right)  # no further than "Standing"
    agree(relief, "standing")
    press(qtbot, key)
    assert chosen == ["standing"]
    steps = relief._steps
    assert steps is not None and steps.plan is not None
    assert steps.plan.position == "standing"
    assert relief.pages.currentWidget() is steps


def test_left_tab_and_shift_tab_keep_selection_focus_and_hint_together(
    qtbot: QtBot, routine_plan: Callable[[str, bool], ReliefPlan]
) -> None:
    relief, _, chosen = make_relief(qtbot, routine_plan)
    press(qtbot, Qt.Key.Key_Tab)
    agree(relief, "standing")
    press(qtbot, Qt.Key.Key_Tab)  # only two choices: Tab never lands on the buttons below
    agree(relief, "bed")
    press(qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    agree(relief, "standing")
    press(qtbot, Qt.Key.Key_Left)
    agree(relief, "bed")
    press(qtbot, Qt.Key.Key_Up)  # nothing
    agree(relief, "bed")
    press(qtbot, Qt.Key.Key_Return)
    assert chosen == ["bed"]
    steps = relief._steps
    assert steps is not None and steps.plan is not None and steps.plan.position == "bed"


def test_a_click_chooses_what_was_clicked(
    qtbot: QtBot, routine_plan: Callable[[str, bool], ReliefPlan]
) -> None:
    relief, _, chosen = make_relief(qtbot, routine_plan)
    qtbot.mouseClick(relief.choice.standing, Qt.MouseButton.LeftButton)
    assert chosen == ["standing"]
    steps = relief._steps
    assert steps is not None and steps.plan is not None and steps.plan.position == "standing"


def test_every_stretch_and_rub_step_carries_the_swollen_calf_line(
    qtbot: QtBot, routine_plan: Callable[[str, bool], ReliefPlan]
) -> None:
    relief, clock, _ = make_relief(qtbot, routine_plan)
    press(qtbot, Qt.Key.Key_Right)
    press(qtbot, Qt.Key.Key_Return)
    steps = relief._steps
    assert steps is not None
    assert steps.name.text() == "Breathe"
    assert steps.caution.isHidden()  # breathing is not a stretch
    seen = {}
    for seconds in (10, 30, 40, 30):  # breathe, toes up, rub, stand: now walking
        clock.advance(seconds)
        steps.refresh()
        seen[steps.name.text()] = steps.caution.text()
        assert steps.caution.isVisible()
        # As large as the instruction and in its colour, not the faint one.
        assert steps.caution.font().pointSizeF() == steps.instruction.font().pointSizeF()
        caution_colour = steps.caution.palette().color(steps.caution.foregroundRole())
        text_colour = steps.instruction.palette().color(steps.instruction.foregroundRole())
        assert caution_colour == text_colour
    assert seen["Toes up"] == SWOLLEN
    assert seen["Rub"] == SWOLLEN
    assert seen["Walk it off"] == SWOLLEN
    assert seen["Stand on it"] == (
        "You could fall. Skip this if you feel unsteady, and always hold on to something "
        f"solid.\n{SWOLLEN}"
    )


def test_the_time_since_it_began_is_on_every_step(
    qtbot: QtBot, routine_plan: Callable[[str, bool], ReliefPlan]
) -> None:
    relief, clock, _ = make_relief(qtbot, routine_plan)
    press(qtbot, Qt.Key.Key_Return)
    steps = relief._steps
    assert steps is not None
    assert steps.elapsed.text() == "Under a minute since it began"
    clock.advance(60)
    steps.refresh()
    assert steps.elapsed.text() == "1 min since it began"
    clock.advance(125)
    steps.refresh()
    assert steps.elapsed.text() == "3 min since it began"
    assert steps.elapsed.isVisible()


def test_at_ten_minutes_it_says_so_with_the_urgent_signs_and_the_steps_go_on(
    qtbot: QtBot, routine_plan: Callable[[str, bool], ReliefPlan]
) -> None:
    relief, clock, _ = make_relief(qtbot, routine_plan, region="GB")
    press(qtbot, Qt.Key.Key_Return)
    steps = relief._steps
    assert steps is not None
    clock.advance(9 * 60 + 59)
    steps.refresh()
    assert relief.pages.currentWidget() is steps and steps.urgent.isHidden()
    clock.advance(1)
    steps.refresh()
    urgent = relief._urgent
    assert urgent is not None and relief.pages.currentWidget() is urgent
    assert urgent.heading.text() == "This cramp has lasted 10 minutes."
    assert urgent.title.text() == (
        "Get urgent care today (a same-day doctor or an urgent-care service; in the UK NHS 111) if:"
    )
    signs = urgent.signs.text().split("\n")
    assert signs[0] == "• A cramp lasts more than 10 minutes and stretching doesn't help."
    assert len(signs) == 5
    assert urgent.swollen.text() == SWOLLEN
    # The warning signs are one press away, and back leads to the prompt.
    qtbot.keyClick(relief, Qt.Key.Key_F1)
    assert relief.pages.currentWidget() is relief._signs
    qtbot.keyClick(relief, Qt.Key.Key_Escape)
    assert relief.pages.currentWidget() is urgent
    qtbot.keyClick(relief, Qt.Key.Key_Return)  # back to the steps, which never stopped
    assert relief.pages.currentWidget() is steps
    assert steps.urgent.isVisible()
    assert steps.urgent.text() == "This cramp has lasted 10 minutes."
    assert steps.elapsed.text() == "10 min since it began"
    assert relief.in_progress and steps._timer.isActive()
    clock.advance(60)
    steps.refresh()
    assert relief.pages.currentWidget() is steps  # said once, not every minute


def test_the_gentle_profile_never_asks_to_stand_on_the_leg(
    qtbot: QtBot, routine_plan: Callable[[str, bool], ReliefPlan]
) -> None:
    relief, clock, _ = make_relief(qtbot, routine_plan, gentle=True)
    assert relief.choice.gentle.isChecked()
    assert relief.choice.gentle.text() == "✓ Pregnant, older or\nunsteady on your feet"
    press(qtbot, Qt.Key.Key_Right)
    press(qtbot, Qt.Key.Key_Return)
    steps = relief._steps
    assert steps is not None and steps.plan is not None and steps.plan.gentle
    names = []
    for seconds in (0, 10, 30, 40, 15):  # breathe, toes up, rub, sit down, toes up again
        clock.advance(seconds)
        steps.refresh()
        names.append(steps.name.text())
        if steps.name.text() == "Toes up":
            assert steps.instruction.text() == (
                "Hold a support. Straighten the cramped leg. Slowly draw your toes up "
                "towards your knee. Ease in; don't yank."
            )
        if steps.name.text() == "Sit down":
            assert steps.instruction.text() == "Sit down if you can."
    assert names == ["Breathe", "Toes up", "Rub", "Sit down", "Toes up"]


def test_the_gentle_profile_is_switched_on_the_first_page(
    qtbot: QtBot, routine_plan: Callable[[str, bool], ReliefPlan]
) -> None:
    relief, _, _ = make_relief(qtbot, routine_plan)
    changes: list[bool] = []
    relief.gentle_changed.connect(changes.append)
    assert relief.choice.gentle.text() == "Pregnant, older or\nunsteady on your feet"
    qtbot.mouseClick(relief.choice.gentle, Qt.MouseButton.LeftButton)
    assert changes == [True]
    assert relief.choice.gentle.text() == "✓ Pregnant, older or\nunsteady on your feet"
    agree(relief, "bed")  # the keyboard is back on the choice
