"""User settings: a small versioned YAML file, written atomically, set aside if unreadable."""

from __future__ import annotations

import dataclasses
import enum
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, assert_never

from app.core.bounded_read import (
    FileTooLargeError,
    NotRegularFileError,
    check_regular,
    read_bounded,
)
from app.core.errors import FileSetAsideError, WriteError
from app.core.nights import in_hours
from app.core.storage import atomic_write, set_aside

SCHEMA_VERSION = 1
HOUR_SETTINGS = frozenset({"night_starts", "night_ends"})


class Theme(enum.StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"
    NIGHT = "night"


class Posture(enum.StrEnum):
    """Where someone is when the cramp comes: the relief screen's two ways through (the
    emergency routine's variants of the same names)."""

    BED = "bed"
    STANDING = "standing"


class Choice(enum.StrEnum):
    """A yes kept for a whole routine rather than for one step's question."""

    LONGER_HOLDS = "longer-holds"  # the routine's "hold longer" choice


LONGER_HOLDS = Choice.LONGER_HOLDS


def answer_key(routine_id: str, question: int | Choice) -> str:
    """How a yes is kept in `yes_answers`: "routine-id:step-index" for a step's question,
    "routine-id:longer-holds" for a choice."""
    match question:
        case Choice.LONGER_HOLDS:
            return f"{routine_id}:{question.value}"
        case int():
            return f"{routine_id}:{question}"
        case unreachable:
            assert_never(unreachable)


@dataclass(frozen=True)
class Settings:
    """Everything the user chooses; defaults are what a new user gets."""

    disclaimer_accepted: bool = False
    theme: Theme = Theme.SYSTEM
    volume: int = 70  # percent
    muted: bool = False
    # Quieter cues at night: from night_starts (hour) until night_ends (hour), local time.
    night_volume: int = 30  # percent
    night_starts: int = 21
    night_ends: int = 7
    # The interface and content language: "en" or "ru", or "system" to follow the desktop
    # (app.core.language.choose_language). Empty, as written before there was a choice,
    # also follows the desktop; so does a language Unknot does not speak, so a file with
    # one still loads.
    language: str = ""
    # Yes answers, as "routine-id:step-index" for a step's question, or
    # "routine-id:longer-holds" for the choice of longer holds.
    yes_answers: tuple[str, ...] = ()
    # The relief screen: where the user last was ("bed" or "standing"), offered first next
    # time, and whether it fills the screen (its large type needs the room; F11 toggles).
    relief_position: Posture = Posture.BED
    relief_full_screen: bool = True
    # The gentle profile (pregnant, older or unsteady on your feet): standing relief
    # without standing on the leg, always holding a support.
    relief_gentle: bool = False
    # Whose emergency and urgent-care numbers to show: a code of
    # app.core.emergency_numbers.REGIONS, or empty for the system's locale.
    region: str = ""
    # Spoken guidance through the desktop's speech service: off until asked for, since a
    # voice at 3 a.m. may wake someone else.
    spoken_guidance: bool = False
    # No moving pictures or fades (for motion sensitivity); also on when the desktop asks.
    reduced_motion: bool = False

    def is_night(self, now: datetime) -> bool:
        return in_hours(now.hour, self.night_starts, self.night_ends)

    def cue_volume(self, now: datetime) -> int:
        """The cue volume for a routine started at `now` (local time): quieter at night."""
        return min(self.volume, self.night_volume) if self.is_night(now) else self.volume

    def answered_yes(self, routine_id: str) -> frozenset[int]:
        prefix = f"{routine_id}:"
        return frozenset(
            int(answer[len(prefix) :])
            for answer in self.yes_answers
            if answer.startswith(prefix) and answer[len(prefix) :].isdigit()
        )

    def wants_longer_holds(self, routine_id: str) -> bool:
        return answer_key(routine_id, Choice.LONGER_HOLDS) in self.yes_answers

    def with_answer(self, routine_id: str, question: int | str, yes: bool) -> Settings:
        """Remember a yes (or forget it) for a step's question, or for a Choice (or its
        value: ValueError for any other text)."""
        key = answer_key(routine_id, question if isinstance(question, int) else Choice(question))
        others = tuple(answer for answer in self.yes_answers if answer != key)
        return self.replace(yes_answers=(*others, key) if yes else others)

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **changes)


def to_document(settings: Settings) -> dict[str, Any]:
    document: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
    for field in dataclasses.fields(settings):
        value = getattr(settings, field.name)
        if isinstance(value, enum.Enum):
            value = value.value
        elif isinstance(value, tuple):
            value = list(value)
        document[field.name] = value
    return document


def from_document(document: object) -> Settings:
    """Build Settings from parsed YAML; ValueError names the first thing that is wrong."""
    if not isinstance(document, dict):
        raise ValueError("it does not hold a list of settings")
    version = document.get("schema_version")
    if version != SCHEMA_VERSION:
        raise ValueError(f"schema_version is {version!r}; this version of Unknot reads 1")
    known = {field.name: field for field in dataclasses.fields(Settings)}
    values: dict[str, Any] = {}
    for key, value in document.items():
        if key == "schema_version":
            continue
        if key not in known:
            raise ValueError(f"unknown setting {key!r}")
        values[key] = _check_value(key, value)
    return Settings(**values)


def _check_value(key: str, value: object) -> object:
    default = getattr(Settings(), key)
    if isinstance(default, tuple):
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise ValueError(f"{key}: expected a list of words, got {value!r}")
        return tuple(value)
    if isinstance(default, Theme):
        try:
            return Theme(str(value))
        except ValueError:
            raise ValueError(f"{key}: {value!r} is not a theme") from None
    if isinstance(default, Posture):
        try:
            return Posture(str(value))
        except ValueError:
            raise ValueError(f"{key}: expected bed or standing, got {value!r}") from None
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise ValueError(f"{key}: expected true or false, got {value!r}")
        return value
    if isinstance(default, int):
        high = 23 if key in HOUR_SETTINGS else 100
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= high:
            raise ValueError(f"{key}: expected a whole number from 0 to {high}, got {value!r}")
        return value
    if not isinstance(value, str):
        raise ValueError(f"{key}: expected text, got {value!r}")
    return value


def _reason(error: Exception) -> str:
    """One line a person can act on: what is wrong and, for YAML, where."""
    from app.core import yamlio

    if isinstance(error, yamlio.MarkedYAMLError) and error.problem_mark is not None:
        mark = error.problem_mark
        return f"{error.problem} at line {mark.line + 1}, column {mark.column + 1}"
    text = str(error)
    return text.splitlines()[0] if text else type(error).__name__


class SettingsStore:
    """Reads and writes `settings.yaml`."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> tuple[Settings, FileSetAsideError | None]:
        """The saved settings, or defaults plus the reason the file was set aside."""
        # PyYAML is imported here, not at the top: a start-up from the launch snapshot
        # reads settings without it.
        from app.core import yamlio

        try:
            raw = read_bounded(self.path, "a settings file")
        except FileNotFoundError:
            return Settings(), None
        except NotRegularFileError as error:
            # A link to a device, a pipe, a folder: someone's doing, and renaming it could
            # break what they set up. Left as it is, never read, never replaced (see save).
            return Settings(), FileSetAsideError(self.path, None, error.reason)
        except FileTooLargeError as error:
            reason = error.reason  # no settings file is that big: kept aside like bad YAML
        except OSError as error:
            # Unreadable (permissions, I/O): leave it where it is, use defaults in memory.
            return Settings(), FileSetAsideError(self.path, None, error.strerror or str(error))
        else:
            try:
                return from_document(yamlio.safe_load(raw)), None
            except (yamlio.YAMLError, ValueError, UnicodeDecodeError) as error:
                reason = _reason(error)
        try:
            moved = set_aside(self.path)
        except OSError:
            moved = None
        return Settings(), FileSetAsideError(self.path, moved, reason)

    def save(self, settings: Settings) -> None:
        """Write atomically; raises WriteError, leaving the old file intact.

        A settings path that is not a regular file (a link to a device, a pipe) is never
        replaced: the user is told each time that the change could not be saved.
        """
        from app.core import yamlio

        try:
            check_regular(self.path)
        except NotRegularFileError as error:
            raise WriteError(self.path, error.reason) from error
        atomic_write(self.path, yamlio.safe_dump(to_document(settings)))
