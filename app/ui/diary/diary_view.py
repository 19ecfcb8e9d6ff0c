"""The diary screen: a calendar of nights, charts, the same numbers as a table, the records.

The constructor only lays out empty widgets; the diary is read when the page is first shown,
when it is refreshed (at once on screen, at the next idle moment when hidden), or by
preload(). It is read as rows with their nights worked out by SQLite and sorted into nights
once, so switching the range only sums what is already in memory, and only the records on
screen are ever made.

The overview tab, the numbers tab and the export buttons each live in a module of their own
(diary_overview, diary_numbers, diary_exports); this one puts them together and keeps the
records editable.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.clock import Clock
from app.core.diary_stats import DiaryIndex, Period, Summary, summarize
from app.core.journal import Episode, Journal, RecordRefusedError, SessionRecord
from app.core.nights import night_of
from app.ui.diary.diary_exports import DiaryExports
from app.ui.diary.diary_numbers import DiaryNumbers
from app.ui.diary.diary_overview import DiaryOverview
from app.ui.diary.diary_records import Record, RecordsModel
from app.ui.diary.episode_dialog import EpisodeDialog
from app.ui.diary.list_style import CELL_ROOM, list_style_sheet, make_list
from app.ui.diary.session_dialog import SessionDialog
from app.ui.shell import icons
from app.ui.shell.i18n import tr
from app.ui.shell.plain import literal_html
from app.ui.shell.theme import Colors, applied_colors

if TYPE_CHECKING:
    from app.core.diary_writer import WriteOutcome
    from app.ui.diary.diary_saving import DiarySaving

# Layouts nested in the page, and in the window around it, from a tile's label up.
LAYOUT_DEPTH = 12


def period_names() -> dict[Period, tuple[str, str]]:
    """Each range's button and its tooltip; literal tr() calls, so lupdate finds them."""
    return {
        Period.FOUR_WEEKS: (tr("4 weeks"), tr("Show the last 4 weeks")),
        Period.TWELVE_WEEKS: (tr("12 weeks"), tr("Show the last 12 weeks")),
        Period.YEAR: (tr("Year"), tr("Show the last year")),
        Period.ALL: (tr("All"), tr("Show everything since the diary began")),
    }


class DiaryView(QWidget):
    """The diary page. `refresh()` after recording a session or an episode."""

    back_requested = Signal()
    diary_changed = Signal()  # the user added, changed or deleted a record here

    def __init__(
        self,
        journal: Journal | None,
        clock: Clock,
        routine_titles: Mapping[str, str] | None = None,
        parent: QWidget | None = None,
        saving: DiarySaving | None = None,
    ) -> None:
        super().__init__(parent)
        # The page takes the focus when shown, so a screen reader says where it is.
        self.setAccessibleName(self.tr("Diary"))
        self._journal = journal
        # Every change made here goes through the diary's one write path, which says whether
        # it was saved; a page built on its own keeps what waits beside the diary.
        self._saving = saving
        self._status_text = ""  # what is wrong with the diary, from the window
        self._clock = clock
        self._titles = dict(routine_titles or {})
        self._index: DiaryIndex | None = None  # None: not read yet, or out of date
        self.period = Period.TWELVE_WEEKS
        self.summary: Summary | None = None
        self.episode_dialog: EpisodeDialog | None = None
        self.session_dialog: SessionDialog | None = None
        self.confirm_box: QMessageBox | None = None
        self._colors: Colors | None = None
        # After a refresh while hidden, the diary is read again as soon as the application is
        # idle, so that the page is ready when next opened.
        self._idle_read = QTimer(self)
        self._idle_read.setSingleShot(True)
        self._idle_read.setInterval(0)
        self._idle_read.timeout.connect(self._read_if_out_of_date)
        self.exports = DiaryExports(self, self, clock, self._titles)
        self.export_button = self.exports.export_button

        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 12, 24, 16)
        outer.setSpacing(12)
        # What is wrong with the diary, and rows that could not be read: said, never hidden.
        self.diary_status_label = QLabel()
        self.diary_status_label.setWordWrap(True)
        self.diary_status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.diary_status_label.hide()
        outer.addWidget(self.diary_status_label)
        self.pages = QStackedWidget()
        self.message_label = QLabel(self._not_open_text())
        self.message_label.setWordWrap(True)
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_label.setProperty("role", "heading")
        self.tabs = self._build_tabs()
        self.pages.addWidget(self.tabs)
        self.pages.addWidget(self.message_label)
        outer.addWidget(self.pages, 1)
        outer.addLayout(self._build_buttons())
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.back_requested.emit)
        if journal is None:
            self.pages.setCurrentWidget(self.message_label)
            for widget in (
                *self.range_buttons.values(),
                self.add_button,
                self.add_session_button,
                self.export_button,
            ):
                widget.setEnabled(False)

    # -- layout ----------------------------------------------------------------

    def _build_range_bar(self) -> QWidget:
        """The range switch, beside the tabs: the window's header already names the page,
        and a title row of its own cost the charts their room in a short window."""
        # In a widget of its own, so that its style sheet reaches only it.
        self.range_bar = QWidget()
        self.range_bar.setAccessibleName(tr("Show the last"))
        switch = QHBoxLayout(self.range_bar)
        switch.setContentsMargins(0, 0, 0, 4)
        switch.setSpacing(4)
        self.range_group = QButtonGroup(self)
        self.range_buttons: dict[Period, QPushButton] = {}
        for period, (name, tip) in period_names().items():
            button = QPushButton(name)
            button.setCheckable(True)
            button.setObjectName("range")
            button.setToolTip(tip)
            button.setChecked(period is self.period)
            button.clicked.connect(lambda _=False, p=period: self.set_period(p))
            self.range_group.addButton(button)
            self.range_buttons[period] = button
            switch.addWidget(button)
        return self.range_bar

    def _build_tabs(self) -> QTabWidget:
        self.overview = DiaryOverview()
        self.numbers = DiaryNumbers()
        tabs = QTabWidget()
        tabs.setAccessibleName(tr("Diary views"))  # a Tab stop: named
        tabs.setCornerWidget(self._build_range_bar(), Qt.Corner.TopRightCorner)
        tabs.addTab(self.overview, tr("Overview"))
        tabs.addTab(self.numbers, tr("Numbers"))
        tabs.addTab(self._build_records(), tr("Records"))
        # The figures can be reached from the page as well as from their tab.
        self.routines_tile = self.overview.routines_tile
        self.cramps_tile = self.overview.cramps_tile
        self.streak_tile = self.overview.streak_tile
        self.calendar = self.overview.calendar
        self.adherence_heading = self.overview.adherence_heading
        self.adherence_chart = self.overview.adherence_chart
        self.hour_heading = self.overview.hour_heading
        self.hour_chart = self.overview.hour_chart
        self.counts_table = self.numbers.counts_table
        self.weeks_table = self.numbers.weeks_table
        self.hours_table = self.numbers.hours_table
        return tabs

    def _build_records(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(8, 12, 8, 8)
        self.records = RecordsModel(self._titles)
        self.records_view = QTableView()
        self.records_view.setModel(self.records)
        make_list(self.records_view)
        self.records_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.records_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.records_view.setAccessibleName(tr("Cramps and routines, most recent first"))
        header = self.records_view.horizontalHeader()
        header.setStretchLastSection(True)
        # Widths from the font and a sample, not from the contents: measuring thousands of
        # rows would cost more than the whole page.
        metrics = self.fontMetrics()
        samples = (
            "Wed 30 Sep 2026, 22:55",
            "Routine: Evening calf stretch",
            "10 min",
            "right",
            "moderate",
        )
        for column, sample in enumerate(samples):
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 2 * CELL_ROOM)
        self.records_view.doubleClicked.connect(lambda _index: self.change_selected())
        layout.addWidget(self.records_view, 1)
        row = QHBoxLayout()
        self.change_button = QPushButton(tr("Change…"))
        self.change_button.clicked.connect(self.change_selected)
        icons.set_icon(self.change_button, "edit")
        self.delete_button = QPushButton(tr("Delete…"))
        icons.set_icon(self.delete_button, "delete")
        self.delete_button.clicked.connect(self.delete_selected)
        row.addWidget(self.change_button)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.records_view.selectionModel().selectionChanged.connect(self._update_record_buttons)
        self._update_record_buttons()
        return page

    def _build_buttons(self) -> QHBoxLayout:
        # No Back button here: the window's header has the way back, and Esc goes back too.
        buttons = QHBoxLayout()
        self.status_label = QLabel()
        self.status_label.setProperty("role", "muted")
        self.status_label.setWordWrap(True)
        buttons.addWidget(self.status_label, 1)
        self.add_button = QPushButton(tr("Add a cramp…"))
        self.add_button.setProperty("role", "primary")
        self.add_button.clicked.connect(self.add_cramp)
        icons.set_icon(self.add_button, "add", icons.ON_ACCENT)
        icons.set_icon(self.export_button, "export")
        self.add_session_button = QPushButton(tr("Add routine done…"))
        self.add_session_button.setToolTip(tr("A routine you did without Unknot"))
        self.add_session_button.clicked.connect(self.add_routine_done)
        for button in (self.export_button, self.add_session_button, self.add_button):
            buttons.addWidget(button)
        return buttons

    # -- colours -----------------------------------------------------------------

    def apply_colors(self, colors: Colors) -> None:
        self._colors = colors
        self.overview.set_colors(colors)
        self.numbers.set_colors(colors)
        self.records_view.setStyleSheet(list_style_sheet(colors))
        # On the range switch alone, not the page: a style sheet re-polishes every widget
        # below the one it is set on.
        self.range_bar.setStyleSheet(
            f"""
            QPushButton#range {{
                min-width: 3.5em; min-height: 0; padding: 2px 10px; border-radius: 6px;
            }}
            QPushButton#range:checked {{
                background: {colors.accent}; color: {colors.accent_text}; border: none;
            }}
            """
        )

    def _colors_from_palette(self) -> Colors:
        # When no theme was handed over, the colours the application shows (the night
        # theme's cannot be told from the dark one's by the palette alone).
        return applied_colors()

    # -- data --------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        if self._colors is None:
            self.apply_colors(self._colors_from_palette())
        if self._index is None:
            self._load()
        super().showEvent(event)
        self._settle_layout()

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.WindowActivate:
            # A window becoming active has its widgets polished again, which starts the
            # same round of layouts as showing the page.
            self._settle_layout()
        return handled

    def _settle_layout(self) -> None:
        """Lay the page out completely now, before it is painted.

        Qt lays nested layouts out one level per turn of the event loop (a layout, once
        activated, always asks its parent again), and the tab widget repaints its whole page
        when its turn comes: left alone, opening the page or switching its range painted it
        two or three times over the next moments. Handing Qt its pending requests now gives
        one layout and one paint.
        """
        for _ in range(LAYOUT_DEPTH):
            QCoreApplication.sendPostedEvents(None, QEvent.Type.PolishRequest)
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)

    def preload(self) -> None:
        """Read the diary now, though the page is hidden, so that opening it is instant.

        Reading the diary is the largest part of a first opening; call this when the
        application is idle (after start-up) to pay it before the user asks.
        """
        if self._index is None:
            self._load()

    def set_journal(self, journal: Journal | None) -> None:
        """The diary, opened (or reopened) after this page was built."""
        self._journal = journal
        self.pages.setCurrentWidget(self.message_label if journal is None else self.tabs)
        for widget in (
            *self.range_buttons.values(),
            self.add_button,
            self.add_session_button,
            self.export_button,
        ):
            widget.setEnabled(journal is not None)
        self._update_status()
        self.refresh()

    def refresh(self) -> None:
        """Read the diary again: now if the page is on screen, else at the next idle moment.

        Either way it is read before the page is next shown.
        """
        self._index = None
        if self.isVisible():
            self._load()
        else:
            self._idle_read.start()

    def _read_if_out_of_date(self) -> None:
        if self._index is None:
            self._load()

    def _load(self) -> None:
        if self._journal is None:
            return
        self._index = DiaryIndex.read(self._journal)
        self._show_period()
        self._update_status()

    def show_diary_status(self, text: str) -> None:
        """What the window knows is wrong with the diary ("" when all is well)."""
        self._status_text = text
        self._update_status()

    def _not_open_text(self) -> str:
        """The page's whole message while the diary cannot be read: why, and what is kept."""
        reason = self._status_text or tr("The diary could not be opened.")
        return (
            reason
            + " "
            + tr(
                "There is nothing to show here just now; routines and the relief screen work as "
                "usual, and what you record is kept."
            )
        )

    def _update_status(self) -> None:
        if self._journal is None:
            # The reason is the page's message; no second line above it.
            self.message_label.setText(self._not_open_text())
            self.diary_status_label.hide()
            return
        lines = [self._status_text] if self._status_text else []
        unreadable = len(self._journal.unreadable) if self._journal is not None else 0
        if unreadable:
            lines.append(
                tr("%n record(s) could not be read and were left as they are.", None, unreadable)
            )
        self.diary_status_label.setText(" ".join(lines))
        self.diary_status_label.setVisible(bool(lines))

    def set_period(self, period: Period) -> None:
        self.period = period
        self.range_buttons[period].setChecked(True)
        if self._index is not None:
            self._show_period()

    def _show_period(self) -> None:
        assert self._index is not None
        now = self._clock.now()
        summary = summarize(self._index, self.period, now)
        self.summary = summary
        self.overview.show_summary(summary, self._index, night_of(now))
        self.numbers.show_summary(summary)
        self.records.set_records(summary.records)
        self._update_record_buttons()
        if self.isVisible():
            self._settle_layout()

    # -- records -------------------------------------------------------------------

    def selected_row(self) -> int:
        rows = self.records_view.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _update_record_buttons(self) -> None:
        row = self.selected_row()
        editable = self._journal is not None and row >= 0
        self.delete_button.setEnabled(editable)
        self.change_button.setEnabled(editable)

    def add_cramp(self) -> EpisodeDialog:
        """Open the form for a cramp entered by hand; it saves itself when accepted."""
        return self._open_dialog(None)

    def add_routine_done(self) -> SessionDialog:
        """Open the form for a routine done without the player; it saves itself when accepted."""
        return self._open_session_dialog(None)

    def change_selected(self) -> EpisodeDialog | SessionDialog | None:
        row = self.selected_row()
        if row < 0:
            return None
        record = self.records.record(row)
        if isinstance(record, Episode):
            return self._open_dialog(record)
        return self._open_session_dialog(record)

    def _open_dialog(self, episode: Episode | None) -> EpisodeDialog:
        dialog = EpisodeDialog(self._clock, episode, self)
        dialog.accepted.connect(lambda: self._save_episode(dialog.episode(), episode is None))
        dialog.finished.connect(dialog.deleteLater)
        self.episode_dialog = dialog
        dialog.open()  # window-modal, and does not block the event loop
        return dialog

    def _open_session_dialog(self, session: SessionRecord | None) -> SessionDialog:
        dialog = SessionDialog(self._clock, self._titles, session, self)
        dialog.accepted.connect(lambda: self._save_session(dialog.session(), session is None))
        dialog.finished.connect(dialog.deleteLater)
        self.session_dialog = dialog
        dialog.open()
        return dialog

    @property
    def saving(self) -> DiarySaving | None:
        if self._saving is None and self._journal is not None:
            from app.core.diary_store import DiaryStore
            from app.ui.diary.diary_saving import DiarySaving

            store = DiaryStore.adopt(self._journal, self._clock.now)
            self._saving = DiarySaving(store, self)
        return self._saving

    def _save_episode(self, episode: Episode, new: bool) -> None:
        self._write(episode, tr("Cramp saved.") if new else tr("Cramp changed."))

    def _save_session(self, session: SessionRecord, new: bool) -> None:
        self._write(session, tr("Routine saved.") if new else tr("Routine changed."))

    def _write(self, record: Episode | SessionRecord, done: str) -> None:
        """Store a record the user entered; the status line says `done` only once it is in
        the diary, else that it waits, or why it was refused."""
        saving = self.saving
        if saving is None:
            return
        if record.id and not record.uid:
            stored = (
                (
                    self._journal.episode(record.id)
                    if isinstance(record, Episode)
                    else self._journal.session(record.id)
                )
                if self._journal is not None
                else None
            )
            if stored is not None:
                record = dataclasses.replace(record, uid=stored.uid)
        try:
            outcome = saving.save(record, checked=True)
        except RecordRefusedError as error:
            self.say_error(error)
            return
        self._said(outcome, done)

    def _said(self, outcome: WriteOutcome, done: str) -> None:
        from app.core.diary_writer import Saved
        from app.ui.diary.diary_saving import not_saved_text

        if outcome.saved is Saved.SAVED:
            self.status_label.setText(done)
            self._changed()
        else:
            self.status_label.setText(not_saved_text())
            self.diary_changed.emit()

    def delete_selected(self) -> QMessageBox | None:
        """Ask before deleting the selected record; deletes it if the user says so."""
        row = self.selected_row()
        if row < 0 or self._journal is None:
            return None
        record = self.records.record(row)
        cells = self.records.cells(row)
        box = QMessageBox(self)
        box.setWindowTitle(tr("Delete from the diary"))
        box.setText(tr("Delete this record?"))
        what = f"{cells[1]}, {cells[0]}. " + tr("This cannot be undone.")
        box.setInformativeText(literal_html(what))  # a routine title is shown as written
        delete = box.addButton(tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        # The app's own icons, not the style's question mark and cross.
        icons.set_icon(delete, "delete")
        icons.set_icon(cancel, "close")
        box.setIconPixmap(
            icons.pixmap("delete", applied_colors().muted, 32, self.devicePixelRatioF())
        )

        def decided() -> None:
            if box.clickedButton() is delete:
                self._delete(record)

        box.finished.connect(decided)
        box.finished.connect(box.deleteLater)
        self.confirm_box = box
        box.open()
        return box

    def _delete(self, record: Record) -> None:
        saving = self.saving
        if saving is None:
            return
        self._said(saving.delete(record), tr("Deleted."))

    def _changed(self) -> None:
        self.refresh()
        self.diary_changed.emit()

    @property
    def journal(self) -> Journal | None:
        return self._journal

    def say(self, text: str) -> None:
        """Tell the user how something they asked for went, in the status line."""
        self.status_label.setText(text)

    def say_error(self, error: Exception) -> None:
        from app.ui.shell.errors import explain

        self.say(str(error) if isinstance(error, RecordRefusedError) else explain(error))

    def current_summary(self) -> Summary | None:
        """The figures of the range shown, reading the diary first if need be."""
        if self._journal is None:
            return None
        if self._index is None:
            self._load()
        return self.summary

    # -- export ----------------------------------------------------------------------

    def ask_save_path(self, title: str, suggested: str, file_filter: str) -> Path | None:
        """The file the user picks to save to; None if they cancel."""
        return self.exports.ask_save_path(title, suggested, file_filter)

    def export_csv_to(self, path: Path) -> bool:
        """The whole diary as CSV; says how it went in the status line."""
        return self.exports.export_csv_to(path)

    def export_report_to(self, path: Path) -> bool:
        """The one-page report for the range shown; says how it went in the status line."""
        return self.exports.export_report_to(path)
