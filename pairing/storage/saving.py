"""Saving a run so that no computed work is lost: retried, and set aside as JSON when the program refuses it."""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path
from typing import Callable

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from pairing.domain import RunResult, Settings
from pairing.errors import UserError
from pairing.storage import repo
from pairing.storage.convert import settings_to_json
from pairing.storage.database import ProgramFileError, ProgramStore, storage_fault
from pairing.words import Message, msg

ATTEMPTS = 3
PAUSE_S = 1.0


class RunSetAside(UserError):
    """The program refused the run (read-only, busy, full); the run was written to `path` instead."""

    def __init__(self, message: Message, settings: Settings, result: RunResult, path: Path) -> None:
        super().__init__(message)
        self.settings, self.result, self.path = settings, result, path


def save_run_safely(store: ProgramStore, settings: Settings, result: RunResult, *,
                    attempts: int | None = None, pause_s: float | None = None,
                    check: Callable[[Session], Message | None] | None = None,
                    saved: Callable[[Session], None] | None = None) -> int:
    """Save the run in the program, each attempt waiting for other writers; returns the run number.

    When every attempt fails, the run is written as JSON beside the program (else in the current or
    home folder) and `RunSetAside` says where: no computed work is lost (issue 12). `check(session)`, under
    the write lock before saving, may give a reason not to save (the program changed under a window's search,
    issue 11): the run is set aside at once with it. `saved(session)` runs after the save, in its transaction.
    """
    attempts = ATTEMPTS if attempts is None else attempts
    pause_s = PAUSE_S if pause_s is None else pause_s
    problem: ProgramFileError | None = None
    for attempt in range(attempts):
        try:
            with store.writing() as session:
                reason = check(session) if check is not None else None
                if reason is not None:
                    path = set_aside(store, settings, result)
                    message = msg("storage.run_saved_aside", location=store.shown, reason=reason, path=str(path))
                    raise RunSetAside(message, settings, result, path)
                run_id = repo.save_run(session, settings, result)
                if saved is not None:
                    saved(session)
                return run_id
        except ProgramFileError as exc:
            problem = exc
            if store.read_only:
                break
        except SQLAlchemyError as exc:
            problem = storage_fault(exc, store.location)
        if attempt + 1 < attempts:
            time.sleep(pause_s)
    path = set_aside(store, settings, result)
    message = msg("storage.run_saved_aside", location=store.shown, reason=_reason_of(problem), path=str(path))
    raise RunSetAside(message, settings, result, path)


def saver(store: ProgramStore):
    """`save(settings, result) -> run number` for `actions.propose.propose`."""
    return lambda settings, result: save_run_safely(store, settings, result)


def _reason_of(problem: ProgramFileError | None) -> Message:
    message = problem.message if problem is not None else None
    if message is not None and message.arg("reason") is not None:
        return message.arg("reason")
    if message is not None and message.code == "storage.read_only":
        return msg("storage.reason_read_only")
    if message is not None and message.code == "storage.busy":
        return msg("storage.reason_busy")
    return msg("storage.reason_other")


def run_json(settings: Settings, result: RunResult) -> dict:
    """The run as a file: the settings it was solved with and the result in the `solve --json` form."""
    return {"talent_pairing_run": 1, "settings": settings_to_json(settings), "result": result.to_json()}


def aside_candidates(store: ProgramStore, stamp: str) -> list[Path]:
    """Beside the program file first, then the current folder, then the home folder."""
    name = f"{Path(store.location).name if '://' not in store.location else 'program'}.run-{stamp}.json"
    folders = [Path(store.location).expanduser().parent] if "://" not in store.location else []
    return [folder / name for folder in folders + [Path.cwd(), Path.home()]]


def set_aside(store: ProgramStore, settings: Settings, result: RunResult) -> Path:
    from pairing.files import atomic_path

    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    data = json.dumps(run_json(settings, result), ensure_ascii=False, indent=2).encode("utf-8")
    last: UserError | None = None
    for path in aside_candidates(store, stamp):
        try:
            with atomic_path(path) as temp:
                temp.write_bytes(data)
            return path
        except UserError as exc:
            last = exc
    assert last is not None
    raise last
