"""A proven upper bound on the total team score: the coupled criteria are over-estimated pair by pair
(needs as if no two mentors overlapped, meetings as the producer's shared slots), which leaves two
b-matchings that min-cost flow solves exactly (certified over every allowed pair); the optimum of this
relaxation bounds every pairing."""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from pairing.engine.candidates import Arcs
from pairing.engine.exact import certified_flow
from pairing.engine.instance import Instance
from pairing.engine.result import load_total


def flow_bound(inst: Instance, arcs: Arcs, prices: np.ndarray | None = None) -> float:
    """The pairwise relaxation's optimum (two certified flows); with `prices`, the flows' mentor prices are
    written there (their optimal duals: a good start for column_bound)."""
    n = inst.n_directors
    ones = np.ones(n, dtype=np.int64)
    lo_i = np.full(n, inst.options.instructors_min, dtype=np.int64)
    hi_i = np.full(n, inst.options.instructors_max, dtype=np.int64)
    used = np.zeros(inst.n_mentors, dtype=np.int64)
    total, proven = 0.0, True
    for producers, lo, hi in ((True, ones, ones), (False, lo_i, hi_i)):
        _, m, value, certified = certified_flow(inst, arcs, producers, lo, hi, np.zeros(inst.n_mentors, np.int64),
                                                prices=prices)
        total += float(value.sum())
        np.add.at(used, m, 1)
        proven &= certified
    if not proven:
        return capacity_free_bound(inst, arcs)
    return total + load_total(inst, used) + _constant(inst)


def _constant(inst: Instance) -> float:
    return inst.weights["needs"] * 100.0 * sum(1 for d in inst.directors if not d.needs)


def capacity_free_bound(inst: Instance, arcs: Arcs) -> float:
    """Every director with its best pairwise mentors as if nobody were full (a weaker, always valid bound)."""
    if arcs.dense is None:
        return float("inf")
    lo, hi = inst.options.instructors_min, inst.options.instructors_max
    producers = arcs.dense[:, : inst.n_producers].max(axis=1, initial=-np.inf)
    part = arcs.dense[:, inst.n_producers:]
    if hi < part.shape[1]:
        part = -np.partition(-part, hi - 1, axis=1)[:, :hi]
    instructors = -np.sort(-part, axis=1)[:, :hi]
    take = np.where(np.arange(instructors.shape[1]) < lo, instructors, np.maximum(instructors, 0))
    per_team = producers + np.where(np.isfinite(take), take, 0).sum(axis=1)
    load = inst.weights["load"] * inst.share * 100.0 * (1 + hi)
    return float(np.where(np.isfinite(per_team), per_team, 0).sum()) + load * inst.n_directors + _constant(inst)


def lagrangian_bound(inst: Instance, arcs: Arcs, lower: float, seconds: float, initial: float | None = None) -> float:
    """A tighter bound: the rule "each need counts once per team" is priced with multipliers λ[d, need]
    (Lagrangian relaxation) instead of dropped. For any λ ≥ 0,
        bound(λ) = Σ λ + flows with needs credit Σ_need max(0, credit(d, m, need) − λ[d, need]),
    and subgradient steps lower it. Returns the best proven bound found within `seconds`."""
    start = time.perf_counter()
    best = flow_bound(inst, arcs) if initial is None else initial
    if arcs.dense is None or inst.weights["needs"] <= 0 or not inst.skills:
        return best
    counts = inst.need_d.sum(axis=1)
    credit = inst.weights["needs"] * 100.0 / np.maximum(counts, 1)  # per director, × level value
    single = (inst.need_d @ inst.level_m.T) * credit[:, None]
    base = arcs.dense - single  # every pairwise part except needs
    lam = np.zeros_like(inst.need_d)
    theta, stall = 1.0, 0
    while time.perf_counter() - start < seconds:
        value, used, chosen = _relaxed(inst, arcs, base, credit, lam)
        if value is None:
            break
        bound = float(lam.sum()) + value + load_total(inst, used) + _constant(inst)
        if bound < best - 1e-9:
            best, stall = bound, 0
        else:
            stall += 1
            if stall >= 2:
                theta, stall = theta / 2, 0
        grad = inst.need_d * (1.0 - _cover_counts(inst, credit, lam, chosen))
        norm = float((grad ** 2).sum())
        if norm == 0 or theta < 1e-3:
            break
        lam = np.maximum(lam - theta * max(best - lower, 1e-6) / norm * grad, 0.0) * inst.need_d
    return best


def _priced_dense(inst: Instance, base: np.ndarray, credit: np.ndarray, lam: np.ndarray) -> np.ndarray:
    dense = base.copy()
    for j in range(len(inst.skills)):
        needed = inst.need_d[:, j] > 0
        if needed.any():
            gain = credit[needed, None] * inst.level_m[None, :, j] - lam[needed, j][:, None]
            dense[needed] += np.maximum(gain, 0)
    return dense


def _relaxed(inst: Instance, arcs: Arcs, base, credit, lam):
    """The two certified flows under priced needs: (value, mentor usage, chosen (d, m) pairs)."""
    dense = _priced_dense(inst, base, credit, lam)
    priced = Arcs(arcs.d, arcs.m, dense[arcs.d, arcs.m].astype(np.float64), arcs.linear, arcs.complete,
                  arcs.slot_p, arcs.slot_i, dense)
    n = inst.n_directors
    ones = np.ones(n, dtype=np.int64)
    ranges = ((True, ones, ones), (False, np.full(n, inst.options.instructors_min, np.int64),
                                   np.full(n, inst.options.instructors_max, np.int64)))
    used = np.zeros(inst.n_mentors, dtype=np.int64)
    total, pairs = 0.0, []
    for producers, lo, hi in ranges:
        d, m, value, certified = certified_flow(inst, priced, producers, lo, hi, np.zeros(inst.n_mentors, np.int64))
        if not certified:
            return None, used, pairs
        total += float(value.sum())
        np.add.at(used, m, 1)
        pairs.append((d, m))
    return total, used, pairs


def _cover_counts(inst: Instance, credit, lam, chosen) -> np.ndarray:
    """How many chosen mentors of each director are credited for each need (the relaxed z's)."""
    counts = np.zeros_like(inst.need_d)
    for d, m in chosen:
        credited = (credit[d, None] * inst.level_m[m] - lam[d]) > 0
        np.add.at(counts, d, credited.astype(np.float32))
    return counts



@dataclass
class ColumnBound:
    """One pricing pass under mentor prices mu: the proven bound, each director's bound on its best priced
    team, and how many directors' best priced teams use each mentor (None unless every director was
    priced exactly: the subgradient needs them all)."""

    value: float
    mu: np.ndarray
    upper: np.ndarray | None = None
    demand: np.ndarray | None = None


def column_bound(inst: Instance, mu: np.ndarray, deadline: float | None = None, complete: bool = True,
                 fallback: np.ndarray | None = None) -> ColumnBound:
    """The team-column model's Lagrangian bound for mentor prices `mu` (any prices give a proof):
    every director's best team under the prices — exact pricing over every mentor (pricing.py) — plus
    every load level worth taking at its mentor's price (master.Master.lagrangian for the whole program).
    With complete=False a director may also have no team (worth 0): the bound then holds for partial
    pairings too. Directors not priced by `deadline` (a perf_counter time) count with `fallback` (per
    director, an upper bound on its best priced team: pairwise_upper), so a pass cut short still proves
    a bound; without a fallback it proves none (inf)."""
    from pairing.engine.master import BOUND_SLACK, level_gains
    from pairing.engine.pricing import build_space, price

    n = inst.n_directors
    priced = price(build_space(inst), mu, np.full(n, -np.inf), per_director=1, deadline=deadline)
    upper = priced.upper
    if not priced.complete:
        if fallback is None:
            return ColumnBound(float("inf"), mu)
        upper = np.where(np.isfinite(upper), upper, fallback)
    best = upper if complete else np.maximum(upper, 0.0)
    levels = sum(float(np.maximum(g + mu[m], 0.0).sum()) for m, g in enumerate(level_gains(inst)))
    value = float(best.sum()) + BOUND_SLACK * n + levels
    if not priced.complete:
        return ColumnBound(value, mu, upper)
    demand = np.zeros(inst.n_mentors)
    for column in priced.columns:
        demand[list(column.members)] += 1
    return ColumnBound(value, mu, upper, demand)


def pairwise_upper(inst: Instance, arcs: Arcs, mu: np.ndarray, rows: int = 250) -> np.ndarray | None:
    """Per director, an upper bound on its best team under mentor prices `mu` without pricing teams: its
    best priced producer plus its best priced instructors (the required ones, then those worth taking),
    each pair valued as the flows value it (needs as if no two mentors overlapped, meetings on the
    producer pair: never below what the pair adds to a real team), plus the full needs marks of a
    director who lists none. None when the pair values are not kept (arcs.dense). In row blocks."""
    if arcs.dense is None:
        return None
    n_p, lo, hi = inst.n_producers, inst.options.instructors_min, inst.options.instructors_max
    out = np.empty(inst.n_directors)
    for first in range(0, inst.n_directors, rows):
        block = arcs.dense[first: first + rows].astype(np.float64) - mu[None, :]
        best = block[:, :n_p].max(axis=1, initial=-np.inf)
        part = block[:, n_p:]
        if hi and part.shape[1]:
            k = min(hi, part.shape[1])
            top = -np.sort(-np.partition(part, part.shape[1] - k, axis=1)[:, part.shape[1] - k:], axis=1)
            best = best + np.where(np.arange(k) < lo, top, np.maximum(top, 0)).sum(axis=1)
        out[first: first + len(block)] = best
    no_needs = np.array([not d.needs for d in inst.directors], dtype=bool)
    return out + np.where(no_needs, inst.weights["needs"] * 100.0, 0.0) + 1e-3  # float32 pair values


def next_prices(inst: Instance, done: ColumnBound, lower: float, step: float = 1.0) -> np.ndarray:
    """A subgradient step on the column bound (Polyak's step towards `lower`, a pairing's score): raise
    the price of mentors the directors' best teams ask for more often than the places worth taking at
    their price, lower the others."""
    from pairing.engine.master import level_gains

    levels = np.array([float((g + done.mu[m] > 0).sum()) for m, g in enumerate(level_gains(inst))])
    grad = levels - done.demand
    norm = float((grad ** 2).sum())
    if norm <= 0 or not np.isfinite(done.value):
        return done.mu
    return done.mu - step * max(done.value - lower, 1e-6) / norm * grad
