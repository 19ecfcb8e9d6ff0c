"""The diary's pattern in words, in English and in Russian with its plurals and decimal comma."""

# ruff: noqa: RUF001 -- Russian expected on screen, its Cyrillic letters meant
from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from app.core.diary_pattern import NO_PATTERN, NightGroup, compare
from app.ui.diary.pattern_words import nights_text, pattern_text, rate_text
from app.ui.shell import i18n

FIRST = date(2026, 3, 1)
PATTERN = compare(FIRST, FIRST, [(1, 0)] * 8 + [(1, 1)] * 2 + [(0, 1)] * 9 + [(0, 2)] * 11)


@pytest.fixture
def russian(qapp: QApplication) -> Iterator[None]:
    assert i18n.install(qapp, "ru") == "ru"
    yield
    i18n.install(qapp, "en")
    QLocale.setDefault(QLocale.c())


def test_the_words_give_both_figures_the_nights_behind_them_and_say_it_is_not_proof() -> None:
    assert pattern_text(PATTERN) == (
        "On nights with a routine you logged 0.2 cramps a night (10 nights); on nights "
        "without, 1.6 cramps a night (20 nights). This is a pattern in your diary, not proof "
        "of cause."
    )


def test_too_few_nights_say_how_many_are_needed_and_nothing_else() -> None:
    one_short = compare(FIRST, FIRST, [(1, 0)] * 6 + [(0, 1)] * 30)
    assert pattern_text(one_short) == (
        "Not enough nights to compare yet. This needs at least 7 nights with a routine and 7 "
        "without in the range shown; so far there are 6 and 30."
    )
    assert pattern_text(NO_PATTERN).endswith("so far there are 0 and 0.")


def test_rates_in_words() -> None:
    assert rate_text(NightGroup(12, 0)) == "no cramps"
    assert rate_text(NightGroup(30, 1)) == "fewer than 0.1 cramps a night"
    assert rate_text(NightGroup(12, 5)) == "0.4 cramps a night"
    assert rate_text(NightGroup(7, 7)) == "1.0 cramps a night"
    assert [nights_text(n) for n in (1, 2)] == ["1 night", "2 nights"]


def test_russian_words_take_the_decimal_comma_and_three_plural_forms(russian: None) -> None:
    assert pattern_text(PATTERN) == (
        "В ночи с комплексом вы отмечали 0,2 судороги за ночь (10 ночей); в ночи без него — "
        "1,6 судороги за ночь (20 ночей). Это закономерность в вашем дневнике, а не "
        "доказательство причины."
    )
    assert [nights_text(n) for n in (1, 2, 5, 21)] == ["1 ночь", "2 ночи", "5 ночей", "21 ночь"]
    assert rate_text(NightGroup(30, 1)) == "меньше 0,1 судороги за ночь"
