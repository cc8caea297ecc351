"""Real file-system faults for tests (issue 12): a small tmpfs that fills up or turns read-only, as root.

Where the tests do not run as root (or cannot mount), `can_mount()` is False and the tests fall back to
a writer that fails the same way (see each test)."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import subprocess
from pathlib import Path
from typing import Iterator


def can_mount() -> bool:
    return (hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("mount") is not None
            and _try_mount())


_MOUNTABLE: list[bool] = []


def _try_mount() -> bool:
    if not _MOUNTABLE:
        import tempfile

        with tempfile.TemporaryDirectory() as folder:
            done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", folder], capture_output=True)
            if done.returncode == 0:
                subprocess.run(["umount", folder], check=True)
            _MOUNTABLE.append(done.returncode == 0)
    return _MOUNTABLE[0]


@contextlib.contextmanager
def tmpfs(folder: Path, size: str = "1m") -> Iterator[Path]:
    """A fresh tmpfs of `size` mounted on `folder` (which must exist) for the duration of the block."""
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},nr_inodes=256", "tmpfs", str(folder)], check=True)
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)


def remount_read_only(folder: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)


def fill(path: Path) -> None:
    """Write zeros to `path` until the disk is full, to the last byte."""
    with open(path, "wb", buffering=0) as handle:
        for size in (65536, 4096, 512, 1):
            try:
                while True:
                    handle.write(b"\0" * size)
            except OSError as exc:
                assert exc.errno == errno.ENOSPC
