"""Text from routine files, reminders and the diary is shown as written, never as HTML."""

from __future__ import annotations

from datetime import datetime, time, timedelta, timezone

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot
from windows import make_window

from app.core.journal import Episode
from app.core.player import PlayerState
from app.core.reminders import Reminder
from app.core.routines import Text
from app.core.storage import AppPaths
from app.ui.diary.diary_records import RecordsModel
from app.ui.reminders.reminder_row import ReminderRow

MARKUP = '<b>x</b> <img src="/nonexistent.png">'

ROUTINE = f"""\
schema_version: 1
exercises:
  - id: markup-calf
    name: 'Exercise {MARKUP}'
    instruction: 'Exercise instruction {MARKUP}'
    illustration: {{a: pics/none-a.svg, b: pics/none-b.svg}}
    dose: {{reps: 1, hold: 5}}
    cautions: ['Exercise caution {MARKUP}']
id: markup
title: 'Title {MARKUP}'
summary: 'Summary {MARKUP}'
cautions: ['Routine caution {MARKUP}']
lead_in: 3
steps:
  - exercise: markup-calf
    name: 'Step one {MARKUP}'
    instruction: 'Step instruction {MARKUP}'
  - exercise: markup-calf
    name: 'Step two {MARKUP}'
    ask: 'Question {MARKUP}'
"""


def marked_labels(page: QWidget) -> dict[str, QLabel]:
    """The labels of `page` on screen whose text holds the markup, by their text."""
    return {
        label.text(): label
        for label in page.findChildren(QLabel)
        if MARKUP in label.text() and label.isVisibleTo(page)
    }


def assert_plain(page: QWidget, *expected: str) -> None:
    labels = marked_labels(page)
    for text in expected:
        assert text in labels, f"{text!r} is not shown; shown: {sorted(labels)}"
    rich = [text for text, label in labels.items() if label.textFormat() != Qt.TextFormat.PlainText]
    assert rich == []


def test_routine_text_is_plain_on_the_list_the_start_screen_and_the_player(
    qtbot: QtBot, paths: AppPaths
) -> None:
    paths.user_routines_dir.mkdir(parents=True, exist_ok=True)
    (paths.user_routines_dir / "markup.yaml").write_text(ROUTINE)
    window, clock, _ = make_window(qtbot, paths)
    assert "markup" in [card.routine_id for card in window.list_page.cards]
    assert_plain(window.list_page, f"Title {MARKUP}", f"Summary {MARKUP}")

    window.open_routine("markup")
    assert_plain(
        window._detail_page,
        f"Title {MARKUP}",
        f"Summary {MARKUP}",
        f"Routine caution {MARKUP}",
        f"Exercise caution {MARKUP}",
        f"Step one {MARKUP}",
        f"Question {MARKUP}",
    )

    window.start_routine("markup")
    player = window._player_page
    assert player is not None and player.player is not None
    cautions = f"Routine caution {MARKUP}\nExercise caution {MARKUP}"
    assert_plain(player, f"Step one {MARKUP}", cautions)
    clock.advance(3.5)  # into the first hold
    player.advance()
    assert player.player.state is PlayerState.PLAYING
    assert_plain(player, f"Step one {MARKUP}", f"Step instruction {MARKUP}")


def test_a_reminder_s_routine_and_message_are_plain(qtbot: QtBot) -> None:
    reminder = Reminder("r", time(22, 30), frozenset({0}), message=Text.plain(f"Go {MARKUP}"))
    row = ReminderRow(reminder, f"Title {MARKUP}", "Next: tonight 22:30", "en")
    qtbot.addWidget(row)
    assert_plain(row, f"Title {MARKUP} · “Go {MARKUP}”")


def test_a_diary_note_is_shown_as_written_in_its_cell_and_its_tooltip() -> None:
    note = f"Woke at 3 & stretched {MARKUP}"
    started = datetime(2026, 3, 30, 3, 10, tzinfo=timezone(timedelta(hours=1)))
    model = RecordsModel()
    model.set_records([Episode(started, timedelta(minutes=4), "left", "mild", note=note)])
    cell = model.index(0, 5)
    assert model.data(cell) == note  # a table cell is always plain text
    tooltip = model.data(cell, Qt.ItemDataRole.ToolTipRole)
    assert tooltip is not None
    # A tooltip is rich text when it looks like it; this one is, and says the note as is.
    assert QtGui.Qt.mightBeRichText(tooltip)  # type: ignore[attr-defined]
    document = QTextDocument()
    document.setHtml(tooltip)
    assert document.toPlainText() == note
