"""Capacitated b-matchings of directors to mentors as min-cost flows, arcs given as numpy arrays.

Exact for any pairwise objective plus the concave load score (mentor → sink arcs with falling gains)."""

from __future__ import annotations

import numpy as np
from ortools.graph.python.min_cost_flow import SimpleMinCostFlow

from pairing.engine.instance import SCALE, Instance


SHORTFALL_FACTOR = 100  # a director's missing place costs this many times the largest single gain


def b_matching(inst: Instance, arc_d: np.ndarray, arc_m: np.ndarray, arc_value: np.ndarray,
               lo: np.ndarray, hi: np.ndarray, used: np.ndarray, with_potentials: bool = False):
    """Choose arcs maximising value + load so that each director d gets between lo[d] and hi[d] arcs
    and no mentor exceeds its capacity given `used` places already taken. A lower bound that cannot be
    met is paid for on a shortfall arc (director → sink) at a prohibitive cost, so as many places as
    possible are filled and the problem is always feasible with a small cost range. Those arcs are only
    added when the lower bounds cannot all be met: their huge cost slows the cost-scaling solver by
    ~20%, and when every lower bound holds they carry no flow anyway.
    Returns a mask over the arcs (and the node potentials when asked)."""
    n_d, n_m = inst.n_directors, inst.n_mentors
    gains = np.round(np.asarray(arc_value, dtype=np.float64) * SCALE).astype(np.int64)
    level_m, level_gain = _load_levels(inst, used)
    for shortfall in (False, True):
        tails, heads, caps, costs = _network(n_d, n_m, arc_d, arc_m, gains, level_m, level_gain, lo, hi, shortfall)
        flow = SimpleMinCostFlow()
        flow.add_arcs_with_capacity_and_unit_cost(tails, heads, caps, costs)
        supplies = np.zeros(n_d + n_m + 2, dtype=np.int64)
        supplies[0] = int((hi - lo).sum())
        supplies[1: n_d + 1] = lo
        supplies[-1] = -int(hi.sum())
        flow.set_nodes_supplies(np.arange(len(supplies)), supplies)
        status = flow.solve()
        if status == SimpleMinCostFlow.OPTIMAL:
            break
        if shortfall or status != SimpleMinCostFlow.INFEASIBLE:
            raise RuntimeError(f"min-cost flow failed with status {status}")
    chosen = flow.flows(np.arange(n_d, n_d + len(arc_d))) > 0
    if not with_potentials:
        return chosen
    all_flows = flow.flows(np.arange(flow.num_arcs()))
    return chosen, potentials(len(supplies), tails, heads, caps, costs, all_flows, mentors=(n_d + 1, n_d + n_m + 1))


def _network(n_d, n_m, arc_d, arc_m, gains, level_m, level_gain, lo, hi, shortfall: bool):
    """Arcs as arrays: source → directors (optional places), director → mentor (the pairs), mentor → sink
    (one per free place, falling load gains), source → sink (unused optional places), and with
    `shortfall` director → sink for the lower bounds at a prohibitive cost."""
    source, sink = 0, n_d + n_m + 1
    directors = np.arange(n_d, dtype=np.int64)
    largest = max(int(np.abs(gains).max(initial=0)), int(np.abs(level_gain).max(initial=0)), 1)
    short = (lo > 0) if shortfall else np.zeros(n_d, dtype=bool)
    tails = [np.zeros(n_d, np.int64), arc_d + 1, level_m + n_d + 1, directors[short] + 1, np.array([source])]
    heads = [directors + 1, arc_m + n_d + 1, np.full(len(level_m), sink, np.int64),
             np.full(int(short.sum()), sink, np.int64), np.array([sink])]
    caps = [hi - lo, np.ones(len(arc_d), np.int64), np.ones(len(level_m), np.int64), lo[short],
            np.array([int((hi - lo).sum())])]
    costs = [np.zeros(n_d, np.int64), -gains, -level_gain,
             np.full(int(short.sum()), SHORTFALL_FACTOR * 4 * largest, np.int64), np.zeros(1, np.int64)]
    return (np.concatenate(tails).astype(np.int64), np.concatenate(heads).astype(np.int64),
            np.concatenate(caps).astype(np.int64), np.concatenate(costs).astype(np.int64))


def potentials(n_nodes: int, tails, heads, caps, costs, flows, mentors: tuple[int, int] | None = None
               ) -> np.ndarray | None:
    """Node potentials proving a flow optimal: shortest distances in the residual graph from a virtual
    source joined to every node (Bellman–Ford, vectorised). With them every residual arc has a
    non-negative reduced cost; an arc left out of the flow problem can then be checked alone.
    With `mentors` (their node range) the potentials are then shifted to certify as many left-out
    director → mentor arcs as possible (see _widen)."""
    t, h, c = _residual(tails, heads, caps, costs, flows)
    dist = _bellman_ford(n_nodes, t, h, c)
    if dist is None or mentors is None or not len(h):
        return dist
    widened = _widen(dist, t, h, c, mentors)
    return widened if _feasible(widened, t, h, c) else dist


def _residual(tails, heads, caps, costs, flows):
    forward = flows < caps
    backward = flows > 0
    t = np.concatenate([tails[forward], heads[backward]])
    h = np.concatenate([heads[forward], tails[backward]])
    c = np.concatenate([costs[forward], -costs[backward]])
    return t, h, c


def _bellman_ford(n_nodes: int, t, h, c) -> np.ndarray | None:
    order = np.argsort(h, kind="stable")
    t, h, c = t[order], h[order], c[order]
    starts = np.r_[0, np.nonzero(np.diff(h))[0] + 1] if len(h) else np.zeros(0, np.int64)
    dist = np.zeros(n_nodes, dtype=np.int64)
    for _ in range(n_nodes + 1):
        if not len(h):
            return dist
        best = np.minimum.reduceat(dist[t] + c, starts)
        new = dist.copy()
        np.minimum.at(new, h[starts], best)
        if np.array_equal(new, dist):
            return dist
        dist = new
    return None  # a negative cycle: the flow was not optimal


def _widen(dist: np.ndarray, t, h, c, mentors: tuple[int, int]) -> np.ndarray:
    """A left-out arc d → m is certified when dist[m] ≤ dist[d] − gain; the Bellman–Ford potentials are
    the highest feasible ones everywhere, which is bad for mentors. So lower every mentor to the least
    value its outgoing residual arcs allow (mentors only link to directors and the sink, held fixed),
    then raise every director to the most its incoming residual arcs allow (mentors, source and sink
    held fixed). Each step keeps every residual reduced cost non-negative."""
    new = dist.copy()
    first, last = mentors
    out_m = (t >= first) & (t < last)
    low = np.full(len(dist), np.iinfo(np.int64).min, dtype=np.int64)
    np.maximum.at(low, t[out_m], dist[h[out_m]] - c[out_m])
    lowered = np.arange(first, last)[low[first:last] > np.iinfo(np.int64).min]
    new[lowered] = np.minimum(new[lowered], low[lowered])
    in_d = (h >= 1) & (h < first)
    high = np.full(len(dist), np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(high, h[in_d], new[t[in_d]] + c[in_d])
    raised = np.arange(1, first)[high[1:first] < np.iinfo(np.int64).max]
    new[raised] = np.maximum(new[raised], high[raised])
    return new


def _feasible(dist: np.ndarray, t, h, c) -> bool:
    """Every residual arc has a non-negative reduced cost (the potentials prove the flow optimal)."""
    return bool(np.all(c + dist[t] - dist[h] >= 0))


def _load_levels(inst: Instance, used: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """One unit arc per free place of each mentor, the k-th place gaining the k-th load marginal."""
    free = np.maximum(inst.capacity - used, 0)
    level_m = np.repeat(np.arange(inst.n_mentors, dtype=np.int64), free)
    starts = np.repeat(used, free)
    offsets = np.arange(len(level_m)) - np.repeat(np.cumsum(free) - free, free)
    k = starts + offsets + 1
    capacity = np.maximum(inst.capacity[level_m], 1)
    marginal = inst.share * 100.0 * (1 - 2 * (k - 1) / capacity) * inst.weights["load"]
    return level_m, np.round(marginal * SCALE).astype(np.int64)
