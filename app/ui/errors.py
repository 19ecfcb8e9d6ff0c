"""One place that turns errors into plain words for the user; never a traceback."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.core.errors import (
    DiaryError,
    DiaryFault,
    FileSetAsideError,
    RoutineNotFoundError,
    UnknotError,
    WriteError,
)

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate("errors", text)


def explain(error: BaseException) -> str:
    """What happened, in words a tired person can act on."""
    if isinstance(error, DiaryError):
        return explain_diary(error)
    if isinstance(error, FileSetAsideError):
        if error.moved_to is None:
            return tr("{file} could not be read ({reason}). Unknot is using its defaults.").format(
                file=error.original.name, reason=error.reason
            )
        if error.original.suffix == ".sqlite3":
            return tr(
                "Your diary could not be read ({reason}). It was kept as {kept}, and a new "
                "diary has been started."
            ).format(reason=error.reason, kept=error.moved_to.name)
        return tr(
            "Your {file} could not be read ({reason}). It was kept as {kept}, and Unknot is "
            "using default settings for now."
        ).format(file=error.original.name, reason=error.reason, kept=error.moved_to.name)
    if isinstance(error, WriteError):
        return tr("Unknot could not save {file}: {reason}. The previous copy is unchanged.").format(
            file=error.path.name, reason=error.reason
        )
    if isinstance(error, RoutineNotFoundError):
        return tr("There is no routine called “{id}”.").format(id=error.routine_id)
    if isinstance(error, UnknotError):
        return str(error)
    return tr("Something went wrong inside Unknot. It has been written to the log.")


def explain_diary(problem: DiaryError) -> str:
    """Why the diary cannot be used as usual, and what Unknot does about it."""
    fault = problem.fault
    if fault is DiaryFault.BUSY:
        return tr(
            "The diary is in use by another program. Unknot keeps new records and tries again."
        )
    if fault is DiaryFault.NO_SPACE:
        return tr(
            "The disk is full, so nothing can be saved to the diary. Unknot shows what it can "
            "read, keeps new records and tries again."
        )
    if fault is DiaryFault.READ_ONLY:
        return tr(
            "The diary can only be read here ({reason}), so nothing can be saved to it. "
            "Unknot keeps new records and tries again."
        ).format(reason=problem.detail)
    if fault is DiaryFault.NEWER:
        return tr(
            "This diary was written by a newer version of Unknot (schema {schema}). Unknot "
            "leaves it as it is and keeps new records aside for that version."
        ).format(schema=problem.schema)
    if fault is DiaryFault.DAMAGED:
        kept = problem.kept_as.name if problem.kept_as is not None else "?"
        return tr(
            "Your diary was damaged ({reason}). It was kept as {kept}, and a new diary has "
            "been started."
        ).format(reason=problem.detail, kept=kept)
    return tr(
        "The diary could not be opened ({reason}). Unknot keeps new records and tries again."
    ).format(reason=problem.detail)


def install_excepthook(parent: QWidget | None = None) -> None:
    """Log unexpected errors and tell the user calmly, instead of printing a traceback."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        log.error("unexpected error:\n%s", "".join(traceback.format_exception(kind, error, tb)))
        if isinstance(error, KeyboardInterrupt):
            sys.exit(130)
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(parent, "Unknot", explain(error))

    sys.excepthook = hook
