"""`pairing solve`: propose teams, save the run in the program, print a summary or the JSON contract."""

from __future__ import annotations

import argparse
import contextlib
import json
import signal
import sys
import threading
from pathlib import Path

from pairing.actions import reading, runs
from pairing.actions.propose import propose
from pairing.domain import Program, RunResult, RunStatus
from pairing.errors import UserError
from pairing.storage import open_program


def run(args: argparse.Namespace) -> int:
    _check_exists(args.db)
    store = open_program(args.db, create=False)
    try:
        with _interruptible() as cancel:
            done = propose(store.sessions, settings_changes(args), search={"seed": args.seed}, cancel=cancel)
        with store.sessions() as session:
            program, result = reading.program(session), runs.saved_run(session, done.value).result
    finally:
        store.close()
    say = program.renderer("en")
    print(json.dumps(result.to_json(say), ensure_ascii=False, indent=2) if args.json else summary(program, result, say))
    if result.status is RunStatus.INFEASIBLE:
        for message in result.diagnosis or [u.why for u in result.unmatched]:
            print(f"pairing solve: {say(message)}", file=sys.stderr)
        return 1
    return 0


def _check_exists(db: str) -> None:
    if "://" not in db and not Path(db).exists():
        raise UserError(f"{db} does not exist: import a roster first (`pairing import ROSTER --db {db}`).")


def settings_changes(args: argparse.Namespace) -> dict:
    """The program settings the command line changes for this run (saved with the run)."""
    changes = {"time_limit_s": args.time_limit, "fairness": True if args.fair else None,
               "require_meeting": False if args.no_meeting else None}
    if args.instructors is not None:
        changes["instructors_min"], changes["instructors_max"] = args.instructors
    return changes


@contextlib.contextmanager
def _interruptible():
    """Ctrl-C cancels the search and keeps the best pairing found so far."""
    cancel = threading.Event()
    previous = signal.getsignal(signal.SIGINT)
    in_main = threading.current_thread() is threading.main_thread()
    if in_main:
        signal.signal(signal.SIGINT, lambda *_: cancel.set())
    try:
        yield cancel
    finally:
        if in_main:
            signal.signal(signal.SIGINT, previous)


def summary(program: Program, result: RunResult, say) -> str:
    """A readable report: status, score and bound, then each team with names, score and reasons."""
    names = {p.id: p.name for p in program.people}
    label = lambda pid: f"{names.get(pid, pid)} ({pid})" if names.get(pid, pid) != pid else pid  # noqa: E731
    gap = (result.bound - result.objective) / result.bound * 100 if result.bound > 0 else 0.0
    lines = [f"Status: {result.status}   score {result.objective:.1f}   bound {result.bound:.1f} "
             f"(gap {gap:.2f}%)   {result.wall_s:.2f} s   {len(result.teams)} teams"]
    if result.teams_changed is not None:
        lines.append(f"Teams changed since the previous run: {result.teams_changed}")
    for team in result.teams:
        instructors = ", ".join(label(i) for i in team.instructors) or "none"
        lines.append("")
        lines.append(f"{label(team.director)}  — score {team.score:.1f}")
        lines.append(f"  producer: {label(team.producer) if team.producer else 'none'}")
        lines.append(f"  instructors: {instructors}")
        lines.extend(f"  · {say(reason)}" for reason in team.reasons)
    if result.unmatched:
        lines.append("")
        lines.append("Without a team:")
        lines.extend(f"  {label(u.id)}: {say(u.why)}" for u in result.unmatched)
    if result.diagnosis:
        lines.append("")
        lines.append("Diagnosis:")
        lines.extend(f"  {say(message)}" for message in result.diagnosis)
    return "\n".join(lines)
