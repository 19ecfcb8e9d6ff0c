"""Real faults for diary tests: a small tmpfs that can be filled or made read-only, and a
second SQLite connection that holds a lock, as another program would."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path


def can_mount() -> bool:
    return os.geteuid() == 0 and shutil.which("mount") is not None


@contextlib.contextmanager
def small_disk(where: Path, size_kb: int = 512) -> Iterator[Path | None]:
    """A tmpfs of `size_kb` mounted at `where`; None where this machine does not allow it
    (the tests then inject the same error at the storage seam)."""
    where.mkdir(parents=True, exist_ok=True)
    if not can_mount():
        yield None
        return
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_kb}k,mode=0700", "tmpfs", str(where)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        yield None
        return
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True, check=False)


def fill(disk: Path) -> None:
    """Use up every free byte of the file system at `disk`."""
    with open(disk / "filler", "wb", buffering=0) as filler:  # noqa: PTH123
        block = b"\0" * 4096
        with contextlib.suppress(OSError):
            while True:
                filler.write(block)
        with contextlib.suppress(OSError):
            while True:
                filler.write(b"\0")


def free(disk: Path) -> None:
    (disk / "filler").unlink()


def remount(disk: Path, mode: str) -> None:
    """`mode` "ro" or "rw"."""
    subprocess.run(["mount", "-o", f"remount,{mode}", str(disk)], check=True)


@contextlib.contextmanager
def locked_by_another_program(path: Path, exclusive_mode: bool) -> Iterator[None]:
    """Another connection holding the diary: `BEGIN EXCLUSIVE`, or the whole file in
    `PRAGMA locking_mode = EXCLUSIVE` (then not even readers get in)."""
    other = sqlite3.connect(path, isolation_level=None)
    try:
        if exclusive_mode:
            other.execute("PRAGMA locking_mode = EXCLUSIVE")
            other.execute("BEGIN EXCLUSIVE")
            other.execute("CREATE TABLE IF NOT EXISTS other_program (x)")
            other.execute("COMMIT")  # the lock stays, in exclusive locking mode
        else:
            other.execute("BEGIN EXCLUSIVE")
        yield
    finally:
        with contextlib.suppress(sqlite3.Error):
            if other.in_transaction:
                other.execute("ROLLBACK")
        other.close()
