"""The diary as a CSV file: one header row, ISO 8601 times with their UTC offset."""

from __future__ import annotations

import csv
import io
from operator import itemgetter
from pathlib import Path

from app.core.journal import Journal
from app.core.storage import atomic_write

COLUMNS = (
    "kind",
    "start",
    "end",
    "minutes",
    "routine",
    "completed_percent",
    "finished",
    "leg",
    "severity",
    "helped",
    "note",
)


def diary_csv(journal: Journal) -> tuple[str, int]:
    """The CSV text of every session and episode, oldest first, and how many rows."""
    rows: list[tuple[float, list[str]]] = []
    for session in journal.sessions():
        minutes = (session.ended - session.started).total_seconds() / 60
        rows.append(
            (
                session.started.timestamp(),
                [
                    "routine",
                    session.started.isoformat(timespec="seconds"),
                    session.ended.isoformat(timespec="seconds"),
                    f"{minutes:.1f}",
                    session.routine_id,
                    f"{session.completed * 100:.0f}",
                    "yes" if session.finished else "no",
                    "",
                    "",
                    "",
                    "",
                ],
            )
        )
    for episode in journal.episodes():
        end = episode.started + episode.duration
        rows.append(
            (
                episode.started.timestamp(),
                [
                    "cramp",
                    episode.started.isoformat(timespec="seconds"),
                    end.isoformat(timespec="seconds"),
                    f"{episode.duration.total_seconds() / 60:.1f}",
                    "",
                    "",
                    "yes" if episode.finished else "no",
                    episode.leg or "",
                    episode.severity or "",
                    "; ".join(episode.helped),
                    episode.note,
                ],
            )
        )
    # Sort by the instant, not the text: offsets differ across DST and travel.
    rows.sort(key=itemgetter(0))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(row for _, row in rows)
    return buffer.getvalue(), len(rows)


def export_csv(journal: Journal, path: Path) -> int:
    """Write the CSV atomically (nothing half-written is left); WriteError if it cannot be."""
    text, count = diary_csv(journal)
    atomic_write(path, text, mode=0o644)
    return count
