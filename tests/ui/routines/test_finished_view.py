"""The finished page: one headline, gentle words, what was skipped quietly, the tip."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.core.library import load_all
from app.core.player import SessionReport
from app.core.routines import Routine
from app.core.storage import AppPaths
from app.ui.routines.finished_view import FinishedPage

STARTED = datetime(2026, 1, 5, 22, 0, tzinfo=UTC)


@pytest.fixture
def before_sleep(unknot_home: Path) -> Routine:
    return load_all(AppPaths.resolve(unknot_home)).routines["before-sleep"]


@pytest.fixture
def page(qtbot: QtBot) -> FinishedPage:
    widget = FinishedPage("en")
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    return widget


def report(finished: bool, skipped: tuple[int, ...] = (), fraction: float = 1.0) -> SessionReport:
    return SessionReport(
        routine_id="before-sleep",
        started_at=STARTED,
        ended_at=STARTED + timedelta(seconds=160),
        finished=finished,
        completed_fraction=fraction,
        skipped_steps=skipped,
    )


def test_at_night_it_says_sleep_well_and_ends_on_the_tip(
    page: FinishedPage, before_sleep: Routine
) -> None:
    page.show_report(before_sleep, report(True), tip="Keep the bedclothes loose.", night=True)
    assert page.headline.text() == "Well done"
    assert page.words.text() == "Before-sleep stretch, 2:40. Sleep well."
    assert page.skipped.isHidden()
    assert page.tip.text() == "Tip: Keep the bedclothes loose." and page.tip_box.isVisible()


def test_by_day_other_words_and_no_tip_box_without_a_tip(
    page: FinishedPage, before_sleep: Routine
) -> None:
    page.show_report(before_sleep, report(True), night=False)
    assert page.words.text() == "Before-sleep stretch, 2:40. Take it easy."
    assert page.tip_box.isHidden()


def test_what_was_skipped_is_a_quiet_second_line(page: FinishedPage, before_sleep: Routine) -> None:
    page.show_report(before_sleep, report(True, skipped=(1,)), night=True)
    assert page.headline.text() == "Done"
    assert page.skipped.text() == "Skipped: Towel calf stretch"
    assert page.skipped.property("role") == "muted"


def test_stopping_early_is_said_kindly(page: FinishedPage, before_sleep: Routine) -> None:
    page.show_report(before_sleep, report(False, fraction=0.4), night=True)
    assert page.headline.text() == "Stopped early"
    assert page.words.text() == (
        "You did 40% of Before-sleep stretch. Stopping when you need to is fine. Sleep well."
    )
