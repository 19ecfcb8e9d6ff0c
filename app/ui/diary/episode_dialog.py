"""Add or change a cramp by hand: when it started and ended, which leg, how bad, a note.

A time that cannot be right (an end before the start, a start in the future, more than a
day) is refused with the diary's own plain words, and the dialog stays open to fix it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from PySide6.QtWidgets import QComboBox, QDateTimeEdit, QLineEdit, QWidget

from app.core.clock import Clock
from app.core.diary_stats import local_moment, most_recent
from app.core.journal import LEGS, SEVERITIES, Episode
from app.ui.diary.record_dialog import RecordDialog, length_text, time_edit, typed_time
from app.ui.shell.format import leg_name
from app.ui.shell.i18n import tr

__all__ = ["EpisodeDialog", "length_text"]

# Most cramps entered by hand are told the morning after: "last night around three".
USUAL_HOUR = 3
USUAL_LENGTH = timedelta(minutes=5)


class EpisodeDialog(RecordDialog):
    """A form for one cramp; `episode()` is what it would record."""

    def __init__(
        self, clock: Clock, episode: Episode | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            clock,
            tr("Change a cramp") if episode else tr("Add a cramp"),
            tr("Times are as you lived them, on the clock where you were.")
            if episode
            else tr("Note a cramp you had, for example last night around 3:00."),
            parent,
        )
        self._original = episode
        if episode is None:
            episode = Episode(most_recent(USUAL_HOUR, clock.now()), USUAL_LENGTH)
        form = self.form
        self.start_edit = time_edit(episode.started)
        self.end_edit = time_edit(episode.started + episode.duration)
        self.leg_box = self._choices([(leg_name(name), name) for name in LEGS], episode.leg)
        self.severity_box = self._choices(
            [(tr(name), name) for name in SEVERITIES], episode.severity
        )
        self.note_edit = QLineEdit(episode.note)
        self.note_edit.setPlaceholderText(tr("Anything you want to remember"))
        form.addRow(tr("Started"), self.start_edit)
        form.addRow(tr("Ended"), self.end_edit)
        form.addRow(tr("Length"), self.length_label)
        form.addRow(tr("Leg"), self.leg_box)
        form.addRow(tr("How bad"), self.severity_box)
        form.addRow(tr("Note"), self.note_edit)
        self.finish()

    @staticmethod
    def _choices(choices: list[tuple[str, str]], current: str | None) -> QComboBox:
        box = QComboBox()
        box.addItem(tr("not noted"), None)
        for label, value in choices:
            box.addItem(label, value)
        box.setCurrentIndex(max(0, box.findData(current)) if current else 0)
        return box

    def _moment(self, edit: QDateTimeEdit) -> datetime:
        typed = typed_time(edit)
        if self._original is not None:
            # A change keeps the offset the cramp was lived in (it may have been on a trip).
            return typed.replace(tzinfo=self._original.started.tzinfo)
        return local_moment(typed, self._clock.now())

    def episode(self) -> Episode:
        start = self._moment(self.start_edit)
        fields = {
            "started": start,
            "duration": self._moment(self.end_edit) - start,
            "leg": self.leg_box.currentData(),
            "severity": self.severity_box.currentData(),
            "note": self.note_edit.text().strip(),
        }
        if self._original is not None:
            return replace(self._original, **fields)  # keeps its id and what helped
        return Episode(**fields)

    def record_length(self) -> timedelta:
        return self._moment(self.end_edit) - self._moment(self.start_edit)

    def record_problems(self) -> list[str]:
        return self.episode().problems(self._clock.now())
