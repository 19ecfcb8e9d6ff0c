"""The numbers to call, by region: the table, the locale, and the filled warning signs."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.content import load_content, local_tiers
from app.core.emergency_numbers import (
    REGIONS,
    URGENT_WORDS,
    fill,
    placeholders,
    region_for,
    territory_from_environment,
    territory_of_locale,
)


@pytest.mark.parametrize(
    ("code", "emergency", "urgent"),
    [
        ("GB", "999", "a same-day doctor or an urgent-care service; in the UK NHS 111"),
        ("DE", "112", "a same-day doctor or an urgent-care service"),
        ("FR", "112", "a same-day doctor or an urgent-care service"),
        ("US", "911", "a same-day doctor or an urgent-care service"),
        ("CA", "911", "a same-day doctor or an urgent-care service"),
        ("AU", "000", "a same-day doctor or an urgent-care service"),
        ("RU", "112", "a same-day doctor or an urgent-care service; in Russia 103"),
        ("JP", "112", "a same-day doctor or an urgent-care service"),  # unknown: 112
        ("", "112", "a same-day doctor or an urgent-care service"),
    ],
)
def test_each_region_has_its_numbers(code: str, emergency: str, urgent: str) -> None:
    region = region_for(code)
    assert fill("Call emergency services ({emergency}) if", region) == (
        f"Call emergency services ({emergency}) if"
    )
    assert fill("Get urgent care today ({urgent}) if", region) == (
        f"Get urgent care today ({urgent}) if"
    )


def test_the_region_comes_from_the_locale_variables_in_order() -> None:
    assert territory_of_locale("en_GB.UTF-8") == "GB"
    assert territory_of_locale("de_DE@euro") == "DE"
    assert territory_of_locale("C.UTF-8") == ""
    assert territory_of_locale("POSIX") == ""
    both = {"LC_ALL": "ru_RU.UTF-8", "LC_MESSAGES": "en_US.UTF-8", "LANG": "en_GB.UTF-8"}
    assert territory_from_environment(both) == "RU"
    assert territory_from_environment({"LC_ALL": "", "LANG": "en_AU.UTF-8"}) == "AU"
    assert territory_from_environment({"LC_MESSAGES": "fr_CA", "LANG": "en_GB"}) == "CA"
    assert territory_from_environment({}) == ""
    assert region_for(territory_from_environment({})).emergency == "112"


RUSSIAN_URGENT_TITLE = "Сегодня же обратитесь за медицинской помощью ({urgent}), если"


@pytest.mark.parametrize(
    ("code", "urgent"),
    [
        ("RU", "к врачу в тот же день или в службу неотложной помощи; в России — 103"),
        ("GB", "к врачу в тот же день или в службу неотложной помощи; в Великобритании — NHS 111"),
        ("DE", "к врачу в тот же день или в службу неотложной помощи"),
        ("", "к врачу в тот же день или в службу неотложной помощи"),
    ],
)
def test_the_urgent_care_words_are_russian_in_russian_text(code: str, urgent: str) -> None:
    region = region_for(code)
    assert fill(RUSSIAN_URGENT_TITLE, region, "ru") == (
        f"Сегодня же обратитесь за медицинской помощью ({urgent}), если"
    )
    assert fill(RUSSIAN_URGENT_TITLE, region, "ru_RU") == fill(RUSSIAN_URGENT_TITLE, region, "ru")
    assert fill("Звоните ({emergency})", region, "ru") == f"Звоните ({region.emergency})"


def test_russia_is_112_for_emergencies_and_103_for_urgent_care() -> None:
    russia = region_for("RU")
    assert placeholders(russia, "ru") == {
        "emergency": "112",
        "urgent": "к врачу в тот же день или в службу неотложной помощи; в России — 103",
    }
    assert placeholders(russia, "en") == {
        "emergency": "112",
        "urgent": "a same-day doctor or an urgent-care service; in Russia 103",
    }


def test_a_language_without_its_own_words_gets_the_english_ones() -> None:
    assert placeholders(region_for("GB"), "de") == placeholders(region_for("GB"), "en")


def test_every_language_names_the_place_of_every_urgent_line() -> None:
    # A region given an urgent line must be named in every language, or the Russian
    # sentence would carry the English "in the UK".
    with_lines = {region.code for region in REGIONS if region.urgent_line}
    assert with_lines == {"GB", "RU"}
    for language, words in URGENT_WORDS.items():
        assert set(words.places) == with_lines, language


def test_russian_warning_signs_are_filled_with_russian_words(project_root: Path) -> None:
    content = load_content(project_root / "assets" / "content", project_root / "assets")
    tiers = local_tiers(content.warning_tiers, region_for("RU"))
    assert [tier.title.get("ru") for tier in tiers] == [
        "Звоните в экстренные службы (112), если",
        "Сегодня же обратитесь за медицинской помощью (к врачу в тот же день или в службу"
        " неотложной помощи; в России — 103), если",
        "Запишитесь на приём к врачу, если",
    ]
    assert [tier.title.get("en") for tier in tiers] == [
        "Call emergency services (112) if",
        "Get urgent care today (a same-day doctor or an urgent-care service; in Russia 103) if",
        "See a doctor if",
    ]
