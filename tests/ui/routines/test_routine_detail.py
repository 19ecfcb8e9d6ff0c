"""The start screen: each step with a picture of its first pose and its dose beside its
name, the cautions, and a large Start that starts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from windows import make_window

from app.core.storage import AppPaths


def test_steps_show_their_first_pose_and_their_dose_beside_the_name(
    qtbot: QtBot, paths: AppPaths
) -> None:
    window, _, _ = make_window(qtbot, paths)
    window.open_routine("evening-stretch")
    page = window._detail_page
    assert page is not None
    QApplication.processEvents()
    rows = page.step_rows
    assert [(r.number.text(), r.name.text(), r.dose.text()) for r in rows[:2]] == [
        ("1.", "Ankle pumps", "20 reps"),
        ("2.", "Wall calf stretch", "3 × 10 s hold · each leg"),
    ]
    assert all(row.picture.has_pictures for row in rows)
    # The dose sits right under the name, not 650 px across the page.
    row = rows[1]
    number, name, dose = (
        row.mapTo(page, w.geometry().topLeft()) for w in (row.number, row.name, row.dose)
    )
    assert dose.x() == number.x() and 0 < dose.y() - name.y() < 40


def test_start_is_large_near_the_steps_and_starts(qtbot: QtBot, paths: AppPaths) -> None:
    window, _, _ = make_window(qtbot, paths)
    window.resize(1280, 800)
    window.open_routine("before-sleep")
    page = window._detail_page
    assert page is not None
    QApplication.processEvents()
    QApplication.processEvents()
    start = page.start_button
    assert start.text() == "Start" and start.height() >= 48
    last = page.step_rows[-1]
    gap = (
        start.mapTo(page, start.rect().topLeft()).y()
        - last.mapTo(page, last.rect().bottomLeft()).y()
    )
    assert 0 < gap < 80  # right under a short routine's steps, not at the window's bottom
    qtbot.keyClick(start, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window._player_page


def test_the_cautions_stay_on_screen_as_large_as_the_text(qtbot: QtBot, paths: AppPaths) -> None:
    window, _, _ = make_window(qtbot, paths)
    window.open_routine("evening-stretch")
    page = window._detail_page
    assert page is not None
    (caution,) = [w for w in page._cautions.children() if hasattr(w, "wordWrap")]
    assert caution.text() == (
        "Strong stretch, never pain. Stop if you feel pain, dizziness or numbness."
    )
    assert caution.isVisible()
    assert caution.font().pointSizeF() >= page._summary.font().pointSizeF()
