"""Reading a user's file whole: only a regular file, and only up to a size limit (stdlib only).

A settings, reminders or routine file may be anything a person (or a mistake) put there:
a link to /dev/zero never ends, a FIFO blocks the opening thread until someone writes to
it, a 2 GB file takes the memory. Each is refused before any of it is read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

MAX_FILE_BYTES = 1_000_000  # routines, reminders and settings alike


class FileRefusedError(Exception):
    """The file is left unread; `reason` says why in words for its owner."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class NotRegularFileError(FileRefusedError):
    """A folder, device, pipe or socket where a file should be."""


class FileTooLargeError(FileRefusedError):
    """Larger than the limit for its kind of file."""


def read_bounded(path: Path, kind: str, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of `path`, which must be a regular file of at most `limit` bytes.

    `kind` names the file in the message ("a routine file"). Raises FileNotFoundError
    and other OSErrors as reading does, NotRegularFileError or FileTooLargeError.
    """
    check_regular(path)  # before opening: opening a device or a FIFO can itself block
    # O_NONBLOCK: should the file be swapped for a FIFO after the check, opening it still
    # returns at once, and fstat below refuses it.
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    with os.fdopen(fd, "rb") as handle:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            raise NotRegularFileError(path, _not_regular(status.st_mode))
        if status.st_size > limit:
            raise FileTooLargeError(path, _too_large(status.st_size, kind, limit))
        data = handle.read(limit + 1)  # a file may grow while it is read, or report size 0
    if len(data) > limit:
        raise FileTooLargeError(path, _too_large(len(data), kind, limit))
    return data


def check_regular(path: Path) -> None:
    """Raise NotRegularFileError unless `path` (links followed) is a regular file or absent."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return
    if not stat.S_ISREG(mode):
        raise NotRegularFileError(path, _not_regular(mode))


def _not_regular(mode: int) -> str:
    if stat.S_ISDIR(mode):
        what = "a folder"
    elif stat.S_ISFIFO(mode):
        what = "a pipe"
    elif stat.S_ISSOCK(mode):
        what = "a socket"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        what = "a device"
    else:
        what = "something else"
    return f"it is {what}, not an ordinary file"


def _too_large(size: int, kind: str, limit: int) -> str:
    shown, most = _size(size), _size(limit)
    if shown == most:  # just over: rounding would say "1 MB; at most 1 MB"
        shown, most = f"{size:,} bytes", f"{limit:,} bytes"
    return f"the file is {shown}; {kind} may be at most {most}"


def _size(count: int) -> str:
    """1 MB, 1.2 MB, 64 KB: a tenth at most, without a trailing .0."""
    for unit, scale in (("MB", 1_000_000), ("KB", 1_000)):
        if count >= scale:
            return f"{count / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{count} bytes"
