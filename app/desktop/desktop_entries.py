"""The launcher in the applications menu, its icon, and starting at login (XDG desktop entries).

The launcher, its metainfo and icons are the files in the repository's data/ folder,
installed with Exec pointing at this installation. Standard library only, and no Qt: the
command line installs and removes these without starting the interface.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

from app import APP_ID, APP_NAME, DESKTOP_ID
from app.core.errors import WriteError
from app.core.resources import DATA_DIR
from app.core.storage import atomic_write

ENTRY_FILE = f"{DESKTOP_ID}.desktop"
METAINFO_FILE = f"{DESKTOP_ID}.metainfo.xml"
ICON_NAME = DESKTOP_ID
# Named after the command, as before the launcher took the desktop id: a user's existing
# "start at login" choice stays where it was.
AUTOSTART_FILE = f"{APP_ID}.desktop"
# What versions before the desktop id installed: removed on install and uninstall, so the
# menu never shows Unknot twice.
OLD_ENTRY_FILE = f"{APP_ID}.desktop"
OLD_ICON_NAME = APP_ID
EMERGENCY_ACTION = "cramp-relief"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256)
HICOLOR = DATA_DIR / "icons" / "hicolor"
# Desktop entries and icons are read by the menu and the session, not only by us.
PUBLIC_FILE_MODE = 0o644

# Arguments holding any of these must be quoted (Desktop Entry Specification, "The Exec key").
_RESERVED = frozenset(" \t\n\"'\\><~|&;$*?#()`")
_ESCAPED_IN_QUOTES = re.compile(r'(["`$\\])')


def _base_dir(variable: str, default: Path) -> Path:
    # The XDG spec says a relative value is invalid and must be ignored.
    value = os.environ.get(variable, "")
    return Path(value) if value and Path(value).is_absolute() else default


def data_home() -> Path:
    return _base_dir("XDG_DATA_HOME", Path.home() / ".local" / "share")


def config_home() -> Path:
    return _base_dir("XDG_CONFIG_HOME", Path.home() / ".config")


def launcher_file() -> Path:
    return data_home() / "applications" / ENTRY_FILE


def autostart_file() -> Path:
    return config_home() / "autostart" / AUTOSTART_FILE


def metainfo_file() -> Path:
    return data_home() / "metainfo" / METAINFO_FILE


def _icon_files() -> list[tuple[Path, Path]]:
    """(bundled source, installed target) for every icon in data/icons/hicolor."""
    target_root = data_home() / "icons" / "hicolor"
    sources = sorted(path for path in HICOLOR.rglob("*") if path.is_file())
    return [(source, target_root / source.relative_to(HICOLOR)) for source in sources]


def _old_files() -> list[Path]:
    """The launcher and icons that versions before the desktop id installed."""
    hicolor = data_home() / "icons" / "hicolor"
    old = [data_home() / "applications" / OLD_ENTRY_FILE]
    old.append(hicolor / "scalable" / "apps" / f"{OLD_ICON_NAME}.svg")
    old += [hicolor / f"{size}x{size}" / "apps" / f"{OLD_ICON_NAME}.png" for size in PNG_SIZES]
    return old


def _console_script() -> str | None:
    """The installed `unknot` command, preferring the one beside the running interpreter."""
    # The script next to the interpreter belongs to this very installation; one found on
    # PATH could be another copy, so it comes second.
    beside = Path(sys.executable).parent / APP_ID
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    return shutil.which(APP_ID)


def launch_command(basedir: Path | None = None) -> tuple[list[str], Path | None]:
    """The command that starts this installation, and the folder it must run in, if any.

    The absolute `unknot` script when there is one; otherwise this interpreter running the
    package, from the folder that holds it (a source checkout that was never installed).
    """
    script = _console_script()
    if script is not None:
        argv, folder = [script], None
    else:
        argv, folder = [sys.executable, "-m", "app"], Path(__file__).resolve().parents[2]
    if basedir is not None:
        argv += ["--basedir", str(Path(basedir).expanduser().absolute())]
    return argv, folder


def _escape_string(value: str) -> str:
    """Escape a value of type string (the file's own escapes, applied after Exec quoting)."""
    return (
        value.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")
    )


def exec_value(argv: Sequence[str]) -> str:
    """An Exec value that gives the program exactly these arguments."""
    words = []
    for arg in argv:
        word = arg.replace("%", "%%")  # a lone % would start a field code
        if not word or any(char in _RESERVED for char in word):
            word = '"' + _ESCAPED_IN_QUOTES.sub(r"\\\1", word) + '"'
        words.append(word)
    return _escape_string(" ".join(words))


def _entry_text(groups: Sequence[tuple[str, Sequence[tuple[str, str]]]]) -> str:
    blocks = []
    for name, keys in groups:
        lines = [f"[{name}]"] + [f"{key}={value}" for key, value in keys]
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)


def _command_keys(argv: Sequence[str], folder: Path | None) -> list[tuple[str, str]]:
    keys = [
        ("Exec", exec_value(argv)),
        # Menus hide the entry once the program it starts is gone, instead of failing on click.
        ("TryExec", _escape_string(argv[0])),
    ]
    if folder is not None:
        keys.append(("Path", _escape_string(str(folder))))
    return keys


def launcher_text(basedir: Path | None = None) -> str:
    """data/'s launcher, its commands pointing at this installation (and `basedir`)."""
    argv, folder = launch_command(basedir)
    source = DATA_DIR / ENTRY_FILE
    try:
        template = source.read_text(encoding="utf-8")
    except OSError as error:
        raise WriteError(launcher_file(), f"cannot read {source}: {error.strerror}") from error
    lines = []
    for line in template.splitlines():
        key, _, value = line.partition("=")
        if key == "Exec":
            # The file says `unknot ARGS`; ARGS are plain words, kept as they are.
            lines.append(f"Exec={exec_value([*argv, *value.split()[1:]])}")
        elif key == "TryExec":
            lines.extend(f"{name}={text}" for name, text in _command_keys(argv, folder)[1:])
        else:
            lines.append(line)
    return "\n".join(lines) + "\n"


def autostart_text(basedir: Path | None = None, enabled: bool = True) -> str:
    argv, folder = launch_command(basedir)
    keys: list[tuple[str, str]] = [
        ("Type", "Application"),
        ("Version", "1.4"),
        ("Name", APP_NAME),
        ("Comment", "Bedtime reminders from the tray"),
        *_command_keys([*argv, "--tray"], folder),
        ("Icon", ICON_NAME),
        ("Terminal", "false"),
        ("X-GNOME-Autostart-enabled", "true" if enabled else "false"),
    ]
    if not enabled:
        # Masks an entry of the same name that a system package put in /etc/xdg/autostart.
        keys.append(("Hidden", "true"))
    return _entry_text([("Desktop Entry", keys)])


def install_launcher(basedir: Path | None = None) -> Path:
    """Add Unknot to the applications menu, with its icons and metainfo; raises WriteError.
    Returns the launcher's file."""
    text = launcher_text(basedir)
    copies = [*_icon_files(), (DATA_DIR / METAINFO_FILE, metainfo_file())]
    for source, target in copies:
        try:
            data = source.read_bytes()
        except OSError as error:
            raise WriteError(target, f"cannot read {source}: {error.strerror}") from error
        atomic_write(target, data, mode=PUBLIC_FILE_MODE)
    target = launcher_file()
    atomic_write(target, text, mode=PUBLIC_FILE_MODE)  # last: the menu shows it at once
    for old in _old_files():
        _remove(old)
    return target


def installed_files() -> list[Path]:
    """Everything install_launcher writes (the autostart entry is set_autostart's)."""
    return [launcher_file(), metainfo_file(), *(target for _source, target in _icon_files())]


def remove_launcher() -> list[Path]:
    """Take Unknot out of the menu with its icons and metainfo, also an older version's.
    Returns the files removed: none if it was not installed."""
    return [path for path in [*installed_files(), *_old_files()] if _remove(path)]


def launcher_installed() -> bool:
    return launcher_file().is_file()


def icon_installed() -> bool:
    """Whether the icon theme can find ICON_NAME (install_launcher puts it there)."""
    return any(target.is_file() for _source, target in _icon_files())


def set_autostart(on: bool, basedir: Path | None = None) -> None:
    """Start Unknot in the tray at login, or stop doing so; raises WriteError."""
    target = autostart_file()
    if on:
        atomic_write(target, autostart_text(basedir), mode=PUBLIC_FILE_MODE)
    elif any(_system_autostart_files()):
        # A system-wide entry would still start us: only a hidden entry of ours masks it.
        atomic_write(target, autostart_text(basedir, enabled=False), mode=PUBLIC_FILE_MODE)
    else:
        _remove(target)


def autostart_enabled() -> bool:
    """Whether the session will start Unknot at login, as desktop sessions read the entries."""
    own = autostart_file()
    if own.is_file():
        return _starts(own)
    # Only the first system entry of that name counts, as with the user's own.
    return any(_starts(path) for path in _system_autostart_files()[:1])


def _system_autostart_files() -> list[Path]:
    folders = os.environ.get("XDG_CONFIG_DIRS", "") or "/etc/xdg"
    candidates = (Path(folder) / "autostart" / AUTOSTART_FILE for folder in folders.split(":"))
    return [path for path in candidates if path.is_absolute() and path.is_file()]


def _starts(path: Path) -> bool:
    keys = _main_group(path)
    return keys.get("Hidden") != "true" and keys.get("X-GNOME-Autostart-enabled") != "false"


def _main_group(path: Path) -> dict[str, str]:
    """The keys of the [Desktop Entry] group (enough for the flags read here)."""
    keys: dict[str, str] = {}
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return keys
    in_main = False
    for line in lines:
        stripped = line.strip()
        if stripped.startswith("["):
            in_main = stripped == "[Desktop Entry]"
        elif in_main and "=" in stripped and not stripped.startswith("#"):
            key, value = stripped.split("=", 1)
            keys[key.strip()] = value.strip()
    return keys


def _remove(path: Path) -> bool:
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    except OSError as error:
        raise WriteError(path, error.strerror or str(error)) from error
    return True
