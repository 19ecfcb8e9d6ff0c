"""The routine list: equal cards with pictures, one length format, user routines marked,
and the "Tonight" line from plain values the shell passes in."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.core.launch_snapshot import RoutineCard as CardData
from app.core.library import cards, load_all
from app.core.storage import AppPaths
from app.ui.routines.routine_list import RoutineListPage, Tonight

NOW = datetime(2026, 1, 5, 21, 30, tzinfo=UTC)


@pytest.fixture
def page(qtbot: QtBot, unknot_home: Path) -> RoutineListPage:
    library = load_all(AppPaths.resolve(unknot_home))
    found = cards(library)
    found[-1] = replace(found[-1], bundled=False)  # as if from the user's folder
    widget = RoutineListPage(found, "en")
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    qtbot.waitExposed(widget)
    routines = library.routines
    widget.show_pictures(
        {card.id: routines[card.id].steps[0].exercise.illustration for card in found}
    )
    return widget


def test_cards_are_equal_with_a_picture_and_minutes(qtbot: QtBot, page: RoutineListPage) -> None:
    first, second, third, fourth = page.cards
    assert len({card.width() for card in page.cards}) == 1
    # A row's cards share their top and their height, whatever each one says.
    assert (first.y(), first.height()) == (second.y(), second.height())
    assert (third.y(), third.height()) == (fourth.y(), fourth.height())
    assert all(card.picture is not None and card.picture.has_pictures for card in page.cards)
    assert [card.length.text() for card in page.cards] == ["3 min", "9 min", "10 min", "10 min"]


def test_a_short_routine_is_said_in_minutes_too(qtbot: QtBot) -> None:
    short = CardData("x", {"en": "Short"}, {"en": "Brief."}, (), 68_000, True)
    widget = RoutineListPage([short], "en")
    qtbot.addWidget(widget)
    assert widget.cards[0].length.text() == "1 min"


def test_the_users_own_routine_is_marked(page: RoutineListPage) -> None:
    assert [card.own_mark is not None for card in page.cards] == [False, False, False, True]
    mark = page.cards[-1].own_mark
    assert mark is not None and mark.text() == "Your routine"


def test_tonight_says_the_next_reminder_its_routine_and_the_last_routine(
    page: RoutineListPage,
) -> None:
    page.show_tonight(
        Tonight(
            NOW,
            last_done=datetime(2026, 1, 4, 22, 41, tzinfo=UTC),
            reminder="Next reminder: tonight 22:30",
            suggested="before-sleep",
        )
    )
    assert page.tonight_line.text() == (
        "Next reminder: tonight 22:30, for Before-sleep stretch · Last routine: yesterday 22:41"
    )
    assert page.cards[0].tonight_mark.isVisible()
    assert not page.cards[1].tonight_mark.isVisible()


def test_without_reminders_or_a_routine_done_there_is_no_tonight_line(
    page: RoutineListPage,
) -> None:
    page.show_tonight(Tonight(NOW))
    assert page.tonight_line.isHidden()


@pytest.mark.parametrize("size", [(760, 520), (520, 600)])
def test_every_card_is_as_tall_as_the_tallest_and_none_is_cut(
    qtbot: QtBot, page: RoutineListPage, size: tuple[int, int]
) -> None:
    from PySide6.QtWidgets import QApplication

    page.resize(*size)
    for _ in range(3):  # the resize, the new hints, the common height
        QApplication.processEvents()
    heights = {card.height() for card in page.cards}
    assert len(heights) == 1, f"rows of different heights: {sorted(heights)}"
    for card in page.cards:
        layout = card.layout()
        assert layout is not None
        assert card.height() >= layout.totalHeightForWidth(card.width())
