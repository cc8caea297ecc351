"""CP-SAT over candidate arcs: the exact team model with the coupled criteria (needs covered once per team,
meeting slots shared by every member) and the meeting rule; warm-started, seeded, cancellable."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

import numpy as np
from ortools.sat.python import cp_model

from pairing.engine.candidates import Arcs, by_director
from pairing.engine.construct import Teams
from pairing.engine.instance import MEETING_FULL, SCALE, Instance
from pairing.engine.mentor_slots import greedy_slots, team_slots
from pairing.engine.scoring import load_marginal


@dataclass
class TeamModel:
    """The CP-SAT model of some directors (all by default) over their candidate arcs.

    `used` are mentor places already taken by teams outside the model (large-neighbourhood search);
    with `partial`, a director may stay without a team (`placed` false) at a large cost per director."""

    inst: Instance
    directors: list[int]
    model: cp_model.CpModel = field(default_factory=cp_model.CpModel)
    x: dict[tuple[int, int], cp_model.IntVar] = field(default_factory=dict)
    placed: dict[int, object] = field(default_factory=dict)
    team_terms: dict[int, list[tuple[int, object]]] = field(default_factory=dict)
    terms: list[tuple[int, object]] = field(default_factory=list)
    constant: float = 0.0
    assumptions: dict[object, tuple[str, tuple]] = field(default_factory=dict)
    z: dict[tuple[int, str], list[tuple[int, object]]] = field(default_factory=dict)  # need picks
    y: dict[int, list[tuple[int, object]]] = field(default_factory=dict)  # meeting slots
    count: dict[int, object] = field(default_factory=dict)
    levels: dict[int, list] = field(default_factory=dict)
    w: dict[int, list[tuple[int, object]]] = field(default_factory=dict)  # weekly slot (distinct mentor slots)


PLACE_BONUS = 10**9  # a director placed outweighs any score difference


def build_model(inst: Instance, arcs: Arcs, directors: list[int] | None = None, used: np.ndarray | None = None,
                partial: bool = False, with_assumptions: bool = False,
                weekly_taken: set[tuple[int, int]] | None = None) -> TeamModel:
    """The model of `directors` (all by default). With the rule "each mentor's teams meet at different
    weekly times" on, the whole model (or a part given the (mentor, slot) pairs other teams hold in
    `weekly_taken`) chooses each team's weekly slot too."""
    weekly = inst.options.distinct_mentor_slots and (directors is None or weekly_taken is not None)
    directors = list(range(inst.n_directors)) if directors is None else directors
    tm = TeamModel(inst, directors)
    per_director = by_director(arcs, inst.n_directors)
    used = np.zeros(inst.n_mentors, dtype=np.int64) if used is None else used
    for d in directors:
        _director_part(tm, d, arcs, per_director[d], partial, with_assumptions)
    _mentor_part(tm, used, with_assumptions)
    if weekly:
        _weekly_part(tm, weekly_taken or set(), with_assumptions)
    tm.model.maximize(sum(c * v for c, v in tm.terms))
    return tm


def _guard(tm: TeamModel, kind: str, key: tuple, with_assumptions: bool):
    """An assumption literal for one rule group when diagnosing, else None (the rule always holds)."""
    if not with_assumptions:
        return None
    literal = tm.model.new_bool_var(f"{kind}{key}")
    tm.assumptions[literal] = (kind, key)
    return literal


def _director_part(tm: TeamModel, d: int, arcs: Arcs, idx: np.ndarray, partial: bool, diag: bool) -> None:
    inst, model = tm.inst, tm.model
    placed = model.new_bool_var(f"placed{d}") if partial else 1
    tm.placed[d] = placed
    team_terms = tm.team_terms.setdefault(d, [])
    x_p, x_i = [], []
    mentors = [int(arcs.m[i]) for i in idx]
    for i in idx:
        m = int(arcs.m[i])
        var = model.new_bool_var(f"x{d},{m}")
        tm.x[(d, m)] = var
        (x_p if inst.is_producer(m) else x_i).append(var)
        team_terms.append((int(round(arcs.linear[i] * SCALE)), var))
    guard = _guard(tm, "team", (d,), diag)
    _enforce(model.add(sum(x_p) == placed), guard)
    _enforce(model.add(sum(x_i) >= inst.options.instructors_min * placed), guard)
    _enforce(model.add(sum(x_i) <= inst.options.instructors_max * placed), guard)
    for ld, m in inst.locks:
        if ld == d:
            lock = _guard(tm, "lock", (d, m), diag)
            var = tm.x.get((d, m))
            _enforce(model.add(var >= placed) if var is not None else model.add(placed == 0), lock)
    _needs_part(tm, d, mentors)
    _meeting_part(tm, d, mentors, _guard(tm, "meeting", (d,), diag))
    if partial:
        tm.terms.append((PLACE_BONUS, placed))
    tm.terms.extend(team_terms)


def _enforce(constraint, literal) -> None:
    if literal is not None:
        constraint.only_enforce_if(literal)


def _needs_part(tm: TeamModel, d: int, mentors: list[int]) -> None:
    """Each need counts once, at the best level among the team's mentors (a max over chosen mentors)."""
    inst = tm.inst
    needs = inst.directors[d].needs
    weight = inst.weights["needs"]
    if weight <= 0:
        return
    if not needs:
        tm.team_terms[d].append((int(round(weight * 100 * SCALE)), tm.placed[d]))
        return
    column = {s: j for j, s in enumerate(inst.skills)}
    for need in needs:
        covering = [(m, float(inst.level_m[m, column[need]])) for m in mentors if inst.level_m[m, column[need]] > 0]
        if not covering:
            continue
        picks = []
        for m, level in covering:
            z = tm.model.new_bool_var(f"z{d},{need},{m}")
            tm.model.add_implication(z, tm.x[(d, m)])
            picks.append(z)
            tm.z.setdefault((d, need), []).append((m, z))
            tm.team_terms[d].append((int(round(weight * 100 * level / len(needs) * SCALE)), z))
        tm.model.add_at_most_one(picks)


def _meeting_part(tm: TeamModel, d: int, mentors: list[int], guard) -> None:
    """y[t]: the whole team is free in slot t. At least one when required; the count earns meeting points."""
    inst, model = tm.inst, tm.model
    weight = inst.weights["meeting"]
    required = inst.options.require_meeting
    if weight <= 0 and not required:
        return
    ys = []
    for j in range(len(inst.slots)):
        bit = 1 << j
        if not inst.d_avail[d] & bit:
            continue
        y = model.new_bool_var(f"y{d},{j}")
        for m in mentors:
            if not inst.m_avail[m] & bit:
                model.add_bool_or([y.Not(), tm.x[(d, m)].Not()])
        # Stronger for the LP: the one producer, and (when instructors are required) some instructor,
        # must be free in a meeting slot. Left out when diagnosing: they hold only with the team rule.
        if guard is None:
            model.add(y <= sum(tm.x[(d, m)] for m in mentors if inst.is_producer(m) and inst.m_avail[m] & bit))
        if guard is None and inst.options.instructors_min > 0:
            model.add(y <= sum(tm.x[(d, m)] for m in mentors if not inst.is_producer(m) and inst.m_avail[m] & bit))
        ys.append(y)
        tm.y.setdefault(d, []).append((j, y))
    if required:
        _enforce(model.add(sum(ys) >= tm.placed[d]), guard)
    if weight > 0 and ys:
        count = model.new_int_var(0, MEETING_FULL, f"meet{d}")
        model.add(count <= sum(ys))
        tm.count[d] = count
        tm.team_terms[d].append((int(round(weight * 100 / MEETING_FULL * SCALE)), count))


def _mentor_part(tm: TeamModel, used: np.ndarray, diag: bool) -> None:
    """Capacity, and the load score as falling gains per extra team (concave, so levels fill in order)."""
    inst, model = tm.inst, tm.model
    by_mentor: dict[int, list] = {}
    for (d, m), var in tm.x.items():
        by_mentor.setdefault(m, []).append(var)
    weight = inst.weights["load"]
    for m, xs in sorted(by_mentor.items()):
        free = int(inst.capacity[m] - used[m])
        guard = _guard(tm, "capacity", (m,), diag)
        _enforce(model.add(sum(xs) <= max(free, 0)), guard)
        if weight <= 0 or free <= 0 or diag:  # levels would enforce capacity outside its assumption
            continue
        levels = [model.new_bool_var(f"l{m},{k}") for k in range(min(free, len(xs)))]
        model.add(sum(levels) == sum(xs))
        tm.levels[m] = levels
        for a, b in zip(levels, levels[1:]):
            model.add_implication(b, a)
        for k, level in enumerate(levels, start=int(used[m]) + 1):
            tm.terms.append((int(round(weight * load_marginal(inst, m, k) * SCALE)), level))


def _weekly_part(tm: TeamModel, taken: set[tuple[int, int]], diag: bool) -> None:
    """Each mentor's teams meet at different weekly times (issue 9 part 6): w[d, j] the team of d meets
    weekly in slot j (one when placed), only where the director and every chosen mentor are free; for each
    mentor and slot at most one of its teams, a[d, m, j] ≥ x[d, m] + w[d, j] − 1 marking the pair."""
    inst, model = tm.inst, tm.model
    holders: dict[tuple[int, int], list] = {}
    mentors_of: dict[int, list[int]] = {}
    for dd, m in tm.x:
        mentors_of.setdefault(dd, []).append(m)
    for d in tm.directors:
        mentors = mentors_of.get(d, [])
        ws = []
        for j in range(len(inst.slots)):
            if not inst.d_avail[d] >> j & 1:
                continue
            w = model.new_bool_var(f"w{d},{j}")
            ws.append((j, w))
            for m in mentors:
                if not inst.m_avail[m] >> j & 1 or (m, j) in taken:
                    model.add_bool_or([w.Not(), tm.x[(d, m)].Not()])
                else:
                    a = model.new_bool_var(f"a{d},{m},{j}")
                    model.add_bool_or([tm.x[(d, m)].Not(), w.Not(), a])
                    holders.setdefault((m, j), []).append(a)
        tm.w[d] = ws
        model.add(sum(w for _, w in ws) == tm.placed[d])
    for (m, j), group in sorted(holders.items()):
        if len(group) > 1:
            guard = _guard(tm, "weekly", (m, j), diag)
            _enforce(model.add(sum(group) <= 1), guard)


def hint(tm: TeamModel, teams: Teams) -> None:
    """A complete warm start: the teams and every auxiliary variable they imply."""
    model, inst = tm.model, tm.inst
    model.clear_hints()
    chosen = {(d, m) for d, ms in teams.items() for m in ms if (d, m) in tm.x}
    for key, var in tm.x.items():
        model.add_hint(var, key in chosen)
    members = {d: [m for m in teams.get(d, []) if (d, m) in chosen] for d in tm.directors}
    for d, placed in tm.placed.items():
        if not isinstance(placed, int):
            model.add_hint(placed, bool(members[d]))
    for (d, need), picks in tm.z.items():
        best = max(((inst.level_m[m, inst.skills.index(need)], m) for m, _ in picks if m in members[d]),
                   default=None)
        for m, z in picks:
            model.add_hint(z, best is not None and m == best[1])
    for d, ys in tm.y.items():
        free = 0
        for j, y in ys:
            ok = all(inst.m_avail[m] >> j & 1 for m in members[d])
            model.add_hint(y, ok)
            free += ok
        if d in tm.count:
            model.add_hint(tm.count[d], min(free, MEETING_FULL))
    usage: dict[int, int] = {}
    for d in tm.directors:
        for m in members[d]:
            usage[m] = usage.get(m, 0) + 1
    for m, levels in tm.levels.items():
        for k, level in enumerate(levels):
            model.add_hint(level, k < usage.get(m, 0))
    if tm.w:
        _hint_weekly(tm, members)


def _hint_weekly(tm: TeamModel, members: dict[int, list[int]]) -> None:
    """Weekly slots for the hinted teams (a greedy choice; CP-SAT repairs what it leaves open)."""
    teams = {d: ms for d, ms in members.items() if ms}
    slots = greedy_slots(teams, {d: team_slots(tm.inst, d, ms) for d, ms in teams.items()}, {})
    for d, ws in tm.w.items():
        for j, w in ws:
            tm.model.add_hint(w, slots.get(d) == j)


@dataclass
class Outcome:
    status: int
    teams: Teams | None
    objective: float
    bound: float
    core: list[tuple[str, tuple]]
    det_time: float = 0.0
    slots: dict[int, int] = field(default_factory=dict)  # weekly slot per team (distinct mentor slots)


class _Watch(cp_model.CpSolverSolutionCallback):
    """Reports each improving solution and stops the search when the cancel flag is set."""

    def __init__(self, on_solution, cancel: threading.Event | None):
        super().__init__()
        self.on_solution, self.cancel = on_solution, cancel

    def on_solution_callback(self) -> None:
        if self.on_solution:
            self.on_solution(self.objective_value / SCALE, self.best_objective_bound / SCALE)
        if self.cancel is not None and self.cancel.is_set():
            self.stop_search()


def run(tm: TeamModel, time_limit: float, seed: int, workers: int, *, cancel: threading.Event | None = None,
        on_solution=None, assumptions: bool = False, deterministic: bool = True,
        det_limit: float | None = None) -> Outcome:
    solver = cp_model.CpSolver()
    params = solver.parameters
    params.max_time_in_seconds = max(time_limit, 0.01)
    if deterministic:
        # Deterministic time keeps equal inputs giving equal teams with one worker; wall time is only a
        # safety net. (interleave_search would make several workers deterministic too, but measured far
        # worse improvement, so several workers trade exact repeatability for quality.)
        params.max_deterministic_time = det_limit if det_limit is not None else max(time_limit, 0.01)
    params.random_seed = seed
    params.num_workers = max(1, workers)
    params.linearization_level = 2
    if assumptions:
        tm.model.add_assumptions(list(tm.assumptions))
        params.num_workers = 1
    stop = threading.Event()
    watcher = cancel_watcher(solver, cancel, stop)
    try:
        status = solver.solve(tm.model, _Watch(on_solution, cancel))
    finally:
        stop.set()
        if watcher:
            watcher.join()
    out = _outcome(tm, solver, status, assumptions)
    out.det_time = solver.deterministic_time
    return out


def cancel_watcher(solver: cp_model.CpSolver, cancel: threading.Event | None, stop: threading.Event):
    """Stop the search promptly on cancel even while no new solution arrives."""
    if cancel is None:
        return None

    def watch() -> None:
        while not stop.is_set():
            if cancel.wait(0.05):
                solver.stop_search()
                return

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    return thread


def _outcome(tm: TeamModel, solver: cp_model.CpSolver, status, assumptions: bool) -> Outcome:
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        teams: Teams = {}
        for (d, m), var in tm.x.items():
            if solver.boolean_value(var):
                teams.setdefault(d, []).append(m)
        for d in teams:
            teams[d].sort(key=lambda m: (not tm.inst.is_producer(m), m))
        slots = {d: j for d, ws in tm.w.items() for j, w in ws if solver.boolean_value(w)}
        return Outcome(status, teams, solver.objective_value / SCALE, solver.best_objective_bound / SCALE, [],
                       slots=slots)
    core = []
    if assumptions and status == cp_model.INFEASIBLE:
        core = [tm.assumptions[_literal(tm, i)] for i in solver.sufficient_assumptions_for_infeasibility()]
    return Outcome(status, None, 0.0, float("inf"), [c for c in core if c])


def _literal(tm: TeamModel, index: int):
    for literal in tm.assumptions:
        if literal.index == index:
            return literal
    return None


def now() -> float:
    return time.perf_counter()
