"""Where Unknot keeps its files, and how it writes and sets them aside safely.

Only the standard library is imported at module level: the single-instance client
path uses `socket_path` and must start fast.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.core.errors import WriteError
from app.core.socket_name import APP_DIR_NAME, HOME_ENV, socket_file

__all__ = ["APP_DIR_NAME", "HOME_ENV", "AppPaths", "atomic_write", "set_aside", "socket_path"]


@dataclass(frozen=True)
class AppPaths:
    """Every folder Unknot writes to, resolved once and passed to whoever needs it."""

    config_dir: Path
    data_dir: Path
    state_dir: Path
    basedir: Path | None = None

    @classmethod
    def resolve(cls, basedir: str | os.PathLike[str] | None = None) -> AppPaths:
        """Paths under `basedir`, else under $UNKNOT_HOME, else the platform's usual places."""
        chosen = basedir if basedir is not None else os.environ.get(HOME_ENV) or None
        if chosen is not None:
            root = Path(chosen).expanduser().absolute()
            return cls(root / "config", root / "data", root / "state", basedir=root)
        # platformdirs is imported only here: it costs start-up time the client path avoids.
        import platformdirs

        dirs = platformdirs.PlatformDirs(APP_DIR_NAME, appauthor=False)
        return cls(Path(dirs.user_config_dir), Path(dirs.user_data_dir), Path(dirs.user_state_dir))

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.yaml"

    @property
    def reminders_file(self) -> Path:
        return self.config_dir / "reminders.yaml"

    @property
    def user_routines_dir(self) -> Path:
        return self.data_dir / "routines"

    @property
    def journal_file(self) -> Path:
        return self.data_dir / "journal.sqlite3"

    @property
    def pending_records_file(self) -> Path:
        """Records the diary could not take yet (see diary_writer.py)."""
        return self.state_dir / "pending-records.jsonl"

    @property
    def launch_snapshot_file(self) -> Path:
        return self.state_dir / "launch-snapshot.json"

    @property
    def log_file(self) -> Path:
        return self.state_dir / "unknot.log"

    def ensure(self) -> None:
        """Create the folders, private to the user."""
        for folder in (self.config_dir, self.data_dir, self.state_dir):
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)


def socket_path(basedir: str | os.PathLike[str] | None = None) -> Path:
    """The local socket of the running instance (see socket_name.socket_file)."""
    return Path(socket_file(basedir))


def atomic_write(path: Path, data: bytes | str, mode: int = 0o600) -> None:
    """Write `data` to `path` so that a crash leaves either the old file or the new one.

    Temp file in the same folder, fsync, then rename over the target, then fsync the folder.
    """
    import tempfile  # here, not at the top: the launch path never writes

    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise WriteError(path, error.strerror or str(error)) from error
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        tmp.chmod(mode)
        tmp.replace(path)
    except OSError as error:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise WriteError(path, error.strerror or str(error)) from error
    _fsync_folder(path.parent)


def _fsync_folder(folder: Path) -> None:
    # The rename is durable only once the folder entry is; some filesystems refuse, harmlessly.
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def set_aside(path: Path, now: datetime | None = None) -> Path:
    """Rename an unreadable file to `NAME.broken-STAMP` next to it; never overwrite anything."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.name}.broken-{stamp}")
    counter = 1
    while candidate.exists():
        counter += 1
        candidate = path.with_name(f"{path.name}.broken-{stamp}-{counter}")
    path.rename(candidate)
    return candidate
