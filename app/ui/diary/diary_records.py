"""The diary's records as a table model: cramps and routines, most recent first.

A model rather than a table of items: ten years of diary is thousands of rows, and a view
over a model only formats the rows on screen. The records come as a summary's list, which
makes each record only when its row is read, so a range of ten years costs no more to show
than one of four weeks.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from app.core.journal import Episode, SessionRecord
from app.ui.diary.episode_dialog import length_text
from app.ui.shell.format import date_time_text, leg_name
from app.ui.shell.i18n import tr
from app.ui.shell.plain import literal_html

Record = Episode | SessionRecord
COLUMNS = ("When", "What", "Length", "Leg", "How bad", "Note")
AnyIndex = QModelIndex | QPersistentModelIndex


def when_text(moment: datetime) -> str:
    """As lived, in the offset it was recorded in: "Tue, 3 Mar 2026, 22:05"."""
    return date_time_text(moment)


class RecordsModel(QAbstractTableModel):
    def __init__(self, routine_titles: Mapping[str, str] | None = None) -> None:
        super().__init__()
        self._titles = dict(routine_titles or {})
        self._records: Sequence[Record] = ()

    def set_records(self, records: Sequence[Record]) -> None:
        """Episodes and sessions together, most recent first (Summary.records)."""
        self.beginResetModel()
        self._records = records
        self.endResetModel()

    def record(self, row: int) -> Record:
        return self._records[row]

    def row_of(self, record_id: int, kind: type[Record]) -> int:
        """The row of the record of this kind and id; -1 if it is not shown."""
        for row, record in enumerate(self._records):
            if isinstance(record, kind) and record.id == record_id:
                return row
        return -1

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> str | None:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(COLUMNS[section])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> str | None:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return None
        text = self.cells(index.row())[index.column()]
        return literal_html(text) if role == Qt.ItemDataRole.ToolTipRole else text

    def cells(self, row: int) -> tuple[str, str, str, str, str, str]:
        record = self._records[row]
        if isinstance(record, Episode):
            what = tr("Cramp") if record.finished else tr("Cramp (relief screen closed early)")
            return (
                when_text(record.started),
                what,
                length_text(record.duration),
                leg_name(record.leg) if record.leg else "",
                tr(record.severity) if record.severity else "",
                record.note,
            )
        title = self._titles.get(record.routine_id, record.routine_id)
        if record.finished:
            what = tr("Routine: {title}").format(title=title)
        else:
            what = tr("Routine stopped at {percent}%: {title}").format(
                percent=round(record.completed * 100), title=title
            )
        return (
            when_text(record.started),
            what,
            length_text(record.ended - record.started),
            "",
            "",
            "",
        )
