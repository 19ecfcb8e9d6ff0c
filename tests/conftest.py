"""Test defaults: no display, no sound card, no real home; every test gets its own data folder."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

# Set before anything imports Qt or SDL, so `uv run pytest` works headless as it is.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"

# Nothing a test runs may write to the real home (it may be read-only): point every
# XDG folder, and Qt's and fontconfig's caches with them, at a throwaway folder.
_SESSION_ROOT = Path(tempfile.mkdtemp(prefix="unknot-tests-"))
for _name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[_name] = str(_SESSION_ROOT / _name.lower())
_RUNTIME = _SESSION_ROOT / "runtime"
_RUNTIME.mkdir(mode=0o700)
os.environ["XDG_RUNTIME_DIR"] = str(_RUNTIME)
# No test may reach the developer's own desktop: no real notifications, no real logind.
# The D-Bus tests start a private bus and pass its address in.
os.environ.pop("DBUS_SESSION_BUS_ADDRESS", None)
os.environ["DBUS_SYSTEM_BUS_ADDRESS"] = f"unix:path={_RUNTIME / 'no-system-bus'}"

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def unknot_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh UNKNOT_HOME for each test."""
    home = tmp_path / "unknot-home"
    monkeypatch.setenv("UNKNOT_HOME", str(home))
    yield home


@pytest.fixture
def project_root() -> Path:
    return PROJECT_ROOT
