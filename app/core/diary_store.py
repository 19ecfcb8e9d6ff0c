"""The diary as the app holds it: open (perhaps only to read) or not, why, and its writer.

`DiaryStore.open()` never raises: what went wrong is kept in `problem` for the interface to
say, and `retry()` tries again (the app calls it on a timer while anything is wrong or
waiting). A diary from a newer Unknot is never touched, so it is not retried either.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from app.core.diary_writer import DiaryWriter
from app.core.errors import DiaryError, DiaryFault
from app.core.journal import BUSY_TIMEOUT_S, Journal

log = logging.getLogger(__name__)


class DiaryStore:
    def __init__(
        self,
        path: Path,
        pending_file: Path,
        now: Callable[[], datetime],
        busy_timeout_s: float = BUSY_TIMEOUT_S,
    ) -> None:
        self.path = path
        self._busy_timeout_s = busy_timeout_s
        self.journal: Journal | None = None
        # Why the diary cannot be written now (None: it can); it may still be readable.
        self.problem: DiaryError | None = None
        # A damaged diary that was set aside at the last open: said once, then cleared.
        self.set_aside: DiaryError | None = None
        self.writer = DiaryWriter(lambda: self.journal, pending_file, now)

    @classmethod
    def adopt(
        cls, journal: Journal, now: Callable[[], datetime], pending_file: Path | None = None
    ) -> DiaryStore:
        """A store around a diary already open (a screen built on its own, in tests); what
        waits goes beside the diary unless `pending_file` says where."""
        pending = pending_file or journal.path.with_name("pending-records.jsonl")
        store = cls(journal.path, pending, now)
        store.journal = journal
        return store

    @property
    def writable(self) -> bool:
        return self.journal is not None and self.journal.writable

    def open(self) -> None:
        """Open the diary and replay what a previous run left waiting."""
        self.writer.load_pending()
        self._open()
        if self.writable:
            self.writer.flush()

    def _open(self) -> None:
        try:
            journal, problem = Journal.open(self.path, self._busy_timeout_s)
        except DiaryError as error:
            log.warning("diary not opened: %s (%s)", error.detail, error.fault.value)
            self.journal, self.problem = None, error
            return
        except Exception as error:  # the diary failing must never stop the app
            log.exception("diary not opened")
            self.journal = None
            self.problem = DiaryError(self.path, DiaryFault.CANNOT_OPEN, str(error))
            return
        self.journal = journal
        if problem is not None and problem.fault is DiaryFault.DAMAGED:
            self.set_aside, self.problem = problem, None
        else:
            self.problem = problem

    @property
    def needs_retry(self) -> bool:
        """Something is wrong or waiting, and trying again may help."""
        if self.problem is not None and self.problem.fault is DiaryFault.NEWER:
            return False
        return self.problem is not None or bool(self.writer.waiting)

    def retry(self) -> bool:
        """Try to open the diary again if it is not writable, then write what waits.

        True if the diary changed (reopened, or records written): the screens read it again.
        """
        changed = False
        if not self.writable and self.needs_retry:
            old = self.journal
            if old is not None:
                old.close()
            self._open()
            changed = self.journal is not None
        waiting = len(self.writer.waiting)
        if self.writable and waiting:
            self.writer.flush()
            changed = changed or len(self.writer.waiting) != waiting
            if not self.writer.waiting:
                self.problem = None
            elif self.writer.last_problem is not None:
                # Opened, but the writes still fail (a full disk): say why.
                last = self.writer.last_problem
                fault = getattr(last, "fault", DiaryFault.CANNOT_OPEN)
                self.problem = DiaryError(self.path, fault, getattr(last, "reason", str(last)))
        return changed

    def close(self) -> None:
        if self.journal is not None:
            self.journal.close()
            self.journal = None
