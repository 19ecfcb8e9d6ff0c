"""Which numbers to call: emergency services and urgent care, by the user's region.

The warning signs carry `{emergency}` and `{urgent}` where these go; they are filled at
display time, so a change of region (or of the system's locale) shows at once.

Sources: the content brief, section 6 (112 in the EU and Russia, 999 in the UK, 911 in
the US and Canada, 000 in Australia, 112 when unknown; urgent care: "a same-day doctor or
an urgent-care service; in the UK NHS 111"), itself from NHS, NHS DVT guidance and the
national services; Russia's 103 (the ambulance line) for urgent care as issue 12 asks.
112 is also the fallback because it is the EU-wide number and mobile phones in many other
countries route it to their emergency services.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

FALLBACK_EMERGENCY = "112"
# Where no urgent line is known: the content brief's general words.
GENERAL_URGENT = "a same-day doctor or an urgent-care service"


@dataclass(frozen=True)
class UrgentWords:
    """How one language says the urgent-care phrase around a region's line."""

    general: str  # the phrase with no line: "a same-day doctor or an urgent-care service"
    line: str  # "{general}; {place} {line}": where the region's line goes
    places: Mapping[str, str]  # region code -> "in the UK"


# The Russian phrase follows "обратитесь" in its title ("Сегодня же обратитесь за
# медицинской помощью (...), если"), so it says where to turn: к врачу, в службу. A dash
# stands for the missing verb before the number, as Russian writes it ("в России — 103").
URGENT_WORDS: dict[str, UrgentWords] = {
    "en": UrgentWords(
        GENERAL_URGENT, "{general}; {place} {line}", {"GB": "in the UK", "RU": "in Russia"}
    ),
    "ru": UrgentWords(
        "к врачу в тот же день или в службу неотложной помощи",
        "{general}; {place} — {line}",
        {"GB": "в Великобритании", "RU": "в России"},
    ),
}

# The 27 member states of the EU (ISO 3166 codes; Greece is GR here, not EL).
EU_COUNTRIES = frozenset(
    {
        *("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU"),
        *("IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"),
    }
)


@dataclass(frozen=True)
class Region:
    code: str  # what the setting stores
    name: str  # as the Region menu shows it
    emergency: str  # the number to call
    urgent_line: str = ""  # the same-day line, if the region has one
    urgent_place: str = ""  # "in the UK", for the sentence (other languages: URGENT_WORDS)


REGIONS: tuple[Region, ...] = (
    Region("GB", "United Kingdom", "999", "NHS 111", "in the UK"),
    Region("EU", "European Union", "112"),
    Region("US", "United States", "911"),
    Region("CA", "Canada", "911"),
    Region("AU", "Australia", "000"),
    Region("RU", "Russia", "112", "103", "in Russia"),
    Region("OTHER", "Somewhere else", FALLBACK_EMERGENCY),
)
_BY_CODE = {region.code: region for region in REGIONS}
# Locale territories that name the same region as a menu entry.
_ALIASES = {"UK": "GB"}


def region_for(code: str) -> Region:
    """The region for a setting or a locale's territory ("GB", "DE", "EU"...); somewhere
    else (112) when unknown."""
    code = _ALIASES.get(code.upper(), code.upper())
    if code in EU_COUNTRIES:
        code = "EU"
    return _BY_CODE.get(code, _BY_CODE["OTHER"])


def territory_of_locale(locale: str) -> str:
    """ "en_GB.UTF-8@euro" -> "GB"; "" when the locale names no territory ("C", "POSIX")."""
    name = locale.split(".", 1)[0].split("@", 1)[0]
    _, _, territory = name.partition("_")
    return territory.upper() if len(territory) == 2 and territory.isalpha() else ""


def territory_from_environment(environ: Mapping[str, str]) -> str:
    """The territory of the first locale variable that is set, as the C library picks
    them (LC_ALL, then LC_MESSAGES, then LANG)."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable, "")
        if value:
            return territory_of_locale(value)
    return ""


def urgent_words(language: str) -> UrgentWords:
    """The urgent-care wording for `language` ("ru", "ru_RU"), else English."""
    words = URGENT_WORDS.get(language) or URGENT_WORDS.get(language.split("_", 1)[0])
    return words or URGENT_WORDS["en"]


def placeholders(region: Region, language: str = "en") -> dict[str, str]:
    """The words for `{emergency}` and `{urgent}` in the warning signs, in `language`."""
    words = urgent_words(language)
    urgent = words.general
    if region.urgent_line:
        place = words.places.get(region.code, region.urgent_place)
        urgent = words.line.format(general=words.general, place=place, line=region.urgent_line)
    return {"emergency": region.emergency, "urgent": urgent}


def fill(text: str, region: Region, language: str = "en") -> str:
    """`text` (written in `language`) with its placeholders filled; a stray brace is left
    as written."""
    values = placeholders(region, language)
    for key, value in values.items():
        text = text.replace("{" + key + "}", value)
    return text
