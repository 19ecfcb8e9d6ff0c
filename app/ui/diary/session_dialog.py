"""Add or change a routine session by hand: which routine, when, and how much of it was done.

For the evening stretch done without the app, or a session the player got wrong. Times that
cannot be right are refused with the diary's own plain words, and the dialog stays open to fix
them, as the cramp form does.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime, timedelta

from PySide6.QtWidgets import QComboBox, QDateTimeEdit, QSpinBox, QWidget

from app.core.clock import Clock
from app.core.diary_stats import local_moment
from app.core.journal import SessionRecord
from app.ui.diary.record_dialog import RecordDialog, time_edit, typed_time
from app.ui.shell.i18n import tr

# The usual stretching routine; the user corrects it if theirs was longer.
USUAL_LENGTH = timedelta(minutes=10)
# What the percentage offers when a routine is changed to stopped part-way.
USUAL_PART_DONE = 50


class SessionDialog(RecordDialog):
    """A form for one routine session; `session()` is what it would record."""

    def __init__(
        self,
        clock: Clock,
        routine_titles: Mapping[str, str],
        session: SessionRecord | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            clock,
            tr("Change a routine") if session else tr("Add a routine done"),
            tr("Times are as you lived them, on the clock where you were.")
            if session
            else tr("Note a routine you did without Unknot, for example your evening stretch."),
            parent,
        )
        self._original = session
        if session is None:
            # Most are noted just after: "I did my stretch without the app".
            ended = clock.now().replace(second=0, microsecond=0)
            first_routine = next(iter(routine_titles), "")
            session = SessionRecord(0, first_routine, ended - USUAL_LENGTH, ended, 1.0, (), True)
        form = self.form
        self.routine_box = self._routines(routine_titles, session.routine_id)
        self.start_edit = time_edit(session.started)
        self.end_edit = time_edit(session.ended)
        self.done_box, self.percent_edit = self._how_much(session)
        form.addRow(tr("Routine"), self.routine_box)
        form.addRow(tr("Started"), self.start_edit)
        form.addRow(tr("Ended"), self.end_edit)
        form.addRow(tr("Length"), self.length_label)
        form.addRow(tr("How much"), self.done_box)
        form.addRow(tr("Part done"), self.percent_edit)
        self.done_box.currentIndexChanged.connect(self._done_changed)
        self.finish()

    @staticmethod
    def _routines(titles: Mapping[str, str], current: str) -> QComboBox:
        box = QComboBox()
        for routine_id, title in titles.items():
            box.addItem(title, routine_id)
        if current and box.findData(current) < 0:
            # A routine since removed from the library: still offered, so a change of the
            # times does not quietly move the session to another routine.
            box.addItem(current, current)
        box.setCurrentIndex(box.findData(current))
        return box

    @staticmethod
    def _how_much(session: SessionRecord) -> tuple[QComboBox, QSpinBox]:
        done_box = QComboBox()
        done_box.addItem(tr("All of it"), True)
        done_box.addItem(tr("Stopped part-way"), False)
        done_box.setCurrentIndex(done_box.findData(session.finished))
        percent_edit = QSpinBox()
        percent_edit.setRange(0, 100)
        percent_edit.setSuffix(" %")
        percent_edit.setValue(100 if session.finished else round(session.completed * 100))
        percent_edit.setEnabled(not session.finished)
        return done_box, percent_edit

    def _moment(self, edit: QDateTimeEdit, recorded: datetime | None) -> datetime:
        typed = typed_time(edit)
        if self._original is None or recorded is None:
            return local_moment(typed, self._clock.now())
        if typed == recorded.replace(tzinfo=None, second=0, microsecond=0):
            # Left as it was: keep the seconds the player measured, which the field hides.
            return recorded
        # A change keeps the offset the routine was done in (it may have been on a trip).
        return typed.replace(tzinfo=self._original.started.tzinfo)

    def _completed(self, finished: bool) -> float:
        original = self._original
        percent = self.percent_edit.value()
        if original is None or original.finished != finished:
            return 1.0 if finished else percent / 100
        if not finished and percent != round(original.completed * 100):
            return percent / 100
        # Left as it was: keep the exact fraction. A routine played to the end with a step
        # skipped has less than all of it, and the percentage field rounds.
        return original.completed

    def session(self) -> SessionRecord:
        recorded = self._original
        routine_id = self.routine_box.currentData() or ""
        started = self._moment(self.start_edit, recorded.started if recorded else None)
        ended = self._moment(self.end_edit, recorded.ended if recorded else None)
        finished = bool(self.done_box.currentData())
        completed = self._completed(finished)
        if recorded is not None:
            # Keeps its id and the steps skipped.
            return replace(
                recorded,
                routine_id=routine_id,
                started=started,
                ended=ended,
                completed=completed,
                finished=finished,
            )
        return SessionRecord(0, routine_id, started, ended, completed, (), finished)

    def record_length(self) -> timedelta:
        session = self.session()
        return session.ended - session.started

    def _done_changed(self) -> None:
        finished = bool(self.done_box.currentData())
        self.percent_edit.setEnabled(not finished)
        if finished:
            self.percent_edit.setValue(100)
        elif self.percent_edit.value() == 100:
            # "Stopped part-way" at 100 % contradicts itself: start from a middle to adjust.
            self.percent_edit.setValue(USUAL_PART_DONE)

    def record_problems(self) -> list[str]:
        return self.session().problems(self._clock.now())
