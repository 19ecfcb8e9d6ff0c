"""The numbers to call, by region: the table, the locale, and the filled warning signs."""

from __future__ import annotations

import pytest

from app.core.emergency_numbers import (
    fill,
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
