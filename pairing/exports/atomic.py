"""Cooperative cancel/progress of exports, and their atomic writing (`pairing.files`, issue 12): a failed
or cancelled export leaves no partial file."""

from __future__ import annotations

from typing import Callable, Protocol

from pairing.files import PART_SUFFIX, STALE_AFTER_S, atomic_path, remove_leftovers  # noqa: F401 (re-exported)


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
