"""Capacitated b-matchings of directors to mentors as min-cost flows, arcs given as numpy arrays.

Exact for any pairwise objective plus the concave load score (mentor → sink arcs with falling gains)."""

from __future__ import annotations

import numpy as np
from ortools.graph.python.min_cost_flow import SimpleMinCostFlow

from pairing.engine.instance import SCALE, Instance


def b_matching(inst: Instance, arc_d: np.ndarray, arc_m: np.ndarray, arc_value: np.ndarray,
               lo: np.ndarray, hi: np.ndarray, used: np.ndarray, with_potentials: bool = False):
    """Choose arcs maximising value + load so that each director d gets between lo[d] and hi[d] arcs
    and no mentor exceeds its capacity given `used` places already taken. When the lower bounds cannot
    all be met, as many as possible are (a shortfall shows as fewer arcs). Returns a mask over the arcs."""
    out = _solve(inst, arc_d, arc_m, arc_value, lo, hi, used, soft=False, with_potentials=with_potentials)
    if out is None:
        out = _solve(inst, arc_d, arc_m, arc_value, lo, hi, used, soft=True, with_potentials=with_potentials)
    return out


def _solve(inst, arc_d, arc_m, arc_value, lo, hi, used, soft: bool, with_potentials: bool):
    """Lower bounds as node supplies (exact, small cost range) or, when soft, as arcs with a large gain."""
    n_d, n_m = inst.n_directors, inst.n_mentors
    source, sink = 0, n_d + n_m + 1
    gains = np.round(np.asarray(arc_value, dtype=np.float64) * SCALE).astype(np.int64)
    level_m, level_gain = _load_levels(inst, used)
    directors = np.arange(n_d, dtype=np.int64)
    forced = (lo > 0) if soft else np.zeros(n_d, dtype=bool)
    big = int(np.abs(gains).sum() + np.abs(level_gain).sum() + 1)
    tails = [np.zeros(forced.sum(), np.int64), np.zeros(n_d, np.int64), arc_d + 1, level_m + n_d + 1,
             np.array([source])]
    heads = [directors[forced] + 1, directors + 1, arc_m + n_d + 1, np.full(len(level_m), sink, np.int64),
             np.array([sink])]
    caps = [lo[forced], hi - lo, np.ones(len(arc_d), np.int64), np.ones(len(level_m), np.int64),
            np.array([int(hi.sum())])]
    costs = [np.full(forced.sum(), -big, np.int64), np.zeros(n_d, np.int64), -gains, -level_gain,
             np.zeros(1, np.int64)]
    flow = SimpleMinCostFlow()
    flow.add_arcs_with_capacity_and_unit_cost(
        np.concatenate(tails), np.concatenate(heads), np.concatenate(caps).astype(np.int64),
        np.concatenate(costs))
    supplies = np.zeros(n_d + n_m + 2, dtype=np.int64)
    supplies[source] = int((hi - lo).sum()) + (int(lo.sum()) if soft else 0)
    if not soft:
        supplies[1: n_d + 1] = lo
    supplies[sink] = -int(hi.sum())
    flow.set_nodes_supplies(np.arange(len(supplies)), supplies)
    status = flow.solve()
    if status != SimpleMinCostFlow.OPTIMAL:
        if not soft:
            return None
        raise RuntimeError(f"min-cost flow failed with status {status}")
    first_arc = int(forced.sum()) + n_d
    chosen = flow.flows(np.arange(first_arc, first_arc + len(arc_d))) > 0
    if not with_potentials:
        return chosen
    all_flows = flow.flows(np.arange(flow.num_arcs()))
    tails, heads = np.concatenate(tails), np.concatenate(heads)
    caps, costs = np.concatenate(caps).astype(np.int64), np.concatenate(costs)
    return chosen, potentials(len(supplies), tails, heads, caps, costs, all_flows)


def potentials(n_nodes: int, tails, heads, caps, costs, flows) -> np.ndarray | None:
    """Node potentials proving a flow optimal: shortest distances in the residual graph from a virtual
    source joined to every node (Bellman–Ford, vectorised). With them every residual arc has a
    non-negative reduced cost; an arc left out of the flow problem can then be checked alone."""
    forward = flows < caps
    backward = flows > 0
    t = np.concatenate([tails[forward], heads[backward]])
    h = np.concatenate([heads[forward], tails[backward]])
    c = np.concatenate([costs[forward], -costs[backward]])
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
