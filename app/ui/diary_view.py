"""The diary screen: a calendar of nights, charts, the same numbers as a table, the records.

The constructor only lays out empty widgets; the diary is read when the page is first shown
(or refreshed while on screen) and sorted into nights once, so switching the range only sums
what is already in memory.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.clock import Clock
from app.core.diary_stats import HOURS_FROM_NOON, DiaryIndex, Period, Summary, night_of, summarize
from app.core.errors import UnknotError
from app.core.journal import SEVERITIES, Episode, Journal, RecordRefusedError, SessionRecord
from app.ui.charts import AdherenceChart, HourChart, short_date
from app.ui.diary_records import Record, RecordsModel
from app.ui.episode_dialog import EpisodeDialog
from app.ui.night_calendar import NightCalendar
from app.ui.session_dialog import SessionDialog
from app.ui.theme import DARK, LIGHT, Colors

PERIOD_NAMES = {
    Period.FOUR_WEEKS: "4 weeks",
    Period.TWELVE_WEEKS: "12 weeks",
    Period.YEAR: "Year",
    Period.ALL: "All",
}


def tr(text: str) -> str:
    return QCoreApplication.translate("diary", text)


def _numbers_table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    header = table.horizontalHeader()
    # A few dozen rows at most: the names sized to their contents, the numbers share the rest.
    header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for row, cells in enumerate(rows):
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if column:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(row, column, item)


class _Tile(QFrame):
    """One figure, large, with what it counts above and a detail below."""

    def __init__(self, caption: str) -> None:
        super().__init__()
        self.setObjectName("tile")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(2)
        label = QLabel(caption)
        label.setProperty("role", "muted")
        self.value = QLabel("–")
        self.value.setProperty("role", "title")
        self.detail = QLabel()
        self.detail.setProperty("role", "muted")
        self.detail.setWordWrap(True)
        for widget in (label, self.value, self.detail):
            layout.addWidget(widget)
        layout.addStretch(1)  # the figures of all tiles on one line, however long a detail

    def show_figure(self, value: int, detail: str) -> None:
        self.value.setText(str(value))
        self.detail.setText(detail)
        self.setAccessibleName(f"{value} {detail}")


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
    ) -> None:
        super().__init__(parent)
        self._journal = journal
        self._clock = clock
        self._titles = dict(routine_titles or {})
        self._index: DiaryIndex | None = None  # None: not read yet, or out of date
        self.period = Period.TWELVE_WEEKS
        self.summary: Summary | None = None
        self.episode_dialog: EpisodeDialog | None = None
        self.session_dialog: SessionDialog | None = None
        self.confirm_box: QMessageBox | None = None
        self._colors: Colors | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 20, 24, 16)
        outer.setSpacing(12)
        outer.addLayout(self._build_header())
        self.pages = QStackedWidget()
        self.message_label = QLabel(
            tr(
                "The diary could not be opened, so there is nothing to show here just now. "
                "Routines and the relief screen work as usual; Unknot will try the diary "
                "again when it next starts."
            )
        )
        self.message_label.setWordWrap(True)
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_label.setProperty("role", "heading")
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_overview(), tr("Overview"))
        self.tabs.addTab(self._build_numbers(), tr("Numbers"))
        self.tabs.addTab(self._build_records(), tr("Records"))
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
                self.csv_button,
                self.pdf_button,
            ):
                widget.setEnabled(False)

    # -- layout ----------------------------------------------------------------

    def _build_header(self) -> QHBoxLayout:
        header = QHBoxLayout()
        title = QLabel(tr("Diary"))
        title.setProperty("role", "title")
        header.addWidget(title)
        header.addStretch(1)
        self.range_label = QLabel(tr("Show the last:"))
        self.range_label.setProperty("role", "muted")
        header.addWidget(self.range_label)
        self.range_group = QButtonGroup(self)
        self.range_buttons: dict[Period, QPushButton] = {}
        for period, name in PERIOD_NAMES.items():
            button = QPushButton(tr(name))
            button.setCheckable(True)
            button.setObjectName("range")
            button.setChecked(period is self.period)
            button.clicked.connect(lambda _=False, p=period: self.set_period(p))
            self.range_group.addButton(button)
            self.range_buttons[period] = button
            header.addWidget(button)
        return header

    def _build_overview(self) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        grid.setContentsMargins(8, 12, 8, 8)
        grid.setHorizontalSpacing(20)
        grid.setVerticalSpacing(12)
        tiles = QHBoxLayout()
        self.routines_tile = _Tile(tr("Routines done"))
        self.cramps_tile = _Tile(tr("Cramps"))
        self.streak_tile = _Tile(tr("Streak"))
        for tile in (self.routines_tile, self.cramps_tile, self.streak_tile):
            tiles.addWidget(tile, 1)
        grid.addLayout(tiles, 0, 0, 1, 2)
        self.calendar = NightCalendar()
        grid.addWidget(self.calendar, 1, 0, 2, 1)
        self.adherence_heading = QLabel(tr("Nights with a routine and cramps, per week"))
        self.adherence_heading.setProperty("role", "heading")
        self.adherence_heading.setWordWrap(True)
        self.adherence_chart = AdherenceChart()
        self.hour_heading = QLabel(tr("When the cramps started"))
        self.hour_heading.setProperty("role", "heading")
        self.hour_heading.setWordWrap(True)
        self.hour_chart = HourChart()
        charts = QVBoxLayout()
        charts.addWidget(self.adherence_heading)
        charts.addWidget(self.adherence_chart, 3)
        charts.addSpacing(8)
        charts.addWidget(self.hour_heading)
        charts.addWidget(self.hour_chart, 2)
        grid.addLayout(charts, 1, 1, 2, 1)
        grid.setColumnStretch(0, 4)
        grid.setColumnStretch(1, 5)
        grid.setRowStretch(1, 1)
        return page

    def _build_numbers(self) -> QWidget:
        page = QWidget()
        layout = QHBoxLayout(page)
        layout.setContentsMargins(8, 12, 8, 8)
        layout.setSpacing(16)
        self.counts_table = _numbers_table([tr("In the period"), tr("Number")])
        self.weeks_table = _numbers_table([tr("Week"), tr("Nights with a routine"), tr("Cramps")])
        self.hours_table = _numbers_table([tr("Hour"), tr("Cramps")])
        self.counts_table.setAccessibleName(tr("Counts for the period"))
        self.weeks_table.setAccessibleName(tr("Nights with a routine and cramps, per week"))
        self.hours_table.setAccessibleName(tr("Cramps by the hour they started"))
        layout.addWidget(self.counts_table, 3)
        layout.addWidget(self.weeks_table, 5)
        layout.addWidget(self.hours_table, 3)
        return page

    def _build_records(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(8, 12, 8, 8)
        self.records = RecordsModel(self._titles)
        self.records_view = QTableView()
        self.records_view.setModel(self.records)
        self.records_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.records_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.records_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.records_view.verticalHeader().setVisible(False)
        self.records_view.setAlternatingRowColors(True)
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
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 24)
        self.records_view.doubleClicked.connect(lambda _index: self.change_selected())
        layout.addWidget(self.records_view, 1)
        row = QHBoxLayout()
        self.change_button = QPushButton(tr("Change…"))
        self.change_button.clicked.connect(self.change_selected)
        self.delete_button = QPushButton(tr("Delete…"))
        self.delete_button.clicked.connect(self.delete_selected)
        row.addWidget(self.change_button)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.records_view.selectionModel().selectionChanged.connect(self._update_record_buttons)
        self._update_record_buttons()
        return page

    def _build_buttons(self) -> QHBoxLayout:
        buttons = QHBoxLayout()
        back = QPushButton(tr("Back"))
        back.setToolTip(tr("Back to the routines (Esc)"))
        back.clicked.connect(self.back_requested)
        buttons.addWidget(back)
        self.status_label = QLabel()
        self.status_label.setProperty("role", "muted")
        self.status_label.setWordWrap(True)
        buttons.addWidget(self.status_label, 1)
        self.csv_button = QPushButton(tr("Export CSV…"))
        self.csv_button.clicked.connect(self._export_csv_clicked)
        self.pdf_button = QPushButton(tr("Export report (PDF)…"))
        self.pdf_button.setToolTip(tr("One A4 page for your doctor, for the range shown"))
        self.pdf_button.clicked.connect(self._export_pdf_clicked)
        self.add_button = QPushButton(tr("Add a cramp…"))
        self.add_button.setProperty("role", "primary")
        self.add_button.clicked.connect(self.add_cramp)
        self.add_session_button = QPushButton(tr("Add routine done…"))
        self.add_session_button.setToolTip(tr("A routine you did without Unknot"))
        self.add_session_button.clicked.connect(self.add_routine_done)
        for button in (self.csv_button, self.pdf_button, self.add_session_button, self.add_button):
            buttons.addWidget(button)
        return buttons

    # -- colours -----------------------------------------------------------------

    def apply_colors(self, colors: Colors) -> None:
        self._colors = colors
        self.adherence_chart.set_colors(colors)
        self.hour_chart.set_colors(colors)
        self.calendar.set_colors(colors)
        self.setStyleSheet(
            f"""
            QPushButton#range {{ min-width: 4.5em; }}
            QPushButton#range:checked {{
                background: {colors.accent}; color: {colors.accent_text}; border: none;
                font-weight: 600;
            }}
            QFrame#tile {{
                background: {colors.surface}; border: 1px solid {colors.border};
                border-radius: 10px;
            }}
            """
        )

    def _colors_from_palette(self) -> Colors:
        # When no theme was handed over, follow the application's palette.
        return DARK if QApplication.palette().window().color().lightness() < 128 else LIGHT

    # -- data --------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        if self._colors is None:
            self.apply_colors(self._colors_from_palette())
        if self._index is None:
            self._load()
        super().showEvent(event)

    def preload(self) -> None:
        """Read the diary now, though the page is hidden, so that opening it is instant.

        Reading ten years of diary takes most of the time of a first opening; call this when
        the application is idle (after start-up) to pay it before the user asks.
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
            self.csv_button,
            self.pdf_button,
        ):
            widget.setEnabled(journal is not None)
        self.refresh()

    def refresh(self) -> None:
        """Read the diary again: now if the page is on screen, else when it is next shown."""
        self._index = None
        if self.isVisible():
            self._load()

    def _load(self) -> None:
        if self._journal is None:
            return
        self._index = DiaryIndex.build(self._journal.sessions(), self._journal.episodes())
        self._show_period()

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
        counts = summary.counts
        self.routines_tile.show_figure(
            counts.routines_done,
            tr("on {nights} of {total} nights").format(
                nights=counts.routine_nights, total=counts.nights
            ),
        )
        self.cramps_tile.show_figure(counts.cramps, self._severity_text(summary))
        self.streak_tile.show_figure(summary.streak, tr("nights in a row with a routine"))
        self.calendar.set_data(self._index, night_of(now))
        self.adherence_heading.setText(
            tr("Nights with a routine and cramps, last {n} weeks").format(n=len(summary.weeks))
        )
        self.adherence_chart.set_weeks(summary.weeks)
        self.hour_chart.set_hours(summary.hours)
        self._fill_numbers(summary)
        self.records.set_records(summary.episodes, summary.sessions)
        self._update_record_buttons()

    @staticmethod
    def _severity_text(summary: Summary) -> str:
        by = summary.counts.by_severity
        parts = [tr("{n} {severity}").format(n=by[name], severity=tr(name)) for name in SEVERITIES]
        if by[None]:
            parts.append(tr("{n} not noted").format(n=by[None]))
        return " · ".join(parts)

    def _fill_numbers(self, summary: Summary) -> None:
        counts = summary.counts
        rows = [
            [tr("Nights"), str(counts.nights)],
            [tr("Routines done"), str(counts.routines_done)],
            [tr("Nights with a routine"), str(counts.routine_nights)],
            [tr("Cramps"), str(counts.cramps)],
            [tr("Nights with a cramp"), str(counts.cramp_nights)],
        ]
        rows += [
            [tr("Cramps: {s}").format(s=tr(s)), str(counts.by_severity[s])] for s in SEVERITIES
        ]
        rows.append([tr("Cramps: severity not noted"), str(counts.by_severity[None])])
        rows.append([tr("Streak (nights in a row)"), str(summary.streak)])
        _fill(self.counts_table, rows)
        _fill(
            self.weeks_table,
            [
                [
                    f"{short_date(w.first)} – {short_date(w.last)}",
                    str(w.routine_nights),
                    str(w.cramps),
                ]
                for w in summary.weeks
            ],
        )
        _fill(
            self.hours_table,
            [[f"{h:02d}:00–{h:02d}:59", str(summary.hours[h])] for h in HOURS_FROM_NOON],
        )

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

    def _save_episode(self, episode: Episode, new: bool) -> None:
        if new:
            self._write(lambda diary, now: diary.add_episode(episode, now), tr("Cramp saved."))
        else:
            self._write(lambda diary, now: diary.update_episode(episode, now), tr("Cramp changed."))

    def _save_session(self, session: SessionRecord, new: bool) -> None:
        if new:
            self._write(
                lambda diary, now: diary.add_session_by_hand(session, now), tr("Routine saved.")
            )
        else:
            self._write(
                lambda diary, now: diary.update_session(session, now), tr("Routine changed.")
            )

    def _write(self, change: Callable[[Journal, datetime], object], done: str) -> None:
        """Make a change the user asked for; the status line says `done`, or why it failed."""
        if self._journal is None:
            return
        try:
            change(self._journal, self._clock.now())
        except (RecordRefusedError, UnknotError) as error:
            self._say_error(error)
            return
        self.status_label.setText(done)
        self._changed()

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
        box.setInformativeText(f"{cells[1]}, {cells[0]}. " + tr("This cannot be undone."))
        delete = box.addButton(tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
        box.setIcon(QMessageBox.Icon.Question)

        def decided() -> None:
            if box.clickedButton() is delete:
                self._delete(record)

        box.finished.connect(decided)
        box.finished.connect(box.deleteLater)
        self.confirm_box = box
        box.open()
        return box

    def _delete(self, record: Record) -> None:
        assert self._journal is not None
        try:
            if isinstance(record, Episode):
                self._journal.delete_episode(record.id)
            else:
                self._journal.delete_session(record.id)
        except UnknotError as error:
            self._say_error(error)
            return
        self.status_label.setText(tr("Deleted."))
        self._changed()

    def _changed(self) -> None:
        self.refresh()
        self.diary_changed.emit()

    def _say_error(self, error: Exception) -> None:
        from app.ui.errors import explain

        self.status_label.setText(
            str(error) if isinstance(error, RecordRefusedError) else explain(error)
        )

    # -- export ----------------------------------------------------------------------

    def ask_save_path(self, title: str, suggested: str, file_filter: str) -> Path | None:
        """The file the user picks to save to; None if they cancel."""
        start = str(Path.home() / suggested)
        chosen, _ = QFileDialog.getSaveFileName(self, title, start, file_filter)
        return Path(chosen) if chosen else None

    def _stamp(self) -> str:
        return f"{self._clock.now():%Y-%m-%d}"

    def _export_csv_clicked(self) -> None:
        path = self.ask_save_path(
            tr("Export the diary as CSV"), f"unknot-diary-{self._stamp()}.csv", "CSV (*.csv)"
        )
        if path is not None:
            self.export_csv_to(path)

    def _export_pdf_clicked(self) -> None:
        path = self.ask_save_path(
            tr("Export a report for your doctor"),
            f"unknot-report-{self._stamp()}.pdf",
            "PDF (*.pdf)",
        )
        if path is not None:
            self.export_report_to(path)

    def export_csv_to(self, path: Path) -> bool:
        """The whole diary as CSV; says how it went in the status line."""
        from app.core.diary_export import export_csv

        if self._journal is None:
            return False
        try:
            count = export_csv(self._journal, path)
        except UnknotError as error:
            self._say_error(error)
            return False
        self.status_label.setText(
            tr("{n} records saved to {file}.").format(n=count, file=path.name)
        )
        return True

    def export_report_to(self, path: Path) -> bool:
        """The one-page report for the range shown; says how it went in the status line."""
        from app.ui.report_pdf import write_report

        if self._journal is None:
            return False
        if self._index is None:
            self._load()
        assert self.summary is not None
        try:
            listed = write_report(path, self.summary, self._clock.now(), self._titles)
        except UnknotError as error:
            self._say_error(error)
            return False
        total = self.summary.counts.cramps
        if listed < total:
            text = tr("Report saved to {file}; it lists the {n} most recent of {total} cramps.")
        else:
            text = tr("Report saved to {file}.")
        self.status_label.setText(text.format(file=path.name, n=listed, total=total))
        return True
