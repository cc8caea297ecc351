"""The open program document: its store, its undo stack, and the signals that say what changed.

Every user action opens its own session with `document.action()` (one transaction, committed or
rolled back as a whole); widgets never hold sessions, only ids and plain values.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path
from typing import Iterator

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from sqlalchemy.orm import Session

from pairing.domain import Program
from pairing.storage import ProgramFileError, ProgramStore, open_program
from pairing.storage import repo


class ProgramDocument(QObject):
    """One open `.pairing` program. Signals tell views what to refresh."""

    rosterChanged = Signal()
    locksChanged = Signal()
    runsChanged = Signal()
    settingsChanged = Signal()

    def __init__(self, store: ProgramStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.undo_stack = QUndoStack(self)

    @classmethod
    def open(cls, location: str | Path, parent: QObject | None = None) -> "ProgramDocument":
        return cls(open_program(location), parent)

    @property
    def location(self) -> str:
        return self.store.location

    @property
    def title(self) -> str:
        with self.read() as session:
            name = repo.get_settings(session).name
        return f"{name} — {Path(self.location).name}" if "://" not in self.location else name

    @contextlib.contextmanager
    def action(self) -> Iterator[Session]:
        """A session for one user action: committed at the end, rolled back on any error."""
        with self.store.sessions.begin() as session:
            yield session

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading only."""
        with self.store.sessions() as session:
            yield session

    def program(self) -> Program:
        with self.read() as session:
            return repo.load_program(session)

    def save_as(self, target: str | Path) -> None:
        """Copy the whole program into a new file with SQLite's online backup (safe while open)."""
        if self.store.engine.dialect.name != "sqlite":
            raise ProgramFileError(
                "Save As copies program files; this program is a shared database, which its administrator "
                "copies with the database's own tools.")
        target = Path(target)
        tmp = target.with_name(target.name + ".tmp")
        tmp.unlink(missing_ok=True)
        source = sqlite3.connect(self.store.engine.url.database)
        try:
            destination = sqlite3.connect(tmp)
            with destination:
                source.backup(destination)
            destination.close()
        finally:
            source.close()
        tmp.replace(target)

    def close(self) -> None:
        self.undo_stack.clear()
        self.store.close()
