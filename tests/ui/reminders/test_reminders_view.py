"""The reminders page: what it shows, and that every change is saved at once and safely."""

from __future__ import annotations

from datetime import datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt, QTime
from pytestqt.qtbot import QtBot

from app.core.clock import FakeClock
from app.core.errors import WriteError
from app.core.reminders import Reminder, load_reminders, save_reminders
from app.core.routines import Text
from app.ui.reminders.reminders_view import RemindersPage

BERLIN = ZoneInfo("Europe/Berlin")
START = datetime(2026, 11, 25, 21, 0, tzinfo=BERLIN)  # a Wednesday evening
ROUTINES = [("evening-stretch", "Evening calf stretch"), ("quick", "Quick stretch")]
BEDTIME = Reminder(
    "bedtime",
    time(22, 30),
    frozenset(range(5)),
    routine="evening-stretch",
    message=Text.plain("Stretch, then sleep"),
)
MORNING = Reminder("reminder-1", time(7, 0), frozenset({0, 2, 4}), enabled=False)


def make_page(qtbot: QtBot, path: Path, **kwargs: Any) -> RemindersPage:
    page = RemindersPage(path, ROUTINES, FakeClock(START), zone=BERLIN, **kwargs)
    qtbot.addWidget(page)
    return page


@pytest.fixture
def path(tmp_path: Path) -> Path:
    made = tmp_path / "config" / "reminders.yaml"
    save_reminders(made, [BEDTIME, MORNING])
    return made


def saved(path: Path) -> list[Reminder]:
    reminders, problems = load_reminders(path)
    assert problems == []
    return reminders


def test_rows_say_when_each_fires_next(qtbot: QtBot, path: Path) -> None:
    page = make_page(qtbot, path)
    rows = {row.reminder_id: row for row in page.rows}
    assert [row.reminder_id for row in page.rows] == ["reminder-1", "bedtime"]  # by time
    bedtime = rows["bedtime"]
    assert bedtime.time_label.text() == "22:30"
    assert bedtime.days_label.text() == "Weekdays"
    assert bedtime.details_label.text() == "Evening calf stretch · “Stretch, then sleep”"
    assert bedtime.next_label.text() == "Next: tonight 22:30"
    assert rows["reminder-1"].next_label.text() == "Off"
    assert rows["reminder-1"].days_label.text() == "Mon, Wed, Fri"
    assert not page.empty_label.isVisibleTo(page)


def test_says_the_snooze_limit(qtbot: QtBot, path: Path) -> None:
    page = make_page(qtbot, path)
    assert any(
        "up to 3 times" in label.text() for label in page.findChildren(type(page.empty_label))
    )


def test_add_a_reminder(qtbot: QtBot, path: Path) -> None:
    page = make_page(qtbot, path)
    page.add_button.click()
    editor = page.editor
    assert editor.heading.text() == "New reminder"
    assert editor.days() == frozenset(range(7))  # every day, to start with
    editor.time_edit.setTime(QTime(21, 45))
    editor.set_days(frozenset())
    editor.day_buttons[5].click()  # Saturday
    editor.day_buttons[6].click()
    editor.routine_combo.setCurrentIndex(1)
    editor.message_edit.setText("  Lights out soon  ")
    with qtbot.waitSignal(page.reminders_saved, timeout=1000):
        editor.save_button.click()
    added = saved(path)[-1]
    assert added == Reminder(
        "reminder-2",
        time(21, 45),
        frozenset({5, 6}),
        routine="quick",
        message=Text.plain("Lights out soon"),
    )
    row = next(row for row in page.rows if row.reminder_id == "reminder-2")
    assert row.days_label.text() == "Weekends"
    assert row.next_label.text() == "Next: Sat 21:45"


def test_quick_choices_and_no_days_refused(qtbot: QtBot, path: Path) -> None:
    page = make_page(qtbot, path)
    page.add_reminder()
    editor = page.editor
    for button in editor.findChildren(type(editor.save_button)):
        if button.text() == "Weekdays":
            button.click()
    assert editor.days() == frozenset(range(5))
    editor.set_days(frozenset())
    before = path.read_bytes()
    with qtbot.assertNotEmitted(page.reminders_saved):
        editor.save_button.click()
    assert editor.error_label.text() == "Choose at least one day."
    assert path.read_bytes() == before


def test_a_routine_to_choose_or_none(qtbot: QtBot, path: Path) -> None:
    page = make_page(qtbot, path)
    page.add_reminder()
    combo = page.editor.routine_combo
    items = [combo.itemText(i) for i in range(combo.count())]
    assert items == ["Evening calf stretch", "Quick stretch", "None: just remind me"]
    combo.setCurrentIndex(2)
    page.editor.save_button.click()
    assert saved(path)[-1].routine is None


def test_edit_keeps_the_id_and_the_switch(qtbot: QtBot, path: Path) -> None:
    page = make_page(qtbot, path)
    page.edit_reminder("reminder-1")
    editor = page.editor
    assert editor.heading.text() == "Change reminder"
    assert editor.time_edit.time() == QTime(7, 0)
    editor.time_edit.setTime(QTime(6, 45))
    editor.save_button.click()
    changed = saved(path)[1]
    assert (changed.id, changed.at, changed.enabled) == ("reminder-1", time(6, 45), False)
    assert page.rows[0].time_label.text() == "06:45"


def test_enable_and_disable_save_at_once(qtbot: QtBot, path: Path) -> None:
    page = make_page(qtbot, path)
    row = next(row for row in page.rows if row.reminder_id == "bedtime")
    with qtbot.waitSignal(page.reminders_saved, timeout=1000):
        row.enabled_box.click()
    assert not saved(path)[0].enabled
    row = next(row for row in page.rows if row.reminder_id == "bedtime")
    assert row.next_label.text() == "Off"


def test_delete_then_undo(qtbot: QtBot, path: Path) -> None:
    page = make_page(qtbot, path)
    row = next(row for row in page.rows if row.reminder_id == "bedtime")
    row.delete_button.click()
    assert [r.id for r in saved(path)] == ["reminder-1"]
    assert page.notice.text == "The reminder at 22:30 was deleted."
    page.notice.action_clicked.emit()
    assert [r.id for r in saved(path)] == ["bedtime", "reminder-1"]
    assert page.notice.isHidden()


def test_a_change_keeps_an_edit_made_by_hand_meanwhile(qtbot: QtBot, path: Path) -> None:
    page = make_page(qtbot, path)
    by_hand = Reminder("by-hand", time(20, 0), frozenset({6}))
    save_reminders(path, [BEDTIME, MORNING, by_hand])
    row = next(row for row in page.rows if row.reminder_id == "bedtime")
    row.enabled_box.click()
    assert [r.id for r in saved(path)] == ["bedtime", "reminder-1", "by-hand"]


def test_a_failed_save_is_told_in_the_page(
    qtbot: QtBot, path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = make_page(qtbot, path)

    def refuse(target: Path, _reminders: object) -> None:
        raise WriteError(target, "No space left on device")

    monkeypatch.setattr("app.ui.reminders.reminders_view.save_reminders", refuse)
    row = next(row for row in page.rows if row.reminder_id == "bedtime")
    with qtbot.assertNotEmitted(page.reminders_saved):
        row.enabled_box.click()
    assert page.notice.isVisibleTo(page)
    assert page.notice.text == (
        "Unknot could not save reminders.yaml: No space left on device. "
        "The previous copy is unchanged."
    )
    row = next(row for row in page.rows if row.reminder_id == "bedtime")
    assert row.enabled_box.isChecked()  # shows what the file holds


def test_a_file_with_problems_is_shown_not_overwritten(qtbot: QtBot, path: Path) -> None:
    path.write_text(
        'schema_version: 1\nreminders:\n  - {id: ok, time: "22:00", days: [mon]}\n'
        "  - {id: bad, time: 22:00, days: [tue]}\n"
    )
    page = make_page(qtbot, path)
    assert [row.reminder_id for row in page.rows] == ["ok"]
    assert not page.rows[0].edit_button.isVisibleTo(page)
    assert not page.add_button.isVisibleTo(page)
    assert "reminders.yaml has a problem" in page.notice.text
    assert 'line 4: reminders[1].time: write the time in quotes, like "22:30"' in page.notice.text
    page.notice.action_clicked.emit()  # keep a copy and start over
    kept = list(path.parent.glob("reminders.yaml.broken-*"))
    assert len(kept) == 1 and "id: bad" in kept[0].read_text()
    assert [r.id for r in saved(path)] == ["ok"]
    assert page.add_button.isVisibleTo(page)
    assert page.notice.text == f"The old file was kept as {kept[0].name}."


def test_no_file_yet(qtbot: QtBot, tmp_path: Path) -> None:
    page = make_page(qtbot, tmp_path / "config" / "reminders.yaml")
    assert page.empty_label.isVisibleTo(page)
    assert page.empty_label.text() == "No reminders yet. Add one for your bedtime."
    page.add_reminder()
    page.editor.save_button.click()
    assert [r.id for r in saved(tmp_path / "config" / "reminders.yaml")] == ["reminder-1"]


def test_start_at_login(qtbot: QtBot, path: Path) -> None:
    calls: list[bool] = []
    page = make_page(qtbot, path, autostart_enabled=lambda: True, set_autostart=calls.append)
    assert page.autostart_box.isChecked()
    page.autostart_box.click()
    assert calls == [False]


def test_start_at_login_failing_is_told_and_undone(qtbot: QtBot, path: Path) -> None:
    def fail(_on: bool) -> None:
        raise PermissionError(13, "Permission denied")

    page = make_page(qtbot, path, autostart_enabled=lambda: False, set_autostart=fail)
    page.autostart_box.click()
    assert not page.autostart_box.isChecked()
    assert page.notice.text == (
        "Unknot could not change whether it starts at login: Permission denied"
    )


def test_without_autostart_callables_the_box_is_hidden(qtbot: QtBot, path: Path) -> None:
    page = make_page(qtbot, path)
    assert not page.autostart_box.isVisibleTo(page)


def test_escape_leaves_the_form_then_the_page(qtbot: QtBot, path: Path) -> None:
    page = make_page(qtbot, path)
    page.show()
    qtbot.waitExposed(page)
    page.add_reminder()
    qtbot.keyClick(page.editor.message_edit, Qt.Key.Key_Escape)
    assert page.add_button.isVisible()
    with qtbot.waitSignal(page.back_requested, timeout=1000):
        qtbot.keyClick(page.add_button, Qt.Key.Key_Escape)
