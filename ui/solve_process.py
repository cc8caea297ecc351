"""Run the engine in a child process so that its long native calls never hold the window's GIL (no Qt here).

Measured with benchmarks/bench_gui_stall.py: solving 2,000 directors on a worker thread of the window
stalled the GUI thread for up to 2 s (flows and CP-SAT model building hold the GIL in long C calls).
In a child process the solver has its own interpreter; the window's worker thread only waits on a pipe.
"""

from __future__ import annotations

import multiprocessing
import threading
import time
import traceback
from typing import Any, Callable

from pairing.domain import Program, RunResult
from pairing.errors import UserError
from pairing.words import msg

POLL_S = 0.05
PROGRESS_EVERY_S = 0.1
JOIN_S = 5.0


class SolverProcessError(RuntimeError):
    """The engine failed with an error in the solver process (a bug: reported with its traceback)."""


class SearchProcessEnded(UserError):
    """The process searching for teams ended without a result — stopped by the system (out of memory) or by
    someone — which is no bug of the engine's: the curator is told in their language, and may propose again."""

    def __init__(self, exit_code: int | None) -> None:
        super().__init__(msg("desktop.search_process_ended", status=exit_code if exit_code is not None else "?"))
        self.exit_code = exit_code


def _child(program: Program, options, connection, stop) -> None:
    """Runs in the child: solve, send throttled progress, then the result (or the error)."""
    from pairing import engine

    last = {"at": 0.0, "phase": None}

    def progress(p) -> None:
        now = time.monotonic()
        if now - last["at"] >= PROGRESS_EVERY_S or p.phase != last["phase"]:
            last["at"], last["phase"] = now, p.phase
            connection.send(("progress", p))

    try:
        result = engine.solve(program, options, progress=progress, cancel=stop)
        connection.send(("result", result))
    except UserError as exc:
        connection.send(("user_error", exc.message))  # a Message: said in the window's language
    except BaseException as exc:  # noqa: BLE001 — anything else is reported to the window, not lost
        connection.send(("error", f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}"))
    finally:
        connection.close()


def _child_call(function, args, kwargs, connection) -> None:
    """Runs in the child: call one engine function and send back its result (or the error)."""
    try:
        connection.send(("result", function(*args, **kwargs)))
    except UserError as exc:
        connection.send(("user_error", exc.message))  # a Message: said in the window's language
    except BaseException as exc:  # noqa: BLE001
        connection.send(("error", f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}"))
    finally:
        connection.close()


def team_alternatives(program: Program, result: RunResult, director: str, lang: str, limit: int = 5):
    """A director's alternatives and their team's reasons in `lang` (called in a child for large programs)."""
    from pairing import engine

    evaluator = engine.TeamEvaluator(program)  # this search's own: it runs on a worker thread or in a child
    team = next((t for t in result.teams if t.director == director), None)
    reasons = program.renderer(lang).sentences(evaluator.reasons(team)) if team is not None else None
    return evaluator.alternatives(result, director, limit=limit), reasons


def compatibility_matrix(program: Program):
    """The program's compatibility matrix (engine.TeamEvaluator.compatibility_matrix; sent to a child by name)."""
    from pairing import engine

    return engine.TeamEvaluator(program).compatibility_matrix()


def call_in_process(function: Callable, *args, cancel: threading.Event | None = None, **kwargs):
    """`function(*args, **kwargs)` in a spawned child (a module-level function: it is sent by name).

    Cancel ends the child at once (an engine question has nothing partial worth keeping) and returns None."""
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child_call, args=(function, args, kwargs, sender), daemon=True,
                            name="pairing-engine")
    child.start()
    sender.close()
    try:
        return _wait(child, receiver, None, None, cancel)
    except _Abandoned:
        return None
    finally:
        receiver.close()
        if child.is_alive() and cancel is not None and cancel.is_set():
            child.terminate()
        child.join(JOIN_S)
        if child.is_alive():
            child.terminate()
            child.join(JOIN_S)


def solve_in_process(program: Program, options, *, progress: Callable[[Any], None] | None = None,
                     cancel: threading.Event | None = None) -> RunResult:
    """engine.solve in a spawned child process; same arguments and result. Cancel stops the child's search,
    which still returns its best pairing."""
    context = multiprocessing.get_context("spawn")  # never fork a process that runs Qt threads
    receiver, sender = context.Pipe(duplex=False)
    stop = context.Event()
    child = context.Process(target=_child, args=(program, options, sender, stop), daemon=True,
                            name="pairing-solver")
    child.start()
    sender.close()
    try:
        return _wait(child, receiver, stop, progress, cancel)
    finally:
        receiver.close()
        child.join(JOIN_S)
        if child.is_alive():
            child.terminate()
            child.join(JOIN_S)


class _Abandoned(Exception):
    """Cancelled while the child had no way to stop gracefully."""


def _wait(child, receiver, stop, progress, cancel) -> RunResult:
    """Relay the child's messages until its result. `stop`: the child's own cancel event (None: the child
    cannot stop gracefully, so a cancel abandons it)."""
    while True:
        if cancel is not None and cancel.is_set():
            if stop is None:
                raise _Abandoned()
            stop.set()
        if receiver.poll(POLL_S):
            try:
                kind, value = receiver.recv()
            except EOFError:
                child.join(JOIN_S)  # it ended: its exit status says how
                raise SearchProcessEnded(child.exitcode) from None
            if kind == "progress":
                if progress is not None:
                    progress(value)
            elif kind == "result":
                return value
            elif kind == "user_error":
                raise UserError(value)
            else:
                raise SolverProcessError(value)
        elif not child.is_alive() and not receiver.poll(0):
            raise SearchProcessEnded(child.exitcode)
