"""Atomic writing and cooperative cancel/progress: a failed or cancelled export leaves no partial file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Callable, Iterator, Protocol

from pairing.errors import UserError


class ExportCancelled(Exception):
    """The user cancelled an export; nothing was written."""


class CancelFlag(Protocol):
    def is_set(self) -> bool: ...


class Progress:
    """Counts steps of an export, reports the fraction done and stops when the cancel flag is set."""

    def __init__(self, total: int, report: Callable[[float], None] | None = None,
                 cancel: CancelFlag | None = None) -> None:
        self.done = 0
        self._report = report
        self._cancel = cancel
        # Report about a hundred times at most: a signal per row would flood the window.
        self.expect(total)

    def expect(self, total: int) -> None:
        """Change the number of steps (e.g. PDF pages once the layout knows them)."""
        self.total = max(total, 1)
        self._every = max(1, self.total // 100)

    def check(self) -> None:
        if self._cancel is not None and self._cancel.is_set():
            raise ExportCancelled("The export was cancelled; nothing was written.")

    def step(self, n: int = 1) -> None:
        self.done += n
        if self.done % self._every < n or self.done >= self.total:
            self.check()
            if self._report is not None:
                self._report(min(self.done / self.total, 1.0))


@contextlib.contextmanager
def atomic_path(target: str | os.PathLike) -> Iterator[Path]:
    """A temporary path beside `target`; on success it replaces `target`, on any error it is removed.

    The temporary file lives in the same folder so that `os.replace` is a rename on one file system,
    which never leaves a half-written target behind.
    """
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise UserError(f"Cannot write {target}: the folder {folder} does not exist.")
    try:
        handle, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".part")
    except OSError as exc:
        raise UserError(f"Cannot write in {folder}: {exc.strerror}.") from None
    os.close(handle)
    temp = Path(temp_name)
    try:
        yield temp
        _replace(temp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


def _replace(temp: Path, target: Path) -> None:
    if target.is_dir():
        raise UserError(f"Cannot write {target}: it is a folder.")
    try:
        os.chmod(temp, 0o666 & ~_UMASK)
        os.replace(temp, target)
    except OSError as exc:
        raise UserError(f"Cannot write {target}: {exc.strerror}.") from None


def _read_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# mkstemp creates files readable by the owner only; an export should get the usual permissions.
# Read once at import: changing the umask later, from a worker thread, would race other threads.
_UMASK = _read_umask()
