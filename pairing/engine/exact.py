"""Exact b-matchings over all allowed pairs while the flow only sees the best arcs of each director:
solve on the pruned arcs, compute node potentials, and add any left-out pair whose reduced cost is negative
(column generation) until none is — then the flow is optimal over every pair."""

from __future__ import annotations

import numpy as np

from pairing.engine.candidates import Arcs
from pairing.engine.flows import b_matching
from pairing.engine.instance import SCALE, Instance

MAX_ROUNDS = 8
ADD_PER_DIRECTOR = 40


def certified_flow(inst: Instance, arcs: Arcs, producers: bool, lo: np.ndarray, hi: np.ndarray,
                   used: np.ndarray, skip: set[tuple[int, int]] = frozenset(), prices: np.ndarray | None = None
                   ) -> tuple[np.ndarray, np.ndarray, np.ndarray, bool]:
    """Best arcs of one role (producers or instructors): chosen (d, m, value) arrays and whether the
    optimum is proven over all allowed pairs. With `prices` (one per mentor), a certified flow writes its
    role's mentor prices there: the optimal duals of the mentors' places (see mentor_prices)."""
    role = (arcs.m < inst.n_producers) if producers else (arcs.m >= inst.n_producers)
    d, m, value = arcs.d[role], arcs.m[role], arcs.value[role]
    if skip:
        keep = np.array([(int(a), int(b)) not in skip for a, b in zip(d, m)], dtype=bool)
        d, m, value = d[keep], m[keep], value[keep]
    for _ in range(MAX_ROUNDS):
        out = b_matching(inst, d, m, value, lo, hi, used, with_potentials=arcs.dense is not None)
        if arcs.dense is None:
            return d[out], m[out], value[out], arcs.complete
        chosen, dist = out
        if dist is None:
            break
        extra = _violations(inst, arcs, producers, d, m, dist, hi, skip)
        if extra is None:
            if prices is not None:
                mentor_prices(inst, producers, dist, prices)
            return d[chosen], m[chosen], value[chosen], True
        d, m, value = (np.concatenate([a, b]) for a, b in zip((d, m, value), extra))
    chosen = b_matching(inst, d, m, value, lo, hi, used)
    return d[chosen], m[chosen], value[chosen], False


def _violations(inst: Instance, arcs: Arcs, producers: bool, d, m, dist, hi, skip):
    """Left-out pairs with a negative reduced cost (at most a few per director), or None if there are none.
    Checked in row chunks so that memory stays flat on large programs."""
    n_d = inst.n_directors
    cols = np.arange(inst.n_producers) if producers else np.arange(inst.n_producers, inst.n_mentors)
    if not len(cols):
        return None
    skip_pairs = np.array([(a, b) for a, b in skip if cols[0] <= b <= cols[-1]], dtype=np.int64).reshape(-1, 2)
    pd = np.concatenate([d, skip_pairs[:, 0]])
    pm = np.concatenate([m, skip_pairs[:, 1]]) - cols[0]
    order = np.argsort(pd, kind="stable")
    pd, pm = pd[order], pm[order]
    found = []
    for lo in range(0, n_d, CHUNK):
        up = min(lo + CHUNK, n_d)
        a, b = np.searchsorted(pd, [lo, up])
        part = _chunk(arcs, cols, dist, n_d, hi, pd[a:b] - lo, pm[a:b], lo, up)
        if part is not None:
            found.append(part)
    if not found:
        return None
    return tuple(np.concatenate(parts) for parts in zip(*found))


CHUNK = 1000


def _chunk(arcs, cols, dist, n_d, hi, present_rows, present_cols, lo, up):
    values = arcs.dense[lo:up, cols[0]: cols[-1] + 1]  # a view: the role's mentors are contiguous
    d_dist, m_dist = dist[1 + lo: 1 + up], dist[n_d + 1 + cols]
    # A cheap float32 screen first (with a margin far above its rounding error), then the exact check:
    # reduced cost d − m − value·SCALE < margin, computed in two full passes over the chunk.
    scale = float(max(np.abs(dist).max(initial=0), 1)) + SCALE * 1000.0
    margin = np.float32(64.0 + 8.0 * scale * 2.0 ** -23)  # well above float32 rounding at these magnitudes
    threshold = np.subtract.outer((d_dist.astype(np.float32) - margin), m_dist.astype(np.float32))
    rough = np.less(threshold, np.multiply(values, np.float32(SCALE)), out=None)
    rough[hi[lo:up] <= 0] = False
    rough[present_rows, present_cols] = False
    if not rough.any():
        return None
    rows, where = np.nonzero(rough)
    gains = np.round(values[rows, where].astype(np.float64) * SCALE)
    reduced_all = (d_dist[rows] - m_dist[where]).astype(np.float64) - gains
    exact = reduced_all < -0.5
    if not exact.any():
        return None
    rows, where, reduced = rows[exact], where[exact], reduced_all[exact]
    order = np.lexsort((reduced, rows))
    rows, where = rows[order], where[order]
    starts = np.r_[0, np.nonzero(np.diff(rows))[0] + 1]
    rank = np.arange(len(rows)) - np.repeat(starts, np.diff(np.r_[starts, len(rows)]))
    pick = rank < ADD_PER_DIRECTOR
    rows, where = rows[pick], where[pick]
    return ((rows + lo).astype(np.int64), cols[where].astype(np.int64), values[rows, where].astype(np.float64))


def mentor_prices(inst: Instance, producers: bool, dist: np.ndarray, prices: np.ndarray) -> None:
    """The flow's node potentials as prices per mentor place: μ_m = (dist[sink] − dist[m]) / SCALE. Every
    residual arc has a non-negative reduced cost, so a pair d–m outside the flow gains at most
    π_d + μ_m and a free place of m is worth at most −μ_m: the optimal duals of the pairwise relaxation,
    which the team-column bound (bound.column_bound) prices exactly from."""
    n_d = inst.n_directors
    cols = np.arange(inst.n_producers) if producers else np.arange(inst.n_producers, inst.n_mentors)
    sink = n_d + inst.n_mentors + 1
    prices[cols] = (dist[sink] - dist[n_d + 1 + cols]).astype(np.float64) / SCALE
