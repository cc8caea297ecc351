"""Open (or create) a program file or database: the handle (`ProgramStore`) every other action is given.

The window and the command line open programs through here, so that neither needs `pairing.storage`."""

import contextlib
from typing import Iterator

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from pairing.storage import ProgramFileError, ProgramStore, open_program
from pairing.storage.database import is_busy, shown_location, storage_fault
from pairing.words import msg
from pairing.storage.saving import RunSetAside, saver

# shown_location: a program's name in messages (password masked); storage_fault: a database error as a
# sentence; is_busy: the error says another program holds the write lock; saver/RunSetAside: save a run with retries, else set it aside beside the program (issue 12).
__all__ = ["ProgramFileError", "ProgramStore", "RunSetAside", "is_busy", "open_program", "saver", "shown_location",
           "storage_fault", "writing"]


@contextlib.contextmanager
def writing(store: ProgramStore, wait_s: float | None = None) -> Iterator[Session]:
    """`store.writing(wait_s)` — a transaction under the program's write lock — with a database error turned
    into a `ProgramFileError` sentence, so that the edge never shows SQL (another program writing for longer
    than `wait_s`: "stayed busy")."""
    try:
        with store.writing(wait_s) as session:
            yield session
    except SQLAlchemyError as exc:
        if is_busy(exc):
            seconds = int(store.busy_limit_s if wait_s is None else wait_s)
            raise ProgramFileError(msg("storage.busy", location=store.shown, seconds=seconds)) from None
        raise storage_fault(exc, store.location) from None
