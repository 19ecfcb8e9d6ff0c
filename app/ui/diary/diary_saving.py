"""The interface's end of the diary's write path: save, retry, say how it went, and ask
before quitting with records that exist only in memory.

Only `Saved.SAVED` (the diary's transaction committed) is ever shown as "saved".
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.core.diary_store import DiaryStore
from app.core.diary_writer import PendingChange, Saved, WriteOutcome, describe
from app.core.journal import Episode, SessionRecord
from app.ui.shell.i18n import tr

log = logging.getLogger(__name__)

# How often a diary that could not be written is tried again.
RETRY_MS = 30_000


def not_saved_text() -> str:
    return tr("Not saved yet: Unknot keeps it and tries again.")


def waiting_text(changes: list[PendingChange]) -> str:
    """'1 cramp is not saved yet', '2 cramps and 1 routine are not saved yet', ..."""
    cramps, routines, other = describe(changes)
    parts = []
    if cramps:
        parts.append(tr("%n cramp(s)", None, cramps))
    if routines:
        parts.append(tr("%n routine(s) done", None, routines))
    if other:
        parts.append(tr("%n deletion(s)", None, other))
    if not parts:
        return ""
    many = cramps + routines + other > 1
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + tr(" and ") + parts[-1]
    return (tr("{what} are not saved yet") if many else tr("{what} is not saved yet")).format(
        what=listed
    )


class DiarySaving(QObject):
    """Writes records through the store's writer and retries until the diary takes them."""

    changed = Signal()  # records reached the diary, or it was reopened: read it again
    status_changed = Signal()  # the diary's problem or what waits changed: say it again

    def __init__(self, store: DiaryStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._timer = QTimer(self)
        self._timer.setInterval(RETRY_MS)
        self._timer.timeout.connect(self.retry)

    def save(self, record: Episode | SessionRecord, checked: bool = False) -> WriteOutcome:
        """Store a record (RecordRefusedError for a form that cannot be right)."""
        return self._after(self.store.writer.put(record, checked=checked))

    def delete(self, record: Episode | SessionRecord) -> WriteOutcome:
        return self._after(self.store.writer.delete(record))

    def _after(self, outcome: WriteOutcome) -> WriteOutcome:
        if outcome.saved is Saved.SAVED:
            self.changed.emit()
        else:
            self.start_retrying()
        self.status_changed.emit()
        return outcome

    def start_retrying(self) -> None:
        if self.store.needs_retry and not self._timer.isActive():
            self._timer.start()

    @property
    def retrying(self) -> bool:
        return self._timer.isActive()

    def retry(self) -> None:
        """Try the diary again now (the timer calls this every half minute)."""
        try:
            changed = self.store.retry()
        except Exception:  # a retry failing is logged and tried again, never fatal
            log.exception("diary retry failed")
            return
        if not self.store.needs_retry:
            self._timer.stop()
        if changed:
            self.changed.emit()
        self.status_changed.emit()

    def status_text(self) -> str:
        """What the user should know about the diary now; "" when all is well."""
        from app.ui.shell.errors import explain

        lines = []
        if self.store.problem is not None:
            lines.append(explain(self.store.problem))
        waiting = self.store.writer.waiting
        if waiting:
            if not self.store.needs_retry:  # a newer diary: kept aside, not tried again
                then = (
                    tr("Unknot keeps it aside.")
                    if len(waiting) == 1
                    else tr("Unknot keeps them aside.")
                )
            elif len(waiting) == 1:
                then = tr("Unknot keeps it and tries again.")
            else:
                then = tr("Unknot keeps them and tries again.")
            lines.append(waiting_text(waiting) + ". " + then)
        return " ".join(lines)

    def confirm_quit(self, parent: QWidget | None) -> bool:
        """True if Unknot may quit: nothing waits in memory only, or the user decided."""
        in_memory = self.store.writer.waiting_in_memory
        if not in_memory:
            return True
        box = QMessageBox(parent)
        box.setWindowTitle(tr("Not saved yet"))
        box.setText(waiting_text(in_memory) + ".")
        box.setInformativeText(
            tr(
                "The diary cannot take it now, and Unknot could not keep it on disk either. "
                "If Unknot quits, it is lost."
            )
        )
        keep = box.addButton(tr("Keep Unknot open"), QMessageBox.ButtonRole.RejectRole)
        save = box.addButton(tr("Save to a file…"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(tr("Quit anyway"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        self.quit_box = box  # for tests
        box.exec()
        clicked = box.clickedButton()
        if clicked is keep:
            return False
        if clicked is save:
            return self._save_to_file(parent)
        log.warning("quit with %d record(s) not saved", len(in_memory))
        return True

    def _save_to_file(self, parent: QWidget | None) -> bool:
        from app.core.errors import WriteError

        name, _ = QFileDialog.getSaveFileName(
            parent,
            tr("Save what is not saved yet"),
            str(Path.home() / "unknot-not-saved.jsonl"),
            tr("Unknot records (*.jsonl)"),
        )
        if not name:
            return False
        try:
            self.store.writer.write_pending_to(Path(name))
        except WriteError as error:
            from app.ui.shell.errors import explain

            QMessageBox.warning(parent, tr("Not saved yet"), explain(error))
            return False
        return True
