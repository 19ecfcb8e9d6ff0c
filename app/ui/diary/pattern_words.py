"""The diary's pattern in words: cramps on nights with a routine against nights without.

Core (`app.core.diary_pattern`) gives the figures and whether there are enough nights; the
sentences are made here, through `tr()`, so they are translated with their plurals and the
figures take the locale's decimal mark. The overview and the PDF report both use them.
"""

from __future__ import annotations

from typing import assert_never

from app.core.diary_pattern import MIN_NIGHTS, NightGroup, Pattern, Rate, rate_of
from app.ui.shell.format import number_text
from app.ui.shell.i18n import tr


def nights_text(n: int) -> str:
    return tr("%n night(s)", None, n)


def rate_text(group: NightGroup) -> str:
    """A group's cramps a night in words: "0.4 cramps a night", "no cramps"."""
    rate, figure = rate_of(group)
    match rate:
        case Rate.NONE:
            return tr("no cramps")
        case Rate.UNDER_A_TENTH:
            return tr("fewer than {rate} cramps a night").format(rate=number_text(figure))
        case Rate.PER_NIGHT:
            return tr("{rate} cramps a night").format(rate=number_text(figure))
        case unreachable:
            assert_never(unreachable)


def pattern_text(pattern: Pattern) -> str:
    """The comparison in plain words, or why there is none yet.

    "On nights with a routine you logged 0.4 cramps a night (12 nights); on nights without,
    0.9 cramps a night (20 nights). This is a pattern in your diary, not proof of cause."
    """
    with_routine, without = pattern.with_routine, pattern.without_routine
    if not pattern.enough:
        return tr(
            "Not enough nights to compare yet. This needs at least %n nights with a routine "
            "and %n without in the range shown; so far there are {with_nights} and "
            "{without_nights}.",
            None,
            MIN_NIGHTS,
        ).format(with_nights=with_routine.nights, without_nights=without.nights)
    return tr(
        "On nights with a routine you logged {with_rate} ({with_nights}); on nights without, "
        "{without_rate} ({without_nights}). This is a pattern in your diary, not proof of cause."
    ).format(
        with_rate=rate_text(with_routine),
        with_nights=nights_text(with_routine.nights),
        without_rate=rate_text(without),
        without_nights=nights_text(without.nights),
    )
