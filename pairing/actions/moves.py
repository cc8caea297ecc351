"""Move a mentor: plan a manual change to a run's teams, check it against the hard rules, save it.

`evaluate` is pure (the window calls it while a mentor is dragged, with the engine's evaluator it keeps);
`move_mentor` is the action: it reads the run, evaluates, refuses with the rules the change would break,
or saves the changed teams with an undo value.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from pairing.actions.changes import Done
from pairing.actions.runs import saved_run, set_result
from pairing.domain import Program, RunResult, RunStatus, Team
from pairing.errors import ActionRefused
from pairing.storage import repo
from pairing.words import Message, msg

if TYPE_CHECKING:  # the engine loads OR-Tools: imported where it is used
    from pairing.engine import TeamEvaluator


class MoveRefused(ActionRefused):
    """A manual change that cannot be made; the message says why and what to do instead."""


@dataclass(frozen=True)
class Move:
    """A mentor dropped on a team: who, in which role, from which team (None: not from a team), and,
    for an engine alternative, whom they replace in the team they were proposed for."""

    mentor: str
    role: str
    target: str
    source: str | None = None
    replaces: str | None = None
    target_hint: str | None = None


@dataclass(frozen=True)
class Outcome:
    """A planned change: the new result, the changed directors, the hard rules it would break, the score change."""

    result: RunResult
    changed: tuple[str, ...]
    violations: tuple[Message, ...] = ()
    delta: float = 0.0

    @property
    def allowed(self) -> bool:
        return not self.violations


Members = tuple[str | None, tuple[str, ...]]  # producer, instructors


def move_mentor(session: Session, run_id: int, move: Move) -> Done:
    """Make a manual change to a saved run if every hard rule still holds; otherwise refuse, change nothing."""
    from pairing.engine import TeamEvaluator

    run = saved_run(session, run_id)
    outcome = evaluate(TeamEvaluator(run_program(session, run_id)), run.result, move)
    if not outcome.allowed:
        raise MoveRefused(msg("actions.move_breaks_rules"), outcome.violations)
    done = set_result(session, run_id, outcome.result)
    return replace(done, value=outcome)


def run_program(session: Session, run_id: int) -> Program:
    """The program as a run saw it: its `previous` is the run before that one, not the latest run."""
    program = repo.load_program(session)
    earlier = [r for r in repo.list_runs(session) if r.id < run_id]
    return replace(program, previous=earlier[-1].result if earlier else None)


def _members(team: Team) -> Members:
    return team.producer, tuple(team.instructors)


def _is_locked(program: Program, director: str, mentor: str) -> bool:
    return any(lock.director == director and lock.mentor == mentor for lock in program.locks)


def _refuse_locked(program: Program, director: str, mentor: str | None, names: dict) -> None:
    if mentor and _is_locked(program, director, mentor):
        raise MoveRefused(msg("actions.move_locked", mentor_name=names.get(mentor, mentor),
                              director_name=names.get(director, director)))


def _free_instructor(program: Program, director: str, instructors: tuple[str, ...], avoid: set[str]) -> str | None:
    """The last instructor of a team that is neither locked to it nor in `avoid` (to swap out)."""
    for instructor in reversed(instructors):
        if instructor not in avoid and not _is_locked(program, director, instructor):
            return instructor
    return None


def plan_members(program: Program, result: RunResult, move: Move) -> dict[str, Members]:
    """The new members of every team the move changes. Raises MoveRefused when it makes no sense."""
    names = {p.id: p.name for p in program.people}
    teams = {t.director: t for t in result.teams}
    if move.target not in teams:
        raise MoveRefused(msg("actions.move_no_team", director_name=names.get(move.target, move.target)))
    target = teams[move.target]
    if move.mentor in target.mentors:
        raise MoveRefused(msg("actions.move_already", mentor_name=names.get(move.mentor, move.mentor)))
    if move.source is not None and move.source in teams and move.source != move.target:
        return _plan_from_team(program, teams[move.source], target, move, names)
    return {target.director: _plan_replacement(program, target, move, names)}


def _plan_replacement(program: Program, target: Team, move: Move, names: dict) -> Members:
    producer, instructors = _members(target)
    if move.role == "producer":
        _refuse_locked(program, target.director, producer, names)
        return move.mentor, instructors
    out = move.replaces if move.target_hint == target.director and move.replaces in instructors else None
    if out is None and len(instructors) >= program.settings.instructors_max:
        out = _free_instructor(program, target.director, instructors, set())
        if out is None:
            raise MoveRefused(msg("actions.move_all_locked"))
    if out is None:
        return producer, instructors + (move.mentor,)
    _refuse_locked(program, target.director, out, names)
    return producer, tuple(move.mentor if i == out else i for i in instructors)


def _plan_from_team(program: Program, source: Team, target: Team, move: Move, names: dict) -> dict[str, Members]:
    _refuse_locked(program, source.director, move.mentor, names)
    s_producer, s_instructors = _members(source)
    t_producer, t_instructors = _members(target)
    if move.role == "producer":
        # Two teams trade producers: each director keeps exactly one.
        _refuse_locked(program, target.director, t_producer, names)
        return {source.director: (t_producer, s_instructors), target.director: (move.mentor, t_instructors)}
    s_without = tuple(i for i in s_instructors if i != move.mentor)
    if len(t_instructors) < program.settings.instructors_max and len(s_without) >= program.settings.instructors_min:
        return {source.director: (s_producer, s_without), target.director: (t_producer, t_instructors + (move.mentor,))}
    out = _free_instructor(program, target.director, t_instructors, set(s_instructors))
    if out is None:
        raise MoveRefused(msg("actions.move_no_swap"))
    return {
        source.director: (s_producer, tuple(out if i == move.mentor else i for i in s_instructors)),
        target.director: (t_producer, tuple(move.mentor if i == out else i for i in t_instructors)),
    }


def evaluate(evaluator: "TeamEvaluator", result: RunResult, move: Move) -> Outcome:
    """Plan the move, score the changed teams with the engine and check every hard rule on them.

    `evaluator` is the engine's evaluator of the program as the run saw it (`run_program`); the caller
    owns it (the window keeps one while a mentor is dragged)."""
    program = evaluator.program
    planned = plan_members(program, result, move)
    # Loads count every team as it will be, so score the changed teams against the planned run.
    draft = replace(result, teams=tuple(
        replace(t, producer=planned[t.director][0], instructors=planned[t.director][1])
        if t.director in planned else t for t in result.teams))
    new_teams = {d: _scored_team(evaluator, d, producer, instructors, draft)
                 for d, (producer, instructors) in planned.items()}
    old_scores = sum(t.score for t in result.teams if t.director in new_teams)
    delta = sum(t.score for t in new_teams.values()) - old_scores
    status = RunStatus.FEASIBLE if result.status is RunStatus.OPTIMAL else result.status
    new_result = replace(
        result, status=status, objective=result.objective + delta,
        teams=tuple(new_teams.get(t.director, t) for t in result.teams),
    )
    if evaluator.options.distinct_mentor_slots:
        # each mentor's teams meet at different weekly times: the changed teams keep or find one (eng-rule)
        from pairing.engine import settle_weekly_slots

        settled = settle_weekly_slots(program, new_result.teams, set(new_teams), result.teams)
        new_result = replace(new_result, teams=settled)
        new_teams = {t.director: t for t in settled if t.director in new_teams}
    violations = tuple(
        violation for team in new_teams.values() for violation in evaluator.check_team(new_result, team)
    )
    return Outcome(new_result, tuple(new_teams), tuple(dict.fromkeys(violations)), delta)


def _scored_team(evaluator: "TeamEvaluator", director: str, producer: str | None, instructors: tuple[str, ...],
                 context: RunResult) -> Team:
    team = evaluator.evaluate_team(director, producer, instructors, context=context)
    locked = tuple(m for m in team.mentors if _is_locked(evaluator.program, director, m))
    return replace(team, locked=locked)
