"""The diary screen: its figures, the range switch, adding, changing and deleting records."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint
from PySide6.QtWidgets import QApplication, QMessageBox, QTableWidget
from pytestqt.qtbot import QtBot

from app.core.clock import FakeClock
from app.core.diary_stats import Period
from app.core.journal import Episode, Journal, SessionRecord
from app.core.player import SessionReport
from app.ui.diary.diary_view import DiaryView
from app.ui.shell.theme import NIGHT

WINTER = timezone(timedelta(hours=1))
NOW = datetime(2026, 3, 31, 21, 0, tzinfo=WINTER)  # a Tuesday evening


def routine(started: datetime, finished: bool = True) -> SessionReport:
    return SessionReport(
        "evening-stretch", started, started + timedelta(minutes=9), 1.0, (), finished
    )


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    opened, _ = Journal.open(tmp_path / "journal.sqlite3")
    # Routines on the last five evenings (30th back to the 26th), one stopped early on the
    # 25th, one in December; cramps on the nights of the 29th (two) and 10 February.
    for back in range(1, 6):
        opened.add_session(routine(NOW.replace(hour=22) - timedelta(days=back)))
    opened.add_session(routine(datetime(2026, 3, 25, 22, 0, tzinfo=WINTER), finished=False))
    opened.add_session(routine(datetime(2025, 12, 10, 22, 0, tzinfo=WINTER)))
    opened.add_episode(
        Episode(datetime(2026, 3, 30, 3, 10, tzinfo=WINTER), timedelta(minutes=4), "left", "mild"),
        NOW,
    )
    opened.add_episode(
        Episode(datetime(2026, 3, 30, 5, 0, tzinfo=WINTER), timedelta(minutes=2), None, "severe"),
        NOW,
    )
    opened.add_episode(
        Episode(datetime(2026, 2, 11, 4, 0, tzinfo=WINTER), timedelta(minutes=6), "right", None),
        NOW,
    )
    yield opened
    opened.close()


@pytest.fixture
def view(qtbot: QtBot, journal: Journal) -> DiaryView:
    widget = DiaryView(journal, FakeClock(NOW), {"evening-stretch": "Evening calf stretch"})
    qtbot.addWidget(widget)
    widget.apply_colors(NIGHT)
    widget.resize(1100, 720)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def column(table: QTableWidget, index: int) -> list[str]:
    return [table.item(row, index).text() for row in range(table.rowCount())]


def open_numbers(view: DiaryView) -> None:
    """Bring the numbers tab on screen: its tables are filled when they are shown."""
    view.tabs.setCurrentWidget(view.numbers)


def counts(view: DiaryView) -> dict[str, str]:
    open_numbers(view)
    return dict(zip(column(view.counts_table, 0), column(view.counts_table, 1), strict=True))


def test_the_constructor_reads_nothing_until_the_page_is_shown(
    qtbot: QtBot, journal: Journal
) -> None:
    widget = DiaryView(journal, FakeClock(NOW))
    qtbot.addWidget(widget)
    assert widget.summary is None
    widget.show()
    assert widget.summary is not None


def test_the_page_shows_the_figures_of_the_last_twelve_weeks(view: DiaryView) -> None:
    assert view.range_buttons[Period.TWELVE_WEEKS].isChecked()
    assert view.routines_tile.value.text() == "5"
    assert view.routines_tile.detail.text() == "on 5 of 84 nights"
    assert view.cramps_tile.value.text() == "3"
    assert view.cramps_tile.detail.text() == "1 mild · 0 moderate · 1 severe · 1 not noted"
    assert view.streak_tile.value.text() == "5"  # tonight not done yet: counted to last night
    assert counts(view) == {
        "Nights": "84",
        "Routines done": "5",
        "Nights with a routine": "5",
        "Cramps": "3",
        "Nights with a cramp": "2",
        "Cramps: mild": "1",
        "Cramps: moderate": "0",
        "Cramps: severe": "1",
        "Cramps: severity not noted": "1",
        "Streak (nights in a row)": "5",
    }
    open_numbers(view)
    weeks = view.weeks_table
    assert weeks.rowCount() == 12
    assert [weeks.item(11, c).text() for c in range(3)] == ["25 Mar – 31 Mar", "5", "2"]
    hours = dict(zip(column(view.hours_table, 0), column(view.hours_table, 1), strict=True))
    assert hours["03:00–03:59"] == "1" and hours["05:00–05:59"] == "1"
    assert hours["04:00–04:59"] == "1"  # 11 February
    assert sum(int(n) for n in hours.values()) == 3
    assert view.records.rowCount() == 3 + 6  # three cramps, five routines and one stopped early


def test_chart_tooltips_give_the_exact_numbers(view: DiaryView) -> None:
    chart = view.adherence_chart
    chart.repaint()
    last_bar = QPoint(chart.width() - 20, chart.height() // 2)
    assert chart.tooltip_at(last_bar) == ("25 Mar – 31 Mar: 5 of 7 nights with a routine, 2 cramps")
    view.hour_chart.repaint()
    assert view.hour_chart.tooltip_at(QPoint(0, 0)) == ""
    grid = view.calendar.grid
    box = grid.cell_of(date(2026, 3, 29))
    assert box is not None
    night = grid.night_at(box.center().x(), box.center().y())
    assert night is not None
    assert (night.routines, night.cramps, night.worst) == (1, 2, "severe")


def test_the_range_switch_changes_every_figure(qtbot: QtBot, view: DiaryView) -> None:
    view.range_buttons[Period.FOUR_WEEKS].click()
    assert view.period is Period.FOUR_WEEKS
    assert counts(view)["Nights"] == "28"
    assert counts(view)["Cramps"] == "2"  # 11 February is outside
    assert view.weeks_table.rowCount() == 4
    assert view.records.rowCount() == 2 + 6
    view.range_buttons[Period.ALL].click()
    assert counts(view)["Routines done"] == "6"  # 10 December too
    assert counts(view)["Nights"] == str((date(2026, 3, 31) - date(2025, 12, 10)).days + 1)
    view.range_buttons[Period.YEAR].click()
    assert counts(view)["Nights"] == "365"


def test_the_numbers_tab_shows_the_range_chosen_while_it_was_hidden(view: DiaryView) -> None:
    assert view.counts_table.rowCount() == 0  # not filled while another tab is shown
    view.range_buttons[Period.FOUR_WEEKS].click()
    assert counts(view)["Nights"] == "28"
    assert view.weeks_table.rowCount() == 4
    view.tabs.setCurrentWidget(view.overview)
    view.range_buttons[Period.YEAR].click()
    assert view.weeks_table.rowCount() == 4  # still the four weeks: the tab is hidden
    assert counts(view)["Nights"] == "365"
    assert view.weeks_table.rowCount() == 12


def test_adding_a_cramp_refuses_what_cannot_be_right_then_saves(
    qtbot: QtBot, view: DiaryView, journal: Journal
) -> None:
    dialog = view.add_cramp()
    assert dialog.isVisible()
    assert dialog.start_edit.dateTime().toString("yyyy-MM-dd HH:mm") == "2026-03-31 03:00"
    dialog.end_edit.setDateTime(dialog.start_edit.dateTime().addSecs(-60))
    dialog.save_button.click()
    assert dialog.isVisible()
    assert dialog.problem_label.text() == "It ends before it starts."
    dialog.end_edit.setDateTime(dialog.start_edit.dateTime().addSecs(2 * 86400))
    dialog.save_button.click()
    assert dialog.problem_label.text() == (
        "A cramp of more than a day cannot be right; check the times."
    )
    dialog.start_edit.setDateTime(dialog.start_edit.dateTime().addDays(1))  # tomorrow 03:00
    dialog.save_button.click()
    assert dialog.problem_label.text().startswith("The start is in the future")
    assert len(journal.episodes()) == 3
    dialog.start_edit.setDateTime(dialog.start_edit.dateTime().addDays(-1))
    dialog.end_edit.setDateTime(dialog.start_edit.dateTime().addSecs(5 * 60))
    dialog.severity_box.setCurrentIndex(dialog.severity_box.findData("moderate"))
    dialog.leg_box.setCurrentIndex(dialog.leg_box.findData("left"))
    with qtbot.waitSignal(view.diary_changed):
        dialog.save_button.click()
    assert not dialog.isVisible()
    added = journal.episodes()[-1]
    assert added.started == datetime(2026, 3, 31, 3, 0, tzinfo=WINTER)
    assert (added.duration, added.leg, added.severity) == (timedelta(minutes=5), "left", "moderate")
    assert view.cramps_tile.value.text() == "4"
    assert view.status_label.text() == "Cramp saved."


def test_changing_a_cramp_keeps_what_helped(
    qtbot: QtBot, view: DiaryView, journal: Journal
) -> None:
    row = view.records.row_of(journal.episodes()[1].id, Episode)
    view.records_view.selectRow(row)
    assert view.change_button.isEnabled()
    dialog = view.change_selected()
    assert dialog is not None
    assert dialog.severity_box.currentData() == "mild"
    dialog.severity_box.setCurrentIndex(dialog.severity_box.findData("severe"))
    dialog.note_edit.setText("after a long walk")
    with qtbot.waitSignal(view.diary_changed):
        dialog.save_button.click()
    changed = journal.episodes()[1]
    assert (changed.severity, changed.note) == ("severe", "after a long walk")
    assert changed.started == datetime(2026, 3, 30, 3, 10, tzinfo=WINTER)
    assert view.cramps_tile.detail.text() == "0 mild · 0 moderate · 2 severe · 1 not noted"


def test_a_routine_can_be_deleted_after_confirmation(
    qtbot: QtBot, view: DiaryView, journal: Journal
) -> None:
    view.records_view.selectRow(0)  # the most recent: yesterday's routine
    assert view.change_button.isEnabled()  # the session form: tests/ui/test_session_dialog.py
    box = view.delete_selected()
    assert box is not None and box.isVisible()
    assert "Routine: Evening calf stretch" in box.informativeText()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert len(journal.sessions()) == 7
    box = view.delete_selected()
    assert box is not None
    (delete,) = [b for b in box.buttons() if b.text() == "Delete"]
    with qtbot.waitSignal(view.diary_changed):
        delete.click()
    assert len(journal.sessions()) == 6
    assert view.streak_tile.value.text() == "0"  # last night's routine is gone
    assert view.status_label.text() == "Deleted."


def test_refresh_shows_what_was_recorded_elsewhere(view: DiaryView, journal: Journal) -> None:
    journal.add_session(routine(NOW))
    view.refresh()
    assert view.streak_tile.value.text() == "6"


def test_a_hidden_page_reads_the_diary_when_it_is_next_shown(
    view: DiaryView, journal: Journal
) -> None:
    view.hide()
    journal.add_session(routine(NOW))
    view.refresh()
    assert view.streak_tile.value.text() == "5"
    view.show()
    assert view.streak_tile.value.text() == "6"


def test_a_hidden_page_reads_the_diary_again_when_the_application_is_idle(
    qtbot: QtBot, view: DiaryView, journal: Journal
) -> None:
    view.hide()
    journal.add_session(routine(NOW))
    view.refresh()
    assert view.streak_tile.value.text() == "5"  # not read in the middle of the caller's work
    qtbot.waitUntil(lambda: view.streak_tile.value.text() == "6")
    assert not view.isVisible()


def test_years_of_records_are_listed_without_making_them_all(
    qtbot: QtBot, view: DiaryView, journal: Journal
) -> None:
    first = datetime(2022, 1, 1, 22, 0, tzinfo=WINTER)
    for day in range(1500):
        journal.add_session(routine(first + timedelta(days=day)))
    asked: list[int] = []
    read_session = journal.session

    def counted(session_id: int) -> SessionRecord | None:
        asked.append(session_id)
        return read_session(session_id)

    journal.session = counted  # type: ignore[method-assign]
    view.refresh()
    view.range_buttons[Period.ALL].click()
    view.tabs.setCurrentIndex(2)  # the records
    view.records_view.repaint()
    assert view.records.rowCount() == 1500 + 7 + 3
    assert 0 < len(asked) < 100  # the rows on screen
    assert view.records.cells(0)[0] == "Mon, 30 Mar 2026, 22:00"
    assert view.records.cells(1500 + 9)[0] == "Sat, 1 Jan 2022, 22:00"


class PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def test_opening_the_page_and_switching_the_range_paint_it_once(
    qtbot: QtBot, journal: Journal
) -> None:
    widget = DiaryView(journal, FakeClock(NOW))
    qtbot.addWidget(widget)
    widget.apply_colors(NIGHT)
    widget.resize(1100, 720)
    painted = PaintCounter()
    widget.adherence_chart.installEventFilter(painted)
    widget.show()
    for _ in range(8):  # turns of the event loop in which the layouts would settle
        QApplication.processEvents()
    assert painted.count == 1
    painted.count = 0
    widget.range_buttons[Period.ALL].click()
    for _ in range(8):
        QApplication.processEvents()
    assert painted.count == 1


def test_without_a_diary_the_page_says_so_calmly(qtbot: QtBot) -> None:
    widget = DiaryView(None, FakeClock(NOW))
    qtbot.addWidget(widget)
    widget.show()
    assert widget.pages.currentWidget() is widget.message_label
    assert "could not be opened" in widget.message_label.text()
    assert not widget.add_button.isEnabled()
    assert not widget.export_button.isEnabled()
    assert widget.summary is None


def test_exports_say_how_they_went(view: DiaryView, tmp_path: Path) -> None:
    assert view.export_csv_to(tmp_path / "diary.csv")
    assert view.status_label.text() == "10 records saved to diary.csv."
    assert view.export_report_to(tmp_path / "report.pdf")
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")
    assert view.status_label.text() == "Report saved to report.pdf."
    blocked = tmp_path / "file"
    blocked.write_text("x")
    assert not view.export_report_to(blocked / "report.pdf")
    assert view.status_label.text().startswith("Unknot could not save report.pdf: ")


def test_the_overview_says_nothing_of_a_pattern_with_too_few_nights(view: DiaryView) -> None:
    # Five nights with a routine in the twelve weeks: too few to compare.
    assert view.overview.pattern_panel.text.text() == (
        "Not enough nights to compare yet. This needs at least 7 nights with a routine and 7 "
        "without in the range shown; so far there are 5 and 78."
    )


def test_the_overview_compares_nights_with_a_routine_and_without(
    qtbot: QtBot, tmp_path: Path
) -> None:
    opened, _ = Journal.open(tmp_path / "journal.sqlite3")
    # The last ten nights with a routine and no cramp; the twenty before, one cramp each.
    for back in range(1, 31):
        evening = NOW.replace(hour=22) - timedelta(days=back)
        if back <= 10:
            opened.add_session(routine(evening))
        else:
            opened.add_episode(Episode(evening + timedelta(hours=5), timedelta(minutes=3)), NOW)
    widget = DiaryView(opened, FakeClock(NOW))
    qtbot.addWidget(widget)
    widget.show()
    assert widget.overview.pattern_panel.text.text() == (
        "On nights with a routine you logged no cramps (10 nights); on nights without, 1.0 "
        "cramps a night (20 nights). This is a pattern in your diary, not proof of cause."
    )
    widget.range_buttons[Period.FOUR_WEEKS].click()  # 27 nights over: 10 and 17
    assert "(10 nights); on nights without, 1.0 cramps a night (17 nights)" in (
        widget.overview.pattern_panel.text.text()
    )
    opened.close()
