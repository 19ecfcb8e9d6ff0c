"""One reminder in the reminders list: its time, days and routine, and its buttons."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QVBoxLayout

from app.core.reminders import Reminder
from app.ui.reminders.reminder_texts import days_text, time_text
from app.ui.shell import icons
from app.ui.shell.plain import plain
from app.ui.shell.switch import Switch
from app.ui.shell.theme import Space


class ReminderRow(QFrame):
    """One reminder: its time, days and routine, when it fires next, and its buttons."""

    enabled_changed = Signal(str, bool)
    edit_requested = Signal(str)
    delete_requested = Signal(str)

    def __init__(
        self, reminder: Reminder, routine_title: str, next_text: str, language: str
    ) -> None:
        super().__init__()
        self.reminder_id = reminder.id
        self.setObjectName("reminder")
        layout = QGridLayout(self)
        layout.setContentsMargins(Space.XL, Space.M, Space.L, Space.M)
        layout.setHorizontalSpacing(Space.L)
        layout.setVerticalSpacing(Space.XS)

        self.time_label = QLabel(time_text(reminder.at))
        self.time_label.setProperty("role", "time")
        layout.addWidget(self.time_label, 0, 0, 2, 1)
        # Days over routine and message, centred as a pair beside the time.
        text_column = QVBoxLayout()
        text_column.setSpacing(Space.XS // 2)
        text_column.addStretch(1)
        self.days_label = QLabel(days_text(reminder.days))
        self.days_label.setProperty("role", "heading")
        text_column.addWidget(self.days_label)
        details = [routine_title] if routine_title else []
        if reminder.message is not None:
            details.append(f"“{reminder.message.get(language)}”")
        # With its parent from the start: shown while still parentless, a label is briefly
        # a window of its own, which takes the keyboard away from the main window.
        self.details_label = plain(QLabel(" · ".join(details), self))
        self.details_label.setProperty("role", "muted")
        self.details_label.setWordWrap(True)
        self.details_label.setVisible(bool(details))
        text_column.addWidget(self.details_label)
        text_column.addStretch(1)
        layout.addLayout(text_column, 0, 1, 2, 1)
        layout.setColumnStretch(1, 1)
        # A reminder that is off shows its time in the muted colour the theme gives
        # disabled text, so the ones that will ring stand out.
        self.time_label.setEnabled(reminder.enabled)
        self.days_label.setEnabled(reminder.enabled)

        self.next_label = QLabel(next_text, self)  # with its parent: see details_label
        self.next_label.setProperty("role", "next" if reminder.enabled else "muted")
        # Off: the switch beside it says so, once is enough.
        self.next_label.setVisible(reminder.enabled)
        layout.addWidget(self.next_label, 0, 2, 2, 1)

        # A switch, not a checkbox: its state reads at a glance, and it says "On" or "Off".
        self.enabled_box = Switch()
        self.enabled_box.setChecked(reminder.enabled)
        self.enabled_box.setAccessibleName(
            self.tr("Reminder at {time} on").format(time=time_text(reminder.at))
        )
        self.enabled_box.toggled.connect(lambda on: self.enabled_changed.emit(self.reminder_id, on))
        layout.addWidget(self.enabled_box, 0, 3, 2, 1)
        self.edit_button = self._icon_button(
            "edit", self.tr("Edit"), self.tr("Edit the reminder at {time}"), reminder
        )
        self.edit_button.clicked.connect(lambda: self.edit_requested.emit(self.reminder_id))
        layout.addWidget(self.edit_button, 0, 4, 2, 1)
        self.delete_button = self._icon_button(
            "delete", self.tr("Delete"), self.tr("Delete the reminder at {time}"), reminder
        )
        self.delete_button.clicked.connect(lambda: self.delete_requested.emit(self.reminder_id))
        layout.addWidget(self.delete_button, 0, 5, 2, 1)

    def _icon_button(self, icon: str, tip: str, name: str, reminder: Reminder) -> QPushButton:
        button = QPushButton()
        button.setProperty("role", "icon")
        button.setToolTip(tip)
        button.setAccessibleName(name.format(time=time_text(reminder.at)))
        icons.set_icon(button, icon)
        return button

    def set_editable(self, editable: bool) -> None:
        # Hidden rather than greyed out: the theme draws disabled buttons much like enabled
        # ones, and a button that does nothing when pressed is worse than none.
        for widget in (self.enabled_box, self.edit_button, self.delete_button):
            widget.setVisible(editable)
