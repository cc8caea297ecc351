"""What the window needs around a run, asked of a `TeamEvaluator` the caller owns: score a team, check a
manual edit against the hard rules, offer alternative mentors, and pair scores for the compatibility matrix."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from pairing.criteria import PAIR_KEYS
from pairing.domain import Program, Role, RunResult, Team
from pairing.engine.diagnose import pair_rule_message
from pairing.engine.instance import (
    CAPACITY, MEETING, Instance, blocks, compile_program, forbidden_reason, meeting_mask, pair_block, who,
)
from pairing.engine.mentor_slots import weekly_problems
from pairing.engine.options import SolveOptions
from pairing.engine.reasons import team_reasons
from pairing.engine.scoring import build_team, usage_of
from pairing.words import Message, RoleRef, msg

class TeamEvaluator:
    """The engine's answers about one program as it is: team scores and reasons, the hard rules a manual
    change breaks, alternative mentors, pair scores and the compatibility matrix.

    It compiles the program once, when made, and holds no other state: the caller owns it (issue 8, no
    hidden state in the engine) and makes a new one when the program changes — the window's Pairing page
    keeps one per program value it shows, an action or an export makes one for its own work. Use it from
    one thread at a time; background work makes its own from the program (only plain values cross threads).
    """

    def __init__(self, program: Program, options: SolveOptions | None = None) -> None:
        self.program = program
        self.options = options or SolveOptions.from_settings(program.settings)
        self.instance: Instance = compile_program(program, self.options)

    def evaluate_team(self, director: str, producer: str | None, instructors: Sequence[str], *,
                      context: RunResult | None = None) -> Team:
        """Score and explain one team. With `context` (a run), mentor loads count the run's other teams."""
        inst = self.instance
        d = inst.d_index[director]
        members = _members(inst, producer, instructors)
        others = tuple(t for t in context.teams if t.director != director) if context else ()
        usage = usage_of(others, inst)
        for m in members:
            usage[m] = usage.get(m, 0) + 1
        return build_team(inst, d, members, usage)

    def reasons(self, team: Team) -> list[Message]:
        """A team's reasons as messages, computed from the program as it is now."""
        inst = self.instance
        return team_reasons(inst, inst.d_index[team.director], _members(inst, team.producer, team.instructors))

    def check_team(self, result: RunResult, team: Team) -> list[Message]:
        """Hard rules a manually edited team breaks (violations, as messages), given the run's other teams;
        [] when it is fine."""
        inst = self.instance
        if team.director not in inst.d_index:
            return [msg("rules.not_in_role", id=team.director, role=RoleRef("director"))]
        problems = _role_problems(inst, team)
        if problems:
            return problems
        d = inst.d_index[team.director]
        members = _members(inst, team.producer, team.instructors)
        others = [t for t in result.teams if t.director != team.director]
        return [*_size_problems(inst, team), *_capacity_problems(inst, others, members),
                *filter(None, (_pair_problem(inst, d, m) for m in members)),
                *_meeting_problems(inst, d, members), *_lock_problems(inst, d, members, others),
                *weekly_problems(inst, team, others)]  # distinct mentor slots (eng-rule)

    def alternatives(self, result: RunResult, director: str, limit: int = 5) -> list[Alternative]:
        """The best swaps for one director's team that keep every hard rule given the other teams."""
        current = next((t for t in result.teams if t.director == director), None)
        if current is None:
            current = Team(director=director, producer=None)
        base = self.evaluate_team(director, current.producer, current.instructors, context=result)
        base_score = base.score if current.producer else 0.0
        found = []
        for role, mentor, replaces, team in _swaps(self.instance, current):
            if self.check_team(result, team):
                continue
            scored = self.evaluate_team(director, team.producer, team.instructors, context=result)
            found.append(Alternative(role, mentor, replaces, scored.score - base_score, scored.reasons[:3]))
        found.sort(key=lambda a: (-a.delta, a.mentor))
        return found[:limit]

    def pair_score(self, director: str, mentor: str) -> float | None:
        """The compatibility of a director and a mentor (0–100), None where a hard rule forbids the pair."""
        inst = self.instance
        block = pair_block(inst, np.array([inst.d_index[director]]))
        value = _pair_scores(inst, block)[0, inst.m_index[mentor]]
        return None if np.isnan(value) else round(float(value), 4)

    def compatibility_matrix(self) -> tuple[list[str], list[str], list[list[float | None]]]:
        """Director ids, mentor ids (producers then instructors) and the pair scores (None where forbidden)."""
        inst = self.instance
        rows: list[list[float | None]] = []
        for block in blocks(inst):
            for line in _pair_scores(inst, block):
                rows.append([None if np.isnan(v) else round(float(v), 4) for v in line])
        return [p.id for p in inst.directors], [p.id for p in inst.mentors], rows


def _members(inst: Instance, producer: str | None, instructors: Sequence[str]) -> list[int]:
    ids = ([producer] if producer else []) + list(instructors)
    unknown = [i for i in ids if i not in inst.m_index]
    if unknown:
        raise KeyError(f"not a mentor of this program: {', '.join(unknown)}")
    return [inst.m_index[i] for i in ids]


def _role_problems(inst: Instance, team: Team) -> list[Message]:
    problems = []
    if team.producer and (team.producer not in inst.m_index or not inst.is_producer(inst.m_index[team.producer])):
        problems.append(msg("rules.not_in_role", id=team.producer, role=RoleRef("producer")))
    for i in team.instructors:
        if i not in inst.m_index or inst.is_producer(inst.m_index[i]):
            problems.append(msg("rules.not_in_role", id=i, role=RoleRef("instructor")))
    if len(set(team.instructors)) != len(team.instructors):
        problems.append(msg("rules.same_instructor_twice", director_id=team.director))
    return problems


def _size_problems(inst: Instance, team: Team) -> list[Message]:
    problems = []
    if not team.producer:
        problems.append(msg("rules.no_producer", director_id=team.director))
    low, high = inst.options.instructors_min, inst.options.instructors_max
    if not low <= len(team.instructors) <= high:
        problems.append(msg("rules.team_size", director_id=team.director, count=len(team.instructors),
                            low=low, high=high))
    return problems


def _capacity_problems(inst: Instance, others: list[Team], members: list[int]) -> list[Message]:
    usage = usage_of(others, inst)
    return [msg("rules.over_capacity", mentor_who=who(inst.mentors[m]), mentor_id=inst.mentors[m].id,
                count=usage.get(m, 0) + 1, capacity=int(inst.capacity[m]))
            for m in members if usage.get(m, 0) + 1 > inst.capacity[m]]


def _pair_problem(inst: Instance, d: int, m: int) -> Message | None:
    """A pairwise rule the pair breaks, by the rule's code: capacity is reported by the capacity check
    with the numbers, the meeting slot once for the whole team by the meeting check."""
    rule = forbidden_reason(inst, d, m)
    if rule is None or rule in (CAPACITY, MEETING):
        return None
    return pair_rule_message(inst, d, m, rule)


def _meeting_problems(inst: Instance, d: int, members: list[int]) -> list[Message]:
    if not inst.options.require_meeting or meeting_mask(inst, d, members):
        return []
    return [msg("rules.team_no_meeting", director_who=who(inst.directors[d]), director_id=inst.directors[d].id)]


def _lock_problems(inst: Instance, d: int, members: list[int], others: list[Team]) -> list[Message]:
    """Every lock of this director must stay in the team (locks of other directors are theirs to keep)."""
    return [msg("rules.lock_kept", director_id=inst.directors[d].id, mentor_who=who(inst.mentors[m]),
                mentor_id=inst.mentors[m].id)
            for ld, m in inst.locks if ld == d and m not in members]


# -- alternatives -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Alternative:
    """A mentor who could join the director's team, whom it would replace, and the team score change."""

    role: Role
    mentor: str
    replaces: str | None
    delta: float
    reasons: tuple[Message, ...]


def _swaps(inst: Instance, team: Team):
    for p in inst.producer_range:
        mentor = inst.mentors[p].id
        if mentor != team.producer:
            yield Role.PRODUCER, mentor, team.producer, Team(team.director, mentor, team.instructors)
    for i in inst.instructor_range:
        mentor = inst.mentors[i].id
        if mentor in team.instructors:
            continue
        if len(team.instructors) < inst.options.instructors_max:
            yield Role.INSTRUCTOR, mentor, None, Team(team.director, team.producer, (*team.instructors, mentor))
        for old in team.instructors:
            swapped = tuple(mentor if x == old else x for x in team.instructors)
            yield Role.INSTRUCTOR, mentor, old, Team(team.director, team.producer, swapped)


# -- pair scores ------------------------------------------------------------------------------------

PAIR_CRITERIA = PAIR_KEYS  # the criteria of a director–mentor pair score (pairing/criteria.py)


def _pair_scores(inst: Instance, block) -> np.ndarray:
    """A director–mentor compatibility 0–100: the weighted pair criteria as if they formed a team alone."""
    w = inst.weights
    total = sum(w[c] for c in PAIR_CRITERIA) or 1.0
    score = sum(w[c] * block.value(c) for c in PAIR_CRITERIA if w[c]) / total
    return np.where(block.allowed, score, np.nan)
