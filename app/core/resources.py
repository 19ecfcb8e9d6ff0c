"""Where the bundled routines, assets and desktop files are: inside the installed package,
or at the top of a source checkout.

A wheel carries routines/, assets/ and data/ inside the `app` package (pyproject's
force-include); a checkout keeps them beside app/, where people edit them. Wheels are
installed as plain files (pip, uv, pipx), so the package's folder is what
`importlib.resources.files("app")` would return; it is found from this file instead because
importing importlib.resources pulls in zipfile and tempfile, milliseconds the launch path
saves everywhere else. tests/test_packaging.py checks that the two agree in an installed
wheel.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent.parent
PROJECT_ROOT = PACKAGE_DIR.parent


def _bundled(name: str) -> Path:
    """The folder `name`: the installed package's own copy, else the checkout's."""
    inside = PACKAGE_DIR / name
    return inside if inside.is_dir() else PROJECT_ROOT / name


ROUTINES_DIR = _bundled("routines")
ASSETS_DIR = _bundled("assets")
DATA_DIR = _bundled("data")
SOUNDS_DIR = ASSETS_DIR / "sounds"
ICONS_DIR = ASSETS_DIR / "icons"
