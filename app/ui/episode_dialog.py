"""Add or change a cramp by hand: when it started and ended, which leg, how bad, a note.

A time that cannot be right (an end before the start, a start in the future, more than a
day) is refused with the diary's own plain words, and the dialog stays open to fix it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.clock import Clock
from app.core.diary_stats import local_moment, most_recent
from app.core.journal import LEGS, SEVERITIES, Episode

DATE_TIME_FORMAT = "ddd d MMM yyyy  HH:mm"
# Most cramps entered by hand are told the morning after: "last night around three".
USUAL_HOUR = 3
USUAL_LENGTH = timedelta(minutes=5)


def tr(text: str) -> str:
    return QCoreApplication.translate("diary", text)


def sentence(problems: list[str]) -> str:
    """The diary's reasons as one sentence to show: "It ends before it starts."."""
    text = "; ".join(problems)
    return text[:1].upper() + text[1:] + "."


def length_text(length: timedelta) -> str:
    minutes = round(length.total_seconds() / 60)
    if minutes < 60:
        return tr("{n} min").format(n=minutes)
    return tr("{h} h {m:02d} min").format(h=minutes // 60, m=minutes % 60)


def time_edit(moment: datetime) -> QDateTimeEdit:
    """A date-and-time field showing `moment` to the minute, as it was lived."""
    # Built from its parts, so the wall-clock time shown is the one lived, whatever the
    # system zone says about that moment.
    edit = QDateTimeEdit(
        QDateTime(QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute))
    )
    edit.setDisplayFormat(DATE_TIME_FORMAT)
    edit.setCalendarPopup(True)
    return edit


def typed_time(edit: QDateTimeEdit) -> datetime:
    """The wall-clock time in a field made by `time_edit`, without a zone."""
    day, clock_time = edit.date(), edit.time()
    return datetime(day.year(), day.month(), day.day(), clock_time.hour(), clock_time.minute())


class EpisodeDialog(QDialog):
    """A form for one cramp; `episode()` is what it would record."""

    def __init__(
        self, clock: Clock, episode: Episode | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._original = episode
        self.setWindowTitle(tr("Change a cramp") if episode else tr("Add a cramp"))
        now = clock.now()
        if episode is None:
            start = most_recent(USUAL_HOUR, now)
            episode = Episode(start, USUAL_LENGTH)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(12)
        intro = QLabel(
            tr("Times are as you lived them, on the clock where you were.")
            if self._original
            else tr("Note a cramp you had, for example last night around 3:00.")
        )
        intro.setWordWrap(True)
        intro.setProperty("role", "muted")
        layout.addWidget(intro)
        form = QFormLayout()
        self.start_edit = time_edit(episode.started)
        self.end_edit = time_edit(episode.started + episode.duration)
        self.length_label = QLabel()
        self.leg_box = self._choices([(tr(name), name) for name in LEGS], episode.leg)
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
        layout.addLayout(form)
        self.problem_label = QLabel()
        self.problem_label.setObjectName("notice")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("padding: 8px;")
        self.problem_label.hide()
        layout.addWidget(self.problem_label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout.addWidget(buttons)
        self.start_edit.dateTimeChanged.connect(self._update_length)
        self.end_edit.dateTimeChanged.connect(self._update_length)
        self._update_length()
        self.setMinimumWidth(420)

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

    def _update_length(self) -> None:
        length = self._moment(self.end_edit) - self._moment(self.start_edit)
        self.length_label.setText(length_text(length) if length >= timedelta(0) else "–")

    def problems(self) -> str:
        """Why the form cannot be saved as it is; "" if it can."""
        found = self.episode().problems(self._clock.now())
        return sentence(found) if found else ""

    def accept(self) -> None:
        problems = self.problems()
        if problems:
            self.problem_label.setText(problems)
            self.problem_label.show()
            return
        super().accept()
