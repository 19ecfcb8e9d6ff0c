"""The reminders page: add, change, switch off and delete bedtime reminders.

Every change is written at once to `reminders.yaml`, which the scheduler watches. Each
change re-reads the file first, so an edit made by hand meanwhile is kept, not overwritten.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime, tzinfo
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.clock import Clock
from app.core.errors import UnknotError
from app.core.reminder_plan import ReminderPlan
from app.core.reminders import (
    MAX_REMINDERS,
    MAX_SNOOZES,
    SNOOZE,
    Reminder,
    load_reminders,
    local_zone,
    new_reminder_id,
    save_reminders,
)
from app.core.routines import Problem
from app.core.storage import set_aside
from app.ui.reminders.reminder_editor import ReminderEditor
from app.ui.reminders.reminder_row import ReminderRow
from app.ui.reminders.reminder_texts import next_text, time_text
from app.ui.shell import icons
from app.ui.shell.notice import NoticeBar
from app.ui.shell.switch import Switch
from app.ui.shell.theme import PAGE_MARGINS, Space, scaled_pt

log = logging.getLogger(__name__)


# Local to this page, and so to the reminder rows and the editor it holds (by their object
# names); colours come from the palette the theme sets, so light, dark and night all apply;
# sizes grow with the desktop's font, as the theme's do.
def page_style() -> str:
    return f"""
QFrame#reminder, QFrame#editor {{
    background: palette(base); border: 1px solid palette(mid); border-radius: 12px;
}}
QLabel[role="time"] {{ font-size: {scaled_pt(24)}; font-weight: 600; }}
QLabel[role="next"] {{ font-size: {scaled_pt(12)}; font-weight: 600; }}
QTimeEdit {{ font-size: {scaled_pt(20)}; padding: 2px 6px; min-width: 3.6em; }}
QComboBox, QLineEdit {{ padding: 6px 8px; min-height: 1.6em; }}
"""


class RemindersPage(QWidget):
    """The list of reminders, and the form to add or change one."""

    back_requested = Signal()
    reminders_saved = Signal()  # after each save: the scheduler may reload at once

    def __init__(
        self,
        reminders_file: Path,
        routines: Sequence[tuple[str, str]],
        clock: Clock,
        *,
        language: str = "en",
        zone: tzinfo | None = None,
        autostart_enabled: Callable[[], bool] | None = None,
        set_autostart: Callable[[bool], None] | None = None,
        plan: ReminderPlan | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`plan` is the running scheduler's, so "Next" here is what the tray says; without
        one (no reminders running), each reminder's next time is as scheduled."""
        super().__init__(parent)
        self._plan = plan if plan is not None else ReminderPlan.read_only(None, [])
        self._path = reminders_file
        self._titles = dict(routines)
        self._clock = clock
        self._language = language
        self._zone = zone
        self._set_autostart = set_autostart
        self._reminders: list[Reminder] = []
        self._problems: list[Problem] = []
        self._undo: tuple[int, Reminder] | None = None
        self._notice_action: Callable[[], None] | None = None
        self.rows: list[ReminderRow] = []
        self.setStyleSheet(page_style())

        outer = QVBoxLayout(self)
        outer.setContentsMargins(*PAGE_MARGINS)
        outer.setSpacing(Space.M)
        title = QLabel(self.tr("Reminders"))
        title.setProperty("role", "title")
        outer.addWidget(title)
        intro = QLabel(
            self.tr(
                "A reminder at bedtime helps the stretches become a habit. It stays quiet "
                "once tonight's routine is done. Snooze puts it off {minutes} minutes, "
                "up to {times} times."
            ).format(minutes=int(SNOOZE.total_seconds() // 60), times=MAX_SNOOZES)
        )
        intro.setWordWrap(True)
        intro.setProperty("role", "muted")
        outer.addWidget(intro)
        self._intro = intro  # hidden while the form is open: room for the form
        self.notice = NoticeBar()
        self.notice.action_clicked.connect(self._notice_clicked)
        outer.addWidget(self.notice)

        self._stack = QStackedWidget()
        outer.addWidget(self._stack, 1)
        self._stack.addWidget(self._build_list())
        self.editor = ReminderEditor(routines)
        self.editor.save_requested.connect(self._save_editor)
        self.editor.cancel_requested.connect(self.show_list)
        form = QWidget()  # the card as tall as its form, not as the page
        form_layout = QVBoxLayout(form)
        form_layout.setContentsMargins(0, 0, 0, 0)
        form_layout.addWidget(self.editor)
        form_layout.addStretch(1)
        # Scrolled when the window is low (960x510 at 200%): the form keeps its room.
        editor_page = QScrollArea()
        editor_page.setWidgetResizable(True)
        editor_page.setAccessibleName(self.tr("Reminder"))
        editor_page.setWidget(form)
        self._stack.addWidget(editor_page)

        outer.addLayout(self._build_bottom(autostart_enabled))
        self.refresh()

    def _build_bottom(self, autostart_enabled: Callable[[], bool] | None) -> QHBoxLayout:
        bottom = QHBoxLayout()
        self.autostart_box = Switch(self.tr("Start Unknot when I log in, so reminders come"))
        if autostart_enabled is None or self._set_autostart is None:
            self.autostart_box.hide()
        else:
            self.autostart_box.setChecked(self._ask(autostart_enabled))
            self.autostart_box.toggled.connect(self._autostart_toggled)
        bottom.addWidget(self.autostart_box)
        bottom.addStretch(1)
        return bottom

    def _build_list(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(Space.M)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setAccessibleName(self.tr("Your reminders"))  # a Tab stop: named
        holder = QWidget()
        self._rows_layout = QVBoxLayout(holder)
        self._rows_layout.setContentsMargins(0, 0, 0, 0)
        self._rows_layout.setSpacing(Space.M - 2)
        self.empty_label = QLabel(self.tr("No reminders yet. Add one for your bedtime."))
        self.empty_label.setProperty("role", "muted")
        self._rows_layout.addWidget(self.empty_label)
        # Right under the last reminder, where the eye already is.
        add_row = QHBoxLayout()
        add_row.setContentsMargins(0, Space.XS, 0, 0)
        self.add_button = QPushButton(self.tr("Add a reminder"))
        self.add_button.setProperty("role", "primary")
        icons.set_icon(self.add_button, "add", icons.ON_ACCENT)
        self.add_button.clicked.connect(self.add_reminder)
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        self._rows_layout.addLayout(add_row)
        self._rows_layout.addStretch(1)
        scroll.setWidget(holder)
        layout.addWidget(scroll, 1)
        return page

    # -- showing -----------------------------------------------------------

    def reminders(self) -> list[Reminder]:
        return list(self._reminders)

    def refresh(self) -> None:
        """Read the file again and show it (after an edit elsewhere, or as time passes)."""
        self._reminders, self._problems = load_reminders(self._path)
        if self._problems:
            self._show_problems()
        elif self._notice_action == self._start_over:
            self.notice.hide()
            self._notice_action = None
        self._show_rows()

    def showEvent(self, event: QShowEvent) -> None:
        # "tonight" and "tomorrow" move with the clock; a page shown again says them anew.
        self.refresh()
        super().showEvent(event)

    def _show_rows(self) -> None:
        for row in self.rows:
            row.hide()  # at once: deleteLater would leave it on screen until the next loop
            row.deleteLater()
        self.rows = []
        now = self._clock.now()
        zone = self._zone if self._zone is not None else local_zone()
        editable = not self._problems
        for index, reminder in enumerate(sorted(self._reminders, key=lambda r: r.at)):
            row = ReminderRow(
                reminder,
                self._routine_title(reminder.routine),
                self.next_text(reminder, now, zone),
                self._language,
            )
            row.enabled_changed.connect(self._set_enabled)
            row.edit_requested.connect(self.edit_reminder)
            row.delete_requested.connect(self.delete_reminder)
            row.set_editable(editable)
            self._rows_layout.insertWidget(index, row)
            self.rows.append(row)
        self.empty_label.setText(
            self.tr("No reminders yet. Add one for your bedtime.")
            if editable
            else self.tr("No reminders could be read from the file.")
        )
        self.empty_label.setVisible(not self._reminders)
        self.add_button.setVisible(editable and len(self._reminders) < MAX_REMINDERS)

    def next_text(self, reminder: Reminder, now: datetime, zone: tzinfo) -> str:
        return next_text(self._plan.next_for(reminder, now, zone), now)

    def _routine_title(self, routine_id: str | None) -> str:
        if routine_id is None:
            return ""
        return self._titles.get(routine_id, routine_id)

    def _show_problems(self) -> None:
        first = self._problems[0]
        where = f"line {first.line}: " if first.line else ""
        what = f"{first.field}: {first.message}" if first.field else first.message
        more = len(self._problems) - 1
        text = self.tr(
            "{file} has a problem, so reminders cannot be changed here until it is fixed "
            "({where}{what}{more})."
        ).format(
            file=self._path.name,
            where=where,
            what=what,
            more=self.tr("; and {n} more").format(n=more) if more else "",
        )
        self._notice(text, self.tr("Keep a copy and start over"), self._start_over)

    def _start_over(self) -> None:
        """Set the file with problems aside and save what could be read."""
        try:
            kept = set_aside(self._path)
        except OSError as error:
            self._notice(
                self.tr("{file} could not be moved aside: {reason}").format(
                    file=self._path.name, reason=error.strerror or str(error)
                )
            )
            return
        good = self._reminders
        if self._write(good):
            self._notice(self.tr("The old file was kept as {name}.").format(name=kept.name))
        self.refresh()

    # -- changing ------------------------------------------------------------

    def show_list(self) -> None:
        self._stack.setCurrentIndex(0)
        self._intro.show()
        self.add_button.setFocus()

    def _show_editor(self) -> None:
        self._intro.hide()
        self._stack.setCurrentIndex(1)
        self.editor.time_edit.setFocus()  # with its hours selected, ready to type over

    def add_reminder(self) -> None:
        self.editor.begin(None, self._language)
        self._show_editor()

    def edit_reminder(self, reminder_id: str) -> None:
        found = next((r for r in self._reminders if r.id == reminder_id), None)
        if found is None:
            return
        self.editor.begin(found, self._language)
        self._show_editor()

    def delete_reminder(self, reminder_id: str) -> None:
        fresh = self._fresh()
        if fresh is None:
            return
        index = next((i for i, r in enumerate(fresh) if r.id == reminder_id), None)
        if index is None:
            self.refresh()
            return
        removed = fresh.pop(index)
        if self._write(fresh):
            self._undo = (index, removed)
            self._notice(
                self.tr("The reminder at {time} was deleted.").format(time=time_text(removed.at)),
                self.tr("Undo"),
                self._undo_delete,
            )

    def _undo_delete(self) -> None:
        if self._undo is None:
            return
        index, removed = self._undo
        fresh = self._fresh()
        if fresh is None:
            return
        if all(r.id != removed.id for r in fresh):
            fresh.insert(min(index, len(fresh)), removed)
            if self._write(fresh):
                self.notice.hide()
        self._undo = None

    def _set_enabled(self, reminder_id: str, on: bool) -> None:
        def switch(reminder: Reminder) -> Reminder:
            return Reminder(
                reminder.id,
                reminder.at,
                reminder.days,
                reminder.routine,
                reminder.message,
                enabled=on,
            )

        self._change(reminder_id, switch)

    def _save_editor(self) -> None:
        if not self.editor.days():
            self.editor.show_error(self.tr("Choose at least one day."))
            return
        editing = self.editor.editing
        if editing is None:
            fresh = self._fresh()
            if fresh is None:
                return
            made = self.editor.reminder(new_reminder_id(r.id for r in fresh), self._language)
            if self._write([*fresh, made]):
                self.show_list()
            return
        if self._change(
            editing, lambda old: self.editor.reminder(old.id, self._language, old.enabled)
        ):
            self.show_list()

    def _change(self, reminder_id: str, change: Callable[[Reminder], Reminder]) -> bool:
        fresh = self._fresh()
        if fresh is None:
            return False
        if all(r.id != reminder_id for r in fresh):
            self._show_rows()  # deleted elsewhere meanwhile
            return False
        return self._write([change(r) if r.id == reminder_id else r for r in fresh])

    def _fresh(self) -> list[Reminder] | None:
        """The reminders in the file now; None (and the problem shown) if it has problems."""
        self._reminders, self._problems = load_reminders(self._path)
        if self._problems:
            self._show_problems()
            self._show_rows()
            return None
        return list(self._reminders)

    def _write(self, reminders: list[Reminder]) -> bool:
        try:
            save_reminders(self._path, reminders)
        except UnknotError as error:
            from app.ui.shell.errors import explain

            log.warning("reminders not saved: %s", error)
            self._notice(explain(error))
            self._show_rows()  # back to what the file holds
            return False
        self._reminders = list(reminders)
        self._problems = []
        if self._notice_action == self._start_over:
            self.notice.hide()
        self._show_rows()
        self.reminders_saved.emit()
        return True

    # -- the rest --------------------------------------------------------------

    def _notice(
        self, text: str, action: str = "", callback: Callable[[], None] | None = None
    ) -> None:
        self._notice_action = callback
        self.notice.show_message(text, action)

    def _notice_clicked(self) -> None:
        if self._notice_action is not None:
            self._notice_action()

    def _ask(self, question: Callable[[], bool]) -> bool:
        try:
            return question()
        except OSError as error:
            log.warning("cannot tell whether Unknot starts at login: %s", error)
            return False

    def _autostart_toggled(self, on: bool) -> None:
        assert self._set_autostart is not None
        try:
            self._set_autostart(on)
        except (OSError, UnknotError) as error:
            log.warning("start at login not changed: %s", error)
            self._notice(
                self.tr("Unknot could not change whether it starts at login: {reason}").format(
                    reason=getattr(error, "strerror", None) or str(error)
                )
            )
            self.autostart_box.blockSignals(True)
            self.autostart_box.setChecked(not on)
            self.autostart_box.blockSignals(False)

    def go_back(self) -> None:
        """Esc or the header's back arrow: from the form to the list, from the list out."""
        if self._stack.currentIndex() == 1:
            self.show_list()
        else:
            self.back_requested.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # A key event, not a shortcut: Esc left unused by the focused field comes up here,
        # whether or not the window is active.
        if event.key() != Qt.Key.Key_Escape:
            super().keyPressEvent(event)
        else:
            self.go_back()
