"""The proven bound of very large programs (above solver.PASS_MAX_PAIRS director × mentor pairs, e.g.
10,000 directors and 85 M pairs, where one exact pricing pass costs 50–70 s on an idle core): the
team-column Lagrangian (master.Master.lagrangian) at the flows' mentor prices, each director counted with
a proven upper value on its best priced team that is cheaper than pricing it over every mentor.

1. `first`: restricted pricing (restricted.py: exact over the director's candidate mentors, a bound on
   every team using another one) and the pairwise bound (bound.pairwise_upper), the smaller of the two
   per director — about 7 s at 10,000 directors, measured 2.2% below the flow bound there.
2. `tighten`: the directors whose proven value lies furthest above their candidates' exact value are
   priced exactly over every mentor (pricing.price), a block at a time, while the budget and the clock
   allow; each such director then counts with its exact value. Measured at 10,000 (the flows' prices):
   exactly priced directors remove 25% of the excess over the exact Lagrangian with the first 10% of
   them, 62% with 30%, 85% with 50%.

Any prices give a valid bound and each director's term is an upper bound on its best team, so the bound
is a proof after every block. The budget is in deterministic units (pairs priced), the clock the safety
net; cancel is checked between blocks."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

import numpy as np

from pairing.engine.bound import pairwise_upper
from pairing.engine.candidates import Arcs
from pairing.engine.instance import Instance
from pairing.engine.master import Master
from pairing.engine.price_pool import MIN_PAIRS, Pricer, helper_cores
from pairing.engine.price_kernel import NEG
from pairing.engine.pricing import Space, build_space
from pairing.engine.restricted import price_restricted, restrict
from pairing.engine.whole_lp import PRICE_PAIR_COST, pass_pair_cost

RESTRICTED_PAIR_COST = 0.45e-6  # per director × candidate-space mentor of the restricted pass (measured at 10,000)
TIGHTEN_CHUNK = 1024  # directors priced exactly between two reports of the bound
TIGHTEN_BLOCK = 128  # directors per pricing block (pricing's 256 doubles each process's arrays: ~+250 MB)
HELPER_WAIT = 2.0  # seconds at most to wait for the pricing helper's start


@dataclass
class Proof:
    """The bound's state: the prices, each director's proven upper value and its candidates' exact value
    (the floor of exact pricing), the bound and the units spent."""

    inst: Instance
    full: Space  # the whole program's space (exact pricing)
    master: Master
    mu: np.ndarray
    upper: np.ndarray
    within: np.ndarray
    complete: bool
    value: float
    spent: float = 0.0
    helper_blocks: int = 0  # blocks a helper process priced (for the record and the tests)

    def bound(self) -> float:
        whole = self.complete and bool(np.all(self.upper > NEG / 4))
        return self.master.lagrangian(self.upper, self.mu, complete=whole)


def fits(inst: Instance, arcs: Arcs, max_pairs: int) -> bool:
    """Above max_pairs (where the neighbourhood path runs no full pricing pass), when every pair's
    optimistic value is kept (arcs.dense) and without the weekly-slot rule."""
    return (inst.n_directors * inst.n_mentors > max_pairs and arcs.dense is not None
            and not inst.options.distinct_mentor_slots)


def first(inst: Instance, arcs: Arcs, mu: np.ndarray, *, complete: bool, deadline: float,
          cancel: threading.Event | None = None) -> Proof | None:
    """The restricted pass at prices mu (None when the deadline or cancel cuts it short)."""
    space = build_space(inst)
    r = restrict(inst, arcs, space)
    nothing = np.full(inst.n_directors, -np.inf)
    priced, within = price_restricted(r, mu, nothing, per_director=0, deadline=deadline, cancel=cancel)
    if not priced.complete:
        return None
    upper = priced.upper
    pairwise = pairwise_upper(inst, arcs, mu)
    if pairwise is not None:
        upper = np.minimum(upper, pairwise)
    space.block = TIGHTEN_BLOCK
    proof = Proof(inst, space, Master(inst, space), mu.copy(), upper, within, complete, float("inf"),
                  sum(len(g.rows) * len(g.mentors) for g in r.groups) * RESTRICTED_PAIR_COST
                  + len(r.in_full) * inst.n_mentors * PRICE_PAIR_COST)
    proof.value = proof.bound()
    return proof


def tighten(proof: Proof, budget: float, deadline: float, cancel: threading.Event | None = None,
            on_bound=None) -> float:
    """Price exactly the directors furthest above their candidates' value, largest excess first, as many
    as `budget` units pay for (the wall-clock `deadline` as the net), on both cores when a helper can run
    (price_pool: the same results whoever prices a block); returns the units spent. The bound is
    recomputed after every TIGHTEN_CHUNK directors."""
    inst = proof.inst
    excess = proof.upper - proof.within
    loose = np.nonzero(excess > 1e-6)[0]
    loose = loose[np.argsort(-excess[loose], kind="stable")]
    helper = helper_cores() > 0 and len(loose) * inst.n_mentors >= MIN_PAIRS
    spent = 0.0
    with Pricer(proof.full, helper) as pricer:
        if helper:  # its start (~0.5 s) is short against the pass at this size: it prices from the first chunk
            pricer.wait_ready(HELPER_WAIT)
        # per director: a pass's cost, less on two cores (whole_lp.pass_pair_cost: measured at 2,000)
        cost = inst.n_mentors * pass_pair_cost(pricer)
        chosen = loose[: max(int(budget // cost), 0)] if np.isfinite(budget) else loose
        for k in range(0, len(chosen), TIGHTEN_CHUNK):
            if cancel is not None and cancel.is_set() or time.perf_counter() >= deadline:
                break
            rows = np.sort(chosen[k: k + TIGHTEN_CHUNK])
            # pricing's upper value is at least its floor and bounds every team: the candidates' exact value
            # as the floor prunes the most and loses nothing (the best team is within them, or found)
            got = pricer.price(proof.mu, proof.within, per_director=0, directors=rows, deadline=deadline,
                               cancel=cancel)
            spent += len(rows) * cost
            proof.upper[rows] = np.minimum(proof.upper[rows], got.upper[rows])  # not reached: +inf, no change
            value = proof.bound()
            if value < proof.value:
                proof.value = value
                if on_bound is not None:
                    on_bound(value)
            if not got.complete:
                break
        proof.helper_blocks += pricer.helper_blocks
    proof.spent += spent
    return spent
