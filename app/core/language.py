"""Which language Unknot speaks: the user's choice, else the desktop's. Standard library only.

The desktop's language comes from the variables the C library reads for messages:
LANGUAGE (a colon-separated list of preferences), then the first of LC_ALL, LC_MESSAGES
and LANG that is set. As in GNU gettext, LANGUAGE counts only when that locale is not
"C" or "POSIX" (nor unset, which is the same): `LC_ALL=C unknot` is in English, as every
other program then is, whatever the session's LANGUAGE says.
"""

from __future__ import annotations

from collections.abc import Mapping

from app.core.text import DEFAULT_LANGUAGE

SYSTEM = "system"  # the choice that follows the desktop
# The languages every content text and the interface are written in.
SUPPORTED: tuple[str, ...] = ("en", "ru")
CHOICES: tuple[str, ...] = (SYSTEM, *SUPPORTED)  # as the Language menu offers them
_C_LOCALES = frozenset({"", "c", "posix"})


def language_of_locale(locale: str) -> str:
    """The language code of a locale name: "ru_RU.UTF-8" -> "ru", "en_GB@euro" -> "en",
    "C.UTF-8" -> "c"; "" for ""."""
    name = locale.strip().split(".", 1)[0].split("@", 1)[0]
    return name.split("_", 1)[0].split("-", 1)[0].lower()


def messages_locale(environ: Mapping[str, str]) -> str:
    """The locale that names the language of messages: LC_ALL, LC_MESSAGES, then LANG."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable, "")
        if value:
            return value
    return ""


def system_language(environ: Mapping[str, str]) -> str:
    """The first supported language the environment asks for; English when it asks for
    none Unknot speaks, or for the C locale."""
    locale = language_of_locale(messages_locale(environ))
    if locale in _C_LOCALES:
        return DEFAULT_LANGUAGE
    for entry in environ.get("LANGUAGE", "").split(":"):
        language = language_of_locale(entry)
        if language in SUPPORTED:
            return language
    return locale if locale in SUPPORTED else DEFAULT_LANGUAGE


def choose_language(choice: str, environ: Mapping[str, str]) -> str:
    """The language to show: the user's choice when Unknot speaks it ("en", "ru"), else
    the desktop's. "system", an empty choice (settings written before the choice existed)
    and a language Unknot does not speak all follow the desktop."""
    chosen = language_of_locale(choice)
    if chosen in SUPPORTED:
        return chosen
    return system_language(environ)
