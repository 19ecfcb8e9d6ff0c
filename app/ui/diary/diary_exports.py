"""The diary page's export button: the range shown as a PDF report, the whole diary as CSV.

One button with a menu of the two rather than two buttons, so the page's row of buttons fits
a window 760 pixels wide.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QPushButton, QWidget

from app.core.clock import Clock
from app.core.errors import UnknotError
from app.ui.shell.i18n import tr

if TYPE_CHECKING:
    from app.core.diary_stats import Summary
    from app.core.journal import Journal


class ExportsPage(Protocol):
    """What the exports need of the page they sit on (the diary page), and no more."""

    @property
    def journal(self) -> Journal | None: ...

    def current_summary(self) -> Summary | None: ...

    def say(self, text: str) -> None: ...

    def say_error(self, error: Exception) -> None: ...


class DiaryExports(QObject):
    """The button, its two choices and what they do; each says how it went in the page's
    status line."""

    def __init__(
        self, page: QWidget, host: ExportsPage, clock: Clock, routine_titles: Mapping[str, str]
    ) -> None:
        super().__init__(page)
        self._widget = page  # the parent of the file dialogs
        self._page = host
        self._clock = clock
        self._titles = routine_titles
        self.export_button = QPushButton(tr("Export"))
        self.export_button.setToolTip(tr("A report for your doctor, or the whole diary"))
        menu = QMenu(self.export_button)
        self.pdf_action = QAction(tr("Report for your doctor (PDF)…"), menu)
        self.pdf_action.setToolTip(tr("One A4 page for your doctor, for the range shown"))
        self.pdf_action.triggered.connect(self._export_pdf_clicked)
        self.csv_action = QAction(tr("The whole diary (CSV)…"), menu)
        self.csv_action.triggered.connect(self._export_csv_clicked)
        menu.addAction(self.pdf_action)
        menu.addAction(self.csv_action)
        self.export_button.setMenu(menu)

    def ask_save_path(self, title: str, suggested: str, file_filter: str) -> Path | None:
        """The file the user picks to save to; None if they cancel."""
        start = str(Path.home() / suggested)
        chosen, _ = QFileDialog.getSaveFileName(self._widget, title, start, file_filter)
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
        """The whole diary as CSV."""
        from app.core.diary_export import export_csv

        journal = self._page.journal
        if journal is None:
            return False
        try:
            count = export_csv(journal, path)
        except UnknotError as error:
            self._page.say_error(error)
            return False
        self._page.say(tr("%n record(s) saved to {file}.", None, count).format(file=path.name))
        return True

    def export_report_to(self, path: Path) -> bool:
        """The one-page report for the range shown."""
        from app.ui.diary.report_pdf import write_report

        summary = self._page.current_summary()
        if summary is None:
            return False
        try:
            listed = write_report(path, summary, self._clock.now(), self._titles)
        except UnknotError as error:
            self._page.say_error(error)
            return False
        total = summary.counts.cramps
        if listed < total:
            text = tr("Report saved to {file}; it lists the {n} most recent of {total} cramps.")
        else:
            text = tr("Report saved to {file}.")
        self._page.say(text.format(file=path.name, n=listed, total=total))
        return True
