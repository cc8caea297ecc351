"""The Pairing page's background work as plain functions (no Qt): propose, read the page's state, alternatives.

Each returns a `work(report, cancel)` for ui/operations.py; only plain values cross threads.
"""

from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass
from typing import Any, Callable

from pairing import actions, engine
from pairing.domain import Program, RunResult, SavedRun
from pairing.schema import team_deciding
from ui.solve_process import call_in_process, solve_in_process, team_alternatives

PROGRESS_EVERY_S = 0.1  # at most ten progress signals a second: more would only load the GUI thread
SUBPROCESS_FROM = 100   # directors; below this a solve on the worker thread stalls the window too little to matter


@dataclass(frozen=True)
class SolveProgress:
    """What the window shows while a proposal runs (plain values, sent across threads)."""

    best: float
    bound: float
    elapsed_s: float
    phase: str

    @property
    def gap(self) -> float | None:
        if not math.isfinite(self.bound) or abs(self.bound) < 1e-9:
            return None
        return max(0.0, (self.bound - self.best) / abs(self.bound) * 100.0)


@dataclass(frozen=True)
class Proposed:
    """How a proposal ended (plain values back to the GUI thread): the action's `Done` (its value: the run
    number) and the change counts just before and after the save; or, when the run could not be saved in the
    program (another program kept the write lock, or the program changed during the search), `aside`: the
    refusal, which says where the run was written instead."""

    done: Any = None
    counts: tuple[dict, dict] | None = None
    aside: Any = None


def solve_work(store, overrides: dict[str, Any] | None = None, mode: str = "auto") -> Callable:
    """The background work of Propose: the action `actions.propose.propose` (read, solve, save the run), its
    search on this worker thread or in a child process; returns a `Proposed`.

    The run is saved like the command line saves it — under the program's write lock, retried, set aside as
    JSON when refused — and also set aside when the roster, the locks or the settings changed while it was
    searched (`actions.propose.WatchedSave`, issue 11).

    `overrides`: how to search this time (`time_limit_s`, `workers`, `seed`; the tests' short budgets), not
    saved with the run. `mode`: "thread" solves on the worker thread, "process" in a child process
    (ui/solve_process.py), "auto" in a child process from SUBPROCESS_FROM directors on, where the engine's long
    native calls would otherwise hold the GIL and stall the window (see docs/pairing-page.md).
    """
    overrides = dict(overrides or {})

    def work(report: Callable[[Any], None], cancel: threading.Event):
        def solver(program, options, *, progress, cancel):
            in_process = mode == "process" or (mode == "auto" and len(program.directors) >= SUBPROCESS_FROM)
            solve = solve_in_process if in_process else engine.solve
            return solve(program, options, progress=progress, cancel=cancel)

        save = actions.propose.WatchedSave(store)
        save.look()
        try:  # the one Propose orchestration (pairing.actions.propose), shared with `pairing solve`
            done = actions.propose.propose(store.sessions, search=overrides, progress=_throttled(report),
                                           cancel=cancel, solver=solver, save=save)
        except actions.program.RunSetAside as aside:
            return Proposed(aside=aside)
        return Proposed(done, save.counts)

    return work


# The settings that decide which teams are allowed or best: a change of any of them makes a run out of date
# (declared in pairing/schema.py: a setting added there counts with no change here).
RULE_SETTINGS = team_deciding()


@dataclass(frozen=True)
class Staleness:
    """How the program moved on since a run (issue 11): directors without a team in it, people of it who left
    the roster, teams that now break a hard rule (director, the rules as messages), changed settings."""

    run_id: int
    new: tuple[str, ...] = ()
    left: tuple[str, ...] = ()
    broken: tuple[tuple[str, tuple], ...] = ()
    settings: bool = False

    def __bool__(self) -> bool:
        return bool(self.new or self.left or self.broken or self.settings)


def staleness(program: Program, run: SavedRun) -> Staleness:
    """Compare a run with the program as it is now (plain values; any thread)."""
    result = run.result
    in_run = {t.director for t in result.teams} | {u.id for u in result.unmatched}
    members = in_run | {m for t in result.teams for m in t.mentors}
    roster = {p.id for p in program.people}
    new = tuple(d.id for d in program.directors if d.id not in in_run)
    left = tuple(sorted(members - roster))
    evaluator = engine.TeamEvaluator(program)
    broken = tuple((t.director, tuple(problems)) for t in result.teams
                   if set(t.mentors) | {t.director} <= roster
                   for problems in [evaluator.check_team(result, t)] if problems)
    settings = any(getattr(program.settings, name, None) != getattr(run.settings, name, None)
                   for name in RULE_SETTINGS)
    return Staleness(run.id, new, left, broken, settings)


@dataclass(frozen=True)
class PageState:
    """What the page shows, read off the GUI thread (plain values): the program, the numbers of all its runs,
    the runs read this time (all of them, or those a change concerned, and always the latest), and how the
    latest run is out of date. `asked`: the runs this read was for (None: every run)."""

    program: Program
    runs: tuple[SavedRun, ...]
    staleness: Staleness | None = None
    numbers: tuple[int, ...] | None = None
    asked: frozenset[int] | None = None


def read_state(session, asked: frozenset[int] | None = None) -> PageState:
    """The program, its run numbers, the runs `asked` (None: all) and the latest run; a reading action, run by
    the document in a session of its own (issue 11: a change reads what it concerns, not every run)."""
    program = actions.reading.program(session)
    numbers = tuple(actions.reading.run_numbers(session))
    if asked is None:
        runs = tuple(actions.reading.runs(session))
    else:
        wanted = sorted({n for n in asked if n in numbers} | set(numbers[-1:]))
        runs = tuple(actions.runs.saved_run(session, n) for n in wanted)
    latest = runs[-1] if runs and numbers and runs[-1].id == numbers[-1] else None
    return PageState(program, runs, staleness(program, latest) if latest else None, numbers, asked)


def alternatives_work(program: Program, wanted: tuple[str, int, RunResult], lang: str) -> Callable:
    """Background search of one director's alternatives, and the team's reasons in the interface language.

    Returns the request with (alternatives, reasons or None). Large programs search in a child process:
    the search holds the GIL in long stretches (stalls of ~200 ms measured at 2,000 directors)."""
    director, _run_id, result = wanted
    in_process = len(program.directors) >= SUBPROCESS_FROM

    def work(report, cancel) -> tuple[tuple, tuple[list, list | None]] | None:
        try:
            if in_process:
                found = call_in_process(team_alternatives, program, result, director, lang, cancel=cancel)
                return None if found is None else (wanted, found)
            return wanted, team_alternatives(program, result, director, lang)
        except (KeyError, ValueError):  # the roster changed since the run: nothing sensible to offer
            return wanted, ([], None)

    return work


def _throttled(report: Callable[[Any], None]) -> Callable[[Any], None]:
    last = {"at": 0.0, "phase": None}

    def progress(p) -> None:
        now = time.monotonic()
        if now - last["at"] < PROGRESS_EVERY_S and p.phase == last["phase"]:
            return
        last["at"], last["phase"] = now, p.phase
        report(SolveProgress(float(p.best), float(p.bound), float(p.elapsed_s), str(p.phase)))

    return progress
