"""Very large programs (above whole_lp.MAX_PAIRS director × mentor pairs, e.g. 10,000 directors and 85 M
pairs, where one exact pricing pass costs about 50 s on an idle core): the whole-program team-column LP by
column generation with RESTRICTED pricing, its rounding, and a proof pass for the bound.

1. Start prices: the duals of the two flows over the arcs (the flows' mentor prices, uncertified: any
   prices give a valid Lagrangian bound; certifying them over all 85 M pairs cost about 9 s).
2. Column generation: each round prices every director exactly over its candidate mentors
   (restricted.py, about a tenth of an exact pass) at Wentges-smoothed prices, adds the best columns and
   re-solves the master (whole_lp's: HiGHS interior point without crossover). Each round also proves a
   bound — each director at the larger of its candidates' exact value and the bound on every team that
   uses a mentor outside them — but that proof is loose where the outside bound is weak, so the
   stability centre follows the estimate (the same sum with the candidates' values only).
3. The LP rounded to teams (whole_lp.round_teams), the directors it leaves out placed by
   neighbourhoods.repair_many; kept when everyone placeable has a team and it scores higher.
4. The proof pass: at the prices of the best estimate, the directors whose outside bound passes their
   candidates' value — the largest excess first — are priced exactly over every mentor while the budget
   lasts; each director then counts with its exact value, or with its restricted proof: the bound
   (master.Master.lagrangian) is proven for every director either way.

Budgets are in deterministic units (≈ seconds on an idle core of the measuring machine: pairs priced,
LP columns), the wall clock the safety net; cancel is checked between groups of directors."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from pairing.engine.candidates import Arcs
from pairing.engine.construct import Teams, is_complete
from pairing.engine.exact import mentor_prices
from pairing.engine.flows import b_matching
from pairing.engine.instance import Instance
from pairing.engine.master import Master, OutOfTime
from pairing.engine.pricing import NEG, build_space, price
from pairing.engine.restricted import Restricted, price_restricted, restrict
from pairing.engine.whole_lp import (
    ALPHA, CONVERGED, MAX_PAIRS, PER_DIRECTOR, PRICE_PAIR_COST, Outcome, Pool, pool_by_director, round_teams,
)

LP_COLUMN_COST = 3.6e-5  # per column of the master, one interior-point solve (whole_lp's, measured at 2,000)
RESTRICTED_PAIR_COST = 0.35e-6  # per director × candidate-space mentor of a restricted pass (measured at 10,000)
RELAX_SHARE = 0.45  # of the time limit: column generation ends by then (units; the wall clock as a net)
REPAIR_SHARE = 0.1  # of the limit at most for placing the directors the rounding leaves out (units)
PROOF_SHARE = 0.97  # the proof pass ends by this share of the limit (units; the wall clock as a net)
PROOF_BLOCK = 256  # directors priced exactly at a time in the proof pass
MAX_ROUNDS = 40
TRACE = False
SETUP_PAIR_COST = 1.5e-7  # the start (arcs, construction), per director × mentor (solver.SETUP_PAIR_COST)


def fits(inst: Instance, arcs: Arcs) -> bool:
    """This path runs above whole_lp's size when every pair's optimistic value is kept (arcs.dense) and
    without the weekly-slot rule (that path keeps the neighbourhoods and slot_repair)."""
    return (inst.n_directors * inst.n_mentors > MAX_PAIRS and arcs.dense is not None
            and not inst.options.distinct_mentor_slots)


def start_prices(inst: Instance, arcs: Arcs) -> np.ndarray:
    """The duals of the producer and instructor flows over the arcs (not certified over every pair)."""
    prices = np.zeros(inst.n_mentors)
    n = inst.n_directors
    lo = np.full(n, inst.options.instructors_min, dtype=np.int64)
    hi = np.full(n, inst.options.instructors_max, dtype=np.int64)
    for producers, low, high in ((True, np.ones(n, np.int64), np.ones(n, np.int64)), (False, lo, hi)):
        role = (arcs.m < inst.n_producers) if producers else (arcs.m >= inst.n_producers)
        _, dist = b_matching(inst, arcs.d[role], arcs.m[role], arcs.value[role], low, high,
                             np.zeros(inst.n_mentors, np.int64), with_potentials=True)
        if dist is not None:
            mentor_prices(inst, producers, dist, prices)
    return prices


@dataclass
class Relaxed:
    """What column generation left: the proven bound and the per-director values behind it, the prices
    of the best estimate with each director's candidates' upper value and restricted proof there."""

    bound: float
    master: Master
    centre: np.ndarray
    within: np.ndarray  # at the centre: each director's exact upper value over its candidates
    proof: np.ndarray  # at the centre: each director's proven upper value (candidates and outside)
    lp: float = float("-inf")
    lp_mu: np.ndarray | None = None
    estimate: float = float("inf")
    rounds: int = 0
    spent: float = 0.0
    trace: list[tuple] = field(default_factory=list)


def relax(inst: Instance, r: Restricted, teams: Teams, mu0: np.ndarray, budget: float, deadline: float,
          cancel: threading.Event | None, on_bound: Callable[[float], None], complete: bool = True) -> Relaxed:
    """Column generation with restricted pricing from prices mu0, within `budget` units and `deadline`."""
    began = time.perf_counter()
    n = inst.n_directors
    master = Master(inst, r.full)
    master.lp.setOptionValue("solver", "ipm")
    master.lp.setOptionValue("run_crossover", "off")
    pool = Pool(inst.n_mentors, 1 + max(inst.options.instructors_max, 1))
    master.add_teams({d: ms for d, ms in teams.items() if is_complete(inst, d, ms)})
    pool.add(master.columns)
    out = Relaxed(float("inf"), master, mu0.copy(), np.full(n, np.inf), np.full(n, np.inf))
    centre, lp_mu = mu0.copy(), None
    pass_cost = _restricted_cost(r)
    while not _stopped(cancel) and time.perf_counter() < deadline and out.rounds < MAX_ROUNDS:
        if out.spent + pass_cost + len(master.columns) * LP_COLUMN_COST > budget:
            break
        mu = centre if lp_mu is None else ALPHA * centre + (1 - ALPHA) * lp_mu
        floor = pool.best(mu, n)
        priced, within = price_restricted(r, mu, floor, per_director=PER_DIRECTOR, deadline=deadline)
        out.spent += pass_cost
        if not priced.complete:
            break
        within = np.maximum(within, floor)
        proof = np.maximum(priced.upper, floor)
        whole = complete and bool(np.all(proof > NEG / 4))
        value = master.lagrangian(proof, mu, complete=whole)
        if value < out.bound:
            out.bound = value
            on_bound(value)
        estimate = master.lagrangian(within, mu, complete=whole)
        moved = estimate < out.estimate
        if moved:
            centre = mu.copy()
            out.estimate, out.centre, out.within, out.proof = estimate, centre, within, proof
        fresh = [c for c in priced.columns if master.add(c)]
        pool.add(fresh)
        out.rounds += 1
        if fresh or lp_mu is None:
            try:
                out.lp, _, lp_mu = _solve_lp(master, deadline)
            except OutOfTime:
                break
            out.spent += len(master.columns) * LP_COLUMN_COST
        out.lp_mu = lp_mu
        out.trace.append((round(time.perf_counter() - began, 2), out.lp, estimate, value, r.stats.get("loose"),
                          len(fresh)))
        if TRACE:
            print("round", out.trace[-1], len(master.columns), flush=True)
        if out.estimate - out.lp <= CONVERGED * abs(out.lp) or not fresh and not moved:
            break
    return out


def _solve_lp(master: Master, deadline: float):
    try:
        return master.solve_lp(deadline)
    except RuntimeError:  # HiGHS's interior point stopped without a solution: simplex from there on
        master.lp.setOptionValue("solver", "simplex")
        master.lp.setOptionValue("run_crossover", "on")
        return master.solve_lp(deadline)


def _restricted_cost(r: Restricted) -> float:
    return sum(len(g.rows) * len(g.mentors) for g in r.groups) * RESTRICTED_PAIR_COST \
        + len(r.in_full) * r.inst.n_mentors * PRICE_PAIR_COST


def prove(inst: Instance, r: Restricted, relaxed: Relaxed, budget: float, deadline: float,
          cancel: threading.Event | None, complete: bool = True) -> tuple[float, np.ndarray, float]:
    """The proof pass at the centre's prices: the directors whose restricted proof is above their
    candidates' value, largest excess first, priced exactly over every mentor in blocks while `budget`
    units and `deadline` allow. Returns the bound, each director's proven upper value and the units spent."""
    mu, upper = relaxed.centre, relaxed.proof.copy()
    # pricing's upper value is at least its floor and bounds every team: the candidates' value as the floor
    # prunes the most and loses nothing (the director's best team is either within them or found)
    floor = relaxed.within
    excess = upper - relaxed.within
    loose = np.nonzero(excess > 1e-9)[0]
    loose = loose[np.argsort(-excess[loose], kind="stable")]
    block_cost = PROOF_BLOCK * inst.n_mentors * PRICE_PAIR_COST
    spent = 0.0
    for k in range(0, len(loose), PROOF_BLOCK):
        if _stopped(cancel) or spent + block_cost > budget or time.perf_counter() >= deadline:
            break
        rows = np.sort(loose[k: k + PROOF_BLOCK])
        got = price(r.full, mu, floor, per_director=0, directors=rows,
                    deadline=deadline)
        spent += len(rows) * inst.n_mentors * PRICE_PAIR_COST
        if not got.complete:
            break
        upper[rows] = np.minimum(upper[rows], got.upper[rows])
    whole = complete and bool(np.all(upper > NEG / 4))
    return relaxed.master.lagrangian(upper, mu, complete=whole), upper, spent


def search(inst: Instance, arcs: Arcs, teams: Teams, start: float, prices: np.ndarray, *,
           report: Callable[[float, float], None], cancel: threading.Event | None, hopeless: set[int]) -> Outcome:
    """The large path: column generation with restricted pricing, the rounding and its repair, the proof
    pass; then (the caller) the neighbourhood search with what is left."""
    from pairing.engine import neighbourhoods
    from pairing.engine.result import objective

    limit = inst.options.time_limit_s
    best = [objective(inst, teams)]
    bound = [float("inf")]

    def on_bound(value: float) -> None:
        bound[0] = min(bound[0], value)
        report(best[0], bound[0])

    r = restrict(inst, arcs, build_space(inst))
    complete = not hopeless
    relaxed = relax(inst, r, teams, prices, limit * RELAX_SHARE, start + limit * RELAX_SHARE, cancel, on_bound,
                    complete)
    spent = relaxed.spent
    if relaxed.lp_mu is not None and not _stopped(cancel):
        rounded = round_teams(inst, relaxed.master, relaxed.centre, relaxed.within)
        _, repair = neighbourhoods.repair_many(inst, arcs, rounded, hopeless, inst.options.seed,
                                               start + limit * (RELAX_SHARE + REPAIR_SHARE) * 1.2, cancel,
                                               pool=pool_by_director(relaxed.master), budget=limit * REPAIR_SHARE)
        spent += repair
        placeable = [d for d in range(inst.n_directors) if d not in hopeless]
        if all(is_complete(inst, d, rounded.get(d, [])) for d in placeable) and objective(inst, rounded) > best[0]:
            teams = {d: ms for d, ms in rounded.items() if is_complete(inst, d, ms)}
            best[0] = objective(inst, teams)
            report(best[0], bound[0])
    upper = None
    if np.all(np.isfinite(relaxed.proof)) and not _stopped(cancel):
        budget = limit * PROOF_SHARE - inst.n_directors * inst.n_mentors * SETUP_PAIR_COST - spent
        value, upper, used = prove(inst, r, relaxed, budget, start + limit * PROOF_SHARE, cancel, complete)
        spent += used
        on_bound(value)
    reduced = None
    if upper is not None:
        reduced = neighbourhoods.reduced_costs(inst, teams, relaxed.centre, upper)
    return Outcome(teams, bound[0], None, reduced, spent)


def _stopped(cancel: threading.Event | None) -> bool:
    return cancel is not None and cancel.is_set()
