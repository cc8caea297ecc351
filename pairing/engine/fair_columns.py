"""Fairness mode through the team columns (issue 9 part 5: "fairness (max-min first, then total)"), for the
programs the column model takes: the worst team's value (load aside: it belongs to mentors) as high as
possible with every director placed, then the total with that worst kept.

Exact by a threshold argument rather than by duals:

1. Column generation for the total (master.generate) gives a pool; CP-SAT over it maximises the worst
   team's value with every director placed: an incumbent worst W (a lower bound on the optimum W*).
2. Any pairing whose worst team is at least W uses, for every director, a column worth at least W. Every
   such column is enumerated (pricing with no prices and floor W, exact: pricing never prunes a team above
   its floor) and CP-SAT maximises the worst over exactly those columns: its optimum is W*.
3. Every column of a pairing with worst W* is among them too; CP-SAT maximises the total (load levels
   included, master.integer_teams) over the columns worth at least W*: its optimum is the fair optimum.

When all three CP-SAT solves prove optimality the run is `optimal`. When not every director can be placed
from the pool, or the enumeration is too large, `search` says so (None, or status `feasible`) and the
solver keeps its CP-SAT fairness stage over the best candidates. With "each mentor's teams meet at
different weekly times" columns carry their slot and every model keeps the mentor × slot rule.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Callable

import numpy as np
from ortools.sat.python import cp_model

from pairing.domain import RunStatus
from pairing.engine.construct import Teams, is_complete
from pairing.engine.cpsat import cancel_watcher
from pairing.engine.instance import SCALE, Instance
from pairing.engine.master import Master, OutOfTime, enumerate_columns, generate, integer_teams, reduced_costs
from pairing.engine.pricing import build_space, price_weekly
from pairing.engine.result import objective

CG_SHARE = 0.3  # of the time limit for column generation
WORST_SHARE = 0.5  # the worst over the pool, then over every column above it, end by this share
TOTAL_SHARE = 0.85  # the total with the worst kept ends by this share


@dataclass
class FairSearch:
    teams: Teams
    bound: float
    status: RunStatus
    worst: float  # the worst team's value (load aside)


@dataclass
class _Outcome:
    teams: Teams | None
    worst: float
    proven: bool


def search(inst: Instance, start_teams: Teams, start: float, *, progress: Callable[[float, float], None] | None = None,
           cancel: threading.Event | None = None) -> FairSearch | None:
    """The fair pairing over team columns, or None when the pool cannot place every director (the caller
    then keeps its own fairness search, which also handles partial pairings)."""
    options = inst.options
    limit = options.time_limit_s
    master = Master(inst, build_space(inst))
    master.add_teams({d: ms for d, ms in start_teams.items() if is_complete(inst, d, ms)})
    relax = generate(master, start + limit * CG_SHARE, cancel)
    first = max_min(master, list(range(len(master.columns))), start_teams, _left(start, limit * CG_SHARE + 0.1 * limit),
                    options, cancel)
    if first.teams is None:
        return None
    if progress:
        progress(objective(inst, first.teams), relax.bound)
    best, found = best_worst(master, first, start + limit * WORST_SHARE, cancel)
    teams, proven = best_total(master, best, start + limit * TOTAL_SHARE, cancel)
    proven = proven and found  # without every column worth at least W*, the total is the best over the pool
    cancelled = cancel is not None and cancel.is_set()
    status = RunStatus.CANCELLED if cancelled else RunStatus.OPTIMAL if proven else RunStatus.FEASIBLE
    if progress:
        progress(objective(inst, teams), relax.bound)
    return FairSearch(teams, relax.bound, status, best.worst)


def best_worst(master: Master, first: "_Outcome", deadline: float, cancel) -> tuple["_Outcome", bool]:
    """The highest worst team W*, by thresholds: a pairing whose worst is at least T uses only columns worth
    at least T, so the max-min over every such column (enumerated) is W* whenever it is feasible, and
    infeasible proves W* < T. T starts halfway between the incumbent's worst and the lowest director's
    best team (an upper bound on W*) and moves down on infeasibility; at the incumbent's worst it is exact.
    Returns the best found and whether it is proven W* with every column at or above it in the pool (when
    there are too many to enumerate, the pool's columns worth at least the best worst are used)."""
    inst = master.inst
    best = first
    ceiling = min(_best_values(master))  # no pairing's worst team beats the weakest director's best team
    low = first.worst
    while not (cancel is not None and cancel.is_set()):
        threshold = low if ceiling - low < 2.0 / SCALE else (low + ceiling) / 2
        reached = best.worst >= ceiling - 1.0 / SCALE  # the incumbent's worst is the weakest director's best
        # worths are compared in the integer model's thousandths: a column rounds up to the threshold from
        # half a thousandth below it (a worst of 38.888 8… is 38.889 there, and the columns worth exactly
        # 38.888 8… were left out of the pool, so a run said `optimal` with a lower total: found by the
        # brute-force test)
        if not enumerate_columns(master, np.zeros(inst.n_mentors), np.full(inst.n_directors, threshold - 0.5 / SCALE),
                                 0.0, deadline, np.zeros((inst.n_mentors, len(inst.slots)))):
            return best, False
        if reached:
            return best, True  # W* found; every column worth at least it is now in the pool
        out = max_min(master, _worth_at_least(master, threshold), best.teams, _left_until(deadline), inst.options,
                      cancel)
        if out.teams is not None and out.worst >= best.worst:
            best = out
        if out.teams is not None and out.proven:
            return best, True  # the optimum over every column ≥ threshold ≤ W*: it is W*
        if out.teams is None and out.proven and threshold > low:
            ceiling = threshold - 1.0 / SCALE  # W* < threshold
            continue
        return best, False  # out of time


def _best_values(master: Master) -> np.ndarray:
    """Each director's best team value (no prices): an exact pricing pass."""
    inst = master.inst
    zeros = np.zeros(inst.n_mentors)
    priced = master.price(zeros, np.full(inst.n_directors, -np.inf), per_director=1) if not master.weekly else \
        price_weekly(master.space, zeros, np.zeros((inst.n_mentors, len(inst.slots))),
                     np.full(inst.n_directors, -np.inf), per_director=1)
    return priced.upper


def best_total(master: Master, best: "_Outcome", deadline: float, cancel) -> tuple[Teams, bool]:
    """The highest total (load levels included) over the pairings whose worst team is W*: every column worth
    at least W* is in the pool, so the linear relaxation over exactly them gives a bound, reduced-cost
    fixing keeps the columns within the gap to the incumbent, and CP-SAT over those proves the optimum."""
    inst = master.inst
    kept = _worth_at_least(master, best.worst)
    total = Master(inst, master.space)
    for c in kept:
        total.add(master.columns[c])
    try:
        _, pi, mu = total.solve_lp(deadline)
    except OutOfTime:
        return best.teams, False
    nu = total.nu.copy()
    rc = reduced_costs(total, mu, np.zeros(inst.n_directors), nu)  # −(priced value) of each column
    upper = np.full(inst.n_directors, -np.inf)
    np.maximum.at(upper, [col.d for col in total.columns], -rc)
    bound = total.lagrangian(upper, mu, nu=nu)
    slack = reduced_costs(total, mu, upper, nu)
    # an incumbent first, from the columns the relaxation likes best, so that the gap (and the pool) is small
    teams = best.teams
    likely = {int(c) for c in np.argsort(slack, kind="stable")[: max(QUICK_PER_DIRECTOR * inst.n_directors, 1)]}
    chosen = {(d, tuple([ms[0], *sorted(ms[1:])])) for d, ms in teams.items()}
    likely = sorted(likely | {c for c, col in enumerate(total.columns) if (col.d, col.members) in chosen})
    quick = integer_teams(total, likely, teams, _left_until(time.perf_counter() + QUICK_SHARE * _left_until(deadline)),
                          inst.options.seed, inst.options.workers, cancel)
    if _complete_and_better(inst, quick.teams, teams):
        teams = quick.teams
    gap = bound - objective(inst, teams)
    pool = [c for c, r in enumerate(slack) if r <= gap + 1e-6]
    out = integer_teams(total, pool, teams, _left_until(deadline), inst.options.seed, inst.options.workers, cancel)
    if not _complete_and_better(inst, out.teams, teams):
        return teams, False
    return out.teams, out.proven


QUICK_PER_DIRECTOR = 20  # columns per director in the quick incumbent's model
QUICK_SHARE = 0.3  # of the time left, for the quick incumbent


def _complete_and_better(inst: Instance, new: Teams | None, old: Teams) -> bool:
    return new is not None and len(new) == inst.n_directors and objective(inst, new) >= objective(inst, old) - 1e-9


def _left_until(deadline: float) -> float:
    return max(deadline - time.perf_counter(), 0.05)


def _left(start: float, until: float) -> float:
    return max(start + until - time.perf_counter(), 0.05)


def _worth_at_least(master: Master, worst: float) -> list[int]:
    """The pool's columns whose value (in the integer model's thousandths) reaches the worst."""
    least = int(round(worst * SCALE))
    return [c for c, col in enumerate(master.columns) if int(round(col.value * SCALE)) >= least]


def max_min(master: Master, columns: list[int], hint: Teams | None, time_limit: float, options,
            cancel: threading.Event | None) -> _Outcome:
    """CP-SAT over the given columns: every director exactly one column, capacities (and the mentor × slot
    rule when on), maximise the lowest chosen column value. No teams when the columns cannot place
    every director."""
    inst = master.inst
    # variables
    model = cp_model.CpModel()
    x = {c: model.new_bool_var(f"x{c}") for c in columns}
    per_d: dict[int, list[int]] = {}
    per_m: dict[int, list[int]] = {}
    per_slot: dict[tuple[int, int], list[int]] = {}
    for c in columns:
        col = master.columns[c]
        per_d.setdefault(col.d, []).append(c)
        for m in col.members:
            per_m.setdefault(m, []).append(c)
            if master.weekly:
                per_slot.setdefault((m, col.slot), []).append(c)
    if len(per_d) < inst.n_directors:
        return _Outcome(None, float("-inf"), False)
    # constraints: one team per director, capacities, one team per mentor and weekly slot
    values = {c: int(round(master.columns[c].value * SCALE)) for c in columns}
    worst = model.new_int_var(min(values.values()), max(values.values()), "worst")
    for d, cs in per_d.items():
        model.add_exactly_one(x[c] for c in cs)
        model.add(worst <= sum(values[c] * x[c] for c in cs))
    for m, cs in per_m.items():
        if len(cs) > inst.capacity[m]:
            model.add(sum(x[c] for c in cs) <= int(inst.capacity[m]))
    for cs in per_slot.values():
        if len(cs) > 1:
            model.add_at_most_one(x[c] for c in cs)
    # objective: the worst team
    model.maximize(worst)
    _hint(master, model, x, hint)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(time_limit, 0.01)
    solver.parameters.random_seed = options.seed
    solver.parameters.num_workers = max(1, options.workers)
    stop = threading.Event()
    watcher = cancel_watcher(solver, cancel, stop)
    try:
        status = solver.solve(model)
    finally:
        stop.set()
        if watcher is not None:
            watcher.join()
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return _Outcome(None, float("-inf"), status == cp_model.INFEASIBLE)
    teams = {master.columns[c].d: list(master.columns[c].members) for c, var in x.items() if solver.boolean_value(var)}
    low = min(values[c] for c, var in x.items() if solver.boolean_value(var))
    return _Outcome(teams, low / SCALE, status == cp_model.OPTIMAL)


def _hint(master: Master, model: cp_model.CpModel, x: dict, hint: Teams | None) -> None:
    if not hint:
        return
    wanted = {(d, tuple([ms[0], *sorted(ms[1:])])) for d, ms in hint.items() if ms}
    taken: set[int] = set()
    for c, var in x.items():
        col = master.columns[c]
        chosen = (col.d, col.members) in wanted and col.d not in taken
        if chosen:
            taken.add(col.d)
        model.add_hint(var, chosen)
