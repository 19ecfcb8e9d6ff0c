"""Typed errors the interface knows how to explain in plain words."""

from __future__ import annotations

from enum import Enum
from pathlib import Path


class UnknotError(Exception):
    """Base of every error the app explains to the user instead of showing a traceback."""


class FileSetAsideError(UnknotError):
    """A file could not be read; it was moved aside and defaults are used."""

    def __init__(self, original: Path, moved_to: Path | None, reason: str) -> None:
        super().__init__(f"{original}: {reason}")
        self.original = original
        self.moved_to = moved_to
        self.reason = reason


class WriteError(UnknotError):
    """A file could not be written; the previous version is untouched."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class RoutineNotFoundError(UnknotError):
    """A routine id was asked for that no loaded routine has."""

    def __init__(self, routine_id: str, known: list[str]) -> None:
        super().__init__(routine_id)
        self.routine_id = routine_id
        self.known = known


class DiaryFault(Enum):
    """Why the diary cannot be written (or read) just now."""

    BUSY = "busy"  # another program holds a lock on it
    NO_SPACE = "no_space"  # the disk is full
    READ_ONLY = "read_only"  # the file, its folder or the file system cannot be written
    CANNOT_OPEN = "cannot_open"  # anything else the system refused
    NEWER = "newer"  # written by a newer Unknot: never touched
    DAMAGED = "damaged"  # proven damaged (not a database, or the integrity check failed)


class DiaryError(UnknotError):
    """The diary could not be opened as usual; `fault` says why.

    Raised (as DiaryUnavailableError) when nothing of it can be read; returned beside a
    read-only or newly started diary otherwise.
    """

    def __init__(
        self,
        path: Path,
        fault: DiaryFault,
        detail: str,
        *,
        kept_as: Path | None = None,
        schema: int | None = None,
    ) -> None:
        super().__init__(f"{path}: {detail}")
        self.path = path
        self.fault = fault
        self.detail = detail
        self.kept_as = kept_as  # DAMAGED: where the old file was kept
        self.schema = schema  # NEWER: the schema version found


class DiaryUnavailableError(DiaryError):
    """Nothing of the diary can be read now (busy, newer, or unreadable)."""


class DiaryWriteError(WriteError):
    """A record could not be written to the diary; `fault` says why, if known."""

    def __init__(self, path: Path, reason: str, fault: DiaryFault) -> None:
        super().__init__(path, reason)
        self.fault = fault
