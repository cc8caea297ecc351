"""Capacitated b-matchings of directors to mentors as min-cost flows, arcs given as numpy arrays.

Exact for any pairwise objective plus the concave load score (mentor → sink arcs with falling gains)."""

from __future__ import annotations

import numpy as np
from ortools.graph.python.min_cost_flow import SimpleMinCostFlow

from pairing.engine.instance import SCALE, Instance


def b_matching(inst: Instance, arc_d: np.ndarray, arc_m: np.ndarray, arc_value: np.ndarray,
               lo: np.ndarray, hi: np.ndarray, used: np.ndarray) -> np.ndarray:
    """Choose arcs maximising value + load so that each director d gets between lo[d] and hi[d] arcs
    (lo as far as possible: a shortfall shows as fewer arcs) and no mentor exceeds its capacity given
    `used` places already taken. Returns a boolean mask over the arcs."""
    n_d, n_m = inst.n_directors, inst.n_mentors
    source, sink = 0, n_d + n_m + 1
    gains = np.round(np.asarray(arc_value, dtype=np.float64) * SCALE).astype(np.int64)
    level_m, level_gain = _load_levels(inst, used)
    big = int(np.abs(gains).sum() + np.abs(level_gain).sum() + 1)
    directors = np.arange(n_d, dtype=np.int64)
    forced = lo > 0
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
    supplies[source], supplies[sink] = int(hi.sum()), -int(hi.sum())
    flow.set_nodes_supplies(np.arange(len(supplies)), supplies)
    status = flow.solve()
    if status != SimpleMinCostFlow.OPTIMAL:
        raise RuntimeError(f"min-cost flow failed with status {status}")
    first_arc = int(forced.sum()) + n_d
    return flow.flows(np.arange(first_arc, first_arc + len(arc_d))) > 0


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
