"""Saving reminders: the documented layout, a faithful round trip, fresh ids, the state file."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.core.reminders import (
    HandledState,
    Pause,
    Reminder,
    Snooze,
    load_reminders,
    new_reminder_id,
    save_reminders,
)
from app.core.routines import Text

BERLIN = ZoneInfo("Europe/Berlin")


def test_saved_file_has_the_documented_layout(tmp_path: Path) -> None:
    path = tmp_path / "config" / "reminders.yaml"
    save_reminders(
        path,
        [
            Reminder(
                "bedtime",
                time(22, 30),
                frozenset({4, 0, 1, 2, 3}),
                routine="evening-stretch",
                message=Text.plain("Stretch, then bed"),
            ),
            Reminder("reminder-2", time(7, 5), frozenset({6}), enabled=False),
        ],
    )
    assert path.read_text().splitlines()[1:] == [
        "schema_version: 1",
        "reminders:",
        "  - id: bedtime",
        '    time: "22:30"',
        "    days: [mon, tue, wed, thu, fri]",
        "    routine: evening-stretch",
        '    message: "Stretch, then bed"',
        "    enabled: true",
        "  - id: reminder-2",
        '    time: "07:05"',
        "    days: [sun]",
        "    enabled: false",
    ]
    assert path.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize(
    "message",
    [
        Text.plain('Say "hi": then #stretch'),
        Text.plain("two\nlines and\ta tab"),
        Text.plain("yes"),
        Text.plain("Wadendehnung 😀 \u2028 \x85 \ufeff"),
        Text.of({"en": "Stretch", "no": "Strekk", "pt_BR": "Alongar"}),
    ],
)
def test_round_trip(tmp_path: Path, message: Text) -> None:
    path = tmp_path / "reminders.yaml"
    reminders = [
        Reminder("no", time(0, 0), frozenset(range(7)), routine="123", message=message),
        Reminder("late", time(23, 59), frozenset({5}), enabled=False),
    ]
    save_reminders(path, reminders)
    loaded, problems = load_reminders(path)
    assert problems == []
    assert loaded == reminders


def test_a_message_is_trimmed_and_an_empty_one_left_out(tmp_path: Path) -> None:
    path = tmp_path / "reminders.yaml"
    save_reminders(
        path,
        [
            Reminder("a", time(22, 0), frozenset({0}), message=Text.plain("  Stretch \n")),
            Reminder("b", time(22, 0), frozenset({0}), message=Text.plain("   ")),
        ],
    )
    loaded, problems = load_reminders(path)
    assert problems == []
    assert [r.message for r in loaded] == [Text.plain("Stretch"), None]


def test_an_empty_list_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "reminders.yaml"
    save_reminders(path, [])
    assert load_reminders(path) == ([], [])


def test_a_bad_id_is_refused_before_writing(tmp_path: Path) -> None:
    path = tmp_path / "reminders.yaml"
    with pytest.raises(ValueError, match="not a valid reminder id"):
        save_reminders(path, [Reminder("Bad Id", time(22, 0), frozenset({0}))])
    assert not path.exists()


def test_new_ids_are_unique_and_never_reuse_a_lower_number() -> None:
    assert new_reminder_id([]) == "reminder-1"
    assert new_reminder_id(["bedtime", "reminder-3", "reminder-x"]) == "reminder-4"


def test_snoozes_and_pause_survive_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "state" / "reminders-state.json"
    due = datetime(2026, 11, 25, 22, 30, tzinfo=BERLIN)
    state = HandledState(path)
    state.mark("bedtime", due)
    state.set_snooze("bedtime", Snooze(due, due + timedelta(minutes=10), 1))
    state.set_pause(Pause(None))
    again = HandledState(path)
    assert again.last_handled("bedtime") == due
    assert again.snoozes() == {"bedtime": Snooze(due, due + timedelta(minutes=10), 1)}
    assert again.snooze_count("bedtime", due) == 1
    assert again.snooze_count("bedtime", due + timedelta(days=1)) == 0
    assert again.pause == Pause(None)
    again.clear_snoozes()
    again.set_pause(None)
    third = HandledState(path)
    assert (third.snoozes(), third.pause, third.last_handled("bedtime")) == ({}, None, due)


def test_a_bad_snooze_entry_costs_only_itself(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    path.write_text(
        '{"handled": {"a": "2026-11-25T22:30:00+01:00"},'
        ' "snoozes": {"a": {"occurrence": "junk"}}, "pause": {"until": "2026-11-26T07:00"}}'
    )
    state = HandledState(path)
    assert state.last_handled("a") is not None
    assert state.snoozes() == {}
    assert state.pause is None  # a pause without a zone cannot be trusted
