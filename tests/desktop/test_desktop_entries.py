"""The launcher, its icons and the autostart entry, written into temporary XDG folders."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app import DESKTOP_ID
from app.core.resources import DATA_DIR, ICONS_DIR
from app.desktop.desktop_entries import (
    ENTRY_FILE,
    METAINFO_FILE,
    autostart_enabled,
    autostart_file,
    exec_value,
    install_launcher,
    launch_command,
    launcher_file,
    launcher_installed,
    metainfo_file,
    remove_launcher,
    set_autostart,
)

TRICKY_ARGS = [
    "/opt/my apps/unknot",
    "--basedir",
    '/home/a "b"/c\\d $HOME `x` 100%',
    "tab\there",
    "it's",
    "~",
    "a=b",
    "",
    "(x)&y;z|w<v>u*t?s#r",
]


@pytest.fixture(autouse=True)
def xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(tmp_path / "system-config"))
    return tmp_path


@pytest.fixture
def script_beside_python(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An environment whose interpreter has the `unknot` script next to it."""
    bin_dir = tmp_path / "env dir" / "bin"
    bin_dir.mkdir(parents=True)
    script = bin_dir / "unknot"
    script.write_text("#!/bin/sh\n")
    script.chmod(0o755)
    monkeypatch.setattr(sys, "executable", str(bin_dir / "python3"))
    return script


def unescape_string(value: str) -> str:
    """Undo the string escapes of the Desktop Entry Specification."""
    escapes = {"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}
    out, index = [], 0
    while index < len(value):
        if value[index] == "\\":
            out.append(escapes[value[index + 1]])
            index += 2
        else:
            out.append(value[index])
            index += 1
    return "".join(out)


def split_exec(value: str) -> list[str]:
    """What a launcher gives the program for an Exec value (no field codes used)."""
    line, args, index = unescape_string(value), [], 0
    while index < len(line):
        if line[index] == " ":
            index += 1
            continue
        word = []
        if line[index] == '"':
            index += 1
            while line[index] != '"':
                if line[index] == "\\" and line[index + 1] in '"`$\\':
                    index += 1
                word.append(line[index])
                index += 1
            index += 1
        else:
            while index < len(line) and line[index] != " ":
                assert line[index] not in "\"'\\><~|&;$*?#()`\t\n", f"unquoted in {line!r}"
                word.append(line[index])
                index += 1
        args.append("".join(word).replace("%%", "%"))
    return args


def groups(path: Path) -> dict[str, dict[str, str]]:
    found: dict[str, dict[str, str]] = {}
    current: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("["):
            current = found.setdefault(line.strip("[]"), {})
        elif "=" in line:
            key, value = line.split("=", 1)
            assert key not in current, f"{key} twice"
            current[key] = value
    return found


def test_exec_value_gives_back_every_argument() -> None:
    value = exec_value(TRICKY_ARGS)
    assert "\n" not in value
    assert "\t" not in value
    assert split_exec(value) == TRICKY_ARGS


def test_plain_arguments_stay_unquoted() -> None:
    assert exec_value(["/usr/bin/unknot", "--tray"]) == "/usr/bin/unknot --tray"


def test_launch_command_prefers_the_script_of_this_installation(
    script_beside_python: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(shutil, "which", lambda _name: "/usr/bin/unknot")  # another copy
    argv, folder = launch_command(tmp_path / "profile")
    assert argv == [str(script_beside_python), "--basedir", str(tmp_path / "profile")]
    assert folder is None


def test_launch_command_falls_back_to_the_script_on_path(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python3"))
    monkeypatch.setattr(shutil, "which", lambda name: f"/usr/local/bin/{name}")
    assert launch_command() == (["/usr/local/bin/unknot"], None)


def test_launch_command_without_a_script_runs_the_package(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python3"))
    monkeypatch.setattr(shutil, "which", lambda _name: None)
    monkeypatch.chdir(tmp_path)
    argv, folder = launch_command(Path("relative"))
    assert argv == [str(tmp_path / "python3"), "-m", "app", "--basedir", str(tmp_path / "relative")]
    assert folder is not None
    assert (folder / "app" / "__main__.py").is_file()


def test_install_launcher_writes_the_entry_and_icons(script_beside_python: Path, xdg: Path) -> None:
    assert not launcher_installed()

    written = install_launcher(Path("/srv/unknot profile"))

    assert written == xdg / "data" / "applications" / "io.github.unknot.Unknot.desktop"
    assert launcher_installed()
    assert written.stat().st_mode & 0o777 == 0o644
    entry = groups(written)
    main = entry["Desktop Entry"]
    assert main["Type"] == "Application"
    assert main["Name"] == "Unknot"
    assert main["Icon"] == "io.github.unknot.Unknot"
    assert main["Categories"] == "Utility;"
    assert main["StartupNotify"] == "true"
    assert main["Actions"] == "cramp-relief;"
    assert main["Comment"]
    command = [str(script_beside_python), "--basedir", "/srv/unknot profile"]
    assert split_exec(main["Exec"]) == command
    assert unescape_string(main["TryExec"]) == str(script_beside_python)
    assert "Path" not in main
    relief = entry["Desktop Action cramp-relief"]
    assert relief["Name"] == "Cramp relief now"
    assert split_exec(relief["Exec"]) == [*command, "--emergency"]

    hicolor = xdg / "data" / "icons" / "hicolor"
    svg = hicolor / "scalable" / "apps" / "io.github.unknot.Unknot.svg"
    assert svg.read_bytes() == (ICONS_DIR / "unknot.svg").read_bytes()
    for size in (16, 24, 32, 48, 64, 128, 256):
        png = hicolor / f"{size}x{size}" / "apps" / "io.github.unknot.Unknot.png"
        assert png.read_bytes() == (ICONS_DIR / f"unknot-{size}.png").read_bytes()
        assert png.stat().st_mode & 0o777 == 0o644
    metainfo = xdg / "data" / "metainfo" / "io.github.unknot.Unknot.metainfo.xml"
    assert metainfo.read_bytes() == (DATA_DIR / METAINFO_FILE).read_bytes()


def test_install_from_a_source_checkout_sets_the_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(sys, "executable", "/usr/bin/python3")
    monkeypatch.setattr(shutil, "which", lambda _name: None)
    main = groups(install_launcher())["Desktop Entry"]
    assert split_exec(main["Exec"]) == ["/usr/bin/python3", "-m", "app"]
    assert (Path(unescape_string(main["Path"])) / "app").is_dir()


def test_install_replaces_an_older_entry(script_beside_python: Path) -> None:
    install_launcher(Path("/first"))
    install_launcher(Path("/second"))
    exec_line = groups(launcher_file())["Desktop Entry"]["Exec"]
    assert split_exec(exec_line)[-1] == "/second"
    leftovers = [path.name for path in launcher_file().parent.iterdir()]
    assert leftovers == [ENTRY_FILE]  # no temporary files left behind


def files_under(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*") if not path.is_dir())


def test_remove_launcher_takes_everything_away(script_beside_python: Path, xdg: Path) -> None:
    install_launcher()
    installed = files_under(xdg / "data")
    assert len(installed) == 10  # the launcher, the metainfo, an SVG and seven PNG sizes

    assert launcher_file() in installed
    assert metainfo_file() in installed

    assert sorted(remove_launcher()) == installed
    assert not launcher_installed()
    assert files_under(xdg / "data") == []
    assert remove_launcher() == []  # nothing left to remove


def older_install(xdg: Path) -> list[Path]:
    """What versions before the desktop id installed: unknot.desktop and icons named unknot."""
    hicolor = xdg / "data" / "icons" / "hicolor"
    old = [
        xdg / "data" / "applications" / "unknot.desktop",
        hicolor / "scalable" / "apps" / "unknot.svg",
        hicolor / "48x48" / "apps" / "unknot.png",
    ]
    for path in old:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("old")
    return old


def test_installing_replaces_an_older_versions_launcher(
    script_beside_python: Path, xdg: Path
) -> None:
    old = older_install(xdg)
    install_launcher()
    assert not any(path.exists() for path in old)
    assert [path.name for path in (xdg / "data" / "applications").iterdir()] == [ENTRY_FILE]


def test_removing_takes_an_older_versions_launcher_too(
    script_beside_python: Path, xdg: Path
) -> None:
    old = older_install(xdg)
    assert sorted(remove_launcher()) == sorted(old)
    assert files_under(xdg / "data") == []


def test_the_installed_launcher_is_the_repositorys_with_this_installations_command(
    script_beside_python: Path,
) -> None:
    install_launcher(Path("/srv/profile"))
    installed = groups(launcher_file())
    shipped = groups(DATA_DIR / ENTRY_FILE)
    command = [str(script_beside_python), "--basedir", "/srv/profile"]
    assert split_exec(installed["Desktop Entry"].pop("Exec")) == command
    assert unescape_string(installed["Desktop Entry"].pop("TryExec")) == str(script_beside_python)
    relief = installed["Desktop Action cramp-relief"]
    assert split_exec(relief.pop("Exec")) == [*command, "--emergency"]
    assert shipped["Desktop Entry"].pop("Exec") == "unknot"
    assert shipped["Desktop Entry"].pop("TryExec") == "unknot"
    assert shipped["Desktop Action cramp-relief"].pop("Exec") == "unknot --emergency"
    assert installed == shipped


def test_autostart_on_and_off(script_beside_python: Path, xdg: Path) -> None:
    assert not autostart_enabled()

    set_autostart(True, Path("/srv/profile"))

    # Named as before the desktop id, so an existing choice stays on.
    assert autostart_file() == xdg / "config" / "autostart" / "unknot.desktop"
    assert autostart_enabled()
    main = groups(autostart_file())["Desktop Entry"]
    assert split_exec(main["Exec"]) == [
        str(script_beside_python),
        "--basedir",
        "/srv/profile",
        "--tray",
    ]
    assert main["X-GNOME-Autostart-enabled"] == "true"
    assert "Hidden" not in main

    set_autostart(False)
    assert not autostart_file().exists()
    assert not autostart_enabled()
    set_autostart(False)  # already off: nothing to do, no error


def test_turning_off_masks_a_system_wide_entry(script_beside_python: Path, xdg: Path) -> None:
    system_entry = xdg / "system-config" / "autostart" / "unknot.desktop"
    system_entry.parent.mkdir(parents=True)
    system_entry.write_text("[Desktop Entry]\nType=Application\nName=Unknot\nExec=unknot --tray\n")
    assert autostart_enabled()

    set_autostart(False)

    assert autostart_file().exists()
    assert groups(autostart_file())["Desktop Entry"]["Hidden"] == "true"
    assert not autostart_enabled()
    set_autostart(True)
    assert autostart_enabled()


def test_a_relative_xdg_folder_is_ignored(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", "relative/data")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    expected = tmp_path / "home" / ".local" / "share" / "applications" / ENTRY_FILE
    assert launcher_file() == expected


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None,
    reason="desktop-file-validate is not installed (Debian package desktop-file-utils)",
)
def test_entries_pass_desktop_file_validate(script_beside_python: Path) -> None:
    install_launcher(Path('/srv/a "quoted" $profile'))
    set_autostart(True)
    result = subprocess.run(
        ["desktop-file-validate", str(launcher_file()), str(autostart_file())],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout


def test_the_module_stays_free_of_qt() -> None:
    code = (
        "import sys, app.desktop.desktop_entries\n"
        "loaded = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', "
        "'pygame', 'jeepney')]\n"
        "assert not loaded, loaded\n"
    )
    environment = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    subprocess.run([sys.executable, "-c", code], check=True, env=environment)


# The files in the repository, as a software centre and a menu read them.

SHIPPED_ICONS = [
    "scalable/apps/io.github.unknot.Unknot.svg",
    *(f"{size}x{size}/apps/io.github.unknot.Unknot.png" for size in (16, 24, 32, 48, 64, 128, 256)),
]


def test_the_shipped_files_are_named_by_the_desktop_id() -> None:
    assert DESKTOP_ID == "io.github.unknot.Unknot"
    assert (DATA_DIR / f"{DESKTOP_ID}.desktop").is_file()
    assert (DATA_DIR / f"{DESKTOP_ID}.metainfo.xml").is_file()
    hicolor = DATA_DIR / "icons" / "hicolor"
    assert sorted(str(path.relative_to(hicolor)) for path in files_under(hicolor)) == sorted(
        SHIPPED_ICONS
    )


def test_the_hicolor_icons_are_the_apps_own() -> None:
    """data/'s icons are copies of assets/icons, which the window and the tray use."""
    hicolor = DATA_DIR / "icons" / "hicolor"
    for relative in SHIPPED_ICONS:
        size = relative.split("x", 1)[0]
        source = ICONS_DIR / (
            "unknot.svg" if relative.startswith("scalable") else f"unknot-{size}.png"
        )
        assert (hicolor / relative).read_bytes() == source.read_bytes(), relative


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None,
    reason="desktop-file-validate is not installed (Debian package desktop-file-utils)",
)
def test_the_shipped_launcher_passes_desktop_file_validate() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(DATA_DIR / ENTRY_FILE)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""  # not even a hint


@pytest.mark.skipif(
    shutil.which("appstreamcli") is None,
    reason="appstreamcli is not installed (Debian package appstream)",
)
def test_the_metainfo_passes_appstreamcli_validate() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(DATA_DIR / METAINFO_FILE)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # Errors and warnings fail; infos pass (older appstreamcli does not know <developer>).
    assert not [line for line in result.stdout.splitlines() if line[:2] in ("E:", "W:")]


def test_the_metainfo_names_the_launcher_the_command_and_this_version() -> None:
    from xml.etree import ElementTree

    from app import __version__

    root = ElementTree.parse(DATA_DIR / METAINFO_FILE).getroot()
    assert root.findtext("id") == DESKTOP_ID
    assert root.findtext("launchable") == ENTRY_FILE
    assert root.findtext("provides/binary") == "unknot"
    assert root.find("content_rating") is not None
    assert root.find("screenshots/screenshot/image") is not None
    newest = root.find("releases/release")
    assert newest is not None
    assert newest.get("version") == __version__
