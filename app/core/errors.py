"""Typed errors the interface knows how to explain in plain words."""

from __future__ import annotations

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
