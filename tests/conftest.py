"""Test defaults: no display, no sound card, no real home; every test gets its own folders."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

# Set before anything imports Qt or SDL, so `uv run pytest` works headless as it is.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"

XDG_HOMES = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME")

# Nothing a test runs may write to the real home (it may be read-only). These session-wide
# folders cover what runs before any fixture (imports, the QApplication); each test then
# gets folders of its own below, so what one test writes (an installed launcher, a config
# file) is never seen by another, whatever the order. The whole root goes at the end.
_SESSION_ROOT = Path(tempfile.mkdtemp(prefix="unknot-tests-"))
for _name in XDG_HOMES:
    os.environ[_name] = str(_SESSION_ROOT / _name.lower())
os.environ["HOME"] = str(_SESSION_ROOT / "home")
_RUNTIME = _SESSION_ROOT / "runtime"
_RUNTIME.mkdir(mode=0o700)
os.environ["XDG_RUNTIME_DIR"] = str(_RUNTIME)
# No test may reach the developer's own desktop: no real notifications, no real logind.
# The D-Bus tests start a private bus and pass its address in.
os.environ.pop("DBUS_SESSION_BUS_ADDRESS", None)
os.environ["DBUS_SYSTEM_BUS_ADDRESS"] = f"unix:path={_RUNTIME / 'no-system-bus'}"

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(_SESSION_ROOT, ignore_errors=True)


@pytest.fixture(autouse=True)
def own_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A home and XDG folders for this test alone; gone with its tmp_path."""
    root = tmp_path / "xdg"
    for name in XDG_HOMES:
        monkeypatch.setenv(name, str(root / name.lower()))
    monkeypatch.setenv("HOME", str(root / "home"))
    # The runtime folder holds the instance's socket, whose path may be at most about
    # 100 bytes: a short folder under the session root rather than inside tmp_path.
    runtime = Path(tempfile.mkdtemp(prefix="r", dir=_SESSION_ROOT))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    yield root
    shutil.rmtree(runtime, ignore_errors=True)


@pytest.fixture(autouse=True)
def unknot_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh UNKNOT_HOME for each test."""
    home = tmp_path / "unknot-home"
    monkeypatch.setenv("UNKNOT_HOME", str(home))
    yield home


@pytest.fixture
def project_root() -> Path:
    return PROJECT_ROOT
