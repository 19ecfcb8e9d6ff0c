"""What the diary may tell you: cramps on nights with a routine against nights without.

Pure and Qt-free: the figures and whether there are enough nights to give them; the
interface words them (`app.ui.diary.pattern_words`). The comparison is a pattern in one
person's diary, never a finding: the words say how many nights stand behind each figure
and that it is not proof, and nothing is compared while either kind of night is too rare
for a figure to mean anything.

Which nights are compared, within the range shown:

- only nights that are over: tonight is left out, as a routine or a cramp may still come;
- only nights since the diary began: before its first record nothing was written down, and
  those empty nights would read as nights without a routine and without cramps;
- a night "with a routine" is one with a routine played to the end, as everywhere in the
  diary (`diary_stats.routine_done`); a routine stopped early makes a night without.

Nights are dates (see `app.core.nights`), so a night across a change of clocks counts once,
like any other.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

# Nights needed of each kind before anything is said. With fewer than a week of either,
# one bad night moves its figure by a large step (one cramp over 5 nights is 0.2 a night),
# and a difference between the two would be mostly chance.
MIN_NIGHTS = 7


@dataclass(frozen=True)
class NightGroup:
    """Some nights and the cramps logged in them."""

    nights: int = 0
    cramps: int = 0

    @property
    def per_night(self) -> float:
        return self.cramps / self.nights if self.nights else 0.0


@dataclass(frozen=True)
class Pattern:
    """Cramps on the nights with a routine and on those without, `first` to `last`."""

    first: date | None  # the first night compared; None when no night is
    last: date | None
    with_routine: NightGroup
    without_routine: NightGroup

    @property
    def enough(self) -> bool:
        """Whether both kinds of night are common enough to compare at all."""
        return min(self.with_routine.nights, self.without_routine.nights) >= MIN_NIGHTS


NO_PATTERN = Pattern(None, None, NightGroup(), NightGroup())


def nights_compared(first: date, tonight: date, earliest: date | None) -> tuple[date, date] | None:
    """The first and last night to compare in a range `first` to `tonight`; None if none.

    From the later of `first` and the diary's first night, to the night before tonight.
    """
    if earliest is None:
        return None
    start, end = max(first, earliest), tonight - timedelta(days=1)
    return (start, end) if start <= end else None


def compare(first: date, last: date, nights: Iterable[tuple[int, int]]) -> Pattern:
    """The pattern over nights `first` to `last`, given (routines done, cramps) per night."""
    with_nights = with_cramps = without_nights = without_cramps = 0
    for routines, cramps in nights:
        if routines:
            with_nights += 1
            with_cramps += cramps
        else:
            without_nights += 1
            without_cramps += cramps
    return Pattern(
        first,
        last,
        NightGroup(with_nights, with_cramps),
        NightGroup(without_nights, without_cramps),
    )


class Rate(Enum):
    """How a group's cramps a night are to be said."""

    NONE = "none"  # no cramps at all
    UNDER_A_TENTH = "under a tenth"  # rounded to one place it would read as none
    PER_NIGHT = "per night"  # the figure, to one decimal place


def rate_of(group: NightGroup) -> tuple[Rate, float]:
    """How to say a group's cramps a night, and the figure rounded to one place.

    The words are the interface's, in its language (`app.ui.diary.pattern_words`): core
    gives the numbers and which case they fall in, so "0.4" and "0,4" come from one figure.
    """
    if group.cramps == 0:
        return Rate.NONE, 0.0
    if group.per_night < 0.05:
        return Rate.UNDER_A_TENTH, 0.1
    return Rate.PER_NIGHT, round(group.per_night, 1)
