"""The running instance's socket path, with nothing but `os` and `zlib`.

Kept apart from storage.py so that `unknot --emergency` can find the running instance
without importing pathlib or dataclasses (about 40 ms on a slow machine).

The socket lives in `$XDG_RUNTIME_DIR/unknot/`. When that cannot hold it (no runtime
folder, one we may not write, an `unknot` entry that is not our folder, or a path too
long for a Unix socket), it lives in a private `unknot-<uid>` folder of the temporary
folder instead. The client and the instance both ask this module, so they agree.
"""

from __future__ import annotations

import os
import stat
import zlib

APP_DIR_NAME = "unknot"
HOME_ENV = "UNKNOT_HOME"
# sun_path holds 108 bytes on Linux; one is kept for the terminating zero.
MAX_SOCKET_PATH_BYTES = 107


def socket_file(basedir: str | os.PathLike[str] | None = None) -> str:
    """The local socket of the running instance for this user and this data folder.

    Each `--basedir` gets its own instance, so tests and a second profile never collide.
    The name is a short checksum because Unix socket paths are limited to about 100 bytes;
    crc32 (zlib is built in) keeps hashlib and OpenSSL off the launch path.
    """
    chosen = basedir if basedir is not None else os.environ.get(HOME_ENV) or None
    key = os.path.abspath(os.path.expanduser(os.fspath(chosen))) if chosen else "default"
    name = f"{zlib.crc32(key.encode()):08x}.sock"
    folders = _candidate_folders()
    for folder in folders:
        path = os.path.join(folder, name)
        if len(os.fsencode(path)) <= MAX_SOCKET_PATH_BYTES and _may_hold(folder):
            return path
    # Nowhere fits: the last candidate, which the lock then refuses (see folder_problem),
    # and Unknot runs without a single instance rather than not at all.
    return os.path.join(folders[-1], name)


def folder_problem(folder: str) -> str | None:
    """Why `folder` must not hold the socket, or None when it is this user's own folder.

    A folder in a shared place such as /tmp could have been made by someone else, or be a
    link to somewhere else; talking through it would hand the request to a stranger.
    """
    try:
        info = os.lstat(folder)
    except OSError as error:
        return f"{folder}: {error.strerror}"
    if not stat.S_ISDIR(info.st_mode):
        return f"{folder} is not a folder"
    if info.st_uid != os.getuid():
        return f"{folder} belongs to another user"
    if info.st_mode & 0o022:
        return f"{folder} may be written by other users"
    return None


def _candidate_folders() -> list[str]:
    folders = []
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and os.path.isabs(runtime):
        folders.append(os.path.join(runtime, APP_DIR_NAME))
    private = f"{APP_DIR_NAME}-{os.getuid()}"
    temporary = os.environ.get("TMPDIR")
    if temporary and os.path.isabs(temporary) and temporary.rstrip("/") != "/tmp":
        folders.append(os.path.join(temporary, private))
    folders.append(os.path.join("/tmp", private))
    return folders


def _may_hold(folder: str) -> bool:
    """The folder is ours, or is missing and may be made (in a parent we may write)."""
    if os.path.lexists(folder):
        return folder_problem(folder) is None
    parent = os.path.dirname(folder)
    return os.path.isdir(parent) and os.access(parent, os.W_OK | os.X_OK)
