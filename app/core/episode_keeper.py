"""Keep relief episodes in the diary: stored at once, completed later, never lost.

The relief screen stores an episode as soon as it opens (as unfinished), and again when the
user says the cramp has gone and when they fill in the form. If the diary is locked, damaged
or not open yet, the episode waits here in memory and is written on the next attempt.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from datetime import datetime

from app.core.errors import WriteError
from app.core.journal import MAX_EPISODE, Episode, EpisodeRefusedError, Journal

log = logging.getLogger(__name__)


class EpisodeKeeper:
    def __init__(self, journal: Callable[[], Journal | None], now: Callable[[], datetime]) -> None:
        self._journal = journal
        self._now = now
        self._pending: dict[int, Episode] = {}  # by the keeper's own number, in order
        self._stored_ids: dict[int, int] = {}  # the keeper's number -> the diary's id
        self._next = 1

    def new(self) -> int:
        """A number for a new episode, to pass to `save`."""
        number = self._next
        self._next += 1
        return number

    def save(self, number: int, episode: Episode) -> bool:
        """Store (or replace) episode `number`; False if it waits in memory for now."""
        if episode.duration > MAX_EPISODE:  # a screen left open for days: keep the start
            episode = dataclasses.replace(episode, duration=MAX_EPISODE)
        self._pending[number] = episode
        return self.flush()

    def flush(self) -> bool:
        """Write whatever waits; True when nothing is left waiting."""
        journal = self._journal()
        if journal is None:
            return not self._pending
        for number, episode in list(self._pending.items()):
            stored_id = self._stored_ids.get(number)
            try:
                if stored_id is None:
                    self._stored_ids[number] = journal.add_episode(episode, self._now())
                else:
                    journal.update_episode(dataclasses.replace(episode, id=stored_id), self._now())
            except WriteError as error:
                log.warning("episode kept in memory: %s", error)
                return False
            except EpisodeRefusedError as error:  # cannot happen for a measured episode
                log.error("episode not stored: %s", error)
            del self._pending[number]
        return True

    @property
    def waiting(self) -> int:
        """How many episodes are held in memory, not yet in the diary."""
        return len(self._pending)

    def stored_id(self, number: int) -> int | None:
        return self._stored_ids.get(number)
