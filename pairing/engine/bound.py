"""A proven upper bound on the total team score: the coupled criteria are over-estimated pair by pair
(needs as if no two mentors overlapped, meetings as the producer's shared slots), which leaves two
b-matchings that min-cost flow solves exactly (certified over every allowed pair); the optimum of this
relaxation bounds every pairing."""

from __future__ import annotations

import numpy as np

from pairing.engine.candidates import Arcs
from pairing.engine.exact import certified_flow
from pairing.engine.instance import Instance
from pairing.engine.result import load_total


def flow_bound(inst: Instance, arcs: Arcs) -> float:
    n = inst.n_directors
    ones = np.ones(n, dtype=np.int64)
    lo_i = np.full(n, inst.options.instructors_min, dtype=np.int64)
    hi_i = np.full(n, inst.options.instructors_max, dtype=np.int64)
    used = np.zeros(inst.n_mentors, dtype=np.int64)
    total, proven = 0.0, True
    for producers, lo, hi in ((True, ones, ones), (False, lo_i, hi_i)):
        _, m, value, certified = certified_flow(inst, arcs, producers, lo, hi, np.zeros(inst.n_mentors, np.int64))
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
    instructors = -np.sort(-arcs.dense[:, inst.n_producers:], axis=1)[:, :hi]
    take = np.where(np.arange(instructors.shape[1]) < lo, instructors, np.maximum(instructors, 0))
    per_team = producers + np.where(np.isfinite(take), take, 0).sum(axis=1)
    load = inst.weights["load"] * inst.share * 100.0 * (1 + hi)
    return float(np.where(np.isfinite(per_team), per_team, 0).sum()) + load * inst.n_directors + _constant(inst)
