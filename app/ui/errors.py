"""One place that turns errors into plain words for the user; never a traceback."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.core.errors import FileSetAsideError, RoutineNotFoundError, UnknotError, WriteError

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate("errors", text)


def explain(error: BaseException) -> str:
    """What happened, in words a tired person can act on."""
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


def install_excepthook(parent: QWidget | None = None) -> None:
    """Log unexpected errors and tell the user calmly, instead of printing a traceback."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        log.error("unexpected error:\n%s", "".join(traceback.format_exception(kind, error, tb)))
        if isinstance(error, KeyboardInterrupt):
            sys.exit(130)
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(parent, "Unknot", explain(error))

    sys.excepthook = hook
