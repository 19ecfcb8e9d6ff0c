"""What the forms for diary records share: times as lived, the length, refusals shown in
place, Save and Cancel.

A record that cannot be right (an end before the start, a time in the future, more than a
day) is refused with the diary's own plain words, and the form stays open to fix it.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.core.clock import Clock
from app.ui.shell import icons
from app.ui.shell.i18n import tr

DATE_TIME_FORMAT = "ddd d MMM yyyy  HH:mm"


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


class RecordDialog(QDialog):
    """The frame of a record's form. A subclass builds its fields into `form` (with
    `start_edit` and `end_edit` among them), then calls `finish()`."""

    def __init__(self, clock: Clock, title: str, intro: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self.setWindowTitle(title)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(20, 16, 20, 16)
        self._layout.setSpacing(12)
        intro_label = QLabel(intro)
        intro_label.setWordWrap(True)
        intro_label.setProperty("role", "muted")
        self._layout.addWidget(intro_label)
        self.form = QFormLayout()
        self.length_label = QLabel()
        self.problem_label = QLabel()
        self.start_edit: QDateTimeEdit
        self.end_edit: QDateTimeEdit

    def finish(self) -> None:
        """Below the fields: the refusal (hidden until needed), then Save and Cancel."""
        self._layout.addLayout(self.form)
        self.problem_label.setObjectName("notice")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("padding: 8px;")
        self.problem_label.hide()
        self._layout.addWidget(self.problem_label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setProperty("role", "primary")
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        # The app's own icons, not the style's floppy disk and cross.
        icons.set_icon(self.save_button, "save", icons.ON_ACCENT)
        icons.set_icon(self.cancel_button, "close")
        self._layout.addWidget(buttons)
        self.start_edit.dateTimeChanged.connect(self._update_length)
        self.end_edit.dateTimeChanged.connect(self._update_length)
        self._update_length()
        self.setMinimumWidth(420)

    def record_problems(self) -> list[str]:
        """What the diary would refuse in the record as the form has it."""
        raise NotImplementedError

    def record_length(self) -> timedelta:
        raise NotImplementedError

    def _update_length(self) -> None:
        length = self.record_length()
        self.length_label.setText(length_text(length) if length >= timedelta(0) else "–")

    def problems(self) -> str:
        """Why the form cannot be saved as it is; "" if it can."""
        found = self.record_problems()
        return sentence(found) if found else ""

    def accept(self) -> None:
        problems = self.problems()
        if problems:
            self.problem_label.setText(problems)
            self.problem_label.show()
            return
        super().accept()
