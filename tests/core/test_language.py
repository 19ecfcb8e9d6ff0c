"""Which language Unknot speaks: the user's choice, the desktop's variables, old settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.language import (
    CHOICES,
    choose_language,
    language_of_locale,
    system_language,
)
from app.core.settings import Settings, SettingsStore


@pytest.mark.parametrize(
    ("locale", "language"),
    [
        ("ru_RU.UTF-8", "ru"),
        ("ru_UA", "ru"),
        ("en_GB.UTF-8@euro", "en"),
        ("de_DE@euro", "de"),
        ("pt-BR", "pt"),
        ("RU", "ru"),
        ("C.UTF-8", "c"),
        ("POSIX", "posix"),
        ("", ""),
    ],
)
def test_a_locale_name_gives_its_language(locale: str, language: str) -> None:
    assert language_of_locale(locale) == language


@pytest.mark.parametrize(
    ("environ", "language"),
    [
        ({"LANG": "ru_RU.UTF-8"}, "ru"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),  # a language Unknot does not speak: English
        ({"LANG": "C"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "POSIX"}, "en"),
        ({}, "en"),
        # LC_ALL before LC_MESSAGES before LANG; an empty one is skipped.
        ({"LC_ALL": "ru_RU.UTF-8", "LC_MESSAGES": "en_GB", "LANG": "en_GB"}, "ru"),
        ({"LC_ALL": "", "LC_MESSAGES": "ru_RU", "LANG": "en_GB"}, "ru"),
        ({"LC_MESSAGES": "en_GB", "LANG": "ru_RU.UTF-8"}, "en"),
        # LANGUAGE's list comes first: its first language Unknot speaks wins.
        ({"LANGUAGE": "ru:en", "LANG": "en_GB.UTF-8"}, "ru"),
        ({"LANGUAGE": "de:ru_RU:en", "LANG": "de_DE.UTF-8"}, "ru"),
        ({"LANGUAGE": "en_GB:en", "LANG": "ru_RU.UTF-8"}, "en"),
        # ... and when it lists none Unknot speaks, the locale decides.
        ({"LANGUAGE": "de:fr", "LANG": "ru_RU.UTF-8"}, "ru"),
        ({"LANGUAGE": "", "LANG": "ru_RU.UTF-8"}, "ru"),
        # The C locale wins over LANGUAGE, as in GNU gettext: `LC_ALL=C unknot` is English.
        ({"LANGUAGE": "ru", "LC_ALL": "C", "LANG": "ru_RU.UTF-8"}, "en"),
        ({"LANGUAGE": "ru"}, "en"),
    ],
)
def test_the_desktop_language_comes_from_the_variables_in_order(
    environ: dict[str, str], language: str
) -> None:
    assert system_language(environ) == language


RUSSIAN_DESKTOP = {"LANG": "ru_RU.UTF-8"}
ENGLISH_DESKTOP = {"LANG": "en_GB.UTF-8"}


@pytest.mark.parametrize(
    ("choice", "on_russian", "on_english"),
    [
        ("system", "ru", "en"),
        ("", "ru", "en"),  # settings written before the choice existed
        ("en", "en", "en"),
        ("ru", "ru", "ru"),
        ("ru_RU", "ru", "ru"),
        ("de", "ru", "en"),  # one Unknot does not speak: the desktop's
        ("Русский", "ru", "en"),
    ],
)
def test_the_user_s_choice_wins_when_unknot_speaks_it(
    choice: str, on_russian: str, on_english: str
) -> None:
    assert choose_language(choice, RUSSIAN_DESKTOP) == on_russian
    assert choose_language(choice, ENGLISH_DESKTOP) == on_english


def test_the_menu_offers_system_english_and_russian() -> None:
    assert CHOICES == ("system", "en", "ru")


def test_a_new_user_follows_the_desktop() -> None:
    assert choose_language(Settings().language, RUSSIAN_DESKTOP) == "ru"
    assert choose_language(Settings().language, ENGLISH_DESKTOP) == "en"


@pytest.mark.parametrize(
    ("saved", "loaded", "shown"),
    [
        ("''", "", "ru"),  # what every settings file so far holds
        ("system", "system", "ru"),
        ("en", "en", "en"),
        ("ru", "ru", "ru"),
        ("de", "de", "ru"),  # kept as written, and the file is not set aside
    ],
)
def test_settings_files_load_with_any_language_value(
    tmp_path: Path, saved: str, loaded: str, shown: str
) -> None:
    path = tmp_path / "settings.yaml"
    path.write_text(f"schema_version: 1\ntheme: dark\nlanguage: {saved}\n", encoding="utf-8")
    settings, problem = SettingsStore(path).load()
    assert problem is None
    assert settings.theme == "dark"
    assert settings.language == loaded
    assert choose_language(settings.language, RUSSIAN_DESKTOP) == shown


def test_a_chosen_language_is_saved_and_read_back(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.yaml")
    store.save(Settings().replace(language="ru"))
    assert "language: ru\n" in (tmp_path / "settings.yaml").read_text(encoding="utf-8")
    settings, problem = store.load()
    assert problem is None
    assert choose_language(settings.language, ENGLISH_DESKTOP) == "ru"
