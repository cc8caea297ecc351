"""`pairing solve`: propose teams, save the run in the program, print a summary or the JSON contract."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pairing.actions import reading, runs
from pairing.actions.program import RunSetAside, open_program, saver
from pairing.actions.propose import propose
from pairing.cli import command_renderer, interruptible, settings_flags, waiting_teller
from pairing.domain import Program, RunResult, RunStatus
from pairing.errors import UserError
from pairing.words import Renderer, SlotRef, msg


def run(args: argparse.Namespace) -> int:
    _check_exists(args.db)
    store = open_program(args.db, create=False, on_wait=waiting_teller(args))
    aside = None
    try:
        with interruptible() as cancel:
            try:
                done = propose(store.sessions, settings_changes(args), search={"seed": args.seed}, cancel=cancel,
                               save=saver(store))
            except RunSetAside as exc:  # issue 12: the program refused the run; it is kept beside it
                aside = exc
        with store.sessions() as session:
            program = reading.program(session)
            result = aside.result if aside else runs.saved_run(session, done.value).result
    finally:
        store.close()
    say = command_renderer(args, program)
    print(json.dumps(result.to_json(say), ensure_ascii=False, indent=2) if args.json else summary(program, result, say))
    if aside is not None:
        raise aside
    if result.status in (RunStatus.INFEASIBLE, RunStatus.UNKNOWN):  # not every director could be placed
        for message in result.diagnosis or [u.why for u in result.unmatched]:
            print(f"pairing solve: {say(message)}", file=sys.stderr)
        return 1
    return 0


def _check_exists(db: str) -> None:
    if "://" not in db and not Path(db).expanduser().exists():
        raise UserError(msg("cli.no_program_file", db=db, command=f"pairing import ROSTER --db {db}"))


def settings_changes(args: argparse.Namespace) -> dict:
    """The program settings the command line changes for this run (saved with the run)."""
    return settings_flags.changes(args)


def summary(program: Program, result: RunResult, say: Renderer) -> str:
    """A readable report in the renderer's language: status, total score and how much better is possible, then each team with names,
    score and reasons, then who is without a team and why."""
    names = {p.id: p.name for p in program.people}
    label = lambda pid: f"{names.get(pid, pid)} ({pid})" if names.get(pid, pid) != pid else pid  # noqa: E731
    people = lambda ids: say.join(label(i) for i in ids) or say(msg("words.none"))  # noqa: E731
    lines = [say(msg("cli.solve_status", status=msg(f"status.{result.status}"), score=result.total_score,
                     seconds=result.wall_s, teams=len(result.teams)))]
    if result.status is not RunStatus.OPTIMAL and result.better_possible is not None:
        lines.append(f"  ({say(result.better_possible)})")
    if result.teams_changed is not None:
        lines.append(say(msg("cli.teams_changed", count=result.teams_changed)))
    for team in result.teams:
        lines += ["", say(msg("cli.team_heading", director=label(team.director), score=team.shown_score)),
                  say(msg("cli.team_producer", names=people([team.producer] if team.producer else []))),
                  say(msg("cli.team_instructors", names=people(team.instructors)))]
        if team.weekly_slot:  # each mentor's teams meet at different weekly times (issue 9 part 6)
            lines.append(say(msg("engine.weekly_slot_line", slot=SlotRef(team.weekly_slot))))
        lines.extend(f"  · {say(reason)}" for reason in team.reasons)
    if result.unmatched:
        lines += ["", say(msg("cli.without_team"))]
        lines.extend(f"  {label(u.id)}: {say(u.why)}" for u in result.unmatched)
    if result.diagnosis:
        lines += ["", say(msg("cli.diagnosis"))]
        lines.extend(f"  {say(message)}" for message in result.diagnosis)
    return "\n".join(lines)
