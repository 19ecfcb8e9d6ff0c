"""Bedtime reminders: the model, the file they live in, and when each fires next.

Times are reasoned in aware wall-clock datetimes in the user's zone (zoneinfo), because a
reminder is "22:30 on weekdays" whatever the offset that day. A time that does not exist
(the spring-forward gap) fires at the first moment after the gap; a time that happens twice
(the autumn overlap) fires once, at its first occurrence.
"""

from __future__ import annotations

import enum
import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from yaml.nodes import Node

from app.core.bounded_read import MAX_FILE_BYTES
from app.core.nights import wall_time_on
from app.core.routines import Problem, Text
from app.core.storage import atomic_write
from app.core.text import DEFAULT_LANGUAGE
from app.core.yaml_checker import ID_PATTERN, SkipItemError, YamlChecker

SCHEMA_VERSION = 1
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
TIME_PATTERN = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
REMINDER_KEYS = ("id", "time", "days", "routine", "message", "enabled")
# Far more than anyone sets for bedtime; each one is a row on the Reminders page, a timer
# and a notification, and a thousand of them froze the window for seconds.
MAX_REMINDERS = 50


@dataclass(frozen=True)
class Reminder:
    id: str
    at: time  # wall-clock time of day
    days: frozenset[int]  # 0 = Monday
    routine: str | None = None
    message: Text | None = None
    enabled: bool = True


def local_zone() -> tzinfo:
    """The user's zone as zoneinfo rules (not a fixed offset), following TZ like `date`."""
    name = os.environ.get("TZ", "").removeprefix(":")
    if name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    try:
        with Path("/etc/localtime").open("rb") as handle:
            return ZoneInfo.from_file(handle, key="localtime")
    except OSError:
        return UTC


def next_fire(reminder: Reminder, after: datetime, zone: tzinfo) -> datetime | None:
    """The first time `reminder` fires strictly after `after`; None if it never does."""
    if not reminder.days:
        return None
    first_day = after.astimezone(zone).date()
    for offset in range(8):  # a week and a day covers every weekday pattern
        day = first_day + timedelta(days=offset)
        if day.weekday() in reminder.days:
            moment = wall_time_on(day, reminder.at, zone)
            if moment > after:
                return moment
    return None


def upcoming(reminder: Reminder, after: datetime, zone: tzinfo, count: int) -> list[datetime]:
    """The next `count` fire times."""
    times: list[datetime] = []
    moment: datetime | None = after
    while len(times) < count and moment is not None:
        moment = next_fire(reminder, moment, zone)
        if moment is not None:
            times.append(moment)
    return times


def load_reminders(path: Path) -> tuple[list[Reminder], list[Problem]]:
    """The reminders in `path` (none if it does not exist), and any problems, located."""
    problems: list[Problem] = []
    if not path.exists():
        return [], problems
    checker = YamlChecker(path, problems, kind="a reminders file")
    root = checker.compose_document()
    if root is None:
        return [], problems
    reminders: list[Reminder] = []
    try:
        top = checker.mapping(root, "", ("schema_version", "reminders"), ("schema_version",))
        version = checker.scalar(top["schema_version"][1], "schema_version")
        if version != SCHEMA_VERSION:
            raise checker.fail(top["schema_version"][1], "schema_version", f"is {version!r}")
        items = (
            checker.sequence(top["reminders"][1], "reminders", high=MAX_FILE_BYTES)
            if "reminders" in top
            else []
        )
    except SkipItemError:
        return [], problems
    if len(items) > MAX_REMINDERS:
        # The first ones still remind; the file cannot be edited in the app until fixed,
        # so nothing past the limit is lost by a save.
        extra = len(items) - MAX_REMINDERS
        if extra == 1:
            left_out = "this one is left out"
        elif extra == 2:
            left_out = "this one and the one after it are left out"
        else:
            left_out = f"this one and the {extra - 1} after it are left out"
        checker.problem(
            items[MAX_REMINDERS],
            f"reminders[{MAX_REMINDERS}]",
            f"at most {MAX_REMINDERS} reminders are read; {left_out}",
        )
        items = items[:MAX_REMINDERS]
    seen: set[str] = set()
    for index, node in enumerate(items):
        try:
            reminder = _reminder(checker, node, f"reminders[{index}]")
        except SkipItemError:
            continue
        if reminder.id in seen:
            checker.problem(node, f"reminders[{index}].id", f"{reminder.id!r} appears twice")
            continue
        seen.add(reminder.id)
        reminders.append(reminder)
    return reminders, problems


def _reminder(checker: YamlChecker, node: Node, where: str) -> Reminder:
    fields = checker.mapping(node, where, REMINDER_KEYS, required=("id", "time", "days"))
    reminder_id = checker.string(fields["id"][1], f"{where}.id", ID_PATTERN)
    time_node = fields["time"][1]
    raw = checker.scalar(time_node, f"{where}.time")
    if not isinstance(raw, str):
        # YAML reads an unquoted 22:30 as the number 1350 (base 60).
        raise checker.fail(time_node, f"{where}.time", 'write the time in quotes, like "22:30"')
    match = TIME_PATTERN.match(raw)
    if match is None:
        raise checker.fail(time_node, f"{where}.time", f"{raw!r} is not a time like 22:30")
    days: set[int] = set()
    for number, day_node in enumerate(checker.sequence(fields["days"][1], f"{where}.days", 1, 7)):
        name = checker.string(day_node, f"{where}.days[{number}]")
        if name not in WEEKDAYS:
            raise checker.fail(
                day_node, f"{where}.days[{number}]", f"{name!r} is not one of {', '.join(WEEKDAYS)}"
            )
        days.add(WEEKDAYS.index(name))
    routine = None
    if "routine" in fields:
        routine = checker.string(fields["routine"][1], f"{where}.routine", ID_PATTERN)
    message = (
        checker.text(fields["message"][1], f"{where}.message") if "message" in fields else None
    )
    enabled = (
        checker.boolean(fields["enabled"][1], f"{where}.enabled") if "enabled" in fields else True
    )
    return Reminder(
        id=reminder_id,
        at=time(int(match.group(1)), int(match.group(2))),
        days=frozenset(days),
        routine=routine,
        message=message,
        enabled=enabled,
    )


def previous_fire(reminder: Reminder, at_or_before: datetime, zone: tzinfo) -> datetime | None:
    """The latest time `reminder` was due at or before `at_or_before`; None if never."""
    if not reminder.days:
        return None
    last_day = at_or_before.astimezone(zone).date()
    for offset in range(8):
        day = last_day - timedelta(days=offset)
        if day.weekday() in reminder.days:
            moment = wall_time_on(day, reminder.at, zone)
            if moment <= at_or_before:
                return moment
    return None


class Action(enum.Enum):
    NOTIFY = "notify"  # due now: remind
    NOTIFY_LATE = "notify_late"  # due a while ago (asleep, switched off), within the grace
    RECORD_MISSED = "record_missed"  # too long ago: note it, do not remind
    SKIP_DONE = "skip_done"  # tonight's routine is already done: no nagging
    WAIT = "wait"  # nothing due: sleep until `next_due`


@dataclass(frozen=True)
class Decision:
    action: Action
    occurrence: datetime | None  # the scheduled time this decision is about
    next_due: datetime | None  # when to look again


ON_TIME = timedelta(seconds=5)
DEFAULT_GRACE = timedelta(minutes=30)
DONE_WINDOW = timedelta(hours=6)  # a routine finished this long before the reminder counts


def decide(
    reminder: Reminder,
    now: datetime,
    zone: tzinfo,
    *,
    last_handled: datetime | None,
    last_routine_done: datetime | None = None,
    grace: timedelta = DEFAULT_GRACE,
) -> Decision:
    """What to do about `reminder` at `now`, whatever happened since the last look.

    `last_handled` is the last occurrence already notified, skipped or recorded (kept in a
    state file across restarts), so no occurrence is ever reminded twice.
    """
    if not reminder.enabled:
        return Decision(Action.WAIT, None, None)
    following = next_fire(reminder, now, zone)
    due = previous_fire(reminder, now, zone)
    if due is None or (last_handled is not None and due <= last_handled):
        return Decision(Action.WAIT, None, following)
    if last_routine_done is not None and due - DONE_WINDOW <= last_routine_done <= now:
        return Decision(Action.SKIP_DONE, due, following)
    late = now - due
    if late <= ON_TIME:
        return Decision(Action.NOTIFY, due, following)
    if late <= grace:
        return Decision(Action.NOTIFY_LATE, due, following)
    return Decision(Action.RECORD_MISSED, due, following)


SNOOZE = timedelta(minutes=10)
MAX_SNOOZES = 3  # per occurrence: a reminder can be put off, not put off all night


@dataclass(frozen=True)
class Snooze:
    """A snoozed occurrence: due again at `until` (None once that has come), `count` times."""

    occurrence: datetime
    until: datetime | None
    count: int


@dataclass(frozen=True)
class Pause:
    """Reminders are paused until `until`, or until the user resumes them (None)."""

    until: datetime | None


class HandledState:
    """What the reminders have done, kept across restarts in a small JSON file in the state
    folder: the last occurrence handled for each reminder (so none is ever reminded twice),
    snoozes (so the limit holds and a snooze survives a restart), and a pause."""

    def __init__(self, path: Path | None) -> None:
        """Read from `path`; with None, nothing is read or saved (nothing done yet)."""
        self.path = path
        self._handled: dict[str, datetime] = {}
        self._snoozes: dict[str, Snooze] = {}
        self._pause: Pause | None = None
        if path is None:
            return
        try:
            document = json.loads(path.read_bytes())
            for reminder_id, moment in document.get("handled", {}).items():
                parsed = datetime.fromisoformat(moment)
                if parsed.tzinfo is not None:
                    self._handled[str(reminder_id)] = parsed
        except (OSError, ValueError, AttributeError, TypeError):
            # Missing or unreadable: start afresh. At worst one occurrence inside the grace
            # window is reminded again; never more.
            self._handled = {}
            return
        # Snoozes and the pause matter less than the handled times: a bad entry is dropped
        # alone rather than costing the rest.
        snoozes = document.get("snoozes", {})
        for reminder_id, entry in snoozes.items() if isinstance(snoozes, dict) else ():
            try:
                occurrence = _aware(entry["occurrence"])
                until = None if entry.get("until") is None else _aware(entry["until"])
                count = int(entry["count"])
            except (KeyError, ValueError, AttributeError, TypeError):
                continue
            self._snoozes[str(reminder_id)] = Snooze(occurrence, until, count)
        pause = document.get("pause")
        if isinstance(pause, dict):
            try:
                until_text = pause.get("until")
                self._pause = Pause(None if until_text is None else _aware(until_text))
            except (ValueError, TypeError):
                self._pause = None

    def last_handled(self, reminder_id: str) -> datetime | None:
        return self._handled.get(reminder_id)

    def mark(self, reminder_id: str, occurrence: datetime) -> None:
        """Remember `occurrence` as handled and save at once (atomically)."""
        self._handled[reminder_id] = occurrence
        self._save()

    # -- snoozes ---------------------------------------------------------

    def snoozes(self) -> dict[str, Snooze]:
        return dict(self._snoozes)

    def snooze_count(self, reminder_id: str, occurrence: datetime) -> int:
        snooze = self._snoozes.get(reminder_id)
        return snooze.count if snooze is not None and snooze.occurrence == occurrence else 0

    def set_snooze(self, reminder_id: str, snooze: Snooze | None) -> None:
        if snooze is None:
            self._snoozes.pop(reminder_id, None)
        else:
            self._snoozes[reminder_id] = snooze
        self._save()

    def clear_snoozes(self) -> None:
        if self._snoozes:
            self._snoozes.clear()
            self._save()

    # -- pause -----------------------------------------------------------

    @property
    def pause(self) -> Pause | None:
        return self._pause

    def set_pause(self, pause: Pause | None) -> None:
        self._pause = pause
        self._save()

    def _save(self) -> None:
        document: dict[str, object] = {
            "handled": {key: value.isoformat() for key, value in self._handled.items()}
        }
        if self._snoozes:
            document["snoozes"] = {
                key: {
                    "occurrence": snooze.occurrence.isoformat(),
                    "until": None if snooze.until is None else snooze.until.isoformat(),
                    "count": snooze.count,
                }
                for key, snooze in self._snoozes.items()
            }
        if self._pause is not None:
            until = self._pause.until
            document["pause"] = {"until": None if until is None else until.isoformat()}
        if self.path is not None:
            atomic_write(self.path, json.dumps(document, indent=1))


def _aware(text: object) -> datetime:
    moment = datetime.fromisoformat(str(text))
    if moment.tzinfo is None:
        raise ValueError("no time zone")
    return moment


# -- writing the file ------------------------------------------------------

ID_PREFIX = "reminder-"


def new_reminder_id(existing: Iterable[str]) -> str:
    """A fresh id: "reminder-N", one above the highest N in use, so a deleted reminder's id
    (and the handled state kept under it) is not handed to a new one while later ones exist."""
    highest = 0
    for reminder_id in existing:
        suffix = reminder_id.removeprefix(ID_PREFIX)
        if reminder_id.startswith(ID_PREFIX) and suffix.isdigit():
            highest = max(highest, int(suffix))
    return f"{ID_PREFIX}{highest + 1}"


def reminders_document(reminders: Iterable[Reminder]) -> str:
    """`reminders` as the text of a reminders file, in the documented layout.

    Written by hand rather than dumped, so the file reads the way the docs show it: one
    block per reminder, the time always quoted (unquoted, YAML would read 22:30 as a
    number), the days as one short list.
    """
    lines = [
        "# Unknot's bedtime reminders: the app edits this file, and so may you.",
        f"schema_version: {SCHEMA_VERSION}",
    ]
    reminders = list(reminders)
    if not reminders:
        lines.append("reminders: []")
    else:
        lines.append("reminders:")
    for reminder in reminders:
        if ID_PATTERN.match(reminder.id) is None:
            raise ValueError(f"{reminder.id!r} is not a valid reminder id")
        days = ", ".join(WEEKDAYS[day] for day in sorted(reminder.days))
        lines.append(f"  - id: {_word(reminder.id)}")
        lines.append(f'    time: "{reminder.at.hour:02d}:{reminder.at.minute:02d}"')
        lines.append(f"    days: [{days}]")
        if reminder.routine is not None:
            lines.append(f"    routine: {_word(reminder.routine)}")
        message = _message(reminder.message) if reminder.message is not None else None
        if message is not None:
            lines.append(f"    message: {message}")
        lines.append(f"    enabled: {'true' if reminder.enabled else 'false'}")
    return "\n".join(lines) + "\n"


def save_reminders(path: Path, reminders: Iterable[Reminder]) -> None:
    """Write `reminders` to `path` atomically; raises WriteError, leaving the old file."""
    atomic_write(path, reminders_document(reminders))


def _word(value: str) -> str:
    """An id as YAML: plain when YAML reads it back as the same text, else quoted.

    Ids such as "no", "on" or "123" would otherwise come back as a boolean or a number.
    """
    from app.core import yamlio

    return value if yamlio.safe_load(value) == value else _quoted(value)


def _quoted(value: str) -> str:
    """`value` as one double-quoted YAML scalar, every awkward character escaped."""
    import yaml

    text: str = yaml.dump(
        value, Dumper=yaml.SafeDumper, default_style='"', width=1_000_000, allow_unicode=True
    )
    return text.strip()


def _message(message: Text) -> str | None:
    """The message as YAML, None when it says nothing. Trimmed, as the loader trims it."""
    translations = [(code, text.strip()) for code, text in message.translations if text.strip()]
    if not translations:
        return None
    if len(translations) == 1 and translations[0][0] == DEFAULT_LANGUAGE:
        return _quoted(translations[0][1])
    parts = (f"{_word(code)}: {_quoted(text)}" for code, text in translations)
    return "{" + ", ".join(parts) + "}"
