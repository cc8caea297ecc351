"""Propose: load the program, solve, save the run — the one orchestration the window and `solve` share."""

from __future__ import annotations

import threading
from dataclasses import replace
from typing import Any, Callable, Mapping

from sqlalchemy.orm import Session, sessionmaker

from pairing.actions.changes import ChangeSet, Done, Undo
from pairing.domain import Program, RunResult, Settings
from pairing.storage import repo
from pairing.storage.changes import change_counts, changed_tables
from pairing.storage.database import ProgramStore
from pairing.storage.saving import save_run_safely
from pairing.words import msg

Solver = Callable[..., RunResult]  # engine.solve's signature: (program, options, *, progress, cancel)
# What a search reads: a change to any of these while it runs makes its run out of date before it is saved.
INPUT_TABLES = frozenset({"person", "custom_term", "lock", "program"})


def run_settings(settings: Settings, changes: Mapping[str, Any] | None = None) -> Settings:
    """The program settings with this run's changes (None values ignored); saved with the run."""
    return replace(settings, **{k: v for k, v in (changes or {}).items() if v is not None})


def propose(sessions: sessionmaker[Session], settings: Mapping[str, Any] | None = None, *,
            search: Mapping[str, Any] | None = None, progress: Callable[[Any], None] | None = None,
            cancel: threading.Event | None = None, solver: Solver | None = None,
            save: Callable[[Settings, RunResult], int] | None = None) -> Done:
    """Solve the program as stored and save the run; `Done.value` is the new run's number.

    `settings`: changes to the program settings for this run (`time_limit_s`, `fairness`,
    `instructors_min`/`max`, `require_meeting`, …), saved with the run; the program's own settings are
    not changed. `search`: how to search, not saved (`seed`, `workers`). `solver` runs the search
    (default `engine.solve`; the window passes one that runs in a child process). The session factory
    is the caller's: one short transaction reads, the search holds none, one short transaction writes
    (through `save` when given).
    """
    with sessions() as session:
        program = repo.load_program(session)
    result, used = solve_program(program, settings, search=search, progress=progress, cancel=cancel,
                                 solver=solver)
    if save is not None:  # e.g. storage.saving.saver(store): retried, set aside when refused (issue 12)
        run_id = save(used, result)
    else:
        with sessions.begin() as session:
            run_id = repo.save_run(session, used, result)
    return Done(ChangeSet.of(runs_added=[run_id], teams={(run_id, t.director) for t in result.teams}),
                Undo("runs.delete", {"run_id": run_id}), run_id)


def solve_program(program: Program, settings: Mapping[str, Any] | None = None, *,
                  search: Mapping[str, Any] | None = None, progress=None, cancel=None,
                  solver: Solver | None = None) -> tuple[RunResult, Settings]:
    """The search alone (no storage): the result and the settings it used."""
    from pairing import engine  # OR-Tools loads slowly: only when a solve is asked for

    used = run_settings(program.settings, settings)
    options = engine.SolveOptions.from_settings(used, **dict(search or {}))
    solve = solver or engine.solve
    return solve(replace(program, settings=used), options, progress=progress, cancel=cancel), used


class WatchedSave:
    """`save(settings, result)` for a window's Propose (issue 11): the command line's saver (the program's write
    lock, retried, set aside as JSON when refused), and a run whose roster, locks or settings changed while it
    was searched is set aside too — never a lost run, never saved as if nothing had happened.

    Call `look()` before the search reads the program; `counts` then holds the program's change counts just
    before and after the save (the window tells its views what others changed meanwhile)."""

    def __init__(self, store: ProgramStore) -> None:
        self.store = store
        self.seen: dict[str, int] | None = None
        self.counts: tuple[dict[str, int], dict[str, int]] | None = None
        self._before: dict[str, int] = {}

    def look(self) -> None:
        with self.store.sessions() as session:
            self.seen = change_counts(session)

    def __call__(self, settings: Settings, result: RunResult) -> int:
        return save_run_safely(self.store, settings, result, check=self._check, saved=self._saved)

    def _check(self, session: Session):
        self._before = change_counts(session)
        if self.seen is not None and changed_tables(self.seen, self._before) & INPUT_TABLES:
            return msg("desktop.changed_while_proposing")
        return None

    def _saved(self, session: Session) -> None:
        session.flush()
        self.counts = (self._before, change_counts(session))
