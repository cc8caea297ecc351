"""The optional hard rule "each mentor's teams meet at different weekly times" (issue 9 part 6, issue 10
part 5; setting `distinct_mentor_slots`, default off).

With the rule on, every team has ONE weekly slot in which all its members are free (its `weekly_slot`),
and no mentor — producer or instructor — has two teams on the same weekly slot. The rule implies the
shared-slot rule (a team without a common slot has no weekly time).

The exact models carry the rule themselves: the team-column master has mentor × slot rows and columns
that fix their slot (master.py, pricing.py), the whole-model CP-SAT a slot variable per team (cpsat.py).
This module holds what every path shares:

- `assign` picks a weekly slot for each complete team of a pairing (CP-SAT: one slot per team, at most one
  team per mentor and slot), keeping as many teams as possible — the best ones first — and freeing the
  teams that cannot be kept. After an exact model it keeps every team (a valid choice exists).
- `keep` is what the solver calls last: `assign`, then `refill` — a greedy that gives the freed directors
  (and any other director left without a team) a team from the places and slots still free. The
  large-program path (construction + neighbourhood search), which does not model the rule, relies on it.
- `clashes` lists what breaks the rule in a pairing with its slots (tests).
- `settle_weekly_slots` and `weekly_problems` serve manual edits: a changed team keeps or finds a weekly slot, and
  `check_team` names the mentor and the slot when it cannot.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

import numpy as np
from ortools.sat.python import cp_model

from pairing.engine.candidates import Arcs, by_director
from pairing.engine.construct import Teams, is_complete, usage_array
from pairing.domain import Program, Team
from pairing.engine.instance import Instance, forbidden_reason, who
from pairing.words import Message, SlotRef, msg

Slots = dict[int, int]  # director → slot index of its team's weekly meeting time
KEEP_BONUS = 1_000_000  # a team kept outweighs any score difference (scores are at most ~200 points × 1000)
ASSIGN_SECONDS = 5.0


def team_slots(inst: Instance, d: int, members: list[int]) -> list[int]:
    """The slot indices in which the director and every member are free."""
    mask = inst.d_avail[d]
    for m in members:
        mask &= inst.m_avail[m]
    return [j for j in range(len(inst.slots)) if mask >> j & 1]


def clashes(inst: Instance, teams: Teams, slots: Slots) -> list[tuple[int, int, list[int]]]:
    """(mentor, slot, directors) for every mentor with two teams on one weekly slot, and (−1, slot, [d]) for
    a team whose weekly slot is missing or not free for all its members."""
    out = []
    holders: dict[tuple[int, int], list[int]] = defaultdict(list)
    for d, members in sorted(teams.items()):
        if not members:
            continue
        j = slots.get(d, -1)
        if j not in team_slots(inst, d, members):
            out.append((-1, j, [d]))
            continue
        for m in members:
            holders[m, j].append(d)
    out += [(m, j, ds) for (m, j), ds in sorted(holders.items()) if len(ds) > 1]
    return out


def assign(inst: Instance, teams: Teams, *, hint: Slots | None = None, values: dict[int, float] | None = None,
           fixed: Slots | None = None, seconds: float = ASSIGN_SECONDS) -> tuple[Teams, Slots]:
    """A weekly slot for each complete team such that no mentor has two teams on one slot. Teams that
    cannot all be kept: as many as possible stay, the higher `values` (team scores) first; the others are
    dropped from the returned teams. `fixed` slots are kept as they are (locked by the caller)."""
    complete = {d: ms for d, ms in teams.items() if ms and is_complete(inst, d, ms)}
    choices = {d: team_slots(inst, d, ms) for d, ms in complete.items()}
    if fixed:
        choices.update({d: [j] for d, j in fixed.items() if d in choices and j in choices[d]})
    # data → model → variables: w[d, j] the team of d meets weekly in slot j
    model = cp_model.CpModel()
    w = {(d, j): model.new_bool_var(f"w{d},{j}") for d, js in choices.items() for j in js}
    # constraints: one slot per kept team; a mentor meets at most one team per slot
    kept = {}
    for d, js in choices.items():
        kept[d] = model.new_bool_var(f"kept{d}")
        model.add(sum(w[d, j] for j in js) == kept[d])
    per_mentor_slot: dict[tuple[int, int], list] = defaultdict(list)
    for (d, j), var in w.items():
        for m in complete[d]:
            per_mentor_slot[m, j].append(var)
    for group in per_mentor_slot.values():
        if len(group) > 1:
            model.add_at_most_one(group)
    # objective: keep every team if possible, the best ones first
    values = values or {}
    model.maximize(sum((KEEP_BONUS + int(round(1000 * values.get(d, 0.0)))) * var for d, var in kept.items()))
    start = greedy_slots(complete, choices, hint or {})
    for (d, j), var in w.items():
        model.add_hint(var, start.get(d) == j)
    for d, var in kept.items():
        model.add_hint(var, d in start)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = seconds
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = inst.options.seed
    status = solver.solve(model)
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        chosen = {d: j for (d, j), var in w.items() if solver.boolean_value(var)}
    else:  # no solution in time (never seen on the programs the exact models take): the greedy's
        chosen = start
    return {d: list(ms) for d, ms in complete.items() if d in chosen}, chosen


def greedy_slots(complete: Teams, choices: dict[int, list[int]], hint: Slots) -> Slots:
    """Each team in turn takes its hinted slot, else its first slot none of its mentors already holds."""
    taken: set[tuple[int, int]] = set()
    chosen: Slots = {}
    for d, members in complete.items():
        order = ([hint[d]] if hint.get(d) in choices[d] else []) + choices[d]
        for j in order:
            if not any((m, j) in taken for m in members):
                taken |= {(m, j) for m in members}
                chosen[d] = j
                break
    return chosen


def refill(inst: Instance, arcs: Arcs, teams: Teams, slots: Slots) -> tuple[Teams, Slots]:
    """Teams for the directors without one, greedily, from the mentor places and (mentor, slot) pairs still
    free: for each of the director's free slots the best producer free then, then its best instructors
    free then (candidate arcs, highest pairwise value first); the first slot that completes a team wins."""
    teams = {d: list(ms) for d, ms in teams.items()}
    slots = dict(slots)
    used = usage_array(inst, teams)
    taken = {(m, slots[d]) for d, ms in teams.items() if d in slots for m in ms}
    per_director = by_director(arcs, inst.n_directors)
    locked: dict[int, list[int]] = defaultdict(list)
    for d, m in inst.locks:
        locked[d].append(m)
    for d in range(inst.n_directors):
        if d in teams and d in slots or d in inst.blocked:
            continue
        idx = per_director[d]
        order = idx[np.argsort(-arcs.value[idx], kind="stable")]
        for j in team_slots(inst, d, locked[d]):
            team = _team_at(inst, d, j, [int(arcs.m[i]) for i in order], locked[d], used, taken)
            if team is not None:
                teams[d], slots[d] = team, j
                used[team] += 1
                taken |= {(m, j) for m in team}
                break
    return teams, slots


def _team_at(inst: Instance, d: int, j: int, candidates: list[int], locked: list[int], used: np.ndarray,
             taken: set) -> list[int] | None:
    def free(m: int) -> bool:
        return (inst.m_avail[m] >> j & 1 and used[m] < inst.capacity[m] and (m, j) not in taken
                and not forbidden_reason(inst, d, m))

    if not all(free(m) for m in locked):
        return None
    producers = [m for m in locked if inst.is_producer(m)] or [m for m in candidates if inst.is_producer(m) and free(m)][:1]
    instructors = [m for m in locked if not inst.is_producer(m)]
    for m in candidates:
        if len(instructors) >= inst.options.instructors_max:
            break
        if not inst.is_producer(m) and m not in instructors and free(m):
            instructors.append(m)
    team = producers[:1] + instructors
    return team if len(producers) == 1 and is_complete(inst, d, team) else None


def keep(inst: Instance, arcs: Arcs, teams: Teams, values: dict[int, float] | None = None) -> tuple[Teams, Slots]:
    """The solver's last step with the rule on: weekly slots for the pairing's teams (freeing those that
    cannot be kept), then teams for the directors left without one where places and slots allow."""
    kept, slots = assign(inst, teams, values=values)
    return refill(inst, arcs, kept, slots)


# -- manual edits (ids, as the window and the actions hold them) ------------------------------------------

def _free_together(program: Program, team: Team) -> list[str]:
    people = program.by_id()
    free = list(program.settings.calendar)
    for person_id in (team.director, *team.mentors):
        person = people.get(person_id)
        free = [s for s in free if person is not None and s in person.availability]
    return free


def _held(others, team: Team) -> dict[str, list[tuple[str, str]]]:
    """Per slot, the (mentor, other director) pairs that make it taken for this team."""
    mine = set(team.mentors)
    held: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for other in others:
        if other.director != team.director and other.weekly_slot:
            for m in sorted(mine & set(other.mentors)):
                held[other.weekly_slot].append((m, other.director))
    return held


def settle_weekly_slots(program: Program, teams: tuple[Team, ...], changed: set[str],
                        before: tuple[Team, ...] = ()) -> tuple[Team, ...]:
    """After a manual change with the rule on: each changed team keeps its weekly slot (or the one its
    director's team had `before`) when its members are all still free then and none of its mentors meets
    another team then; else it takes the first such slot of the calendar; None when there is none
    (check_team then says why). Other teams keep theirs."""
    earlier = {t.director: t.weekly_slot for t in before}
    out = list(teams)
    for k, team in enumerate(out):
        if team.director not in changed:
            continue
        held = _held(out, team)
        fits = [s for s in _free_together(program, team) if not held.get(s)]
        wanted = team.weekly_slot or earlier.get(team.director)
        slot = wanted if wanted in fits else (fits[0] if fits else None)
        out[k] = replace(team, weekly_slot=slot)
    return tuple(out)


def weekly_problems(inst: Instance, team: Team, others) -> list[Message]:
    """Why a team breaks "each mentor's teams meet at different weekly times" given the run's other teams:
    its weekly slot is another team's time for one of its mentors, or no slot is left for it at all."""
    if not inst.options.distinct_mentor_slots or not team.producer:
        return []
    held = _held(others, team)
    free = _free_together(inst.program, team)
    if team.weekly_slot in free and not held.get(team.weekly_slot):
        return []
    if team.weekly_slot in free:
        return [msg("engine.weekly_clash", mentor_who=who(inst.mentors[inst.m_index[m]]), mentor_id=m,
                    slot=SlotRef(team.weekly_slot), director_id=team.director, other_id=other)
                for m, other in held[team.weekly_slot] if m in inst.m_index]
    if any(not held.get(s) for s in free):
        return []  # not yet given a weekly time, and one is free: settle() gives it
    return [msg("engine.no_weekly_slot", director_id=team.director, slots=tuple(SlotRef(s) for s in free))]
