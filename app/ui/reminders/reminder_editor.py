"""The form to add or change one reminder: time, days, routine and message."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import time

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
)

from app.core.reminders import Reminder
from app.core.routines import Text
from app.ui.reminders.reminder_texts import EVERY_DAY, WEEKDAYS, short_day
from app.ui.shell import icons
from app.ui.shell.theme import Space

NEW_REMINDER_TIME = time(21, 30)  # an hour or so before a usual bedtime


class ReminderEditor(QFrame):
    """The form for one reminder: time, days, routine, message."""

    save_requested = Signal()
    cancel_requested = Signal()

    def __init__(self, routines: Sequence[tuple[str, str]]) -> None:
        super().__init__()
        self.setObjectName("editor")
        self._routines = list(routines)
        self.editing: str | None = None  # the id being changed; None for a new reminder
        self._message: Text | None = None  # as it was, with all its languages
        outer = QVBoxLayout(self)
        outer.setContentsMargins(Space.XL, Space.L, Space.XL, Space.L)
        outer.setSpacing(Space.M)
        self.heading = QLabel()
        self.heading.setProperty("role", "heading")
        outer.addWidget(self.heading)

        form = QGridLayout()
        form.setHorizontalSpacing(Space.L)
        form.setVerticalSpacing(Space.M)
        outer.addLayout(form)

        form.addWidget(self._label(self.tr("Time")), 0, 0)
        form.addLayout(self._build_time(), 0, 1)

        form.addWidget(self._label(self.tr("Days")), 1, 0)
        form.addLayout(self._build_days(), 1, 1)

        form.addWidget(self._label(self.tr("Routine")), 2, 0)
        self.routine_combo = QComboBox()
        self.routine_combo.setAccessibleName(self.tr("Routine to suggest"))
        form.addWidget(self.routine_combo, 2, 1)

        form.addWidget(self._label(self.tr("Message")), 3, 0)
        self.message_edit = QLineEdit()
        self.message_edit.setPlaceholderText(self.tr("Optional, such as: Stretch, then sleep"))
        self.message_edit.setMaxLength(200)
        self.message_edit.setAccessibleName(self.tr("Message (optional)"))
        self.message_edit.returnPressed.connect(self.save_requested)
        form.addWidget(self.message_edit, 3, 1)
        form.setColumnStretch(1, 1)

        self.error_label = QLabel()
        self.error_label.setProperty("role", "muted")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        outer.addWidget(self.error_label)

        outer.addLayout(self._build_buttons())

    def _build_buttons(self) -> QHBoxLayout:
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.setProperty("role", "quiet")
        cancel.setToolTip(self.tr("Leave without saving (Esc)"))
        cancel.clicked.connect(self.cancel_requested)
        buttons.addWidget(cancel)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setProperty("role", "primary")
        icons.set_icon(self.save_button, "check", icons.ON_ACCENT)
        self.save_button.clicked.connect(self.save_requested)
        buttons.addWidget(self.save_button)
        return buttons

    def _build_time(self) -> QHBoxLayout:
        self.time_edit = QTimeEdit()
        self.time_edit.setDisplayFormat("HH:mm")  # 24 hours, whatever the locale
        self.time_edit.setWrapping(True)
        self.time_edit.setAccessibleName(self.tr("Time of the reminder"))
        # The spin box's own arrows are tiny (and styling them, or hiding them, breaks its
        # text box in Qt), so big buttons beside them move the time in quarter hours.
        time_row = QHBoxLayout()
        time_row.setSpacing(Space.S)
        time_row.addWidget(self.time_edit)
        for label, minutes, name in (
            ("-15 min", -15, self.tr("15 minutes earlier")),
            ("+15 min", 15, self.tr("15 minutes later")),
        ):
            step = QPushButton(label)
            step.setAccessibleName(name)
            step.setAutoRepeat(True)
            step.clicked.connect(lambda _=False, m=minutes: self._shift_time(m))
            time_row.addWidget(step)
        time_row.addStretch(1)
        return time_row

    def _shift_time(self, minutes: int) -> None:
        self.time_edit.setTime(self.time_edit.time().addSecs(minutes * 60))

    def _build_days(self) -> QVBoxLayout:
        """Seven toggles, one per weekday, and the two usual choices in one press."""
        days_box = QVBoxLayout()
        days_box.setSpacing(Space.S)
        day_row = QHBoxLayout()
        day_row.setSpacing(Space.S - 2)
        full_names = (
            self.tr("Monday"),
            self.tr("Tuesday"),
            self.tr("Wednesday"),
            self.tr("Thursday"),
            self.tr("Friday"),
            self.tr("Saturday"),
            self.tr("Sunday"),
        )
        self.day_buttons: list[QPushButton] = []
        for day in range(7):
            button = QPushButton(short_day(day))
            button.setCheckable(True)
            # Chips: a quiet tint when chosen, never the primary button's solid colour.
            button.setProperty("role", "chip")
            button.setAccessibleName(full_names[day])
            button.toggled.connect(self._days_touched)
            self.day_buttons.append(button)
            day_row.addWidget(button)
        day_row.addStretch(1)
        days_box.addLayout(day_row)
        quick = QHBoxLayout()
        quick.setSpacing(Space.XS)
        every_day = QPushButton(self.tr("Every day"))
        every_day.setProperty("role", "quiet")
        every_day.clicked.connect(lambda: self.set_days(EVERY_DAY))
        quick.addWidget(every_day)
        weekdays = QPushButton(self.tr("Weekdays"))
        weekdays.setProperty("role", "quiet")
        weekdays.clicked.connect(lambda: self.set_days(WEEKDAYS))
        quick.addWidget(weekdays)
        quick.addStretch(1)
        days_box.addLayout(quick)
        return days_box

    @staticmethod
    def _label(text: str) -> QLabel:
        label = QLabel(text)
        label.setProperty("role", "label")
        return label

    def begin(self, reminder: Reminder | None, language: str) -> None:
        """Fill the form with `reminder`, or with a new reminder's defaults."""
        self.editing = reminder.id if reminder is not None else None
        self.heading.setText(self.tr("Change reminder") if reminder else self.tr("New reminder"))
        at = reminder.at if reminder is not None else NEW_REMINDER_TIME
        self.time_edit.setTime(QTime(at.hour, at.minute))
        self.set_days(reminder.days if reminder is not None else EVERY_DAY)
        self._fill_routines(reminder.routine if reminder is not None else None, reminder)
        self._message = reminder.message if reminder is not None else None
        self.message_edit.setText(self._message.get(language) if self._message else "")
        self.error_label.hide()
        self.time_edit.setFocus()

    def _fill_routines(self, chosen: str | None, reminder: Reminder | None) -> None:
        combo = self.routine_combo
        combo.clear()
        for routine_id, title in self._routines:
            combo.addItem(title, routine_id)
        if chosen is not None and chosen not in {rid for rid, _ in self._routines}:
            # Keep a routine that is not loaded now (a user file with a problem, say)
            # rather than quietly changing what the reminder suggests.
            combo.addItem(self.tr("{id} (not found)").format(id=chosen), chosen)
        combo.addItem(self.tr("None: just remind me"), None)
        if reminder is None:
            combo.setCurrentIndex(0)
        else:
            combo.setCurrentIndex(max(0, combo.findData(chosen)))

    def set_days(self, days: frozenset[int]) -> None:
        for day, button in enumerate(self.day_buttons):
            button.setChecked(day in days)

    def days(self) -> frozenset[int]:
        return frozenset(day for day, button in enumerate(self.day_buttons) if button.isChecked())

    def _days_touched(self) -> None:
        self.error_label.hide()

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def reminder(self, reminder_id: str, language: str, enabled: bool = True) -> Reminder:
        """The reminder the form describes."""
        chosen = self.time_edit.time()
        routine = self.routine_combo.currentData()
        text = self.message_edit.text().strip()
        message = Text.of({language: text}) if text else None
        if self._message is not None and text == self._message.get(language).strip():
            message = self._message  # untouched: keep the other languages it has
        return Reminder(
            id=reminder_id,
            at=time(chosen.hour(), chosen.minute()),
            days=self.days(),
            routine=routine if isinstance(routine, str) else None,
            message=message,
            enabled=enabled,
        )
