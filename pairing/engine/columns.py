"""The search over team columns (master.py, pricing.py) as one solve sees it: column generation for the
relaxation and its proven bound, integer teams from the columns, reduced-cost fixing to prove optimality,
and — when some director stays unplaced — the master's phase 1 to prove that no pairing places everyone.

Time: column generation gets up to CG_SHARE of the limit, the dive until DIVE_SHARE, the integer model
the rest (minus a reserve for the proof); phase 1 only in what is left of the limit. The integer models
run on one CP-SAT worker with deterministic-time budgets (shares of the limit), so that the same program
and seed give the same teams whenever column generation and the dive end before their shares (they do
at 200 directors on an idle machine); the wall-clock shares are the safety net. Progress reports the best
pairing and the bound as they improve; cancel keeps the best."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from pairing.domain import RunStatus
from pairing.engine.construct import Teams, is_complete
from pairing.engine.instance import Instance
from pairing.engine.master import (
    Master, dive, enumerate_columns, generate, integer_teams, reduced_costs,
)
from pairing.engine.pricing import build_space
from pairing.engine.result import objective
from pairing.words import Message, SlotRef, msg

CG_SHARE = 0.6  # of the time limit, at most, for column generation
DIVE_SHARE = 0.8  # the dive ends by this share of the time limit
REPRICE = 3  # dive steps between pricing rounds
PROOF_SHARE = 0.1  # kept for the reduced-cost proof
IP_SHARE = 0.4  # CP-SAT over the columns: its deterministic-time budget, this share of the limit (≈ CPU seconds:
# measured 3.2 CPU s for 3.0 deterministic at 200 directors; at 5 s it then ends before its wall-clock share)
PROOF_DETERMINISTIC = 0.3  # the proof's CP-SAT: its deterministic-time budget, this share of the limit
PROOF_GAP = 0.0005  # the proof is tried when the gap is at most this part of the bound
OPTIMAL_GAP = 1e-6  # relative gap under which the pairing is optimal (the scores' own rounding)
ROUNDING = 0.5e-3  # one team value's rounding in the integer model (thousandths), per director


@dataclass
class Search:
    teams: Teams
    bound: float
    status: RunStatus
    proven_infeasible: bool = False
    diagnosis: list[Message] = field(default_factory=list)
    rounds: int = 0
    columns: int = 0


def search(inst: Instance, start_teams: Teams, start: float, *, progress: Callable[[float, float], None] | None = None,
           cancel: threading.Event | None = None, hopeless: set[int] = frozenset(), prove_infeasible: bool = True,
           prices: np.ndarray | None = None) -> Search:
    """`prices`: mentor prices to seed the pool with (the flows' duals, `bound.flow_bound(prices=...)`)."""
    options = inst.options
    limit = options.time_limit_s
    cancelled = lambda: cancel is not None and cancel.is_set()  # noqa: E731
    space = build_space(inst)
    master = Master(inst, space)
    teams = {d: list(ms) for d, ms in start_teams.items() if is_complete(inst, d, ms)}
    master.add_teams(teams)
    best = _rank(inst, teams)
    bound = [float("inf")]

    def on_bound(value: float) -> None:
        bound[0] = min(bound[0], value)
        if progress:
            progress(best[1], bound[0])

    seeded = float("inf")  # the seed pricing's bound over every pairing, complete or not
    if prices is not None and not cancelled():
        complete_bound, seeded = _seed(master, prices)
        on_bound(complete_bound)

    relax = generate(master, start + limit * CG_SHARE, cancel, on_bound)
    bound[0] = min(bound[0], relax.bound)
    if cancelled():
        return Search(teams, bound[0], RunStatus.CANCELLED, rounds=relax.rounds, columns=len(master.columns))
    # integer teams: dive the relaxation (price-and-dive), then CP-SAT over the columns from there
    rounded = dive(master, start + limit * DIVE_SHARE, cancel, reprice=REPRICE, finish=True)
    if _rank(inst, rounded) > best:
        teams, best = rounded, _rank(inst, rounded)
        if progress:
            progress(best[1], bound[0])
    gap = bound[0] - best[1] if best[0] == _placeable(inst, hopeless) else float("inf")
    pool = _pool(master, relax, gap)  # reduced-cost fixing against the incumbent
    ip_time = start + limit * (1 - PROOF_SHARE) - time.perf_counter()

    def on_solution(placed: int, score: float) -> None:
        if progress and placed >= best[0]:
            progress(score, bound[0])

    if ip_time > 0.05 and not cancelled():
        # one worker with a deterministic-time budget (the same teams for the same seed; the wall clock is
        # only the safety net): measured at 200 directors, one worker reaches 0.03% of the bound in ~2 s
        # where two (the parallel portfolio on two cores) stayed at 0.1–0.2%. When the incumbent places
        # everyone, a better pairing does too: exactly one team per director
        out = integer_teams(master, pool, teams, ip_time, options.seed, 1, cancel, on_solution,
                            det_limit=limit * IP_SHARE, place_all=best[0] == inst.n_directors)
        if out.teams is not None and _rank(inst, out.teams) > best:
            teams, best = out.teams, _rank(inst, out.teams)
    status = RunStatus.FEASIBLE
    placed_all = best[0] == inst.n_directors
    if placed_all and not cancelled():
        gap = bound[0] - best[1]
        if gap <= _tolerance(inst, bound[0]):
            status = RunStatus.OPTIMAL
        elif gap <= PROOF_GAP * abs(bound[0]):
            status, teams, bound[0] = _prove(master, relax, teams, best[1], bound[0], start + limit, cancel)
    if status is RunStatus.OPTIMAL:
        bound[0] = objective(inst, teams)
    elif not placed_all:  # the complete-pairing bound does not hold for a partial pairing
        bound[0] = min(relax.bound_any(master), seeded)
    result = Search(teams, bound[0], RunStatus.CANCELLED if cancelled() else status, rounds=relax.rounds,
                    columns=len(master.columns))
    if not placed_all and not cancelled() and prove_infeasible and time.perf_counter() < start + limit:
        result.proven_infeasible, result.diagnosis = _phase_one(inst, space, teams, start + limit, cancel)
    return result


SEED_COLUMNS = 3  # per director, priced under the flows' duals before the first LP


def _seed(master: Master, prices: np.ndarray) -> tuple[float, float]:
    """Seed the pool with each director's SEED_COLUMNS best teams under `prices` (the flows' duals: far
    closer to the LP's than those of the construction's columns alone) and return the Lagrangian bounds
    of that exact pricing, valid for any prices: over complete pairings (inf when it proves nothing: a
    director with no team) and over every pairing (a director may have no team).
    Measured at 200 directors: column generation then takes 8 rounds instead of 11 and ~40% fewer
    simplex iterations, and the tight program's bound is within 0.8% of the LP before the first LP."""
    floor = np.full(master.inst.n_directors, -np.inf)
    seeded = master.price(prices, floor, per_director=SEED_COLUMNS)
    for column in seeded.columns:
        master.add(column)
    value = master.lagrangian(seeded.upper, prices)
    return value if np.isfinite(value) else float("inf"), master.lagrangian(seeded.upper, prices, complete=False)


def _tolerance(inst: Instance, bound: float) -> float:
    return max(abs(bound) * OPTIMAL_GAP, ROUNDING * inst.n_directors)


def _placeable(inst: Instance, hopeless: set[int]) -> int:
    return inst.n_directors - len(hopeless)


def _rank(inst: Instance, teams: Teams) -> tuple[int, float]:
    placed = sum(1 for d, ms in teams.items() if is_complete(inst, d, ms))
    return placed, objective(inst, teams)


def _pool(master: Master, relax, gap: float) -> list[int]:
    """Pool columns whose reduced cost is within the gap (all of them when the gap is unknown)."""
    if not np.isfinite(gap):
        return list(range(len(master.columns)))
    rc = reduced_costs(master, relax.mu, relax.upper, relax.nu)
    keep = rc <= gap + 1e-6
    # the incumbent's own columns always stay (the hint)
    return [c for c in range(len(master.columns)) if keep[c]]


def _prove(master: Master, relax, teams: Teams, score: float, bound: float, deadline: float,
           cancel: threading.Event | None) -> tuple[RunStatus, Teams, float]:
    """Reduced-cost fixing: any pairing better than `score` uses, for each director, a team whose priced
    value is within gap = bound − score of that director's best; enumerate all of them and solve the
    integer model over exactly those. Its optimum is then the proven optimum."""
    inst = master.inst
    gap = bound - score
    left = deadline - time.perf_counter()
    if left <= 0.1 or not enumerate_columns(master, relax.mu, relax.upper, gap, deadline - left / 2, relax.nu):
        return RunStatus.FEASIBLE, teams, bound
    pool = _pool(master, relax, gap)
    left = deadline - time.perf_counter()
    out = integer_teams(master, pool, teams, max(left, 0.05), inst.options.seed, 1, cancel,
                        det_limit=inst.options.time_limit_s * PROOF_DETERMINISTIC, place_all=True)
    if out.teams is None:
        return RunStatus.FEASIBLE, teams, bound
    better = _rank(inst, out.teams) >= _rank(inst, teams)
    teams = out.teams if better else teams
    if out.proven and better:
        return RunStatus.OPTIMAL, teams, objective(inst, teams)
    return RunStatus.FEASIBLE, teams, bound


def _phase_one(inst: Instance, space, teams: Teams, deadline: float, cancel) -> tuple[bool, list[Message]]:
    """Every team worth 0, only placing counts: when column generation converges with directors still
    unplaced in the linear relaxation, no pairing places everyone (a proof), and the duals name the
    directors left out and the mentors whose places they compete for."""
    master = Master(inst, space, scores=False)
    master.add_teams(teams)
    relax = generate(master, deadline, cancel)  # within the run's time limit: else no proof (unknown)
    short = float(relax.unplaced.sum())
    if not relax.converged or short <= 1e-6:
        return False, []
    left = np.nonzero(relax.unplaced > 1e-6)[0]
    contested = _contested(master, space, left)
    holders = _holders(master, contested)
    directors = [inst.directors[d].id for d in sorted(set(left.tolist()) | holders)]
    mentors = [inst.mentors[m].id for m in contested]
    at_most = int(np.floor(inst.n_directors - short + 1e-6))
    if master.weekly and np.any(relax.nu > 1e-6):  # the mentor × slot rows bind: the rule is the cause
        return True, [_weekly_short(inst, relax.nu, directors, at_most)]
    message = msg("engine.too_few_places", placed=at_most, total=inst.n_directors, people=_few(directors),
                  count=len(directors),
                  mentors=_few(mentors))
    return True, [message]


def _weekly_short(inst: Instance, nu: np.ndarray, directors: list[str], at_most: int) -> Message:
    """The phase-1 proof when the mentor × slot rows bind: the weekly times (mentor and slot) with a
    positive price are the ones the directors compete for."""
    pairs = sorted(zip(*np.nonzero(nu > 1e-6)), key=lambda mj: (-nu[mj], mj))
    slots = tuple(msg("engine.mentor_at_slot", mentor_id=inst.mentors[m].id, slot=SlotRef(inst.slots[j]))
                  for m, j in pairs[:8])
    return msg("engine.weekly_short", placed=at_most, total=inst.n_directors, people=_few(directors),
               slots=slots)


def _few(ids: list[str], shown: int = 8) -> tuple[str, ...]:
    """Up to `shown` ids, then "+N" for the rest (ids are not translated; neither is the count)."""
    return tuple(ids[:shown]) + ((f"+{len(ids) - shown}",) if len(ids) > shown else ())


def _contested(master: Master, space, left: np.ndarray) -> list[int]:
    """Mentors full in the phase-1 solution whom some director left out could work with."""
    inst = master.inst
    usage = np.zeros(inst.n_mentors)
    for c, value in enumerate(master.values()):
        if value > 1e-9:
            usage[list(master.columns[c].members)] += value
    full = usage >= inst.capacity - 1e-6
    from pairing.engine.pricing import pair_parts

    _, allowed = pair_parts(space, np.asarray(left, dtype=np.int64), False)
    return [int(m) for m in np.nonzero(full & allowed.any(axis=0) & (inst.capacity > 0))[0]]


def _holders(master: Master, mentors: list[int]) -> set[int]:
    """Directors whose phase-1 teams take a place of one of the mentors."""
    wanted = set(mentors)
    return {master.columns[c].d for c, value in enumerate(master.values())
            if value > 1e-9 and wanted & set(master.columns[c].members)}
