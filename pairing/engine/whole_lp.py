"""Large programs: the whole-program team-column LP (master.py's model over every director at once) by
stabilised column generation, for the proven bound and the duals that steer the search.

Each round prices every director exactly (pricing.py: no top-k) at stabilised mentor prices — Wentges
smoothing, μ = α·centre + (1 − α)·LP duals, where the centre is the prices of the best bound so far — so
each round gives a Lagrangian bound (master.Master.lagrangian: valid for any prices) and the columns worth
adding; the restricted master's dual is then minimised by accelerated gradient on its smoothed form
(smooth_dual.py: ~0.3 s at 2,000 directors and ~2 s at 10,000, where HiGHS's interior point took 1.8 s
and 13 s), which also gives the fractional teams the rounding starts from.

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

from pairing.engine import smooth_dual
from pairing.engine.bound import pairwise_upper
from pairing.engine.construct import Teams, is_complete
from pairing.engine.instance import Instance
from pairing.engine.master import Master
from pairing.engine.price_pool import MIN_PAIRS, Pricer, helper_cores
from pairing.engine.price_kernel import NEG
from pairing.engine.pricing import Column, Priced, Space, build_space, pair_parts, units

# Wentges smoothing: the share of the stability centre in the prices of round 1, 2, … (round 0 prices the
# centre itself), falling as the LP's duals become worth more (measured at 2,000: docs/engine.md)
ALPHAS = (0.7, 0.7, 0.6, 0.5, 0.4)
CONVERGED = 1e-4  # relative distance between the bound and the LP value at which the LP counts as solved
# the heuristic rounds: each director's most promising producers and instructors (pricing's `restrict`),
# HEURISTIC_RUN of them after each exact round (measured at 10,000, 120 s: with one, 4.9% / 2.2% on
# `meeting` / `tight`; with none, 4.4% / 3.9%; docs/engine.md)
HEURISTIC = 16
HEURISTIC_RUN = 1
PER_DIRECTOR = 6  # columns added per director and round (measured at 2,000: 3, 6, 10 — docs/engine.md)
MAX_ROUNDS = 60
# deterministic cost units (≈ seconds of wall clock on the idle 2-core measuring machine), at 2,000 directors
PRICE_PAIR_COST = 0.6e-6  # per director × mentor of a pricing pass keeping 3 columns a director (large_bound's)
# a whole-LP pass costs pricing.units (a part per director and pair, a part per counted step of the
# search) on one core, ÷ HELPED_SPEEDUP on two; before a pass has run, its steps are estimated
FIRST_STEPS = 1.0  # per pair, the first exact pass (at the flows' prices; measured 0.84 at 10,000, 0.65 at 2,000)
HEURISTIC_STEPS = 1500  # per director, a heuristic pass (measured 740-1,440 at 10,000, 420-830 at 2,000)
# the next exact pass is estimated from the last one's units: after the k-th, × 1 + GROWTH / k^1.5 (3.5,
# 1.88, 1.48, 1.31, 1.22, …; measured at 10,000 from the k-th to the next: 3.2-3.9, 1.7-1.9, 1.35-1.46,
# 1.29: docs/engine.md)
GROWTH = 2.5
# the rest of the LP's work (the pool's floors, adding columns, the Lagrangian, the rounding): measured at
# 10,000 directors, 6.3 s of wall clock beyond the units of its passes and solves (85 M pairs)
WHOLE_OVERHEAD_PAIR_COST = 0.08e-6
DUAL_COLUMN_STEP_COST = 5e-8  # per column and gradient step of smooth_dual.minimise (measured: docs/engine.md)
TYPICAL_STEPS = 200  # gradient steps of one minimisation, for whether the next round fits (140-210 measured)
HELPED_BLOCK = 128  # directors per block with a helper: the two balance better, and each holds half the partial teams
HELPED_SPEEDUP = 1.85  # a pass on two cores (price_pool) against one: 1.63-1.97x at 2,000, 1.75-2.03x at 10,000 (docs)


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
            self._join()

    def restricted(self, n_directors: int, levels: tuple[np.ndarray, np.ndarray]) -> smooth_dual.Restricted:
        """The pool as the restricted master (its columns in the order they came: the master's)."""
        self._join()
        d, members, value = (self.d[0], self.members[0], self.value[0]) if self.d else \
            (np.zeros(0, dtype=np.int32), np.zeros((0, self.width), dtype=np.int32), np.zeros(0))
        return smooth_dual.Restricted(n_directors, self.n_mentors, d, members, value, *levels)

    def _join(self) -> None:
        if len(self.d) > 1:
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
    """What the whole-program LP left: the best proven bound and the prices behind it, the last LP value
    (the restricted Lagrangian at the last duals: smooth_dual) and the fractional teams there (per master
    column), the master (its pool), and per round (time, LP, bound) for the record."""

    bound: float
    mu: np.ndarray
    upper: np.ndarray
    lp: float
    master: Master
    converged: bool = False
    rounds: int = 0
    x: np.ndarray | None = None
    spent: float = 0.0
    final_pass: bool = False  # the last pass priced for the bound only (no LP after it)
    # with relax's `later`: that last pass, left to the caller (its deadline → whether it was priced in full)
    bound_pass: Callable[[float], bool] | None = field(default=None, repr=False)
    trace: list[tuple[float, float, float, int, int]] = field(default_factory=list)


def relax(inst: Instance, space: Space, teams: Teams, mu0: np.ndarray, budget: float, deadline: float,
          cancel: threading.Event | None = None, on_bound: Callable[[float], None] | None = None,
          complete: bool = True, fallback: np.ndarray | None = None, pricer: Pricer | None = None,
          later: bool = False) -> WholeLP:
    """Stabilised column generation for the whole program from prices mu0 (the flows' duals), until the
    bound meets the LP value, `budget` deterministic units are spent (the next round must fit), or the
    safety net `deadline` (a perf_counter time) passes.

    Exact rounds, the first at mu0, then at Wentges' mix of the centre and the LP's duals; after each, a
    heuristic round (each director's HEURISTIC most promising producers and instructors at the LP's
    duals) when it leaves room for the next exact round (_next_round). Only exact passes give bounds;
    every round adds columns and minimises the restricted master's dual again (smooth_dual).

    With complete=False the bound also holds for pairings that leave directors out (a director may have
    no team, worth 0). `fallback` (per director, an upper bound on its best team under mu0:
    bound.pairwise_upper) still proves a bound when the first pass is cut short (on a heavily loaded
    machine): the directors it did not reach count with it. `pricer` prices the passes (price_pool: on
    two cores when it has a helper; by default on this one); cancel is checked before every block of
    directors it prices, so a Stop waits for one block at most (plus a minimisation of the dual).

    With `later`, a last pass for the bound only that fits the units is not priced here but left to the
    caller (WholeLP.bound_pass): it needs no LP after it, so the LP's rounding may come first, and the
    pass may then use the time the wall-clock net kept from it."""
    began = time.perf_counter()
    n = inst.n_directors
    pricer = pricer if pricer is not None else Pricer(space, helper=False)
    master = Master(inst, space)  # the column store and its Lagrangian: its LP is never solved here (smooth_dual)
    levels = smooth_dual.level_arrays(master.gains)
    pool = Pool(inst.n_mentors, 1 + max(inst.options.instructors_max, 1))
    master.add_teams({d: ms for d, ms in teams.items() if is_complete(inst, d, ms)})
    pool.add(master.columns)
    out = WholeLP(float("inf"), mu0.copy(), np.full(n, np.inf), float("-inf"), master)
    pairs = n * inst.n_mentors
    m = inst.n_mentors
    state = _Rounds(centre=mu0.copy(), heuristic_cost=pass_units(pricer, units(n, m, n * HEURISTIC_STEPS)),
                    exact_cost=pass_units(pricer, units(n, m, int(pairs * FIRST_STEPS))))

    def exact_pass(until: float, bound_only: bool = False) -> tuple[Priced, np.ndarray, np.ndarray, bool] | None:
        """An exact pass at the next round's prices: the bound (kept when lower) and the state's estimates.
        Returns the pass, its prices, the directors priced and whether the bound fell; None when cut short.
        For the bound only it keeps no column: each director's search then stops at its best team's proof
        (at 10,000 near the LP's duals: 19-29% less time than keeping PER_DIRECTOR)."""
        pass_began = time.perf_counter()
        mu = state.prices(out.rounds)
        floor = pool.best(mu, n)
        wanted, moved = _worth_pricing(space, floor, mu, state.last_mu, state.last_upper)
        keep = 0 if bound_only else PER_DIRECTOR
        priced = pricer.price(mu, floor, per_director=keep, directors=wanted, deadline=until, cancel=cancel)
        spent = pass_units(pricer, units(len(wanted), m, priced.work))
        state.spent += spent
        state.exact_cost = spent * growth(out.rounds + 1)
        if not priced.complete:  # the directors not reached count with their last bound, moved (or `fallback`)
            if moved is not None or (out.rounds == 0 and fallback is not None):
                unreached = moved if moved is not None else fallback
                upper = floor.copy()
                reached = np.isfinite(priced.upper[wanted])
                upper[wanted] = np.maximum(np.where(reached, priced.upper[wanted], unreached[wanted]), floor[wanted])
                value = master.lagrangian(upper, mu, complete=complete and bool(np.all(upper > NEG / 4)))
                if value < out.bound:
                    out.bound, out.mu, out.upper = value, mu.copy(), upper
                    if on_bound is not None:
                        on_bound(value)
            return None
        state.priced_in = time.perf_counter() - pass_began
        state.per_unit = state.priced_in / max(spent, 1e-9)
        upper = floor.copy()
        upper[wanted] = np.maximum(priced.upper[wanted], floor[wanted])
        # a director with no valid team at all: then only the bound over partial pairings means anything
        value = master.lagrangian(upper, mu, complete=complete and bool(np.all(upper > NEG / 4)))
        state.last_mu, state.last_upper = mu, upper
        lowered = value < out.bound
        if lowered:
            state.centre = mu.copy()
            out.bound, out.mu, out.upper = value, state.centre, upper.copy()
            if on_bound is not None:
                on_bound(value)
        return priced, mu, wanted, lowered

    def bound_pass(until: float) -> bool:
        """The last pass for the bound only (by relax, or by the caller with `later`), begun when half the
        last pass's time is left before `until`; False: not priced, or cut short."""
        if time.perf_counter() + BOUND_PASS_LEAST * state.priced_in > until:
            return False
        done = exact_pass(until, bound_only=True) is not None
        out.final_pass = done
        out.spent = state.spent
        return done

    while not (cancel is not None and cancel.is_set()):
        dual_cost = lp_cost(len(master.columns) + n * PER_DIRECTOR)
        kind = _next_round(state, budget, deadline - time.perf_counter(), dual_cost)
        if kind == HEURISTIC_ROUND:
            work, added = _heuristic_round(inst, pricer, master, pool, levels, state, out, deadline, cancel)
            state.heuristic_cost = pass_units(pricer, units(n, m, work))
            state.spent += state.heuristic_cost
            state.spent += lp_cost(len(master.columns), state.steps)
            out.trace.append((time.perf_counter() - began, out.lp, out.bound, -1, added))
            continue
        # a last pass for the bound only: its columns wait, the LP (for the rounding) stays that of its columns
        if kind == BOUND_ONLY or (later and kind == STOP and state.lp_mu is not None
                                  and state.spent + state.exact_cost <= budget):
            if later:  # the caller prices it after the rounding, when the wall-clock net may allow it
                out.bound_pass = bound_pass
            else:
                bound_pass(deadline)
            break
        if kind == STOP:
            break
        done = exact_pass(deadline)
        if done is None:
            break
        priced, mu, wanted, lowered = done
        fresh = [c for c in priced.columns if master.add(c)]
        pool.add(fresh)
        out.rounds += 1
        state.heuristic = 0
        if fresh or state.lp_mu is None:  # no new column (a mispriced round): the LP is the same, the centre moved
            _minimise(pool, levels, n, state, out, mu)
            state.spent += lp_cost(len(master.columns), state.steps)
        out.trace.append((time.perf_counter() - began, out.lp, out.bound, len(wanted), len(fresh)))
        if out.bound - out.lp <= CONVERGED * abs(out.lp):
            out.converged = True
            break
        if not fresh and not lowered or out.rounds >= MAX_ROUNDS:  # the same prices again next round: stop
            break
    out.spent = state.spent
    return out


HEURISTIC_ROUND, EXACT_ROUND, BOUND_ONLY, STOP = "heuristic", "exact", "bound only", ""


def _next_round(state: _Rounds, budget: float, left: float, dual_cost: float) -> str:
    """The next round: a heuristic one after each exact round (HEURISTIC_RUN at most) while it leaves
    room for the next exact round; an exact round while one fits; when a whole round no longer fits but
    an exact pass does, a last pass for the bound only; else none. In deterministic units, the wall
    clock (`left` seconds) as the safety net: what cannot end is not begun."""
    if state.heuristic < HEURISTIC_RUN and state.lp_mu is not None:
        if (state.spent + state.heuristic_cost + state.exact_cost + 2 * dual_cost <= budget
                and (state.heuristic_cost + state.exact_cost) * state.per_unit + 2 * state.solved_in < left):
            return HEURISTIC_ROUND
    if state.spent + state.exact_cost + dual_cost <= budget and state.priced_in + state.solved_in < left:
        return EXACT_ROUND
    if state.lp_mu is not None and state.spent + state.exact_cost <= budget and state.priced_in < left:
        return BOUND_ONLY
    return STOP


@dataclass
class _Rounds:
    """Column generation's state between rounds: the stability centre (the prices of the best bound), the
    LP's duals, the last exact pass's prices and bounds, the phase, the units spent and the estimates of
    the next passes."""

    centre: np.ndarray
    heuristic_cost: float
    exact_cost: float  # the next exact pass's estimate (from the last one's units)
    lp_mu: np.ndarray | None = None
    last_mu: np.ndarray | None = None
    last_upper: np.ndarray | None = None
    heuristic: int = 0  # heuristic rounds since the last exact one (HEURISTIC_RUN: none before the next)
    spent: float = 0.0
    steps: int = 0  # the last minimisation's gradient steps
    priced_in: float = 0.0  # the last exact pass's and minimisation's wall times: what cannot end is not begun
    solved_in: float = 0.0
    per_unit: float = 0.0  # the last exact pass's wall time per unit (the net's estimate of the next passes)

    def prices(self, rounds: int) -> np.ndarray:
        """The next exact pass's prices: the centre itself first, then Wentges' mix with the LP's duals."""
        if self.lp_mu is None:
            return self.centre
        alpha = ALPHAS[min(rounds - 1, len(ALPHAS) - 1)]
        return alpha * self.centre + (1 - alpha) * self.lp_mu


def _minimise(pool: Pool, levels, n: int, state: _Rounds, out: WholeLP, start: np.ndarray) -> None:
    """The restricted master's dual (smooth_dual) from the last duals (or `start`), into state and out."""
    solve_began = time.perf_counter()
    cold = state.lp_mu is None
    dual = smooth_dual.minimise(pool.restricted(n, levels), start if cold else state.lp_mu,
                                smooth_dual.COLD_TAUS if cold else smooth_dual.TAUS)
    out.lp, out.x = dual.value, dual.x
    state.lp_mu, state.steps = dual.mu, dual.steps
    state.solved_in = time.perf_counter() - solve_began


def _heuristic_round(inst: Instance, pricer: Pricer, master: Master, pool: Pool, levels, state: _Rounds,
                     out: WholeLP, deadline: float, cancel: threading.Event | None) -> tuple[int, int]:
    """Each director priced over its HEURISTIC most promising mentors at the LP's duals (no bound), the
    new columns added, the dual minimised again. Returns the pass's counted steps and the new columns."""
    n = inst.n_directors
    floor = pool.best(state.lp_mu, n)
    priced = pricer.price(state.lp_mu, floor, per_director=PER_DIRECTOR, directors=np.arange(n), deadline=deadline,
                          cancel=cancel, restrict=HEURISTIC)
    fresh = [c for c in priced.columns if master.add(c)]
    pool.add(fresh)
    if fresh:
        _minimise(pool, levels, n, state, out, state.lp_mu)
    state.heuristic += 1
    return priced.work, len(fresh)


def growth(rounds: int) -> float:
    """How much dearer the next exact pass is than the `rounds`-th (its prices nearer the LP's duals)."""
    return 1.0 + GROWTH / rounds ** 1.5


def lp_cost(columns: int, steps: int = TYPICAL_STEPS) -> float:
    """Minimising the restricted master's dual over `columns` columns in `steps` gradient steps
    (smooth_dual), in deterministic units."""
    return columns * steps * DUAL_COLUMN_STEP_COST


def pass_units(pricer: Pricer, one_core: float) -> float:
    """A pass's deterministic units (pricing.units, on one core), divided by the speed-up measured with a
    helper on the second core (HELPED_SPEEDUP)."""
    return one_core / HELPED_SPEEDUP if pricer.helped else one_core


def pass_pair_cost(pricer: Pricer, per_pair: float = PRICE_PAIR_COST) -> float:
    """A pricing pass's cost per director × mentor: `per_pair` on one core, divided by the speed-up
    measured with a helper on the second core (HELPED_SPEEDUP)."""
    return per_pair / HELPED_SPEEDUP if pricer.helped else per_pair


def _worth_pricing(space: Space, floor: np.ndarray, mu: np.ndarray, last_mu: np.ndarray | None,
                   last_upper: np.ndarray | None) -> tuple[np.ndarray, np.ndarray | None]:
    """The directors whose best team under mu may beat their best pool column: all of them the first time;
    after that those whose last bound, moved by the largest fall of their mentors' prices, passes it. With
    them, that moved bound (an upper bound on every team of each director under mu; None the first time)."""
    n = space.inst.n_directors
    if last_mu is None:
        return np.arange(n), None
    moved = last_upper + _shift(space, last_mu - mu)
    return np.nonzero(~(moved <= floor + 1e-9))[0], moved


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


def round_teams(inst: Instance, master: Master, x: np.ndarray, mu: np.ndarray, upper: np.ndarray) -> Teams:
    """Integer teams from the LP's fractional teams x (per master column): its columns by how much the LP
    takes them (then by reduced cost under mu), each kept when its director has no team yet and its
    mentors have places left; then, for the directors still without one, their other columns by reduced
    cost. Some directors may stay without a team (neighbourhoods.repair_many places them)."""
    n_cols = len(master.columns)
    x = np.r_[x, np.zeros(n_cols - len(x))]
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

# of the time limit for the whole LP (deterministic units, less the setup's): at 10,000 four exact rounds
# and a last pass for the bound (or five) then fit, the LP ending at 92-107 s of 120 on the idle machine
# (2,000 converges in ~15 s)
RELAX_SHARE = 0.90
RELAX_NET = 0.88  # its wall-clock net, later than the units' end on an idle machine so that they decide there,
# early enough under load for the rounding and its repair (measured at 10,000 under load: done at 110 s)
REPAIR_SHARE = 0.15  # of the limit at most for placing the directors the rounding leaves out (units)
REPAIR_NET = 0.95  # its wall-clock net: on a loaded machine completing the LP's rounding beats more search
# the LP's last pass for the bound only comes after the rounding and its repair, and must end by this share
# of the limit (at 10,000 `meeting` it lowers the bound ~0.5% where the search's last 15 s raised the score
# 0.1-0.2%; before the rounding, the LP's wall-clock net left it out in two runs of four)
BOUND_PASS_NET = 0.97  # (then the helper ends, the reduced costs: ~2 s at 10,000)
BOUND_PASS_LEAST = 0.5  # it begins when half the last pass's time is left: cut short, it still proves a bound
# director × mentor pairs up to which the whole LP runs: measured at 10,000 directors (85 M pairs): four or
# five exact rounds and the last pass for the bound in 120 s (docs/engine.md)
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
           report: Callable[[float, float], None], cancel: threading.Event | None, hopeless: set[int],
           setup: float = 0.0) -> Outcome:
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
        relaxed = relax(inst, space, teams, prices, limit * RELAX_SHARE - setup, start + limit * RELAX_NET, cancel,
                        on_bound, complete=not hopeless, fallback=pairwise_upper(inst, arcs, prices), pricer=pricer,
                        later=True)
        if relaxed.x is not None and not (cancel is not None and cancel.is_set()):
            rounded = round_teams(inst, relaxed.master, relaxed.x, relaxed.mu, relaxed.upper)
            _, repair = neighbourhoods.repair_many(inst, arcs, rounded, hopeless, inst.options.seed,
                                                   start + limit * REPAIR_NET, cancel,
                                                   pool=pool_by_director(relaxed.master), budget=limit * REPAIR_SHARE)
            spent += repair
            placeable = [d for d in range(inst.n_directors) if d not in hopeless]
            if all(is_complete(inst, d, rounded.get(d, [])) for d in placeable) and objective(inst, rounded) > best[0]:
                teams = {d: ms for d, ms in rounded.items() if is_complete(inst, d, ms)}
                best[0] = objective(inst, teams)
                report(best[0], bound[0])
        if relaxed.bound_pass is not None and not (cancel is not None and cancel.is_set()):
            relaxed.bound_pass(start + limit * BOUND_PASS_NET)  # the LP's last pass, after its rounding
    reduced = None
    if np.all(np.isfinite(relaxed.upper)):
        reduced = neighbourhoods.reduced_costs(inst, teams, relaxed.mu, relaxed.upper)
    overhead = inst.n_directors * inst.n_mentors * WHOLE_OVERHEAD_PAIR_COST
    return Outcome(teams, bound[0], relaxed, reduced, spent + relaxed.spent + overhead)
