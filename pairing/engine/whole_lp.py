"""Large programs: the whole-program team-column LP (master.py's model over every director at once) by
stabilised column generation, for the proven bound and the duals that steer the search.

Each round prices every director exactly (pricing.py: no top-k) at stabilised mentor prices — Wentges
smoothing, μ = α·centre + (1 − α)·LP duals, where the centre is the prices of the best bound so far — so
each round gives a Lagrangian bound (master.Master.lagrangian: valid for any prices) and the columns worth
adding; the restricted master is then re-solved by HiGHS's interior point method without crossover.

Pricing is pruned twice, never by a fixed top-k:
- each director's pricing threshold starts at its best pool column under the same prices (a real team,
  so whatever pricing prunes below it is not its best, and the bound stays exact);
- a director is not priced at all when its bound from the last round, moved by how much the prices of
  the mentors it may work with fell since (its best producer's fall plus its `max` largest instructor
  falls), is not above its best pool column: then that pool column is its exact best (the bound is
  exact for it too).
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from pairing.engine.bound import pairwise_upper
from pairing.engine.construct import Teams, is_complete
from pairing.engine.instance import Instance
from pairing.engine.master import Master, OutOfTime
from pairing.engine.price_pool import MIN_PAIRS, Pricer, helper_cores
from pairing.engine.pricing import NEG, Column, Space, build_space, pair_parts

# Wentges smoothing: the share of the stability centre in the prices of round 1, 2, … (round 0 prices the
# centre itself), falling as the LP's duals become worth more (measured at 2,000: docs/engine.md)
ALPHAS = (0.7, 0.7, 0.6, 0.5, 0.4)
CONVERGED = 1e-4  # relative distance between the bound and the LP value at which the LP counts as solved
PER_DIRECTOR = 6  # columns added per director and round (measured at 2,000: 3, 6, 10 — docs/engine.md)
MAX_ROUNDS = 60
# deterministic cost units (≈ seconds of wall clock on the idle 2-core measuring machine), at 2,000 directors
PRICE_PAIR_COST = 0.6e-6  # per director × mentor of a pricing pass keeping 3 columns a director (large_bound's)
# the whole LP's passes keep 6 columns a director at prices near the LP's duals; measured on the idle machine
# with the compiled pricing (price_kernel.py), on two cores: 0.36 ms a director at 2,000 (1,700 mentors;
# `meeting`, `tight`, 30 s) and 1.28 ms at 10,000 (8,500 mentors), i.e. a part per director and a part per
# mentor, here on one core (× HELPED_SPEEDUP); the interior point 5.1-5.7e-5 s a column of the restricted
# master at 2,000 directors and 1.43e-4 at 10,000 (its rows grow too)
WHOLE_PAIR_COST = 0.23e-6  # per director × mentor of a whole-LP pricing pass, on one core
WHOLE_DIRECTOR_COST = 0.22e-3  # and per director
# the rest of the LP's work (the pool's floors, adding columns, the Lagrangian, the rounding): measured at
# 10,000 directors, 6.3 s of wall clock beyond the units of its passes and solves (85 M pairs)
WHOLE_OVERHEAD_PAIR_COST = 0.08e-6
LP_COLUMN_COST = 5.2e-5  # per column of the restricted master at 2,000 directors, for one interior-point solve
LP_ROWS_POWER = 0.63  # … growing as (directors / 2,000) ** this: 5.2e-5 → 1.43e-4 at 10,000
HELPED_BLOCK = 128  # directors per block with a helper: the two balance better, and each holds half the partial teams
HELPED_SPEEDUP = 1.7  # a pass on two cores (price_pool) against one at 2,000: 1.63-1.97x, mean 1.77, in CPU time (docs)


@dataclass
class Pool:
    """The generated columns as arrays (for pricing's floors): director, members (padded with the index
    of a mentor-less sentinel whose price is 0) and value without load."""

    n_mentors: int
    width: int
    d: list[np.ndarray] = field(default_factory=list)
    members: list[np.ndarray] = field(default_factory=list)
    value: list[np.ndarray] = field(default_factory=list)

    def add(self, columns: list[Column]) -> None:
        if not columns:
            return
        members = np.full((len(columns), self.width), self.n_mentors, dtype=np.int32)
        for i, c in enumerate(columns):
            members[i, : len(c.members)] = c.members
        self.d.append(np.array([c.d for c in columns], dtype=np.int32))
        self.members.append(members)
        self.value.append(np.array([c.value for c in columns]))
        if len(self.d) > 8:  # keep few arrays
            self.d, self.members, self.value = [np.concatenate(self.d)], [np.concatenate(self.members)], \
                [np.concatenate(self.value)]

    def best(self, mu: np.ndarray, n_directors: int) -> np.ndarray:
        """Each director's best pool column value under prices mu (−inf without one)."""
        out = np.full(n_directors, -np.inf)
        priced = np.r_[mu, 0.0]
        for d, members, value in zip(self.d, self.members, self.value):
            np.maximum.at(out, d, value - priced[members].sum(axis=1))
        return out


@dataclass
class WholeLP:
    """What the whole-program LP left: the best proven bound and the prices behind it, the last LP value,
    its duals and solution, the master (its pool), and per round (time, LP, bound) for the record."""

    bound: float
    mu: np.ndarray
    upper: np.ndarray
    lp: float
    master: Master
    converged: bool = False
    rounds: int = 0
    lp_mu: np.ndarray | None = None
    spent: float = 0.0
    final_pass: bool = False  # the last pass priced for the bound only (no LP after it)
    trace: list[tuple[float, float, float, int, int]] = field(default_factory=list)


def relax(inst: Instance, space: Space, teams: Teams, mu0: np.ndarray, budget: float, deadline: float,
          cancel: threading.Event | None = None, on_bound: Callable[[float], None] | None = None,
          complete: bool = True, fallback: np.ndarray | None = None, pricer: Pricer | None = None) -> WholeLP:
    """Stabilised column generation for the whole program from prices mu0 (the flows' duals), until the
    bound meets the LP value, `budget` deterministic units are spent (the next round must fit), or the
    safety net `deadline` (a perf_counter time) passes. With complete=False the bound also holds for
    pairings that leave directors out (a director may have no team, worth 0). `fallback` (per director, an
    upper bound on its best team under mu0: bound.pairwise_upper) still proves a bound when the first
    round is cut short (on a heavily loaded machine): the directors it did not reach count with it.
    `pricer` prices the passes (price_pool: on two cores when it has a helper; by default on this one);
    cancel is checked before every block of directors it prices, so a Stop waits for one block at most
    (plus an LP solve)."""
    began = time.perf_counter()
    n = inst.n_directors
    pricer = pricer if pricer is not None else Pricer(space, helper=False)
    pair_cost = pass_pair_cost(pricer, WHOLE_PAIR_COST + WHOLE_DIRECTOR_COST / max(inst.n_mentors, 1))
    master = Master(inst, space)
    master.lp.setOptionValue("solver", "ipm")  # measured: simplex needs tens of thousands of iterations
    master.lp.setOptionValue("run_crossover", "off")
    master.watch(cancel)
    pool = Pool(inst.n_mentors, 1 + max(inst.options.instructors_max, 1))
    master.add_teams({d: ms for d, ms in teams.items() if is_complete(inst, d, ms)})
    pool.add(master.columns)
    centre = mu0.copy()
    lp_mu = None
    last_mu, last_upper = None, None
    out = WholeLP(float("inf"), centre, np.full(n, np.inf), float("-inf"), master)
    spent = 0.0
    pass_cost = n * inst.n_mentors * pair_cost
    priced_in = solved_in = 0.0  # the last pass's and LP solve's wall times: what cannot end is not begun
    while not (cancel is not None and cancel.is_set()):
        left = deadline - time.perf_counter()
        whole = spent + round_cost(inst, len(master.columns), pair_cost) <= budget and priced_in + solved_in < left
        # when a whole round no longer fits but a pass does: a last pass for the bound only
        bound_only = not whole and lp_mu is not None and spent + pass_cost <= budget and priced_in < left
        if not (whole or bound_only):
            break
        pass_began = time.perf_counter()
        mu = centre if lp_mu is None else _alpha(out.rounds) * centre + (1 - _alpha(out.rounds)) * lp_mu
        floor = pool.best(mu, n)
        wanted = _worth_pricing(space, floor, mu, last_mu, last_upper)
        priced = pricer.price(mu, floor, per_director=PER_DIRECTOR, directors=wanted, deadline=deadline,
                              cancel=cancel)
        spent += len(wanted) * inst.n_mentors * pair_cost
        if not priced.complete:
            if out.rounds == 0 and fallback is not None:
                reached = np.isfinite(priced.upper)
                upper = np.where(reached, np.maximum(priced.upper, floor), fallback)
                value = master.lagrangian(upper, mu, complete=complete and bool(np.all(upper > NEG / 4)))
                out.bound, out.mu, out.upper = value, mu.copy(), upper
                if on_bound is not None:
                    on_bound(value)
            break
        priced_in = time.perf_counter() - pass_began
        upper = floor.copy()
        upper[wanted] = np.maximum(priced.upper[wanted], floor[wanted])
        # a director with no valid team at all: then only the bound over partial pairings means anything
        value = master.lagrangian(upper, mu, complete=complete and bool(np.all(upper > NEG / 4)))
        last_mu, last_upper = mu, upper
        lowered = value < out.bound
        if lowered:
            centre = mu.copy()
            out.bound, out.mu, out.upper = value, centre, upper.copy()
            if on_bound is not None:
                on_bound(value)
        if bound_only:  # its columns wait: the LP's solution (for the rounding) stays that of its columns
            out.final_pass = True
            break
        fresh = [c for c in priced.columns if master.add(c)]
        pool.add(fresh)
        out.rounds += 1
        if fresh or lp_mu is None:  # no new column (a mispriced round): the LP is the same, the centre moved
            solve_began = time.perf_counter()
            try:
                out.lp, _, lp_mu = _solve_lp(master, deadline)
            except OutOfTime:
                break
            spent += lp_cost(inst, len(master.columns))
            solved_in = time.perf_counter() - solve_began
        out.lp_mu = lp_mu
        out.trace.append((time.perf_counter() - began, out.lp, out.bound, len(wanted), len(fresh)))
        if out.bound - out.lp <= CONVERGED * abs(out.lp):
            out.converged = True
            break
        if not fresh and not lowered or out.rounds >= MAX_ROUNDS:  # the same prices again next round: stop
            break
    out.spent = spent
    return out


def _alpha(rounds: int) -> float:
    """The centre's share in the prices of the round after `rounds` rounds (rounds ≥ 1)."""
    return ALPHAS[min(rounds - 1, len(ALPHAS) - 1)]


def _solve_lp(master: Master, deadline: float):
    """The restricted master by interior point; should HiGHS's interior point stop without a solution
    (seen on a few tiny programs: status not set), by simplex from there on."""
    try:
        return master.solve_lp(deadline)
    except RuntimeError:
        master.lp.setOptionValue("solver", "simplex")
        master.lp.setOptionValue("run_crossover", "on")
        return master.solve_lp(deadline)


def round_cost(inst: Instance, columns: int, pair_cost: float) -> float:
    """A round's cost in deterministic units (≈ seconds on the idle measuring machine); pair_cost: a pass's
    per director × mentor (pass_pair_cost, its per-director part spread over the mentors)."""
    return inst.n_directors * inst.n_mentors * pair_cost + lp_cost(inst, columns)


def lp_cost(inst: Instance, columns: int) -> float:
    """One interior-point solve of the restricted master with `columns` columns, in deterministic units."""
    return columns * LP_COLUMN_COST * max(inst.n_directors / 2000, 1.0) ** LP_ROWS_POWER


def pass_pair_cost(pricer: Pricer, per_pair: float = PRICE_PAIR_COST) -> float:
    """A pricing pass's cost per director × mentor: `per_pair` on one core, divided by the speed-up
    measured with a helper on the second core (HELPED_SPEEDUP)."""
    return per_pair / HELPED_SPEEDUP if pricer.helped else per_pair


def _worth_pricing(space: Space, floor: np.ndarray, mu: np.ndarray, last_mu: np.ndarray | None,
                   last_upper: np.ndarray | None) -> np.ndarray:
    """The directors whose best team under mu may beat their best pool column: all of them the first time;
    after that those whose last bound, moved by the largest fall of their mentors' prices, passes it."""
    n = space.inst.n_directors
    if last_mu is None:
        return np.arange(n)
    shift = _shift(space, last_mu - mu)
    return np.nonzero(~(last_upper + shift <= floor + 1e-9))[0]


def _shift(space: Space, fall: np.ndarray) -> np.ndarray:
    """Per director, the most a team's priced value can rise when mentor prices fall by `fall`: its
    largest producer fall plus its `max` largest instructor falls (rises count as 0), over the mentors it
    may work with."""
    inst = space.inst
    n_p, hi = inst.n_producers, max(inst.options.instructors_max, 0)
    up = np.maximum(fall, 0.0)
    out = np.empty(inst.n_directors)
    for first in range(0, inst.n_directors, space.block):
        rows = np.arange(first, min(first + space.block, inst.n_directors))
        _, allowed = pair_parts(space, rows, True)
        gain = np.where(allowed, up[None, :], 0.0)
        best_p = gain[:, :n_p].max(axis=1, initial=0.0)
        part = gain[:, n_p:]
        k = min(hi, part.shape[1])
        top = np.partition(part, part.shape[1] - k, axis=1)[:, part.shape[1] - k:].sum(axis=1) if k else 0.0
        out[rows] = best_p + top
    return out


def round_teams(inst: Instance, master: Master, mu: np.ndarray, upper: np.ndarray) -> Teams:
    """Integer teams from the LP: its columns by how much the LP takes them (then by reduced cost under
    mu), each kept when its director has no team yet and its mentors have places left; then, for the
    directors still without one, their other columns by reduced cost. Some directors may stay without a
    team (neighbourhoods.repair_many places them)."""
    x = master.values()
    n_cols = len(master.columns)
    priced = np.r_[mu, 0.0]
    members = np.full((n_cols, 1 + max(inst.options.instructors_max, 1)), inst.n_mentors, dtype=np.int64)
    for c, column in enumerate(master.columns):
        members[c, : len(column.members)] = column.members
    d = np.array([c.d for c in master.columns], dtype=np.int64)
    value = np.array([c.value for c in master.columns])
    reduced = upper[d] - (value - priced[members].sum(axis=1))
    left = np.r_[inst.capacity.astype(np.int64), np.iinfo(np.int64).max]
    teams: Teams = {}
    taken_first = x > 1e-6
    by_reduced = np.argsort(reduced, kind="stable")
    for c in np.r_[np.lexsort((reduced, -x))[: int(taken_first.sum())], by_reduced]:
        director = int(d[c])
        if director in teams:
            continue
        row = members[c]
        if np.all(left[row] > 0):
            left[row] -= 1
            teams[director] = [int(m) for m in row if m < inst.n_mentors]
    _swap_in(inst, teams, left, d, members, by_reduced)
    return teams


def _swap_in(inst: Instance, teams: Teams, left: np.ndarray, d: np.ndarray, members: np.ndarray,
             order: np.ndarray) -> None:
    """For each director still without a team: a column of it (best reduced cost first) short of one
    mentor m only, and a holder h of m with another column that avoids m and fits once h's team is
    released: h moves, the director takes the column."""
    columns_of: dict[int, list[int]] = {}
    for c in order:
        columns_of.setdefault(int(d[c]), []).append(int(c))
    holders: dict[int, set[int]] = {}
    for h, ms in teams.items():
        for m in ms:
            holders.setdefault(m, set()).add(h)
    for director in sorted(set(columns_of) - set(teams)):
        for c in columns_of[director]:
            short = [int(m) for m in members[c] if left[m] <= 0]
            if len(short) != 1:
                continue
            m = short[0]
            if _move_holder(teams, left, holders, m, members[c], columns_of, members, inst.n_mentors):
                row = members[c]
                left[row] -= 1
                teams[director] = [int(k) for k in row if k < inst.n_mentors]
                for k in teams[director]:
                    holders.setdefault(k, set()).add(director)
                break


def _move_holder(teams: Teams, left: np.ndarray, holders: dict[int, set[int]], m: int, needed: np.ndarray,
                 columns_of: dict[int, list[int]], members: np.ndarray, n_mentors: int) -> bool:
    """Move a holder of mentor m to another of its columns that avoids m, so that every mentor of
    `needed` (the column waiting for m) still has a place; False when none can."""
    for h in sorted(holders.get(m, ())):
        current = teams[h]
        left[current] += 1
        for c in columns_of.get(h, ()):
            row = members[c]
            if m in row or not np.all(left[row] > 0):
                continue
            left[row] -= 1
            if not np.all(left[needed] > 0):
                left[row] += 1
                continue
            for k in current:
                holders[k].discard(h)
            teams[h] = [int(k) for k in row if k < n_mentors]
            for k in teams[h]:
                holders.setdefault(k, set()).add(h)
            return True
        left[current] -= 1
    return False


def pool_by_director(master: Master) -> dict[int, list[Column]]:
    out: dict[int, list[Column]] = {}
    for column in master.columns:
        out.setdefault(column.d, []).append(column)
    return out


# -- the large-program search: the whole LP, its rounding, then the neighbourhoods -------------------------

# of the time limit for the whole LP (deterministic units): 0.75 ended the LP at ~24 s of 30 on the idle
# machine, where the wall-clock rule (no round that cannot end before the net) also ended it — which one
# came first decided the teams; and under load the rounding then had ~2 s, which one run in three missed
RELAX_SHARE = 0.70
RELAX_NET = 0.80  # its wall-clock net, later than the units' end on an idle machine so that they decide there
# (the LP ends at ~22 s of 30 at 2,000), early enough under load for the rounding and its repair (≥ 4.5 s)
REPAIR_SHARE = 0.15  # of the limit at most for placing the directors the rounding leaves out (units)
REPAIR_NET = 0.95  # its wall-clock net: on a loaded machine completing the LP's rounding beats more search
# director × mentor pairs up to which the whole LP runs: measured at 10,000 directors (85 M pairs) with the
# compiled pricing, three rounds in 120 s, peak 0.86 GB with the pricing helper (docs/engine.md)
MAX_PAIRS = 100_000_000


def fits(inst: Instance) -> bool:
    """The whole LP runs up to MAX_PAIRS pairs, without the weekly-slot rule (its columns carry a slot;
    that path keeps the neighbourhoods and slot_repair)."""
    return inst.n_directors * inst.n_mentors <= MAX_PAIRS and not inst.options.distinct_mentor_slots


@dataclass
class Outcome:
    teams: Teams
    bound: float
    relaxed: WholeLP | None
    reduced: np.ndarray | None = None  # per director: what freeing it could gain under the bound's prices
    spent: float = 0.0  # deterministic units


def search(inst: Instance, arcs, teams: Teams, start: float, prices: np.ndarray, *,
           report: Callable[[float, float], None], cancel: threading.Event | None, hopeless: set[int]) -> Outcome:
    """Large coupled programs whose whole LP fits: stabilised column generation for the bound and the
    duals; the LP rounded to teams (round_teams), the directors it leaves out placed by the column model
    (neighbourhoods.repair_many, from the LP's columns); kept when everyone placeable has a team and it
    scores higher; then the neighbourhood search, its seeds ordered by reduced cost under the bound's
    prices. Budgets in deterministic units, the wall clock as the safety net."""
    from pairing.engine import neighbourhoods
    from pairing.engine.result import objective

    limit = inst.options.time_limit_s
    best = [objective(inst, teams)]
    bound = [float("inf")]

    def on_bound(value: float) -> None:
        bound[0] = min(bound[0], value)
        report(best[0], bound[0])

    space = build_space(inst)
    spent = 0.0
    helper = helper_cores() > 0 and inst.n_directors * inst.n_mentors >= MIN_PAIRS
    if helper:
        space.block = HELPED_BLOCK
    with Pricer(space, helper) as pricer:
        relaxed = relax(inst, space, teams, prices, limit * RELAX_SHARE, start + limit * RELAX_NET, cancel,
                        on_bound, complete=not hopeless, fallback=pairwise_upper(inst, arcs, prices), pricer=pricer)
    if relaxed.lp_mu is not None and not (cancel is not None and cancel.is_set()):
        rounded = round_teams(inst, relaxed.master, relaxed.mu, relaxed.upper)
        _, repair = neighbourhoods.repair_many(inst, arcs, rounded, hopeless, inst.options.seed,
                                               start + limit * REPAIR_NET, cancel,
                                               pool=pool_by_director(relaxed.master), budget=limit * REPAIR_SHARE)
        spent += repair
        placeable = [d for d in range(inst.n_directors) if d not in hopeless]
        if all(is_complete(inst, d, rounded.get(d, [])) for d in placeable) and objective(inst, rounded) > best[0]:
            teams = {d: ms for d, ms in rounded.items() if is_complete(inst, d, ms)}
            best[0] = objective(inst, teams)
            report(best[0], bound[0])
    reduced = None
    if np.all(np.isfinite(relaxed.upper)):
        reduced = neighbourhoods.reduced_costs(inst, teams, relaxed.mu, relaxed.upper)
    overhead = inst.n_directors * inst.n_mentors * WHOLE_OVERHEAD_PAIR_COST
    return Outcome(teams, bound[0], relaxed, reduced, spent + relaxed.spent + overhead)
