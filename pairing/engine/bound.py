"""A proven upper bound on the total team score: the coupled criteria are over-estimated pair by pair
(needs as if no two mentors overlapped, meetings as the producer's shared slots), which leaves two
b-matchings that min-cost flow solves exactly; the optimum of the relaxation bounds every pairing."""

from __future__ import annotations

import numpy as np

from pairing.engine.candidates import Arcs
from pairing.engine.flows import b_matching
from pairing.engine.instance import Instance
from pairing.engine.result import load_total


def flow_bound(inst: Instance, arcs: Arcs) -> float:
    """Valid when `arcs` holds every allowed pair; with pruned arcs see capacity_free_bound."""
    if not arcs.complete:
        return float("inf")
    producer = arcs.m < inst.n_producers
    n = inst.n_directors
    lo_i = np.full(n, inst.options.instructors_min, dtype=np.int64)
    hi_i = np.full(n, inst.options.instructors_max, dtype=np.int64)
    ones = np.ones(n, dtype=np.int64)
    used = np.zeros(inst.n_mentors, dtype=np.int64)
    total = 0.0
    for mask, lo, hi in ((producer, ones, ones), (~producer, lo_i, hi_i)):
        part = arcs.select(mask)
        chosen = b_matching(inst, part.d, part.m, part.value, lo, hi, np.zeros(inst.n_mentors, np.int64))
        total += float(part.value[chosen].sum())
        np.add.at(used, part.m[chosen], 1)
    no_needs = sum(1 for d in inst.directors if not d.needs)
    return total + load_total(inst, used) + inst.weights["needs"] * 100.0 * no_needs
