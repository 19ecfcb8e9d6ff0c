"""Keep relief episodes in the diary: stored at once, completed later, never lost.

The relief screen stores an episode as soon as its steps start (as unfinished), and again when
the user says the cramp has gone and when they fill in the form. Each is the same record (the
same uid), written through the DiaryWriter: if the diary cannot take it now, it waits in the
pending file (or in memory) and is written at the next retry.
"""

from __future__ import annotations

import dataclasses

from app.core.diary_writer import DiaryWriter, Saved, Table, WriteOutcome
from app.core.journal import Episode, new_uid


class EpisodeKeeper:
    def __init__(self, writer: DiaryWriter) -> None:
        self._writer = writer
        self._uids: dict[int, str] = {}  # the keeper's number -> the episode's uid
        self._stored_ids: dict[int, int] = {}  # the keeper's number -> the diary's id
        self._next = 1

    def new(self) -> int:
        """A number for a new episode, to pass to `save`."""
        number = self._next
        self._next += 1
        self._uids[number] = new_uid()
        return number

    def save(self, number: int, episode: Episode) -> WriteOutcome:
        """Store (or replace) episode `number`; the outcome says whether it is in the diary."""
        episode = dataclasses.replace(episode, uid=self._uids[number])
        outcome = self._writer.put(episode)
        if outcome.saved is Saved.SAVED:
            self._stored_ids[number] = outcome.record_id
        return outcome

    def flush(self) -> bool:
        """Write whatever waits; True when nothing is left waiting."""
        return self._writer.flush()

    @property
    def waiting(self) -> int:
        """How many episodes wait, not yet in the diary."""
        return sum(1 for change in self._writer.waiting if change.table is Table.EPISODE)

    def stored_id(self, number: int) -> int | None:
        return self._stored_ids.get(number)
