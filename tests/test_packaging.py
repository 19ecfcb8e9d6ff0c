"""The wheel, installed the usual way, carries its routines, assets and desktop files.

Builds the wheel with `uv build`, installs it with pip into a fresh `python -m venv`, and
runs the installed `unknot` from a folder outside the checkout. Only our wheel is installed
(`--no-deps`, no index): its dependencies (PySide6 alone is about 100 MB) come from this
project's own environment through PYTHONPATH, which adds their folder without its .pth
files, so the checkout's editable install stays out of sight.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import DESKTOP_ID, __version__

ROOT = Path(__file__).resolve().parent.parent
BUNDLED_ROUTINES = {"before-sleep", "emergency", "evening-stretch", "gentle", "strength"}

pytestmark = pytest.mark.skipif(shutil.which("uv") is None, reason="uv is not installed")


class Installed:
    def __init__(self, venv: Path, wheel: Path, workdir: Path) -> None:
        self.venv = venv
        self.wheel = wheel
        self.workdir = workdir
        self.python = venv / "bin" / "python"
        self.unknot = venv / "bin" / "unknot"
        self.env = {
            **os.environ,
            "PYTHONPATH": sysconfig.get_path("purelib"),
            "UNKNOT_HOME": str(workdir / "home"),
            "XDG_DATA_HOME": str(workdir / "xdg-data"),
        }
        self.env.pop("VIRTUAL_ENV", None)

    def run(self, *args: str | Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(arg) for arg in args],
            cwd=self.workdir,  # not the checkout: its app/ must not be what gets imported
            env=self.env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )

    def package_dir(self) -> Path:
        (site,) = (self.venv / "lib").glob("python3*/site-packages")
        return site / "app"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    root = tmp_path_factory.mktemp("packaging")
    dist = root / "dist"
    subprocess.run(
        ["uv", "build", "--wheel", "--quiet", "--out-dir", str(dist)],
        cwd=ROOT,
        check=True,
        timeout=120,
    )
    (wheel,) = dist.glob("*.whl")
    venv = root / "venv"
    base_python = getattr(sys, "_base_executable", sys.executable)
    subprocess.run([base_python, "-m", "venv", str(venv)], check=True, timeout=120)
    pip = [venv / "bin" / "python", "-m", "pip", "--disable-pip-version-check"]
    subprocess.run(
        [*pip, "install", "--quiet", "--no-deps", "--no-index", str(wheel)],
        check=True,
        timeout=120,
    )
    workdir = root / "work"
    workdir.mkdir()
    yield Installed(venv, wheel, workdir)
    shutil.rmtree(root, ignore_errors=True)


def test_the_wheel_carries_routines_assets_and_desktop_files(installed: Installed) -> None:
    names = zipfile.ZipFile(installed.wheel).namelist()
    tops = {name.split("/")[0] for name in names}
    assert tops == {"app", f"unknot-{__version__}.dist-info"}
    assert "app/routines/exercises.yaml" in names
    assert "app/assets/sounds/reminder.wav" in names
    assert f"app/data/{DESKTOP_ID}.desktop" in names
    assert f"app/data/{DESKTOP_ID}.metainfo.xml" in names
    assert f"app/data/icons/hicolor/48x48/apps/{DESKTOP_ID}.png" in names
    assert not [name for name in names if "__pycache__" in name or name.endswith(".pyc")]


def test_the_installed_package_finds_its_own_data(installed: Installed) -> None:
    code = (
        "import importlib.resources, app, app.core.resources as r\n"
        "print(app.__file__)\n"
        "print(r.ROUTINES_DIR)\n"
        "print(importlib.resources.files('app') / 'routines')\n"
        "print(r.DATA_DIR)\n"
    )
    result = installed.run(installed.python, "-c", code)
    assert result.returncode == 0, result.stderr
    init, routines, by_importlib, data = result.stdout.splitlines()
    package = installed.package_dir()
    assert Path(init) == package / "__init__.py"
    assert Path(routines) == package / "routines" == Path(by_importlib)
    assert Path(data) == package / "data"


def test_unknot_lists_the_bundled_routines(installed: Installed) -> None:
    result = installed.run(installed.unknot, "--list")
    assert result.returncode == 0, result.stderr
    listed = {line.split("\t")[0] for line in result.stdout.splitlines()}
    assert listed >= BUNDLED_ROUTINES
    assert "evening-stretch\tEvening calf stretch\t" in result.stdout


def test_unknot_validates_a_bundled_routine(installed: Installed) -> None:
    routine = installed.package_dir() / "routines" / "evening-stretch.yaml"
    result = installed.run(installed.unknot, "--validate", routine)
    assert (result.returncode, result.stdout) == (0, "")
    assert result.stderr == "1 file(s) checked, no problems.\n"


def test_unknot_prints_its_version_in_one_line(installed: Installed) -> None:
    result = installed.run(installed.unknot, "--version")
    assert (result.returncode, result.stdout, result.stderr) == (0, f"Unknot {__version__}\n", "")


def test_unknot_installs_and_removes_its_desktop_entry(installed: Installed) -> None:
    result = installed.run(installed.unknot, "--install-desktop-entry")
    assert result.returncode == 0, result.stderr
    data = installed.workdir / "xdg-data"
    entry = data / "applications" / f"{DESKTOP_ID}.desktop"
    assert f"Installed {entry}: Unknot" in result.stdout
    text = entry.read_text()
    # The installed command, and the data folder the install was made for (UNKNOT_HOME).
    assert f"Exec={installed.unknot} --basedir {installed.workdir / 'home'}\n" in text
    assert (data / "icons" / "hicolor" / "256x256" / "apps" / f"{DESKTOP_ID}.png").is_file()
    assert (data / "metainfo" / f"{DESKTOP_ID}.metainfo.xml").is_file()

    result = installed.run(installed.unknot, "--uninstall-desktop-entry")
    assert result.returncode == 0, result.stderr
    assert f"Removed {entry}\n" in result.stdout
    assert not [path for path in data.rglob("*") if path.is_file()]
