"""The interface's language: which one it is, Qt's translators for it, and `tr` for modules.

How a string reaches its translation (docs/translations.md): pyside6-lupdate files
`self.tr("...")` under the class it is written in, and a bare `tr("...")` under the empty
context. At run time PySide6 looks `self.tr` up under each class of the object's MRO, so a
subclass still finds its base's strings; a bare `tr` (this module's) translates under the
empty context too. Both match what lupdate extracts. Plurals (`%n`) go through this
module's `tr`, never `self.tr`: PySide6 stops at the first class whose lookup differs from
the source text, and a plural always does once `%n` is filled in, so a subclass would get
its own untranslated context.

The language is chosen once, at start-up: the translators are global to the application,
and the pages built before a change would keep the old words.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.core.language import choose_language
from app.core.text import DEFAULT_LANGUAGE

TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "translations"
CATALOGUE = "unknot"  # unknot_ru.ts -> unknot_ru.qm

_state = {"language": DEFAULT_LANGUAGE}
_installed: list[QTranslator] = []


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """`text` in the interface's language; `n` picks a plural form and fills in `%n`."""
    return QCoreApplication.translate("", text, disambiguation, n)


def active_language() -> str:
    """The language the interface speaks ("en" until a translator is installed); the
    content texts (routines, warning signs, tips) are shown in the same one."""
    return _state["language"]


def catalogue_path(language: str) -> Path:
    return TRANSLATIONS_DIR / f"{CATALOGUE}_{language}.qm"


def locale_for(language: str, system: QLocale | None = None) -> QLocale:
    """The locale for dates, times and numbers: the desktop's when it speaks `language`
    (so en_US keeps its 12-hour clock and en_GB its 24), else that language's own."""
    system = system if system is not None else QLocale.system()
    if QLocale(language).language() == system.language():
        return system
    return QLocale(language)


def install(app: QCoreApplication, choice: str, environ: Mapping[str, str] | None = None) -> str:
    """Speak the language `choice` names ("system", "en", "ru"), or the desktop's; returns the
    language chosen. Unknot's catalogue and Qt's own (its dialog buttons, the text fields'
    menus) are both loaded; English needs only its plurals."""
    language = choose_language(choice, os.environ if environ is None else environ)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language != DEFAULT_LANGUAGE:
        if _load(app, language):
            qt_own = QTranslator(app)
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt_own.load(f"qtbase_{language}", qt_dir):
                app.installTranslator(qt_own)
                _installed.append(qt_own)
        else:
            language = DEFAULT_LANGUAGE  # no catalogue: English words, not a mix
    if language == DEFAULT_LANGUAGE:
        # English's catalogue holds only its plurals: "%n night(s)" -> "1 night", "2 nights".
        _load(app, language)
    QLocale.setDefault(locale_for(language))
    _state["language"] = language
    return language


def _load(app: QCoreApplication, language: str) -> bool:
    translator = QTranslator(app)
    if not translator.load(str(catalogue_path(language))):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True


def said_in(language: str, text: str) -> str:
    """`text` in `language` rather than the interface's: a change of language is announced
    in the language chosen, which the user reads, rather than in the one being left."""
    if language == DEFAULT_LANGUAGE:
        return text
    translator = QTranslator()
    if translator.load(str(catalogue_path(language))):
        return translator.translate("", text) or text
    return text
