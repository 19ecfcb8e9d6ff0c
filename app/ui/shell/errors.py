"""One place that turns errors into plain words for the user; never a traceback."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from app.core.errors import (
    DiaryError,
    DiaryFault,
    FileSetAsideError,
    RoutineNotFoundError,
    UnknotError,
    WriteError,
)
from app.ui.shell.i18n import tr

log = logging.getLogger(__name__)


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


def install_excepthook(notify: Callable[[str], None] | None = None) -> None:
    """Log unexpected errors and say so quietly, instead of a traceback or a crash.

    PySide6 hands an exception raised in a slot, a paint or any other event handler to
    sys.excepthook and carries on; this hook logs it (the whole traceback the first time,
    a count after that, so a failing paint does not flood the log) and passes one calm
    sentence to `notify` (the status bar, or the tray before there is a window).
    """
    seen: dict[str, int] = {}

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if isinstance(error, KeyboardInterrupt):
            sys.exit(130)
        where = traceback.extract_tb(tb)[-1] if tb is not None else None
        key = f"{kind.__name__}@{where.filename}:{where.lineno}" if where else kind.__name__
        seen[key] = seen.get(key, 0) + 1
        if seen[key] == 1:
            log.error("unexpected error:\n%s", "".join(traceback.format_exception(kind, error, tb)))
        elif seen[key] in (10, 100, 1000):
            log.error("unexpected error %s, %d times so far", key, seen[key])
        if notify is not None and seen[key] == 1:
            try:
                notify(explain(error))
            except Exception:  # the hook itself must never fail
                log.exception("could not say the unexpected error")

    sys.excepthook = hook
