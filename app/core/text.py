"""Choosing one language from translated text. Standard library only."""

from __future__ import annotations

from collections.abc import Mapping

DEFAULT_LANGUAGE = "en"


def pick_language(translations: Mapping[str, str], language: str = DEFAULT_LANGUAGE) -> str:
    """The text in `language` (or its base, "pt" for "pt_BR"), else English, else any."""
    for candidate in (language, language.split("_", maxsplit=1)[0], DEFAULT_LANGUAGE):
        if candidate in translations:
            return translations[candidate]
    return next(iter(translations.values()), "")
