"""The running instance's socket path, with nothing but `os` and `zlib`.

Kept apart from storage.py so that `unknot --emergency` can find the running instance
without importing pathlib or dataclasses (about 40 ms on a slow machine).
"""

from __future__ import annotations

import os
import zlib

APP_DIR_NAME = "unknot"
HOME_ENV = "UNKNOT_HOME"


def socket_file(basedir: str | os.PathLike[str] | None = None) -> str:
    """The local socket of the running instance for this user and this data folder.

    Each `--basedir` gets its own instance, so tests and a second profile never collide.
    The name is a short checksum because Unix socket paths are limited to about 100 bytes;
    crc32 (zlib is built in) keeps hashlib and OpenSSL off the launch path.
    """
    chosen = basedir if basedir is not None else os.environ.get(HOME_ENV) or None
    key = os.path.abspath(os.path.expanduser(os.fspath(chosen))) if chosen else "default"
    digest = f"{zlib.crc32(key.encode()):08x}"
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and os.path.isdir(runtime) and os.access(runtime, os.W_OK):
        folder = os.path.join(runtime, APP_DIR_NAME)
    else:
        import tempfile

        folder = os.path.join(tempfile.gettempdir(), f"{APP_DIR_NAME}-{os.getuid()}")
    return os.path.join(folder, f"{digest}.sock")
