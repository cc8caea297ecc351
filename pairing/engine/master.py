"""The team-column (set-partitioning) model: choose one team per director among generated columns, mentor
capacities as rows, the load score as concave levels per mentor. Its linear relaxation is solved by column
generation (GLOP through pywraplp, re-solved from the previous basis as columns arrive; exact pricing in
pricing.py); any mentor prices give a proven bound (Lagrangian: each director's best priced team plus the
priced load levels); integer teams come from CP-SAT over the columns (price-and-branch), and reduced-cost
fixing proves optimality when the gap allows it.

    maximise   Σ_c value(c)·x(c) + Σ_{m,k} load(m, k)·l(m, k) − UNPLACED·Σ_d u(d)
    subject to Σ_{c of d} x(c) + u(d) = 1                 for every director d       (dual π_d)
               Σ_{c ∋ m} x(c) − Σ_k l(m, k) = 0          for every mentor m          (dual μ_m)
               Σ_{c ∋ m, slot(c) = s} x(c) ≤ 1           with distinct mentor slots  (dual ν_ms ≥ 0)
               0 ≤ l(m, k) ≤ 1 for k = 1 … capacity(m);  x, u ≥ 0
    (the k-th team of a mentor adds the k-th load marginal, falling in k, so levels fill in order)

Locks are kept by pricing only teams that hold them; the optional "each mentor's teams meet at different
weekly times" rule adds one row per mentor and slot (a column then fixes its meeting slot)."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

import numpy as np
import highspy
from highspy._core import _Highs  # the plain class: highspy.Highs() logs a banner before options can be set
from ortools.sat.python import cp_model

from pairing.engine.construct import Teams
from pairing.engine.cpsat import cancel_watcher
from pairing.engine.instance import SCALE, Instance
from pairing.engine.mentor_slots import assign
from pairing.engine.pricing import Column, Space, column_value, price, price_weekly
from pairing.engine.scoring import load_marginal

UNPLACED = 10_000.0  # an unplaced director's cost in the linear model: far above any team score (≤ ~200)
PLACE_BONUS = 10**9  # the same in the integer model (integer thousandths)
TOLERANCE = 1e-6  # reduced costs below this count as zero
MAX_ROUNDS = 60
PER_DIRECTOR = 3  # columns added per director and round
PROOF_COLUMNS = 300_000
BOUND_SLACK = 1e-4  # per director: pair values are float32 (errors ~1e-6), the bound must stay above  # most columns enumerated for the reduced-cost proof


class OutOfTime(Exception):
    """The master LP did not finish before the deadline."""


@dataclass
class Master:
    """The restricted master LP and its column pool. Owned by one solve; nothing is shared.

    HiGHS (highspy) solves it: new columns enter nonbasic, so each re-solve starts from the previous
    basis (measured at 2,000 directors: GLOP through pywraplp re-solved from scratch, 18–127 s per round
    with 30–60 thousand columns; see docs/engine.md)."""

    inst: Instance
    space: Space
    scores: bool = True  # False: phase 1 (every team worth 0, only placing counts)
    # per mentor, what its k-th team adds (default level_gains(inst)); a neighbourhood of a large program
    # (neighbourhoods.py) passes the marginals after the places the teams outside it take
    gains: list[np.ndarray] | None = None
    columns: list[Column] = field(default_factory=list)
    keys: dict[tuple[int, tuple[int, ...], int], int] = field(default_factory=dict)
    by_director: list[list[int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        inst = self.inst
        n_d, n_m = inst.n_directors, inst.n_mentors
        self.lp = _Highs()
        self.lp.setOptionValue("output_flag", False)  # before any other call: HiGHS prints a banner
        self.lp.setOptionValue("random_seed", int(inst.options.seed))
        self.lp.changeObjectiveSense(highspy.ObjSense.kMaximize)
        self.lp.addRows(n_d + n_m, np.r_[np.ones(n_d), np.zeros(n_m)], np.r_[np.ones(n_d), np.zeros(n_m)],
                        0, np.zeros(n_d + n_m, dtype=np.int32), np.zeros(0, dtype=np.int32), np.zeros(0))
        # u(d): unplaced, one per director row
        self._add_cols(np.full(n_d, -UNPLACED), np.ones(n_d), [[d] for d in range(n_d)], [[1.0]] * n_d)
        if self.gains is None:
            self.gains = level_gains(inst) if self.scores else [np.zeros(int(c)) for c in inst.capacity]
        costs = np.concatenate([g for g in self.gains]) if n_m else np.zeros(0)
        rows = [[n_d + m] for m, g in enumerate(self.gains) for _ in g]
        self._add_cols(costs, np.ones(len(costs)), rows, [[-1.0]] * len(costs))
        self.base = n_d + len(costs)  # the first column variable
        # each mentor's teams meet at different weekly times: a row per mentor and slot it is free in
        self.weekly = bool(inst.options.distinct_mentor_slots)
        pairs = [(m, j) for m in range(n_m) for j in range(len(inst.slots)) if inst.m_avail[m] >> j & 1] \
            if self.weekly else []
        self.slot_rows = {pair: n_d + n_m + k for k, pair in enumerate(pairs)}
        if pairs:
            self.lp.addRows(len(pairs), np.full(len(pairs), -highspy.kHighsInf), np.ones(len(pairs)), 0,
                            np.zeros(len(pairs), dtype=np.int32), np.zeros(0, dtype=np.int32), np.zeros(0))
        self.nu = np.zeros((n_m, len(inst.slots)))  # the mentor × slot duals (≥ 0), zero without the rule
        self.pending: list[Column] = []
        self.by_director = [[] for _ in range(inst.n_directors)]
        self.solution: np.ndarray | None = None

    def _add_cols(self, costs, upper, rows: list[list[int]], values: list[list[float]]) -> None:
        if not len(costs):
            return
        starts = np.cumsum([0] + [len(r) for r in rows[:-1]]).astype(np.int32)
        index = np.array([i for r in rows for i in r], dtype=np.int32)
        vals = np.array([v for vs in values for v in vs], dtype=np.float64)
        self.lp.addCols(len(costs), np.asarray(costs, dtype=np.float64), np.zeros(len(costs)),
                        np.asarray(upper, dtype=np.float64), len(index), starts, index, vals)

    def add(self, column: Column) -> bool:
        key = (column.d, column.members, column.slot)
        if key in self.keys or self.weekly and column.slot < 0:
            return False
        if not self.scores:
            column = Column(column.d, column.members, 0.0, column.slot)
        index = len(self.columns)
        self.keys[key] = index
        self.columns.append(column)
        self.by_director[column.d].append(index)
        self.pending.append(column)
        return True

    def _flush(self) -> None:
        if not self.pending:
            return
        n_d = self.inst.n_directors
        rows = [[c.d, *(n_d + m for m in c.members), *(self.slot_rows[m, c.slot] for m in c.members if self.weekly)]
                for c in self.pending]
        self._add_cols([c.value for c in self.pending], np.full(len(self.pending), self._column_upper()), rows,
                       [[1.0] * len(r) for r in rows])
        self.pending = []

    def add_teams(self, teams: Teams) -> None:
        """The teams of a pairing as columns (the construction, the previous run, an integer solution);
        with distinct mentor slots, at the weekly slots `mentor_slots.assign` gives them (teams it cannot
        keep stay out)."""
        slots = assign(self.inst, teams)[1] if self.weekly else {}
        for d, members in teams.items():
            if members and (d in slots or not self.weekly):
                key = tuple([members[0], *sorted(members[1:])])
                if (d, key, slots.get(d, -1)) not in self.keys:
                    self.add(Column(d, key, column_value(self.space, d, key, self.scores), slots.get(d, -1)))

    def solve_lp(self, deadline: float | None = None) -> tuple[float, np.ndarray, np.ndarray]:
        """Re-solve (warm) and return the LP value with the director and mentor duals. Raises OutOfTime
        when the deadline (a perf_counter time) passes first."""
        self._flush()
        left = 1e9 if deadline is None else deadline - time.perf_counter()
        if left <= 0:
            raise OutOfTime()
        # HiGHS compares its time limit with its run clock, which adds up over every run() of this object
        # (measured: 1.5 s after one column generation at 200 directors), not with this run's time
        self.lp.setOptionValue("time_limit", float(self.lp.getRunTime() + left))
        self.lp.run()
        status = self.lp.getModelStatus()
        if status == highspy.HighsModelStatus.kTimeLimit:
            raise OutOfTime()
        if status != highspy.HighsModelStatus.kOptimal:
            raise RuntimeError(f"the master LP ended with status {status}")
        solution = self.lp.getSolution()
        duals = np.asarray(solution.row_dual)
        self.solution = np.asarray(solution.col_value)
        n_d, n_m = self.inst.n_directors, self.inst.n_mentors
        for (m, j), row in self.slot_rows.items():
            self.nu[m, j] = max(float(duals[row]), 0.0)
        return self.lp.getInfo().objective_function_value, duals[:n_d], duals[n_d: n_d + n_m]

    def values(self) -> np.ndarray:
        """Each column's value in the last LP solution."""
        out = np.zeros(len(self.columns))
        known = min(len(self.solution) - self.base, len(self.columns)) if self.solution is not None else 0
        out[:known] = self.solution[self.base: self.base + known]
        return out

    def set_lower(self, column: int, value: float) -> None:
        self._flush()
        col = self.base + column
        upper = 1.0 if value > 0 else self._column_upper()
        self.lp.changeColsBounds(1, np.array([col], dtype=np.int32), np.array([value]), np.array([upper]))

    def _column_upper(self) -> float:
        """A column's upper bound. With distinct mentor slots none (the director row already keeps it at
        most 1): a column at a bound of 1 could hold a positive reduced cost, and the mentor × slot rows'
        degenerate duals then leave the Lagrangian bound above the LP value at convergence (measured)."""
        return highspy.kHighsInf if self.weekly else 1.0

    def unplaced(self) -> np.ndarray:
        return self.solution[: self.inst.n_directors].copy()

    def lagrangian(self, upper: np.ndarray, mu: np.ndarray, complete: bool = True, nu: np.ndarray | None = None
                   ) -> float:
        """The proven bound for mentor prices mu: each director's best priced team plus every load level
        worth taking at its price. Valid for any mu: over pairings that place every director, or with
        complete=False over all pairings (a director may then also have no team, worth 0)."""
        best = upper if complete else np.maximum(upper, 0.0)
        teams = float(best.sum()) + BOUND_SLACK * len(upper)
        levels = sum(float(np.maximum(g + mu[m], 0.0).sum()) for m, g in enumerate(self.gains))
        return teams + levels + (float(nu.sum()) if nu is not None else 0.0)  # each mentor × slot row's 1 × ν

    def price(self, mu: np.ndarray, floor: np.ndarray, **kwargs):
        """Pricing under the current duals: `pricing.price`, or with distinct mentor slots
        `pricing.price_weekly` with the mentor × slot duals of the last LP."""
        if self.weekly:
            return price_weekly(self.space, mu, self.nu, floor, scores=self.scores, **kwargs)
        return price(self.space, mu, floor, scores=self.scores, **kwargs)


def level_gains(inst: Instance) -> list[np.ndarray]:
    """Per mentor, what its k-th team adds to the load score (k = 1 … capacity), falling in k."""
    weight = inst.weights["load"]
    return [np.array([weight * load_marginal(inst, m, k) for k in range(1, int(inst.capacity[m]) + 1)])
            for m in range(inst.n_mentors)]


@dataclass
class Relaxation:
    """What column generation found: the LP value, the best proven bound, the duals behind that bound and
    each director's best priced value under them; whether pricing proved the LP optimal."""

    lp: float
    bound: float  # over pairings that place every director (valid whenever one exists)
    mu: np.ndarray
    upper: np.ndarray
    converged: bool
    rounds: int
    unplaced: np.ndarray
    nu: np.ndarray | None = None  # the mentor × slot duals behind the bound (distinct mentor slots)

    def bound_any(self, master: "Master") -> float:
        """The bound over every pairing, complete or not (for a run that leaves directors unplaced)."""
        return master.lagrangian(self.upper, self.mu, complete=False, nu=self.nu) \
            if np.all(np.isfinite(self.upper)) else float("inf")


def generate(master: Master, deadline: float, cancel: threading.Event | None = None,
             on_bound=None) -> Relaxation:
    """Column generation until exact pricing finds no column with a positive reduced cost (or the
    deadline): LP, duals, pricing of every director, add the improving columns. Rounds price each
    director's RESTRICTED most promising mentors first (fast); when that finds nothing, an exact round
    prices everything — which either finds more columns or proves the LP optimal. Every exact round's
    prices give a Lagrangian bound.

    With distinct mentor slots the LP is re-solved by the primal simplex here (new columns keep the basis
    primal feasible; measured at 200 directors: 5.5 CPU s to converge against 10.2 with HiGHS's default
    dual simplex; without the rule the default was 10% faster, so it stays); HiGHS's own choice again
    afterwards (the dive changes bounds, where the dual simplex is at home)."""
    master.lp.setOptionValue("simplex_strategy", PRIMAL_SIMPLEX if master.weekly else CHOOSE_SIMPLEX)
    try:
        return _generate(master, deadline, cancel, on_bound)
    finally:
        master.lp.setOptionValue("simplex_strategy", CHOOSE_SIMPLEX)


PRIMAL_SIMPLEX, CHOOSE_SIMPLEX = 4, 0  # HiGHS's simplex_strategy values


def _generate(master: Master, deadline: float, cancel: threading.Event | None, on_bound) -> Relaxation:
    best = None
    rounds = 0
    exact = not _restricting(master)
    while True:
        try:
            lp, pi, mu = master.solve_lp(deadline)
        except OutOfTime:
            return best if best is not None else Relaxation(float("inf"), float("inf"), np.zeros(
                master.inst.n_mentors), np.full(master.inst.n_directors, np.inf), False, rounds,
                np.ones(master.inst.n_directors))
        unplaced = master.unplaced()
        # directors the LP leaves unplaced have π near UNPLACED: price them from scratch, so that their
        # best team (not π) enters the bound
        floor = np.where(pi > UNPLACED / 2, -np.inf, pi) + TOLERANCE
        nu = master.nu.copy()
        priced = master.price(mu, floor, per_director=PER_DIRECTOR, restrict=None if exact else RESTRICTED,
                              deadline=deadline)
        rounds += 1
        if exact and priced.complete:
            bound = master.lagrangian(priced.upper, mu, nu=nu)
            if best is None or bound < best.bound:
                best = Relaxation(lp, bound, mu, priced.upper, False, rounds, unplaced, nu)
                if on_bound is not None:
                    on_bound(bound)
        added = sum(master.add(c) for c in priced.columns)
        if not added and exact and priced.complete:
            best.converged, best.lp, best.unplaced, best.rounds = True, lp, unplaced, rounds
            return best
        stop = time.perf_counter() > deadline or (cancel is not None and cancel.is_set()) or rounds >= MAX_ROUNDS
        if stop:
            if best is None:  # no exact round finished: no bound from here
                return Relaxation(lp, float("inf"), mu, np.full(master.inst.n_directors, np.inf), False, rounds,
                                  unplaced)
            best.lp, best.rounds, best.unplaced = lp, rounds, unplaced
            return best
        exact = not added or not _restricting(master)


RESTRICTED = 24  # producers and instructors per director in the fast pricing rounds


def _restricting(master: Master) -> bool:
    """Fast restricted rounds pay off when mentors are many."""
    inst = master.inst
    return inst.n_directors * inst.n_mentors > RESTRICT_PAIRS and (
        inst.n_producers > 2 * RESTRICTED or inst.n_mentors - inst.n_producers > 2 * RESTRICTED)


RESTRICT_PAIRS = 1_000_000  # below this many director–mentor pairs every round is exact (it is fast)


# -- integer teams from the columns -------------------------------------------------------------------

@dataclass
class IntegerOutcome:
    teams: Teams | None
    proven: bool  # optimal over the columns it was given
    objective: float


def integer_teams(master: Master, columns: list[int], hint: Teams | None, time_limit: float, seed: int,
                  workers: int, cancel: threading.Event | None = None, on_solution=None,
                  det_limit: float | None = None, place_all: bool = False) -> IntegerOutcome:
    """CP-SAT over the given columns: each director at most one, placing every director first, then the
    total score with the load levels; warm-started from `hint`. With one worker the deterministic-time
    limit is `det_limit` (default time_limit), time_limit staying the wall-clock safety net. With
    `place_all` (the caller knows a pairing that places every director from these columns), exactly one
    column for each director that has one, and no placing bonus: a much tighter model for CP-SAT."""
    model = cp_model.CpModel()
    x = {c: model.new_bool_var(f"x{c}") for c in columns}
    per_d: dict[int, list[int]] = {}
    per_m: dict[int, list[int]] = {}
    for c in columns:
        col = master.columns[c]
        per_d.setdefault(col.d, []).append(c)
        for m in col.members:
            per_m.setdefault(m, []).append(c)
    terms = []
    if master.weekly:  # a mentor meets at most one team in each weekly slot
        per_slot: dict[tuple[int, int], list] = {}
        for c in columns:
            for m in master.columns[c].members:
                per_slot.setdefault((m, master.columns[c].slot), []).append(x[c])
        for group in per_slot.values():
            if len(group) > 1:
                model.add_at_most_one(group)
    bonus = 0 if place_all else PLACE_BONUS
    for d, cs in per_d.items():
        if place_all:
            model.add_exactly_one(x[c] for c in cs)
        else:
            model.add_at_most_one(x[c] for c in cs)
        for c in cs:
            terms.append((bonus + int(round(master.columns[c].value * SCALE)), x[c]))
    levels_of: dict[int, list] = {}
    for m, cs in per_m.items():
        gains = master.gains[m]
        cap = len(gains)
        levels = [model.new_bool_var(f"l{m},{k}") for k in range(min(cap, len(cs)))]
        model.add(sum(x[c] for c in cs) == sum(levels))
        for a, b in zip(levels, levels[1:]):
            model.add_implication(b, a)
        for k, level in enumerate(levels):
            terms.append((int(round(gains[k] * SCALE)), level))
        levels_of[m] = levels
    model.maximize(sum(c * v for c, v in terms))
    if hint:
        chosen = set()
        slots = assign(master.inst, hint)[1] if master.weekly else {}
        for d, members in hint.items():
            if members:
                c = master.keys.get((d, tuple([members[0], *sorted(members[1:])]), slots.get(d, -1)))
                if c in x:
                    chosen.add(c)
        for c, var in x.items():
            model.add_hint(var, c in chosen)
        usage: dict[int, int] = {}
        for c in chosen:
            for m in master.columns[c].members:
                usage[m] = usage.get(m, 0) + 1
        for m, levels in levels_of.items():
            for k, level in enumerate(levels):
                model.add_hint(level, k < usage.get(m, 0))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(time_limit, 0.01)
    solver.parameters.random_seed = seed
    solver.parameters.num_workers = max(1, workers)
    if workers <= 1:
        solver.parameters.max_deterministic_time = max(det_limit if det_limit is not None else time_limit, 0.01)
    stop = threading.Event()
    watcher = cancel_watcher(solver, cancel, stop)
    callback = _Improved(on_solution, master, x, bonus) if on_solution else None
    try:
        status = solver.solve(model, callback) if callback else solver.solve(model)
    finally:
        stop.set()
        if watcher is not None:
            watcher.join()
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return IntegerOutcome(None, status == cp_model.INFEASIBLE, float("-inf"))
    teams: Teams = {}
    for c, var in x.items():
        if solver.boolean_value(var):
            col = master.columns[c]
            teams[col.d] = list(col.members)
    return IntegerOutcome(teams, status == cp_model.OPTIMAL, solver.objective_value)


class _Improved(cp_model.CpSolverSolutionCallback):
    def __init__(self, on_solution, master, x, bonus: int = PLACE_BONUS):
        super().__init__()
        self.on_solution, self.master, self.x, self.bonus = on_solution, master, x, bonus

    def on_solution_callback(self) -> None:
        placed = sum(1 for var in self.x.values() if self.boolean_value(var))
        self.on_solution(placed, (self.objective_value - placed * self.bonus) / SCALE)


def reduced_costs(master: Master, mu: np.ndarray, upper: np.ndarray, nu: np.ndarray | None = None) -> np.ndarray:
    """Each pool column's distance below its director's best priced value (≥ 0): a column that falls
    further below than the gap to the (complete-pairing) bound cannot be in a better complete pairing
    (reduced-cost fixing)."""
    out = np.empty(len(master.columns))
    for c, col in enumerate(master.columns):
        slot_price = float(nu[list(col.members), col.slot].sum()) if nu is not None and col.slot >= 0 else 0.0
        out[c] = upper[col.d] - (col.value - float(mu[list(col.members)].sum()) - slot_price)
    return out


def enumerate_columns(master: Master, mu: np.ndarray, upper: np.ndarray, gap: float,
                      deadline: float | None = None, nu: np.ndarray | None = None) -> bool:
    """Add every column whose priced value is within `gap` of its director's best (so that the integer
    model over the pool is exact for any complete pairing better than the bound minus gap). False when
    there are too many to enumerate."""
    floor = upper - gap - TOLERANCE
    try:
        if master.weekly:
            found = price_weekly(master.space, mu, nu, floor, per_director=0, keep_all=True, scores=master.scores,
                                 deadline=deadline)
        else:
            found = price(master.space, mu, floor, per_director=0, keep_all=True, scores=master.scores,
                          deadline=deadline)
    except MemoryError:
        return False
    if not found.complete or len(found.columns) > PROOF_COLUMNS:
        return False
    for column in found.columns:
        master.add(column)
    return True


# -- diving: integer teams from the linear relaxation ---------------------------------------------------

DIVE_SHARE = 0.05  # of the fractional directors fixed per dive step (at least one)


def dive(master: Master, deadline: float, cancel: threading.Event | None = None, reprice: int = 0,
         finish: bool = False) -> Teams:
    """Round the relaxation: repeatedly fix the columns the LP already takes (nearly) whole plus the most
    taken fractional ones, re-solving the LP (warm) after each step, until its solution is integral.
    Fixed columns never overfill a mentor. The bounds are restored afterwards. With `reprice`, the
    directors not yet fixed are priced every `reprice` steps, and whenever the LP is integral but leaves
    one of them out. With `finish`, a dive cut short by the deadline or the cancel flag still gives every
    director it can a team: the columns not fixed yet are taken greedily (most taken by the last LP
    first, then the most valuable) while they fit, then the directors still left are priced over the
    places still free (`_round_rest`)."""
    inst = master.inst
    fixed: set[int] = set()
    load = np.zeros(inst.n_mentors)
    busy: set[tuple[int, int]] = set()  # (mentor, weekly slot) pairs the fixed columns hold
    done_d: set[int] = set()
    began = time.perf_counter()
    try:
        steps = 0
        while time.perf_counter() < deadline and not (cancel is not None and cancel.is_set()):
            _, pi, mu = master.solve_lp(deadline)
            if reprice and steps % reprice == 0:  # price-and-dive: columns the fixings now make worth it
                _reprice(master, pi, mu, done_d, deadline)
            steps += 1
            x = master.values()
            open_ = [c for c in np.nonzero(x > 1e-6)[0] if c not in fixed and master.columns[c].d not in done_d]
            fractional = [c for c in open_ if x[c] < 1 - 1e-6]
            if not fractional and reprice and _left_out(master, done_d) and _reprice(master, pi, mu, done_d, deadline,
                                                                                    exact=True):
                continue  # the LP is integral but leaves a director out whom a new column can place
            if not fractional:
                break
            order = sorted(open_, key=lambda c: (-x[c], c))
            left_d = len({master.columns[c].d for c in fractional})
            step = max(1, int(left_d * DIVE_SHARE))
            if finish:  # on pace to miss the deadline (a loaded machine): larger steps, to end in time
                step = max(step, _paced_step(left_d, step, steps, time.perf_counter() - began,
                                             deadline - time.perf_counter()))
            taken = 0
            for c in order:
                col = master.columns[c]
                if col.d in done_d or not _fits(master, col, load, busy):
                    continue
                _take(master, col, load, busy)
                master.set_lower(c, 1.0)
                fixed.add(c)
                done_d.add(col.d)
                if x[c] < 1 - 1e-6:
                    taken += 1
                    if taken >= step:
                        break
            if not taken:
                break
        master.solve_lp(deadline + 1.0)
        x = master.values()
        chosen = {master.columns[c].d: c for c in np.nonzero(x > 1 - 1e-6)[0]}
    except OutOfTime:
        x = master.values() if master.solution is not None else np.zeros(len(master.columns))
        chosen = {master.columns[c].d: c for c in fixed}
    finally:
        for c in fixed:
            master.set_lower(c, 0.0)
    if finish:
        _round_rest(master, chosen, x)
    return {d: list(master.columns[c].members) for d, c in chosen.items()}


def _paced_step(left: int, step: int, steps: int, spent: float, remaining: float) -> int:
    """The step that ends the dive in the time remaining at the pace seen so far (`spent` seconds over
    `steps` steps): a dive of d fractional directors at step s takes about d / s more steps."""
    if steps < 2 or remaining <= 0:
        return step
    per_step = spent / steps
    affordable = max(remaining / per_step - 1, 1.0)
    return int(np.ceil(left / affordable)) if left / step > affordable else step


def _fits(master: Master, col: Column, load: np.ndarray, busy: set[tuple[int, int]]) -> bool:
    """The column's mentors have a place left (and, with distinct mentor slots, its weekly slot free)."""
    members = list(col.members)
    if np.any(load[members] + 1 > master.inst.capacity[members]):
        return False
    return not (master.weekly and any((m, col.slot) in busy for m in members))


def _take(master: Master, col: Column, load: np.ndarray, busy: set[tuple[int, int]]) -> None:
    load[list(col.members)] += 1
    if master.weekly:
        busy |= {(m, col.slot) for m in col.members}


def _round_rest(master: Master, chosen: dict[int, int], x: np.ndarray) -> None:
    """Give the directors without a column in `chosen` one greedily: the pool's columns, most taken by
    the LP solution `x` first, then the most valuable, while their mentors have places."""
    load = np.zeros(master.inst.n_mentors)
    busy: set[tuple[int, int]] = set()
    for c in chosen.values():
        _take(master, master.columns[c], load, busy)
    x = np.r_[x, np.zeros(max(0, len(master.columns) - len(x)))]
    rest = [c for c in range(len(master.columns)) if master.columns[c].d not in chosen]
    for c in sorted(rest, key=lambda c: (-x[c], -master.columns[c].value, c)):
        col = master.columns[c]
        if col.d not in chosen and _fits(master, col, load, busy):
            chosen[col.d] = c
            _take(master, col, load, busy)
    while True:  # the pool has no team that fits: price the directors left over the places still free
        left = np.array([d for d in range(master.inst.n_directors) if d not in chosen], dtype=np.int64)
        found = _price_free(master, left, load, busy) if len(left) else []
        placed = 0
        for column in sorted(found, key=lambda col: (-col.value, col.d, col.members)):
            if column.d not in chosen and _fits(master, column, load, busy):
                master.add(column)
                chosen[column.d] = master.keys[column.d, column.members, column.slot]
                _take(master, column, load, busy)
                placed += 1
        if not placed:
            return


def _price_free(master: Master, directors: np.ndarray, load: np.ndarray, busy: set[tuple[int, int]]
                ) -> list[Column]:
    """The best teams of `directors` among the mentors with a place left (and weekly slots free): full
    mentors priced out of reach."""
    inst = master.inst
    mu = np.where(load >= inst.capacity, UNPLACED, 0.0)
    floor = np.full(inst.n_directors, -UNPLACED / 2)
    if master.weekly:
        nu = np.zeros((inst.n_mentors, len(inst.slots)))
        for m, j in busy:
            nu[m, j] = UNPLACED
        return price_weekly(master.space, mu, nu, floor, per_director=PER_DIRECTOR, directors=directors,
                            scores=master.scores).columns
    return price(master.space, mu, floor, per_director=PER_DIRECTOR, directors=directors,
                 scores=master.scores).columns


def _reprice(master: Master, pi: np.ndarray, mu: np.ndarray, done_d: set[int], deadline: float,
             exact: bool = False) -> bool:
    """Price the directors the dive has not fixed yet under the current duals (restricted to their most
    promising mentors on large programs unless `exact`); re-solve when columns were added."""
    inst = master.inst
    free = np.array([d not in done_d for d in range(inst.n_directors)])
    restrict = RESTRICTED if _restricting(master) and not exact else None
    found = master.price(mu, pi + TOLERANCE, per_director=PER_DIRECTOR, directors=np.nonzero(free)[0],
                         restrict=restrict, deadline=deadline)
    if sum(master.add(c) for c in found.columns):
        master.solve_lp(deadline)
        return True
    return False


def _left_out(master: Master, done_d: set[int]) -> bool:
    """Some director the dive has not fixed is unplaced in the current LP solution."""
    unplaced = master.unplaced()
    return any(unplaced[d] > 0.5 for d in range(master.inst.n_directors) if d not in done_d)
