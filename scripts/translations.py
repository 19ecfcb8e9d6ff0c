"""Update the interface's translation sources and build what the app loads.

    uv run python scripts/translations.py update   # the strings in app/ui -> every .ts
    uv run python scripts/translations.py build    # every .ts -> its .qm, beside it

`update` keeps what is translated and marks new strings unfinished; `build` refuses a .ts
with an unfinished or empty translation, so English never slips into a Russian screen
unnoticed. The .qm files are committed: the wheel carries them and the app needs no Qt tool
at run time; tests/ui/shell/test_translations.py fails when one is not what its .ts builds.
See docs/translations.md.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "app" / "ui"
TRANSLATIONS = SOURCES / "translations"
LANGUAGES = {"ru": "ru_RU", "en": "en_GB"}
# English is the source language: its catalogue holds only the plurals, whose source text
# ("%n night(s)") is not yet English until the catalogue gives "1 night" and "2 nights".
PLURALS_ONLY = {"en"}


def ts_path(language: str) -> Path:
    return TRANSLATIONS / f"unknot_{language}.ts"


def qm_path(language: str) -> Path:
    return ts_path(language).with_suffix(".qm")


def sources() -> list[Path]:
    return sorted(p for p in SOURCES.rglob("*.py") if "__pycache__" not in p.parts)


def lupdate(ts: Path, language: str, files: list[Path] | None = None) -> None:
    """Extract the strings into `ts` (made or merged). No line numbers: the file changes
    only when a string does, not whenever code moves."""
    listed = [str(p) for p in (files if files is not None else sources())]
    subprocess.run(
        [
            "pyside6-lupdate",
            *listed,
            "-ts",
            str(ts),
            "-no-obsolete",
            "-locations",
            "none",
            "-target-language",
            LANGUAGES[language],
            "-silent",
            *(["-pluralonly"] if language in PLURALS_ONLY else []),
        ],
        check=True,
    )


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run(["pyside6-lrelease", "-silent", str(ts), "-qm", str(qm)], check=True)


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else ""
    if command == "update":
        TRANSLATIONS.mkdir(parents=True, exist_ok=True)
        for language in LANGUAGES:
            lupdate(ts_path(language), language)
            print(f"updated {ts_path(language).relative_to(ROOT)}")
        return 0
    if command == "build":
        from xml.etree import ElementTree

        failed = False
        for language in LANGUAGES:
            ts = ts_path(language)
            untranslated = [
                m.findtext("source")
                for m in ElementTree.parse(ts).iter("message")
                if (t := m.find("translation")) is not None
                and (t.get("type") == "unfinished" or not "".join(t.itertext()).strip())
            ]
            if untranslated:
                failed = True
                print(f"{ts.relative_to(ROOT)}: {len(untranslated)} untranslated, e.g.")
                for source in untranslated[:10]:
                    print(f"  {source!r}")
                continue
            lrelease(ts, qm_path(language))
            print(f"built {qm_path(language).relative_to(ROOT)}")
        return 1 if failed else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
